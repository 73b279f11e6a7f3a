"""Connecting two elements: by dragging (Alt or connect mode) with a rubber line, or by keyboard (Tab/Enter)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from commarch.model import allowed_relation_kinds
from commarch.render.canvas_support import paint_rubber_line

from .items import ElementItem

if TYPE_CHECKING:
    from .scene import CanvasScene

RUBBER_Z = 10.0


class RubberLine(QGraphicsItem):
    """The line from the source element to the cursor while a connection is dragged."""

    def __init__(self, scene: CanvasScene, start: QPointF):
        super().__init__()
        self._scene = scene
        self.start = start
        self.end = start
        self.valid = False
        self.setZValue(RUBBER_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_end(self, end: QPointF, valid: bool) -> None:
        self.prepareGeometryChange()
        self.end, self.valid = end, valid

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return QRectF(self.start, self.end).normalized().adjusted(-8, -8, 8, 8)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        paint_rubber_line(painter, self.start, self.end, self._scene.ctx.theme, valid=self.valid)


class ConnectTool:
    """One connection being made from `source`; the scene emits the result (connect_requested)."""

    def __init__(self, scene: CanvasScene, source: ElementItem, *, keyboard: bool = False):
        self.scene = scene
        self.source = source
        self.keyboard = keyboard
        kind = source.element.kind
        self.candidates = [item for item in scene.element_items()
                           if item is not source and allowed_relation_kinds(kind, item.element.kind)]
        for item in self.candidates:
            item.connect_hint = "valid"
            item.update()
        self.current: ElementItem | None = None
        self.line: RubberLine | None = None
        if keyboard:
            origin = source.pos()
            # nearest first: the likely partner is usually next to the source
            self.candidates.sort(key=lambda it: (math.hypot(it.pos().x() - origin.x(), it.pos().y() - origin.y()),
                                                 it.element_id))
            self.index = -1
        else:
            self.line = RubberLine(scene, source.pos())
            scene.addItem(self.line)

    def _set_current(self, item: ElementItem | None) -> None:
        if item is self.current:
            return
        if self.current is not None:
            self.current.connect_hint = "valid" if self.current in self.candidates else ""
            self.current.update()
        self.current = item
        if item is not None:
            item.connect_hint = "current"
            item.update()

    def target_at(self, scene_pos: QPointF) -> ElementItem | None:
        for item in self.scene.items(scene_pos):
            if isinstance(item, ElementItem) and item is not self.source:
                return item
        return None

    def move(self, scene_pos: QPointF) -> None:
        target = self.target_at(scene_pos)
        valid = target is not None and target in self.candidates
        self._set_current(target if valid else None)
        if self.line is not None:
            self.line.set_end(scene_pos, valid)

    def step(self, forward: bool = True) -> ElementItem | None:
        """Keyboard: move to the next (or previous) candidate, nearest first; returns it."""
        if not self.candidates:
            return None
        self.index = (self.index + (1 if forward else -1)) % len(self.candidates)
        self._set_current(self.candidates[self.index])
        return self.current

    def finish(self, scene_pos: QPointF | None = None) -> None:
        """End the gesture: emit connect_requested for an allowed pair, connect_refused for another element."""
        target = self.current if scene_pos is None else self.target_at(scene_pos)
        self.cancel()
        if target is None:
            return
        source_id, target_id = self.source.element_id, target.element_id
        if allowed_relation_kinds(self.source.element.kind, target.element.kind):
            self.scene.connect_requested.emit(source_id, target_id)
        else:
            self.scene.connect_refused.emit(source_id, target_id)

    def cancel(self) -> None:
        for item in self.candidates:
            item.connect_hint = ""
            item.update()
        if self.current is not None:
            self.current.connect_hint = ""
            self.current.update()
        if self.line is not None and self.line.scene() is self.scene:
            self.scene.removeItem(self.line)
        self.line = None
