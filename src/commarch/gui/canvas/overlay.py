"""Base of the items that paint all relations in one go (hairlines far out, the buffered layer at 1:1)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsItem

from .items import RELATION_Z

OVERLAY_Z = RELATION_Z - 0.5  # under the relations that still paint themselves (selected, hovered, ...)
_EMPTY = QPainterPath()


class RelationOverlay(QGraphicsItem):
    """Covers a scene rect, paints under the self-painting relations, takes no mouse buttons and has an
    empty shape: hit-testing, tooltips and selection find the relation items underneath."""

    def __init__(self, rect: QRectF):
        super().__init__()
        self._rect = QRectF(rect)
        self.setZValue(OVERLAY_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        # the exposed rect (not the whole scene) bounds what a paint has to draw
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return self._rect

    def shape(self) -> QPainterPath:
        return _EMPTY

    def set_rect(self, rect: QRectF) -> None:
        """Cover this scene rect (every relation lies between two elements, so inside it)."""
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)
