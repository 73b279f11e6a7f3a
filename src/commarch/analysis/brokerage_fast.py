"""Exact betweenness centrality with networkx's normalisation, computed by igraph when it is installed."""

from __future__ import annotations

import importlib
import operator
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from commarch.mpl import LOCK

# Up to this many nodes igraph computes in one call (~0.1 s at most here). Larger graphs go in slices of
# sources (the sums are the same): between slices a computation for an outdated model can stop
# (`should_stop`). igraph holds the GIL for a whole call, so the window runs large ones in a child process
# (brokerage_process.py): in its worker thread a 10,000-element model's ~4 s froze the window as long.
SINGLE_CALL_NODES = 1500
# Sources per slice: about this much work (nodes + edges visited per source) in one igraph call, ~30 ms
# here. Fixed by the graph's size, not by timing, so the floating-point sums are the same on every run.
SLICE_WORK = 1_000_000
RawRunner = Callable[[int, list[tuple[int, int]], "Callable[[], bool] | None"], list[float]]


class Cancelled(Exception):
    """`should_stop()` said the result is no longer wanted."""


@cache
def _igraph() -> Any:
    # Imported on first use, not at start-up. igraph's C core is 50-100x faster than networkx;
    # without it the results are the same, only slower.
    try:
        with LOCK:  # igraph imports matplotlib.pyplot: never while another thread imports matplotlib
            return importlib.import_module("igraph")
    except ImportError:
        return None


def has_fast_backend() -> bool:
    return _igraph() is not None


def betweenness(nodes: Iterable[str], edges: Iterable[tuple[str, str]], *,
                use_igraph: bool | None = None, should_stop: Callable[[], bool] | None = None,
                runner: RawRunner | None = None) -> dict[str, float]:
    """`networkx.betweenness_centrality(G, normalized=True)` of the simple undirected graph G.

    Parallel edges (A->B and B->A) collapse into one and self-loops are dropped, as in `nx.Graph`.
    Nodes and edges are taken in sorted order so that floating-point sums do not depend on input order.
    `use_igraph=None` picks igraph when importable; False forces networkx (tests compare both).
    `should_stop` is asked between slices of a large graph (see SINGLE_CALL_NODES); True raises Cancelled.
    `runner(n, index_pairs, should_stop)` computes the raw igraph values of a large graph elsewhere (a child
    process); if it fails with OSError or RuntimeError, they are computed here.
    """
    order = sorted(set(nodes))
    pairs = sorted({(a, b) if a < b else (b, a) for a, b in edges if a != b})
    igraph = _igraph() if use_igraph is not False else None
    if igraph is not None:
        return _igraph_betweenness(igraph, order, pairs, should_stop, runner)
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(order)
    graph.add_edges_from(pairs)
    return {node: float(value) for node, value in nx.betweenness_centrality(graph, normalized=True).items()}


def _igraph_betweenness(igraph: Any, order: list[str], pairs: list[tuple[str, str]],
                        should_stop: Callable[[], bool] | None = None, runner: RawRunner | None = None
                        ) -> dict[str, float]:
    n = len(order)
    if n <= 2:  # no node can lie between two others; networkx returns 0.0 here too
        return dict.fromkeys(order, 0.0)
    position = {node: i for i, node in enumerate(order)}
    index_pairs = [(position[a], position[b]) for a, b in pairs]
    # igraph counts each unordered pair {s, t} once; networkx's normalized undirected value is
    # (ordered-pair sum) / ((n-1)(n-2)) = 2 x (unordered sum) / ((n-1)(n-2)).
    scale = 2.0 / ((n - 1) * (n - 2))
    raw: list[float] | None = None
    if runner is not None and n > SINGLE_CALL_NODES:
        try:
            raw = runner(n, index_pairs, should_stop)
        except (OSError, RuntimeError):
            raw = None  # no child process here (or it died): compute in this one
    if raw is None:
        raw = raw_betweenness(igraph, n, index_pairs, should_stop)
    return {node: raw[i] * scale for i, node in enumerate(order)}


def raw_betweenness(igraph: Any, n: int, index_pairs: list[tuple[int, int]],
                    should_stop: Callable[[], bool] | None = None) -> list[float]:
    """igraph's undirected betweenness of nodes 0..n-1 (each unordered pair counted once)."""
    graph = igraph.Graph(n=n, edges=index_pairs, directed=False)
    if n <= SINGLE_CALL_NODES:
        return list(graph.betweenness(directed=False))
    size = max(1, SLICE_WORK // (n + len(index_pairs)))
    total = [0.0] * n
    for start in range(0, n, size):  # each pair's share is counted from its sources: slices split them
        if should_stop is not None and should_stop():
            raise Cancelled
        part = graph.betweenness(directed=False, sources=range(start, min(n, start + size)))
        total = list(map(operator.add, total, part))
    return total
