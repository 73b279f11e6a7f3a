"""Minimap: an overview of the whole canvas with the visible rectangle; click or drag it to pan."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QPixmap, QResizeEvent, QTransform
from PySide6.QtWidgets import QSizePolicy, QWidget

from commarch.render.canvas_support import paint_overview, paint_viewport_frame
from commarch.render.painter import qcolor

from .view import CanvasView

REFRESH_MS = 300
PADDING = 6.0


class Minimap(QWidget):
    """Shows every element as a small box in its kind colour. The overview is painted into a cached
    pixmap, refreshed at most every REFRESH_MS after the scene changes; scrolling and zooming only
    move the frame drawn on top of it."""

    def __init__(self, view: CanvasView, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
        self._pixmap: QPixmap | None = None
        self._to_map = QTransform()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.setMinimumSize(120, 90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("<p>Overview: click or drag to move the view</p>"))
        view.canvas_scene.items_changed.connect(self.schedule_refresh)
        view.zoom_changed.connect(self.update)
        view.horizontalScrollBar().valueChanged.connect(self.update)
        view.verticalScrollBar().valueChanged.connect(self.update)
        self.schedule_refresh()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(220, 160)

    def schedule_refresh(self) -> None:
        if not self._timer.isActive():  # at most one repaint per interval, even during a stream of edits
            self._timer.start()

    def content_rect(self) -> QRectF:
        rect = QRectF()
        for item in self.view.canvas_scene.element_items():
            rect = rect.united(item.scene_rect())
        if rect.isEmpty():
            return QRectF(-200, -150, 400, 300)
        # never zoom in further than a workshop-sized area, so a lone element is not drawn as a huge block
        centre = rect.center()
        width, height = max(rect.width() + 80, 1200.0), max(rect.height() + 80, 800.0)
        return QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height)

    def refresh(self) -> None:
        """Repaint the cached overview now."""
        ratio = self.devicePixelRatioF()
        size = self.size()
        pixmap = QPixmap(max(1, int(size.width() * ratio)), max(1, int(size.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        theme = self.view.canvas_scene.ctx.theme
        pixmap.fill(qcolor(theme.panel))
        scene_rect = self.content_rect()
        avail = QRectF(PADDING, PADDING, size.width() - 2 * PADDING, size.height() - 2 * PADDING)
        scale = min(avail.width() / scene_rect.width(), avail.height() / scene_rect.height())
        dx = avail.left() + (avail.width() - scene_rect.width() * scale) / 2 - scene_rect.left() * scale
        dy = avail.top() + (avail.height() - scene_rect.height() * scale) / 2 - scene_rect.top() * scale
        self._to_map = QTransform(scale, 0, 0, scale, dx, dy)
        painter = QPainter(pixmap)
        painter.setTransform(self._to_map)
        items = self.view.canvas_scene.element_items()
        paint_overview(painter, ((it.element.kind, it.scene_rect(), it.element.color) for it in items), theme)
        painter.end()
        self._pixmap = pixmap
        self.update()

    def visible_rect(self) -> QRectF:
        """The part of the scene the view shows, in minimap coordinates."""
        view = self.view
        return self._to_map.mapRect(view.mapToScene(view.viewport().rect()).boundingRect())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if self._pixmap is None:
            self.refresh()
        painter = QPainter(self)
        if self._pixmap is not None:
            painter.drawPixmap(0, 0, self._pixmap)
        painter.setClipRect(self.rect())
        paint_viewport_frame(painter, self.visible_rect(), self.view.canvas_scene.ctx.theme)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.schedule_refresh()

    def pan_to(self, pos: QPointF) -> None:
        inverse, ok = self._to_map.inverted()
        if ok:
            self.view.centerOn(inverse.map(pos))
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.pan_to(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.pan_to(event.position())
