"""The diagram legend: the element kinds, relation styles and finding badges that appear in a drawing."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import SimpleNamespace

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen

from .labels import draw_label, layout_label, text_width
from .painter import paint_badge, paint_relation, qcolor
from .shapes import element_shape
from .style import (
    KIND_NAMES,
    LEGEND_TITLES,
    RELATION_NAMES,
    SEVERITY_NAMES,
    SMALL_PIXEL_SIZE,
    Theme,
    element_style,
    names,
)

LEGEND_WIDTH = 170.0
LEGEND_MAX_WIDTH = 320.0
ROW = 22.0
TEXT_LEFT = 62.0
SEVERITY_ORDER = ("error", "warning", "info")

# (section, heading, [(sample key, text)]); section is "kinds", "relations" or "badges"
Section = tuple[str, str, list[tuple[str, str]]]


def legend_sections(kinds: Iterable[str], relation_keys: Iterable[str], severities: Iterable[str],
                    lang: str) -> list[Section]:
    """The legend's non-empty sections, in drawing order; relation keys are kinds or `operates:contributor`."""
    titles = LEGEND_TITLES.get(lang, LEGEND_TITLES["en"])
    kind_names, rel_names = names(KIND_NAMES, lang), names(RELATION_NAMES, lang)
    severity_names = names(SEVERITY_NAMES, lang)
    present = set(severities)
    sections: list[Section] = [
        ("kinds", titles[0], [(k, kind_names.get(k, k)) for k in kinds]),
        ("relations", titles[1], [(k, rel_names.get(k, k)) for k in relation_keys]),
        ("badges", titles[2], [(s, severity_names[s]) for s in SEVERITY_ORDER if s in present]),
    ]
    return [section for section in sections if section[2]]


def legend_box(top_left: QPointF, sections: list[Section]) -> QRectF:
    """The legend panel's rect: wide enough for its longest entry (within limits)."""
    texts = [text for _, _, rows in sections for _, text in rows]
    widest = max((text_width(t, SMALL_PIXEL_SIZE + 2) for t in texts), default=0.0)
    width = min(max(LEGEND_WIDTH, TEXT_LEFT + widest + 16), LEGEND_MAX_WIDTH)
    height = 12 + sum(ROW + ROW * len(rows) + 8 for _, _, rows in sections)
    return QRectF(top_left.x(), top_left.y(), width, height)


def legend_painter(box: QRectF, sections: list[Section]) -> Callable[[QPainter, Theme], None]:
    def paint(painter: QPainter, theme: Theme) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(qcolor(theme.panel_border), 1.0))
        painter.setBrush(qcolor(theme.panel))
        painter.drawRoundedRect(box, 6, 6)
        y = box.top() + 12
        text_left = box.left() + TEXT_LEFT
        for section, heading, rows in sections:
            _text(painter, heading, QRectF(box.left() + 12, y, box.width() - 24, 18), theme.text_muted, bold=True)
            y += ROW
            for key, text in rows:
                _sample(painter, section, key, QRectF(box.left() + 12, y + 1, 40, 16), theme)
                _text(painter, text, QRectF(text_left, y, box.right() - 10 - text_left, 18), theme.text)
                y += ROW
            y += 8
        painter.restore()
    return paint


def _sample(painter: QPainter, section: str, key: str, rect: QRectF, theme: Theme) -> None:
    if section == "kinds":
        style = element_style(key, theme)
        painter.setPen(QPen(qcolor(style.stroke), 1.2))
        painter.setBrush(qcolor(style.fill))
        painter.drawPath(element_shape(key, rect))
    elif section == "relations":
        kind, _, role = key.partition(":")
        line = QPainterPath(QPointF(rect.left(), rect.center().y()))
        line.lineTo(QPointF(rect.right(), rect.center().y()))
        paint_relation(painter, SimpleNamespace(kind=kind, role=role or "lead", label=None), line, theme)
    else:
        paint_badge(painter, QPointF(rect.left() + 10, rect.center().y()), key, theme)


def _text(painter: QPainter, text: str, box: QRectF, color: str, *, bold: bool = False) -> None:
    align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    draw_label(painter, layout_label(text, box, pixel_size=SMALL_PIXEL_SIZE + 2, bold=bold, align=align),
               qcolor(color))
