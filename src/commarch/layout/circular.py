"""The circular layout: kinds in groups around one circle, in an order with few crossings."""

from __future__ import annotations

import math
from collections.abc import Iterable

from commarch.model import CommModel

from .geometry import BOX_H, BOX_W, GAP, Point, place_block, remove_overlaps
from .graph import LayoutGraph, anchor_for, moving_ids
from .layered import layered_positions

# Around the circle in the reading order of the layered layout, so related groups are neighbours.
GROUP_ORDER = ("department", "channel", "topic", "stakeholder", "goal", "note")
# Centres at least a box diagonal plus gap apart can never overlap, whatever the angle.
SLOT = math.hypot(BOX_W, BOX_H) + GAP
MIN_RADIUS = 2 * SLOT


def circular_positions(graph: LayoutGraph) -> dict[str, Point]:
    """Positions on a circle around (0, 0): one arc per kind, an empty slot between arcs."""
    if not graph.ids:
        return {}
    # Within a kind, reuse the crossing-minimised order of the layered layout (top to bottom).
    layered = layered_positions(graph)
    groups = []
    for kind in GROUP_ORDER:
        members = [i for i in graph.ids if graph.kind[i] == kind]
        if members:
            groups.append(sorted(members, key=lambda i: (layered[i][1], i)))
    if len(graph.ids) == 1:
        return {graph.ids[0]: (0.0, 0.0)}
    slots = len(graph.ids) + (len(groups) if len(groups) > 1 else 0)
    # chord between neighbouring slots = 2 r sin(pi / slots) must be at least SLOT
    radius = max(MIN_RADIUS, SLOT / (2 * math.sin(math.pi / slots)))
    positions: dict[str, Point] = {}
    slot = 0
    for group in groups:
        for node in group:
            # Start at the left (departments read first), go clockwise on screen (y grows downwards).
            angle = math.pi + 2 * math.pi * slot / slots
            positions[node] = (radius * math.cos(angle), radius * math.sin(angle))
            slot += 1
        slot += 1 if len(groups) > 1 else 0
    return positions


def circular_layout(model: CommModel, ids: Iterable[str] | None = None) -> dict[str, Point]:
    """New positions for the elements in `ids` (all when None) on a circle sized so boxes never overlap."""
    graph = LayoutGraph.from_model(model)
    moving = moving_ids(graph, ids)
    if not moving:
        return {}
    moving_set = set(moving)
    fixed = {i: graph.pos[i] for i in graph.ids if i not in moving_set}
    block = circular_positions(graph.subgraph(moving))
    if not fixed:
        min_x = min(p[0] for p in block.values())
        min_y = min(p[1] for p in block.values())
        ox = min(graph.pos[i][0] for i in moving)
        oy = min(graph.pos[i][1] for i in moving)
        return remove_overlaps({i: (x - min_x + ox, y - min_y + oy) for i, (x, y) in block.items()})
    return place_block(block, fixed, anchor_for(graph, moving))
