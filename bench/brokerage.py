"""Brokerage (exact normalized betweenness) vs igraph's betweenness on the same graph; checked against networkx."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import Result, compare, emit, model_file, parse_args  # noqa: E402

from commarch import fileformat  # noqa: E402
from commarch.analysis import brokerage  # noqa: E402
from commarch.analysis.brokerage_fast import betweenness, has_fast_backend  # noqa: E402
from commarch.analysis.index import build_index  # noqa: E402

QUICK = (1000, 5000)
FULL = (200, 1000, 3000, 5000, 10000)
CHECK_UP_TO = 1000  # networkx's own result is compared up to this size (it takes ~3 s at 1,000)


def measure(sizes: tuple[int, ...], runs: int) -> list[Result]:
    import igraph

    results: list[Result] = []
    for n in sizes:
        model = fileformat.load(model_file(n))
        ix = build_index(model)
        order = sorted(ix.labels)
        position = {node: i for i, node in enumerate(order)}
        pairs = {(min(a, b), max(a, b)) for a, b in ix.edges}
        graph = igraph.Graph(n=len(order), edges=[(position[a], position[b]) for a, b in pairs])
        ours, base = compare(lambda m=model: brokerage(m), lambda g=graph: g.betweenness(directed=False),
                             runs if n < 5000 else max(3, runs // 2 + 1))
        note = "igraph backend" if has_fast_backend() else "networkx fallback (igraph missing)"
        if n <= CHECK_UP_TO:
            reference = betweenness(ix.labels, ix.edges, use_igraph=False)
            got = brokerage(model)
            worst = max((abs(got[d] - reference[d]) for d in got), default=0.0)
            note += f"; max |ours - networkx| = {worst:.1e}" + (" ok" if worst <= 1e-9 else " MISMATCH")
        results.append(Result("brokerage", n, ours, base, target=2.0, note=note))
    return results


def main(argv: list[str] | None = None) -> int:
    sizes, runs, json_out = parse_args(__doc__ or "", QUICK, FULL, argv)
    emit(measure(sizes, runs), json_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
