"""Quick performance check (not a unit test): find() and brokerage on a 1,000-element model.

Run: .venv/bin/python tests/analysis/perf_check.py [ELEMENTS] [RELATIONS]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.analysis.builders import random_model  # noqa: E402

from commarch.analysis import analyze, brokerage, find  # noqa: E402


def best_of(runs: int, function, *args):  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function(*args)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    n_elements = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    n_relations = int(sys.argv[2]) if len(sys.argv) > 2 else 2 * n_elements
    model = random_model(n_elements, n_relations)
    findings = find(model)
    print(f"model: {len(model.elements)} elements, {len(model.relations)} relations, "
          f"{len(findings)} findings")
    best, median = best_of(20, find, model)
    print(f"find():                      best {best * 1000:7.1f} ms, median {median * 1000:7.1f} ms "
          "(target: well under 50 ms)")
    best, median = best_of(3, brokerage, model)
    print(f"brokerage():                 best {best * 1000:7.1f} ms, median {median * 1000:7.1f} ms")
    best, median = best_of(5, lambda m: analyze(m, with_brokerage=False), model)
    print(f"analyze(with_brokerage=False) best {best * 1000:6.1f} ms, median {median * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
