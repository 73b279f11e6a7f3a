"""Drawing the canvas needs beyond the diagram: connect feedback, the rubber line and the minimap overview."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from .diagram import _bends as relation_bends  # one spreading rule for the canvas and the exports
from .painter import qcolor
from .shapes import element_shape
from .style import Theme, element_style, relation_style

__all__ = ["relation_bends", "paint_connect_hint", "paint_rubber_line", "paint_overview", "paint_viewport_frame",
           "paint_relation_preview", "paint_element_silhouette", "hairline_key", "paint_relation_hairlines"]


def paint_connect_hint(painter: QPainter, kind: str, rect: QRectF, theme: Theme, *, current: bool = False
                       ) -> None:
    """Mark an element that may be connected to: a dashed ring, solid and thicker for the one under the cursor."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = QPen(qcolor(theme.selection), 3.0 if current else 1.6)
    if not current:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(element_shape(kind, rect.adjusted(-6, -6, 6, 6)))
    painter.restore()


def paint_rubber_line(painter: QPainter, start: QPointF, end: QPointF, theme: Theme, *, valid: bool) -> None:
    """The line drawn from the source element to the cursor while connecting (cosmetic: same width at any zoom)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    color = qcolor(theme.selection if valid else theme.text_muted)
    pen = QPen(color, 2.0, Qt.PenStyle.SolidLine if valid else Qt.PenStyle.DashLine)
    pen.setCosmetic(True)
    painter.setPen(pen)
    painter.drawLine(QLineF(start, end))
    painter.setBrush(color)
    painter.drawEllipse(end, 3.0, 3.0)
    painter.restore()


def paint_overview(painter: QPainter, elements: Iterable[tuple[str, QRectF, str | None]], theme: Theme) -> None:
    """The minimap: each element (kind, scene rect, own colour) as a filled box in its kind colour.

    No relations, labels or outlines: at a few pixels per element they would only add noise and cost.
    The caller sets the painter's transform from scene to minimap coordinates.
    """
    painter.save()
    fills: dict[tuple[str, str | None], QColor] = {}
    for kind, rect, color in elements:
        key = (kind, color)
        fill = fills.get(key)
        if fill is None:
            style = element_style(kind, theme, color)
            fill = fills[key] = qcolor(style.stroke if not color else style.fill)
        painter.fillRect(rect, fill)
    painter.restore()


def paint_viewport_frame(painter: QPainter, rect: QRectF, theme: Theme) -> None:
    """The minimap's rectangle showing what the view shows (in minimap coordinates)."""
    painter.save()
    fill = qcolor(theme.selection)
    fill.setAlpha(40)
    painter.setBrush(fill)
    painter.setPen(QPen(qcolor(theme.selection), 1.5))
    painter.drawRect(rect)
    painter.restore()


_AA = QPainter.RenderHint.Antialiasing
_NO_BRUSH = Qt.BrushStyle.NoBrush


def paint_relation_preview(painter: QPainter, relation: object, path: QPainterPath, theme: Theme) -> None:
    """A relation while one of its ends is being dragged, or seen from far out: a thin line in its colour.

    Antialiased, dashed strokes with arrowheads cost 50-300 µs each in Qt's raster engine; with a
    hundred relations attached to a dragged selection that alone would miss the 16 ms frame. The full
    drawing (paint_relation) returns when the drag ends or the view zooms in.
    """
    painter.save()
    painter.setRenderHint(_AA, False)
    painter.setPen(_preview_pen(*hairline_key(relation), theme))
    painter.setBrush(_NO_BRUSH)
    painter.drawPath(path)
    painter.restore()


def hairline_key(relation: object) -> tuple[str, str | None]:
    """What a relation's far-out line depends on besides the theme: its kind and (operates only) role."""
    kind: str = relation.kind  # type: ignore[attr-defined]
    # only operates has a role; asking pydantic for a missing attribute is slow
    return kind, (getattr(relation, "role", None) if kind == "operates" else None)


def paint_relation_hairlines(painter: QPainter, paths: dict[tuple[str, str | None], QPainterPath],
                             theme: Theme) -> None:
    """Many relations seen from far out at once: each path holds the lines of one hairline_key.

    The same pixels as paint_relation_preview for each relation, but one Qt call per kind instead of
    one Python paint call per relation (6,000 of them cost more than the whole rest of a fitted frame).
    """
    painter.save()
    painter.setRenderHint(_AA, False)
    painter.setBrush(_NO_BRUSH)
    for (kind, role), path in paths.items():
        painter.setPen(_preview_pen(kind, role, theme))
        painter.drawPath(path)
    painter.restore()


# Keyed by the theme's identity: hashing a frozen Theme (all its colour fields) on every call of a
# fit-to-window repaint of thousands of relations costs more than the lookup itself.
_PREVIEW_PENS: dict[tuple[str, str | None, int], tuple[Theme, QPen]] = {}


def _preview_pen(kind: str, role: str | None, theme: Theme) -> QPen:
    key = (kind, role, id(theme))
    entry = _PREVIEW_PENS.get(key)
    if entry is None or entry[0] is not theme:
        pen = QPen(qcolor(relation_style(kind, theme, role).color), 1.0)
        pen.setCosmetic(True)
        if len(_PREVIEW_PENS) > 256:
            _PREVIEW_PENS.clear()
        entry = _PREVIEW_PENS[key] = (theme, pen)
    return entry[1]


def paint_element_silhouette(painter: QPainter, kind: str, rect: QRectF, theme: Theme, color: str | None = None,
                             *, selected: bool = False, hovered: bool = False) -> None:
    """An element seen from far out (a few pixels tall): its outline filled and stroked in its style.

    Same shape and colours as paint_element, minus what cannot be seen at that size (shadow, header
    band, icon, label, badge); the pens and brushes are cached, so thousands of these stay cheap.
    """
    fill, pen = _silhouette_style(kind, color, theme, "hover" if hovered else "")
    geometry = (rect.x(), rect.y(), rect.width(), rect.height())
    painter.save()
    painter.setPen(pen)
    painter.setBrush(fill)
    painter.drawPath(_shape(kind, geometry, 0.0))
    if selected:
        painter.setPen(_silhouette_style(kind, color, theme, "selected")[1])
        painter.setBrush(_NO_BRUSH)
        painter.drawPath(_shape(kind, geometry, 4.5))
    painter.restore()


@lru_cache(maxsize=256)
def _shape(kind: str, geometry: tuple[float, float, float, float], grow: float) -> QPainterPath:
    """element_shape for a rect (canvas items paint in item coordinates: a few distinct rects per kind)."""
    return element_shape(kind, QRectF(*geometry).adjusted(-grow, -grow, grow, grow))


@lru_cache(maxsize=256)
def _silhouette_style(kind: str, color: str | None, theme: Theme, state: str) -> tuple[QColor, QPen]:
    style = element_style(kind, theme, color)
    if state == "selected":
        return qcolor(style.fill), QPen(qcolor(theme.selection), 2.2)
    stroke = theme.hover if state == "hover" else (style.header or style.stroke)
    return qcolor(style.fill), QPen(qcolor(stroke), 1.5)
