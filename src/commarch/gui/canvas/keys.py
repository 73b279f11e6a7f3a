"""The canvas keyboard: zoom keys, nudging, Tab navigation, delete, rename, select all, keyboard connect.

Arrow keys move the selection by NUDGE_STEP scene units (one grid step while snapping), Shift+arrow by
one unit. Tab / Shift+Tab select the next / previous element in reading order (rows top to bottom, left
to right). While a keyboard connection is running, Tab / Shift+Tab pick the target, Enter connects and
Esc cancels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

if TYPE_CHECKING:
    from .view import CanvasView

NUDGE_STEP = 10.0
FINE_STEP = 1.0
_K = Qt.Key
_ARROWS = {_K.Key_Left: (-1, 0), _K.Key_Right: (1, 0), _K.Key_Up: (0, -1), _K.Key_Down: (0, 1)}


def handle_key(view: CanvasView, event: QKeyEvent) -> bool:
    """Act on a key pressed in the canvas; False when the key is not ours (let Qt handle it)."""
    key = event.key()
    mods = event.modifiers()
    ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
    shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
    scene = view.canvas_scene
    tool = view.connect_tool
    if tool is not None and tool.keyboard:
        if key in (_K.Key_Tab, _K.Key_Backtab):
            current = tool.step(forward=key == _K.Key_Tab and not shift)
            if current is not None:
                view.ensureVisible(current, 40, 40)
            return True
        if key in (_K.Key_Return, _K.Key_Enter):
            view.finish_connect()
            return True
        if key == _K.Key_Escape:
            view.cancel_connect()
            return True
    if ctrl and key in (_K.Key_Plus, _K.Key_Equal):
        view.zoom_in()
    elif ctrl and key == _K.Key_Minus:
        view.zoom_out()
    elif ctrl and key == _K.Key_0:
        view.zoom_reset()
    elif ctrl and key == _K.Key_A:
        scene.select_ids([*scene.reading_order(), *(r.relation_id for r in scene.relation_items())])
    elif key in _ARROWS and not ctrl:
        dx, dy = _ARROWS[key]  # type: ignore[index]
        step = FINE_STEP if shift else (scene.ctx.snap or NUDGE_STEP)
        if not scene.nudge_selection(dx * step, dy * step):
            return False  # nothing selected: let the arrows scroll
    elif key in (_K.Key_Tab, _K.Key_Backtab) and not ctrl:
        view.select_next(forward=key == _K.Key_Tab and not shift)
    elif key in (_K.Key_Delete, _K.Key_Backspace):
        scene.request_delete()
    elif key == _K.Key_F2:
        view.edit_label()
    elif key == _K.Key_Escape:
        if tool is not None:
            view.cancel_connect()
        else:
            scene.clearSelection()
    else:
        return False
    return True
