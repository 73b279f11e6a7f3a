"""One cached item painting every plain relation at a readable zoom, so a pan or repaint blits a pixmap."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from .hairlines import HAIRLINES_Z
from .items import RelationItem

if TYPE_CHECKING:
    from .items import CanvasContext

_EMPTY = QPainterPath()
_BOUNDS = Qt.ItemSelectionMode.IntersectsItemBoundingRect
_ASCENDING = Qt.SortOrder.AscendingOrder


class RelationLayer(QGraphicsItem):
    """While a view shows the scene at a readable zoom (ctx.layered), the plain relation items have no
    contents and this item paints them, each with its own paint(), into Qt's device-coordinate cache.

    Antialiased dashed strokes cost 0.3-2.5 ms per relation in Qt's raster engine, so a full repaint at
    1:1 (3,000 elements: ~130 relations on a 1080p screen) took ~35 ms, 7x the bare scene. Cached, a
    repaint blits one viewport-sized pixmap; Qt scrolls that pixmap when the view pans and paints only
    the strip that comes into view, and `invalidate` repaints only what changed. Relations that look
    different (selected, hovered, highlighted, dragged along) paint themselves on top, as far out.
    Not selectable, empty shape: hit-testing, tooltips and selection find the relation items.
    """

    def __init__(self, ctx: CanvasContext, rect: QRectF):
        super().__init__()
        self.ctx = ctx
        self._rect = QRectF(rect)
        self.setZValue(HAIRLINES_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)  # the exposed rect
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return self._rect

    def shape(self) -> QPainterPath:
        return _EMPTY

    def set_rect(self, rect: QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)

    def invalidate(self, *rects: QRectF) -> None:
        """Repaint `rects` (scene coordinates; the item sits at the origin), or everything."""
        if rects:
            for rect in rects:
                self.update(rect)
        else:
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        scene = self.scene()
        if scene is None:
            return
        exposed = option.exposedRect  # type: ignore[attr-defined]
        # the scene's index finds the few relations here (a Python loop over all would be O(N) per strip)
        for item in scene.items(exposed, _BOUNDS, _ASCENDING):
            if isinstance(item, RelationItem) and not item.drawn and item.meets(exposed):
                item.paint(painter, option, widget)
