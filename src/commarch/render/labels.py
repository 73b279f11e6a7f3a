"""Plain-text labels: fonts, word wrap, elision with an ellipsis, and drawing line by line."""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF, QPainter, QTextLayout, QTextOption

from .style import LABEL_PIXEL_SIZE

FONT_FAMILIES = ["Inter", "Segoe UI", "Helvetica Neue", "Arial", "DejaVu Sans", "Liberation Sans"]
ELLIPSIS = "\u2026"
# Control characters would make exported SVG invalid XML and draw as boxes; newlines are kept as breaks.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
# Width kept free on each line: glyph metrics move slightly between scales and paint devices.
_SAFETY = 1.0


def display_text(text: str) -> str:
    """`text` as it may be drawn: NFC, control characters and unpaired surrogates replaced, trimmed."""
    text = unicodedata.normalize("NFC", text.encode("utf-16", "surrogatepass").decode("utf-16", "replace"))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub("\ufffd", text).strip()


def _font(pixel_size: int, bold: bool, italic: bool) -> QFont:
    return _font_of_thread(pixel_size, bold, italic, threading.get_ident())


# One set of fonts per thread: copies of a QFont share its private data, and Qt swaps that data's font
# engine when the font is used in another thread than the last one — unsynchronised. A report drawn in a
# worker thread with the canvas's cached fonts crashed while the UI thread's garbage collector freed
# copies of them (tests/gui/exports, about one run in three).
@lru_cache(maxsize=64)
def _font_of_thread(pixel_size: int, bold: bool, italic: bool, _thread: int) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    # Pixel (not point) sizes scale with the painter's transform alone, whatever the device's DPI.
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    font.setItalic(italic)
    # Unhinted outlines keep advances proportional to the scale, so a label measured at 1:1 fits at any zoom.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    # Ligatures ("fl" -> one glyph) make text copied out of a PDF differ from the label.
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def resolved_family() -> str:
    """The family Qt actually uses for labels on this machine (first of FONT_FAMILIES that is installed)."""
    return QFontInfo(label_font()).family()


def label_font(pixel_size: int = LABEL_PIXEL_SIZE, *, bold: bool = False, italic: bool = False) -> QFont:
    """The app's sans-serif font at `pixel_size` scene units (a copy: callers may change it)."""
    return QFont(_font(pixel_size, bold, italic))


@dataclass(frozen=True)
class LabelLine:
    text: str
    origin: QPointF  # baseline start
    width: float


@dataclass(frozen=True)
class LabelLayout:
    """Lines ready to draw; `rect` is the ink box they occupy, always inside the box they were laid out in."""

    lines: tuple[LabelLine, ...]
    font: QFont
    rect: QRectF
    elided: bool

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


def _wrap(text: str, font: QFont, width: float, *, anywhere: bool) -> list[str]:
    """Word-wrapped lines; with `anywhere`, a word wider than `width` is broken, else its line overflows."""
    lines: list[str] = []
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere if anywhere
                       else QTextOption.WrapMode.WordWrap)
    for paragraph in text.split("\n"):
        if not paragraph.strip():
            continue
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            lines.append(paragraph[line.textStart(): line.textStart() + line.textLength()].strip())
        layout.endLayout()
    return [line for line in lines if line]


def layout_label(text: str, box: QRectF, *, pixel_size: int = LABEL_PIXEL_SIZE, bold: bool = False,
                 min_pixel_size: int | None = None, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter
                 ) -> LabelLayout:
    """Wrap `text` into `box`, shrinking the font down to `min_pixel_size` and then eliding with "…".

    The text is plain (never interpreted as markup). The result never leaves `box`. Results are cached
    (the canvas repaints the same labels often): treat the returned layout as read-only.
    """
    return _layout_cached(text, (box.x(), box.y(), box.width(), box.height()), pixel_size, bold,
                          min_pixel_size, int(align.value if hasattr(align, "value") else align),
                          threading.get_ident())  # a layout holds a font: one per thread (see _font)


@lru_cache(maxsize=4096)
def _layout_cached(text: str, geometry: tuple[float, float, float, float], pixel_size: int, bold: bool,
                   min_pixel_size: int | None, align_value: int, _thread: int) -> LabelLayout:
    box = QRectF(*geometry)
    align = Qt.AlignmentFlag(align_value)
    text = display_text(text)
    sizes = [pixel_size]
    if min_pixel_size is not None and min_pixel_size < pixel_size:
        sizes.append(min_pixel_size)
    width = max(0.0, box.width() - 2 * _SAFETY)
    for index, size in enumerate(sizes):
        font = label_font(size, bold=bold)
        metrics = QFontMetricsF(font)
        line_height = metrics.height()
        max_lines = int((box.height() + 0.01) // line_height) if line_height > 0 else 0
        last_size = index == len(sizes) - 1
        # Breaking inside a word is the last resort: first try whole words at each font size.
        lines = _wrap(text, font, width, anywhere=False) if width > 0 else []
        fits = len(lines) <= max_lines and all(metrics.horizontalAdvance(s) <= width for s in lines)
        if fits:
            break
        if last_size:
            lines = _wrap(text, font, width, anywhere=True) if width > 0 else []
            fits = len(lines) <= max_lines and all(metrics.horizontalAdvance(s) <= width for s in lines)
            break
    elided = not fits
    if elided:
        lines = _elide_lines(lines, max_lines, metrics, width)
    return _place(lines, font, metrics, box, align, elided)


def _elide_lines(lines: list[str], max_lines: int, metrics: QFontMetricsF, width: float) -> list[str]:
    """The first `max_lines` lines, the last one ending in "…" (or none when not even "…" fits)."""
    if max_lines <= 0 or not lines:
        return []
    kept = lines[: max_lines - 1]
    rest = " ".join(lines[max_lines - 1:])
    last = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    if not last.endswith(ELLIPSIS):
        last = metrics.elidedText(rest + ELLIPSIS, Qt.TextElideMode.ElideRight, width)
    if last.strip(ELLIPSIS).strip():
        kept.append(last)
    return kept


def _place(lines: list[str], font: QFont, metrics: QFontMetricsF, box: QRectF,
           align: Qt.AlignmentFlag, elided: bool) -> LabelLayout:
    line_height = metrics.height()
    block = line_height * len(lines)
    if align & Qt.AlignmentFlag.AlignTop:
        top = box.top()
    elif align & Qt.AlignmentFlag.AlignBottom:
        top = box.bottom() - block
    else:
        top = box.top() + (box.height() - block) / 2
    placed: list[LabelLine] = []
    ink = QRectF()
    for i, line in enumerate(lines):
        w = min(metrics.horizontalAdvance(line), box.width() - 2 * _SAFETY)
        if align & Qt.AlignmentFlag.AlignLeft:
            x = box.left() + _SAFETY
        elif align & Qt.AlignmentFlag.AlignRight:
            x = box.right() - _SAFETY - w
        else:
            x = box.left() + (box.width() - w) / 2
        y = top + i * line_height
        placed.append(LabelLine(line, QPointF(x, y + metrics.ascent()), w))
        ink = ink.united(QRectF(x, y, w, line_height))
    return LabelLayout(tuple(placed), font, ink, elided)


def draw_label(painter: QPainter, layout: LabelLayout, color: object) -> None:
    """Draw the lines as plain text (QPainter.drawText with a point never parses markup)."""
    painter.save()
    painter.setFont(layout.font)
    painter.setPen(color)  # type: ignore[call-overload]
    for line in layout.lines:
        painter.drawText(line.origin, line.text)
    painter.restore()


def elide(text: str, pixel_size: int, width: float, *, bold: bool = False) -> str:
    """One line of `text`, elided with "…" to `width`."""
    metrics = QFontMetricsF(label_font(pixel_size, bold=bold))
    return metrics.elidedText(display_text(text).replace("\n", " "), Qt.TextElideMode.ElideRight, width)


def text_width(text: str, pixel_size: int, *, bold: bool = False) -> float:
    return QFontMetricsF(label_font(pixel_size, bold=bold)).horizontalAdvance(text)
