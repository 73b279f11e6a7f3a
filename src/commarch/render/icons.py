"""Kind icons: the SVGs in resources/icons, recoloured per theme and drawn through QSvgRenderer."""

from __future__ import annotations

import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtSvg import QSvgRenderer


def _candidate_dirs() -> list[Path]:
    dirs: list[Path] = []
    try:  # an installed package ships them as package data
        dirs.append(Path(str(resources.files("commarch") / "resources" / "icons")))
    except (ModuleNotFoundError, TypeError):
        pass
    # a source checkout: <repo>/src/commarch/render/icons.py -> <repo>/resources/icons
    dirs.append(Path(__file__).resolve().parents[3] / "resources" / "icons")
    return dirs


@lru_cache(maxsize=1)
def icon_dir() -> Path | None:
    """The folder holding `<kind>.svg`, or None when the icons are not installed."""
    for folder in _candidate_dirs():
        if (folder / "stakeholder.svg").is_file():
            return folder
    return None


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
