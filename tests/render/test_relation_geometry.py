"""The float-level relation geometry (relation_points, anchors, extents) gives exactly the old paths."""

from __future__ import annotations

import math
import random

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

from commarch.model import ELEMENT_KINDS
from commarch.render.painter import relation_bounds, relation_extent
from commarch.render.shapes import (
    _blossom_xy,
    _clip_t,
    _outline,
    element_rect,
    points_path,
    relation_anchor,
    relation_path,
    relation_points,
)


def reference_path(kind: str, src_rect: QRectF, dst_rect: QRectF, *, src_kind: str | None = None,
                   dst_kind: str | None = None, bend: float = 0.0) -> QPainterPath:
    """relation_path as it was before anchors (one outline lookup and two Qt contains() per relation)."""
    ax, ay = src_rect.x() + src_rect.width() / 2, src_rect.y() + src_rect.height() / 2
    bx, by = dst_rect.x() + dst_rect.width() / 2, dst_rect.y() + dst_rect.height() / 2
    dx, dy = bx - ax, by - ay
    length = math.hypot(dx, dy)
    cx, cy = (ax + bx) / 2, (ay + by) / 2
    if length > 0 and bend:
        cx += dy / length * (2 * bend)
        cy += -dx / length * (2 * bend)
    src_kind, dst_kind = src_kind or "channel", dst_kind or "channel"
    src_outline = _outline(src_kind, src_rect.width(), src_rect.height()).path
    dst_outline = _outline(dst_kind, dst_rect.width(), dst_rect.height()).path
    overlapping = (length < 1 or src_outline.contains(QPointF(dx, dy)) or dst_outline.contains(QPointF(-dx, -dy)))
    t0 = 0.0 if overlapping else _clip_t(src_kind, src_rect, ax, ay, cx, cy, bx, by)
    t1 = 1.0 if overlapping else 1.0 - _clip_t(dst_kind, dst_rect, bx, by, cx, cy, ax, ay)
    if t1 <= t0:
        t0, t1 = 0.0, 1.0
    path = QPainterPath()
    path.moveTo(*_blossom_xy(ax, ay, cx, cy, bx, by, t0, t0))
    end = _blossom_xy(ax, ay, cx, cy, bx, by, t1, t1)
    if bend:
        path.quadTo(*_blossom_xy(ax, ay, cx, cy, bx, by, t0, t1), *end)
    else:
        path.lineTo(*end)
    return path


def elements(path: QPainterPath) -> list[tuple[int, float, float]]:
    return [(int(path.elementAt(i).type.value), path.elementAt(i).x, path.elementAt(i).y)
            for i in range(path.elementCount())]


def cases(seed: int, n: int) -> list[tuple[str, QRectF, str, QRectF, float]]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        sk, dk = rng.choice(ELEMENT_KINDS), rng.choice(ELEMENT_KINDS)
        x, y = rng.choice([0.0, 12.5, rng.uniform(-3000, 3000)]), rng.choice([0.0, rng.uniform(-3000, 3000)])
        spread = rng.choice([0.0, 0.3, 5.0, 40.0, 65.0, 90.0, 170.0, 400.0, 2500.0, rng.uniform(0, 200)])
        angle = rng.choice([0.0, math.pi / 2, math.pi, math.pi / 4, rng.uniform(-math.pi, math.pi)])
        tx, ty = x + spread * math.cos(angle), y + spread * math.sin(angle)
        if rng.random() < 0.3:  # whole-number positions, as most files have
            tx, ty = round(tx), round(ty)
        bend = rng.choice([0.0, 0.0, 13.0, -13.0, 26.0, rng.uniform(-60, 60)])
        out.append((sk, element_rect(sk, x, y), dk, element_rect(dk, tx, ty), bend))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_relation_path_equals_the_reference_exactly(seed: int) -> None:
    for sk, src, dk, dst, bend in cases(seed, 600):
        old = reference_path("reaches", src, dst, src_kind=sk, dst_kind=dk, bend=bend)
        new = relation_path("reaches", src, dst, src_kind=sk, dst_kind=dk, bend=bend)
        assert elements(new) == elements(old), (sk, src, dk, dst, bend)
        points = relation_points(relation_anchor(sk, src), relation_anchor(dk, dst), bend)
        assert elements(points_path(points)) == elements(old)
        assert relation_extent(new) == relation_bounds(old).getCoords() or _close(relation_extent(new),
                                                                                   relation_bounds(old))


def _close(extent: tuple[float, float, float, float], rect: QRectF) -> bool:
    # relation_bounds unites QRectFs (x + width), which may round differently from the plain coordinates
    return all(abs(a - b) < 1e-9 for a, b in zip(extent, rect.getCoords(), strict=True))


def test_default_kinds_are_channels() -> None:
    src, dst = element_rect("stakeholder", 0, 0), element_rect("goal", 300, 40)
    assert elements(relation_path("x", src, dst)) == elements(reference_path("x", src, dst))
