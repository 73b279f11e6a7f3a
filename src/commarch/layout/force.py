"""The force-directed layout: seeded networkx spring_layout, scaled to box size, then de-overlapped."""

from __future__ import annotations

import math
from collections.abc import Iterable

import networkx as nx
import numpy as np

from commarch.model import CommModel

from .geometry import BOX_H, BOX_W, GAP, Point, remove_overlaps
from .graph import LayoutGraph, moving_ids

SEED = 20141120
# Pixels per layout unit; with k = 1 neighbours end about one unit apart (a box width plus some air).
UNIT = BOX_W + 110.0
# Boxes are wider than tall: stretching x a little gives rows of boxes room.
ASPECT = 1.4


def _graph(graph: LayoutGraph) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(graph.ids)
    g.add_edges_from(graph.edges)
    return g


def _numpy_spring(g: nx.Graph, pos: dict[str, np.ndarray], fixed: set[str], k: float,
                  iterations: int) -> dict[str, np.ndarray]:
    """Fruchterman-Reingold as in networkx's dense variant, for large graphs when SciPy is missing."""
    nodes = list(g)
    index = {n: i for i, n in enumerate(nodes)}
    a = np.zeros((len(nodes), len(nodes)))
    for u, v in g.edges():
        a[index[u], index[v]] = a[index[v], index[u]] = 1.0
    xy = np.array([pos[n] for n in nodes], dtype=float)
    movable = np.array([n not in fixed for n in nodes])
    t = max(np.ptp(xy[:, 0]), np.ptp(xy[:, 1])) * 0.1 or 0.1
    dt = t / (iterations + 1)
    for _ in range(iterations):
        delta = xy[:, None, :] - xy[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=-1), 0.01)
        force = (k * k / dist**2 - a * dist / k)
        disp = np.einsum("ijk,ij->ik", delta, force)
        length = np.maximum(np.linalg.norm(disp, axis=-1), 0.01)
        xy += np.where(movable[:, None], disp * (t / length)[:, None], 0.0)
        t -= dt
    return {n: xy[index[n]] for n in nodes}


def _spring(g: nx.Graph, pos: dict[str, Point] | None, fixed: set[str]) -> dict[str, Point]:
    """spring_layout in layout units (k = 1); falls back to a NumPy port when SciPy is not installed."""
    rng = np.random.default_rng(SEED)
    iterations = 100 if len(g) < 300 else 50  # big models: keep the wait short, overlap removal tidies up
    pos = pos or {}
    start: dict[str, np.ndarray] = {}
    for n in g:  # graph order is model order, so the random draws are reproducible
        if n in pos:
            start[n] = np.array(pos[n], dtype=float)
            continue
        placed = [pos[m] for m in g[n] if m in pos]
        if placed:  # a new node starts among its fixed neighbours, jittered so that forces have a direction
            start[n] = np.mean(placed, axis=0) + rng.random(2) - 0.5
        else:
            start[n] = rng.random(2) * math.sqrt(len(g))
    kwargs = {"k": 1.0, "pos": start, "iterations": iterations, "seed": SEED, "method": "force"}
    if fixed:
        kwargs["fixed"] = sorted(fixed)
    try:
        result = nx.spring_layout(g, scale=None, **kwargs)
    except ImportError:  # graphs of 500+ nodes use SciPy's sparse arrays in networkx
        result = _numpy_spring(g, start, fixed, 1.0, iterations)
    return {n: (float(p[0]), float(p[1])) for n, p in result.items()}


def force_layout(model: CommModel, ids: Iterable[str] | None = None) -> dict[str, Point]:
    """New positions for the elements in `ids` (all when None) from a seeded spring embedding.

    With a subset, the other elements are fixed in the simulation at their current places, so the moved
    ones settle near their neighbours; overlap removal then never moves the fixed boxes.
    """
    graph = LayoutGraph.from_model(model)
    moving = moving_ids(graph, ids)
    if not moving:
        return {}
    moving_set = set(moving)
    fixed_ids = {i for i in graph.ids if i not in moving_set}
    if not fixed_ids:
        g = _graph(graph)
        result = _spring(g, None, set())
        origin = (min(graph.pos[i][0] for i in moving), min(graph.pos[i][1] for i in moving))
        raw = {i: (result[i][0] * UNIT * ASPECT, result[i][1] * UNIT) for i in moving}
        min_x = min(p[0] for p in raw.values())
        min_y = min(p[1] for p in raw.values())
        placed = {i: (x - min_x + origin[0], y - min_y + origin[1]) for i, (x, y) in raw.items()}
        return remove_overlaps(placed)
    # Only the moving elements and their surroundings matter; unrelated fixed ones stay out of the
    # simulation (they still block space in the overlap removal).
    related = set(moving) | {n for i in moving for n in graph.neighbours[i]}
    g = _graph(graph.subgraph(related))
    units = {i: (graph.pos[i][0] / (UNIT * ASPECT), graph.pos[i][1] / UNIT)
             for i in related if i in fixed_ids}
    result = _spring(g, units, fixed_ids & related)
    placed = {i: (result[i][0] * UNIT * ASPECT, result[i][1] * UNIT) for i in moving}
    fixed = {i: graph.pos[i] for i in fixed_ids}
    return remove_overlaps(placed, fixed, gap=GAP, w=BOX_W, h=BOX_H)
