"""Gap rules (GAP-*): something the architecture is missing."""

from __future__ import annotations

from collections.abc import Collection, Iterator

from .index import Index, each
from .registry import Hit, rule


@rule("GAP-UNREACHED", "gap", "warning")
def unreached(ix: Index, only: Collection[str] | None = None) -> Iterator[Hit]:
    # The spec derives the default severity from the data: error for high-priority stakeholders.
    for s, stakeholder in each(ix.stakeholders, only):
        if not ix.channels_of.get(s):
            severity = "error" if stakeholder.priority == "high" else "warning"
            yield Hit((s,), {"priority": stakeholder.priority}, severity)


@rule("GAP-UNOWNED-CHANNEL", "gap", "warning")
def unowned_channel(ix: Index, only: Collection[str] | None = None) -> Iterator[Hit]:
    for c, _ in each(ix.channels, only):
        if not ix.operators.get(c):
            yield Hit((c,))


@rule("GAP-DEAD-CHANNEL", "gap", "warning")
def dead_channel(ix: Index, only: Collection[str] | None = None) -> Iterator[Hit]:
    for c, _ in each(ix.channels, only):
        if not ix.reaches.get(c):
            yield Hit((c,))


@rule("GAP-IDLE-DEPARTMENT", "gap", "info")
def idle_department(ix: Index, only: Collection[str] | None = None) -> Iterator[Hit]:
    for d, _ in each(ix.departments, only):
        if not (ix.operated.get(d) or ix.responsible_of.get(d) or ix.coord.get(d) or ix.serves.get(d)):
            yield Hit((d,))


@rule("GAP-NO-DIALOG", "gap", "warning")
def no_dialog(ix: Index, only: Collection[str] | None = None) -> Iterator[Hit]:
    for s, stakeholder in each(ix.stakeholders, only):
        channels = ix.channels_of.get(s)
        if stakeholder.needs_dialog and channels and not any(ix.channels[c].two_way for c in channels):
            yield Hit((s,), {"channels": sorted(channels)})


@rule("GAP-NO-RESPONSIBLE", "gap", "warning")
def no_responsible(ix: Index, only: Collection[str] | None = None) -> Iterator[Hit]:
    for s, _ in each(ix.stakeholders, only):
        departments = ix.departments_of(s)
        if len(departments) >= 2 and not ix.responsible.get(s):
            yield Hit((s, *departments), {"departments": list(departments)})


@rule("GAP-UNSERVED-GOAL", "gap", "warning")
def unserved_goal(ix: Index, only: Collection[str] | None = None) -> Iterator[Hit]:
    for g, _ in each(ix.goals, only):
        if not ix.served_by.get(g):
            yield Hit((g,))


@rule("GAP-SINGLE-CHANNEL", "gap", "info")
def single_channel(ix: Index, only: Collection[str] | None = None) -> Iterator[Hit]:
    for s, stakeholder in each(ix.stakeholders, only):
        channels = ix.channels_of.get(s)
        if stakeholder.priority == "high" and channels and len(channels) == 1:
            (c,) = channels
            yield Hit((s, c), {"channel": c})


@rule("GAP-TOPIC-UNPLAYED", "gap", "info")
def topic_unplayed(ix: Index, only: Collection[str] | None = None) -> Iterator[Hit]:
    for t, _ in each(ix.topics, only):
        if not ix.carriers.get(t):
            yield Hit((t,))


@rule("GAP-TOPIC-AIMLESS", "gap", "info")
def topic_aimless(ix: Index, only: Collection[str] | None = None) -> Iterator[Hit]:
    if not ix.goals:
        return
    for t, _ in each(ix.topics, only):
        if not ix.serves.get(t):
            yield Hit((t,))


@rule("GAP-NO-COORDINATOR", "gap", "warning")
def no_coordinator(ix: Index) -> Iterator[Hit]:
    active = ix.active()
    if len(active) >= 2 and not any(d.coordinator for d in ix.departments.values()):
        yield Hit(tuple(active), {"departments": active})


@rule("GAP-SILOS", "gap", "warning")
def silos(ix: Index) -> Iterator[Hit]:
    groups = active_groups(ix)
    if len(groups) >= 2:
        yield Hit(tuple(sorted(d for group in groups for d in group)), {"groups": groups})


def active_groups(ix: Index) -> list[list[str]]:
    """The active departments of each `coordinates` group that holds one, groups ordered by first id."""
    groups = [[d for d in group if ix.operated.get(d)] for group in ix.coordination_groups()]
    return sorted((g for g in groups if g), key=lambda g: g[0])
