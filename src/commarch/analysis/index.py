"""One pass over a model into adjacency dicts by relation kind, plus the spec's derived terms."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, ItemsView, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from commarch.model import Channel, CommModel, Department, Goal, Stakeholder, Topic

_ENDPOINTS = {
    "operates": ({"department"}, {"channel"}),
    "reaches": ({"channel"}, {"stakeholder"}),
    "coordinates": ({"department"}, {"department"}),
    "responsible_for": ({"department"}, {"stakeholder", "topic"}),
    "carries": ({"channel"}, {"topic"}),
    "serves": ({"channel", "topic", "department"}, {"goal"}),
    "influences": ({"stakeholder"}, {"stakeholder"}),
}


T = TypeVar("T")


def each(table: Mapping[str, T], only: Collection[str] | None) -> ItemsView[str, T] | list[tuple[str, T]]:
    """The (id, element) pairs of `table` in id order: all of them, or only those whose id is in `only`
    (a rule re-run for the subjects an edit touched; ids no longer in the table are left out)."""
    if only is None:
        return table.items()
    return [(k, table[k]) for k in sorted(only) if k in table]


def _set_dict() -> defaultdict[str, set[str]]:
    return defaultdict(set)


@dataclass(slots=True)
class Index:
    """Everything the rules and metrics ask about a model, each answer a dict lookup.

    Element dicts are keyed by id and iterate in id order, so every rule is deterministic whatever
    the order of elements and relations in the file. Notes are left out entirely.
    """

    labels: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)  # element id -> kind (notes left out)
    stakeholders: dict[str, Stakeholder] = field(default_factory=dict)
    channels: dict[str, Channel] = field(default_factory=dict)
    departments: dict[str, Department] = field(default_factory=dict)
    goals: dict[str, Goal] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    kind_counts: dict[str, int] = field(default_factory=dict)
    relation_count: int = 0
    # channel -> {department: role}; department -> channels
    operators: defaultdict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    operated: defaultdict[str, set[str]] = field(default_factory=_set_dict)
    reaches: defaultdict[str, set[str]] = field(default_factory=_set_dict)  # channel -> stakeholders
    channels_of: defaultdict[str, set[str]] = field(default_factory=_set_dict)  # stakeholder -> channels
    coord: defaultdict[str, set[str]] = field(default_factory=_set_dict)  # department <-> department
    responsible: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    responsible_of: defaultdict[str, set[str]] = field(default_factory=_set_dict)  # department -> targets
    carries: defaultdict[str, set[str]] = field(default_factory=_set_dict)  # channel -> topics
    carriers: defaultdict[str, set[str]] = field(default_factory=_set_dict)  # topic -> channels
    serves: defaultdict[str, set[str]] = field(default_factory=_set_dict)  # source -> goals
    served_by: defaultdict[str, set[str]] = field(default_factory=_set_dict)  # goal -> sources
    edges: list[tuple[str, str]] = field(default_factory=list)  # every relation as (source, target)
    # relations a rule reads that repeat one already indexed (same kind and ends, `coordinates` in either
    # direction): the tables hold it once, so removing one of them could not be patched
    duplicates: int = 0
    # relations of a kind some rule reads (not `influences`) skipped for a missing or wrong end: one may
    # count once an element appears, so added elements are not patched in while there are any
    skipped: int = 0
    # derived and cached
    hubs_of: dict[str, frozenset[str]] = field(default_factory=dict)  # department -> coordinator neighbours
    _partners: dict[str, frozenset[str]] = field(default_factory=dict)
    _departments_of: dict[str, tuple[str, ...]] = field(default_factory=dict)

    # --- the spec's terms -------------------------------------------------------------------
    def departments_of(self, stakeholder: str) -> tuple[str, ...]:
        """departments(s): operators of the channels reaching `stakeholder`, sorted by id."""
        cached = self._departments_of.get(stakeholder)
        if cached is None:
            found: set[str] = set()
            for channel in self.channels_of.get(stakeholder, ()):
                found.update(self.operators.get(channel, ()))
            cached = self._departments_of[stakeholder] = tuple(sorted(found))
        return cached

    def coordinated_with(self, a: str) -> frozenset[str]:
        """The departments coordinated with `a`: direct `coordinates` partners, and every department
        linked to a coordinator (other than `a`) that `a` is linked to."""
        cached = self._partners.get(a)
        if cached is None:
            partners = set(self.coord.get(a, ()))
            for hub in self.hubs_of.get(a, ()):
                partners.update(self.coord[hub])
            partners.discard(a)
            cached = self._partners[a] = frozenset(partners)
        return cached

    def coordinated(self, a: str, b: str) -> bool:
        """A direct `coordinates` link, or a third department with coordinator: true linked to both."""
        return a != b and b in self.coordinated_with(a)

    def uncoordinated_pairs(self, departments: tuple[str, ...]) -> list[tuple[str, str]]:
        """The pairs (a < b) among sorted `departments` that are not coordinated, in id order."""
        pairs: list[tuple[str, str]] = []
        for i, a in enumerate(departments):
            partners = self.coordinated_with(a)
            pairs.extend((a, b) for b in departments[i + 1:] if b not in partners)
        return pairs

    def active(self) -> list[str]:
        """Departments that operate at least one channel, in id order."""
        return [d for d in self.departments if self.operated.get(d)]

    def clearly_owned(self, channel: str) -> bool:
        """Has operators, and exactly one, or exactly one `operates` relation with role lead."""
        roles = self.operators.get(channel)
        if not roles:
            return False
        return len(roles) == 1 or sum(1 for role in roles.values() if role == "lead") == 1

    def coordination_groups(self) -> list[list[str]]:
        """Connected components of all departments under `coordinates`, each sorted, in order of first id."""
        seen: set[str] = set()
        groups: list[list[str]] = []
        for start in self.departments:
            if start in seen:
                continue
            seen.add(start)
            group, stack = [], [start]
            while stack:
                node = stack.pop()
                group.append(node)
                for other in self.coord.get(node, ()):
                    if other not in seen:
                        seen.add(other)
                        stack.append(other)
            groups.append(sorted(group))
        return groups


def build_index(model: CommModel) -> Index:
    """Index `model` in one pass. Relations whose endpoints are missing or of the wrong kind are skipped,
    so a model in the middle of an edit can still be analysed."""
    ix = Index()
    by_kind: dict[str, dict] = {
        "stakeholder": {}, "channel": {}, "department": {}, "goal": {}, "topic": {},
    }
    counts = dict.fromkeys(("stakeholder", "channel", "department", "goal", "topic", "note"), 0)
    kinds = ix.kinds
    labels = ix.labels
    for element in model.elements:
        kind, element_id = element.kind, element.id
        counts[kind] = counts.get(kind, 0) + 1
        if kind == "note":
            continue
        kinds[element_id] = kind
        labels[element_id] = element.label
        by_kind[kind][element_id] = element
    ix.kind_counts = counts
    ix.stakeholders = {k: by_kind["stakeholder"][k] for k in sorted(by_kind["stakeholder"])}
    ix.channels = {k: by_kind["channel"][k] for k in sorted(by_kind["channel"])}
    ix.departments = {k: by_kind["department"][k] for k in sorted(by_kind["department"])}
    ix.goals = {k: by_kind["goal"][k] for k in sorted(by_kind["goal"])}
    ix.topics = {k: by_kind["topic"][k] for k in sorted(by_kind["topic"])}
    ix.relation_count = len(model.relations)
    # Local names for the tables: this loop runs once per relation on every edit.
    edges, operators, operated = ix.edges, ix.operators, ix.operated
    reaches, channels_of, coord = ix.reaches, ix.channels_of, ix.coord
    responsible, responsible_of = ix.responsible, ix.responsible_of
    carries, carriers, serves, served_by = ix.carries, ix.carriers, ix.serves, ix.served_by
    endpoints, kind_of = _ENDPOINTS, kinds.get
    duplicates = skipped = 0
    for relation in model.relations:
        kind, source, target = relation.kind, relation.source, relation.target
        allowed = endpoints.get(kind)
        if allowed is None or source == target:
            continue
        if kind_of(source) not in allowed[0] or kind_of(target) not in allowed[1]:
            if kind != "influences":
                skipped += 1
            continue
        edges.append((source, target))
        if kind == "reaches":
            targets = reaches[source]
            if target in targets:
                duplicates += 1
            targets.add(target)
            channels_of[target].add(source)
        elif kind == "operates":
            roles = operators[target]
            if source in roles:
                duplicates += 1
            roles[source] = getattr(relation, "role", None) or "lead"
            operated[source].add(target)
        elif kind == "carries":
            targets = carries[source]
            if target in targets:
                duplicates += 1
            targets.add(target)
            carriers[target].add(source)
        elif kind == "serves":
            targets = serves[source]
            if target in targets:
                duplicates += 1
            targets.add(target)
            served_by[target].add(source)
        elif kind == "coordinates":
            targets = coord[source]
            if target in targets:
                duplicates += 1
            targets.add(target)
            coord[target].add(source)
        elif kind == "responsible_for":
            if source not in responsible[target]:
                responsible[target].append(source)
            else:
                duplicates += 1
            responsible_of[source].add(target)
    ix.duplicates, ix.skipped = duplicates, skipped
    coordinators = {d for d, dept in ix.departments.items() if dept.coordinator}
    ix.hubs_of = {d: frozenset(n for n in neighbours if n in coordinators)
                  for d, neighbours in ix.coord.items()}
    return ix
