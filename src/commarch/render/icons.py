"""Kind icons: the SVGs in resources/icons, recoloured per theme and drawn through QSvgRenderer."""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtSvg import QSvgRenderer

from commarch.resources import resource_path


@lru_cache(maxsize=1)
def icon_dir() -> Path | None:
    """The folder holding `<kind>.svg`, or None when the icons are not installed."""
    folder = resource_path("icons")
    return folder if folder is not None and (folder / "stakeholder.svg").is_file() else None


@lru_cache(maxsize=256)
def _renderer(kind: str, color: str, thread: int) -> QSvgRenderer | None:
    # one renderer per thread: a QSvgRenderer is a QObject and must not be shared between the UI
    # thread and a report written in a worker thread
    folder = icon_dir()
    if folder is None:
        return None
    try:
        text = (folder / f"{kind}.svg").read_text(encoding="utf-8")
    except OSError:
        return None
    # the icons are drawn in `currentColor`, which QSvgRenderer has no context for: substitute the colour
    renderer = QSvgRenderer(QByteArray(text.replace("currentColor", color).encode("utf-8")))
    return renderer if renderer.isValid() else None


def draw_icon(painter: QPainter, kind: str, rect: QRectF, color: str) -> None:
    """Draw the icon of `kind` into `rect` in `color`; a small ring when the SVG is unavailable."""
    renderer = _renderer(kind, color, threading.get_ident())
    if renderer is not None:
        renderer.render(painter, rect)
        return
    painter.save()
    painter.setPen(QPen(QColor(color), 1.6))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(rect.adjusted(3, 3, -3, -3))
    painter.restore()
