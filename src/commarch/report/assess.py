"""The executive summary's judgement: the most important findings and a plain-language assessment."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from commarch.model import CommModel

from .texts import ASSESS, language

# Which problems a client should hear about first, within one severity. The essay behind commarch
# argues that missing coordination costs the most, so coordination and parallel work lead.
IMPORTANCE = (
    "GAP-UNREACHED", "GAP-NO-COORDINATOR", "GAP-SILOS", "OVL-PARALLEL", "GAP-NO-RESPONSIBLE",
    "OVL-RESPONSIBILITY-CONFLICT", "GAP-NO-DIALOG", "OVL-TOPIC-COLLISION", "OVL-SHARED-CHANNEL",
    "GAP-UNOWNED-CHANNEL", "GAP-UNSERVED-GOAL", "OVL-DUPLICATE-CHANNEL", "GAP-DEAD-CHANNEL",
    "GAP-SINGLE-CHANNEL", "GAP-TOPIC-UNPLAYED", "GAP-TOPIC-AIMLESS", "GAP-IDLE-DEPARTMENT",
)
_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def open_findings(findings: Sequence[Any]) -> list[Any]:
    return [f for f in findings if not getattr(f, "waived", False)]


def top_findings(findings: Sequence[Any], count: int = 3) -> list[Any]:
    """The `count` most important open findings, preferring different rules over repeats of one."""
    def key(pair: tuple[int, Any]) -> tuple[int, int, int]:
        position, finding = pair
        rank = IMPORTANCE.index(finding.rule) if finding.rule in IMPORTANCE else len(IMPORTANCE)
        return (_SEVERITY_RANK.get(finding.severity, 3), rank, position)

    ordered = [f for _, f in sorted(enumerate(open_findings(findings)), key=key)]
    chosen: list[Any] = []
    seen_rules: set[str] = set()
    for finding in ordered:  # first pass: one per rule
        if finding.rule not in seen_rules and len(chosen) < count:
            chosen.append(finding)
            seen_rules.add(finding.rule)
    for finding in ordered:  # then fill up, still in order of importance
        if len(chosen) >= count:
            break
        if finding not in chosen:
            chosen.append(finding)
    return sorted(chosen, key=lambda f: ordered.index(f))


def _names(labels: list[str], lang: str) -> str:
    quoted = [f"\u201e{x}\u201c" if lang == "de" else f"\u201c{x}\u201d" for x in labels]
    if len(quoted) <= 1:
        return "".join(quoted)
    return f"{', '.join(quoted[:-1])} {'und' if lang == 'de' else 'and'} {quoted[-1]}"


def assessment(model: CommModel, findings: Sequence[Any], metrics: dict[str, Any], lang: str | None) -> str:
    """One paragraph a client understands, built from the metrics and the open findings."""
    lang = language(lang)
    table = ASSESS[lang]

    def t_n(key: str, count: int) -> str:
        return table.get(f"{key}_one", table[key]) if count == 1 else table[key]

    t = table
    labels = {e.id: e.label for e in model.elements}
    open_ = open_findings(findings)
    by_rule: dict[str, int] = {}
    for f in open_:
        by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
    sentences: list[str] = []

    score = metrics.get("integration_score")
    if score is None:
        sentences.append(t["band_none"])
    else:
        band = next(f"band_{b}" for b in (80, 60, 40, 0) if score >= b)
        sentences.append(t[band].format(score=score))

    stakeholders = [e for e in model.elements if e.kind == "stakeholder"]
    channels = [e for e in model.elements if e.kind == "channel"]
    reached = {r.target for r in model.relations if r.kind == "reaches"}
    unreached = [s for s in stakeholders if s.id not in reached]
    if stakeholders:
        if not unreached:
            sentences.append(t["all_reached"])
        else:
            high = sum(1 for s in unreached if getattr(s, "priority", "") == "high")
            key = "unreached_high" if high else "unreached"
            sentences.append(t_n(key, len(unreached)).format(u=len(unreached), n=len(stakeholders), h=high))

    want_dialog = [s for s in stakeholders if getattr(s, "needs_dialog", False) and s.id in reached]
    if by_rule.get("GAP-NO-DIALOG"):
        k = by_rule["GAP-NO-DIALOG"]
        sentences.append(t_n("no_dialog", k).format(k=k, n=len(want_dialog)))
    if by_rule.get("OVL-PARALLEL"):
        sentences.append(t_n("parallel", by_rule["OVL-PARALLEL"]).format(k=by_rule["OVL-PARALLEL"]))
    silos = metrics.get("silos") or 0
    if silos >= 2:
        sentences.append(t["silos"].format(k=silos))

    coordinators = [e.label for e in model.elements
                    if e.kind == "department" and getattr(e, "coordinator", False)]
    if coordinators:
        sentences.append(t["coord_one" if len(coordinators) == 1 else "coord_many"].format(
            names=_names(coordinators, lang)))
    elif by_rule.get("GAP-NO-COORDINATOR"):
        candidate = metrics.get("coordinator_candidate")
        if candidate in labels:
            sentences.append(t["no_coord_cand"].format(cand=_names([labels[candidate]], lang)))
        else:
            sentences.append(t["no_coord"])

    unclear = by_rule.get("GAP-UNOWNED-CHANNEL", 0) + by_rule.get("OVL-SHARED-CHANNEL", 0)
    if unclear and channels:
        sentences.append(t_n("unowned", unclear).format(k=unclear, n=len(channels)))

    return " ".join(sentences)
