"""Sending real mouse events to a view's viewport (synchronously, so tests need no waiting)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsView

_Mods = Qt.KeyboardModifier


def mouse(view: QGraphicsView, kind: QEvent.Type, pos: QPoint | QPointF,
          button: Qt.MouseButton = Qt.MouseButton.LeftButton, buttons: Qt.MouseButton | None = None,
          mods: Qt.KeyboardModifier = _Mods.NoModifier) -> None:
    point = QPointF(pos)
    if buttons is None:
        buttons = button if kind != QEvent.Type.MouseButtonRelease else Qt.MouseButton.NoButton
    if kind == QEvent.Type.MouseMove:
        button = Qt.MouseButton.NoButton
    event = QMouseEvent(kind, point, view.viewport().mapToGlobal(point), button, buttons, mods)
    QApplication.sendEvent(view.viewport(), event)


def drag(view: QGraphicsView, start: QPoint, end: QPoint, *, mods: Qt.KeyboardModifier = _Mods.NoModifier,
         button: Qt.MouseButton = Qt.MouseButton.LeftButton, steps: int = 8) -> None:
    mouse(view, QEvent.Type.MouseButtonPress, start, button, mods=mods)
    for i in range(1, steps + 1):
        pos = QPointF(start.x() + (end.x() - start.x()) * i / steps, start.y() + (end.y() - start.y()) * i / steps)
        mouse(view, QEvent.Type.MouseMove, pos, button, buttons=button, mods=mods)
    mouse(view, QEvent.Type.MouseButtonRelease, end, button, mods=mods)


def click(view: QGraphicsView, pos: QPoint, mods: Qt.KeyboardModifier = _Mods.NoModifier) -> None:
    mouse(view, QEvent.Type.MouseButtonPress, pos, mods=mods)
    mouse(view, QEvent.Type.MouseButtonRelease, pos, mods=mods)


def on_screen(view: QGraphicsView, item: object) -> QPoint:
    """The viewport point at the centre of `item` (an ElementItem)."""
    return view.mapFromScene(item.scene_rect().center())  # type: ignore[attr-defined]
