"""Box geometry for layouts: element size, overlap tests, overlap removal and free-space search."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import numpy as np

Point = tuple[float, float]

# Every element (notes too) is drawn as a box of about this size around its centre (x, y).
BOX_W = 160.0
BOX_H = 60.0
# Extra space kept between boxes by the layouts, so labels and edges stay readable.
GAP = 24.0


def overlaps(a: Point, b: Point, w: float = BOX_W, h: float = BOX_H) -> bool:
    """Whether boxes of size w×h centred at a and b overlap (touching does not count)."""
    return abs(a[0] - b[0]) < w and abs(a[1] - b[1]) < h


def overlapping_pairs(
    positions: Mapping[str, Point], w: float = BOX_W, h: float = BOX_H
) -> list[tuple[str, str]]:
    """All pairs of ids whose boxes overlap, sorted; a sweep over x keeps this near-linear."""
    items = sorted(positions.items(), key=lambda kv: (kv[1][0], kv[0]))
    pairs = []
    for i, (id_a, (xa, ya)) in enumerate(items):
        for id_b, (xb, yb) in items[i + 1:]:
            if xb - xa >= w:
                break
            if abs(ya - yb) < h:
                pairs.append((min(id_a, id_b), max(id_a, id_b)))
    return sorted(pairs)


class BoxIndex:
    """A spatial hash of placed boxes; answers "does a box at (x, y) collide with any?" in O(1)."""

    def __init__(self, points: Iterable[Point] = (), w: float = BOX_W + GAP, h: float = BOX_H + GAP) -> None:
        self.w = w
        self.h = h
        self._cells: dict[tuple[int, int], list[Point]] = {}
        for point in points:
            self.add(point)

    def _cell(self, point: Point) -> tuple[int, int]:
        return (math.floor(point[0] / self.w), math.floor(point[1] / self.h))

    def add(self, point: Point) -> None:
        self._cells.setdefault(self._cell(point), []).append(point)

    def collides(self, point: Point) -> bool:
        # Cells are one box (plus gap) in size, so any colliding centre lies in the 3×3 neighbourhood.
        cx, cy = self._cell(point)
        x, y = point
        for i in (cx - 1, cx, cx + 1):
            for j in (cy - 1, cy, cy + 1):
                for px, py in self._cells.get((i, j), ()):
                    if abs(px - x) < self.w and abs(py - y) < self.h:
                        return True
        return False


def _ring(radius: int) -> list[tuple[int, int]]:
    """Grid offsets at Chebyshev distance `radius`, nearest (Euclidean) first, ties in a fixed order."""
    if radius == 0:
        return [(0, 0)]
    cells = [(i, j) for i in range(-radius, radius + 1) for j in range(-radius, radius + 1)
             if max(abs(i), abs(j)) == radius]
    return sorted(cells, key=lambda c: (c[0] * c[0] * 4 + c[1] * c[1], c[1], c[0]))


def nearest_free(index: BoxIndex, point: Point, max_radius: int = 400) -> Point:
    """The free spot nearest to `point` on a half-box grid around it (the point itself if free)."""
    step_x, step_y = index.w / 2, index.h / 2
    for radius in range(max_radius + 1):
        for i, j in _ring(radius):
            candidate = (point[0] + i * step_x, point[1] + j * step_y)
            if not index.collides(candidate):
                return candidate
    raise RuntimeError("no free space found")  # pragma: no cover - the plane is never full


def _push_apart(pos: np.ndarray, movable: np.ndarray, w: float, h: float, rounds: int) -> np.ndarray:
    """Separate overlapping boxes by pushing each pair apart along its shallower axis (vectorised)."""
    pos = pos.copy()
    n = len(pos)
    if n < 2 or not movable.any():
        return pos
    order = np.arange(n)
    for _ in range(rounds):
        dx = pos[None, :, 0] - pos[:, None, 0]
        dy = pos[None, :, 1] - pos[:, None, 1]
        px = w - np.abs(dx)
        py = h - np.abs(dy)
        mask = (px > 0) & (py > 0) & (order[:, None] < order[None, :])
        mask &= movable[:, None] | movable[None, :]
        ii, jj = np.nonzero(mask)
        if len(ii) == 0:
            break
        # Push along the axis that needs the smaller move, relative to the box size.
        along_x = px[ii, jj] / w <= py[ii, jj] / h
        sx = np.where(dx[ii, jj] != 0, np.sign(dx[ii, jj]), 1.0)
        sy = np.where(dy[ii, jj] != 0, np.sign(dy[ii, jj]), 1.0)
        move = np.zeros((len(ii), 2))
        move[:, 0] = np.where(along_x, sx * px[ii, jj], 0.0)
        move[:, 1] = np.where(along_x, 0.0, sy * py[ii, jj])
        # Each side takes half; a fixed partner leaves the whole move to the movable one.
        share_i = np.where(movable[jj], 0.5, 1.0) * movable[ii]
        share_j = np.where(movable[ii], 0.5, 1.0) * movable[jj]
        delta = np.zeros_like(pos)
        np.add.at(delta, ii, -move * share_i[:, None] * 0.55)
        np.add.at(delta, jj, move * share_j[:, None] * 0.55)
        pos += delta
    return pos


def remove_overlaps(
    positions: Mapping[str, Point],
    fixed: Mapping[str, Point] | None = None,
    gap: float = GAP,
    w: float = BOX_W,
    h: float = BOX_H,
    rounds: int = 60,
) -> dict[str, Point]:
    """Move the boxes in `positions` (never those in `fixed`) until no two boxes overlap.

    First a few rounds of pairwise pushing keep the overall shape; then every box that still collides
    goes to the nearest free spot, in a fixed order, which guarantees the result. Coordinates come back
    rounded to whole pixels; boxes end at least `gap` apart.
    """
    fixed = dict(fixed or {})
    ids = list(positions)
    if not ids:
        return {}
    fw, fh = w + gap, h + gap
    all_ids = ids + [i for i in fixed if i not in positions]
    pos = np.array([positions[i] if i in positions else fixed[i] for i in all_ids], dtype=float)
    movable = np.array([i in positions for i in all_ids])
    if len(all_ids) <= 2500:  # the pairwise pass is quadratic in memory; the greedy pass alone suffices above
        pos = _push_apart(pos, movable, fw, fh, rounds)
    pushed = {i: (float(pos[k, 0]), float(pos[k, 1])) for k, i in enumerate(ids)}
    index = BoxIndex((p for i, p in fixed.items() if i not in positions), fw, fh)
    cx = sum(p[0] for p in pushed.values()) / len(pushed)
    cy = sum(p[1] for p in pushed.values()) / len(pushed)
    # Boxes near the middle keep their place; outer ones give way.
    order = sorted(ids, key=lambda i: ((pushed[i][0] - cx) ** 2 + (pushed[i][1] - cy) ** 2, i))
    result: dict[str, Point] = {}
    for element_id in order:
        point = (float(round(pushed[element_id][0])), float(round(pushed[element_id][1])))
        if index.collides(point):
            free = nearest_free(index, point)
            point = (float(round(free[0])), float(round(free[1])))
        index.add(point)
        result[element_id] = point
    return {i: result[i] for i in ids}


def centroid(points: Iterable[Point]) -> Point:
    pts = list(points)
    return (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))


def place_block(
    block: Mapping[str, Point],
    fixed: Mapping[str, Point],
    anchor: Point,
    gap: float = GAP,
    w: float = BOX_W,
    h: float = BOX_H,
) -> dict[str, Point]:
    """Translate an overlap-free group of boxes, as a whole, to the free spot nearest `anchor`.

    The group keeps its inner arrangement; no box of it overlaps a box of `fixed`. If nothing free is
    found close by, the group goes right of everything fixed, which is always free.
    """
    if not block:
        return {}
    fw, fh = w + gap, h + gap
    cx, cy = centroid(block.values())
    shifted = {i: (x - cx + anchor[0], y - cy + anchor[1]) for i, (x, y) in block.items()}
    if not fixed:
        return {i: (float(round(x)), float(round(y))) for i, (x, y) in shifted.items()}
    index = BoxIndex(fixed.values(), fw, fh)
    points = list(shifted.values())
    fallback = (max(p[0] for p in fixed.values()) + fw - min(p[0] for p in points), 0.0)
    limit = math.hypot(*fallback)
    step_x, step_y = fw / 2, fh / 2
    offset = fallback
    radius = 0
    found = False
    while not found and radius * min(step_x, step_y) <= limit:
        for i, j in _ring(radius):
            ox, oy = i * step_x, j * step_y
            if math.hypot(ox, oy) > limit:
                continue
            if not any(index.collides((x + ox, y + oy)) for x, y in points):
                offset, found = (ox, oy), True
                break
        radius += 1
    return {i: (float(round(x + offset[0])), float(round(y + offset[1]))) for i, (x, y) in shifted.items()}
