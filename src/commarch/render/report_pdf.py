"""The architecture report as a PDF: A4, vector diagram and charts, selectable text, TOC with page numbers."""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QPointF, QRectF
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPainterPath, QPdfWriter
from PySide6.QtSvg import QSvgRenderer

from commarch import __version__
from commarch.model import CommModel
from commarch.report.blocks import (
    Block,
    BulletList,
    Chart,
    Diagram,
    FindingGroup,
    Heading,
    KeyFigure,
    KeyFigures,
    Paragraph,
    ReportData,
    Table,
)

from .diagram import ensure_app, paint_diagram, plan_diagram
from .report_flow import (
    CONTENT_W,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_H,
    PAGE_W,
    Flow,
    Op,
    Page,
    Text,
    table,
)
from .style import LIGHT, badge_color

RESOLUTION = 1200
INK, MUTED, BLUE, PANEL, LINE = LIGHT.text, LIGHT.text_muted, LIGHT.selection, LIGHT.panel, LIGHT.panel_border
TONES = {"good": "#009E73", "fair": "#E69F00", "poor": "#D55E00", "neutral": LINE}
TOC_PER_PAGE = 30


def write_report_pdf(data: ReportData, models: CommModel | Mapping[str, CommModel],
                     out_path: str | os.PathLike[str]) -> Path:
    """Write `data` as an A4 PDF to `out_path` (the caller makes it atomic).

    `models` gives what the Diagram blocks draw: one model, or models by the blocks' `key`.
    """
    ensure_app()
    if isinstance(models, CommModel):
        models = {"model": models}
    toc_pages = max(1, math.ceil(len(data.sections) / TOC_PER_PAGE))
    flow = Flow(first_page=2 + toc_pages)
    starts: list[int] = []
    for number, section in enumerate(data.sections, 1):
        if section.new_page and not flow.at_top:
            flow.new_page()
        flow.section = section.title
        flow.pages[-1].section = section.title
        starts.append(flow.page_number)
        _section_heading(flow, f"{number}. {section.title}")
        for block in section.blocks:
            _block(flow, block, data, models)
    total = 1 + toc_pages + len(flow.pages)

    writer = QPdfWriter(str(out_path))
    writer.setCreator(f"commarch {__version__}")
    writer.setTitle(f"{data.cover.title} — {data.cover.subtitle}")
    if data.cover.author:
        writer.setAuthor(data.cover.author)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"{out_path}: could not write the PDF file")
    try:
        painter.scale(RESOLUTION / 72, RESOLUTION / 72)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _cover(painter, data)
        for page in range(toc_pages):
            writer.newPage()
            _toc(painter, data, starts, page, toc_pages, total)
        for index, page in enumerate(flow.pages):
            writer.newPage()
            _furniture(painter, data, page, flow.first_page + index, total)
            for op in page.ops:
                painter.save()
                op(painter)
                painter.restore()
    finally:
        painter.end()
        # Free the pages' text layouts here, in the painting thread, not whenever (and wherever) a garbage
        # collection finds them: some ops refer to the flow that holds them. A report written in the window's
        # worker thread crashed the app while the UI thread's collector freed a previous report's layouts.
        for page in flow.pages:
            page.ops.clear()
        flow.pages.clear()
    return Path(out_path)


# --- page furniture ------------------------------------------------------------------------------

def _draw(painter: QPainter, text: str, size: int, x: float, y: float, color: str, *, bold: bool = False,
          width: float = CONTENT_W, right: bool = False) -> float:
    """Draw wrapped text with its top at y; returns its height."""
    block = Text(text, size, width, bold=bold, color=color)
    if right:
        x = x + width - block.widest()
    block.draw_lines(0, block.count, x, y)(painter)
    return block.height


def _cover(painter: QPainter, data: ReportData) -> None:
    cover = data.cover
    painter.fillRect(QRectF(0, 0, PAGE_W, 250), QColor(BLUE))
    painter.fillRect(QRectF(0, 250, PAGE_W, 6), QColor("#56B4E9"))
    _draw(painter, cover.subtitle.upper(), 11, MARGIN_X, 96, "#FFFFFF", bold=True)
    y = 270.0 + _draw(painter, cover.title, 26, MARGIN_X, 286, INK, bold=True) + 40
    for label, value in cover.fields:
        _draw(painter, label, 10, MARGIN_X, y, MUTED, width=110)
        y += max(_draw(painter, value, 12, MARGIN_X + 120, y - 1, INK, bold=True, width=CONTENT_W - 120), 16) + 8
    if cover.description:
        y += 18
        painter.fillRect(QRectF(MARGIN_X, y, 3, 1), QColor(BLUE))
        block = Text(cover.description, 10, CONTENT_W - 14, color=MUTED)
        lines = min(block.count, int((PAGE_H - 110 - y) // block.line_height))
        painter.fillRect(QRectF(MARGIN_X, y, 3, lines * block.line_height), QColor(BLUE))
        block.draw_lines(0, lines, MARGIN_X + 14, y)(painter)
    painter.setPen(QColor(LINE))
    painter.drawLine(QPointF(MARGIN_X, PAGE_H - 80), QPointF(PAGE_W - MARGIN_X, PAGE_H - 80))
    _draw(painter, data.word("made_with"), 9, MARGIN_X, PAGE_H - 70, MUTED, width=CONTENT_W / 2)
    _draw(painter, data.word("confidential"), 9, PAGE_W / 2, PAGE_H - 70, MUTED, width=CONTENT_W / 2 - 0,
          right=True)


def _toc(painter: QPainter, data: ReportData, starts: list[int], page: int, pages: int, total: int) -> None:
    _furniture(painter, data, Page(section=data.word("contents")), 2 + page, total)
    y = MARGIN_TOP
    if page == 0:
        y += _draw(painter, data.word("contents"), 20, MARGIN_X, y, BLUE, bold=True) + 18
    chunk = list(enumerate(data.sections, 1))[page * TOC_PER_PAGE:(page + 1) * TOC_PER_PAGE]
    for number, section in chunk:
        title = Text(f"{number}.  {section.title}", 11, CONTENT_W - 60, color=INK)
        title.draw_lines(0, title.count, MARGIN_X, y)(painter)
        end_x = MARGIN_X + title.last_width() + 6
        base = y + title.height - 4
        painter.setPen(QColor(LINE))
        painter.drawLine(QPointF(end_x, base), QPointF(PAGE_W - MARGIN_X - 30, base))
        _draw(painter, str(starts[number - 1]), 11, PAGE_W - MARGIN_X - 28, y + title.height - title.line_height,
              INK, width=28, right=True)
        y += title.height + 9


def _furniture(painter: QPainter, data: ReportData, page: Page, number: int, total: int) -> None:
    """Running header (report title, section) and footer (page n of N)."""
    top = MARGIN_TOP - 30
    half = CONTENT_W / 2 - 6
    _draw(painter, _one_line(data.cover.title, 60), 8, MARGIN_X, top, MUTED, width=half)
    _draw(painter, _one_line(page.section, 60), 8, PAGE_W / 2 + 6, top, MUTED, width=half, right=True)
    painter.setPen(QColor(LINE))
    painter.drawLine(QPointF(MARGIN_X, top + 15), QPointF(PAGE_W - MARGIN_X, top + 15))
    bottom = PAGE_H - MARGIN_BOTTOM + 22
    painter.drawLine(QPointF(MARGIN_X, bottom - 6), QPointF(PAGE_W - MARGIN_X, bottom - 6))
    _draw(painter, data.word("made_with"), 8, MARGIN_X, bottom, MUTED, width=half)
    _draw(painter, f"{data.word('page')} {number} {data.word('of')} {total}", 8, PAGE_W / 2 + 6, bottom, MUTED,
          width=half, right=True)


def _one_line(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


# --- blocks --------------------------------------------------------------------------------------

def _section_heading(flow: Flow, title: str) -> None:
    text = Text(title, 18, CONTENT_W, bold=True, color=BLUE)
    flow.need(text.height + 80)
    flow.text(text)
    top = flow.y + 4
    flow.add(lambda p: p.fillRect(QRectF(MARGIN_X, top, CONTENT_W, 1.6), QColor(BLUE)))
    flow.y += 16


def _block(flow: Flow, block: Block, data: ReportData, models: Mapping[str, CommModel]) -> None:
    if isinstance(block, Paragraph):
        size, color = {"lead": (11, INK), "muted": (8, MUTED)}.get(block.style, (10, INK))
        flow.text(Text(block.text, size, CONTENT_W, color=color))
        flow.gap(8)
    elif isinstance(block, Heading):
        text = Text(block.text, 12, CONTENT_W, bold=True, color=INK)
        flow.need(text.height + 60)  # keep a heading with what follows it
        flow.gap(6)
        flow.text(text)
        flow.gap(5)
    elif isinstance(block, BulletList):
        for item in block.items:
            text = Text(item, 10, CONTENT_W - 14)
            flow.need(text.line_height * 2)
            top = flow.y
            flow.add(lambda p, top=top: p.fillRect(QRectF(MARGIN_X + 2, top + 5, 3.5, 3.5), QColor(BLUE)))
            flow.text(text, MARGIN_X + 14)
            flow.gap(4)
        flow.gap(6)
    elif isinstance(block, KeyFigures):
        _figures(flow, block)
    elif isinstance(block, Table):
        table(flow, block.columns, block.rows, block.column_weights(), block.numeric, rotated=block.rotated)
    elif isinstance(block, Chart):
        _svg(flow, block.svg, block.aspect, block.title, block.width)
    elif isinstance(block, Diagram):
        _diagram(flow, models.get(block.key), data.lang, block)
    elif isinstance(block, FindingGroup):
        _finding(flow, block, data)
    else:
        raise TypeError(f"unknown report block {type(block).__name__}")


def _figures(flow: Flow, block: KeyFigures) -> None:
    per_row, gap, height = 3, 10.0, 64.0
    width = (CONTENT_W - gap * (per_row - 1)) / per_row
    for start in range(0, len(block.items), per_row):
        flow.need(height + gap)
        top = flow.y
        for i, item in enumerate(block.items[start:start + per_row]):
            x = MARGIN_X + i * (width + gap)
            first = start == 0 and i == 0

            def op(p: QPainter, x: float = x, top: float = top, item: KeyFigure = item, first: bool = first) -> None:
                p.fillRect(QRectF(x, top, width, height), QColor(PANEL if not first else "#E8F1F8"))
                p.fillRect(QRectF(x, top, width, 3), QColor(TONES[item.tone]))
                _draw(p, item.label, 8, x + 9, top + 9, MUTED, bold=True, width=width - 18)
                _draw(p, item.value, 20, x + 9, top + 21, BLUE if first else INK, bold=True, width=width - 18)
                _draw(p, item.note, 7, x + 9, top + 48, MUTED, width=width - 18)

            flow.add(op)
        flow.y += height + gap
    flow.gap(4)


def _svg(flow: Flow, svg: str, aspect: float, caption: str, natural: float = 0.0) -> None:
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    width = min(CONTENT_W, natural) if natural > 0 else CONTENT_W
    full = flow.bottom - flow.top - 24
    height = width * aspect
    if height > full:  # a tall chart: shrink to a full page
        width, height = full / aspect, full
    flow.need(height + 24)
    if height + 20 > flow.space:
        scale = (flow.space - 20) / height
        width, height = width * scale, height * scale
    rect = QRectF(MARGIN_X + (CONTENT_W - width) / 2, flow.y, width, height)
    flow.add(lambda p: renderer.render(p, rect))
    flow.y += height + 4
    flow.text(Text(caption, 8, CONTENT_W, italic=True, color=MUTED))
    flow.gap(10)


def _diagram(flow: Flow, model: CommModel | None, lang: str, block: Diagram) -> None:
    caption = block.caption
    if model is None or not model.elements:
        flow.text(Text(caption, 10, CONTENT_W, color=MUTED))
        return
    plan = plan_diagram(model, legend=True, lang=lang, badges=dict(block.badges))
    bounds = plan.bounds
    cap = Text(caption, 8, CONTENT_W, italic=True, color=MUTED)
    box_h = flow.bottom - flow.y - cap.height - 10
    if box_h < (flow.bottom - flow.top) * 0.5:
        flow.new_page()
        box_h = flow.bottom - flow.y - cap.height - 10
    # Fit the whole drawing on the page; never enlarge it beyond 1:1, where labels would look bloated.
    scale = min(CONTENT_W / bounds.width(), box_h / bounds.height(), 1.0)
    width, height = bounds.width() * scale, bounds.height() * scale
    left, top = MARGIN_X + (CONTENT_W - width) / 2, flow.y

    def op(p: QPainter) -> None:
        p.setPen(QColor(LINE))
        p.drawRect(QRectF(MARGIN_X - 0.5, top - 0.5, CONTENT_W + 1, height + 1))
        p.setClipRect(QRectF(MARGIN_X, top, CONTENT_W, height))
        p.translate(left, top)
        p.scale(scale, scale)
        p.translate(-bounds.topLeft())
        paint_diagram(p, plan, LIGHT, batched=True)

    flow.add(op)
    flow.y += height + 6
    flow.text(cap)
    flow.gap(10)


def _finding(flow: Flow, group: FindingGroup, data: ReportData) -> None:
    color = QColor(badge_color(group.severity, LIGHT))
    inner = CONTENT_W - 16
    x = MARGIN_X + 12

    def bar(top: float, height: float) -> Op:
        def op(p: QPainter) -> None:
            p.fillRect(QRectF(MARGIN_X, top, CONTENT_W, height), QColor(PANEL))
            p.fillRect(QRectF(MARGIN_X, top, 3.5, height), color)
        return op

    tag = data.word(f"sev_{group.severity}_one").upper()
    title = Text(f"{tag}   {group.title}   {group.rule}", 10, inner, color=INK,
                 bold_prefix=len(tag) + 3 + len(group.title))
    flow.need(title.height + 40)
    pad = 6.0
    top = flow.y
    flow.add(bar(top, pad))
    flow.y += pad
    flow.text(title, x, decorate=bar)
    if group.explanation:
        flow.text(Text(group.explanation, 8, inner, italic=True, color=MUTED), x, decorate=bar)
    for item in group.items:
        flow.add(bar(flow.y, 5))
        flow.y += 5
        flow.text(Text(item.message, 9, inner - 10), x + 10, decorate=_dotted(bar, color))
        if item.recommendation:
            prefix = f"{data.word('next_step')}: "
            flow.text(Text(prefix + item.recommendation, 9, inner - 10, color=INK, bold_prefix=len(prefix)),
                      x + 10, decorate=bar)
        if item.note:
            prefix = f"{data.word('waiver_note')}: "
            flow.text(Text(prefix + item.note, 9, inner - 10, italic=True, color=MUTED, bold_prefix=len(prefix)),
                      x + 10, decorate=bar)
    if flow.space > pad:
        flow.add(bar(flow.y, pad))
        flow.y += pad
    flow.gap(8)


def _dotted(bar: object, color: QColor) -> object:
    """`bar`, plus a bullet beside the first line drawn (the message's first line)."""
    first = [True]

    def decorate(top: float, height: float) -> Op:
        background = bar(top, height)  # type: ignore[operator]
        dot = first[0]
        first[0] = False

        def op(p: QPainter) -> None:
            background(p)
            if dot:
                path = QPainterPath()
                path.addEllipse(QRectF(MARGIN_X + 13, top + 4.2, 3.6, 3.6))
                p.fillPath(path, color)

        return op

    return decorate


__all__ = ["write_report_pdf"]
