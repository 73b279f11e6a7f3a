"""Lookup tables over a model's lists (by id, by position, by endpoint, by relation key), built in C-level passes.

Opening a file needs them twice: the loader checks the cross-object rules with them (unique ids, known
endpoints, allowed kinds, no duplicate relation) and the document indexes the model with them. Built once
and handed on (`fileformat.load_indexed` → `Document`), a 10,000-element open saves ~20 ms.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress
from operator import attrgetter, eq
from typing import Any

from .elements import ELEMENT_CLASSES
from .kinds import RELATION_TABLE, SYMMETRIC_RELATIONS

_ID, _KIND = attrgetter("id"), attrgetter("kind")
_SOURCE, _TARGET = attrgetter("source"), attrgetter("target")
# (relation kind, source class, target class) of every allowed relation. An endpoint that is not an
# element id looks up None, whose type is never in here.
_ALLOWED = frozenset((kind, ELEMENT_CLASSES[source], ELEMENT_CLASSES[target])
                     for kind, (sources, targets) in RELATION_TABLE.items()
                     for source in sources for target in targets)


@dataclass(slots=True, eq=False)
class Tables:
    """Tables over `elements` and `relations` (the very list objects they were built from)."""

    elements: list[Any]
    relations: list[Any]
    element_by_id: dict[str, Any]
    element_pos: dict[str, int]
    relation_by_id: dict[str, Any]
    relation_pos: dict[str, int]
    # relation_key(kind, source, target) -> relation id (symmetric kinds with sorted ends)
    by_key: dict[tuple[str, str, str], str]
    # element id -> ids of its relations (a dict used as an insertion-ordered set)
    by_endpoint: dict[str, dict[str, None]]
    # whether `check_model` would find no problem; None when not checked
    consistent: bool | None = None

    def describe(self, elements: list[Any], relations: list[Any]) -> bool:
        """True if these tables were built from exactly these lists, unchanged in length."""
        return (self.elements is elements and self.relations is relations
                and len(elements) == len(self.element_by_id) and len(relations) == len(self.relation_by_id))


def build_tables(elements: list[Any], relations: list[Any], *, check: bool = False) -> Tables:
    """The tables of these lists; with `check`, also whether `check_model` would find nothing wrong
    (duplicate ids make the id tables shorter than the lists: such tables are only good for that verdict)."""
    element_ids = list(map(_ID, elements))
    relation_ids = list(map(_ID, relations))
    kinds, sources, targets = list(map(_KIND, relations)), list(map(_SOURCE, relations)), \
        list(map(_TARGET, relations))
    keys = list(zip(kinds, sources, targets, strict=True))
    for i in compress(range(len(keys)), map(SYMMETRIC_RELATIONS.__contains__, kinds)):
        kind, source, target = keys[i]
        if target < source:
            keys[i] = (kind, target, source)
    by_endpoint: dict[str, dict[str, None]] = {}
    for relation_id, source, target in zip(relation_ids, sources, targets, strict=True):
        ids = by_endpoint.get(source)  # setdefault inlined: this loop is most of indexing a large model
        if ids is None:
            by_endpoint[source] = {relation_id: None}
        else:
            ids[relation_id] = None
        ids = by_endpoint.get(target)
        if ids is None:
            by_endpoint[target] = {relation_id: None}
        else:
            ids[relation_id] = None
    tables = Tables(
        elements, relations,
        dict(zip(element_ids, elements, strict=True)), dict(zip(element_ids, range(len(element_ids)), strict=True)),
        dict(zip(relation_ids, relations, strict=True)),
        dict(zip(relation_ids, range(len(relation_ids)), strict=True)),
        dict(zip(keys, relation_ids, strict=True)), by_endpoint)
    if check:
        tables.consistent = _consistent(tables, kinds, sources, targets)
    return tables


def _consistent(tables: Tables, kinds: list[str], sources: list[str], targets: list[str]) -> bool:
    by_id = tables.element_by_id
    if len(by_id) != len(tables.elements) or len(tables.relation_by_id) != len(tables.relations):
        return False  # a duplicate id
    if not tables.relation_by_id.keys().isdisjoint(by_id):
        return False  # an id shared by an element and a relation
    if any(map(eq, sources, targets)):
        return False  # a relation from an element to itself
    ends = zip(kinds, map(type, map(by_id.get, sources)), map(type, map(by_id.get, targets)), strict=True)
    if not set(ends) <= _ALLOWED:
        return False  # an unknown endpoint, or a kind not allowed between these element kinds
    return len(tables.by_key) == len(tables.relations)  # else a duplicate relation (symmetric: either way)
