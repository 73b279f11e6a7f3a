"""A whole diagram: where every element, relation, the title block and the legend go, and painting it."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QPaintEngine, QPainter, QPainterPath, QPen

from commarch.model import CommModel

from .labels import draw_label, layout_label
from .legend import legend_box, legend_painter, legend_sections
from .painter import PAINT_MARGIN, paint_element, paint_relation, qcolor, relation_extent, segment_extent
from .shapes import element_rect, points_path, relation_anchor, relation_points
from .style import Theme

MARGIN = 28.0
BEND_STEP = 26.0  # sideways spacing of several relations between one pair
TITLE_GAP = 18.0
LEGEND_GAP = 28.0

Painter = Callable[[QPainter, Theme], None]


def ensure_app() -> QGuiApplication:
    """The running Qt application, creating one (windowless use: fonts and painting) when there is none."""
    app = QGuiApplication.instance()
    if app is None:
        # a QApplication, not a bare QGuiApplication: whoever later needs widgets in this process
        # (the app, pytest-qt) finds a usable instance instead of one that cannot host widgets
        from PySide6.QtWidgets import QApplication

        app = QApplication(["commarch"])
    return app  # type: ignore[return-value]


@dataclass
class Layer:
    """One thing drawn: an element, a relation, the title block or the legend (an SVG group each)."""

    group: str  # "element", "relation", "title", "legend"
    key: str  # the element or relation id ("" for title and legend)
    kind: str
    label: str
    paint: Painter
    # what `paint` draws, as data (batch.py and svg_writer.py): the relation and its path; the element,
    # its rect, badge and language; the title's fields and box; the legend's box and sections. None for
    # anything painted only by `paint`
    parts: tuple[Any, ...] | None = None


@dataclass
class DiagramPlan:
    bounds: QRectF
    layers: list[Layer] = field(default_factory=list)
    title: str = ""


def _bends(relations: list[Any]) -> dict[str, float]:
    """Sideways offsets so that relations between the same two elements do not lie on top of each other."""
    by_pair: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for rel in relations:
        by_pair[tuple(sorted((rel.source, rel.target)))].append(rel)  # type: ignore[arg-type]
    bends: dict[str, float] = {}
    for (first, _), group in by_pair.items():
        for i, rel in enumerate(group):
            offset = (i - (len(group) - 1) / 2) * BEND_STEP
            # the normal of a reversed edge points the other way, so flip to keep the spread symmetric
            bends[rel.id] = offset if rel.source == first else -offset
    return bends


def finding_badges(findings: Iterable[Any]) -> dict[str, str]:
    """Element id -> the worst severity of the open findings about it (a finding is about its first subject).

    Takes anything with `severity`, `subjects` and `waived` (e.g. commarch.analysis.Finding); waived
    findings get no badge.
    """
    rank = {"error": 0, "warning": 1, "info": 2}
    badges: dict[str, str] = {}
    for finding in findings:
        if getattr(finding, "waived", False) or not finding.subjects:
            continue
        subject = finding.subjects[0]
        current = badges.get(subject)
        if current is None or rank.get(finding.severity, 3) < rank.get(current, 3):
            badges[subject] = finding.severity
    return badges


def title_fields(model: CommModel, title_block: Mapping[str, str] | bool | None) -> dict[str, str] | None:
    """Title, client and date for the title block: given ones win, the rest come from the model's meta."""
    if not title_block:
        return None
    given = dict(title_block) if isinstance(title_block, Mapping) else {}
    meta = model.meta
    date = (meta.modified or meta.created or "") if meta else ""
    return {
        "title": str(given.get("title") or (meta.title if meta else "") or "Communication architecture"),
        "client": str(given.get("client") or (meta.client if meta else "")),
        "date": str(given.get("date") or date[:10]),
    }


def plan_diagram(model: CommModel, *, ids: Iterable[str] | None = None, legend: bool = False,
                 title_block: Mapping[str, str] | bool | None = None, badges: Mapping[str, str] | None = None,
                 lang: str | None = None) -> DiagramPlan:
    """Lay out the drawing of `model` (or of the elements in `ids`, with the relations among them).

    Positions come from the model (`x`, `y` are element centres); nothing is moved.
    """
    ensure_app()
    lang = lang or (model.meta.language if model.meta else None) or "en"
    wanted = set(ids) if ids is not None else None
    elements = [e for e in model.elements if wanted is None or e.id in wanted]
    if wanted is not None and not elements:
        raise ValueError("none of the selected ids is an element of the model")
    shown = {e.id: e for e in elements}
    relations = [r for r in model.relations if r.source in shown and r.target in shown]
    badges = dict(badges or {})
    rects = {e.id: element_rect(e.kind, float(e.x), float(e.y)) for e in elements}
    bends = _bends(relations)
    layers: list[Layer] = []
    # the union of every relation's and element's box (relation_bounds, element_bounds) in floats
    left = top = math.inf
    right = bottom = -math.inf
    # each element's centre and outline once, not once per relation end (relation_path's own lookups)
    anchors = {e.id: relation_anchor(e.kind, rects[e.id]) for e in elements} if relations else {}
    for rel in relations:
        points = relation_points(anchors[rel.source], anchors[rel.target], bends.get(rel.id, 0.0))
        path = points_path(points)
        if points[2] is None:  # straight: the box from its two points, without asking the path
            x0, y0, x1, y1 = segment_extent(points[0], points[1], points[4], points[5])
        else:
            x0, y0, x1, y1 = relation_extent(path)
        left, top, right, bottom = min(left, x0), min(top, y0), max(right, x1), max(bottom, y1)
        layers.append(Layer("relation", rel.id, rel.kind, rel.label or "", _relation_painter(rel, path),
                            (rel, path)))
    for el in elements:
        rect = rects[el.id]
        x0, y0, x1, y1 = rect.getCoords()
        left, top = min(left, x0 - PAINT_MARGIN), min(top, y0 - PAINT_MARGIN)
        right, bottom = max(right, x1 + PAINT_MARGIN), max(bottom, y1 + PAINT_MARGIN)
        layers.append(Layer("element", el.id, el.kind, el.label,
                            _element_painter(el, rect, badges.get(el.id), lang), (el, rect, badges.get(el.id), lang)))
    content = QRectF(left, top, right - left, bottom - top) if left < right and top < bottom else QRectF()
    if content.isEmpty():
        content = QRectF(0, 0, 240, 120)
    top_left = content.topLeft()
    fields = title_fields(model, title_block)
    if fields:
        height = 52.0 if fields["client"] or fields["date"] else 34.0
        width = max(content.width(), 360.0)
        box = QRectF(top_left.x(), top_left.y() - TITLE_GAP - height, width, height)
        layers.append(Layer("title", "", "title", fields["title"], _title_painter(fields, box), (fields, box)))
        content = content.united(box)
    if legend:
        kinds = list(dict.fromkeys(e.kind for e in elements))
        rel_keys = list(dict.fromkeys(
            f"{r.kind}:contributor" if getattr(r, "role", None) == "contributor" else r.kind
            for r in relations))
        sections = legend_sections(kinds, rel_keys, (badges[e.id] for e in elements if e.id in badges), lang)
        box = legend_box(QPointF(content.right() + LEGEND_GAP, top_left.y()), sections)
        layers.append(Layer("legend", "", "legend", "", legend_painter(box, sections), (box, sections)))
        content = content.united(box)
    bounds = content.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
    title = fields["title"] if fields else ((model.meta.title if model.meta else "") or "")
    return DiagramPlan(bounds=bounds, layers=layers, title=title)


def _element_painter(element: Any, rect: QRectF, badge: str | None, lang: str) -> Painter:
    def paint(painter: QPainter, theme: Theme) -> None:
        paint_element(painter, element, rect, theme, badge=badge, lang=lang)
    return paint


def _relation_painter(relation: Any, path: QPainterPath) -> Painter:
    def paint(painter: QPainter, theme: Theme) -> None:
        paint_relation(painter, relation, path, theme)
    return paint


def _title_painter(fields: dict[str, str], box: QRectF) -> Painter:
    def paint(painter: QPainter, theme: Theme) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(qcolor(theme.selection), 3.0))
        painter.drawLine(QPointF(box.left(), box.top()), QPointF(box.left(), box.bottom()))
        inner = box.adjusted(12, 0, 0, 0)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        title = layout_label(fields["title"], QRectF(inner.left(), inner.top(), inner.width(), 30),
                             pixel_size=22, bold=True, align=align)
        draw_label(painter, title, qcolor(theme.text))
        sub = " \u00b7 ".join(v for v in (fields["client"], fields["date"]) if v)
        if sub:
            line = layout_label(sub, QRectF(inner.left(), inner.top() + 31, inner.width(), 20), pixel_size=13,
                                align=align)
            draw_label(painter, line, qcolor(theme.text_muted))
        painter.restore()
    return paint


def paint_diagram(painter: QPainter, plan: DiagramPlan, theme: Theme, *, background: bool = True,
                  batched: bool = False) -> None:
    """Paint the whole plan in scene coordinates (the caller sets the transform).

    `batched` paints runs of relations and of elements in few QPainter calls (batch.py) on a vector
    device: the same picture, but not one drawing call per layer, so not for SVG (its groups are the
    layers).
    """
    if background:
        painter.fillRect(plan.bounds, qcolor(theme.background))
    # Qt's raster engine fills and strokes many small paths faster than one large one (and dashed
    # lines one by one on its fast path): batched, a 1,000-element PNG painted 1.3x (elements) to
    # 2.5x (relations) as long. Batching is for the vector engines (PDF).
    if not batched or painter.paintEngine().type() == QPaintEngine.Type.Raster:
        for layer in plan.layers:
            layer.paint(painter, theme)
        return
    from . import batch

    layers, i = plan.layers, 0
    while i < len(layers):
        group, j = layers[i].group, i
        while j < len(layers) and layers[j].group == group and layers[j].parts is not None:
            j += 1
        run = [layer.parts for layer in layers[i:j]]
        if group == "relation" and run:
            batch.paint_relations(painter, run, theme)  # type: ignore[arg-type]
        elif group == "element" and run and batch.apart([parts[1] for parts in run]):  # type: ignore[index]
            batch.paint_elements(painter, run, theme)  # type: ignore[arg-type]
        else:
            j = max(j, i + 1)
            for layer in layers[i:j]:
                layer.paint(painter, theme)
        i = j

