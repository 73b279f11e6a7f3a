"""The canvas background grid: one pixel wide at every zoom, drawn as device-pixel rects in one call.

Qt only (no model): the window's shell paints it before the model layers are imported (gui/shell.py)."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

MIN_GRID_PIXELS = 8.0  # grid lines closer than this on screen are hidden
# Room to scroll past the outermost elements, and all of an empty canvas's scene rect.
SCENE_MARGIN = 1500.0


def draw_grid(painter: QPainter, rect: QRectF, step: float, color: QColor) -> None:
    """Grid lines every `step` scene units across `rect` (scene coordinates)."""
    left, top = math.floor(rect.left() / step) * step, math.floor(rect.top() / step) * step
    xs, ys = _steps(left, rect.right(), step), _steps(top, rect.bottom(), step)
    painter.save()
    transform = painter.worldTransform()
    if not transform.isRotating():
        # one pixel wide at every zoom: 1-pixel rects in device pixels fill ~4x faster than Qt
        # draws the same cosmetic lines (1.1 ms for a 1080p viewport, on every full repaint)
        sx, sy, dx, dy = transform.m11(), transform.m22(), transform.dx(), transform.dy()
        area = transform.mapRect(rect).toAlignedRect()
        left_px, top_px, width, height = area.left(), area.top(), area.width(), area.height()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRects([QRect(round(x * sx + dx), top_px, 1, height) for x in xs]
                          + [QRect(left_px, round(y * sy + dy), width, 1) for y in ys])
    else:
        pen = QPen(color, 1.0)
        pen.setCosmetic(True)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(pen)
        painter.drawLines([QLineF(x, rect.top(), x, rect.bottom()) for x in xs]
                          + [QLineF(rect.left(), y, rect.right(), y) for y in ys])
    painter.restore()


def _steps(start: float, stop: float, step: float) -> list[float]:
    count = int((stop - start) / step) + 1
    return [start + i * step for i in range(max(0, count))]
