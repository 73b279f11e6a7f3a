"""The scene's level of detail: one item draws the plain relations, as hairlines far out (hairlines.py) or
through a pixmap cache at readable zooms in a view (layer.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem

from commarch.render.style import MIN_READABLE_LOD

from .hairlines import RelationHairlines
from .items import HAIRLINE_LOD
from .layer import RelationLayer

if TYPE_CHECKING:
    from .scene import CanvasScene

    _Base = CanvasScene
else:
    _Base = object

_Cache = QGraphicsItem.CacheMode


def _relation_id(item: Any) -> str | None:
    return getattr(item, "relation_id", None)


class SceneDetail(_Base):
    """Mixed into CanvasScene (before QGraphicsScene, so render() here wins)."""

    _selected_far: set[str]
    _in_view = False  # a view told us its zoom: at readable zooms the relation layer pays off

    def set_view_scale(self, scale: float) -> None:
        """Cache element pixmaps only where labels are drawn: zoomed out, plain painting is cheaper.
        Below HAIRLINE_LOD one item draws all plain relations (see hairlines.py), above it the layer."""
        self._in_view = True
        cached = scale >= MIN_READABLE_LOD
        if cached != self.ctx.cached:
            self.ctx.cached = cached
            mode = _Cache.DeviceCoordinateCache if cached else _Cache.NoCache
            for item in self._elements.values():
                item.setCacheMode(mode)
        self._set_far(scale < HAIRLINE_LOD)

    def preset_view_scale(self, scale: float) -> None:
        """Before the items exist: the level of detail set_view_scale(scale) will find already set."""
        self._in_view = True
        self.ctx.cached = scale >= MIN_READABLE_LOD
        self.ctx.far = scale < HAIRLINE_LOD
        self.ctx.layered = not self.ctx.far

    def _set_far(self, far: bool) -> None:
        ctx = self.ctx
        layered = not far and self._in_view
        if far == ctx.far and layered == ctx.layered:
            return
        old = ctx.shared
        ctx.hairlines = ctx.layer = None
        if old is not None:
            self.removeItem(old)  # type: ignore[arg-type]
        ctx.far, ctx.layered = far, layered
        if far:
            self._add_hairlines()
        elif layered:
            self._add_layer()
        if far or layered:
            self._selected_far = {i for i in map(_relation_id, self.selectedItems()) if i}
        else:
            self._selected_far = set()
        for item in self._relations.values():
            item.sync_drawn()

    def _add_hairlines(self) -> None:
        hairlines = RelationHairlines(self._relations, self.ctx, self.sceneRect())
        self.addItem(hairlines)
        self.ctx.hairlines = hairlines

    def _add_layer(self) -> None:
        layer = RelationLayer(self.ctx, self.sceneRect())
        self.addItem(layer)
        self.ctx.layer = layer

    def _sync_selection(self) -> None:
        """Zoomed out, a relation paints itself while selected (Qt has no per-item hook we could use
        without a Python itemChange on every item, which would slow building the scene)."""
        if not (self.ctx.far or self.ctx.layered):
            return
        now = {i for i in map(_relation_id, self.selectedItems()) if i}
        for relation_id in now ^ self._selected_far:
            item = self._relations.get(relation_id)
            if item is not None:
                item.sync_drawn()
        self._selected_far = now

    def render(self, painter: QPainter, target: QRectF = QRectF(), source: QRectF = QRectF(),  # noqa: B008
               aspectRatioMode: Qt.AspectRatioMode = Qt.AspectRatioMode.KeepAspectRatio) -> None:  # noqa: N803
        """QGraphicsScene.render at the level of detail of this rendering (like a view at that zoom)."""
        source_rect = QRectF(source) if not source.isNull() else self.sceneRect()
        target_rect = QRectF(target)
        if target_rect.isNull():
            device = painter.device()
            target_rect = QRectF(0, 0, device.width(), device.height()) if device is not None else QRectF()
        previous = self.ctx.far
        if not source_rect.isEmpty() and not target_rect.isEmpty():
            sx, sy = target_rect.width() / source_rect.width(), target_rect.height() / source_rect.height()
            if aspectRatioMode == Qt.AspectRatioMode.KeepAspectRatio:
                sx = sy = min(sx, sy)
            elif aspectRatioMode == Qt.AspectRatioMode.KeepAspectRatioByExpanding:
                sx = sy = max(sx, sy)
            lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(
                QTransform.fromScale(sx, sy) * painter.worldTransform())
            self._set_far(lod < HAIRLINE_LOD)
        layer = self.ctx.layer
        if layer is not None:  # no view here: the relations are painted straight onto the painter
            layer.buffered = False
        try:
            QGraphicsScene.render(self, painter, target, source, aspectRatioMode)  # type: ignore[arg-type]
        finally:
            if layer is not None:
                layer.buffered = True
            if self.views():  # a view keeps the level it set; without one, keep this for the next render
                self._set_far(previous)
