"""The validated "set one property of these items" command behind Set{Element,Relation}Property."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from .command import Command, ids_of, validated

if TYPE_CHECKING:
    from .document import Document
    from .events import Change


class SetProperty(Command):
    """Set `key` to `value` on every item in `ids`; all are validated before anything changes.

    Each new object is built with `model_validate` of the old one's keys plus the change, so strict
    types, enums, ranges and patterns are checked exactly as when a file is loaded. `value=None`
    removes the key (the default applies and the key is not written to the file).
    Consecutive edits of the same key on the same items merge into one undo step (typing a label).
    """

    what: ClassVar[str] = "item"
    fixed: ClassVar[frozenset[str]] = frozenset({"id", "kind"})
    event: ClassVar[type[Change]]

    def __init__(self, doc: Document, ids: str | Sequence[str], key: str, value: Any,
                 text: str | None = None):
        super().__init__(doc, text or f"Set {key}")
        self.doc = doc
        wanted = ids_of(ids)
        if not wanted:
            raise ValueError(f"no {self.what} to change")
        if not isinstance(key, str) or key in self.fixed:
            raise ValueError(f"{key!r} of a {self.what} cannot be changed here")
        table = self._table()
        self.key = key
        self.old: list[Any] = []
        self.new: list[Any] = []
        for item_id in wanted:
            item = table.get(item_id)
            if item is None:
                raise ValueError(f"there is no {self.what} {item_id!r}")
            if key not in type(item).model_fields:
                raise ValueError(f"a {item.kind} has no property {key!r}")
            data = item.model_dump(exclude_unset=True)
            if value is None:
                data.pop(key, None)
            else:
                data[key] = value
            self.old.append(item)
            self.new.append(validated(type(item), data, f"{self._describe(item)}"))
        self.ids = tuple(wanted)
        self.merge_key = (type(self).__name__, self.ids, key)

    def _table(self) -> Any:
        raise NotImplementedError

    def _describe(self, item: Any) -> str:
        return repr(item.id)

    def _put(self, items: list[Any]) -> None:
        table = self._table()
        for item in items:
            table.replace(item)
        self.doc._emit(self.event(self.ids, frozenset({self.key})))  # type: ignore[call-arg]

    def _redo(self) -> None:
        self._put(self.new)

    def _undo(self) -> None:
        self._put(self.old)

    def _absorb(self, other: Command) -> bool:
        assert isinstance(other, SetProperty)
        self.new = other.new
        return True
