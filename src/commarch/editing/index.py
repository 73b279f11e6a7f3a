"""Lookup tables over a model (id -> object and position, relations by endpoint and by key), kept in sync."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Generic, Protocol, TypeVar

from commarch.model import CommModel, ElementBase, RelationBase, relation_key
from commarch.model.kinds import ID_PATTERN
from commarch.model.tables import Tables, build_tables


class _HasId(Protocol):
    id: str


T = TypeVar("T", bound=_HasId)

_SUFFIX_RE = re.compile(r"(.+)-([0-9]{1,18})")
_ID_RE = re.compile(ID_PATTERN)


class OrderedIndex(Generic[T]):
    """A model list (mutated in place, only through this class) with id -> object and id -> position.

    Positions are repaired lazily: entries for `items[:_valid]` are known to be right, everything
    from `_valid` on is recomputed on the next lookup. Appending and replacing keep every position
    valid, so the usual edits cost O(changed); an insert or removal in the middle costs one
    O(len - index) repair, the same order as the list shift itself.
    """

    def __init__(self, items: list[T], by_id: dict[str, T], positions: dict[str, int]):
        """`by_id` and `positions` are `items`' tables (`model.tables.build_tables`), taken over."""
        self.items = items
        self.by_id = by_id
        self._pos = positions
        self._valid = len(items)

    def __contains__(self, item_id: object) -> bool:
        return item_id in self.by_id

    def __len__(self) -> int:
        return len(self.items)

    def get(self, item_id: str) -> T | None:
        return self.by_id.get(item_id)

    def position(self, item_id: str) -> int:
        """Index of `item_id` in the model list; KeyError if absent."""
        if item_id not in self.by_id:
            raise KeyError(item_id)
        pos = self._pos.get(item_id)
        if pos is None or pos >= self._valid:
            self._repair()
            pos = self._pos[item_id]
        return pos

    def _repair(self) -> None:
        items = self.items
        for index in range(self._valid, len(items)):
            self._pos[items[index].id] = index
        self._valid = len(items)

    def insert(self, index: int, item: T) -> None:
        n = len(self.items)
        if not 0 <= index <= n:
            raise IndexError(f"position {index} is outside 0..{n}")
        self.items.insert(index, item)
        self.by_id[item.id] = item
        self._pos[item.id] = index
        if index == n and self._valid == n:
            self._valid = n + 1
        else:
            self._valid = min(self._valid, index)

    def remove(self, item_id: str) -> tuple[int, T]:
        """Remove `item_id`; returns its former position and the object."""
        index = self.position(item_id)
        item = self.items.pop(index)
        del self.by_id[item_id]
        del self._pos[item_id]
        self._valid = min(self._valid, index)
        return index, item

    def replace(self, item: T) -> T:
        """Put `item` in place of the object with the same id; returns the old object."""
        index = self.position(item.id)
        old = self.items[index]
        self.items[index] = item
        self.by_id[item.id] = item
        return old


class ModelIndex:
    """All lookup tables of one model. Every change to the model's lists goes through here."""

    def __init__(self, model: CommModel, tables: Tables | None = None):
        """Index `model`; `tables` built from its very lists (as `fileformat.load_indexed` returns them)
        are taken over instead of being built again, and must not be used elsewhere afterwards."""
        if tables is None or not tables.describe(model.elements, model.relations):
            tables = build_tables(model.elements, model.relations)
        self.elements: OrderedIndex[ElementBase] = OrderedIndex(
            model.elements, tables.element_by_id, tables.element_pos)  # type: ignore[arg-type]
        self.relations: OrderedIndex[RelationBase] = OrderedIndex(
            model.relations, tables.relation_by_id, tables.relation_pos)  # type: ignore[arg-type]
        # element id -> ids of its relations (a dict used as an insertion-ordered set)
        self.by_endpoint: dict[str, dict[str, None]] = tables.by_endpoint
        # relation_key(kind, source, target) -> relation id: the no-duplicates rule in O(1)
        self.by_key: dict[tuple[str, str, str], str] = tables.by_key
        self._suffix: dict[str, int] = {}
        # The ids present at construction are scanned for `prefix-N` only when the first id is
        # requested: opening a large file should not pay a regex per id. Taking the maximum is
        # order-independent, so folding them in late gives the same numbers as scanning now.
        self._unscanned: list[list[str]] | None = [list(self.elements.by_id), list(self.relations.by_id)]

    # ids -------------------------------------------------------------------------------------
    def has_id(self, item_id: str) -> bool:
        return item_id in self.elements.by_id or item_id in self.relations.by_id

    def _note_id(self, item_id: str) -> None:
        match = _SUFFIX_RE.fullmatch(item_id)
        if match:
            prefix, number = match.group(1), int(match.group(2))
            if number > self._suffix.get(prefix, 0):
                self._suffix[prefix] = number

    def new_id(self, prefix: str) -> str:
        """`prefix-N` with N above every number used with that prefix so far (never reused)."""
        if not isinstance(prefix, str) or not _ID_RE.fullmatch(prefix) or len(prefix) > 40:
            raise ValueError(f"id prefix {prefix!r} must be 1-40 characters of A-Z, a-z, 0-9, '_', '.', ':' "
                             f"or '-'")
        if self._unscanned is not None:
            for ids in self._unscanned:
                for item_id in ids:
                    self._note_id(item_id)
            self._unscanned = None
        number = self._suffix.get(prefix, 0) + 1
        while self.has_id(f"{prefix}-{number}"):
            number += 1
        self._suffix[prefix] = number
        return f"{prefix}-{number}"

    # elements --------------------------------------------------------------------------------
    def insert_element(self, index: int, element: ElementBase) -> None:
        self.elements.insert(index, element)
        self._note_id(element.id)

    def remove_element(self, element_id: str) -> tuple[int, ElementBase]:
        if self.by_endpoint.get(element_id):
            # Commands remove relations first; this guards the invariant "no dangling relation".
            raise RuntimeError(f"element {element_id!r} still has relations")
        self.by_endpoint.pop(element_id, None)
        return self.elements.remove(element_id)

    # relations -------------------------------------------------------------------------------
    def _link(self, relation: RelationBase) -> None:
        self.by_endpoint.setdefault(relation.source, {})[relation.id] = None
        self.by_endpoint.setdefault(relation.target, {})[relation.id] = None
        self.by_key[relation_key(relation.kind, relation.source, relation.target)] = relation.id

    def _unlink(self, relation: RelationBase) -> None:
        for end in (relation.source, relation.target):
            ids = self.by_endpoint.get(end)
            if ids is not None:
                ids.pop(relation.id, None)
                if not ids:
                    del self.by_endpoint[end]
        self.by_key.pop(relation_key(relation.kind, relation.source, relation.target), None)

    def insert_relation(self, index: int, relation: RelationBase) -> None:
        self.relations.insert(index, relation)
        self._link(relation)
        self._note_id(relation.id)

    def remove_relation(self, relation_id: str) -> tuple[int, RelationBase]:
        index, relation = self.relations.remove(relation_id)
        self._unlink(relation)
        return index, relation

    def replace_relation(self, relation: RelationBase) -> RelationBase:
        # Only non-structural keys change (source, target and kind are fixed), so links stay.
        return self.relations.replace(relation)

    def relations_of(self, element_id: str) -> list[str]:
        return list(self.by_endpoint.get(element_id, ()))

    # checking --------------------------------------------------------------------------------
    def problems(self, model: CommModel) -> Iterator[str]:
        """Every way the tables disagree with `model` (O(model); for tests and debugging)."""
        fresh = ModelIndex.__new__(ModelIndex)
        fresh.by_endpoint, fresh.by_key = {}, {}
        for relation in model.relations:
            fresh._link(relation)
        for name, table, items in (("elements", self.elements, model.elements),
                                   ("relations", self.relations, model.relations)):
            if table.items is not items:
                yield f"{name}: the index watches another list"
            if set(table.by_id) != {i.id for i in items} or len(table.by_id) != len(items):
                yield f"{name}: id table differs from the model"
            for position, item in enumerate(items):
                if table.by_id.get(item.id) is not item:
                    yield f"{name}[{position}]: id {item.id!r} maps to another object"
                elif table.position(item.id) != position:
                    yield f"{name}[{position}]: position of {item.id!r} is {table.position(item.id)}"
        if fresh.by_endpoint != self.by_endpoint:
            yield "relations by endpoint differ from the model"
        if fresh.by_key != self.by_key:
            yield "relation keys differ from the model"
