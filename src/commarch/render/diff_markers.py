"""Change markers of a model comparison (added, removed, changed, moved), for the compare view and reports."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtSvg import QSvgGenerator

from commarch.diff import ModelDiff
from commarch.model import CommModel

from .diagram import LEGEND_GAP, MARGIN, DiagramPlan, Layer, ensure_app, paint_diagram, plan_diagram
from .labels import draw_label, layout_label
from .legend import legend_box, legend_painter, legend_sections
from .painter import paint_element, qcolor
from .shapes import arrowhead, element_rect, element_shape, end_angle, relation_path
from .style import LIGHT, SMALL_PIXEL_SIZE, Theme

# Okabe-Ito colours: green, vermillion, orange and blue stay apart for colour-blind readers; the glyphs
# in the tags (+, −, ~, arrow) carry the meaning as well.
STATUS_COLORS = {"added": "#009E73", "removed": "#D55E00", "changed": "#E69F00", "moved": "#0072B2"}
STATUS_GLYPHS = {"added": "+", "removed": "\u2212", "changed": "~", "moved": "\u2192"}
STATUSES = ("added", "removed", "changed", "moved")
STATUS_NAMES = {
    "en": {"added": "added", "removed": "removed", "changed": "changed", "moved": "moved",
           "title": "Changes"},
    "de": {"added": "hinzugefügt", "removed": "entfernt", "changed": "geändert", "moved": "verschoben",
           "title": "Änderungen"},
}
GHOST_OPACITY = 0.35
RING = 7.0  # how far a marker ring sits outside the element's outline
TAG_RADIUS = 8.0


@dataclass(frozen=True)
class Ghost:
    """A removed element drawn where it was: the old element (kind, label, colour) at its old position."""

    id: str
    element: Any
    rect: QRectF


@dataclass(frozen=True)
class RelationMark:
    """A relation to mark: `path` in scene coordinates; `status` added, removed or changed."""

    id: str
    status: str
    path: QPainterPath
    relation: Any


@dataclass(frozen=True)
class MoveMark:
    id: str
    kind: str
    old: QPointF
    new: QPointF


@dataclass(frozen=True)
class Marks:
    """Everything the overlay draws for one diff, in the new model's scene coordinates."""

    elements: dict[str, str]  # new element id -> "added" | "changed"
    ghosts: list[Ghost]
    relations: list[RelationMark]
    moves: list[MoveMark]

    def bounds(self) -> QRectF:
        rect = QRectF()
        for ghost in self.ghosts:
            rect = rect.united(ghost.rect.adjusted(-RING - 4, -RING - 4, RING + 4, RING + 4))
        for mark in self.relations:
            rect = rect.united(mark.path.boundingRect().adjusted(-6, -6, 6, 6))
        return rect


def element_status(diff: ModelDiff) -> dict[str, str]:
    """New id -> 'added' or 'changed' (a changed element that also moved is 'changed')."""
    status = {e.id: "added" for e in diff.added}
    status.update({c.id: "changed" for c in diff.changed})
    return status


def old_element_status(diff: ModelDiff) -> dict[str, str]:
    """Old id -> 'removed' or 'changed': what the old side shows."""
    status = {e.id: "removed" for e in diff.removed}
    status.update({c.old_id: "changed" for c in diff.changed})
    return status


def build_marks(old: CommModel, new: CommModel, diff: ModelDiff) -> Marks:
    """Ghosts for removed elements, paths for added/removed/changed relations and arrows for moves."""
    old_by_id = {e.id: e for e in old.elements}
    new_by_id = {e.id: e for e in new.elements}
    ghosts = [Ghost(r.id, old_by_id[r.id], element_rect(r.kind, float(r.x), float(r.y)))
              for r in diff.removed if r.id in old_by_id]
    ghost_rects = {g.id: g.rect for g in ghosts}

    def new_end(element_id: str) -> tuple[QRectF, str] | None:
        element = new_by_id.get(element_id)
        return None if element is None else (element_rect(element.kind, float(element.x), float(element.y)),
                                             element.kind)

    def old_end(element_id: str) -> tuple[QRectF, str] | None:
        # a removed relation's end is drawn where it is now if it survived, else at its ghost
        mapped = diff.element_map.get(element_id)
        if mapped is not None:
            return new_end(mapped)
        if element_id in ghost_rects:
            return ghost_rects[element_id], old_by_id[element_id].kind
        return None

    marks: list[RelationMark] = []
    new_relations = {r.id: r for r in new.relations}
    old_relations = {r.id: r for r in old.relations}
    for status, refs, ends, table in (("added", diff.relations_added, new_end, new_relations),
                                      ("changed", diff.relations_changed, new_end, new_relations),
                                      ("removed", diff.relations_removed, old_end, old_relations)):
        for ref in refs:
            relation = table.get(ref.id)
            src, dst = ends(ref.source), ends(ref.target)
            if relation is None or src is None or dst is None:
                continue
            path = relation_path(ref.kind, src[0], dst[0], src_kind=src[1], dst_kind=dst[1])
            marks.append(RelationMark(ref.id, status, path, relation))
    moves = [MoveMark(m.id, m.kind, QPointF(m.old_x, m.old_y), QPointF(m.new_x, m.new_y)) for m in diff.moved]
    return Marks(element_status(diff), ghosts, marks, moves)


def build_old_marks(old: CommModel, diff: ModelDiff) -> Marks:
    """What the old side shows: rings on removed and changed elements, removed and changed relations."""
    by_id = {e.id: e for e in old.elements}

    def end(element_id: str) -> tuple[QRectF, str] | None:
        element = by_id.get(element_id)
        return None if element is None else (element_rect(element.kind, float(element.x), float(element.y)),
                                             element.kind)

    relations = {r.id: r for r in old.relations}
    marks: list[RelationMark] = []
    for status, ids in (("removed", [r.id for r in diff.relations_removed]),
                        ("changed", [c.old_id for c in diff.relations_changed])):
        for rid in ids:
            relation = relations.get(rid)
            src = end(relation.source) if relation is not None else None
            dst = end(relation.target) if relation is not None else None
            if relation is None or src is None or dst is None:
                continue
            path = relation_path(relation.kind, src[0], dst[0], src_kind=src[1], dst_kind=dst[1])
            marks.append(RelationMark(rid, status, path, relation))
    return Marks(old_element_status(diff), [], marks, [])


# --- painting -------------------------------------------------------------------------------------

def _pen(color: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(qcolor(color), width, style)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def paint_tag(painter: QPainter, centre: QPointF, status: str, theme: Theme) -> None:
    """A small disc with the status glyph (+, −, ~, →), in the status colour."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(_pen(theme.background, 1.5))
    painter.setBrush(qcolor(STATUS_COLORS[status]))
    painter.drawEllipse(centre, TAG_RADIUS, TAG_RADIUS)
    glyph = _pen("#FFFFFF", 2.2)
    painter.setPen(glyph)
    x, y, r = centre.x(), centre.y(), TAG_RADIUS * 0.5
    if status in ("added", "removed"):
        painter.drawLine(QPointF(x - r, y), QPointF(x + r, y))
        if status == "added":
            painter.drawLine(QPointF(x, y - r), QPointF(x, y + r))
    elif status == "changed":
        wave = QPainterPath(QPointF(x - r, y + 1))
        wave.cubicTo(QPointF(x - r / 2, y - r), QPointF(x + r / 2, y + r), QPointF(x + r, y - 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(wave)
    else:
        painter.drawLine(QPointF(x - r, y), QPointF(x + r, y))
        painter.drawLine(QPointF(x + r, y), QPointF(x + r * 0.2, y - r * 0.7))
        painter.drawLine(QPointF(x + r, y), QPointF(x + r * 0.2, y + r * 0.7))
    painter.restore()


def paint_element_mark(painter: QPainter, kind: str, rect: QRectF, status: str, theme: Theme) -> None:
    """A ring around the element's outline in the status colour, with the status tag at its top left."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    style = Qt.PenStyle.DashLine if status == "removed" else Qt.PenStyle.SolidLine
    painter.setPen(_pen(STATUS_COLORS[status], 3.0, style))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(element_shape(kind, rect.adjusted(-RING, -RING, RING, RING)))
    painter.restore()
    paint_tag(painter, QPointF(rect.left() - RING + 2, rect.top() - RING + 2), status, theme)


def paint_ghost(painter: QPainter, ghost: Ghost, theme: Theme, lang: str) -> None:
    """The removed element, faded, at its old place, ringed in red with a dashed line."""
    painter.save()
    painter.setOpacity(painter.opacity() * GHOST_OPACITY)
    paint_element(painter, ghost.element, ghost.rect, theme, lang=lang)
    painter.restore()
    paint_element_mark(painter, ghost.element.kind, ghost.rect, "removed", theme)


def relation_halo(path: QPainterPath, width: float = 9.0) -> QPainterPath:
    stroker = QPainterPathStroker()
    stroker.setWidth(width)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    return stroker.createStroke(path)


def paint_relation_mark(painter: QPainter, mark: RelationMark, theme: Theme) -> None:
    """A translucent band under an added or changed relation; a removed one as a dashed red line."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    color = qcolor(STATUS_COLORS[mark.status])
    if mark.status == "removed":
        painter.setPen(_pen(STATUS_COLORS["removed"], 2.0, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(mark.path)
        tip = mark.path.pointAtPercent(1.0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(arrowhead(tip, end_angle(mark.path)))
        # a cross in the middle says "gone" without relying on colour
        mid = mark.path.pointAtPercent(0.5)
        painter.setPen(_pen(STATUS_COLORS["removed"], 2.4))
        painter.drawLine(mid + QPointF(-5, -5), mid + QPointF(5, 5))
        painter.drawLine(mid + QPointF(-5, 5), mid + QPointF(5, -5))
    else:
        color.setAlpha(110)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPath(relation_halo(mark.path))
    painter.restore()


def paint_move(painter: QPainter, move: MoveMark, theme: Theme) -> None:
    """Where a moved element was: a dotted outline, and a dotted arrow from there to its new place."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    color = STATUS_COLORS["moved"]
    painter.setPen(_pen(color, 1.5, Qt.PenStyle.DotLine))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(element_shape(move.kind, element_rect(move.kind, move.old.x(), move.old.y())))
    length = math.hypot(move.new.x() - move.old.x(), move.new.y() - move.old.y())
    if length > 1:
        painter.setPen(_pen(color, 2.0, Qt.PenStyle.DotLine))
        painter.drawLine(move.old, move.new)
        angle = math.atan2(move.new.y() - move.old.y(), move.new.x() - move.old.x())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(qcolor(color))
        painter.drawPolygon(arrowhead(move.new, angle))
    painter.restore()


# --- a whole marked diagram (reports) -------------------------------------------------------------

def _status_legend(top_left: QPointF, present: Iterable[str], lang: str) -> tuple[QRectF, Callable[..., None]]:
    words = STATUS_NAMES.get(lang, STATUS_NAMES["en"])
    rows = [s for s in STATUSES if s in set(present)]
    box = QRectF(top_left.x(), top_left.y(), 170.0, 12 + 22 + 22 * len(rows) + 8)

    def paint(painter: QPainter, theme: Theme) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(_pen(theme.panel_border, 1.0))
        painter.setBrush(qcolor(theme.panel))
        painter.drawRoundedRect(box, 6, 6)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        y = box.top() + 12
        draw_label(painter, layout_label(words["title"], QRectF(box.left() + 12, y, box.width() - 24, 18),
                                         pixel_size=SMALL_PIXEL_SIZE + 2, bold=True, align=align),
                   qcolor(theme.text_muted))
        for status in rows:
            y += 22
            paint_tag(painter, QPointF(box.left() + 22, y + 9), status, theme)
            draw_label(painter, layout_label(words[status], QRectF(box.left() + 62, y, box.width() - 72, 18),
                                             pixel_size=SMALL_PIXEL_SIZE + 2, align=align), qcolor(theme.text))
        painter.restore()

    return box, paint


def plan_marked_diagram(old: CommModel, new: CommModel, diff: ModelDiff, *, lang: str | None = None,
                        legend: bool = True) -> DiagramPlan:
    """The new model's diagram with the changes drawn in: ghosts of removed elements at their old places,
    rings on added and changed elements, bands on added/changed relations, dashed removed relations,
    arrows for moves; then the usual legend and a legend of the markers."""
    ensure_app()
    lang = lang or diff.lang
    plan = plan_diagram(new, lang=lang)
    marks = build_marks(old, new, diff)
    theme_free: list[Layer] = []
    for mark in marks.relations:
        theme_free.append(Layer("mark", mark.id, mark.status, "",
                                lambda p, t, m=mark: paint_relation_mark(p, m, t)))
    for move in marks.moves:
        theme_free.append(Layer("mark", move.id, "moved", "", lambda p, t, m=move: paint_move(p, m, t)))
    for ghost in marks.ghosts:
        theme_free.append(Layer("mark", ghost.id, "removed", ghost.element.label,
                                lambda p, t, g=ghost: paint_ghost(p, g, t, lang)))
    rects = {e.id: (e.kind, element_rect(e.kind, float(e.x), float(e.y))) for e in new.elements}
    rings = [Layer("mark", i, s, "", lambda p, t, k=rects[i][0], r=rects[i][1], s=s: paint_element_mark(p, k, r, s, t))
             for i, s in marks.elements.items() if i in rects]
    # bands and ghosts under the drawing, rings and tags on top of it
    plan.layers = theme_free + plan.layers + rings
    content = plan.bounds.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN).united(marks.bounds())
    for i in marks.elements:
        if i in rects:
            r = rects[i][1]
            content = content.united(r.adjusted(-RING - TAG_RADIUS, -RING - TAG_RADIUS, RING, RING))
    if legend:
        kinds = list(dict.fromkeys([*(e.kind for e in new.elements), *(g.element.kind for g in marks.ghosts)]))
        rel_keys = list(dict.fromkeys(
            f"{r.kind}:contributor" if getattr(r, "role", None) == "contributor" else r.kind
            for r in new.relations))
        sections = legend_sections(kinds, rel_keys, (), lang)
        box = legend_box(QPointF(content.right() + LEGEND_GAP, content.top()), sections)
        present = {*marks.elements.values(), *("removed" for _ in marks.ghosts),
                   *(m.status for m in marks.relations), *("moved" for _ in marks.moves)}
        status_box, status_paint = _status_legend(QPointF(box.left(), box.bottom() + 12), present, lang)
        plan.layers += [Layer("legend", "", "legend", "", legend_painter(box, sections)),
                        Layer("legend", "", "legend", "", status_paint)]
        content = content.united(box).united(status_box)
    plan.bounds = content.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
    return plan


def marked_diagram_svg(old: CommModel, new: CommModel, diff: ModelDiff, *, lang: str | None = None,
                       theme: Theme = LIGHT) -> tuple[str, float, float]:
    """The marked diagram as SVG text, with its aspect (height / width) and width in points."""
    plan = plan_marked_diagram(old, new, diff, lang=lang)
    bounds = plan.bounds
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setViewBox(bounds)
    generator.setSize(QSize(math.ceil(bounds.width()), math.ceil(bounds.height())))
    generator.setTitle(plan.title or "commarch")
    painter = QPainter(generator)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        paint_diagram(painter, plan, theme)
    finally:
        painter.end()
    svg = bytes(QByteArray(buffer.data())).decode("utf-8")
    return svg, bounds.height() / bounds.width(), bounds.width()

