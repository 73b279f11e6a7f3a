"""Align and distribute: helpers that turn a selection into one `Move` command."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from .element_commands import Move

if TYPE_CHECKING:
    from .document import Document

# id -> (width, height) of the element's shape as drawn; without it elements count as points.
SizeOf = Callable[[str], tuple[float, float]]

ALIGN_EDGES = ("left", "right", "top", "bottom", "center", "middle")
DISTRIBUTE_AXES = ("horizontal", "vertical")


def _no_size(_: str) -> tuple[float, float]:
    return (0.0, 0.0)


def _changed(doc: Document, targets: dict[str, tuple[float, float]], text: str) -> Move | None:
    moves = {i: p for i, p in targets.items() if (doc.element(i).x, doc.element(i).y) != p}
    return Move(doc, moves, text) if moves else None


def align(doc: Document, ids: Iterable[str], edge: str, size_of: SizeOf | None = None) -> Move | None:
    """Line up elements: `left`/`right`/`center` (same x edge or centre), `top`/`bottom`/`middle` (same y).

    `size_of(id)` gives the drawn size so edges (not centres) line up. Returns None when nothing would move.
    """
    if edge not in ALIGN_EDGES:
        raise ValueError(f"unknown edge {edge!r} (one of {', '.join(ALIGN_EDGES)})")
    size = size_of or _no_size
    elements = [doc.element(i) for i in dict.fromkeys(ids)]
    if len(elements) < 2:
        return None
    horizontal = edge in ("left", "right", "center")
    sign = {"left": -1, "top": -1, "right": 1, "bottom": 1}.get(edge, 0)
    axis = 0 if horizontal else 1

    def coord(e: object) -> float:
        return e.x if horizontal else e.y  # type: ignore[attr-defined]

    def half(element_id: str) -> float:
        return size(element_id)[axis] / 2

    if sign < 0:
        line = min(coord(e) - half(e.id) for e in elements)
    elif sign > 0:
        line = max(coord(e) + half(e.id) for e in elements)
    else:
        line = (min(coord(e) for e in elements) + max(coord(e) for e in elements)) / 2
    targets = {}
    for e in elements:
        value = line - sign * half(e.id)
        targets[e.id] = (value, e.y) if horizontal else (e.x, value)
    return _changed(doc, targets, f"Align {edge}")


def distribute(doc: Document, ids: Iterable[str], axis: str, size_of: SizeOf | None = None) -> Move | None:
    """Space elements evenly between the outermost two (`horizontal` or `vertical`).

    With `size_of` the gaps between shapes are equal, otherwise the distances between centres.
    Needs three or more elements; returns None when nothing would move.
    """
    if axis not in DISTRIBUTE_AXES:
        raise ValueError(f"unknown axis {axis!r} (one of {', '.join(DISTRIBUTE_AXES)})")
    size = size_of or _no_size
    index = 0 if axis == "horizontal" else 1
    elements = sorted((doc.element(i) for i in dict.fromkeys(ids)),
                      key=lambda e: ((e.x, e.y)[index], e.id))
    if len(elements) < 3:
        return None

    def pos(e: object) -> float:
        return (e.x, e.y)[index]  # type: ignore[attr-defined]

    widths = [size(e.id)[index] for e in elements]
    first, last = elements[0], elements[-1]
    span = (pos(last) - widths[-1] / 2) - (pos(first) + widths[0] / 2)
    gap = (span - sum(widths[1:-1])) / (len(elements) - 1)
    targets = {}
    cursor = pos(first) + widths[0] / 2
    for element, width in zip(elements[1:-1], widths[1:-1], strict=True):
        centre = cursor + gap + width / 2
        cursor = centre + width / 2
        targets[element.id] = (centre, element.y) if index == 0 else (element.x, centre)
    return _changed(doc, targets, f"Distribute {axis}")
