"""Drawing the canvas needs beyond the diagram: connect feedback, the rubber line and the minimap overview."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from .diagram import _bends as relation_bends  # one spreading rule for the canvas and the exports
from .painter import qcolor
from .shapes import element_shape
from .style import Theme, element_style, relation_style

__all__ = ["relation_bends", "paint_connect_hint", "paint_rubber_line", "paint_overview", "paint_viewport_frame",
           "paint_relation_preview"]


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


def paint_relation_preview(painter: QPainter, relation: object, path: QPainterPath, theme: Theme) -> None:
    """A relation while one of its ends is being dragged: a thin line in the kind's colour.

    Antialiased, dashed strokes with arrowheads cost 50-300 µs each in Qt's raster engine; with a
    hundred relations attached to a dragged selection that alone would miss the 16 ms frame. The full
    drawing (paint_relation) returns when the drag ends.
    """
    style = relation_style(relation.kind, theme, getattr(relation, "role", None))  # type: ignore[attr-defined]
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    pen = QPen(qcolor(style.color), 1.0)
    pen.setCosmetic(True)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.restore()
