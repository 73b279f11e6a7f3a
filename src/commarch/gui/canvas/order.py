"""Reading order of elements for keyboard navigation: rows from top to bottom, left to right within a row."""

from __future__ import annotations

from collections.abc import Iterable

ROW_TOLERANCE = 40.0  # centres closer than this vertically read as one row (about half an element's height)


def reading_order(positions: Iterable[tuple[str, float, float]]) -> list[str]:
    """Ids from (id, x, y) centres: sorted by y into rows (a row starts more than ROW_TOLERANCE below
    the first element of the previous row), each row sorted by x (ties by id, so the order is stable)."""
    by_y = sorted(positions, key=lambda p: (p[2], p[1], p[0]))
    order: list[str] = []
    row: list[tuple[str, float, float]] = []
    row_top = 0.0
    for entry in by_y:
        if row and entry[2] - row_top > ROW_TOLERANCE:
            order.extend(i for i, _, _ in sorted(row, key=lambda p: (p[1], p[0])))
            row = []
        if not row:
            row_top = entry[2]
        row.append(entry)
    order.extend(i for i, _, _ in sorted(row, key=lambda p: (p[1], p[0])))
    return order
