"""SVG text fragments for the direct SVG writer: escaping, path data, icons as <defs>, badges, label lines."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath

from .icons import icon_dir
from .labels import LabelLayout
from .painter import BADGE_RADIUS
from .shapes import element_shape, header_rect, note_fold
from .style import Theme, badge_color

_HEX_COLOR = re.compile(r"#[0-9A-Fa-f]{6}(?:[0-9A-Fa-f]{2})?")
_NAME = re.compile(r"[a-z_]{1,40}")
# Characters XML 1.0 forbids (and lone surrogates, which cannot be encoded): labels are hostile input.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


_PLAIN_TEXT = re.compile("[^&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]*")
_PLAIN_ATTR = re.compile("[^&<>\"\n\t\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]*")


def esc(text: str) -> str:
    """`text` as XML character data: &, <, > escaped, characters XML cannot hold replaced by U+FFFD."""
    if _PLAIN_TEXT.fullmatch(text):  # most labels: one C-level scan instead of four
        return text
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")  # a parser would turn a literal CR into LF
    return _XML_INVALID.sub("\ufffd", text)


def esc_attr(text: str) -> str:
    """`text` as a double-quoted attribute value (whitespace kept as character references)."""
    if _PLAIN_ATTR.fullmatch(text):
        return text
    return esc(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def safe_color(color: str) -> str:
    """`color` when it is #rrggbb or #rrggbbaa (the model checks that), else black, as QColor would paint it."""
    return color if _HEX_COLOR.fullmatch(color) else "#000000"


def paint_attrs(color: str, prefix: str) -> str:
    """`fill="#rrggbb"` (or stroke), with an opacity for #rrggbbaa colours."""
    if len(color) == 9:
        return f'{prefix}="{color[:7]}" {prefix}-opacity="{int(color[7:9], 16) / 255:.4g}"'
    return f'{prefix}="{color}"'


def path_d(path: QPainterPath) -> str:
    """SVG path data of a QPainterPath (move, line and cubic segments, as Qt holds them)."""
    out: list[str] = []
    count = path.elementCount()
    i = 0
    while i < count:
        e = path.elementAt(i)
        if e.isMoveTo():
            out.append(f"M{e.x:.3f} {e.y:.3f}")
        elif e.isLineTo():
            out.append(f"L{e.x:.3f} {e.y:.3f}")
        else:  # a cubic: this control point and two data elements (control, end)
            c, d = path.elementAt(i + 1), path.elementAt(i + 2)
            out.append(f"C{e.x:.3f} {e.y:.3f} {c.x:.3f} {c.y:.3f} {d.x:.3f} {d.y:.3f}")
            i += 2
        i += 1
    return "".join(out)


@lru_cache(maxsize=256)
def outline_d(kind: str, width: float, height: float) -> str:
    """The outline of `kind` at the origin (placed with a translate)."""
    return path_d(element_shape(kind, QRectF(0, 0, width, height))) + "Z"


@lru_cache(maxsize=64)
def header_d(kind: str, width: float, height: float) -> str:
    """The department's header band: its outline cut to the band, at the origin."""
    rect = QRectF(0, 0, width, height)
    band = QPainterPath()
    band.addRect(header_rect(rect))
    return path_d(element_shape(kind, rect).intersected(band)) + "Z"


@lru_cache(maxsize=64)
def fold_d(width: float, height: float) -> str:
    return path_d(note_fold(QRectF(0, 0, width, height))) + "Z"


@lru_cache(maxsize=64)
def _icon_source(kind: str) -> tuple[str, tuple[float, float, float, float], str] | None:
    """The icon's root presentation attributes, viewBox and inner markup (its <title> dropped)."""
    folder = icon_dir()
    if folder is None or not _NAME.fullmatch(kind):
        return None
    try:
        text = (folder / f"{kind}.svg").read_text(encoding="utf-8")
    except OSError:
        return None
    root = re.search(r"<svg\b([^>]*)>(.*)</svg>", text, re.S)
    if root is None:
        return None
    attrs = dict(re.findall(r'([\w:-]+)="([^"]*)"', root.group(1)))
    box = tuple(float(v) for v in attrs.get("viewBox", "0 0 24 24").replace(",", " ").split())
    if len(box) != 4 or box[2] <= 0 or box[3] <= 0:
        return None
    keep = ("fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin")
    head = " ".join(f'{k}="{attrs[k]}"' for k in keep if k in attrs)
    inner = re.sub(r"<title\b.*?</title>", "", root.group(2), flags=re.S)
    inner = re.sub(r">\s+<", "><", inner.strip())
    return head, box, inner  # type: ignore[return-value]


class Icons:
    """Icon definitions used by one document: one <g> in <defs> per kind and colour, placed with <use>.

    The ids name the kind and colour, so that two diagrams inlined into one HTML page (the comparison
    report) may repeat an id only for the same drawing: <use> finds the first element of that id.
    """

    def __init__(self) -> None:
        self.defs: dict[tuple[str, str], str] = {}
        self._ids: dict[tuple[str, str], str | None] = {}

    def use(self, kind: str, rect: QRectF, color: str) -> str:
        key = (kind, color)
        ref = self._ids.get(key, "")
        if ref == "":
            ref = self._ids[key] = self._define(key)
        if ref is None:  # no icon file: a small ring, as draw_icon draws then
            r = rect.adjusted(3, 3, -3, -3)
            return (f'<ellipse cx="{r.center().x():.2f}" cy="{r.center().y():.2f}" rx="{r.width() / 2:.2f}" '
                    f'ry="{r.height() / 2:.2f}" fill="none" stroke="{safe_color(color)}" stroke-width="1.6"/>')
        _, box, _ = _icon_source(kind)  # type: ignore[misc]
        sx, sy = rect.width() / box[2], rect.height() / box[3]
        return (f'<use xlink:href="#{ref}" transform="matrix({sx:.6g} 0 0 {sy:.6g} '
                f'{rect.x() - box[0] * sx:.3f} {rect.y() - box[1] * sy:.3f})"/>')

    def _define(self, key: tuple[str, str]) -> str | None:
        source = _icon_source(key[0])
        if source is None:
            return None
        head, _, inner = source
        color = safe_color(key[1])
        ref = f"icon-{key[0]}-{color[1:].lower()}"
        self.defs[key] = (f'<g id="{ref}" {head.replace("currentColor", color)}>'
                          f'{inner.replace("currentColor", color)}</g>')
        return ref


_TEXT_ATTRS: dict[tuple[int, bool, str], str] = {}


def text_lines(layout: LabelLayout, color: str) -> str:
    """The layout's lines as <text> elements (plain text, escaped), at their baselines."""
    lines = layout.lines
    if not lines:
        return ""
    font = layout.font
    key = (font.pixelSize(), font.bold(), color)
    attrs = _TEXT_ATTRS.get(key)
    if attrs is None:
        weight = ' font-weight="700"' if key[1] else ""
        attrs = _TEXT_ATTRS[key] = f'font-size="{key[0]}"{weight} fill="{color}" xml:space="preserve"'
    out = []
    for line in lines:
        origin = line.origin
        out.append(f'<text x="{origin.x():.2f}" y="{origin.y():.2f}" {attrs}>{esc(line.text)}</text>')
    return "".join(out)


def badge(cx: float, cy: float, severity: str, theme: Theme) -> str:
    """A finding marker, as painter.paint_badge draws it."""
    r = BADGE_RADIUS
    ring = f'fill="{badge_color(severity, theme)}" stroke="{theme.background}" stroke-width="1.5"'
    glyph_y = cy
    if severity == "warning":
        h = r * 2.1
        shape = (f'<polygon points="{cx:.2f},{cy - h * 0.6:.2f} {cx + h * 0.62:.2f},{cy + h * 0.45:.2f} '
                 f'{cx - h * 0.62:.2f},{cy + h * 0.45:.2f}" {ring} stroke-linejoin="bevel"/>')
        glyph_y += 1.5
    else:
        shape = f'<circle cx="{cx:.2f}" cy="{cy:.2f}" r="{r}" {ring}/>'
    fill = f'fill="{theme.badge_glyph}"'
    if severity == "info":
        glyph = (f'<circle cx="{cx:.2f}" cy="{glyph_y - 4.2:.2f}" r="1.3" {fill}/>'
                 f'<path d="{_bar(cx - 1.1, glyph_y - 1.8, 6.4)}" {fill}/>')
    else:
        glyph = (f'<path d="{_bar(cx - 1.1, glyph_y - 5.4, 6.6)}" {fill}/>'
                 f'<circle cx="{cx:.2f}" cy="{glyph_y + 3.6:.2f}" r="1.3" {fill}/>')
    return shape + glyph


def _bar(x: float, y: float, height: float) -> str:
    """A 2.2-wide bar with corners of radius 1 (the stroke of "!" and "i")."""
    return (f"M{x + 1:.2f} {y:.2f}h0.2a1 1 0 0 1 1 1v{height - 2:.2f}a1 1 0 0 1 -1 1h-0.2"
            f"a1 1 0 0 1 -1 -1v{2 - height:.2f}a1 1 0 0 1 1 -1z")


def star(cx: float, cy: float, radius: float, color: str) -> str:
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        a = -math.pi / 2 + i * math.pi / 5
        points.append(f"{cx + r * math.cos(a):.2f},{cy + r * math.sin(a):.2f}")
    return f'<polygon points="{" ".join(points)}" fill="{color}"/>'


def stroke_attrs(color: str, width: float, *, cap: str = "square", join: str = "bevel",
                 dash: Any = None) -> str:
    """Stroke attributes of a QPen (Qt's defaults: square caps, bevel joins)."""
    out = f'stroke="{color}" stroke-width="{width:g}" stroke-linecap="{cap}" stroke-linejoin="{join}"'
    if join == "miter":
        out += ' stroke-miterlimit="2"'
    if dash:
        out += f' stroke-dasharray="{",".join(f"{d:g}" for d in dash)}"'
    return out
