"""The diagram as SVG text, written straight from the plan (no QPainter): one <g> per element and relation."""

from __future__ import annotations

import math
from dataclasses import replace
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath

from commarch import __version__

from .diagram import DiagramPlan, Layer
from .labels import elide, layout_label, resolved_family, text_width
from .legend import ROW, TEXT_LEFT
from .painter import (
    RAIL_OFFSET,
    RELATION_LABEL_WIDTH,
    STAR_RADIUS,
    _attr,
    _relation_look,
    element_label_layout,
    element_look,
    element_stroke_width,
    header_label,
    relation_caption,
)
from .shapes import end_angle, icon_rect
from .style import (
    SMALL_PIXEL_SIZE,
    Theme,
    element_style,
    mix,
)
from .svg_parts import (
    Icons,
    badge,
    esc,
    esc_attr,
    fold_d,
    header_d,
    outline_d,
    paint_attrs,
    safe_color,
    star,
    stroke_attrs,
    text_lines,
)

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
SHADOW_OFFSET = 1.8  # as paint_element
_LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_LEFT_TOP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop

# Why this module: painting through QSvgGenerator costs ~10 Python-level QPainter calls per element and
# ~8 per relation, then string surgery on the generator's per-painter-state groups. Here every element
# and relation is a few f-strings; what is the same for many of them (a kind's colours and strokes, an
# outline of one kind and size, an icon) is built once per document and reused. The geometry comes from
# the same functions the painter uses (shapes.py, labels.py), so the picture is the same.


class _Writer:
    def __init__(self, theme: Theme):
        self.theme = theme
        self.icons = Icons()
        self._looks: dict[Any, Any] = {}

    # --- elements -----------------------------------------------------------------------------------

    def _element_look(self, element: Any) -> tuple[Any, str, str, str]:
        """The element's style with its colours checked (an element's own colour lands in attributes),
        and the attributes of its shadow, body and outline drawn again over a header band."""
        original = element_look(element, self.theme)  # one cached object per kind and colour
        width = element_stroke_width(element)
        key = (id(original), width)
        look = self._looks.get(key)
        if look is None:
            style = replace(original, header=safe_color(original.header) if original.header else None, **{
                name: safe_color(getattr(original, name)) for name in ("fill", "stroke", "text", "header_text",
                                                                      "icon")})
            look = self._looks[key] = (
                style,
                paint_attrs(self.theme.shadow, "fill"),
                f'{paint_attrs(style.fill, "fill")} {stroke_attrs(style.stroke, width)}',
                f'fill="none" {stroke_attrs(style.stroke, width)}',
                original,  # keeps id(original) from being reused while cached
            )
        return look[:4]

    def element(self, element: Any, rect: QRectF, badge_severity: str | None, lang: str | None) -> str:
        kind = element.kind
        style, shadow, body, again = self._element_look(element)
        x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
        d = outline_d(kind, w, h)
        out = [f'<path transform="translate({x:.2f} {y + SHADOW_OFFSET:.2f})" d="{d}" {shadow}/>'
               f'<path transform="translate({x:.2f} {y:.2f})" d="{d}" {body}/>']
        if style.header:
            out.append(f'<path transform="translate({x:.2f} {y:.2f})" d="{header_d(kind, w, h)}" '
                       f'fill="{style.header}"/>')
            out.append(self._header_text(element, rect, style.header_text, lang))
            out.append(f'<path transform="translate({x:.2f} {y:.2f})" d="{d}" {again}/>')
        if style.shape == "note":
            out.append(f'<path transform="translate({x:.2f} {y:.2f})" d="{fold_d(w, h)}" '
                       f'fill="{mix(style.fill, style.stroke, 0.35)}" {stroke_attrs(style.stroke, 1.0)}/>')
        icon = icon_rect(kind, rect)
        if icon is not None:
            out.append(self.icons.use(kind, icon, style.header_text if style.header else style.icon))
        out.append(text_lines(element_label_layout(element, rect), style.text))
        if badge_severity:
            out.append(badge(x + w - 3, y + 2, badge_severity, self.theme))
        return "".join(out)

    def _header_text(self, element: Any, rect: QRectF, color: str, lang: str | None) -> str:
        layout, star_at = header_label(element, rect, lang)  # the very text and star paint_element draws
        text = text_lines(layout, color)
        if star_at is not None:
            text += star(star_at.x(), star_at.y(), STAR_RADIUS, color)
        return text

    # --- relations ----------------------------------------------------------------------------------

    def _relation_look(self, kind: str, role: str | None) -> tuple[Any, str, str]:
        key = (kind, role)
        look = self._looks.get(key)
        if look is None:
            style = _relation_look(kind, self.theme, role)[0]
            cap = "round" if style.dash and min(style.dash) <= 2 else "butt"
            dash = [max(d, 0.01 * style.width) for d in style.dash] if style.dash else None
            line = f'fill="none" {stroke_attrs(style.color, style.width, cap=cap, join="round", dash=dash)}'
            if style.arrow == "filled":
                head = f'fill="{style.color}" {stroke_attrs(style.color, 1.0, cap="round", join="miter")}'
            else:
                head = f'fill="none" {stroke_attrs(style.color, max(1.4, style.width), cap="round", join="round")}'
            look = self._looks[key] = (style, line, head)
        return look

    def relation(self, relation: Any, path: QPainterPath) -> str:
        kind = relation.kind
        style, line, head = self._relation_look(kind, _attr(relation, "role") if kind == "operates" else None)
        count = path.elementCount()
        if count < 2:
            return ""
        first, last = path.elementAt(0), path.elementAt(count - 1)
        x0, y0, x1, y1 = first.x, first.y, last.x, last.y
        if count == 2:
            segment = f"L{x1:.2f} {y1:.2f}"
            angle = math.atan2(y1 - y0, x1 - x0)
            mx, my = (x0 + x1) / 2, (y0 + y1) / 2
        else:  # bent: one cubic (Qt stores quadTo as a cubic)
            c1, c2 = path.elementAt(1), path.elementAt(2)
            segment = f"C{c1.x:.2f} {c1.y:.2f} {c2.x:.2f} {c2.y:.2f} {x1:.2f} {y1:.2f}"
            angle = end_angle(path)
            mid = path.pointAtPercent(0.5)
            mx, my = mid.x(), mid.y()
        if style.double:  # two rails, offset along the chord's normal (painter._offset)
            chord = math.hypot(x1 - x0, y1 - y0)
            out = []
            for sign in (RAIL_OFFSET, -RAIL_OFFSET):
                ox, oy = ((y1 - y0) / chord * sign, -(x1 - x0) / chord * sign) if chord else (0.0, 0.0)
                out.append(f'<path transform="translate({ox:.3f} {oy:.3f})" d="M{x0:.2f} {y0:.2f}{segment}" '
                           f'{line}/>')
            text = "".join(out)
        else:
            text = f'<path d="M{x0:.2f} {y0:.2f}{segment}" {line}/>'
        if style.arrow != "none":
            length, width = 10 + style.width * 1.2, 7 + style.width * 1.2
            cos, sin = math.cos(angle), math.sin(angle)
            bx, by = x1 - length * cos, y1 - length * sin
            nx, ny = -sin * width / 2, cos * width / 2
            if style.arrow == "filled":
                text += (f'<polygon points="{x1:.2f},{y1:.2f} {bx + nx:.2f},{by + ny:.2f} '
                         f'{bx - nx:.2f},{by - ny:.2f}" {head}/>')
            else:
                text += (f'<polyline points="{bx + nx:.2f},{by + ny:.2f} {x1:.2f},{y1:.2f} '
                         f'{bx - nx:.2f},{by - ny:.2f}" {head}/>')
        caption = relation_caption(relation)
        if caption:
            text += self._caption(caption, mx, my, style.color)
        return text

    def _caption(self, caption: str, cx: float, cy: float, color: str) -> str:
        theme = self.theme
        shown = elide(caption, SMALL_PIXEL_SIZE, RELATION_LABEL_WIDTH)
        width = text_width(shown, SMALL_PIXEL_SIZE) + 10
        box = QRectF(cx - width / 2, cy - 8, width, 16)
        layout = layout_label(shown, box.adjusted(3, 0, -3, 0), pixel_size=SMALL_PIXEL_SIZE)
        return (f'<rect x="{box.x():.2f}" y="{box.y():.2f}" width="{width:.2f}" height="16" rx="8" '
                f'fill="{theme.background}" {stroke_attrs(mix(color, theme.background, 0.55), 0.8)}/>'
                + text_lines(layout, theme.text_muted))

    # --- title block and legend ---------------------------------------------------------------------

    def title(self, fields: dict[str, str], box: QRectF) -> str:
        theme = self.theme
        out = [f'<path d="M{box.left():.2f} {box.top():.2f}V{box.bottom():.2f}" fill="none" '
               f'{stroke_attrs(theme.selection, 3.0)}/>']
        inner = box.adjusted(12, 0, 0, 0)
        title = layout_label(fields["title"], QRectF(inner.left(), inner.top(), inner.width(), 30), pixel_size=22,
                             bold=True, align=_LEFT_TOP)
        out.append(text_lines(title, theme.text))
        sub = " \u00b7 ".join(v for v in (fields["client"], fields["date"]) if v)
        if sub:
            line = layout_label(sub, QRectF(inner.left(), inner.top() + 31, inner.width(), 20), pixel_size=13,
                                align=_LEFT_TOP)
            out.append(text_lines(line, theme.text_muted))
        return "".join(out)

    def legend(self, box: QRectF, sections: list[Any]) -> str:
        theme = self.theme
        out = [f'<rect x="{box.x():.2f}" y="{box.y():.2f}" width="{box.width():.2f}" height="{box.height():.2f}" '
               f'rx="6" fill="{theme.panel}" {stroke_attrs(theme.panel_border, 1.0)}/>']
        y = box.top() + 12
        text_left = box.left() + TEXT_LEFT
        for section, heading, rows in sections:
            out.append(self._legend_text(heading, QRectF(box.left() + 12, y, box.width() - 24, 18),
                                         theme.text_muted, bold=True))
            y += ROW
            for key, text in rows:
                out.append(self._sample(section, key, QRectF(box.left() + 12, y + 1, 40, 16)))
                out.append(self._legend_text(text, QRectF(text_left, y, box.right() - 10 - text_left, 18),
                                             theme.text))
                y += ROW
            y += 8
        return "".join(out)

    def _legend_text(self, text: str, box: QRectF, color: str, *, bold: bool = False) -> str:
        return text_lines(layout_label(text, box, pixel_size=SMALL_PIXEL_SIZE + 2, bold=bold, align=_LEFT_MIDDLE),
                          color)

    def _sample(self, section: str, key: str, rect: QRectF) -> str:
        if section == "kinds":
            style = element_style(key, self.theme)
            return (f'<path transform="translate({rect.x():.2f} {rect.y():.2f})" '
                    f'd="{outline_d(key, rect.width(), rect.height())}" fill="{style.fill}" '
                    f'{stroke_attrs(style.stroke, 1.2)}/>')
        if section == "relations":
            kind, _, role = key.partition(":")
            line = QPainterPath(QPointF(rect.left(), rect.center().y()))
            line.lineTo(QPointF(rect.right(), rect.center().y()))
            return self.relation(SimpleNamespace(kind=kind, role=role or "lead", label=None), line)
        return badge(rect.left() + 10, rect.center().y(), key, self.theme)

    def layer(self, layer: Layer) -> str:
        parts = layer.parts
        if parts is None:  # only plan_diagram's layers are written; they all carry their data
            raise ValueError(f"SVG export: the {layer.group} layer {layer.key!r} has nothing to write")
        if layer.group == "relation":
            return self.relation(parts[0], parts[1])  # type: ignore[index]
        if layer.group == "element":
            return self.element(*parts)  # type: ignore[misc]
        if layer.group == "title":
            return self.title(*parts)  # type: ignore[misc]
        return self.legend(*parts)  # type: ignore[misc]


def svg_text(plan: DiagramPlan, theme: Theme, *, transparent: bool = False) -> str:
    """The whole SVG document of `plan` in `theme`."""
    writer = _Writer(theme)
    b = plan.bounds
    families = esc_attr(f"{resolved_family()}, Arial, Helvetica, sans-serif")
    body: list[str] = []
    append = body.append
    labels: dict[str, str] = {}
    for layer in plan.layers:
        if layer.group == "element":
            labels[layer.key] = layer.label
    for layer in plan.layers:
        group = layer.group
        if group == "element" or group == "relation":
            key = esc_attr(layer.key)
            label = layer.label
            if group == "relation" and not label:  # a title says what the line connects
                rel = layer.parts[0]  # type: ignore[index]
                label = f"{labels.get(rel.source, rel.source)} \u2192 {labels.get(rel.target, rel.target)}"
            append(f'<g id="{group}-{key}" class="{group} {esc_attr(layer.kind)}" data-id="{key}">'
                   f"<title>{esc(label)}</title>{writer.layer(layer)}</g>")
        else:
            title = f"<title>{esc(layer.label)}</title>" if layer.label else ""
            append(f'<g id="{group}" class="{group}">{title}{writer.layer(layer)}</g>')
    head = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<svg xmlns="{SVG_NS}" xmlns:xlink="{XLINK_NS}" version="1.1" width="{b.width():.2f}pt" '
        f'height="{b.height():.2f}pt" viewBox="{b.x():.3f} {b.y():.3f} {b.width():.3f} {b.height():.3f}" '
        f'font-family="{families}">',
        f"<title>{esc(plan.title or 'commarch diagram')}</title><desc>Generated by commarch "
        f"{esc(__version__)}</desc>",
    ]
    if writer.icons.defs:
        head.append("<defs>" + "".join(writer.icons.defs.values()) + "</defs>")
    if not transparent:
        head.append(f'<rect id="background" x="{b.x():.3f}" y="{b.y():.3f}" width="{b.width():.3f}" '
                    f'height="{b.height():.3f}" fill="{theme.background}"/>')
    return "".join(head) + "".join(body) + "</svg>\n"
