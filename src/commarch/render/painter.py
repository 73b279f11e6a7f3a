"""Painting one element or one relation with a QPainter: shared by the canvas items and the exports."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF

from .icons import draw_icon
from .labels import LabelLayout, draw_label, elide, layout_label, text_width
from .shapes import arrowhead, element_shape, end_angle, header_rect, icon_rect, label_box, note_fold
from .style import (
    COORDINATOR_NAMES,
    FUNCTION_NAMES,
    MIN_READABLE_LOD,
    SMALL_PIXEL_SIZE,
    STROKE_WIDTH,
    Theme,
    badge_color,
    element_style,
    mix,
    names,
    relation_style,
)

PAINT_MARGIN = 9.0  # how far selection outlines and badges reach outside an element's rect
BADGE_RADIUS = 8.5
RELATION_LABEL_WIDTH = 150.0

# Enum members looked up once: an exported diagram paints thousands of elements and relations, and each
# `Qt.PenStyle.NoPen` is a Python-level enum lookup.
_AA = QPainter.RenderHint.Antialiasing
_NO_PEN = Qt.PenStyle.NoPen
_NO_BRUSH = Qt.BrushStyle.NoBrush
_SOLID = Qt.PenStyle.SolidLine
_ROUND_CAP, _FLAT_CAP = Qt.PenCapStyle.RoundCap, Qt.PenCapStyle.FlatCap
_ROUND_JOIN, _MITER_JOIN = Qt.PenJoinStyle.RoundJoin, Qt.PenJoinStyle.MiterJoin
_MISSING = object()
_CLASS_HAS: dict[tuple[type, str], bool] = {}


def _attr(obj: Any, name: str, default: Any = None) -> Any:
    """getattr(obj, name, default), fast for pydantic models lacking the field (a channel has no
    `priority`): there a plain getattr goes through pydantic's __getattr__ and a raised AttributeError."""
    values = getattr(obj, "__dict__", None)
    if values is not None:
        value = values.get(name, _MISSING)
        if value is not _MISSING:
            return value
        cls = type(obj)
        has = _CLASS_HAS.get((cls, name))
        if has is None:
            has = _CLASS_HAS[(cls, name)] = hasattr(cls, name)
        if not has:
            extra = getattr(obj, "__pydantic_extra__", None)
            return extra.get(name, default) if extra else default
    return getattr(obj, name, default)


# Styles per theme object (by identity: hashing a frozen Theme means hashing all its colours).
_STYLES: dict[tuple[Any, ...], tuple[Theme, Any]] = {}


def _element_style(kind: str, theme: Theme, color: str | None) -> Any:
    key = ("e", kind, color, id(theme))
    entry = _STYLES.get(key)
    if entry is None or entry[0] is not theme:
        if len(_STYLES) > 2048:
            _STYLES.clear()
        entry = _STYLES[key] = (theme, element_style(kind, theme, color))
    return entry[1]


def _relation_look(kind: str, theme: Theme, role: str | None) -> Any:
    """(style, colour, line pen) of a relation kind, cached per theme object."""
    key = ("r", kind, role, id(theme))
    entry = _STYLES.get(key)
    if entry is None or entry[0] is not theme:
        style = relation_style(kind, theme, role)
        color = qcolor(style.color)
        pen = QPen(color, style.width, _SOLID, _FLAT_CAP, _ROUND_JOIN)
        if style.dash:
            # Qt measures dash patterns in pen widths; the style gives them in scene units
            dotted = min(style.dash) <= 2
            pen.setCapStyle(_ROUND_CAP if dotted else _FLAT_CAP)
            pen.setDashPattern([max(d / style.width, 0.01) for d in style.dash])
        filled = QPen(color, 1.0, _SOLID, _ROUND_CAP, _MITER_JOIN)
        open_head = QPen(color, max(1.4, style.width), _SOLID, _ROUND_CAP, _ROUND_JOIN)
        if len(_STYLES) > 2048:
            _STYLES.clear()
        entry = _STYLES[key] = (theme, (style, color, pen, filled, open_head))
    return entry[1]


def qcolor(color: str) -> QColor:
    """A QColor from #rrggbb or #rrggbbaa (CSS order, unlike Qt's #aarrggbb)."""
    if len(color) == 9:
        c = QColor(color[:7])
        c.setAlpha(int(color[7:9], 16))
        return c
    return QColor(color)


def element_bounds(rect: QRectF) -> QRectF:
    """Everything paint_element draws for an element in `rect` lies inside this box."""
    return rect.adjusted(-PAINT_MARGIN, -PAINT_MARGIN, PAINT_MARGIN, PAINT_MARGIN)


def element_label_layout(element: Any, rect: QRectF) -> LabelLayout:
    """How the label of `element` is wrapped and placed inside `rect` (also used by tests and hit tests)."""
    return layout_label(element.label, label_box(element.kind, rect), min_pixel_size=11)


def paint_element(painter: QPainter, element: Any, rect: QRectF, theme: Theme, *, selected: bool = False,
                  hovered: bool = False, lod: float = 1.0, badge: str | None = None,
                  lang: str | None = None) -> None:
    """Draw `element` (a model element: kind, label, color, kind-specific keys) filling `rect`.

    `lod` is the level of detail (the view's scale): below MIN_READABLE_LOD labels, icons and badges
    are skipped. `badge` is a finding severity ('error', 'warning', 'info') to flag in the corner.
    """
    kind = element.kind
    style = _element_style(kind, theme, _attr(element, "color"))
    outline = element_shape(kind, rect)
    detailed = lod >= MIN_READABLE_LOD
    painter.save()
    painter.setRenderHint(_AA, True)
    if detailed:  # a soft drop shadow lifts the elements off the grid and the edges
        painter.setPen(_NO_PEN)
        painter.setBrush(qcolor(theme.shadow))
        painter.drawPath(outline.translated(0, 1.8))
    width = element_stroke_width(element)
    stroke = theme.hover if hovered else style.stroke
    painter.setPen(QPen(qcolor(stroke), width + (0.6 if hovered else 0.0)))
    painter.setBrush(qcolor(style.fill))
    painter.drawPath(outline)
    paint_element_details(painter, element, rect, theme, style, outline, stroke, width, detailed=detailed,
                          selected=selected, badge=badge, lang=lang)
    painter.restore()


def element_stroke_width(element: Any) -> float:
    if _attr(element, "priority") == "high" or _attr(element, "coordinator", False):
        return 2.6  # high-priority audiences and the coordinating department stand out
    return STROKE_WIDTH


def element_look(element: Any, theme: Theme) -> Any:
    """The element's style (cached per theme): fill, stroke, header, text and icon colours."""
    return _element_style(element.kind, theme, _attr(element, "color"))


def paint_element_details(painter: QPainter, element: Any, rect: QRectF, theme: Theme, style: Any,
                          outline: QPainterPath, stroke: str, width: float, *, detailed: bool = True,
                          selected: bool = False, badge: str | None = None, lang: str | None = None) -> None:
    """What paint_element draws after the shadow and the body: header band, fold, icon, label, marks."""
    kind = element.kind
    if style.header:
        _paint_header(painter, element, rect, outline, style.header, style.header_text, detailed, lang)
        painter.setPen(QPen(qcolor(stroke), width))
        painter.setBrush(_NO_BRUSH)
        painter.drawPath(outline)
    if style.shape == "note":
        painter.setPen(QPen(qcolor(stroke), 1.0))
        painter.setBrush(qcolor(mix(style.fill, style.stroke, 0.35)))
        painter.drawPath(note_fold(rect))
    if detailed:
        icon = icon_rect(kind, rect)
        if icon is not None:
            draw_icon(painter, kind, icon, style.header_text if style.header else style.icon)
        draw_label(painter, element_label_layout(element, rect), qcolor(style.text))
    if selected:
        painter.setPen(QPen(qcolor(theme.selection), 2.2))
        painter.setBrush(_NO_BRUSH)
        painter.drawPath(element_shape(kind, rect.adjusted(-4.5, -4.5, 4.5, 4.5)))
    if badge and detailed:
        paint_badge(painter, QPointF(rect.right() - 3, rect.top() + 2), badge, theme)


def _paint_header(painter: QPainter, element: Any, rect: QRectF, outline: QPainterPath, color: str,
                  text_color: str, detailed: bool, lang: str | None) -> None:
    band = QPainterPath()
    band.addRect(header_rect(rect))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(qcolor(color))
    painter.drawPath(outline.intersected(band))
    if not detailed:
        return
    layout, star = header_label(element, rect, lang)
    draw_label(painter, layout, qcolor(text_color))
    if star is not None:
        _paint_star(painter, star, STAR_RADIUS, text_color)


STAR_RADIUS = 5.5


def header_label(element: Any, rect: QRectF, lang: str | None) -> tuple[LabelLayout, QPointF | None]:
    """A department's header text (its function, with " · coordinator" when that fits) and where the
    coordinator's star goes (None: not the coordinator)."""
    function = names(FUNCTION_NAMES, lang).get(_attr(element, "function", "other"), "")
    star = bool(_attr(element, "coordinator", False))
    box = header_rect(rect).adjusted(24, 0, -20 if star else -6, 0)
    align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    layout = None
    if star:  # "Marketing · coordinator" when it fits; the star alone says it otherwise
        role = COORDINATOR_NAMES.get(lang or "en", COORDINATOR_NAMES["en"])
        layout = layout_label(f"{function} \u00b7 {role}", box, pixel_size=SMALL_PIXEL_SIZE, bold=True,
                              align=align)
        if layout.elided or len(layout.lines) > 1:
            layout = None
    if layout is None:
        layout = layout_label(function, box, pixel_size=SMALL_PIXEL_SIZE, bold=True, align=align)
    return layout, (QPointF(box.right() + 10, box.center().y()) if star else None)


def star_polygon(centre: QPointF, radius: float) -> QPolygonF:
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        a = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(centre.x() + r * math.cos(a), centre.y() + r * math.sin(a)))
    return QPolygonF(points)


def _paint_star(painter: QPainter, centre: QPointF, radius: float, color: str) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(qcolor(color))
    painter.drawPolygon(star_polygon(centre, radius))


def paint_badge(painter: QPainter, centre: QPointF, severity: str, theme: Theme) -> None:
    """A finding marker: a circle with "!" (error), a triangle with "!" (warning), a circle with "i" (info).

    The shapes differ, not only the colours, so severities stay apart for colour-blind readers.
    """
    r = BADGE_RADIUS
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(qcolor(theme.background), 1.5))
    painter.setBrush(qcolor(badge_color(severity, theme)))
    glyph_y = centre.y()
    if severity == "warning":
        h = r * 2.1
        tri = QPolygonF([QPointF(centre.x(), centre.y() - h * 0.6), QPointF(centre.x() + h * 0.62, centre.y()
                         + h * 0.45), QPointF(centre.x() - h * 0.62, centre.y() + h * 0.45)])
        painter.drawPolygon(tri)
        glyph_y += 1.5
    else:
        painter.drawEllipse(centre, r, r)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(qcolor(theme.badge_glyph))
    if severity == "info":
        painter.drawEllipse(QPointF(centre.x(), glyph_y - 4.2), 1.3, 1.3)
        painter.drawRoundedRect(QRectF(centre.x() - 1.1, glyph_y - 1.8, 2.2, 6.4), 1, 1)
    else:
        painter.drawRoundedRect(QRectF(centre.x() - 1.1, glyph_y - 5.4, 2.2, 6.6), 1, 1)
        painter.drawEllipse(QPointF(centre.x(), glyph_y + 3.6), 1.3, 1.3)
    painter.restore()


# --- relations ----------------------------------------------------------------------------------------

def relation_hit_shape(path: QPainterPath, width: float = 10.0) -> QPainterPath:
    """A band around `path` for hit-testing and bounding rects on the canvas."""
    stroker = QPainterPathStroker()
    stroker.setWidth(width)
    return stroker.createStroke(path)


def relation_bounds(path: QPainterPath) -> QRectF:
    """Everything paint_relation draws for `path` (including arrowhead and label) lies inside this box."""
    mid = path.pointAtPercent(0.5)
    label = QRectF(mid.x() - RELATION_LABEL_WIDTH / 2 - 6, mid.y() - 10, RELATION_LABEL_WIDTH + 12, 20)
    return path.boundingRect().adjusted(-10, -10, 10, 10).united(label)


def relation_extent(path: QPainterPath) -> tuple[float, float, float, float]:
    """relation_bounds(path) as left, top, right, bottom: plain floats, no QRectF per relation (a plan
    takes the union of thousands); a straight relation's box and middle come from its two points."""
    if path.elementCount() == 2:
        a, b = path.elementAt(0), path.elementAt(1)
        return segment_extent(a.x, a.y, b.x, b.y)
    left, top, right, bottom = path.boundingRect().getCoords()
    mid = path.pointAtPercent(0.5)
    return _extent(left, top, right, bottom, mid.x(), mid.y())


def segment_extent(ax: float, ay: float, bx: float, by: float) -> tuple[float, float, float, float]:
    """relation_extent of the straight relation from (ax, ay) to (bx, by), from the floats alone."""
    left, right = (ax, bx) if ax <= bx else (bx, ax)
    top, bottom = (ay, by) if ay <= by else (by, ay)
    return _extent(left, top, right, bottom, (ax + bx) / 2, (ay + by) / 2)


def _extent(left: float, top: float, right: float, bottom: float, mx: float, my: float
            ) -> tuple[float, float, float, float]:
    half = RELATION_LABEL_WIDTH / 2 + 6
    return (min(left - 10, mx - half), min(top - 10, my - 10), max(right + 10, mx + half),
            max(bottom + 10, my + 10))


def _offset(path: QPainterPath, distance: float) -> QPainterPath:
    """`path` moved sideways by `distance` (perpendicular to its chord): one rail of a double line."""
    first, last = path.elementAt(0), path.elementAt(path.elementCount() - 1)
    chord = QLineF(first.x, first.y, last.x, last.y)
    if chord.length() == 0:
        return QPainterPath(path)
    n = chord.normalVector().unitVector()
    dx, dy = n.dx() * distance, n.dy() * distance
    return path.translated(dx, dy)


RAIL_OFFSET = 2.2  # a double line's two rails, each this far from the relation's path


def relation_line_look(relation: object, theme: Theme) -> tuple[Any, QPen]:
    """The style of a relation and the pen of its line as `paint_relation` draws them: for drawing a
    relation's line in pieces (the canvas's pan strips)."""
    kind: str = relation.kind  # type: ignore[attr-defined]
    style, _color, pen, _filled, _open = _relation_look(kind, theme,
                                                        _attr(relation, "role") if kind == "operates" else None)
    return style, pen


def relation_strokes(path: QPainterPath, double: bool) -> tuple[QPainterPath, ...]:
    """What a relation's line strokes: its path, or for a double line the two rails beside it."""
    return (_offset(path, RAIL_OFFSET), _offset(path, -RAIL_OFFSET)) if double else (path,)


def relation_caption(relation: Any) -> str:
    """The text drawn on a relation: its label, else the cadence of a coordinates relation."""
    return (_attr(relation, "label") or _attr(relation, "cadence", "") or "").strip()


def paint_relation(painter: QPainter, relation: Any, path: QPainterPath, theme: Theme, *, lod: float = 1.0,
                   selected: bool = False, hovered: bool = False) -> None:
    """Draw `relation` (kind, role, label) along `path` (from relation_path), with its arrowhead."""
    kind = relation.kind
    style, color, pen, filled_pen, open_pen = _relation_look(
        kind, theme, _attr(relation, "role") if kind == "operates" else None)
    painter.save()
    painter.setRenderHint(_AA, True)
    painter.setBrush(_NO_BRUSH)
    if selected or hovered:
        halo = qcolor(theme.selection if selected else theme.hover)
        halo.setAlpha(110)
        painter.setPen(QPen(halo, style.width + (7 if style.double else 5), _SOLID, _ROUND_CAP))
        painter.drawPath(path)
    painter.setPen(pen)
    for stroke in relation_strokes(path, style.double):
        painter.drawPath(stroke)
    if style.arrow != "none" and path.elementCount() >= 2:
        tip = path.pointAtPercent(1.0)
        head = arrowhead(tip, end_angle(path), length=10 + style.width * 1.2, width=7 + style.width * 1.2)
        if style.arrow == "filled":
            painter.setPen(filled_pen)
            painter.setBrush(color)
            painter.drawPolygon(head)
        else:
            painter.setPen(open_pen)
            painter.drawPolyline(QPolygonF([head[1], head[0], head[2]]))
    caption = relation_caption(relation)
    if caption and lod >= MIN_READABLE_LOD:
        _paint_caption(painter, caption, path.pointAtPercent(0.5), theme, style.color)
    painter.restore()


def _paint_caption(painter: QPainter, caption: str, centre: QPointF, theme: Theme, color: str) -> None:
    text = elide(caption, SMALL_PIXEL_SIZE, RELATION_LABEL_WIDTH)
    width = text_width(text, SMALL_PIXEL_SIZE) + 10
    box = QRectF(centre.x() - width / 2, centre.y() - 8, width, 16)
    painter.setPen(QPen(qcolor(mix(color, theme.background, 0.55)), 0.8))
    painter.setBrush(QBrush(qcolor(theme.background)))
    painter.drawRoundedRect(box, 8, 8)
    layout = layout_label(text, box.adjusted(3, 0, -3, 0), pixel_size=SMALL_PIXEL_SIZE)
    draw_label(painter, layout, qcolor(theme.text_muted))
