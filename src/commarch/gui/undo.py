"""The bridge between Qt's QUndoStack and the Qt-free editing commands (nothing else calls push)."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from commarch.editing import Command

_MERGEABLE = 1


class QtCommand(QUndoCommand):
    """Wraps one editing command; QUndoStack.push runs its redo() right away."""

    def __init__(self, command: Command):
        super().__init__(command.text)
        self.command = command

    def redo(self) -> None:
        self.command.redo()

    def undo(self) -> None:
        self.command.undo()

    def id(self) -> int:
        return _MERGEABLE if self.command.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt override)
        if not isinstance(other, QtCommand):
            return False
        merged = self.command.merge_with(other.command)
        if merged:
            self.setText(self.command.text)
        return merged


def push(stack: QUndoStack, command: Command) -> None:
    stack.push(QtCommand(command))
