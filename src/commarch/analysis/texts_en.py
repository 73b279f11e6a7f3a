"""English texts of the analysis: rule metadata, finding messages and presentation words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Message = Callable[[Any, Any], tuple[str, str]]  # (Hit, Fmt) -> (message, recommendation)

WORDS = {"and": "and", "open": "\u201c", "close": "\u201d", "group": "group",
         "with": "with", "both": "both", "all": "all"}

UI = {
    "title": "Analysis", "score": "Integration score", "findings": "Findings", "metrics": "Metrics",
    "error": "error", "warning": "warning", "info": "info",
    "errors": "Errors", "warnings": "Warnings", "infos": "Notes",
    "waived": "waived", "waived_note": "waived", "no_findings": "No findings.",
    "recommendation": "Next step", "rule": "Rule", "severity": "Severity", "message": "Finding",
    "coverage": "Coverage", "dialog_coverage": "Dialogue coverage", "ownership": "Clear ownership",
    "coordination": "Coordination", "parallel_free": "Free of parallel work",
    "integration_score": "Integration score", "silos": "Silos", "brokerage": "Brokerage (best networked)",
    "coordinator_candidate": "Coordinator candidate", "none": "none", "na": "n/a",
    "elements": "elements", "relations": "relations", "metric": "Metric", "value": "Value",
    "counts": "Counts",
}

META: dict[str, tuple[str, str, str]] = {
    "GAP-UNREACHED": (
        "Stakeholder not reached",
        "No channel reaches this stakeholder. Whatever the company wants from them (trust, sales, "
        "applications), nobody is working for it, and others fill the silence. For a high-priority "
        "stakeholder this is an error, otherwise a warning.",
        "Decide which channel should reach the stakeholder and which department runs it."),
    "GAP-UNOWNED-CHANNEL": (
        "Channel without an owner",
        "No department operates the channel. A channel without an owner is not fed, not answered and not "
        "measured, yet it still speaks for the company.",
        "Name the department that runs the channel, or close it."),
    "GAP-DEAD-CHANNEL": (
        "Channel reaches nobody",
        "The channel reaches no stakeholder. It costs effort but serves no audience; communication is "
        "judged by business goals, not by activity.",
        "Say whom the channel is for, or give it up and move the effort to channels that matter."),
    "GAP-IDLE-DEPARTMENT": (
        "Department without a role",
        "The department runs no channel, is responsible for nothing, coordinates with nobody and serves "
        "no goal. Either the model is incomplete or the department is left out of communication.",
        "Find out what the department contributes and model it, or remove it."),
    "GAP-NO-DIALOG": (
        "Dialogue needed, but only one-way channels",
        "The stakeholder needs dialogue, but all channels that reach them are one-way. They can hear the "
        "company but cannot answer it; questions and criticism go elsewhere.",
        "Open a two-way channel for the stakeholder and name who answers."),
    "GAP-NO-RESPONSIBLE": (
        "Nobody has the last word",
        "Several departments reach the stakeholder, but none is responsible for the relationship. When "
        "their messages differ, nobody decides.",
        "Make one department responsible for the stakeholder."),
    "GAP-UNSERVED-GOAL": (
        "Goal without communication",
        "No channel, topic or department serves the goal. Communication should be judged by business "
        "goals; a goal without communication behind it will not be reached by it.",
        "Link the channels, topics or departments that should contribute to the goal, or drop the goal."),
    "GAP-SINGLE-CHANNEL": (
        "Important stakeholder on a single channel",
        "A high-priority stakeholder is reached through exactly one channel. If that channel fails or "
        "loses reach, the company loses contact.",
        "Add a complementary second channel and coordinate both."),
    "GAP-TOPIC-UNPLAYED": (
        "Topic on no channel",
        "No channel carries the topic. A topic corridor that no channel uses reaches nobody.",
        "Decide which channels carry the topic, or remove it from the corridor."),
    "GAP-TOPIC-AIMLESS": (
        "Topic without a goal",
        "The topic serves no goal. Content should follow positioning and goals: goals first, then topic "
        "corridors, then content ideas, then content.",
        "Link the topic to the goal it supports, or reconsider it."),
    "GAP-NO-COORDINATOR": (
        "No coordinator",
        "Several departments run channels, but none is the coordinator. Nobody keeps the overview, "
        "integrates the pieces and has the last word.",
        "Appoint a coordinating department (often the best-networked one) and link it to the others."),
    "GAP-SILOS": (
        "Silos",
        "The coordination relations split the active departments into groups that do not align with each "
        "other. Each group plays its channels alone and the combined impact of all channels is lost.",
        "Connect the groups with regular alignment, ideally through one coordinator."),
    "OVL-PARALLEL": (
        "Parallel work on one stakeholder",
        "Departments that do not coordinate reach the same stakeholder. They work side by side, send mixed "
        "messages and waste the combined impact of their channels.",
        "Let these departments align regularly or through a coordinator; make one responsible."),
    "OVL-SHARED-CHANNEL": (
        "Shared channel without a clear lead",
        "Several departments run the channel, and there is no single lead. The channel speaks with several "
        "voices and nobody decides.",
        "Make exactly one department lead of the channel; the others contribute."),
    "OVL-DUPLICATE-CHANNEL": (
        "Duplicate presence on one platform",
        "Two channels on the same platform, run by different departments, reach the same stakeholders. "
        "The audience meets two voices of the company; reach and effort are split.",
        "Merge the two presences under one lead, or give them clearly different audiences."),
    "OVL-TOPIC-COLLISION": (
        "Topic played in parallel",
        "Departments that do not coordinate play the same topic to the same stakeholder. The same story "
        "told separately is told twice, and rarely the same way.",
        "Agree who leads on the topic and plan it across channels together."),
    "OVL-RESPONSIBILITY-CONFLICT": (
        "Competing responsibilities",
        "Several departments are responsible for the same stakeholder or topic. When several have the last "
        "word, nobody has it.",
        "Decide which one department is responsible; the others contribute."),
}

MESSAGES: dict[str, Message] = {}


def _message(rule_id: str) -> Callable[[Message], Message]:
    def register(function: Message) -> Message:
        MESSAGES[rule_id] = function
        return function
    return register


@_message("GAP-UNREACHED")
def _unreached(h: Any, f: Any) -> tuple[str, str]:
    s = f.l(h.subjects[0])
    high = " (high priority)" if h.params["priority"] == "high" else ""
    return (f"No channel reaches {s}{high}. Nobody in the company speaks to them, so others shape "
            f"their view of the company.",
            f"Decide which channel should reach {s} and which department runs it. If {s} does not matter "
            f"for the business goals, remove them from the model.")


@_message("GAP-UNOWNED-CHANNEL")
def _unowned(h: Any, f: Any) -> tuple[str, str]:
    c = f.l(h.subjects[0])
    return (f"No department operates {c}. A channel without an owner is not fed, not answered and not "
            f"measured, yet it still speaks for the company.",
            f"Name the department that runs {c} (an \u201coperates\u201d relation), or close the channel.")


@_message("GAP-DEAD-CHANNEL")
def _dead(h: Any, f: Any) -> tuple[str, str]:
    c = f.l(h.subjects[0])
    return (f"{c} reaches no stakeholder. It costs effort but serves no audience, and communication is "
            f"judged by business goals, not by activity.",
            f"Say whom {c} is for (a \u201creaches\u201d relation), or give it up and move the effort to "
            f"channels that reach your key stakeholders.")


@_message("GAP-IDLE-DEPARTMENT")
def _idle(h: Any, f: Any) -> tuple[str, str]:
    d = f.l(h.subjects[0])
    return (f"{d} has no part in the architecture: it runs no channel, is responsible for nothing, "
            f"coordinates with nobody and serves no goal.",
            f"Ask {d} what it contributes to communication and model it, or remove it if it plays no role.")


@_message("GAP-NO-DIALOG")
def _no_dialog(h: Any, f: Any) -> tuple[str, str]:
    s = f.l(h.subjects[0])
    return (f"The stakeholder {s} needs dialogue, but every channel that reaches them is one-way "
            f"({f.list(h.params['channels'])}). They can hear the company but cannot answer it.",
            f"Open a two-way channel for {s} (service, social media, personal contact) and name who answers.")


@_message("GAP-NO-RESPONSIBLE")
def _no_responsible(h: Any, f: Any) -> tuple[str, str]:
    s, ds = f.l(h.subjects[0]), h.params["departments"]
    return (f"{f.list(ds)} {f.all(len(ds))} reach {s}, but none is responsible for the "
            f"relationship. Nobody has the last word when their messages differ.",
            f"Make one department responsible for {s} (\u201cresponsible_for\u201d), usually the one "
            f"closest to the business goal for this audience.")


@_message("GAP-UNSERVED-GOAL")
def _unserved(h: Any, f: Any) -> tuple[str, str]:
    g = f.l(h.subjects[0])
    return (f"Nothing serves the goal {g}: no channel, topic or department contributes to it. "
            f"Communication is judged by business goals, and this one has no communication behind it.",
            f"Link the channels, topics or departments that should contribute to {g} (\u201cserves\u201d), "
            f"or drop the goal if it no longer is one.")


@_message("GAP-SINGLE-CHANNEL")
def _single(h: Any, f: Any) -> tuple[str, str]:
    s, c = f.l(h.subjects[0]), f.l(h.params["channel"])
    return (f"The stakeholder {s} has high priority but is reached through a single channel, {c}. "
            f"If that channel fails or loses reach, the company loses contact.",
            f"Add a second channel for {s} that complements {c}, and coordinate both.")


@_message("GAP-TOPIC-UNPLAYED")
def _unplayed(h: Any, f: Any) -> tuple[str, str]:
    t = f.l(h.subjects[0])
    return (f"No channel carries the topic {t}. A topic corridor that no channel uses reaches nobody.",
            f"Decide which channels carry {t} (\u201ccarries\u201d), or remove the topic.")


@_message("GAP-TOPIC-AIMLESS")
def _aimless(h: Any, f: Any) -> tuple[str, str]:
    t = f.l(h.subjects[0])
    return (f"The topic {t} serves no goal. Content should follow positioning and goals, not the other "
            f"way round.",
            f"Link {t} to the goal it supports (\u201cserves\u201d), or reconsider whether it belongs in "
            f"the topic corridor.")


@_message("GAP-NO-COORDINATOR")
def _no_coordinator(h: Any, f: Any) -> tuple[str, str]:
    departments = h.params["departments"]
    return (f"{len(departments)} departments run channels ({f.list(departments)}), but none is the "
            f"coordinator. Nobody keeps the overview, integrates the pieces and has the last word.",
            "Appoint a coordinating department (mark it as coordinator) and link it to the others with "
            "\u201ccoordinates\u201d. The best-networked department, the coordinator candidate in the "
            "metrics, is a natural choice.")


@_message("GAP-SILOS")
def _silos(h: Any, f: Any) -> tuple[str, str]:
    groups = h.params["groups"]
    return (f"The departments fall into {len(groups)} groups that do not align with each other "
            f"({f.groups(groups)}). Each group plays its channels alone, and the combined impact of all "
            f"channels is lost.",
            "Connect the groups: agree regular alignment (\u201ccoordinates\u201d) between them, ideally "
            "through one coordinator linked to all.")


@_message("OVL-PARALLEL")
def _parallel(h: Any, f: Any) -> tuple[str, str]:
    s = f.l(h.subjects[0])
    return (f"The stakeholder {s} is addressed by departments that do not coordinate: "
            f"{f.pairs(h.params['pairs'])}. They work side by side on the same audience, send mixed "
            f"messages and waste the combined impact of their channels.",
            f"Agree regular alignment between these departments (\u201ccoordinates\u201d) or link them "
            f"through a coordinator, and make one of them responsible for {s}.")


@_message("OVL-SHARED-CHANNEL")
def _shared(h: Any, f: Any) -> tuple[str, str]:
    c, leads = f.l(h.subjects[0]), h.params["leads"]
    operators = f.list(h.params["operators"])
    problem = (f"{f.list(leads)} {f.all(len(leads))} claim the lead" if leads else "none of them leads")
    return (f"{c} is run by {operators}, and {problem}. A shared channel without one lead speaks with "
            f"several voices, and nobody decides.",
            f"Make exactly one department lead of {c} and set the others to contributor.")


@_message("OVL-DUPLICATE-CHANNEL")
def _duplicate(h: Any, f: Any) -> tuple[str, str]:
    c1, c2 = f.l(h.subjects[0]), f.l(h.subjects[1])
    return (f"{c1} and {c2} are both on {h.params['platform']}, run by different departments, and both "
            f"reach {f.list(h.params['stakeholders'])}. The audience meets two voices of the company on "
            f"one platform; reach and effort are split.",
            f"Merge {c1} and {c2} into one presence with one lead department, or give them clearly "
            f"different audiences and purposes.")


@_message("OVL-TOPIC-COLLISION")
def _collision(h: Any, f: Any) -> tuple[str, str]:
    t = f.l(h.subjects[0])
    return (f"The topic {t} is played to {f.list(h.params['stakeholders'])} by departments that do not "
            f"coordinate: {f.pairs(h.params['pairs'])}. The same story told separately is told twice, "
            f"and rarely the same way.",
            f"Agree who leads on {t} and how the departments align (\u201ccoordinates\u201d or a "
            f"coordinator); plan the topic across channels together.")


@_message("OVL-RESPONSIBILITY-CONFLICT")
def _conflict(h: Any, f: Any) -> tuple[str, str]:
    x, ds = f.l(h.subjects[0]), h.params["departments"]
    return (f"{f.list(ds)} are {f.all(len(ds))} responsible for {x}. When several have the last "
            f"word, nobody has it.",
            f"Decide which one department is responsible for {x}; the others contribute.")
