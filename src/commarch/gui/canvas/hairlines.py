"""One item drawing every relation of a zoomed-out scene as hairlines: one cached path per relation look."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from commarch.gcpause import gc_paused
from commarch.render.canvas_support import hairline_key, paint_relation_hairlines

from .items import HAIRLINE_LOD
from .overlay import RelationOverlay

if TYPE_CHECKING:
    from .items import CanvasContext, RelationItem



class RelationHairlines(RelationOverlay):
    """While the scene is zoomed out (ctx.far), the relation items have no contents of their own and
    this item draws them all. A fitted frame of 3,000 elements otherwise makes 6,000 Python paint calls
    (~5 µs each), more than Qt needs for the whole rest of the frame.

    The paths are rebuilt lazily after any change of geometry, membership or kind; relations that must
    look different (selected, hovered, highlighted) still paint themselves on top. The item is not
    selectable and has an empty shape: hit-testing, tooltips and selection find the relation items.
    """

    def __init__(self, relations: Mapping[str, RelationItem], ctx: CanvasContext, rect: QRectF):
        super().__init__(rect)
        self._relations = relations  # the scene's own dict, by reference
        self.ctx = ctx
        self._paths: dict[tuple[str, str | None], QPainterPath] | None = None

    def invalidate(self, *rects: QRectF) -> None:
        """Rebuild the paths before the next paint; repaint `rects` (scene coordinates), or everything."""
        self._paths = None
        if rects:
            for rect in rects:
                self.update(rect)
        else:
            self.update()

    def paths(self) -> dict[tuple[str, str | None], QPainterPath]:
        """Centre-to-centre lines (bent like the relation items' chords), one path per hairline_key."""
        if self._paths is None:
            with gc_paused():  # the first time, thousands of chord paths: no garbage among them
                self._paths = self._build_paths()
        return self._paths

    def _build_paths(self) -> dict[tuple[str, str | None], QPainterPath]:
        paths: dict[tuple[str, str | None], QPainterPath] = {}
        for item in self._relations.values():
            if item.drawn:  # it paints itself, in a look a hairline underneath would spoil
                continue
            key = item.hairline_key
            if key is None:
                key = item.hairline_key = hairline_key(item.relation)
            path = paths.get(key)
            if path is None:
                path = paths[key] = QPainterPath()
            # the item's chord, added straight from its ends (no path object per relation)
            ax, ay, bx, by, cx, cy = item.ends()
            path.moveTo(ax, ay)
            if item.bend:
                path.quadTo(cx, cy, bx, by)
            else:
                path.lineTo(bx, by)
        return paths

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())  # type: ignore[attr-defined]
        if lod < HAIRLINE_LOD:
            paint_relation_hairlines(painter, self.paths(), self.ctx.theme)
            return
        # Zoomed in while the scene still thinks it is far out (a view that changed its transform
        # without telling the scene): draw the relations in the exposed area the normal way.
        exposed = option.exposedRect  # type: ignore[attr-defined]
        for item in self._relations.values():
            if not item.drawn and item.boundingRect().intersects(exposed):
                item.paint(painter, option, widget)
