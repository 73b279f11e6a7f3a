"""The `Document`: one model with its file path, undo history, lookup indexes and change listeners."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from commarch import fileformat
from commarch.gcpause import gc_paused
from commarch.model import CommModel, ElementBase, Meta, RelationBase, check_model, relation_key
from commarch.model.tables import Tables

from .command import Macro, set_field, validated
from .events import Change, MetaChanged, ModelReset, Saved, coalesce
from .history import History
from .index import ModelIndex

if TYPE_CHECKING:
    from .command import Command

Listener = Callable[[Change], None]


def utc_now() -> str:
    """The current time as ISO 8601 UTC with a 'Z', to the second (e.g. 2026-11-20T09:00:00Z)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Document:
    """A model being edited. Change it only through commands; never mutate `doc.model` directly.

    Element and relation objects in the model are treated as immutable snapshots: a command that
    changes one puts a new object in its place, so references held elsewhere never change under
    their holder (look objects up again by id after a change event).
    """

    def __init__(self, model: CommModel | None = None, path: str | os.PathLike[str] | None = None, *,
                 clock: Callable[[], str] = utc_now, history_limit: int = 0, validated: bool = False,
                 tables: Tables | None = None):
        """`validated=True` skips the cross-object check for a model `fileformat.load` has just checked;
        `tables` are its lookup tables as `fileformat.load_indexed` returns them (taken over, not copied)."""
        self.clock = clock
        self.history = History(self, history_limit)
        self._listeners: list[Listener] = []
        self._queue: list[Change] = []
        self._event_depth = 0
        self._command_depth = 0
        self._install(model if model is not None else CommModel.empty(),
                      os.fspath(path) if path is not None else None, validated, tables)

    def _install(self, model: CommModel, path: str | None, validated: bool = False,
                 tables: Tables | None = None) -> None:
        if not validated:
            problems = check_model(model.elements, model.relations)
            if problems:
                raise ValueError("the model is not valid: " + "; ".join(str(p) for p in problems[:5]))
        self._model = model
        self.path = path
        with gc_paused():  # indexing creates tens of thousands of small objects that are not garbage
            self._index = ModelIndex(model, tables)
        # Top-level commands applied so far, and the (depth, top command) at the last save. This
        # makes `is_dirty` right whoever drives the commands: `self.history` or a QUndoStack.
        self._applied: list[Command] = []
        self._clean: tuple[int, Command | None] | None = (0, None)
        self.history.clear()

    # files -----------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], **kwargs: object) -> Document:
        """Load a `.comm` file (raises CommFileError with every problem)."""
        model, tables = fileformat.load_indexed(path)
        return cls(model, path, validated=True, tables=tables, **kwargs)  # type: ignore[arg-type]

    def save(self, path: str | os.PathLike[str] | None = None) -> None:
        """Write the model atomically to `path` (or the document's path) and mark it clean.

        `meta.modified` is set to now when the document has unsaved changes or the key is missing,
        so saving an unchanged file rewrites it byte for byte. On failure the model (including
        `meta.modified`) is left as it was, the document stays dirty and CommFileError is raised.
        """
        target = os.fspath(path) if path is not None else self.path
        if target is None:
            raise ValueError("the document has no file name yet: pass a path")
        model = self._model
        old_meta, meta_was_set = model.meta, "meta" in model.model_fields_set
        stamp = self.is_dirty or old_meta is None or "modified" not in old_meta.model_fields_set
        if stamp:
            data = old_meta.model_dump(exclude_unset=True) if old_meta is not None else {}
            data["modified"] = self.clock()
            set_field(model, "meta", validated(Meta, data, "meta"), True)
        try:
            fileformat.save(model, target)
        except BaseException:
            set_field(model, "meta", old_meta, meta_was_set)
            raise
        self.path = target
        self.history.mark_clean()
        self._clean = self._state()
        with self._batch():
            if stamp:
                self._emit(MetaChanged(frozenset({"modified"})))
            self._emit(Saved(target))

    def reset(self, model: CommModel, path: str | os.PathLike[str] | None = None, *,
              validated: bool = False, tables: Tables | None = None) -> None:
        """Replace the whole model (Revert, New): the history is cleared and the document is clean."""
        self._install(model, os.fspath(path) if path is not None else None, validated, tables)
        with self._batch():
            self._emit(ModelReset())

    def reload(self) -> None:
        """Read the file again, dropping unsaved changes and the history (Revert)."""
        if self.path is None:
            raise ValueError("the document has no file to reload")
        model, tables = fileformat.load_indexed(self.path)
        self.reset(model, self.path, validated=True, tables=tables)

    # state -----------------------------------------------------------------------------------
    @property
    def model(self) -> CommModel:
        return self._model

    def _state(self) -> tuple[int, Command | None]:
        return (len(self._applied), self._applied[-1] if self._applied else None)

    @property
    def is_dirty(self) -> bool:
        """True when the model differs from the last save/open (undoing back to it makes it clean)."""
        if self._clean is None:
            return True
        depth, top = self._state()
        return depth != self._clean[0] or top is not self._clean[1]

    def mark_clean(self) -> None:
        """Declare the current state saved (e.g. after writing a copy elsewhere)."""
        self.history.mark_clean()
        self._clean = self._state()

    # editing ---------------------------------------------------------------------------------
    def execute(self, command: Command) -> None:
        """Run `command` and record it in `self.history` (the Qt-free way; a GUI may use QUndoStack)."""
        self.history.do(command)

    def undo(self) -> None:
        self.history.undo()

    def redo(self) -> None:
        self.history.redo()

    @contextmanager
    def macro(self, text: str) -> Iterator[Macro]:
        """Build a macro step by step (see `Macro.build`) and record it in `self.history`."""
        with self._batch():
            with Macro.build(self, text) as macro:
                yield macro
            if macro.commands:
                self.history.push_done(macro)

    # lookups ---------------------------------------------------------------------------------
    def element(self, element_id: str) -> ElementBase:
        """The element with this id (KeyError if there is none)."""
        return self._index.elements.by_id[element_id]

    def get_element(self, element_id: str) -> ElementBase | None:
        return self._index.elements.by_id.get(element_id)

    def relation(self, relation_id: str) -> RelationBase:
        return self._index.relations.by_id[relation_id]

    def get_relation(self, relation_id: str) -> RelationBase | None:
        return self._index.relations.by_id.get(relation_id)

    def element_position(self, element_id: str) -> int:
        return self._index.elements.position(element_id)

    def relation_position(self, relation_id: str) -> int:
        return self._index.relations.position(relation_id)

    def relations_of(self, element_id: str) -> list[RelationBase]:
        """The relations with `element_id` as source or target (in no particular order)."""
        table = self._index.relations.by_id
        return [table[r] for r in self._index.relations_of(element_id)]

    def find_relation(self, kind: str, source: str, target: str) -> RelationBase | None:
        """The relation that `Connect(kind, source, target)` would duplicate, if any."""
        relation_id = self._index.by_key.get(relation_key(kind, source, target))
        return self._index.relations.by_id.get(relation_id) if relation_id is not None else None

    def has_id(self, item_id: str) -> bool:
        """True if an element or relation uses `item_id`."""
        return self._index.has_id(item_id)

    def new_id(self, prefix: str) -> str:
        """A fresh id `prefix-N`, unused by elements and relations and never handed out before."""
        return self._index.new_id(prefix)

    def index_problems(self) -> list[str]:
        """How the lookup tables disagree with the model (empty when in sync). O(model); for tests."""
        return list(self._index.problems(self._model))

    # events ----------------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(change)` after every edit, undo, redo, save and reset; returns an unsubscriber."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _emit(self, change: Change) -> None:
        self._queue.append(change)

    @contextmanager
    def _batch(self) -> Iterator[None]:
        """Hold events until the outermost batch ends, then deliver them joined (one per kind of change)."""
        self._event_depth += 1
        try:
            yield
        finally:
            self._event_depth -= 1
            if self._event_depth == 0 and self._queue:
                events, self._queue = coalesce(self._queue), []
                self._deliver(events)

    def _deliver(self, events: list[Change]) -> None:
        error: BaseException | None = None
        for change in events:
            for listener in list(self._listeners):
                try:
                    listener(change)
                except Exception as exc:  # one broken view must not starve the others
                    error = error or exc
        if error is not None:
            raise error

    @contextmanager
    def _applying(self, command: Command, forward: bool) -> Iterator[None]:
        """Wrap a command's redo/undo: batch its events and track which top-level commands are applied."""
        self._command_depth += 1
        try:
            with self._batch():
                yield
                if self._command_depth == 1:
                    if forward:
                        self._applied.append(command)
                    elif self._applied and self._applied[-1] is command:
                        self._applied.pop()
                    else:  # undone out of order: we can no longer tell whether this is the saved state
                        self._applied.clear()
                        self._clean = None
        finally:
            self._command_depth -= 1

    def _is_clean_top(self, command: Command) -> bool:
        # A command appears at most once on the applied stack, so "saved right after it" is enough.
        return self._clean is not None and self._clean[1] is command

    def _forget(self, command: Command) -> None:
        if self._applied and self._applied[-1] is command:
            self._applied.pop()

    def _absorbed(self, into: Command, other: Command) -> None:
        if len(self._applied) >= 2 and self._applied[-1] is other and self._applied[-2] is into:
            self._applied.pop()
