"""The palette: one button per element kind; click adds at the view centre, drag drops on the canvas."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QDrag, QIcon, QMouseEvent, QPainter, QPixmap
from PySide6.QtWidgets import QSizePolicy, QToolButton, QVBoxLayout, QWidget

from commarch.model import ELEMENT_KINDS
from commarch.render.icons import draw_icon
from commarch.render.style import KIND_COLORS

from ..texts import KIND_NAMES, tr_name

KIND_MIME = "application/x-commarch-kind"


def kind_icon(kind: str, size: int = 32) -> QIcon:
    """A crisp icon of the kind (SVG drawn at the device pixel ratio of the screen)."""
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw_icon(painter, kind, QRectF(2, 2, size - 4, size - 4), KIND_COLORS.get(kind, "#555555"))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


class KindButton(QToolButton):
    """Click to add; press and drag to drop onto the canvas."""

    def __init__(self, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self._press: QPoint | None = None
        self.setIcon(kind_icon(kind))
        self.setIconSize(QSize(24, 24))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.retranslate()

    def retranslate(self) -> None:
        name = tr_name(KIND_NAMES, self.kind)
        self.setText(name)
        self.setToolTip(self.tr("Add a %1 (click), or drag it onto the canvas").replace("%1", name))
        self.setAccessibleName(self.tr("Add %1").replace("%1", name))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is not None and (event.position().toPoint() - self._press).manhattanLength() > 8:
            self._press = None
            self.setDown(False)
            mime = QMimeData()
            mime.setData(KIND_MIME, self.kind.encode("utf-8"))
            drag = QDrag(self)
            drag.setMimeData(mime)
            drag.setPixmap(self.icon().pixmap(32, 32))
            drag.exec(Qt.DropAction.CopyAction)
            return
        super().mouseMoveEvent(event)


class Palette(QWidget):
    """Emits `kind_clicked(kind)`; drags carry the kind as KIND_MIME."""

    kind_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.buttons: dict[str, KindButton] = {}
        for kind in ELEMENT_KINDS:
            button = KindButton(kind, self)
            button.clicked.connect(lambda _=False, k=kind: self.kind_clicked.emit(k))
            layout.addWidget(button)
            self.buttons[kind] = button
        layout.addStretch(1)
        self.setAccessibleName(self.tr("Palette"))

    def retranslate(self) -> None:
        for button in self.buttons.values():
            button.retranslate()
