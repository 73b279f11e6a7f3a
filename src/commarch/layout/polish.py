"""Geometric clean-up of a layered drawing: swap neighbours in a column while real crossings drop."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .crossings import crossing_matrix
from .geometry import Point

# Above this many lines the swap search costs more than it is worth in an interactive editor.
MAX_LINES = 600


def _affected_count(lines: np.ndarray, xy: np.ndarray, ends: np.ndarray) -> int:
    matrix = crossing_matrix(lines, xy, ends)
    # Pairs among the affected lines appear twice in the rows; count them once.
    inner = int(matrix[:, lines].sum())
    return int(matrix.sum()) - inner // 2


def polish(columns: list[list[str]], positions: dict[str, Point], lines: Sequence[tuple[str, str]],
           passes: int = 3) -> dict[str, Point]:
    """Exchange the places of neighbours in a column when that lowers the straight-line crossings.

    Neighbours trade their y values, so spacing and column order constraints stay satisfied.
    """
    if len(lines) < 2 or len(lines) > MAX_LINES:
        return positions
    ids = list(positions)
    index = {i: k for k, i in enumerate(ids)}
    xy = np.array([positions[i] for i in ids], dtype=float)
    ends = np.array([[index[a], index[b]] for a, b in lines])
    incident: dict[int, list[int]] = {k: [] for k in range(len(ids))}
    for line, (a, b) in enumerate(ends):
        incident[int(a)].append(line)
        incident[int(b)].append(line)
    columns = [list(c) for c in columns]
    for _ in range(passes):
        improved = False
        for column in columns:
            for k in range(len(column) - 1):
                u, v = index[column[k]], index[column[k + 1]]
                affected = np.array(sorted(set(incident[u]) | set(incident[v])), dtype=int)
                if len(affected) == 0:
                    continue
                before = _affected_count(affected, xy, ends)
                xy[[u, v], 1] = xy[[v, u], 1]
                after = _affected_count(affected, xy, ends)
                if after < before:
                    column[k], column[k + 1] = column[k + 1], column[k]
                    improved = True
                else:
                    xy[[u, v], 1] = xy[[v, u], 1]
        if not improved:
            break
    return {i: (float(xy[k, 0]), float(xy[k, 1])) for k, i in enumerate(ids)}
