"""Long relations crossing a pan strip are cut to it before stroking: same pixels as painting them whole."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPainterPath, QPixmap, QTransform
from PySide6.QtWidgets import QStyleOptionGraphicsItem

import commarch.gui.canvas.layer_lines as lines_module
from commarch.editing.document import Document
from commarch.editing.element_commands import AddElements, Move, new_element
from commarch.editing.relation_commands import Connect, SetRelationProperty
from commarch.gui.canvas import CanvasScene, CanvasView
from commarch.model import CommModel
from commarch.render import paint_relation

WIDTH = 4000.0  # sources at x=0, targets at x=WIDTH: the view in the middle sees only lines
# (source kind, target kind, relation kind, properties): every line look of render.style
LOOKS = [
    ("department", "channel", "operates", {}),
    ("department", "channel", "operates", {"role": "contributor"}),  # dashed, flat caps
    ("channel", "stakeholder", "reaches", {}),
    ("department", "department", "coordinates", {}),  # a double line
    ("department", "stakeholder", "responsible_for", {}),  # wide
    ("channel", "topic", "carries", {}),  # dotted, round caps
    ("channel", "goal", "serves", {}),  # dash-dot, round caps
    ("stakeholder", "stakeholder", "influences", {}),  # long dashes
]


def _long_relations_doc() -> Document:
    """Every look three times: shallow and steep, crossing each other in the middle of the canvas."""
    doc = Document(CommModel.empty())
    elements, relations = [], []
    for i, (source_kind, target_kind, kind, props) in enumerate(LOOKS * 3):
        a = new_element(doc, source_kind, f"s{i}", 0, -1400 + 117 * i, id=f"s{i}")
        b = new_element(doc, target_kind, f"t{i}", WIDTH, 1400 - 131 * i, id=f"t{i}")
        if i >= 2 * len(LOOKS):  # steep: from far above to far below the view
            a = new_element(doc, source_kind, f"s{i}", 1700 + 40 * i, -3000, id=f"s{i}")
            b = new_element(doc, target_kind, f"t{i}", 2300 - 30 * i, 3000, id=f"t{i}")
        elements += [a, b]
        relations.append((a.id, b.id, kind, props))
    doc.execute(AddElements(doc, elements))
    for source, target, kind, props in relations:
        doc.execute(Connect(doc, source, target, kind, **props))
    return doc


@pytest.fixture
def long_doc() -> Document:
    return _long_relations_doc()


def _show(qtbot: Any, doc: Document, layered: bool) -> Iterator[CanvasView]:
    scene = CanvasScene(doc)
    view = CanvasView(scene)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    if not layered:  # as if no view had told it its zoom: the relations paint themselves, whole
        scene._in_view = False
        scene._set_far(False)
    view.centerOn(WIDTH / 2, 0)
    yield view
    scene.close()


@pytest.fixture
def layered(qtbot: Any, long_doc: Document) -> Iterator[CanvasView]:
    yield from _show(qtbot, long_doc, True)


@pytest.fixture
def whole(qtbot: Any, long_doc: Document) -> Iterator[CanvasView]:
    yield from _show(qtbot, long_doc, False)


@pytest.fixture
def pieces(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The lengths of the line pieces the layer strokes."""
    lengths: list[float] = []

    class Recorded(QPainterPath):
        def lineTo(self, *args: Any) -> None:  # noqa: N802 (Qt name)
            super().lineTo(*args)
            lengths.append(self.length())

    monkeypatch.setattr(lines_module, "QPainterPath", Recorded)
    return lengths


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGBA8888_Premultiplied)
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4).astype(int)


def _same_picture(view: CanvasView, reference: CanvasView, tolerance: int = 8) -> None:
    reference.canvas_scene.set_theme(view.canvas_scene.ctx.theme)
    reference.horizontalScrollBar().setValue(view.horizontalScrollBar().value())
    reference.verticalScrollBar().setValue(view.verticalScrollBar().value())
    assert reference.viewport().size() == view.viewport().size()
    assert reference.mapToScene(0, 0) == view.mapToScene(0, 0)
    a, b = view.viewport().grab().toImage(), reference.viewport().grab().toImage()
    ours, theirs = _pixels(a), _pixels(b)
    diff = np.abs(ours - theirs).max(axis=2)
    # compositing the relations in a pixmap first rounds a little differently, nothing more
    assert diff.max() <= tolerance, f"{int((diff > tolerance).sum())} pixels differ by up to {diff.max()}"


def _pan(view: CanvasView, dx: int, dy: int) -> None:
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + dx)
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + dy)
    view.viewport().grab()


def _strips() -> Iterator[QRectF]:
    """Areas across the middle (only lines), around the targets (arrowheads) and the sources (starts); odd
    sizes and offsets, so pieces start anywhere in a dash."""
    for x in range(1600, 2400, 37):
        yield from (QRectF(x, -350, 40, 700), QRectF(x, -350, 13, 700), QRectF(x, -350, 400, 25))
    for x in (*range(3870, 4080, 23), *range(-70, 120, 23)):
        yield QRectF(x, -1500, 40, 3000)
    for y in range(2860, 3040, 11):  # the steep ones' ends
        yield QRectF(1500, y, 1000, 25)
        yield QRectF(1500, -y, 1000, 25)


def test_every_look_cut_into_a_strip_matches_the_whole_relation(long_doc: Document, qapp: Any) -> None:
    """Strip by strip: what the layer paints into an area equals the whole relations' pixels there."""
    scene = CanvasScene(long_doc)
    try:
        scene._in_view = True
        scene._set_far(False)
        assert scene.ctx.layer is not None and scene.ctx.layered
        theme = scene.ctx.theme
        option = QStyleOptionGraphicsItem()
        painted = 0
        for scale, area in [(1.0, a) for a in _strips()] + [(z, a) for z in (0.5, 2.5) for a in list(_strips())[::5]]:
            images = []
            for whole in (False, True):
                image = QImage(round(area.width() * scale), round(area.height() * scale),
                               QImage.Format.Format_ARGB32_Premultiplied)
                image.fill(Qt.GlobalColor.transparent)
                painter = QPainter(image)
                painter.setRenderHints(QPainter.RenderHint.Antialiasing)
                painter.setWorldTransform(QTransform.fromTranslate(-area.x(), -area.y())
                                          * QTransform.fromScale(scale, scale))
                if whole:
                    for item in scene.relation_items():
                        paint_relation(painter, item.relation, item.path(), theme, lod=scale)
                else:
                    lines_module.paint_relations(painter, scene, option, None, area, theme)
                painter.end()
                images.append(_pixels(image))
            diff = np.abs(images[0] - images[1]).max()
            assert diff <= 4, f"{area} at {scale}: up to {diff} off"
            painted += bool(images[0][..., 3].any())
        assert painted > 60  # the strips did hold lines
        assert all(item.layer_line is not None for item in scene.relation_items())  # all straight: all cut
    finally:
        scene.close()


def test_an_arrowhead_nearby_is_painted_on_the_cut_line(long_doc: Document, qapp: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    scene = CanvasScene(long_doc)
    try:
        scene._in_view = True
        scene._set_far(False)
        drawn: list[tuple[str, float]] = []
        real = lines_module.paint_relation

        def spy(painter, relation, path, theme, **kw):  # type: ignore[no-untyped-def]
            drawn.append((relation.id, path.length()))
            real(painter, relation, path, theme, **kw)

        monkeypatch.setattr(lines_module, "paint_relation", spy)
        image = QImage(140, 3000, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        area = QRectF(WIDTH - 150, -1500, 140, 3000)  # every target's left side
        painter.setWorldTransform(QTransform.fromTranslate(-area.x(), -area.y()))
        lines_module.paint_relations(painter, scene, QStyleOptionGraphicsItem(), None, area, scene.ctx.theme)
        painter.end()
        heads = {r.id for r in long_doc.model.relations if r.kind != "coordinates" and scene.relation_item(r.id)
                 and scene.relation_item(r.id).path().elementAt(1).x > WIDTH - 100}  # type: ignore[union-attr]
        assert heads and {i for i, _ in drawn} == heads
        assert all(length < 400 for _, length in drawn)  # from the strip on, not the whole 4,000 units
    finally:
        scene.close()


def test_pans_show_the_same_picture_as_whole_lines(layered: CanvasView, whole: CanvasView,
                                                     pieces: list[float]) -> None:
    layered.viewport().grab()
    _same_picture(layered, whole)
    pieces.clear()
    for dx, dy in ((40, 0), (40, 0), (-40, 0), (-130, 0), (13, 7), (0, -60), (0, 40)):
        _pan(layered, dx, dy)
    _same_picture(layered, whole)
    # the pans stroked pieces of about the strip's size, not the 4,000-unit lines
    assert pieces and max(pieces) < 800


def test_moves_edits_and_theme_repaint_the_cut_lines(layered: CanvasView, whole: CanvasView,
                                                      long_doc: Document) -> None:
    doc = long_doc
    layered.viewport().grab()
    _pan(layered, 40, 0)
    doc.execute(Move(doc, {"s0": (0, 600), "t3": (WIDTH, -900)}))  # long lines swing through the view
    _pan(layered, -40, 0)
    _same_picture(layered, whole)
    doc.undo()
    _pan(layered, 40, 0)
    _same_picture(layered, whole)
    relation = next(r for r in doc.model.relations if r.kind == "operates")
    doc.execute(SetRelationProperty(doc, relation.id, "role", "contributor"))  # solid -> dashed, same ends
    _pan(layered, 0, 40)
    _same_picture(layered, whole)
    layered.canvas_scene.set_theme("dark")
    _pan(layered, 0, -40)
    _same_picture(layered, whole)
    extra = new_element(doc, "stakeholder", "far", WIDTH, 100, id="far")
    doc.execute(AddElements(doc, [extra]))
    doc.execute(Connect(doc, "s2", "far"))  # a channel: reaches
    _pan(layered, 40, 0)
    _same_picture(layered, whole)
    doc.undo()
    _pan(layered, -40, 0)
    _same_picture(layered, whole)


def test_selected_and_labelled_long_relations(layered: CanvasView, whole: CanvasView, long_doc: Document) -> None:
    doc = long_doc
    scene = layered.canvas_scene
    ids = [r.id for r in doc.model.relations[:3]]
    layered.viewport().grab()
    plain = _pixels(layered.viewport().grab().toImage())
    scene.select_ids(ids)
    _pan(layered, 40, 0)
    _pan(layered, -40, 0)
    assert all(scene.relation_item(i).drawn for i in ids)  # type: ignore[union-attr]  # halo on top
    # (on top of every other line, unlike in the reference, which paints in model order: no comparison)
    assert (np.abs(_pixels(layered.viewport().grab().toImage()) - plain).max(axis=2) > 40).sum() > 1000
    scene.select_ids([])
    _pan(layered, -40, 0)
    assert not any(scene.relation_item(i).drawn for i in ids)  # type: ignore[union-attr]  # back in the layer
    _same_picture(layered, whole)
    # a caption in the middle of the view: that relation is painted in full where the caption is
    doc.execute(SetRelationProperty(doc, doc.model.relations[4].id, "label", "a caption in the middle"))
    _pan(layered, 40, 0)
    _pan(layered, -40, 0)
    _same_picture(layered, whole)


def test_a_pan_reuses_the_cut_lines(layered: CanvasView, monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[Any] = []
    real = lines_module.Line

    def counting(*args: Any) -> Any:
        built.append(args[0])
        return real(*args)

    layered.viewport().grab()
    _pan(layered, 40, 0)
    monkeypatch.setattr(lines_module, "Line", counting)
    for dx in (-40, 40, -40):
        _pan(layered, dx, 0)
    assert built == []  # geometry and pens come from the cache while nothing changed


def test_a_bent_relation_is_painted_whole(qapp: Any) -> None:
    """Two relations between one pair are bent apart: curves are not cut, they paint in full."""
    doc = Document(CommModel.empty())
    a = new_element(doc, "department", "a", 0, 0, id="a")
    b = new_element(doc, "department", "b", 3000, 0, id="b")
    c = new_element(doc, "channel", "c", 3000, 300, id="c")
    doc.execute(AddElements(doc, [a, b, c]))
    doc.execute(Connect(doc, "a", "c", "operates"))
    scene = CanvasScene(doc)
    try:
        scene._in_view = True
        scene._set_far(False)
        item = scene.relation_items()[0]
        assert lines_module.line_of(item, scene.ctx.theme) is not None
        item.set_bend(40.0)
        assert lines_module.line_of(item, scene.ctx.theme) is None
        pixmap = QPixmap(40, 200)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing)
        area = QRectF(1500, 50, 40, 200)
        painter.setWorldTransform(QTransform.fromTranslate(-area.x(), -area.y()))
        lines_module.paint_relations(painter, scene, QStyleOptionGraphicsItem(), None, area, scene.ctx.theme)
        painter.end()
        assert _pixels(pixmap.toImage())[..., 3].any()  # painted, in full
    finally:
        scene.close()


def test_the_ring_buffer_wraps_around(layered: CanvasView, whole: CanvasView) -> None:
    """A pan moves the buffer's origin, not its pixels: pans adding up to more than the view, both ways."""
    layered.viewport().grab()
    layer = layered.canvas_scene.ctx.layer
    assert layer is not None
    seen = set()
    for step in range(14):
        _pan(layered, 97 if step < 12 else -310, 61 if step % 3 == 0 else -23)
        seen.add(layer._origin)
    assert len(seen) > 10  # the origin went round, the buffer never started over
    _same_picture(layered, whole)
