"""Counting edge crossings of a drawing with straight lines between element centres."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from commarch.model import CommModel

from .geometry import Point


def segments(model: CommModel) -> list[tuple[str, str]]:
    """The drawn lines: one per related pair of elements (parallel relations share one line)."""
    known = {e.id for e in model.elements}
    seen: set[tuple[str, str]] = set()
    for r in model.relations:
        if r.source in known and r.target in known and r.source != r.target:
            seen.add((min(r.source, r.target), max(r.source, r.target)))
    return sorted(seen)


def _orient(o: np.ndarray, s: np.ndarray, t: np.ndarray) -> np.ndarray:
    return np.sign((s[..., 0] - o[..., 0]) * (t[..., 1] - o[..., 1])
                   - (s[..., 1] - o[..., 1]) * (t[..., 0] - o[..., 0]))


def crossing_matrix(rows: np.ndarray, xy: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Bool matrix: line `rows[i]` properly crosses line `j` (lines sharing an end never cross)."""
    p, q = xy[ends[:, 0]], xy[ends[:, 1]]
    a, b = p[rows, None, :], q[rows, None, :]
    c, d = p[None, :, :], q[None, :, :]
    cross = (_orient(a, b, c) * _orient(a, b, d) < 0) & (_orient(c, d, a) * _orient(c, d, b) < 0)
    mine, theirs = ends[rows, None, :], ends[None, :, :]
    shared = ((mine[..., 0] == theirs[..., 0]) | (mine[..., 0] == theirs[..., 1])
              | (mine[..., 1] == theirs[..., 0]) | (mine[..., 1] == theirs[..., 1]))
    return cross & ~shared


def count_segment_crossings(xy: np.ndarray, ends: np.ndarray) -> int:
    """Crossing pairs among lines `ends` (rows of two point indices into `xy`)."""
    n = len(ends)
    if n < 2:
        return 0
    total = 0
    chunk = max(1, 2_000_000 // n)  # bounds the memory of one block of the pair matrix
    for start in range(0, n, chunk):
        rows = np.arange(start, min(start + chunk, n))
        matrix = crossing_matrix(rows, xy, ends)
        total += int((matrix & (np.arange(n)[None, :] > rows[:, None])).sum())
    return total


def count_crossings(model: CommModel, positions: Mapping[str, Point] | None = None) -> int:
    """Pairs of relation lines that properly cross, given `positions` (others at their model place).

    Lines that share an element never count; touching or collinear overlaps do not count either.
    """
    pos = {e.id: (float(e.x), float(e.y)) for e in model.elements}
    pos.update(positions or {})
    return crossings_at(pos, segments(model))


def crossings_at(pos: Mapping[str, Point], lines: Sequence[tuple[str, str]]) -> int:
    """Crossings of straight lines between the given positions."""
    if len(lines) < 2:
        return 0
    index = {i: k for k, i in enumerate(pos)}
    ends = np.array([[index[a], index[b]] for a, b in lines])
    return count_segment_crossings(np.array(list(pos.values()), dtype=float), ends)
