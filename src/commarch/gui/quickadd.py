"""The quick-add box: type a label, pick the kind, Enter — the element lands at the cursor."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLineEdit, QWidget

from commarch.model import ELEMENT_KINDS

from .docks.palette import kind_icon
from .texts import KIND_NAMES, tr_name


class QuickAdd(QFrame):
    """A small floating box over the canvas. Tab or Up/Down in the text field change the kind."""

    accepted = Signal(str, str, QPointF)  # kind, label, scene position

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.text = QLineEdit(self)
        self.kind = QComboBox(self)
        for kind in ELEMENT_KINDS:
            self.kind.addItem(kind_icon(kind, 16), tr_name(KIND_NAMES, kind), kind)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.kind)
        self.text.setPlaceholderText(self.tr("Label, e.g. Presse"))
        self.text.setAccessibleName(self.tr("Quick add: label"))
        self.kind.setAccessibleName(self.tr("Quick add: kind"))
        self.text.returnPressed.connect(self._accept)
        self.text.installEventFilter(self)
        self._pos = QPointF()
        self.hide()

    def popup(self, view: QWidget) -> None:
        """Show near the mouse (or the view centre) and remember where the element should land."""
        pos = view.scene_pos_under_cursor()
        if pos is None:
            pos = view.mapToScene(view.viewport().rect().center())
        self._pos = QPointF(round(pos.x()), round(pos.y()))
        at = view.mapFromScene(self._pos)
        self.setFixedWidth(360)
        self.adjustSize()
        corner = view.mapTo(self.parentWidget(), at)
        self.move(max(0, corner.x() - 20), max(0, corner.y() - self.height() - 10))
        self.text.clear()
        self.show()
        self.raise_()
        self.text.setFocus()

    def _accept(self) -> None:
        label = self.text.text().strip()
        if label:
            self.accepted.emit(self.kind.currentData(), label, self._pos)
        self.hide()

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802 (Qt override)
        if watched is self.text and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.hide()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Tab):
                self.kind.setCurrentIndex((self.kind.currentIndex() + 1) % self.kind.count())
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Backtab):
                self.kind.setCurrentIndex((self.kind.currentIndex() - 1) % self.kind.count())
                return True
        return False
