"""Crossing minimisation for layered drawings: dummy chains, barycenter/median sweeps, transposition."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence

Layers = list[list[str]]


def proper_layers(
    layers: Sequence[Sequence[str]], layer_of: dict[str, int], edges: Sequence[tuple[str, str]]
) -> tuple[Layers, dict[str, set[str]], dict[str, set[str]]]:
    """Split edges that skip layers into chains through dummy nodes, so every edge joins neighbours.

    Returns the layers (real nodes first, then dummies) and, per node, its neighbours one layer up
    and one layer down. Edges inside one layer play no part in the ordering.
    """
    out = [list(layer) for layer in layers]
    up: dict[str, set[str]] = {n: set() for layer in out for n in layer}
    down: dict[str, set[str]] = {n: set() for layer in out for n in layer}
    for a, b in edges:
        la, lb = layer_of[a], layer_of[b]
        if la == lb:
            continue
        if la > lb:
            a, b, la, lb = b, a, lb, la
        previous = a
        for layer in range(la + 1, lb):
            # "\0" cannot occur in an element id, so dummies never clash with real nodes.
            dummy = f"\0{a}\0{b}\0{layer}"
            out[layer].append(dummy)
            up[dummy], down[dummy] = set(), set()
            down[previous].add(dummy)
            up[dummy].add(previous)
            previous = dummy
        down[previous].add(b)
        up[b].add(previous)
    return out, up, down


def _inversions(seq: list[int], size: int) -> int:
    """Number of pairs i < j with seq[i] > seq[j] (Fenwick tree, O(n log size))."""
    tree = [0] * (size + 1)
    count = 0
    for seen, value in enumerate(seq):
        i = value + 1
        less_or_equal = 0
        while i > 0:
            less_or_equal += tree[i]
            i -= i & -i
        count += seen - less_or_equal
        i = value + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
    return count


def layer_crossings(upper: list[str], lower: list[str], down: dict[str, set[str]]) -> int:
    """Crossings between two adjacent layers in the given orders."""
    index = {n: k for k, n in enumerate(lower)}
    seq = []
    for node in upper:
        seq.extend(sorted(index[m] for m in down[node]))
    return _inversions(seq, len(lower))


def total_crossings(layers: Layers, down: dict[str, set[str]]) -> int:
    return sum(layer_crossings(layers[k], layers[k + 1], down) for k in range(len(layers) - 1))


def _median(values: list[float]) -> float:
    values = sorted(values)
    n = len(values)
    mid = n // 2
    if n % 2:
        return values[mid]
    if n == 2:
        return (values[0] + values[1]) / 2
    # Weighted median (Gansner et al.): lean towards the side where neighbours are packed closer.
    left = values[mid - 1] - values[0]
    right = values[-1] - values[mid]
    if left + right == 0:
        return (values[mid - 1] + values[mid]) / 2
    return (values[mid - 1] * right + values[mid] * left) / (left + right)


def _barycenter(values: list[float]) -> float:
    return sum(values) / len(values)


def _reorder(layer: list[str], fixed_layer: list[str], neighbours: dict[str, set[str]],
             measure: Callable[[list[float]], float]) -> list[str]:
    """Sort a layer by the measure of its neighbours' positions; nodes without neighbours keep their place."""
    index = {n: k for k, n in enumerate(fixed_layer)}
    keys = {}
    for k, node in enumerate(layer):
        positions = [float(index[m]) for m in neighbours[node]]
        # Ties: keep the current order first (stability), then ids, so the result is deterministic.
        keys[node] = (measure(positions) if positions else float(k), k, node)
    return sorted(layer, key=keys.__getitem__)


def _pair_crossings(u: str, v: str, neighbours: dict[str, set[str]], index: dict[str, int]) -> int:
    """Crossings among edges of u and v (to one adjacent layer) when u is placed left of v."""
    pu = [index[m] for m in neighbours[u]]
    pv = sorted(index[m] for m in neighbours[v])
    return sum(bisect_left(pv, p) for p in pu)


def transpose(layers: Layers, up: dict[str, set[str]], down: dict[str, set[str]], passes: int = 4) -> None:
    """Swap neighbouring nodes in place while that lowers the crossings with both adjacent layers."""
    indices = [{n: k for k, n in enumerate(layer)} for layer in layers]
    for _ in range(passes):
        improved = False
        for li, layer in enumerate(layers):
            above = indices[li - 1] if li > 0 else None
            below = indices[li + 1] if li + 1 < len(layers) else None
            for k in range(len(layer) - 1):
                u, v = layer[k], layer[k + 1]
                keep = swap = 0
                if above is not None:
                    keep += _pair_crossings(u, v, up, above)
                    swap += _pair_crossings(v, u, up, above)
                if below is not None:
                    keep += _pair_crossings(u, v, down, below)
                    swap += _pair_crossings(v, u, down, below)
                if swap < keep:
                    layer[k], layer[k + 1] = v, u
                    indices[li][u], indices[li][v] = k + 1, k
                    improved = True
        if not improved:
            break


def minimise_crossings(layers: Layers, up: dict[str, set[str]], down: dict[str, set[str]],
                       rounds: int = 12) -> list[Layers]:
    """Alternate down and up sweeps with transposition, once with barycenters and once with medians.

    Returns the best order (fewest crossings between layers) found by each heuristic; the caller
    picks among them by the crossings of the final drawing.
    """
    big = sum(len(layer) for layer in layers) > 3000
    candidates = []
    for measure in (_barycenter, _median):
        current = [list(layer) for layer in layers]
        best, best_count = [list(layer) for layer in current], total_crossings(current, down)
        stale = 0
        for _ in range(4 if big else rounds):
            for k in range(1, len(current)):
                current[k] = _reorder(current[k], current[k - 1], up, measure)
            for k in range(len(current) - 2, -1, -1):
                current[k] = _reorder(current[k], current[k + 1], down, measure)
            transpose(current, up, down, passes=2 if big else 4)
            count = total_crossings(current, down)
            if count < best_count:
                best, best_count, stale = [list(layer) for layer in current], count, 0
            else:
                stale += 1
                if stale >= 3 or best_count == 0:
                    break
        candidates.append(best)
    return candidates
