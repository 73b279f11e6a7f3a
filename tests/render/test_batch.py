"""Batched painting (PDF): the same picture as painting layer by layer, and only where that holds."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from commarch.model import Channel, CommModel, Stakeholder
from commarch.render import batch, export_diagram, get_theme, plan_diagram
from commarch.render.diagram import DiagramPlan, paint_diagram
from commarch.render.shapes import element_rect

from .conftest import build_model

BADGES = {"s-cust": "error", "c-fb": "warning", "d-pr": "info"}


def _pixels(plan: DiagramPlan, paint: object, scale: float = 2.0) -> np.ndarray:
    image = QImage(math.ceil(plan.bounds.width() * scale), math.ceil(plan.bounds.height() * scale),
                   QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    painter.translate(-plan.bounds.topLeft())
    paint(painter)  # type: ignore[operator]
    painter.end()
    data = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return data[:, : image.width() * 4].reshape(image.height(), image.width(), 4).astype(int)


def _layers(plan: DiagramPlan, group: str) -> list:
    return [layer for layer in plan.layers if layer.group == group]


def test_elements_batched_paint_the_same_pixels() -> None:
    plan = plan_diagram(build_model(), badges=BADGES, lang="de")
    theme = get_theme("light")
    elements = _layers(plan, "element")
    assert batch.apart([layer.parts[1] for layer in elements])

    def one_by_one(painter: QPainter) -> None:
        for layer in elements:
            layer.paint(painter, theme)

    def batched(painter: QPainter) -> None:
        batch.paint_elements(painter, [layer.parts for layer in elements], theme)

    assert np.array_equal(_pixels(plan, one_by_one), _pixels(plan, batched))


def test_relations_batched_paint_nearly_the_same_pixels() -> None:
    """Same lines, heads and captions in the same order; only anti-aliased edges where strokes of one
    colour overlap may differ (one stroke instead of two)."""
    plan = plan_diagram(build_model())
    theme = get_theme("dark")
    relations = _layers(plan, "relation")

    def one_by_one(painter: QPainter) -> None:
        for layer in relations:
            layer.paint(painter, theme)

    def batched(painter: QPainter) -> None:
        batch.paint_relations(painter, [layer.parts for layer in relations], theme)

    before, after = _pixels(plan, one_by_one), _pixels(plan, batched)
    drawn = (before != 255).any(axis=2).sum()
    differ = np.abs(before - after).max(axis=2)
    assert drawn > 1000
    assert (differ > 0).sum() < 0.01 * drawn
    assert (differ > 96).sum() < 0.001 * drawn  # nothing moved or changed colour: edge shading only


def test_apart_sees_overlapping_elements() -> None:
    a, b = element_rect("channel", 0, 0), element_rect("channel", 0, 0)
    assert not batch.apart([a, b.translated(a.width() - 4, 0)])
    assert not batch.apart([a, b.translated(a.width() + 10, 0)])  # a badge or shadow would overlap
    assert batch.apart([a, b.translated(a.width() + 20, 0)])
    assert batch.apart([a, b.translated(0, a.height() + 20)])
    assert batch.apart([])


def _svg(plan: DiagramPlan, batched: bool) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setViewBox(plan.bounds)
    generator.setSize(QSize(math.ceil(plan.bounds.width()), math.ceil(plan.bounds.height())))
    painter = QPainter(generator)
    paint_diagram(painter, plan, get_theme("light"), batched=batched)
    painter.end()
    return bytes(buffer.data())


def test_overlapping_elements_are_painted_one_by_one() -> None:
    stacked = CommModel(elements=[Stakeholder(id="s1", label="One", x=0, y=0),
                                  Channel(id="c1", label="Two", x=40, y=10),
                                  Stakeholder(id="s2", label="Three", x=400, y=0)], relations=[])
    plan = plan_diagram(stacked)
    assert _svg(plan, batched=True) == _svg(plan, batched=False)  # the same drawing calls, in order
    apart = plan_diagram(CommModel(elements=[Stakeholder(id="s1", label="One", x=0, y=0),
                                             Stakeholder(id="s2", label="Three", x=400, y=0)], relations=[]))
    assert _svg(apart, batched=True) != _svg(apart, batched=False)


def test_raster_painting_is_never_batched() -> None:
    """On a QImage the raster engine is faster layer by layer: the PNG is drawn exactly so."""
    plan = plan_diagram(build_model(), badges=BADGES)
    theme = get_theme("light")
    assert np.array_equal(_pixels(plan, lambda p: paint_diagram(p, plan, theme, background=False)),
                          _pixels(plan, lambda p: paint_diagram(p, plan, theme, background=False, batched=True)))


def test_pdf_export_draws_everything(tmp_path: Path) -> None:
    import pypdf

    out = export_diagram(build_model(), tmp_path / "d.pdf", legend=True, title_block=True, badges=BADGES)
    page = pypdf.PdfReader(out).pages[0]
    text = " ".join(page.extract_text().split())
    for label in ("Marketing", "Customers", "weekly", "Sustainability"):
        assert label in text
    assert QRectF(0, 0, float(page.mediabox.width), float(page.mediabox.height)).isValid()


def test_plan_bounds_are_the_union_of_the_painted_boxes() -> None:
    """The plan adds its boxes up in floats (relation_extent); the result is relation_bounds' and
    element_bounds' union, so image sizes do not move."""
    from commarch.render.painter import element_bounds, relation_bounds, relation_extent

    model = build_model()
    plan = plan_diagram(model)
    union = QRectF()
    for layer in plan.layers:
        if layer.group == "relation":
            box = relation_bounds(layer.parts[1])
            assert relation_extent(layer.parts[1]) == pytest.approx(box.getCoords(), abs=1e-9)
            union = union.united(box)
        elif layer.group == "element":
            union = union.united(element_bounds(layer.parts[1]))
    assert any(layer.parts[1].elementCount() > 2 for layer in _layers(plan, "relation"))  # bent ones too
    margin = plan.bounds.adjusted(28, 28, -28, -28)
    assert margin.getCoords() == pytest.approx(union.getCoords(), abs=1e-9)
