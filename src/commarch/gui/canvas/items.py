"""Canvas items: one ElementItem per element, one RelationItem per relation; they paint through render/."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from commarch.render import (
    element_bounds,
    element_rect,
    element_shape,
    paint_element,
    paint_relation,
    relation_hit_shape,
    relation_path,
)
from commarch.render.canvas_support import paint_connect_hint, paint_element_silhouette, paint_relation_preview
from commarch.render.painter import relation_caption
from commarch.render.style import MIN_READABLE_LOD, Theme, get_theme

if TYPE_CHECKING:
    from commarch.model import ElementBase, RelationBase

    from .hairlines import RelationHairlines
    from .layer import RelationLayer
    from .layer_lines import Line

ELEMENT_Z = 1.0
RELATION_Z = 0.0
HAIRLINE_LOD = 0.2  # below this scale elements are silhouettes and relations thin plain lines
CAPTION_HALF_WIDTH = 87.0  # render's relation caption box (150 + 12) / 2, rounded up
_Flag = QGraphicsItem.GraphicsItemFlag
_Cache = QGraphicsItem.CacheMode
# combined once: enum arithmetic costs a Python call each time
_ELEMENT_FLAGS = _Flag.ItemIsSelectable | _Flag.ItemIsMovable
_RELATION_FLAGS = _Flag.ItemIsSelectable
_FAR_RELATION_FLAGS = _Flag.ItemIsSelectable | _Flag.ItemHasNoContents  # drawn by the hairlines item
_NO_CONTENTS = _Flag.ItemHasNoContents
_DEVICE_CACHE = _Cache.DeviceCoordinateCache


class CanvasContext:
    """What every item needs to paint, shared by reference: changing it here changes it for all items."""

    def __init__(self, theme: str | Theme = "light", lang: str = "en"):
        self.theme: Theme = get_theme(theme)
        self.lang = lang
        self.badges: dict[str, str] = {}
        self.badges_visible = True
        self.snap = 0.0  # grid step while snapping is on, else 0
        self.dragging = False  # relations attached to a dragged selection paint a cheap preview
        self.cached = True  # DeviceCoordinateCache at readable zoom levels
        # Zoomed out below HAIRLINE_LOD: plain relations have no contents and `hairlines` draws them all
        self.far = False
        self.hairlines: RelationHairlines | None = None
        # Shown in a view at a readable zoom: plain relations have no contents either and `layer`, one
        # item with a device-coordinate cache, paints them (a pan or a repaint then blits one pixmap)
        self.layered = False
        self.layer: RelationLayer | None = None

    @property
    def shared(self) -> RelationHairlines | RelationLayer | None:
        """The item painting the relations that have no contents of their own (far out or layered)."""
        return self.hairlines if self.hairlines is not None else self.layer


# Outlines and bounds depend only on the kind (items are centred on their position): compute them once.
_RECTS: dict[str, QRectF] = {}
_BOUNDS: dict[str, QRectF] = {}
_SHAPES: dict[str, QPainterPath] = {}


def local_rect(kind: str) -> QRectF:
    rect = _RECTS.get(kind)
    if rect is None:
        rect = _RECTS[kind] = element_rect(kind, 0.0, 0.0)
        _BOUNDS[kind] = element_bounds(rect)
        _SHAPES[kind] = element_shape(kind, rect)
    return rect


class ElementItem(QGraphicsItem):
    """An element, centred on its position; selectable and movable. Paints with render.paint_element."""

    def __init__(self, element: ElementBase, ctx: CanvasContext):
        super().__init__()
        self.element = element
        self.element_id: str = element.id
        self.ctx = ctx
        self.relations: list[RelationItem] = []
        self.hovered = False
        self.connect_hint = ""  # "", "valid", "current": feedback while connecting
        self._rect = local_rect(element.kind)
        self.setPos(float(element.x), float(element.y))
        self.setFlags(_ELEMENT_FLAGS)
        self.setAcceptHoverEvents(True)
        self.setZValue(ELEMENT_Z)
        if ctx.cached:
            self.setCacheMode(_DEVICE_CACHE)

    # geometry ---------------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return _BOUNDS[self.element.kind]

    def shape(self) -> QPainterPath:
        return _SHAPES[self.element.kind]

    def rect(self) -> QRectF:
        """The element's outline box in item coordinates (centred on 0, 0)."""
        return self._rect

    def scene_rect(self) -> QRectF:
        return self._rect.translated(self.pos())

    def set_element(self, element: ElementBase) -> None:
        """Show a newer snapshot of the element (after a change event)."""
        if element.kind != self.element.kind:
            self.prepareGeometryChange()
            self._rect = local_rect(element.kind)
        self.element = element
        self.update()

    # painting ---------------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())  # type: ignore[attr-defined]
        ctx = self.ctx
        if lod < HAIRLINE_LOD:
            element = self.element
            paint_element_silhouette(painter, element.kind, self._rect, ctx.theme, element.color,
                                     selected=self.isSelected(), hovered=self.hovered)
            return
        badge = ctx.badges.get(self.element_id) if ctx.badges_visible else None
        paint_element(painter, self.element, self._rect, ctx.theme, selected=self.isSelected(),
                      hovered=self.hovered, lod=lod, badge=badge, lang=ctx.lang)
        if self.connect_hint:
            paint_connect_hint(painter, self.element.kind, self._rect, ctx.theme,
                               current=self.connect_hint == "current")

    # behaviour --------------------------------------------------------------------------------
    def move_to(self, x: float, y: float) -> None:
        """Put the centre at (x, y) and let the attached relations follow.

        The scene moves items only through here (and after Qt's own drag step), instead of overriding
        itemChange: a Python itemChange is called for every flag, scene and selection change of every
        item, which costs more at build time than all the rest of an element item.
        """
        self.setPos(x, y)
        self.relations_follow()

    def relations_follow(self) -> None:
        for relation in self.relations:
            relation.endpoint_moved()

    def hoverEnterEvent(self, event: Any) -> None:  # noqa: N802
        self._set_hover(True)

    def hoverLeaveEvent(self, event: Any) -> None:  # noqa: N802
        self._set_hover(False)

    def _set_hover(self, on: bool) -> None:
        self.hovered = on
        self.update()
        for relation in self.relations:
            relation.set_hovered(on)


def _has_caption(relation: RelationBase) -> bool:
    # only coordinates relations have a cadence: skip pydantic's slow miss path for the others
    if relation.label is None and relation.kind != "coordinates":
        return False
    return bool(relation_caption(relation))


class RelationItem(QGraphicsItem):
    """A relation between two ElementItems; selectable. The clipped path is computed lazily.

    Clipping a path to both outlines costs ~0.1 ms, too much for 6,000 relations at build time or
    while 50 elements are dragged, so the item only marks itself stale when an endpoint moves, keeps a
    cheap conservative bounding box (the hull of both centres and the bend point), and computes the
    path when it is painted at a readable size (below that the plain centre-to-centre chord is drawn:
    the element shapes cover its ends anyway). Far out (ctx.far) a plain relation has no contents and
    the scene's RelationHairlines item draws its chord; `drawn` says whether it paints itself.
    """

    def __init__(self, relation: RelationBase, source: ElementItem, target: ElementItem, ctx: CanvasContext,
                 bend: float = 0.0):
        super().__init__()
        self.relation = relation
        self.relation_id: str = relation.id
        self.source = source
        self.target = target
        self.ctx = ctx
        self.bend = bend
        self.hovered = False
        self.highlighted = False
        self._path: QPainterPath | None = None
        self._hit: QPainterPath | None = None
        self._chord: QPainterPath | None = None
        self._captioned = _has_caption(relation)
        self._bounds = self._cheap_bounds()
        self.preview = False
        self.hairline_key: tuple[str, str | None] | None = None  # set by the hairlines item when needed
        self.layer_line: Line | None = None  # set by the relation layer when needed (layer_lines.py)
        shared = ctx.far or ctx.layered
        self.drawn = not shared  # False: ItemHasNoContents, the hairlines or layer item draws this relation
        self.setFlags(_FAR_RELATION_FLAGS if shared else _RELATION_FLAGS)
        self.setZValue(RELATION_Z)
        source.relations.append(self)
        target.relations.append(self)

    def detach(self) -> None:
        """Forget the endpoints (before removal from the scene)."""
        for end in (self.source, self.target):
            if self in end.relations:
                end.relations.remove(self)

    # geometry ---------------------------------------------------------------------------------
    def ends(self) -> tuple[float, float, float, float, float, float]:
        """Source centre, target centre and the bend's control point, as plain floats (this runs for every
        relation at build time and for every attached relation on every drag step)."""
        a, b = self.source.pos(), self.target.pos()
        ax, ay, bx, by = a.x(), a.y(), b.x(), b.y()
        if not self.bend:
            return ax, ay, bx, by, (ax + bx) / 2, (ay + by) / 2
        dx, dy = bx - ax, by - ay
        length = (dx * dx + dy * dy) ** 0.5 or 1.0
        # the same control point as render.relation_path: the chord's midpoint moved 2·bend along its normal
        k = 2 * self.bend / length
        return ax, ay, bx, by, (ax + bx) / 2 + dy * k, (ay + by) / 2 - dx * k

    def _cheap_bounds(self) -> QRectF:
        ax, ay, bx, by, cx, cy = self.ends()
        left, right = min(ax, bx, cx), max(ax, bx, cx)
        top, bottom = min(ay, by, cy), max(ay, by, cy)
        mx = CAPTION_HALF_WIDTH if self._captioned else 12.0
        return QRectF(left - mx, top - 12.0, right - left + 2 * mx, bottom - top + 24.0)

    def meets(self, left: float, top: float, right: float, bottom: float) -> bool:
        """Whether its drawing may reach into this scene rectangle. Its bounding box is a poor guide for a
        long diagonal relation, and a paint call clipped away entirely still costs ~30 µs."""
        if self.bend:
            return self._bounds.intersects(QRectF(left, top, right - left, bottom - top))
        a, b = self.source.pos(), self.target.pos()
        m = CAPTION_HALF_WIDTH if self._captioned else 12.0  # arrowhead, pen and caption around the chord
        return _segment_meets(a.x(), a.y(), b.x(), b.y(), left - m, top - m, right + m, bottom + m)

    def endpoint_moved(self) -> None:
        self.prepareGeometryChange()
        self._path = self._hit = self._chord = None
        old, self._bounds = self._bounds, self._cheap_bounds()
        ctx = self.ctx
        self.preview = ctx.dragging
        shared = ctx.shared
        if shared is not None:
            if not self.drawn:  # an item without contents does not repaint where it was or is now
                shared.invalidate(old, self._bounds)
            if ctx.layered:  # while dragged it paints its cheap preview itself, over the layer's pixmap
                self.sync_drawn()

    def set_bend(self, bend: float) -> None:
        if bend != self.bend:
            self.bend = bend
            self.endpoint_moved()

    def set_relation(self, relation: RelationBase) -> None:
        self.relation = relation
        self.hairline_key = None  # the kind or role may have changed
        self._captioned = _has_caption(relation)
        self.endpoint_moved()  # a caption may have appeared or gone
        self.update()

    def path(self) -> QPainterPath:
        """The drawn path, clipped to both outlines (computed on demand, then cached)."""
        if self._path is None:
            src, dst = self.source, self.target
            self._path = relation_path(self.relation.kind, src.scene_rect(), dst.scene_rect(),
                                       src_kind=src.element.kind, dst_kind=dst.element.kind, bend=self.bend)
        return self._path

    def chord(self) -> QPainterPath:
        """Centre to centre, unclipped (cached like the path)."""
        if self._chord is not None:
            return self._chord
        ax, ay, bx, by, cx, cy = self.ends()
        path = QPainterPath(QPointF(ax, ay))
        if self.bend:
            path.quadTo(cx, cy, bx, by)
        else:
            path.lineTo(bx, by)
        self._chord = path
        return path

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._hit is None:
            self._hit = relation_hit_shape(self.path())
        return self._hit

    # painting ---------------------------------------------------------------------------------
    def set_hovered(self, on: bool) -> None:
        if on != self.hovered:
            self.hovered = on
            self.update()
            if self.ctx.far or self.ctx.layered:
                self.sync_drawn()

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()
            if self.ctx.far or self.ctx.layered:
                self.sync_drawn()

    def sync_drawn(self) -> None:
        """Paint itself (no shared item, or selected, hovered, highlighted or dragged along while layered)
        or leave it to the hairlines or layer item."""
        ctx = self.ctx
        drawn = (not (ctx.far or ctx.layered) or self.hovered or self.highlighted or self.isSelected()
                 or (ctx.layered and ctx.dragging and self.preview))
        if drawn == self.drawn:
            return
        self.drawn = drawn
        self.setFlag(_NO_CONTENTS, not drawn)
        if drawn:
            self.update()
        shared = ctx.shared
        if shared is not None:  # its line comes or goes (Qt does not repaint an item without contents)
            shared.invalidate(self._bounds)

    def refresh(self) -> None:
        """Repaint it, wherever it is painted (by itself, or by the hairlines or layer item)."""
        if self.ctx.layered:
            self.sync_drawn()  # a drag that ended gives it back to the layer
        if self.drawn:
            self.update()
        else:
            shared = self.ctx.shared
            if shared is not None:
                shared.invalidate(self._bounds)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self.preview:
            if self.ctx.dragging:
                paint_relation_preview(painter, self.relation, self.chord(), self.ctx.theme)
                return
            self.preview = False
        lod = option.levelOfDetailFromTransform(painter.worldTransform())  # type: ignore[attr-defined]
        if lod < HAIRLINE_LOD and not (self.hovered or self.highlighted or self.isSelected()):
            # far out, a relation is a hairline: dashes, arrowheads and antialiasing cannot be seen
            paint_relation_preview(painter, self.relation, self.chord(), self.ctx.theme)
            return
        path = self.path() if lod >= MIN_READABLE_LOD or self.isSelected() else self.chord()
        paint_relation(painter, self.relation, path, self.ctx.theme, lod=lod, selected=self.isSelected(),
                       hovered=self.hovered or self.highlighted)


def _segment_meets(ax: float, ay: float, bx: float, by: float, left: float, top: float, right: float,
                   bottom: float) -> bool:
    """Whether the segment a-b touches the rectangle (Liang-Barsky clipping)."""
    t0, t1 = 0.0, 1.0
    dx, dy = bx - ax, by - ay
    for p, q in ((-dx, ax - left), (dx, right - ax), (-dy, ay - top), (dy, bottom - ay)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            if t > t1:
                return False
            t0 = max(t0, t)
        else:
            if t < t0:
                return False
            t1 = min(t1, t)
    return True
