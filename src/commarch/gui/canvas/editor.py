"""In-place label editing: a plain-text line editor over the element (Enter commits, Esc cancels)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from commarch.model.kinds import LABEL_MAX
from commarch.render import label_font
from commarch.render.style import LABEL_PIXEL_SIZE


class InlineEditor(QLineEdit):
    """Edits one label. QLineEdit is plain text by nature: markup typed or shown stays literal.

    `on_done(text | None)` is called exactly once: the new text on Enter or focus loss, None on Esc.
    """

    def __init__(self, parent: QWidget, text: str, zoom: float, on_done: Callable[[str | None], None]):
        super().__init__(parent)
        self._on_done: Callable[[str | None], None] | None = on_done
        self.setObjectName("canvasInlineEditor")
        self.setMaxLength(LABEL_MAX)
        self.setFrame(True)
        font = label_font(max(9, min(40, round(LABEL_PIXEL_SIZE * zoom))))
        self.setFont(font)
        self.setText(text.replace("\n", " "))
        self.selectAll()
        self.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        # Tab must not leave the editor silently (the canvas uses it to move the selection)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in (
                Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.finish(self.text())
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish(self.text())
        elif event.key() == Qt.Key.Key_Escape:
            self.finish(None)
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        # a popup (e.g. the input method's) takes focus without ending the edit
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.finish(self.text())

    def finish(self, text: str | None) -> None:
        done, self._on_done = self._on_done, None
        if done is None:
            return
        self.hide()
        self.deleteLater()
        done(text)
