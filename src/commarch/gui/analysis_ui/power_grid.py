"""The power/interest grid: stakeholders placed by interest (x) and influence (y), sized by priority."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from commarch.model import CommModel
from commarch.render.style import element_style, get_theme

from .common import tr

# QT_TR_NOOP marks texts for lupdate (empty context, like tr()); tr() translates them when drawn
CELL = 120.0
RADIUS = {"high": 16.0, "medium": 11.0, "low": 7.0}
QUADRANTS = (  # (interest high?, influence high?) -> the classic advice for that quadrant
    ((False, False), QT_TR_NOOP("Monitor")), ((True, False), QT_TR_NOOP("Keep informed")),
    ((False, True), QT_TR_NOOP("Keep satisfied")), ((True, True), QT_TR_NOOP("Manage closely")),
)


def grid_position(interest: int, influence: int, slot: int, slots: int) -> tuple[float, float]:
    """Centre of a marker in its 1–5 cell; several stakeholders in one cell share it side by side."""
    x = (interest - 1) * CELL + CELL * (slot + 1) / (slots + 1)
    y = (5 - influence) * CELL + CELL / 2
    return x, y


class _Marker(QGraphicsEllipseItem):
    def __init__(self, element_id: str, rect: QRectF):
        super().__init__(rect)
        self.element_id = element_id


class PowerInterestGrid(QGraphicsView):
    """Clicking a marker asks to select its stakeholder (`select_requested([id])`)."""

    select_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(tr("Power/interest grid of the stakeholders"))
        self.markers: dict[str, _Marker] = {}

    def set_model(self, model: CommModel) -> None:
        scene = self.scene()
        scene.clear()
        self.markers.clear()
        theme = get_theme("light")
        pen = QPen(QColor(theme.grid))
        for n in range(6):
            scene.addLine(n * CELL, 0, n * CELL, 5 * CELL, pen)
            scene.addLine(0, n * CELL, 5 * CELL, n * CELL, pen)
        axis = QPen(QColor(theme.edge), 1.5)
        scene.addLine(2.5 * CELL, 0, 2.5 * CELL, 5 * CELL, axis)
        scene.addLine(0, 2.5 * CELL, 5 * CELL, 2.5 * CELL, axis)
        for (high_interest, high_influence), text in QUADRANTS:
            label = scene.addSimpleText(tr(text))
            label.setBrush(QBrush(QColor(theme.text_muted)))
            label.setPos(2.5 * CELL * high_interest + 6, 2.5 * CELL * (not high_influence) + 4)
        for text, x, y in ((tr("Interest →"), 5 * CELL - 80, 5 * CELL + 6), (tr("Influence ↑"), -90, 0)):
            scene.addSimpleText(text).setPos(x, y)
        cells: dict[tuple[int, int], list[Any]] = {}
        for element in model.elements:
            if element.kind == "stakeholder":
                cells.setdefault((element.interest, element.influence), []).append(element)
        fill = QColor(element_style("stakeholder", theme).fill)
        for (interest, influence), members in cells.items():
            for slot, element in enumerate(members):
                x, y = grid_position(interest, influence, slot, len(members))
                r = RADIUS.get(element.priority, RADIUS["medium"])
                marker = _Marker(element.id, QRectF(x - r, y - r, 2 * r, 2 * r))
                marker.setBrush(QBrush(fill))
                marker.setPen(QPen(QColor(theme.edge)))
                marker.setToolTip("")  # tooltips would render rich text; the label below says it plainly
                marker.setCursor(Qt.CursorShape.PointingHandCursor)
                scene.addItem(marker)
                self.markers[element.id] = marker
                text = element.label if len(element.label) <= 18 else element.label[:17] + "…"
                label = QGraphicsSimpleTextItem(text)
                # neighbours in one cell alternate below/above, so their labels do not overprint
                above = slot % 2 == 1
                label.setPos(x - label.boundingRect().width() / 2,
                             y - r - 1 - label.boundingRect().height() if above else y + r + 1)
                scene.addItem(label)
        scene.setSceneRect(QRectF(-100, -10, 5 * CELL + 120, 5 * CELL + 40))
        self.fitInView(scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def click_marker(self, element_id: str) -> None:
        """What a click on the marker does (also used by tests and keyboard users)."""
        self.select_requested.emit([element_id])

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, _Marker):
            self.click_marker(item.element_id)
            return
        super().mousePressEvent(event)
