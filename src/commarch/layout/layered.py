"""The layered layout: departments → channels → topics → stakeholders → goals, left to right."""

from __future__ import annotations

from collections.abc import Iterable

from commarch.model import CommModel

from .crossings import crossings_at
from .geometry import BOX_H, BOX_W, GAP, Point, place_block, remove_overlaps
from .graph import LayoutGraph, anchor_for, moving_ids
from .ordering import minimise_crossings, proper_layers
from .polish import polish

# Column of each kind. Topics sit between channels (which carry them) and stakeholders (who hear
# them); goals form the last column, since channels, topics and departments all serve them.
# Notes are not part of the flow: they go in a column of their own to the right.
KIND_COLUMN = {"department": 0, "channel": 1, "topic": 2, "stakeholder": 3, "goal": 4}
COLUMN_STEP = BOX_W + 160.0
ROW_STEP = BOX_H + 30.0


def _isotonic(values: list[float]) -> list[float]:
    """Least-squares non-decreasing fit (pool adjacent violators)."""
    blocks: list[list[float]] = []  # [mean, weight]
    for v in values:
        blocks.append([v, 1.0])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            m2, w2 = blocks.pop()
            m1, w1 = blocks.pop()
            blocks.append([(m1 * w1 + m2 * w2) / (w1 + w2), w1 + w2])
    out: list[float] = []
    for mean, weight in blocks:
        out.extend([mean] * int(weight))
    return out


def _spaced(desired: list[float], step: float) -> list[float]:
    """Closest positions to `desired` (in order) that keep neighbours at least `step` apart."""
    shifted = [d - k * step for k, d in enumerate(desired)]
    return [z + k * step for k, z in enumerate(_isotonic(shifted))]


def _assign_y(columns: list[list[str]], graph: LayoutGraph, rounds: int = 6) -> dict[str, float]:
    """Vertical positions: each node moves towards the mean of its neighbours, the order is kept."""
    y: dict[str, float] = {}
    for column in columns:
        for k, node in enumerate(column):
            y[node] = (k - (len(column) - 1) / 2) * ROW_STEP
    column_of = {n: c for c, column in enumerate(columns) for n in column}
    sweep = list(range(len(columns)))
    for r in range(rounds):
        for c in sweep if r % 2 == 0 else reversed(sweep):
            column = columns[c]
            desired = []
            for node in column:
                other = [y[m] for m in sorted(graph.neighbours[node]) if column_of.get(m, c) != c]
                desired.append(sum(other) / len(other) if other else y[node])
            for node, value in zip(column, _spaced(desired, ROW_STEP), strict=True):
                y[node] = value
    return y


def layered_positions(graph: LayoutGraph) -> dict[str, Point]:
    """Layered positions for every element of `graph`, top-left box centre at (0, 0)."""
    kinds_present = sorted({KIND_COLUMN[graph.kind[i]] for i in graph.ids if graph.kind[i] in KIND_COLUMN})
    rank = {column: r for r, column in enumerate(kinds_present)}
    layer_of = {i: rank[KIND_COLUMN[graph.kind[i]]] for i in graph.ids if graph.kind[i] in KIND_COLUMN}
    layers: list[list[str]] = [[] for _ in kinds_present]
    # Start from id order so that the result does not depend on the order of elements in the file.
    for node in sorted(layer_of):
        layers[layer_of[node]].append(node)
    edges = [(a, b) for a, b in graph.edges if a in layer_of and b in layer_of]
    proper, up, down = proper_layers(layers, layer_of, edges)
    lines = [(min(a, b), max(a, b)) for a, b in edges]
    best: tuple[int, int, dict[str, Point], list[list[str]]] | None = None
    # Candidates: the two sweep heuristics, plus the plain model order as a safety net (on sparse or
    # tiny models the sweeps can lose to it); the drawing with the fewest real crossings wins.
    in_model_order = [[n for n in graph.ids if layer_of.get(n) == k] for k in range(len(layers))]
    candidates = [*minimise_crossings(proper, up, down), in_model_order]
    for number, ordered in enumerate(candidates):
        columns = [[n for n in layer if not n.startswith("\0")] for layer in ordered]
        for rounds in (6, 0):  # neighbour-pulled rows usually win; evenly stacked ones sometimes do
            y = _assign_y(columns, graph, rounds)
            placed = {n: (c * COLUMN_STEP, y[n]) for c, column in enumerate(columns) for n in column}
            score = (crossings_at(placed, lines), number)
            if best is None or score < best[:2]:
                best = (*score, placed, columns)
    positions: dict[str, Point] = {}
    if best is not None:
        positions = polish(best[3], best[2], lines)
    columns_used = len(best[3]) if best is not None else 0
    notes = [i for i in graph.ids if i not in layer_of]
    if notes:
        x_notes = columns_used * COLUMN_STEP
        for k, node in enumerate(notes):
            positions[node] = (x_notes, k * ROW_STEP)
    min_x = min(p[0] for p in positions.values())
    min_y = min(p[1] for p in positions.values())
    return {i: (x - min_x, y_ - min_y) for i, (x, y_) in positions.items()}


def layered_layout(model: CommModel, ids: Iterable[str] | None = None) -> dict[str, Point]:
    """New positions for the elements in `ids` (all when None); every other element stays put.

    The whole model is laid out with its top-left box where the top-left moved box was. A subset is
    laid out on its own and placed, as a block, next to its fixed neighbours without covering anyone.
    """
    graph = LayoutGraph.from_model(model)
    moving = moving_ids(graph, ids)
    if not moving:
        return {}
    moving_set = set(moving)
    fixed = {i: graph.pos[i] for i in graph.ids if i not in moving_set}
    block = layered_positions(graph.subgraph(moving))
    if not fixed:
        ox = min(graph.pos[i][0] for i in moving)
        oy = min(graph.pos[i][1] for i in moving)
        return remove_overlaps({i: (x + ox, y + oy) for i, (x, y) in block.items()}, gap=GAP)
    return place_block(block, fixed, anchor_for(graph, moving))
