"""At readable zooms in a view one cached item paints the plain relations: same pixels, fewer paints."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem

import commarch.gui.canvas.items as items_module
from commarch.editing.document import Document
from commarch.editing.element_commands import Move
from commarch.gui.canvas import CanvasScene, CanvasView
from commarch.gui.canvas.layer import RelationLayer

from .helpers import mouse, on_screen

_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
_Cache = QGraphicsItem.CacheMode


@pytest.fixture
def full_paints(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Relation ids painted in full (by their item or through the layer), in order."""
    seen: list[str] = []
    full = items_module.paint_relation

    def spy(painter, relation, path, theme, **kw):  # type: ignore[no-untyped-def]
        seen.append(relation.id)
        full(painter, relation, path, theme, **kw)

    monkeypatch.setattr(items_module, "paint_relation", spy)
    return seen


@pytest.fixture
def reference(qtbot: Any, doc: Document) -> Iterator[CanvasView]:
    """A second view of the same document whose relations paint themselves (no layer)."""
    scene = CanvasScene(doc)
    view = CanvasView(scene)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    scene._in_view = False  # as if no view had told it its zoom: the relations paint themselves
    scene._set_far(False)
    assert not scene.ctx.layered and all(r.drawn for r in scene.relation_items())
    yield view
    scene.close()


def _pixels(view: CanvasView) -> np.ndarray:
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGBA8888)
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4).astype(int)


def _same_picture(view: CanvasView, reference: CanvasView) -> None:
    reference.canvas_scene.set_theme(view.canvas_scene.ctx.theme)
    reference.horizontalScrollBar().setValue(view.horizontalScrollBar().value())
    reference.verticalScrollBar().setValue(view.verticalScrollBar().value())
    assert reference.viewport().size() == view.viewport().size()
    diff = np.abs(_pixels(view) - _pixels(reference)).max(axis=2)
    # compositing the relations in a pixmap first rounds a little differently, nothing more
    assert diff.max() <= 8, f"{int((diff > 8).sum())} pixels differ"


def test_a_view_at_100_percent_paints_plain_relations_through_the_layer(view: CanvasView,
                                                                       full_paints: list[str]) -> None:
    scene = view.canvas_scene
    assert view.zoom() == 1.0 and scene.ctx.layered and not scene.ctx.far
    assert isinstance(scene.ctx.layer, RelationLayer) and scene.ctx.layer.scene() is scene
    assert scene.ctx.layer.buffered and scene.ctx.layer.cacheMode() == _Cache.NoCache  # its own buffer
    assert all(r.flags() & _NO_CONTENTS and not r.drawn for r in scene.relation_items())
    view.viewport().grab()
    assert full_paints  # in full, not as hairlines
    full_paints.clear()
    view.viewport().grab()
    assert full_paints == []  # nothing changed: the cached pixmap is blitted


def test_same_picture_after_pans_moves_and_theme(view: CanvasView, reference: CanvasView, doc: Document) -> None:
    _same_picture(view, reference)
    for dx, dy in ((40, 0), (40, 25), (-120, 0), (0, -60)):  # the layer scrolls its pixmap, paints strips
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + dx)
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + dy)
        view.viewport().grab()
    _same_picture(view, reference)
    visible = view.mapToScene(view.viewport().rect()).boundingRect().adjusted(100, 100, -200, -200)
    element = next(e for e in doc.model.elements if doc.relations_of(e.id) and visible.contains(e.x, e.y))
    doc.execute(Move(doc, {element.id: (element.x + 140, element.y + 90)}))
    _same_picture(view, reference)
    doc.undo()
    _same_picture(view, reference)
    view.canvas_scene.set_theme("dark")  # straight on the scene: the cached background notices too
    _same_picture(view, reference)


def test_selected_and_dragged_relations_paint_themselves(view: CanvasView, reference: CanvasView) -> None:
    scene = view.canvas_scene
    relation = scene.relation_items()[2]
    scene.select_ids([relation.relation_id])
    assert relation.drawn and not relation.flags() & _NO_CONTENTS  # on top of the layer, with its halo
    scene.select_ids([])
    assert not relation.drawn
    grabbed = next(i for i in scene.element_items() if i.relations)
    other = next(i for i in scene.element_items() if i.relations and i is not grabbed
                 and grabbed not in {r.source for r in i.relations} | {r.target for r in i.relations})
    scene.select_ids([grabbed.element_id, other.element_id])
    view.centerOn(grabbed)
    start = on_screen(view, grabbed)
    mouse(view, QEvent.Type.MouseButtonPress, start)
    for step in range(1, 4):
        mouse(view, QEvent.Type.MouseMove, QPointF(start + QPoint(0, 20 * step)), Qt.MouseButton.LeftButton,
              buttons=Qt.MouseButton.LeftButton)
    dragged_along = [r for r in other.relations if r not in grabbed.relations]
    assert scene.ctx.dragging and dragged_along
    assert all(r.drawn and r.preview for r in dragged_along)  # the cheap preview, over the layer's pixmap
    mouse(view, QEvent.Type.MouseButtonRelease, start + QPoint(0, 60))
    assert not any(r.drawn for r in dragged_along)  # back in the layer, in full
    scene.select_ids([])
    mouse(view, QEvent.Type.MouseMove, QPointF(2, 2), Qt.MouseButton.NoButton, buttons=Qt.MouseButton.NoButton)
    assert not grabbed.hovered
    _same_picture(view, reference)


def test_render_paints_the_layer_without_its_cache(view: CanvasView, full_paints: list[str]) -> None:
    scene = view.canvas_scene
    layer = scene.ctx.layer
    assert layer is not None
    image = QImage(800, 600, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    centre = scene.relation_items()[0].boundingRect().center()
    source = QRectF(centre.x() - 400, centre.y() - 300, 800, 600)
    scene.render(painter, QRectF(0, 0, 800, 600), source)  # at 100 %: no hairlines
    painter.end()
    assert full_paints
    assert scene.ctx.layer is layer and layer.buffered
