"""The command protocol (redo/undo/text/merge), the compound `Macro`, and shared validation helpers."""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from commarch.fileformat.messages import problems_from

if TYPE_CHECKING:
    from .document import Document

M = TypeVar("M", bound=BaseModel)


class Command:
    """One undoable edit of a `Document`.

    A command is built right before it is executed: its constructor reads and validates against
    the current model and raises ValueError (changing nothing) when the edit is not allowed. After
    that, `redo()` and `undo()` are exact inverses and never fail. Both send the command's change
    events to the document's listeners when they finish. `text` is for menus ("Undo Move").

    `merge_key`: two consecutive commands with equal, non-None keys may be merged into one undo
    step (`merge_with`), like QUndoCommand.id()/mergeWith(); merging never happens into the command
    the document was saved at, so "undo to the saved state" stays reachable.
    """

    text: str = ""
    merge_key: Hashable | None = None

    def __init__(self, doc: Document, text: str):
        self.doc = doc
        self.text = text

    def redo(self) -> None:
        with self.doc._applying(self, forward=True):
            self._redo()

    def undo(self) -> None:
        with self.doc._applying(self, forward=False):
            self._undo()

    def merge_with(self, other: Command) -> bool:
        """Absorb `other` (already executed right after this one); True if it is now part of self."""
        if self.merge_key is None or other.merge_key != self.merge_key or self.doc._is_clean_top(self):
            return False
        if not self._absorb(other):
            return False
        self.doc._absorbed(self, other)
        return True

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError

    def _absorb(self, other: Command) -> bool:
        return False

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.text!r}>"


class Macro(Command):
    """Several commands as one undo step (align, distribute, layout, "add and connect").

    `Macro(doc, text, commands)` runs commands that were all built against the current model
    (e.g. independent moves). For steps that depend on each other, build and run them one by one
    inside `Macro.build(doc, text)` (or `doc.macro(text)`, which also records the result).
    """

    def __init__(self, doc: Document, text: str, commands: Sequence[Command] = ()):
        super().__init__(doc, text)
        self.commands: list[Command] = list(commands)

    def _redo(self) -> None:
        done: list[Command] = []
        try:
            for command in self.commands:
                command.redo()
                done.append(command)
        except BaseException:
            for command in reversed(done):
                command.undo()
            raise

    def _undo(self) -> None:
        for command in reversed(self.commands):
            command.undo()

    def run(self, command: Command) -> Command:
        """Execute `command` now as the next part of a macro being built (see `Macro.build`)."""
        command.redo()
        self.commands.append(command)
        return command

    @classmethod
    @contextmanager
    def build(cls, doc: Document, text: str) -> Iterator[Macro]:
        """`with Macro.build(doc, "Add and connect") as m: m.run(AddElements(...)); m.run(Connect(...))`.

        Each part is built after the previous one ran, so it may refer to what that one created.
        On leaving the block the macro is applied (it is not redone again; if no part ran, there is
        nothing to record: check `macro.commands`); if the block raises,
        the parts already run are undone and the error propagates. Record the finished macro with
        `doc.history.push_done(macro)` or wrap it for a QUndoStack as an already-done command.
        """
        macro = cls(doc, text)
        with doc._applying(macro, forward=True):
            try:
                yield macro
            except BaseException:
                for command in reversed(macro.commands):
                    command.undo()
                macro.commands.clear()
                raise
        if not macro.commands:
            doc._forget(macro)  # nothing happened: no undo step (do not record or push it)


def validation_reason(exc: ValidationError, raw: Any, prefix: str = "") -> str:
    """A readable one-line reason for a pydantic error, e.g. "priority: must be one of high, medium, low"."""
    return "; ".join(str(problem) for problem in problems_from(exc, raw, prefix)) or "is not valid"


def validated(cls: type[M], data: Mapping[str, Any], what: str) -> M:
    """`cls.model_validate(data)`, or ValueError "<what>: <reason>" naming the bad key."""
    try:
        return cls.model_validate(dict(data))
    except ValidationError as exc:
        raise ValueError(f"{what}: {validation_reason(exc, dict(data))}") from None
    except (TypeError, RecursionError) as exc:  # exotic values pydantic cannot even inspect
        raise ValueError(f"{what}: {exc}") from None


def set_field(model: BaseModel, name: str, value: Any, is_set: bool) -> None:
    """Assign a field and restore whether it counts as set (unset fields are not written to files)."""
    model.__dict__[name] = value
    if is_set:
        model.__pydantic_fields_set__.add(name)
    else:
        model.__pydantic_fields_set__.discard(name)


def ids_of(ids: str | Sequence[str] | Any) -> list[str]:
    """One id or many, deduplicated, order kept."""
    if isinstance(ids, str):
        return [ids]
    return list(dict.fromkeys(ids))


def label_of(doc: Document, item_id: str) -> str:
    element = doc.get_element(item_id)
    return f"{element.label!r}" if element is not None else repr(item_id)
