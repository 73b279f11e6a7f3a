"""The compare view's overlay: graphics items for change rings, ghosts, relation marks and move arrows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from commarch.render.diff_markers import (
    RING,
    TAG_RADIUS,
    Ghost,
    Marks,
    MoveMark,
    RelationMark,
    paint_element_mark,
    paint_ghost,
    paint_move,
    paint_relation_mark,
    relation_halo,
)
from commarch.render.painter import qcolor
from commarch.render.shapes import element_rect, element_shape

MARK_Z = 2.0  # rings and tags above the elements
UNDER_Z = -1.0  # bands, ghosts and move arrows under them
_REACH = RING + TAG_RADIUS + 4


class _Mark(QGraphicsItem):
    """Base: a passive item drawn in scene coordinates (pos stays 0, 0); clicks go through to the canvas."""

    status = ""
    target_id = ""
    overlay_only = False  # shown in overlay mode only (ghosts, removed relations, moves)

    def __init__(self, theme: Any):
        super().__init__()
        self.theme = theme
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)


class ElementMarkItem(_Mark):
    """A ring and status tag around an element that was added, changed (or, on the old side, removed)."""

    def __init__(self, element_id: str, kind: str, x: float, y: float, status: str, theme: Any):
        super().__init__(theme)
        self.target_id, self.status, self.kind = element_id, status, kind
        self.rect = element_rect(kind, x, y)
        self.setZValue(MARK_Z)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return self.rect.adjusted(-_REACH, -_REACH, _REACH, _REACH)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        paint_element_mark(painter, self.kind, self.rect, self.status, self.theme)


class GhostItem(_Mark):
    """A removed element, faded at its old position; selectable, so the change list can point at it."""

    status = "removed"
    overlay_only = True

    def __init__(self, ghost: Ghost, theme: Any, lang: str):
        super().__init__(theme)
        self.ghost, self.lang, self.target_id = ghost, lang, ghost.id
        self.label = ghost.element.label
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setZValue(UNDER_Z)
        self.setToolTip(ghost.element.label)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.ghost.rect.adjusted(-_REACH, -_REACH, _REACH, _REACH)

    def shape(self) -> QPainterPath:
        return element_shape(self.ghost.element.kind, self.ghost.rect)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        paint_ghost(painter, self.ghost, self.theme, self.lang)
        if self.isSelected():
            painter.save()
            painter.setPen(QPen(qcolor(self.theme.selection), 2.2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(element_shape(self.ghost.element.kind, self.ghost.rect.adjusted(-12, -12, 12, 12)))
            painter.restore()


class RelationMarkItem(_Mark):
    def __init__(self, mark: RelationMark, theme: Any, *, overlay_only: bool):
        super().__init__(theme)
        self.mark, self.status, self.target_id = mark, mark.status, mark.id
        self.overlay_only = overlay_only
        self._bounds = relation_halo(mark.path, 14).boundingRect()
        self.setZValue(UNDER_Z if mark.status != "removed" else MARK_Z - 0.5)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        paint_relation_mark(painter, self.mark, self.theme)


class MoveItem(_Mark):
    status = "moved"
    overlay_only = True

    def __init__(self, move: MoveMark, theme: Any):
        super().__init__(theme)
        self.move, self.target_id = move, move.id
        old = element_rect(move.kind, move.old.x(), move.old.y())
        self._bounds = old.united(QRectF(move.old, move.new).normalized()).adjusted(-14, -14, 14, 14)
        self.setZValue(UNDER_Z)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        paint_move(painter, self.move, self.theme)


def add_marks(scene: QGraphicsScene, marks: Marks, model: Any, theme: Any, lang: str, *, new_side: bool
              ) -> list[_Mark]:
    """Put the items for `marks` into `scene`; on the new side removed relations and moves are overlay-only."""
    positions = {e.id: (e.kind, float(e.x), float(e.y)) for e in model.elements}
    items: list[_Mark] = []
    for element_id, status in marks.elements.items():
        if element_id in positions:
            kind, x, y = positions[element_id]
            items.append(ElementMarkItem(element_id, kind, x, y, status, theme))
    items += [GhostItem(g, theme, lang) for g in marks.ghosts]
    items += [RelationMarkItem(m, theme, overlay_only=new_side and m.status == "removed") for m in marks.relations]
    items += [MoveItem(m, theme) for m in marks.moves]
    for item in items:
        scene.addItem(item)
    return items
