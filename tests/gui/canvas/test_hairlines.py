"""Zoomed out, one item draws the plain relations; selected, hovered and highlighted ones still draw themselves."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem

import commarch.gui.canvas.hairlines as hairlines_module
import commarch.gui.canvas.items as items_module
from commarch.editing.document import Document
from commarch.editing.element_commands import AddElements, Move, RemoveElements, new_element
from commarch.editing.relation_commands import Connect
from commarch.gui.canvas import CanvasScene, CanvasView

from .helpers import mouse, on_screen

FAR = 0.1  # below HAIRLINE_LOD
_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


@pytest.fixture
def painted(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Any]]:
    """Who painted what: relation ids drawn by their own item (full or preview), themes of hairline paints."""
    seen: dict[str, list[Any]] = {"full": [], "preview": [], "hairlines": []}
    full, preview, lines = (items_module.paint_relation, items_module.paint_relation_preview,
                            hairlines_module.paint_relation_hairlines)

    def spy_full(painter, relation, path, theme, **kw):  # type: ignore[no-untyped-def]
        seen["full"].append((relation.id, kw.get("selected", False)))
        full(painter, relation, path, theme, **kw)

    def spy_preview(painter, relation, path, theme):  # type: ignore[no-untyped-def]
        seen["preview"].append(relation.id)
        preview(painter, relation, path, theme)

    def spy_lines(painter, paths, theme):  # type: ignore[no-untyped-def]
        seen["hairlines"].append(theme)
        lines(painter, paths, theme)

    monkeypatch.setattr(items_module, "paint_relation", spy_full)
    monkeypatch.setattr(items_module, "paint_relation_preview", spy_preview)
    monkeypatch.setattr(hairlines_module, "paint_relation_hairlines", spy_lines)
    return seen


def _lines(scene: CanvasScene) -> int:
    """How many relations the hairlines item draws (one subpath each)."""
    assert scene.ctx.hairlines is not None
    return sum(len(path.toSubpathPolygons()) for path in scene.ctx.hairlines.paths().values())


def _extent(scene: CanvasScene) -> QRectF:
    assert scene.ctx.hairlines is not None
    rect = QRectF()
    for path in scene.ctx.hairlines.paths().values():
        rect = rect.united(path.boundingRect())
    return rect


def _clear(seen: dict[str, list[Any]]) -> None:
    for calls in seen.values():
        calls.clear()


def test_far_out_one_item_draws_every_plain_relation(view: CanvasView, painted: dict[str, list[Any]]) -> None:
    scene = view.canvas_scene
    view.set_zoom(FAR)
    assert scene.ctx.far and scene.ctx.hairlines is not None
    assert all(r.flags() & _NO_CONTENTS and not r.drawn for r in scene.relation_items())
    _clear(painted)
    view.grab()
    assert painted["full"] == [] and painted["preview"] == []  # no Python paint call per relation
    assert painted["hairlines"]
    assert _lines(scene) == len(scene.relation_items())
    view.zoom_reset()  # readable again: the hairlines item is gone, the cached layer paints them in full
    assert not scene.ctx.far and scene.ctx.hairlines is None and scene.ctx.layered
    assert not [i for i in scene.items() if isinstance(i, hairlines_module.RelationHairlines)]
    _clear(painted)
    view.grab()
    assert painted["full"] and painted["hairlines"] == []


def test_selected_relation_still_changes_look_far_out(view: CanvasView, painted: dict[str, list[Any]]) -> None:
    scene = view.canvas_scene
    view.set_zoom(FAR)
    item = scene.relation_items()[0]
    total = len(scene.relation_items())
    scene.select_ids([item.relation_id])
    assert item.drawn and not item.flags() & _NO_CONTENTS
    assert _lines(scene) == total - 1  # no plain hairline under the selection outline
    _clear(painted)
    view.grab()
    assert (item.relation_id, True) in painted["full"]
    scene.clearSelection()  # Qt's own deselection (selectionChanged), not select_ids
    assert not item.drawn and item.flags() & _NO_CONTENTS
    assert _lines(scene) == total
    _clear(painted)
    view.grab()
    assert painted["full"] == []


def test_selection_made_before_zooming_out_is_kept(view: CanvasView) -> None:
    scene = view.canvas_scene
    item = scene.relation_items()[1]
    item.setSelected(True)
    view.set_zoom(FAR)
    assert item.drawn and sum(r.drawn for r in scene.relation_items()) == 1


def test_hover_and_highlight_far_out(view: CanvasView, doc: Document) -> None:
    scene = view.canvas_scene
    view.set_zoom(FAR)
    element = doc.model.elements[1]
    attached = {r.id for r in doc.relations_of(element.id)}
    element_item = scene.element_item(element.id)
    assert element_item is not None and attached
    element_item._set_hover(True)
    assert {r.relation_id for r in scene.relation_items() if r.drawn} == attached
    element_item._set_hover(False)
    assert not any(r.drawn for r in scene.relation_items())
    highlighted = [r.id for r in doc.model.relations[:2]]
    scene.highlight_relations(highlighted)
    assert {r.relation_id for r in scene.relation_items() if r.drawn} == set(highlighted)
    assert _lines(scene) == len(scene.relation_items()) - 2
    scene.highlight_relations([])
    assert not any(r.drawn for r in scene.relation_items())


def test_hairlines_follow_moves_adds_removes_and_undo(view: CanvasView, doc: Document) -> None:
    scene = view.canvas_scene
    view.set_zoom(FAR)
    total = _lines(scene)
    element = doc.model.elements[1]
    before = _extent(scene)
    doc.execute(Move(doc, {element.id: (element.x + 8000, element.y)}))
    assert _extent(scene).right() > before.right() + 5000  # its relations' lines followed it
    doc.undo()
    assert _extent(scene) == before
    target = new_element(doc, "stakeholder", "Presse", 900, 900)
    doc.execute(AddElements(doc, [target]))
    channel = next(e for e in doc.model.elements if e.kind == "channel")
    doc.execute(Connect(doc, channel.id, target.id))
    assert _lines(scene) == total + 1
    doc.undo()
    assert _lines(scene) == total
    attached = len(doc.relations_of(element.id))
    doc.execute(RemoveElements(doc, [element.id]))
    assert _lines(scene) == total - attached
    doc.undo()
    assert _lines(scene) == total


def test_dragging_far_out_moves_the_hairlines(view: CanvasView) -> None:
    scene = view.canvas_scene
    view.set_zoom(FAR)
    grabbed = next(i for i in scene.element_items() if i.relations)
    # dragged along: its relations are not hovered (the grabbed element's are), so the hairlines draw them
    other = next(i for i in scene.element_items() if i.relations and i is not grabbed
                 and grabbed not in {r.source for r in i.relations} | {r.target for r in i.relations})
    scene.select_ids([grabbed.element_id, other.element_id])
    view.centerOn(grabbed)
    before = _extent(scene)
    start = on_screen(view, grabbed)
    mouse(view, QEvent.Type.MouseButtonPress, start)
    for step in range(1, 6):
        mouse(view, QEvent.Type.MouseMove, QPointF(start + QPoint(0, 60 * step)), Qt.MouseButton.LeftButton,
              buttons=Qt.MouseButton.LeftButton)
    assert scene.ctx.dragging and other.pos().y() > 1000 + other.element.y
    assert all(r.drawn for r in grabbed.relations)  # hovered: they paint themselves
    assert not any(r.drawn for r in other.relations if r not in grabbed.relations)
    assert _extent(scene).bottom() > before.bottom() + 1000
    mouse(view, QEvent.Type.MouseButtonRelease, start + QPoint(0, 300))
    assert _extent(scene) == before  # nobody recorded the move: back where the document has it


def test_theme_switch_repaints_hairlines(view: CanvasView, painted: dict[str, list[Any]]) -> None:
    view.set_zoom(FAR)
    view.set_theme("dark")
    _clear(painted)
    view.grab()
    assert painted["hairlines"] and all(theme.dark for theme in painted["hairlines"])
    view.set_theme("light")
    _clear(painted)
    view.grab()
    assert painted["hairlines"] and not any(theme.dark for theme in painted["hairlines"])


def test_stale_far_level_still_draws_relations(view: CanvasView, painted: dict[str, list[Any]]) -> None:
    """A scene left far out while its view shows it at 100 % (e.g. shown by another view) still paints
    the relations in full, through the hairlines item, until the view tells it its zoom."""
    scene = view.canvas_scene
    scene.set_view_scale(FAR)
    assert view.zoom() == 1.0 and scene.ctx.far
    _clear(painted)
    view.grab()
    assert painted["full"] and painted["hairlines"] == []
    view.setScene(scene)  # showing a scene tells it the zoom
    assert not scene.ctx.far


def _render(scene: CanvasScene, source: QRectF) -> None:
    image = QImage(1920, 1080, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, 1920, 1080), source)
    painter.end()


def test_render_uses_the_level_of_detail_of_its_scale(qapp: object, doc: Document,
                                                      painted: dict[str, list[Any]]) -> None:
    scene = CanvasScene(doc)
    try:
        whole = scene.itemsBoundingRect().adjusted(-20000, -20000, 20000, 20000)  # scale < HAIRLINE_LOD
        _render(scene, whole)
        assert scene.ctx.far and painted["hairlines"] and painted["full"] == []
        _clear(painted)
        item = scene.relation_items()[0]
        _render(scene, item.boundingRect())  # zoomed far in
        assert not scene.ctx.far and painted["full"] and painted["hairlines"] == []
    finally:
        scene.close()


def test_render_keeps_the_level_a_view_set(view: CanvasView, painted: dict[str, list[Any]]) -> None:
    scene = view.canvas_scene
    _render(scene, scene.itemsBoundingRect().adjusted(-20000, -20000, 20000, 20000))
    assert painted["hairlines"] and not scene.ctx.far and scene.ctx.layered and scene.ctx.layer is not None


def test_relations_stay_hit_testable_far_out(view: CanvasView) -> None:
    scene = view.canvas_scene
    view.set_zoom(FAR)
    item = scene.relation_items()[3]
    assert not item.drawn
    mid = item.path().pointAtPercent(0.5)
    assert scene.itemAt(mid, view.transform()) is item  # tooltips, context menu, clicks
    area = QPainterPath()
    area.addRect(QRectF(mid.x() - 30, mid.y() - 30, 60, 60))
    scene.setSelectionArea(area, Qt.ItemSelectionOperation.ReplaceSelection,
                           Qt.ItemSelectionMode.IntersectsItemShape, view.transform())  # a rubber band
    assert item.isSelected() and item.drawn


def test_hairlines_are_the_relations_chords(view: CanvasView, doc: Document) -> None:
    """Each hairline path holds exactly the chords (bent ones included) of the relations of its look."""
    from commarch.render.canvas_support import hairline_key

    scene = view.canvas_scene
    first = doc.model.relations[0]
    scene.relation_item(first.id).set_bend(40.0)
    view.resetTransform()
    view.scale(0.05, 0.05)
    scene.set_view_scale(0.05)
    assert scene.ctx.far and scene.ctx.hairlines is not None
    expected: dict[tuple[str, str | None], list[list[tuple[float, float]]]] = {}
    for relation in doc.model.relations:
        item = scene.relation_item(relation.id)
        if item is not None and not item.drawn:
            polygons = item.chord().toSubpathPolygons()
            expected.setdefault(hairline_key(relation), []).extend(
                [(p.x(), p.y()) for p in polygon] for polygon in polygons)
    got = {key: [[(p.x(), p.y()) for p in polygon] for polygon in path.toSubpathPolygons()]
           for key, path in scene.ctx.hairlines.paths().items()}
    assert got == expected
    assert any(len(polygon) > 2 for polygons in got.values() for polygon in polygons)  # the bent one
