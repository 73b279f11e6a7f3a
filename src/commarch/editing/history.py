"""A Qt-free undo stack with the semantics of QUndoStack: position, clean position, merging, limit."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .command import Command
    from .document import Document


class History:
    """The undo history of one document.

    `commands[:position]` are applied; `commands[position:]` can be redone. `clean_position` is
    where the document was last saved or opened (None once that state can no longer be reached,
    because new commands replaced the undone ones). `is_dirty` == (position != clean_position).
    `limit` > 0 keeps at most that many commands (the oldest are dropped).
    """

    def __init__(self, doc: Document, limit: int = 0):
        self._doc = doc
        self.limit = limit
        self.commands: list[Command] = []
        self.position = 0
        self.clean_position: int | None = 0

    # state -----------------------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return self.position > 0

    @property
    def can_redo(self) -> bool:
        return self.position < len(self.commands)

    @property
    def undo_text(self) -> str:
        return self.commands[self.position - 1].text if self.can_undo else ""

    @property
    def redo_text(self) -> str:
        return self.commands[self.position].text if self.can_redo else ""

    @property
    def is_clean(self) -> bool:
        return self.position == self.clean_position

    @property
    def is_dirty(self) -> bool:
        return self.position != self.clean_position

    def texts(self) -> list[str]:
        """The text of every command, oldest first (for a history view; `position` marks the current)."""
        return [command.text for command in self.commands]

    def __len__(self) -> int:
        return len(self.commands)

    # changes ---------------------------------------------------------------------------------
    def do(self, command: Command) -> None:
        """Execute `command` and record it (possibly merged into the previous command)."""
        with self._doc._batch():
            command.redo()
            self._record(command)

    def push_done(self, command: Command) -> None:
        """Record a command that has already been applied (e.g. a macro built with `Macro.build`)."""
        with self._doc._batch():
            self._record(command)

    def _record(self, command: Command) -> None:
        if self.position < len(self.commands):
            del self.commands[self.position:]
            if self.clean_position is not None and self.clean_position > self.position:
                self.clean_position = None
        if self.position > 0 and self.position != self.clean_position:
            if self.commands[self.position - 1].merge_with(command):
                return
        self.commands.append(command)
        self.position += 1
        if self.limit > 0 and len(self.commands) > self.limit:
            drop = len(self.commands) - self.limit
            del self.commands[:drop]
            self.position -= drop
            if self.clean_position is not None:
                self.clean_position = self.clean_position - drop if self.clean_position >= drop else None

    def undo(self) -> None:
        if not self.can_undo:
            return
        with self._doc._batch():
            self.commands[self.position - 1].undo()
            self.position -= 1

    def redo(self) -> None:
        if not self.can_redo:
            return
        with self._doc._batch():
            self.commands[self.position].redo()
            self.position += 1

    def mark_clean(self) -> None:
        self.clean_position = self.position

    def clear(self) -> None:
        """Forget every command; the current state becomes the clean one."""
        self.commands.clear()
        self.position = 0
        self.clean_position = 0
