"""CanvasScene: a projection of a Document into graphics items, updated incrementally from its change events."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRectF, Signal
from PySide6.QtWidgets import QGraphicsScene

from commarch.editing import events as ev
from commarch.editing.document import Document
from commarch.gcpause import gc_paused
from commarch.render.canvas_support import relation_bends
from commarch.render.grid import SCENE_MARGIN
from commarch.render.style import Theme, get_theme

from .items import CanvasContext, ElementItem, RelationItem
from .order import reading_order
from .scene_detail import SceneDetail
from .scene_input import SceneInput

INDEX_LEAF_AREA = 400.0 * 400.0


def index_depth(area: float, items: int) -> int:
    """Depth of the scene's BSP index: leaves of about 400 x 400 scene units (two elements' width), and no
    more leaves than items. Qt's automatic depth (log2 of the item count) makes leaves smaller than one
    element on large models, and an item is stored in every leaf it covers: the long relations of a
    50,000-element model went into millions of leaves (2.7 s to index the scene, 0.2 s at this depth,
    queries as fast)."""
    by_area = round(math.log2(area / INDEX_LEAF_AREA)) if area > INDEX_LEAF_AREA else 0
    by_items = math.ceil(math.log2(items)) if items > 1 else 0
    return max(3, min(by_area, by_items, 16))


def _pair(relation: Any) -> tuple[str, str]:
    return (relation.source, relation.target) if relation.source <= relation.target else (relation.target,
                                                                                          relation.source)


class CanvasScene(SceneInput, SceneDetail, QGraphicsScene):
    """Items for every element and relation of `doc.model`; never the truth (saving reads the Document).

    Intents are emitted as signals carrying ids; a controller turns them into editing commands:
    move_requested({id: (x, y)}) once per drag (on release) or nudge; connect_requested(source, target)
    for an allowed pair (connect_refused for a pair the format does not allow); add_requested(kind,
    scene_pos) for a palette drop; rename_requested(id, label); delete_requested(element_ids,
    relation_ids); context_menu_requested(ids, global_pos). `items_changed` tells overviews to refresh.
    """

    move_requested = Signal(dict)
    connect_requested = Signal(str, str)
    connect_refused = Signal(str, str)
    add_requested = Signal(str, QPointF)
    rename_requested = Signal(str, str)
    delete_requested = Signal(list, list)
    context_menu_requested = Signal(list, QPoint)
    items_changed = Signal()

    def __init__(self, doc: Document, theme: str | Theme = "light", parent: Any = None,
                 view_scale: float | None = None):
        """`view_scale`: the zoom of the view that will show it; the items are then made at that level of
        detail (a view's set_view_scale would otherwise revisit every item right after the build)."""
        super().__init__(parent)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.doc = doc
        self.ctx = CanvasContext(theme, self._model_lang())
        if view_scale is not None:
            self.preset_view_scale(view_scale)
        self._elements: dict[str, ElementItem] = {}
        self._relations: dict[str, RelationItem] = {}
        self._pairs: dict[tuple[str, str], list[RelationItem]] = {}
        self._order: list[str] | None = None
        self._drag_start: dict[str, QPointF] = {}
        self._highlighted: set[str] = set()
        self._selected_far: set[str] = set()  # selected relations painting themselves while zoomed out
        self.build()
        self._unsubscribe = doc.subscribe(self._on_change)
        self.selectionChanged.connect(self._sync_selection)

    def close(self) -> None:
        """Stop following the document (call before dropping the scene)."""
        self._unsubscribe()

    def _model_lang(self) -> str:
        # the model's own language (as in its exported diagram), else the language of the UI
        from ..i18n import current_language

        meta = self.doc.model.meta
        return (meta.language if meta is not None else None) or current_language()

    # building ------------------------------------------------------------------------------
    def build(self) -> None:
        """(Re)create every item from the document's model."""
        with gc_paused():  # thousands of item wrappers, none of them garbage
            self._build()

    def _build(self) -> None:
        ctx = self.ctx
        ctx.hairlines = ctx.layer = None  # clear() deletes them
        self._selected_far = set()
        self._elements.clear()
        self._relations.clear()
        self._pairs.clear()
        self._order = None
        self.clear()
        add = self.addItem
        elements = self._elements
        for element in self.doc.model.elements:
            item = elements[element.id] = ElementItem(element, ctx)
            add(item)
        relations = self.doc.model.relations
        bends = relation_bends(relations)
        for relation in relations:
            self._add_relation(relation, bends.get(relation.id, 0.0))
        self.setSceneRect(QRectF())  # (an empty scene's rect is set below; see _grow_rect)
        model_elements = self.doc.model.elements
        self._set_rect_around([e.x for e in model_elements], [e.y for e in model_elements], grow=False)
        if ctx.far:
            self._add_hairlines()
        elif ctx.layered:
            self._add_layer()
        self.items_changed.emit()

    def _grow_rect(self, items: Iterable[ElementItem]) -> None:
        """Widen the scene rect to hold `items` plus a margin to scroll into; it never shrinks while
        editing (a view that jumps when an element is deleted is disorienting)."""
        xs, ys = [], []
        for item in items:
            pos = item.pos()
            xs.append(pos.x())
            ys.append(pos.y())
        self._set_rect_around(xs, ys, grow=True)

    def _set_rect_around(self, xs: list[float], ys: list[float], grow: bool) -> None:
        # Never asks for sceneRect() while none is set: Qt would compute every item's bounding rect.
        current = self.sceneRect() if grow else QRectF()
        if not xs:
            if current.isEmpty():
                self.setSceneRect(QRectF(-SCENE_MARGIN, -SCENE_MARGIN, 2 * SCENE_MARGIN, 2 * SCENE_MARGIN))
        else:
            left, top = min(xs), min(ys)
            wanted = QRectF(left - SCENE_MARGIN, top - SCENE_MARGIN,
                            max(xs) - left + 2 * SCENE_MARGIN, max(ys) - top + 2 * SCENE_MARGIN)
            if current.isEmpty() or not current.contains(wanted):
                self.setSceneRect(wanted if current.isEmpty() else current.united(wanted))
        rect = self.sceneRect()
        depth = index_depth(rect.width() * rect.height(), len(self._elements) + len(self._relations))
        if depth != self.bspTreeDepth():
            self.setBspTreeDepth(depth)
        shared = self.ctx.shared
        if shared is not None:
            shared.set_rect(rect)

    def _add_relation(self, relation: Any, bend: float) -> RelationItem | None:
        source, target = self._elements.get(relation.source), self._elements.get(relation.target)
        if source is None or target is None:
            return None
        item = RelationItem(relation, source, target, self.ctx, bend)
        self._relations[relation.id] = item
        self._pairs.setdefault(_pair(relation), []).append(item)
        self.addItem(item)
        shared = self.ctx.shared
        if shared is not None and not item.drawn:
            shared.invalidate(item.boundingRect())
        return item

    def _remove_relation(self, relation_id: str) -> tuple[str, str] | None:
        item = self._relations.pop(relation_id, None)
        if item is None:
            return None
        item.detach()
        pair = _pair(item.relation)
        group = self._pairs.get(pair, [])
        if item in group:
            group.remove(item)
        if not group:
            self._pairs.pop(pair, None)
        self.removeItem(item)
        self._selected_far.discard(relation_id)
        shared = self.ctx.shared
        if shared is not None and not item.drawn:
            shared.invalidate(item.boundingRect())
        return pair

    def _respread(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Recompute the sideways bends of the relations between each pair (they share the space)."""
        for pair in set(pairs):
            group = self._pairs.get(pair)
            if not group:
                continue
            group.sort(key=lambda r: self.doc.relation_position(r.relation_id))
            bends = relation_bends([r.relation for r in group])
            for item in group:
                item.set_bend(bends.get(item.relation_id, 0.0))

    # following the document ----------------------------------------------------------------
    def _on_change(self, change: ev.Change) -> None:
        doc = self.doc
        if isinstance(change, ev.ModelReset):
            self.ctx.lang = self._model_lang()
            self.build()
            return
        if isinstance(change, ev.ElementsAdded):
            for element_id in change.ids:
                element = doc.get_element(element_id)
                if element is not None and element_id not in self._elements:
                    item = self._elements[element_id] = ElementItem(element, self.ctx)
                    self.addItem(item)
        elif isinstance(change, ev.ElementsRemoved):
            for element_id in change.ids:
                item = self._elements.pop(element_id, None)
                if item is None:
                    continue
                for relation in list(item.relations):
                    self._remove_relation(relation.relation_id)
                self.removeItem(item)
        elif isinstance(change, ev.ElementsMoved):
            for element_id in change.ids:
                item, element = self._elements.get(element_id), doc.get_element(element_id)
                if item is not None and element is not None:
                    item.element = element
                    if item.pos() != QPointF(float(element.x), float(element.y)):
                        item.move_to(float(element.x), float(element.y))
        elif isinstance(change, ev.ElementsChanged):
            for element_id in change.ids:
                item, element = self._elements.get(element_id), doc.get_element(element_id)
                if item is not None and element is not None:
                    item.set_element(element)
                    for relation in item.relations:
                        relation.endpoint_moved()  # a kind or size change moves the clipping outline
            return  # order, membership and extent unchanged
        elif isinstance(change, ev.RelationsAdded):
            touched = []
            for relation_id in change.ids:
                relation = doc.get_relation(relation_id)
                if relation is not None and relation_id not in self._relations:
                    if self._add_relation(relation, 0.0) is not None:
                        touched.append(_pair(relation))
            self._respread(touched)
        elif isinstance(change, ev.RelationsRemoved):
            self._respread(p for p in map(self._remove_relation, change.ids) if p is not None)
        elif isinstance(change, ev.RelationsChanged):
            for relation_id in change.ids:
                item, relation = self._relations.get(relation_id), doc.get_relation(relation_id)
                if item is None or relation is None:
                    continue
                if (relation.source, relation.target) != (item.relation.source, item.relation.target):
                    pair = self._remove_relation(relation_id)
                    self._add_relation(relation, 0.0)
                    self._respread([p for p in (pair, _pair(relation)) if p is not None])
                else:
                    item.set_relation(relation)
            return
        elif isinstance(change, ev.MetaChanged):
            if "language" in change.keys:
                self.ctx.lang = self._model_lang()
                self._update_all()
            return
        else:
            return
        if isinstance(change, ev.ElementsAdded | ev.ElementsMoved):
            self._grow_rect(self._elements[i] for i in change.ids if i in self._elements)
        self._order = None
        self.items_changed.emit()

    def _update_all(self) -> None:
        for item in self._elements.values():
            item.update()
        for relation in self._relations.values():
            relation.update()
        shared = self.ctx.shared
        if shared is not None:
            shared.invalidate()

    # lookups -------------------------------------------------------------------------------
    def element_item(self, element_id: str) -> ElementItem | None:
        return self._elements.get(element_id)

    def relation_item(self, relation_id: str) -> RelationItem | None:
        return self._relations.get(relation_id)

    def element_items(self) -> list[ElementItem]:
        return list(self._elements.values())

    def relation_items(self) -> list[RelationItem]:
        return list(self._relations.values())

    def reading_order(self) -> list[str]:
        """Element ids in reading order: rows from top to bottom, left to right within a row."""
        if self._order is None:
            self._order = reading_order((i, it.pos().x(), it.pos().y()) for i, it in self._elements.items())
        return self._order

    # selection and highlights --------------------------------------------------------------
    def selected_element_ids(self) -> list[str]:
        """Selected elements, in model order."""
        return [i for i, item in self._elements.items() if item.isSelected()]

    def selected_relation_ids(self) -> list[str]:
        return [i for i, item in self._relations.items() if item.isSelected()]

    def select_ids(self, ids: Iterable[str]) -> None:
        """Select exactly these elements and relations (unknown ids are ignored); one selectionChanged."""
        wanted = set(ids)
        blocked = self.blockSignals(True)
        try:
            for item in self.selectedItems():
                if getattr(item, "element_id", None) not in wanted and getattr(item, "relation_id",
                                                                                 None) not in wanted:
                    item.setSelected(False)
            for item_id in wanted:
                item = self._elements.get(item_id) or self._relations.get(item_id)  # type: ignore[assignment]
                if item is not None:
                    item.setSelected(True)
        finally:
            self.blockSignals(blocked)
        if not blocked:
            self.selectionChanged.emit()
        else:
            self._sync_selection()

    def highlight_relations(self, ids: Iterable[str]) -> None:
        """Draw these relations highlighted (e.g. the subjects of a finding); an empty list clears."""
        wanted = {i for i in ids if i in self._relations}
        for relation_id in self._highlighted - wanted:
            item = self._relations.get(relation_id)
            if item is not None:
                item.set_highlighted(False)
        for relation_id in wanted:
            self._relations[relation_id].set_highlighted(True)
        self._highlighted = wanted

    def set_badges(self, badges: dict[str, str]) -> None:
        """Finding severities per element id ('error', 'warning', 'info'), drawn as corner badges."""
        old, self.ctx.badges = self.ctx.badges, dict(badges)
        for element_id in set(old) | set(badges):
            if old.get(element_id) != badges.get(element_id) and element_id in self._elements:
                self._elements[element_id].update()

    def set_badges_visible(self, visible: bool) -> None:
        if visible != self.ctx.badges_visible:
            self.ctx.badges_visible = visible
            for element_id in self.ctx.badges:
                item = self._elements.get(element_id)
                if item is not None:
                    item.update()

    def set_theme(self, theme: str | Theme) -> None:
        self.ctx.theme = get_theme(theme)
        self._update_all()
        self.items_changed.emit()

    def set_snap(self, step: float) -> None:
        """Snap dragged elements to a grid of `step` scene units (0: off)."""
        self.ctx.snap = float(step) if step and step > 0 else 0.0

    # intents -------------------------------------------------------------------------------
    def snapped(self, x: float, y: float) -> tuple[float, float]:
        step = self.ctx.snap
        if step:
            return round(x / step) * step, round(y / step) * step
        return round(x), round(y)  # whole scene units: sub-point positions only clutter the file

    def nudge_selection(self, dx: float, dy: float) -> bool:
        """Ask to move the selected elements by (dx, dy); with snapping on, land on the grid."""
        positions = {}
        for element_id in self.selected_element_ids():
            element = self.doc.get_element(element_id)
            if element is not None:
                positions[element_id] = self.snapped(float(element.x) + dx, float(element.y) + dy)
        if positions:
            self.move_requested.emit(positions)
        return bool(positions)

    def request_delete(self) -> bool:
        elements, relations = self.selected_element_ids(), self.selected_relation_ids()
        if elements or relations:
            self.delete_requested.emit(elements, relations)
        return bool(elements or relations)

    def sync_positions(self, ids: Iterable[str]) -> None:
        """Put items back where the document has them (after a drag the controller did not record)."""
        for element_id in ids:
            item, element = self._elements.get(element_id), self.doc.get_element(element_id)
            if item is not None and element is not None:
                if item.pos() != QPointF(float(element.x), float(element.y)):
                    item.move_to(float(element.x), float(element.y))
