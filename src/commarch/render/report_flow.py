"""Page flow for the PDF report: wrapped text, page breaks, and tables that split with a repeated header."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextCharFormat, QTextLayout, QTextOption

from .labels import FONT_FAMILIES, display_text

# A4 in points; the painter works in points (see report_pdf.py)
PAGE_W, PAGE_H = 595.28, 841.89
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 56.0, 64.0, 64.0
CONTENT_W = PAGE_W - 2 * MARGIN_X
LEADING = 1.32  # line height / font size: airy enough for long German compounds

Op = Callable[[QPainter], None]


def _font(size: int, bold: bool, italic: bool) -> QFont:
    return _font_of_thread(size, bold, italic, threading.get_ident())


@lru_cache(maxsize=32)
def _font_of_thread(size: int, bold: bool, italic: bool, _thread: int) -> QFont:
    # one set per thread, as labels._font (why there): reports are written in a worker thread
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    # Pixel sizes follow the painter's transform alone (1 unit = 1 pt), whatever the writer's resolution.
    font.setPixelSize(size)
    font.setBold(bold)
    font.setItalic(italic)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    # No ligatures: copied text and search must read "ff", not the one-glyph "\ufb00"
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def font(size: int, *, bold: bool = False, italic: bool = False) -> QFont:
    return QFont(_font(size, bold, italic))


def _metrics(size: int, bold: bool, italic: bool) -> QFontMetricsF:
    return _metrics_of_thread(size, bold, italic, threading.get_ident())


@lru_cache(maxsize=32)
def _metrics_of_thread(size: int, bold: bool, italic: bool, _thread: int) -> QFontMetricsF:
    return QFontMetricsF(_font(size, bold, italic))


class Text:
    """A paragraph wrapped to `width`: lines that can be drawn one at a time, on different pages.

    `bold_prefix` characters at the start are set in bold ("Next step: …"). Right-to-left text and
    words longer than the width are handled by QTextLayout (bidi, break anywhere as a last resort).
    """

    def __init__(self, text: str, size: int, width: float, *, bold: bool = False, italic: bool = False,
                 color: str = "#1B2631", bold_prefix: int = 0):
        self.size, self.color = size, color
        self.line_height = size * LEADING
        self.layouts: list[tuple[QTextLayout, list]] = []  # type: ignore[type-arg]
        self.count = 0
        self.simple: str | None = None  # one short line, drawn with drawText (most table cells: fast)
        self.simple_width = 0.0
        base = _font(size, bold, italic)  # shared, never changed: QTextLayout and drawText copy it
        text = display_text(text)
        if not bold_prefix and "\n" not in text:
            advance = _metrics(size, bold, italic).horizontalAdvance(text)
            if advance <= width:
                self.simple, self.simple_width, self.font, self.count = text, advance, base, 1
                return
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        first = True
        for paragraph in text.split("\n"):
            layout = QTextLayout(paragraph, base)
            layout.setTextOption(option)
            if first and bold_prefix:
                fmt = QTextCharFormat()
                fmt.setFontWeight(QFont.Weight.Bold)
                span = QTextLayout.FormatRange()
                span.start, span.length, span.format = 0, min(bold_prefix, len(paragraph)), fmt
                layout.setFormats([span])
            first = False
            layout.beginLayout()
            lines = []
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(max(width, 1.0))
                line.setPosition(QPointF(0, 0))
                lines.append(line)
            layout.endLayout()
            self.layouts.append((layout, lines))
            self.count += max(len(lines), 1)

    @property
    def height(self) -> float:
        return self.count * self.line_height

    def widest(self) -> float:
        """The natural width of the longest line."""
        if self.simple is not None:
            return self.simple_width
        return max((line.naturalTextWidth() for _, lines in self.layouts for line in lines), default=0.0)

    def last_width(self) -> float:
        """The natural width of the last line (where a TOC leader starts)."""
        if self.simple is not None:
            return self.simple_width
        lines = self.layouts[-1][1] if self.layouts else []
        return lines[-1].naturalTextWidth() if lines else 0.0

    def draw_lines(self, start: int, stop: int, x: float, y: float) -> Op:
        """An op drawing lines [start, stop) with the first one's top at (x, y)."""
        color, lh, size = QColor(self.color), self.line_height, self.size
        if self.simple is not None:
            text, face = self.simple, self.font
            # same baseline as QTextLine.draw: the line's top plus the font's ascent
            baseline = y + (lh - size * 1.16) / 2 + _metrics(size, face.bold(), face.italic()).ascent()

            def simple(painter: QPainter) -> None:
                if start <= 0 < stop:
                    painter.setPen(color)
                    painter.setFont(face)
                    painter.drawText(QPointF(x, baseline), text)

            return simple
        picked = []
        index = 0
        for layout, lines in self.layouts:
            for line in lines or [None]:
                if start <= index < stop and line is not None:
                    picked.append((layout, line, index - start))
                index += 1

        def op(painter: QPainter) -> None:
            painter.setPen(color)
            for _layout, line, row in picked:  # the layout stays referenced: its lines live in it
                top = y + row * lh + (lh - size * 1.16) / 2
                line.draw(painter, QPointF(x, top - line.y()))

        return op


@dataclass
class Page:
    ops: list[Op] = field(default_factory=list)
    section: str = ""  # the section title shown in the running header


class Flow:
    """Content laid out top to bottom onto pages; every drawing is an op replayed when painting."""

    def __init__(self, first_page: int):
        self.first_page = first_page
        self.pages: list[Page] = []
        self.section = ""
        self.y = 0.0
        self.new_page()

    @property
    def top(self) -> float:
        return MARGIN_TOP

    @property
    def bottom(self) -> float:
        return PAGE_H - MARGIN_BOTTOM

    @property
    def space(self) -> float:
        return self.bottom - self.y

    @property
    def page_number(self) -> int:
        return self.first_page + len(self.pages) - 1

    @property
    def at_top(self) -> bool:
        return self.y <= self.top + 0.5

    def new_page(self) -> None:
        self.pages.append(Page(section=self.section))
        self.y = self.top

    def need(self, height: float) -> None:
        """Start a new page unless `height` still fits on this one."""
        if height > self.space and not self.at_top:
            self.new_page()

    def add(self, op: Op) -> None:
        self.pages[-1].ops.append(op)

    def gap(self, height: float) -> None:
        if not self.at_top:
            self.y = min(self.y + height, self.bottom)

    def text(self, text: Text, x: float = MARGIN_X, *, decorate: Callable[[float, float], Op] | None = None,
             keep: int = 2) -> None:
        """Place `text`, splitting between lines at page ends; `decorate(top, height)` draws beside it."""
        done = 0
        self.need(min(keep, text.count) * text.line_height)
        while done < text.count:
            fit = max(int(self.space // text.line_height), 0)
            if fit == 0:
                self.new_page()
                continue
            stop = min(text.count, done + fit)
            height = (stop - done) * text.line_height
            if decorate is not None:
                self.add(decorate(self.y, height))
            self.add(text.draw_lines(done, stop, x, self.y))
            self.y += height
            done = stop
            if done < text.count:
                self.new_page()


@dataclass
class TableStyle:
    size: int = 8
    pad_x: float = 4.0
    pad_y: float = 3.2
    head_fill: str = "#0072B2"
    head_text: str = "#FFFFFF"
    zebra: str = "#F7F9FB"
    rule: str = "#D5DBE1"
    text: str = "#1B2631"


ROTATED_MAX = 110.0  # longest vertical header, in points; longer labels are elided


def column_widths(columns: tuple[str, ...], weights: tuple[float, ...], style: TableStyle,
                  rotated: frozenset[int] = frozenset()) -> list[float]:
    """Widths from the weights, but every column at least as wide as its header's longest word.

    The extra width comes from the other columns in proportion to their slack, so a narrow numeric
    column never breaks "Influence" into "Influen ce".
    """
    total = sum(weights) or 1.0
    widths = [CONTENT_W * w / total for w in weights]
    metrics = QFontMetricsF(font(style.size, bold=True))
    floor = []
    for i, column in enumerate(columns):
        if i in rotated:
            floor.append(style.size * LEADING + 2 * style.pad_x)
            continue
        longest = max((metrics.horizontalAdvance(w) for w in display_text(column).split()), default=0.0)
        floor.append(min(longest + 2 * style.pad_x + 2, CONTENT_W / 3))
    for _ in range(3):
        short = sum(max(f - w, 0.0) for f, w in zip(floor, widths, strict=True))
        slack = sum(max(w - f, 0.0) for f, w in zip(floor, widths, strict=True))
        if short <= 0.01 or slack <= 0:
            break
        take = min(short, slack) / slack
        widths = [f if w < f else w - (w - f) * take for f, w in zip(floor, widths, strict=True)]
    return widths


def table(flow: Flow, columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...], weights: tuple[float, ...],
          numeric: frozenset[int], style: TableStyle | None = None, rotated: frozenset[int] = frozenset()) -> None:
    """Lay out a table across pages: rows split between lines when needed, header repeated on each page."""
    style = style or TableStyle()
    widths = column_widths(columns, weights, style, rotated)
    xs = [MARGIN_X + sum(widths[:i]) for i in range(len(widths))]
    inner = [max(w - 2 * style.pad_x, 8.0) for w in widths]

    def cells(values: tuple[str, ...], bold: bool, color: str) -> list[Text]:
        return [Text(v, style.size, inner[i], bold=bold, color=color) for i, v in enumerate(values)]

    head = cells(tuple("" if i in rotated else c for i, c in enumerate(columns)), True, style.head_text)
    metrics = QFontMetricsF(font(style.size, bold=True))
    vertical = {i: metrics.elidedText(display_text(columns[i]).replace("\n", " "), Qt.TextElideMode.ElideRight,
                                      ROTATED_MAX) for i in rotated}
    tallest = max((metrics.horizontalAdvance(v) for v in vertical.values()), default=0.0)
    head_h = max(max(t.height for t in head), tallest) + 2 * style.pad_y
    lh = style.size * LEADING

    def draw_head() -> None:
        top = flow.y
        flow.add(lambda p, top=top: p.fillRect(QRectF(MARGIN_X, top, CONTENT_W, head_h), QColor(style.head_fill)))
        for i, cell in enumerate(head):
            if i in vertical:
                flow.add(_vertical(vertical[i], xs[i] + widths[i] / 2, top + head_h - style.pad_y, style))
                continue
            x = _cell_x(xs[i], inner[i], cell, i in numeric, style.pad_x)
            flow.add(cell.draw_lines(0, cell.count, x, top + style.pad_y))
        flow.y += head_h

    flow.need(head_h + lh * 2 + 2 * style.pad_y)
    draw_head()
    for number, values in enumerate(rows):
        row = cells(values, False, style.text)
        lines = max(c.count for c in row)
        done = 0
        while done < lines:
            fit = int((flow.space - 2 * style.pad_y) // lh)
            # Never leave a lone line of a row behind, and never start a page with only the header.
            if fit < min(lines - done, 2):
                flow.new_page()
                draw_head()
                continue
            stop = min(lines, done + fit)
            height = (stop - done) * lh + 2 * style.pad_y
            top = flow.y
            fill = QColor(style.zebra) if number % 2 else None
            flow.add(_row_background(top, height, fill, QColor(style.rule)))
            for i, cell in enumerate(row):
                if done < cell.count:
                    x = _cell_x(xs[i], inner[i], cell, i in numeric, style.pad_x, centre=i in rotated)
                    flow.add(cell.draw_lines(done, min(stop, cell.count), x, top + style.pad_y))
            flow.y += height
            done = stop
    flow.y += 8.0


def _cell_x(x: float, inner: float, cell: Text, right: bool, pad: float, *, centre: bool = False) -> float:
    if not right and not centre:
        return x + pad
    widest = cell.widest()
    return x + pad + max(inner - widest, 0.0) / (2 if centre else 1)


def _vertical(text: str, centre_x: float, bottom: float, style: TableStyle) -> Op:
    """Header text turned 90° (reading bottom to top), as matrix headers usually are."""
    def op(painter: QPainter) -> None:
        painter.setFont(font(style.size, bold=True))
        painter.setPen(QColor(style.head_text))
        painter.translate(centre_x + style.size * 0.35, bottom)
        painter.rotate(-90)
        painter.drawText(QPointF(0, 0), text)

    return op


def _row_background(top: float, height: float, fill: QColor | None, rule: QColor) -> Op:
    def op(painter: QPainter) -> None:
        if fill is not None:
            painter.fillRect(QRectF(MARGIN_X, top, CONTENT_W, height), fill)
        painter.setPen(rule)
        painter.drawLine(QPointF(MARGIN_X, top + height), QPointF(MARGIN_X + CONTENT_W, top + height))

    return op
