"""Patching the analysis index for added and removed relations and elements, noting whom each one touches."""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from .index import _ENDPOINTS, Index

# Per-subject rules by the kind of their first subject: a subject marked dirty re-runs these for it.
# OVL-RESPONSIBILITY-CONFLICT is about a stakeholder or a topic; OVL-DUPLICATE-CHANNEL is about a pair
# of channels (either may be the dirty one).
RULES_OF_KIND: dict[str, tuple[str, ...]] = {
    "stakeholder": ("GAP-UNREACHED", "GAP-NO-DIALOG", "GAP-NO-RESPONSIBLE", "GAP-SINGLE-CHANNEL",
                    "OVL-PARALLEL", "OVL-RESPONSIBILITY-CONFLICT"),
    "channel": ("GAP-UNOWNED-CHANNEL", "GAP-DEAD-CHANNEL", "OVL-SHARED-CHANNEL", "OVL-DUPLICATE-CHANNEL"),
    "department": ("GAP-IDLE-DEPARTMENT",),
    "goal": ("GAP-UNSERVED-GOAL",),
    "topic": ("GAP-TOPIC-UNPLAYED", "GAP-TOPIC-AIMLESS", "OVL-TOPIC-COLLISION", "OVL-RESPONSIBILITY-CONFLICT"),
}
PAIR_RULES = frozenset({"OVL-DUPLICATE-CHANNEL"})
# Rules about the whole model (one finding at most): re-run whole when an edit can change them.
GLOBAL_RULES = frozenset({"GAP-NO-COORDINATOR", "GAP-SILOS"})
# A rule in neither table (one added later) runs whole after every structural edit: slow, never wrong.
MAPPED_RULES = GLOBAL_RULES.union(*RULES_OF_KIND.values())


class Unpatchable(Exception):
    """The edit cannot be patched safely (a duplicate, a relation the index would skip): run in full."""


@dataclass
class Delta:
    """What a set of structural edits touched: dirty subjects by kind, and rules to re-run whole."""

    dirty: dict[str, set[str]] = field(default_factory=lambda: {k: set() for k in RULES_OF_KIND})
    whole: set[str] = field(default_factory=set)

    def subjects_of(self, rule_id: str) -> set[str]:
        found: set[str] = set()
        for kind, rules in RULES_OF_KIND.items():
            if rule_id in rules:
                found |= self.dirty[kind]
        return found


def _reached_through(ix: Index, departments: Iterable[str], delta: Delta) -> None:
    """Stakeholders and topics whose findings read the coordination or channels of `departments`."""
    stakeholders, topics = delta.dirty["stakeholder"], delta.dirty["topic"]
    for d in departments:
        for c in ix.operated.get(d, ()):
            stakeholders.update(ix.reaches.get(c, ()))
            topics.update(ix.carries.get(c, ()))


def _forget_departments_of(ix: Index, stakeholders: Iterable[str]) -> None:
    cache = ix._departments_of
    for s in stakeholders:
        cache.pop(s, None)


def _read(ix: Index, relation: dict[str, Any]) -> tuple[str, str, str] | None:
    """(kind, source, target) if the index holds `relation` (build_index's test), else None."""
    kind, source, target = relation.get("kind"), relation.get("source"), relation.get("target")
    allowed = _ENDPOINTS.get(kind)  # type: ignore[arg-type]
    if allowed is None or source == target:
        return None
    if ix.kinds.get(source) not in allowed[0] or ix.kinds.get(target) not in allowed[1]:  # type: ignore[arg-type]
        return None
    return kind, source, target  # type: ignore[return-value]


def add_relation(ix: Index, relation: dict[str, Any], delta: Delta) -> None:
    ix.relation_count += 1
    read = _read(ix, relation)
    if read is None:
        if relation.get("kind") in _ENDPOINTS and relation.get("source") != relation.get("target"):
            raise Unpatchable("a relation the index skips")  # its ends may appear later: keep it simple
        return
    kind, source, target = read
    dirty = delta.dirty
    if kind == "reaches":
        if target in ix.reaches[source]:
            raise Unpatchable("duplicate")
        ix.reaches[source].add(target)
        ix.channels_of[target].add(source)
        _touch_reach(ix, source, target, delta)
    elif kind == "operates":
        roles = ix.operators[target]
        if source in roles:
            raise Unpatchable("duplicate")
        was_active = bool(ix.operated.get(source))
        roles[source] = relation.get("role") or "lead"
        ix.operated[source].add(target)
        _touch_operates(ix, source, target, was_active, delta)
    elif kind == "carries":
        if target in ix.carries[source]:
            raise Unpatchable("duplicate")
        ix.carries[source].add(target)
        ix.carriers[target].add(source)
        dirty["topic"].add(target)
    elif kind == "serves":
        if target in ix.serves[source]:
            raise Unpatchable("duplicate")
        ix.serves[source].add(target)
        ix.served_by[target].add(source)
        _touch_serves(ix, source, target, delta)
    elif kind == "coordinates":
        if target in ix.coord[source]:
            raise Unpatchable("duplicate")
        ix.coord[source].add(target)
        ix.coord[target].add(source)
        _touch_coordinates(ix, source, target, delta)
    elif kind == "responsible_for":
        if source in ix.responsible[target]:
            raise Unpatchable("duplicate")
        ix.responsible[target].append(source)
        ix.responsible_of[source].add(target)
        _touch_responsible(ix, source, target, delta)


def remove_relation(ix: Index, relation: dict[str, Any], delta: Delta) -> None:
    """Undo what `add_relation` (or build_index) did for `relation`; the index has no duplicates."""
    ix.relation_count -= 1
    read = _read(ix, relation)
    if read is None:
        return
    kind, source, target = read
    if kind == "reaches":
        ix.reaches[source].discard(target)
        ix.channels_of[target].discard(source)
        _touch_reach(ix, source, target, delta)
    elif kind == "operates":
        ix.operators[target].pop(source, None)
        ix.operated[source].discard(target)
        _touch_operates(ix, source, target, True, delta)
    elif kind == "carries":
        ix.carries[source].discard(target)
        ix.carriers[target].discard(source)
        delta.dirty["topic"].add(target)
    elif kind == "serves":
        ix.serves[source].discard(target)
        ix.served_by[target].discard(source)
        _touch_serves(ix, source, target, delta)
    elif kind == "coordinates":
        # partners are worked out before the link goes: the departments that lose it are the same
        _touch_coordinates(ix, source, target, delta)
        ix.coord[source].discard(target)
        ix.coord[target].discard(source)
        _rehub(ix, source, target)
    elif kind == "responsible_for":
        if source in ix.responsible[target]:
            ix.responsible[target].remove(source)
        ix.responsible_of[source].discard(target)
        _touch_responsible(ix, source, target, delta)


def _touch_reach(ix: Index, channel: str, stakeholder: str, delta: Delta) -> None:
    delta.dirty["stakeholder"].add(stakeholder)
    delta.dirty["channel"].add(channel)
    delta.dirty["topic"].update(ix.carries.get(channel, ()))
    _forget_departments_of(ix, (stakeholder,))


def _touch_operates(ix: Index, department: str, channel: str, was_active: bool, delta: Delta) -> None:
    delta.dirty["channel"].add(channel)
    delta.dirty["department"].add(department)
    reached = ix.reaches.get(channel, ())
    delta.dirty["stakeholder"].update(reached)
    delta.dirty["topic"].update(ix.carries.get(channel, ()))
    _forget_departments_of(ix, reached)
    if was_active != bool(ix.operated.get(department)):
        delta.whole |= GLOBAL_RULES


def _touch_serves(ix: Index, source: str, goal: str, delta: Delta) -> None:
    delta.dirty["goal"].add(goal)
    kind = ix.kinds.get(source)
    if kind in ("topic", "department"):
        delta.dirty[kind].add(source)  # type: ignore[index]


def _touch_coordinates(ix: Index, a: str, b: str, delta: Delta) -> None:
    """Call while the link a-b is in the tables (after adding it, before removing it)."""
    changed = {a, b}
    for x in (a, b):
        if ix.departments[x].coordinator:
            changed.update(ix.coord[x])  # they gain or lose the other end as a partner
    _rehub(ix, a, b)
    for d in changed:
        ix._partners.pop(d, None)
    delta.dirty["department"].update((a, b))
    delta.whole.add("GAP-SILOS")
    _reached_through(ix, changed, delta)


def _rehub(ix: Index, *departments: str) -> None:
    for d in departments:
        ix.hubs_of[d] = frozenset(n for n in ix.coord[d] if ix.departments[n].coordinator)


def _touch_responsible(ix: Index, department: str, target: str, delta: Delta) -> None:
    delta.dirty["department"].add(department)
    kind = ix.kinds.get(target)
    if kind in ("stakeholder", "topic"):
        delta.dirty[kind].add(target)  # type: ignore[index]


_ADJACENCY = attrgetter("operators", "operated", "reaches", "channels_of", "coord", "responsible",
                        "responsible_of", "carries", "carriers", "serves", "served_by")


def add_element(ix: Index, element: Any, delta: Delta) -> None:
    """An element no relation touches yet (relations are added after elements)."""
    kind, element_id = element.kind, element.id
    ix.kind_counts[kind] = ix.kind_counts.get(kind, 0) + 1
    if kind == "note":
        return
    if element_id in ix.kinds:
        raise Unpatchable("id already indexed")
    ix.kinds[element_id] = kind
    ix.labels[element_id] = element.label
    name = kind + "s"
    table: dict[str, Any] = getattr(ix, name)
    if table and element_id < next(reversed(table)):
        # tables iterate in id order: rebuild with the new id in its place
        keys = list(table)
        insort(keys, element_id)
        table[element_id] = element
        setattr(ix, name, {k: table[k] for k in keys})
    else:
        table[element_id] = element
    _touch_element(ix, kind, element_id, delta, was_empty=len(getattr(ix, name)) == 1)


def remove_element(ix: Index, element: dict[str, Any], delta: Delta) -> None:
    """An element whose relations are all removed already."""
    kind, element_id = element.get("kind"), element.get("id")
    ix.kind_counts[kind] = ix.kind_counts.get(kind, 0) - 1  # type: ignore[index]
    if kind == "note":
        return
    if ix.kinds.get(element_id) != kind:  # type: ignore[arg-type]
        raise Unpatchable("not indexed as that kind")
    if any(table.get(element_id) for table in _ADJACENCY(ix)):  # type: ignore[attr-defined]
        raise Unpatchable("a relation to it stays")  # the index would still hold it
    del ix.kinds[element_id]  # type: ignore[arg-type]
    ix.labels.pop(element_id, None)  # type: ignore[arg-type]
    table: dict[str, Any] = getattr(ix, kind + "s")
    del table[element_id]
    _touch_element(ix, kind, element_id, delta, was_empty=not table)  # type: ignore[arg-type]


def _touch_element(ix: Index, kind: str, element_id: str, delta: Delta, was_empty: bool) -> None:
    delta.dirty[kind].add(element_id)
    if kind == "department":
        # it may be the (only) coordinator; an isolated department is never active, so GAP-SILOS stays
        delta.whole.add("GAP-NO-COORDINATOR")
    elif kind == "goal" and was_empty:
        delta.whole.add("GAP-TOPIC-AIMLESS")  # the model gained its first goal or lost its last
    for table in (*_ADJACENCY(ix), ix.hubs_of, ix._partners, ix._departments_of):
        table.pop(element_id, None)  # type: ignore[attr-defined]


def _neighbours(ix: Index, element_id: str) -> set[str]:
    found: set[str] = set()
    for table in _ADJACENCY(ix):
        found.update(table.get(element_id, ()))
    return found


def relabel(ix: Index, element: Any, delta: Delta) -> None:
    """A new label: every finding that names the element is re-rendered. A message names its subjects
    and, in its parameters, elements at most two relations away from the first subject (a stakeholder's
    departments, a topic's audiences, a pair's shared stakeholders), so that is the neighbourhood."""
    element_id = element.id
    if element_id not in ix.kinds:
        return  # a note: never named
    ix.labels[element_id] = element.label
    near = {element_id} | _neighbours(ix, element_id)
    for other in list(near):
        near |= _neighbours(ix, other)
    for other in near:
        delta.dirty[ix.kinds[other]].add(other)
    if ix.kinds[element_id] == "department":
        delta.whole |= GLOBAL_RULES  # they list departments


def recoordinate(ix: Index, department: Any, delta: Delta) -> None:
    """`coordinator` flipped: the departments linked to it gain or lose each other as partners."""
    linked = ix.coord.get(department.id, set())
    _rehub(ix, *linked)
    for d in linked:
        ix._partners.pop(d, None)
    _reached_through(ix, linked, delta)
    delta.whole.add("GAP-NO-COORDINATOR")
