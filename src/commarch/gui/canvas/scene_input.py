"""The scene's own mouse handling: a drag becomes one move intent on release; context menus; tooltips."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneHelpEvent,
    QGraphicsSceneMouseEvent,
    QToolTip,
)

from commarch.render.style import KIND_NAMES, RELATION_NAMES, names

from .items import ElementItem, RelationItem

if TYPE_CHECKING:
    from .scene import CanvasScene

    _Base = CanvasScene
else:
    _Base = object


class SceneInput(_Base):
    """Mixed into CanvasScene (before QGraphicsScene, so these overrides win)."""

    _drag_start: dict[str, QPointF]

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 (Qt override)
        QGraphicsScene.mousePressEvent(self, event)  # type: ignore[arg-type]
        self._drag_start = {}
        if event.button() == Qt.MouseButton.LeftButton and isinstance(self.mouseGrabberItem(), ElementItem):
            self._drag_start = {i: self._elements[i].pos() for i in self.selected_element_ids()}
            self.ctx.dragging = True

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        QGraphicsScene.mouseMoveEvent(self, event)  # type: ignore[arg-type]  # Qt moves the selected items
        if not self._drag_start:
            return
        step = self.ctx.snap
        for element_id in self._drag_start:
            item = self._elements.get(element_id)
            if item is None:
                continue
            if step:
                pos = item.pos()
                item.setPos(round(pos.x() / step) * step, round(pos.y() / step) * step)
            item.relations_follow()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        QGraphicsScene.mouseReleaseEvent(self, event)  # type: ignore[arg-type]
        if event.button() != Qt.MouseButton.LeftButton:
            return
        start, self._drag_start = self._drag_start, {}
        self.ctx.dragging = False
        moved = {}
        for element_id, before in start.items():
            item = self._elements.get(element_id)
            if item is not None and item.pos() != before:
                moved[element_id] = self.snapped(item.pos().x(), item.pos().y())
        if moved:
            # one intent per drag; until the controller records it, the document still has the old places
            self.move_requested.emit(moved)
            self.sync_positions(moved)
            self._order = None
        for element_id in start:  # back to the full drawing of the attached relations
            item = self._elements.get(element_id)
            if item is not None:
                for relation in item.relations:
                    relation.refresh()

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:  # noqa: N802
        item = self.itemAt(event.scenePos(), self._view_transform())
        if isinstance(item, ElementItem | RelationItem) and not item.isSelected():
            self.select_ids([getattr(item, "element_id", None) or getattr(item, "relation_id", "")])
        ids = self.selected_element_ids() + self.selected_relation_ids()
        self.context_menu_requested.emit(ids, event.screenPos())
        event.accept()

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:  # noqa: N802
        """Tooltips built here, escaped: QToolTip would otherwise render a label that looks like HTML."""
        item = self.itemAt(event.scenePos(), self._view_transform())
        text = self.tooltip_text(item)
        if text:
            QToolTip.showText(event.screenPos(), text)
        else:
            QToolTip.hideText()
        event.accept()

    def tooltip_text(self, item: Any) -> str:
        lang = self.ctx.lang
        if isinstance(item, ElementItem):
            element = item.element
            lines = [element.label, names(KIND_NAMES, lang).get(element.kind, element.kind)]
            if element.notes:
                lines.append(element.notes[:500])
        elif isinstance(item, RelationItem):
            relation = item.relation
            key = "operates:contributor" if getattr(relation, "role", None) == "contributor" else relation.kind
            lines = [f"{item.source.element.label} \u2192 {item.target.element.label}",
                     names(RELATION_NAMES, lang).get(key, relation.kind)]
            if relation.notes:
                lines.append(relation.notes[:500])
        else:
            return ""
        return "<p>" + "<br>".join(html.escape(line).replace("\n", "<br>") for line in lines) + "</p>"

    def _view_transform(self) -> QTransform:
        views = self.views()
        return views[0].transform() if views else QTransform()
