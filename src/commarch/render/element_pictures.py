"""Elements painted for PDF from one recorded QPicture per look (outline, header, fold, icon), replayed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPicture

from .icons import draw_icon
from .labels import LabelLayout
from .painter import (
    STAR_RADIUS,
    _attr,
    element_label_layout,
    header_label,
    paint_badge,
    qcolor,
    star_polygon,
)
from .shapes import element_shape, header_rect, icon_rect, note_fold
from .style import Theme, mix

# Why: Qt's PDF writer compresses the page, and compressing took most of a 1,000-element export: drawn
# in scene coordinates every element's outline and icon are new numbers (~2 MB that zlib shrinks only
# 7x). Replayed from a picture recorded at the origin, elements that look alike write the same bytes
# after their own translation (as a QGraphicsScene's items do), which zlib shrinks ~30x, faster; and one
# drawPicture replaces ~15 Python-level QPainter calls. Texts and badges are drawn as before, in the
# same order per element (body, header band, header text, star, outline, fold, icon, label, badge):
# the header text now follows the star and the outline's second stroke, which it does not touch. The
# translucent shadows go first, as one path (they were ~350 KB of device-space numbers, one graphics
# state each); the caller checked that no element overlaps another (batch.apart), so none falls on
# another element.

_NO_PEN = Qt.PenStyle.NoPen
_NO_BRUSH = Qt.BrushStyle.NoBrush
SHADOW_OFFSET = 1.8  # as paint_element


def paint_elements(painter: QPainter, items: list[tuple[Any, QRectF, str | None, str | None]], theme: Theme,
                   looks: list[tuple[Any, float]]) -> None:
    """Paint (element, rect, badge, lang) in order, with their (style, stroke width) from `looks`; no two
    of them may overlap (batch.apart)."""
    pictures: dict[tuple[Any, ...], QPicture] = {}
    colors: dict[str, QColor] = {}
    # a picture replays scaled by the target's resolution over its own (Qt scales pictures between
    # devices), so it is recorded scaled by the inverse
    device = painter.device()
    factor = QPicture().logicalDpiX() / device.logicalDpiX() if device is not None else 1.0
    # the shadows first, as one path (see above)
    shadows = QPainterPath()
    outlines: dict[tuple[str, float, float], QPainterPath] = {}
    for element, rect, _, _ in items:
        size = (element.kind, rect.width(), rect.height())
        outline = outlines.get(size)
        if outline is None:
            outline = outlines[size] = element_shape(size[0], QRectF(0, 0, size[1], size[2]))
        shadows.addPath(outline.translated(rect.x(), rect.y() + SHADOW_OFFSET))
    painter.setPen(_NO_PEN)
    painter.setBrush(qcolor(theme.shadow))
    painter.drawPath(shadows)
    for (element, rect, badge, lang), (style, width) in zip(items, looks, strict=True):
        kind = element.kind
        star = bool(style.header) and bool(_attr(element, "coordinator", False))
        key = (kind, id(style), width, rect.width(), rect.height(), star)
        picture = pictures.get(key)
        if picture is None:
            picture = pictures[key] = _record(kind, style, width, rect.width(), rect.height(), star, theme,
                                                    factor)
        painter.drawPicture(rect.topLeft(), picture)
        # texts as draw_label draws them, without its save and restore: the next picture sets its own
        # pens and brushes, and the caller restores the painter afterwards
        if style.header:
            _text(painter, header_label(element, rect, lang)[0], colors, style.header_text)
        _text(painter, element_label_layout(element, rect), colors, style.text)
        if badge:
            paint_badge(painter, QPointF(rect.right() - 3, rect.top() + 2), badge, theme)


def _text(painter: QPainter, layout: LabelLayout, colors: dict[str, QColor], color: str) -> None:
    qc = colors.get(color)
    if qc is None:
        qc = colors[color] = qcolor(color)
    painter.setFont(layout.font)
    painter.setPen(qc)
    for line in layout.lines:
        painter.drawText(line.origin, line.text)


def _record(kind: str, style: Any, width: float, w: float, h: float, star: bool, theme: Theme, factor: float
            ) -> QPicture:
    """paint_element's shapes for an element of this look filling (0, 0, w, h): no shadow (painted before
    all elements), no texts, no badge."""
    picture = QPicture()
    painter = QPainter(picture)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.scale(factor, factor)
        rect = QRectF(0, 0, w, h)
        outline = element_shape(kind, rect)
        painter.setPen(QPen(qcolor(style.stroke), width))
        painter.setBrush(qcolor(style.fill))
        painter.drawPath(outline)
        if style.header:
            band = QPainterPath()
            band.addRect(header_rect(rect))
            painter.setPen(_NO_PEN)
            painter.setBrush(qcolor(style.header))
            painter.drawPath(outline.intersected(band))
            if star:
                box = header_rect(rect).adjusted(24, 0, -20, 0)
                painter.setBrush(qcolor(style.header_text))
                painter.drawPolygon(star_polygon(QPointF(box.right() + 10, box.center().y()), STAR_RADIUS))
            painter.setPen(QPen(qcolor(style.stroke), width))
            painter.setBrush(_NO_BRUSH)
            painter.drawPath(outline)
        if style.shape == "note":
            painter.setPen(QPen(qcolor(style.stroke), 1.0))
            painter.setBrush(qcolor(mix(style.fill, style.stroke, 0.35)))
            painter.drawPath(note_fold(rect))
        icon = icon_rect(kind, rect)
        if icon is not None:
            draw_icon(painter, kind, icon, style.header_text if style.header else style.icon)
    finally:
        painter.end()
    return picture
