"""Commands on elements: AddElements, RemoveElements, Move, SetElementProperty; `new_element` builds one."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from commarch.model import ELEMENT_CLASSES, ElementBase, RelationBase, relation_key

from .command import Command, ids_of, validated
from .events import (
    ElementsAdded,
    ElementsChanged,
    ElementsMoved,
    ElementsRemoved,
    RelationsAdded,
    RelationsRemoved,
)
from .property_command import SetProperty
from .relation_commands import check_new_relation

if TYPE_CHECKING:
    from .document import Document


def new_element(doc: Document, kind: str, label: str, x: float = 0, y: float = 0, *,
                id: str | None = None, **props: Any) -> ElementBase:
    """A validated element with a fresh id (`kind-N`); every given key is written to the file.

    ValueError (with the reason) for an unknown kind or a bad value. Add it with `AddElements`.
    """
    cls = ELEMENT_CLASSES.get(kind)
    if cls is None:
        raise ValueError(f"unknown element kind {kind!r} (one of {', '.join(ELEMENT_CLASSES)})")
    data = {"id": id if id is not None else doc.new_id(kind), "kind": kind, "label": label, "x": x, "y": y,
            **props}
    return validated(cls, data, kind)


class AddElements(Command):
    """Add elements (and optionally relations among/to them) as one step.

    `indexes`: where each element ends up in the model's list (default: appended in order); undo of
    a delete uses this to restore the order exactly. `relations` are appended after the existing
    relations and may connect the new elements with each other and with existing ones. Everything is
    validated (ids unused, kinds allowed, no duplicates) before anything changes; the document keeps
    its own copies of the objects. `ids` / `relation_ids` name what was added.
    """

    def __init__(self, doc: Document, elements: Sequence[ElementBase], indexes: Sequence[int] | None = None,
                 relations: Sequence[RelationBase] = (), text: str | None = None):
        if not elements:
            raise ValueError("nothing to add")
        copies: list[ElementBase] = []
        seen: set[str] = set()
        for element in elements:
            if ELEMENT_CLASSES.get(getattr(element, "kind", None)) is not type(element):  # type: ignore[arg-type]
                raise ValueError(f"not an element: {element!r:.80}")
            copy = validated(type(element), element.model_dump(exclude_unset=True), f"element {element.id!r}")
            if doc.has_id(copy.id) or copy.id in seen:
                raise ValueError(f"the id {copy.id!r} is already used")
            seen.add(copy.id)
            copies.append(copy)
        count = len(doc.model.elements)
        if indexes is None:
            placed = [(count + i, e) for i, e in enumerate(copies)]
        else:
            if len(indexes) != len(copies) or len(set(indexes)) != len(copies):
                raise ValueError("give one distinct index per element")
            placed = sorted(zip(indexes, copies, strict=True), key=lambda pair: pair[0])
            for step, (index, _) in enumerate(placed):
                if type(index) is not int or not 0 <= index <= count + step:
                    raise ValueError(f"index {index!r} is outside the element list")
        new_kinds = {e.id: e.kind for e in copies}
        rel_copies: list[RelationBase] = []
        keys: set[tuple[str, str, str]] = set()
        for relation in relations:
            copy = check_new_relation(doc, relation, new_kinds, seen, keys)
            seen.add(copy.id)
            keys.add(relation_key(copy.kind, copy.source, copy.target))
            rel_copies.append(copy)
        self.placed = placed
        self.relations = rel_copies
        self.ids = tuple(e.id for e in copies)
        self.relation_ids = tuple(r.id for r in rel_copies)
        n = len(copies)
        super().__init__(doc, text or (f"Add {copies[0].kind}" if n == 1 else f"Add {n} elements"))

    def _redo(self) -> None:
        index = self.doc._index
        for position, element in self.placed:
            index.insert_element(position, element)
        for relation in self.relations:
            index.insert_relation(len(self.doc.model.relations), relation)
        self.doc._emit(ElementsAdded(self.ids))
        if self.relation_ids:
            self.doc._emit(RelationsAdded(self.relation_ids))

    def _undo(self) -> None:
        index = self.doc._index
        for relation in reversed(self.relations):
            index.remove_relation(relation.id)
        for _, element in reversed(self.placed):
            index.remove_element(element.id)
        if self.relation_ids:
            self.doc._emit(RelationsRemoved(self.relation_ids))
        self.doc._emit(ElementsRemoved(self.ids))


class RemoveElements(Command):
    """Delete elements and every relation attached to them, as one step.

    Records the elements and relations with their list positions, so undo restores ids, relations
    and order exactly. Costs O(removed + their relations) via the endpoint index.
    """

    def __init__(self, doc: Document, ids: str | Sequence[str], text: str | None = None):
        wanted = ids_of(ids)
        if not wanted:
            raise ValueError("nothing to delete")
        missing = [e for e in wanted if doc.get_element(e) is None]
        if missing:
            raise ValueError(f"there is no element {missing[0]!r}")
        relation_ids = dict.fromkeys(r for e in wanted for r in doc._index.relations_of(e))
        self.elements = sorted(((doc.element_position(e), doc.element(e)) for e in wanted),
                               key=lambda pair: pair[0])
        self.relations = sorted(((doc.relation_position(r), doc.relation(r)) for r in relation_ids),
                                key=lambda pair: pair[0])
        self.ids = tuple(e.id for _, e in self.elements)
        self.relation_ids = tuple(r.id for _, r in self.relations)
        n = len(wanted)
        super().__init__(doc, text or ("Delete element" if n == 1 else f"Delete {n} elements"))

    def _redo(self) -> None:
        index = self.doc._index
        for _, relation in reversed(self.relations):
            index.remove_relation(relation.id)
        for _, element in reversed(self.elements):
            index.remove_element(element.id)
        if self.relation_ids:
            self.doc._emit(RelationsRemoved(self.relation_ids))
        if self.ids:
            self.doc._emit(ElementsRemoved(self.ids))

    def _undo(self) -> None:
        index = self.doc._index
        for position, element in self.elements:
            index.insert_element(position, element)
        for position, relation in self.relations:
            index.insert_relation(position, relation)
        if self.ids:
            self.doc._emit(ElementsAdded(self.ids))
        if self.relation_ids:
            self.doc._emit(RelationsAdded(self.relation_ids))


def _coordinate(value: Any, what: str) -> int | float:
    if type(value) not in (int, float) or not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number (got {value!r:.40})")
    return value  # type: ignore[no-any-return]


class Move(Command):
    """Put elements at new centre positions: `positions` maps id -> (x, y). A whole drag is one Move.

    Consecutive moves of the same set of elements merge into one undo step (arrow-key nudges).
    """

    def __init__(self, doc: Document, positions: Mapping[str, tuple[float, float]], text: str | None = None):
        if not positions:
            raise ValueError("nothing to move")
        self.old: list[ElementBase] = []
        self.new: list[ElementBase] = []
        for element_id, position in positions.items():
            element = doc.get_element(element_id)
            if element is None:
                raise ValueError(f"there is no element {element_id!r}")
            try:
                x, y = position
            except (TypeError, ValueError):
                raise ValueError(f"the position of {element_id!r} must be a pair (x, y)") from None
            update = {"x": _coordinate(x, "x"), "y": _coordinate(y, "y")}
            self.old.append(element)
            self.new.append(element.model_copy(update=update))
        self.ids = tuple(e.id for e in self.old)
        self.merge_key = ("move", frozenset(self.ids))
        super().__init__(doc, text or "Move")

    def _put(self, elements: list[ElementBase]) -> None:
        table = self.doc._index.elements
        for element in elements:
            table.replace(element)
        if self.ids:
            self.doc._emit(ElementsMoved(self.ids))

    def _redo(self) -> None:
        self._put(self.new)

    def _undo(self) -> None:
        self._put(self.old)

    def _absorb(self, other: Command) -> bool:
        assert isinstance(other, Move)
        by_id = {e.id: e for e in other.new}
        self.new = [by_id[e.id] for e in self.new]
        return True


class SetElementProperty(SetProperty):
    """Set one property (label, notes, tags, color, priority, …) of one or more elements, validated.

    Raises ValueError with a readable reason (and changes nothing) for an unknown key, a wrong type
    or a value outside the enum/range. `value=None` removes the key (e.g. the colour). Positions
    are changed with `Move`, not here.
    """

    what = "element"
    fixed = frozenset({"id", "kind", "x", "y"})
    event = ElementsChanged

    def __init__(self, doc: Document, ids: str | Sequence[str], key: str, value: Any,
                 text: str | None = None):
        if key in ("x", "y"):
            raise ValueError("positions are changed with Move")
        super().__init__(doc, ids, key, value, text)

    def _table(self):  # type: ignore[no-untyped-def]
        return self.doc._index.elements

    def _describe(self, item: Any) -> str:
        return f"{item.kind} {item.label!r}"
