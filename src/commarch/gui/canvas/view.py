"""CanvasView: zoom (Ctrl+wheel, pinch, keys), pan (wheel, middle-drag, Space+drag), grid, selection gestures.

Like draw.io, the plain wheel scrolls (Shift+wheel sideways) and Ctrl+wheel zooms around the cursor.
Ctrl++ / Ctrl+- / Ctrl+0 zoom in, out and to 100 %. Pan by dragging with the middle button, or with
the left button while holding Space. Drag on empty canvas for a rubber band; Ctrl- or Shift-click adds
to or removes from the selection. Alt-drag (or any drag in connect mode) from one element to another
asks to connect them. F2 or a double-click renames in place. See keys.py for the keyboard.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QCursor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPixmapCache,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QGestureEvent, QGraphicsScene, QGraphicsView, QPinchGesture, QWidget

from commarch.model import ELEMENT_KINDS
from commarch.render.grid import MIN_GRID_PIXELS, draw_grid
from commarch.render.painter import qcolor

from .connect import ConnectTool
from .editor import InlineEditor
from .items import ElementItem
from .keys import handle_key
from .scene import CanvasScene

KIND_MIME = "application/x-commarch-kind"
MIN_ZOOM, MAX_ZOOM = 0.05, 8.0
ZOOM_STEP = 1.25
FIT_MAX_ZOOM = 1.5  # fitting a tiny model should not blow it up to poster size
# Element pixmaps (DeviceCoordinateCache) at 100 % take ~60 KB each; a 4K view shows ~250 elements, more
# than Qt's default 10 MB pixmap cache holds: each repaint would then evict and redraw them all
PIXMAP_CACHE_KB = 32 * 1024
_Mods = Qt.KeyboardModifier


class CanvasView(QGraphicsView):
    """The canvas widget. Intents are emitted by `canvas_scene` (see CanvasScene); zoom_changed(float) here."""

    zoom_changed = Signal(float)

    def __init__(self, scene: CanvasScene, parent: QWidget | None = None):
        super().__init__(scene, parent)
        self.canvas_scene = scene
        self.grid_visible = True
        self.grid_size = 20.0
        self.snap_enabled = False
        self.connect_mode = False
        self.connect_tool: ConnectTool | None = None
        self.editor: InlineEditor | None = None
        self._pan_from: QPoint | None = None
        self._space = False
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        # every item saves and restores the painter itself (render/ does), so Qt need not do it again
        self.setOptimizationFlags(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.setMouseTracking(True)
        if QPixmapCache.cacheLimit() < PIXMAP_CACHE_KB:
            QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)
        scene.set_view_scale(self.zoom())  # the C++ constructor does not call our setScene

    def setScene(self, scene: QGraphicsScene | None) -> None:  # type: ignore[override]  # noqa: N802
        """Show another scene, telling it the zoom it is shown at (its level of detail depends on it)."""
        super().setScene(scene)
        if isinstance(scene, CanvasScene):
            scene.set_view_scale(self.zoom())

    # zoom ----------------------------------------------------------------------------------
    def zoom(self) -> float:
        """The current scale (1.0 = 100 %)."""
        return self.transform().m11()

    def set_zoom(self, zoom: float, *, at_cursor: bool = False) -> None:
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        current = self.zoom()
        if math.isclose(zoom, current, rel_tol=1e-9):
            return
        anchor = self.transformationAnchor()
        if not at_cursor:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.scale(zoom / current, zoom / current)
        self.setTransformationAnchor(anchor)
        self._zoomed()

    def _zoomed(self) -> None:
        zoom = self.zoom()
        self.canvas_scene.set_view_scale(zoom)
        if self.editor is not None:
            self.editor.finish(self.editor.text())
        self.zoom_changed.emit(zoom)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    def _fit(self, rect: QRectF, max_zoom: float) -> None:
        if rect.isEmpty():
            return
        self.fitInView(rect.adjusted(-30, -30, 30, 30), Qt.AspectRatioMode.KeepAspectRatio)
        zoom = max(MIN_ZOOM, min(max_zoom, MAX_ZOOM, self.zoom()))
        if zoom != self.zoom():
            self.setTransform(QTransform.fromScale(zoom, zoom))
        self.centerOn(rect.center())
        self._zoomed()

    def _bounds(self, element_ids: list[str]) -> QRectF:
        rect = QRectF()
        for element_id in element_ids:
            item = self.canvas_scene.element_item(element_id)
            if item is not None:
                rect = rect.united(item.scene_rect())
        return rect

    def fit_to_view(self) -> None:
        """Show every element (zooming in no further than 150 %)."""
        self._fit(self._bounds([i.element_id for i in self.canvas_scene.element_items()]), FIT_MAX_ZOOM)

    def zoom_to_selection(self) -> None:
        scene = self.canvas_scene
        ids = scene.selected_element_ids()
        for relation_id in scene.selected_relation_ids():
            item = scene.relation_item(relation_id)
            if item is not None:
                ids += [item.source.element_id, item.target.element_id]
        self._fit(self._bounds(ids), 2.0)

    def center_on_ids(self, ids: list[str]) -> None:
        """Bring these elements (or relations' endpoints) into view, zooming out only if they do not fit."""
        scene = self.canvas_scene
        element_ids = []
        for item_id in ids:
            relation = scene.relation_item(item_id)
            if relation is not None:
                element_ids += [relation.source.element_id, relation.target.element_id]
            else:
                element_ids.append(item_id)
        rect = self._bounds(element_ids)
        if rect.isEmpty():
            return
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if rect.width() + 60 > visible.width() or rect.height() + 60 > visible.height():
            self._fit(rect, self.zoom())
        else:
            self.centerOn(rect.center())

    # grid, snap, theme, modes ---------------------------------------------------------------
    def set_grid(self, visible: bool, size: float | None = None) -> None:
        self.grid_visible = visible
        if size is not None and size > 0:
            self.grid_size = float(size)
        self.canvas_scene.set_snap(self.grid_size if self.snap_enabled else 0)
        self.viewport().update()

    def set_snap(self, enabled: bool) -> None:
        """Snap dragged and nudged elements to the grid (arrow keys then move one grid step)."""
        self.snap_enabled = enabled
        self.canvas_scene.set_snap(self.grid_size if enabled else 0)

    def set_theme(self, theme: str) -> None:
        self.canvas_scene.set_theme(theme)
        self.viewport().update()

    def set_connect_mode(self, on: bool) -> None:
        """In connect mode a left-drag from an element draws a connection instead of moving it."""
        self.connect_mode = on
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)

    def scene_pos_under_cursor(self) -> QPointF:
        """Where the mouse is, in scene coordinates; the view's centre when the mouse is elsewhere."""
        local = self.viewport().mapFromGlobal(QCursor.pos())
        if not self.viewport().rect().contains(local):
            local = self.viewport().rect().center()
        return self.mapToScene(local)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 (Qt override)
        theme = self.canvas_scene.ctx.theme
        painter.fillRect(rect, qcolor(theme.background))
        if self.grid_visible and self.grid_size * self.zoom() >= MIN_GRID_PIXELS:
            draw_grid(painter, rect, self.grid_size, qcolor(theme.grid))

    # selection and editing ------------------------------------------------------------------
    def select_next(self, forward: bool = True) -> str | None:
        """Select the next (previous) element in reading order and bring it into view."""
        scene = self.canvas_scene
        order = scene.reading_order()
        if not order:
            return None
        selected = set(scene.selected_element_ids())
        positions = [i for i, e in enumerate(order) if e in selected]
        if not positions:
            index = 0 if forward else len(order) - 1
        else:
            index = (positions[-1] + 1) % len(order) if forward else (positions[0] - 1) % len(order)
        element_id = order[index]
        scene.select_ids([element_id])
        item = scene.element_item(element_id)
        if item is not None:
            self.ensureVisible(item, 40, 40)
        return element_id

    def edit_label(self, element_id: str | None = None) -> bool:
        """Open the in-place editor on `element_id` (default: the single selected element)."""
        scene = self.canvas_scene
        if element_id is None:
            selected = scene.selected_element_ids()
            if len(selected) != 1:
                return False
            element_id = selected[0]
        item = scene.element_item(element_id)
        if item is None:
            return False
        if self.editor is not None:
            self.editor.finish(self.editor.text())
        self.ensureVisible(item, 20, 20)
        label = item.element.label

        def done(text: str | None) -> None:
            self.editor = None
            self.setFocus()
            new = (text or "").strip()
            if text is not None and new and new != label and scene.element_item(element_id) is not None:
                scene.rename_requested.emit(element_id, new)

        editor = InlineEditor(self.viewport(), label, self.zoom(), done)
        box = self.mapFromScene(item.scene_rect()).boundingRect()
        height = max(editor.sizeHint().height(), 24)
        width = max(box.width(), 160)
        editor.setGeometry(box.center().x() - width // 2, box.center().y() - height // 2, width, height)
        self.editor = editor
        editor.show()
        editor.setFocus()
        return True

    # connecting -----------------------------------------------------------------------------
    def start_keyboard_connect(self) -> bool:
        """Use the selected element as the source; Tab picks a target, Enter connects, Esc cancels."""
        selected = self.canvas_scene.selected_element_ids()
        item = self.canvas_scene.element_item(selected[0]) if len(selected) == 1 else None
        if item is None:
            return False
        self.cancel_connect()
        self.connect_tool = ConnectTool(self.canvas_scene, item, keyboard=True)
        self.setFocus()
        return True

    def finish_connect(self, scene_pos: QPointF | None = None) -> None:
        tool, self.connect_tool = self.connect_tool, None
        if tool is not None:
            tool.finish(scene_pos)

    def cancel_connect(self) -> None:
        tool, self.connect_tool = self.connect_tool, None
        if tool is not None:
            tool.cancel()

    # events ---------------------------------------------------------------------------------
    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt override)
        return False  # Tab belongs to the canvas (select the next element), see keys.py

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self.editor is None:
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if not handle_key(self, event):
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.set_connect_mode(self.connect_mode)  # restores the cursor
            return
        super().keyReleaseEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & _Mods.ControlModifier:
            delta = event.angleDelta().y() or event.pixelDelta().y()
            self.set_zoom(self.zoom() * math.pow(1.0015, delta), at_cursor=True)
            event.accept()
        else:
            super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Gesture and isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                self.set_zoom(self.zoom() * pinch.scaleFactor(), at_cursor=True)
                event.accept()
                return True
        if event.type() == QEvent.Type.NativeGesture and isinstance(event, QNativeGestureEvent):
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:  # macOS trackpads
                self.set_zoom(self.zoom() * (1 + event.value()), at_cursor=True)
                return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (button == Qt.MouseButton.LeftButton and self._space):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if button == Qt.MouseButton.LeftButton and (self.connect_mode or event.modifiers() & _Mods.AltModifier):
            item = self.itemAt(event.position().toPoint())
            if isinstance(item, ElementItem):
                self.cancel_connect()
                self.connect_tool = ConnectTool(self.canvas_scene, item)
                event.accept()
                return
        super().mousePressEvent(_shift_as_ctrl(event))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_from is not None:
            delta = event.position().toPoint() - self._pan_from
            self._pan_from = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        if self.connect_tool is not None and not self.connect_tool.keyboard:
            self.connect_tool.move(self.mapToScene(event.position().toPoint()))
            event.accept()
            return
        super().mouseMoveEvent(_shift_as_ctrl(event))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan_from is not None:
            self._pan_from = None
            self.set_connect_mode(self.connect_mode)
            if self._space:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        if self.connect_tool is not None and not self.connect_tool.keyboard:
            self.finish_connect(self.mapToScene(event.position().toPoint()))
            event.accept()
            return
        super().mouseReleaseEvent(_shift_as_ctrl(event))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, ElementItem) and event.button() == Qt.MouseButton.LeftButton:
            self.canvas_scene.select_ids([item.element_id])
            self.edit_label(item.element_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(KIND_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(KIND_MIME):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if not event.mimeData().hasFormat(KIND_MIME):
            super().dropEvent(event)
            return
        kind = bytes(event.mimeData().data(KIND_MIME).data()).decode("utf-8", "replace").strip()
        if kind in ELEMENT_KINDS:
            event.acceptProposedAction()
            self.canvas_scene.add_requested.emit(kind, self.mapToScene(event.position().toPoint()))
        else:
            event.ignore()


def _shift_as_ctrl(event: QMouseEvent) -> QMouseEvent:
    """Shift-click toggles like Ctrl-click (Qt's items only know Ctrl); press, move and release alike."""
    mods = event.modifiers()
    if not mods & _Mods.ShiftModifier:
        return event
    mods = (mods & ~_Mods.ShiftModifier) | _Mods.ControlModifier
    return QMouseEvent(event.type(), event.position(), event.scenePosition(), event.globalPosition(),
                       event.button(), event.buttons(), mods)

