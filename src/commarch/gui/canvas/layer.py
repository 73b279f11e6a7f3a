"""One buffered item painting every plain relation at a readable zoom, so a pan or repaint blits a pixmap."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap, QRegion, QTransform
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from .layer_lines import paint_relations
from .overlay import RelationOverlay

if TYPE_CHECKING:
    from .items import CanvasContext

_SOURCE = QPainter.CompositionMode.CompositionMode_Source
_OVER = QPainter.CompositionMode.CompositionMode_SourceOver
_CLEAR = Qt.GlobalColor.transparent


class RelationLayer(RelationOverlay):
    """While a view shows the scene at a readable zoom (ctx.layered), the plain relation items have no
    contents and this item paints them into a viewport-sized pixmap (layer_lines.py: a straight line
    cut to the area painted, the rest with the item's own paint()).

    Antialiased dashed strokes cost 0.3-2.5 ms per relation in Qt's raster engine, so a full repaint at
    1:1 (3,000 elements: ~130 relations on a 1080p screen) took ~35 ms, 7x the bare scene. Buffered, a
    repaint blits the pixmap; a pan moves its origin (a ring, see _ring) and paints the strip that came into view;
    `invalidate` repaints only what changed. (Qt's DeviceCoordinateCache does the same but allocates a
    new pixmap for every scroll step: slower, and the freed 8 MB blocks stay in the heap.) Relations
    that look different (selected, hovered, highlighted, dragged along) paint themselves on top.
    Not selectable, empty shape: hit-testing, tooltips and selection find the relation items.
    """

    def __init__(self, ctx: CanvasContext, rect: QRectF):
        super().__init__(rect)
        self.ctx = ctx
        self.buffered = True  # False: paint the relations straight onto the painter (scene.render)
        self._buffer: QPixmap | None = None
        self._widget: QWidget | None = None  # the viewport the buffer mirrors
        self._transform = QTransform()  # scene to viewport when the buffer was painted
        self._dirty = QRegion()  # viewport coordinates
        self._fresh = False  # the buffer was just made (transparent): a full repaint need not clear it
        self._size = QSize()  # the viewport's, in logical pixels, when the buffer was made
        self._origin = (0, 0)  # where viewport pixel (0, 0) lives in the buffer (see _ring)
        self._pending: list[QRectF] = []  # scene coordinates, mapped at the next paint

    def invalidate(self, *rects: QRectF) -> None:
        """Repaint `rects` (scene coordinates; the item sits at the origin), or everything."""
        if rects:
            for rect in rects:
                self._pending.append(QRectF(rect))
                self.update(rect)
        else:
            self._buffer = None
            self.update()

    # painting ---------------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        exposed = option.exposedRect  # type: ignore[attr-defined]
        transform = painter.worldTransform()
        if not self.buffered or widget is None or transform.isRotating():
            self._paint_relations(painter, option, widget, exposed)
            return
        buffer = self._sync_buffer(widget, transform)
        self._pending.clear()
        if not self._dirty.isEmpty():
            self._repaint_dirty(buffer, painter, option, widget, transform)
        target = transform.mapRect(exposed).toAlignedRect().intersected(QRect(QPointF(0, 0).toPoint(),
                                                                               widget.size()))
        painter.save()
        painter.resetTransform()
        dpr = buffer.devicePixelRatio()
        for part, at in self._ring(target):
            painter.drawPixmap(QRectF(part), buffer,
                               QRectF(at.x() * dpr, at.y() * dpr, part.width() * dpr, part.height() * dpr))
        painter.restore()

    def _ring(self, rect: QRect) -> list[tuple[QRect, QPoint]]:
        """The parts of a viewport rect and where each lies in the buffer (top-left, logical pixels).

        The buffer is a ring: viewport pixel (x, y) lives at ((x + ox) mod width, (y + oy) mod height), so
        a pan moves the origin instead of 8 MB of pixels (QPixmap.scroll took ~0.5 ms per step at 1080p)."""
        width, height = self._size.width(), self._size.height()
        ox, oy = self._origin
        parts = []
        for x, w, bx in _wrap(rect.x(), rect.width(), ox, width):
            for y, h, by in _wrap(rect.y(), rect.height(), oy, height):
                parts.append((QRect(x, y, w, h), QPoint(bx, by)))
        return parts

    def _sync_buffer(self, widget: QWidget, transform: QTransform) -> QPixmap:
        """The buffer for this viewport and transform: scrolled along with a pan, anew after anything else."""
        dpr = widget.devicePixelRatioF()
        size = widget.size() * dpr
        buffer, old = self._buffer, self._transform
        same_scale = (old.m11(), old.m12(), old.m21(), old.m22()) == (transform.m11(), transform.m12(),
                                                                      transform.m21(), transform.m22())
        dx, dy = transform.dx() - old.dx(), transform.dy() - old.dy()
        # only whole device pixels can be scrolled without resampling
        whole = abs(dx * dpr - round(dx * dpr)) < 1e-6 and abs(dy * dpr - round(dy * dpr)) < 1e-6
        full = QRect(0, 0, widget.width(), widget.height())
        if (buffer is None or widget is not self._widget or buffer.size() != size or not same_scale
                or not whole or abs(dx) >= full.width() or abs(dy) >= full.height()):
            buffer = self._buffer = QPixmap(size)
            buffer.setDevicePixelRatio(dpr)
            buffer.fill(_CLEAR)
            self._fresh = True
            self._widget = widget
            self._size = full.size()
            self._origin = (0, 0)
            self._dirty = QRegion(full)
        elif dx or dy:
            ix, iy = round(dx), round(dy)
            # what showed at x - ix now shows at x: the ring's origin moves, no pixel does
            self._origin = ((self._origin[0] - ix) % full.width(), (self._origin[1] - iy) % full.height())
            self._dirty = self._dirty.translated(ix, iy) + (QRegion(full) - QRegion(full.translated(ix, iy)))
            self._dirty &= QRegion(full)
        self._transform = QTransform(transform)
        for rect in self._pending:
            self._dirty += transform.mapRect(rect).toAlignedRect().adjusted(-2, -2, 2, 2).intersected(full)
        return buffer

    def _repaint_dirty(self, buffer: QPixmap, painter: QPainter, option: QStyleOptionGraphicsItem,
                       widget: QWidget, transform: QTransform) -> None:
        inverse, _ = transform.inverted()
        dpr = buffer.devicePixelRatio()
        into = QPainter(buffer)
        into.setCompositionMode(_SOURCE)  # replaces what was there, transparent pixels included
        whole = QRect(0, 0, widget.width(), widget.height())
        for rect in self._dirty:
            if rect == whole:  # everything: straight into the buffer, no piece, no 8 MB copy
                if not self._fresh:  # an invalidation covering the view: what was there goes first
                    into.fillRect(rect, _CLEAR)
                self._origin = (0, 0)  # all of it is painted anew: the ring starts over
                into.setCompositionMode(_OVER)
                into.setRenderHints(painter.renderHints())
                into.setWorldTransform(transform)
                self._paint_relations(into, option, widget, inverse.mapRect(QRectF(rect)))
                into.resetTransform()
                into.setCompositionMode(_SOURCE)
                continue
            # Each piece is painted into a pixmap of its own size, as Qt's item cache does: Qt's dasher
            # skips only dashes outside the paint device, so a 40-pixel strip of a long dashed relation
            # costs 0.03 ms this way and 1-2 ms painted into the whole buffer under a clip.
            piece = QPixmap(rect.size() * dpr)
            piece.setDevicePixelRatio(dpr)
            piece.fill(_CLEAR)
            on_piece = QPainter(piece)
            on_piece.setRenderHints(painter.renderHints())
            on_piece.setWorldTransform(transform * QTransform.fromTranslate(-rect.x(), -rect.y()))
            self._paint_relations(on_piece, option, widget, inverse.mapRect(QRectF(rect)))
            on_piece.end()
            for part, at in self._ring(rect):
                into.drawPixmap(QRectF(QPointF(at), part.size().toSizeF()), piece,
                                QRectF((part.x() - rect.x()) * dpr, (part.y() - rect.y()) * dpr,
                                       part.width() * dpr, part.height() * dpr))
        into.end()
        self._dirty = QRegion()
        self._fresh = False

    def _paint_relations(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None,
                         area: QRectF) -> None:
        scene = self.scene()
        if scene is None:
            return
        paint_relations(painter, scene, option, widget, area, self.ctx.theme)


def _wrap(start: int, length: int, origin: int, size: int) -> list[tuple[int, int, int]]:
    """A viewport span (start, length) in a ring of `size` with `origin`: one or two (start, length,
    buffer start) parts."""
    at = (start + origin) % size
    first = min(length, size - at)
    parts = [(start, first, at)]
    if first < length:
        parts.append((start + first, length - first, 0))
    return parts
