"""Elements replayed from recorded pictures (PDF export): the same look as painting them one by one."""

from __future__ import annotations

import math
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from commarch.model import Channel, CommModel, Department, Goal, Note, Reaches, Stakeholder, Topic
from commarch.render import batch, get_theme, plan_diagram
from commarch.render.diagram import DiagramPlan, paint_diagram

from .conftest import build_model

BADGES = {"s-cust": "error", "c-fb": "warning", "d-pr": "info"}


def grid_model(n: int = 48) -> CommModel:
    kinds = [lambda i, x, y: Stakeholder(id=f"e{i}", label=f"Audience {i}", x=x, y=y, priority="high"),
             lambda i, x, y: Channel(id=f"e{i}", label=f"Newsletter number {i} for everybody", x=x, y=y),
             lambda i, x, y: Department(id=f"e{i}", label=f"Team {i}", x=x, y=y, function="pr",
                                        coordinator=i % 2 == 0),
             lambda i, x, y: Goal(id=f"e{i}", label=f"Goal {i}", x=x, y=y),
             lambda i, x, y: Topic(id=f"e{i}", label=f"Topic {i}", x=x, y=y, color="#aa3377"),
             lambda i, x, y: Note(id=f"e{i}", label=f"Remark {i}: who decides?", x=x, y=y)]
    elements = [kinds[i % len(kinds)](i, (i % 8) * 230 + 0.5 * (i % 3), (i // 8) * 140) for i in range(n)]
    relations = [Reaches(id=f"r{i}", source=f"e{i}", target=f"e{i + 9}") for i in range(0, n - 9, 2)]
    return CommModel(elements=elements, relations=relations)


def _pixels(plan: DiagramPlan, batched: bool, dpi: int) -> np.ndarray:
    scale = dpi / 96
    image = QImage(math.ceil(plan.bounds.width() * scale), math.ceil(plan.bounds.height() * scale),
                   QImage.Format.Format_ARGB32)
    metres = round(dpi / 0.0254)
    image.setDotsPerMeterX(metres)
    image.setDotsPerMeterY(metres)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(scale, scale)
    painter.translate(-plan.bounds.topLeft())
    theme = get_theme("light")
    elements = [layer for layer in plan.layers if layer.group == "element"]
    if batched:
        batch.paint_elements(painter, [layer.parts for layer in elements], theme)
    else:
        for layer in elements:
            layer.paint(painter, theme)
    painter.end()
    data = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return data[:, : image.width() * 4].astype(int)


@pytest.mark.parametrize("dpi", [96, 300])
def test_pictures_replay_at_the_devices_resolution(dpi: int) -> None:
    """A picture replays scaled by the device's resolution over its own; recorded with the inverse, the
    elements land where paint_element puts them, at any resolution (the PDF writer's is 1200)."""
    plan = plan_diagram(grid_model(), badges={"e3": "error", "e4": "warning"})
    one, batched = _pixels(plan, False, dpi), _pixels(plan, True, dpi)
    differ = np.abs(one - batched)
    assert (one != 255).sum() > 10_000
    assert (differ > 48).sum() < 0.002 * (one != 255).sum()


def _pdf(plan: DiagramPlan, path: Path, batched: bool) -> None:
    writer = QPdfWriter(str(path))
    writer.setResolution(1200)
    size = QPageSize(QSizeF(plan.bounds.width(), plan.bounds.height()), QPageSize.Unit.Point, "d",
                     QPageSize.SizeMatchPolicy.ExactMatch)
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    painter.scale(1200 / 72, 1200 / 72)
    painter.translate(-plan.bounds.topLeft())
    paint_diagram(painter, plan, get_theme("light"), batched=batched)
    painter.end()


def _raster(pdf: Path) -> np.ndarray:
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "72", "-png", "-singlefile", str(pdf), str(pdf.with_suffix(""))],
                   check=True)
    return np.asarray(Image.open(pdf.with_suffix(".png")).convert("RGB")).astype(int)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
@pytest.mark.parametrize("which", ["grid", "hostile"])
def test_batched_pdf_looks_like_the_layer_by_layer_pdf(tmp_path: Path, which: str) -> None:
    model = grid_model() if which == "grid" else build_model()
    plan = plan_diagram(model, badges=BADGES, legend=True, title_block=True)
    _pdf(plan, tmp_path / "one.pdf", batched=False)
    _pdf(plan, tmp_path / "batched.pdf", batched=True)
    one, batched = _raster(tmp_path / "one.pdf"), _raster(tmp_path / "batched.pdf")
    assert one.shape == batched.shape
    drawn = (one != 255).any(axis=2).sum()
    differ = np.abs(one - batched).max(axis=2)
    assert drawn > 20_000
    assert (differ > 48).sum() < 0.005 * drawn  # anti-aliased edges at most: nothing moved or recoloured
    if which == "grid":  # alike elements write alike bytes, which the writer's compression folds
        assert (tmp_path / "batched.pdf").stat().st_size < (tmp_path / "one.pdf").stat().st_size
