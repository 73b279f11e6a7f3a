"""Auto-layout (Qt-free): layered, force-directed and circular placements of a model's elements."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from commarch.model import CommModel

from .circular import circular_layout
from .crossings import count_crossings
from .force import force_layout
from .geometry import BOX_H, BOX_W, GAP, Point, overlapping_pairs, place_block, remove_overlaps
from .layered import KIND_COLUMN, layered_layout

LayoutFunction = Callable[[CommModel, Iterable[str] | None], dict[str, Point]]

# name -> function(model, ids=None) -> {id: (x, y)} for the moved elements only
LAYOUTS: dict[str, LayoutFunction] = {
    "layered": layered_layout,
    "force": force_layout,
    "circular": circular_layout,
}


def auto_layout(
    model: CommModel, name: str = "layered", ids: Iterable[str] | None = None
) -> dict[str, Point]:
    """Run the layout `name` on `model`, moving `ids` (all when None); KeyError for an unknown name."""
    return LAYOUTS[name](model, ids)


__all__ = [
    "BOX_H", "BOX_W", "GAP", "KIND_COLUMN", "LAYOUTS", "LayoutFunction", "Point", "auto_layout",
    "circular_layout", "count_crossings", "force_layout", "layered_layout", "overlapping_pairs",
    "place_block", "remove_overlaps",
]
