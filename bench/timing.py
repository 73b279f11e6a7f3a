"""Shared benchmark plumbing: alternating ours/baseline timing, medians, result lines, model files."""

from __future__ import annotations

import gc
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
CACHE = Path(os.environ.get("COMMARCH_BENCH_CACHE", Path(tempfile.gettempdir()) / "commarch-bench"))


@dataclass
class Result:
    item: str
    n: int
    ours: float  # seconds (or bytes for memory items, see `unit`)
    baseline: float
    unit: str = "s"
    target: float | None = None  # ratio target, None = information only
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline else float("inf")

    def line(self) -> str:
        fmt = _fmt(self.unit)
        verdict = ""
        if self.target is not None:
            verdict = "ok" if self.ratio <= self.target else f"MISS (target <= {self.target:g}x)"
        text = (f"{self.item:<28} {self.n:>6}  {fmt(self.ours):>10}  {fmt(self.baseline):>10}  "
                f"{self.ratio:6.2f}x  {verdict}")
        return f"{text}  {self.note}".rstrip()

    def to_json(self) -> dict[str, Any]:
        return {"item": self.item, "n": self.n, "ours": self.ours, "baseline": self.baseline,
                "ratio": self.ratio, "unit": self.unit, "target": self.target, "note": self.note}


def _fmt(unit: str) -> Callable[[float], str]:
    if unit == "MiB":
        return lambda v: f"{v:.1f}MiB"
    return lambda v: f"{v * 1000:.1f}ms" if v < 10 else f"{v:.2f}s"


def compare(ours: Callable[[], object], baseline: Callable[[], object], runs: int = 5,
            warmup: int = 1) -> tuple[float, float]:
    """Median seconds of `ours` and `baseline`, run alternately (ours first, then baseline first, ...).

    The machine is shared and noisy: alternating spreads any slow spell over both sides. Results are
    dropped and a full collection runs between calls, so neither side pays for the other's garbage.
    """
    a: list[float] = []
    b: list[float] = []
    for i in range(warmup + runs):
        order = ((ours, a), (baseline, b)) if i % 2 == 0 else ((baseline, b), (ours, a))
        for func, bucket in order:
            gc.collect()
            start = time.perf_counter()
            value = func()
            elapsed = time.perf_counter() - start
            del value
            if i >= warmup:
                bucket.append(elapsed)
    return statistics.median(a), statistics.median(b)


def model_file(n: int, seed: int = 1) -> Path:
    """The generated model of `n` elements (bench/generate.py), cached on disk between runs."""
    path = CACHE / f"model-{n}-s{seed}.comm"
    if not path.exists():
        sys.path.insert(0, str(BENCH_DIR))
        from generate import generate  # the shared generator; not rewritten here

        CACHE.mkdir(parents=True, exist_ok=True)
        raw = json.dumps(generate(n, seed), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
        from commarch import fileformat

        temp = path.with_suffix(".tmp")
        fileformat.save(fileformat.loads(raw, str(path)), temp)
        os.replace(temp, path)
    return path


def emit(results: list[Result], json_out: str | None = None) -> None:
    for result in results:
        print(result.line(), flush=True)
    if json_out:
        with open(json_out, "a", encoding="utf-8") as handle:
            for result in results:
                handle.write(json.dumps(result.to_json()) + "\n")


def parse_args(description: str, quick: tuple[int, ...], full: tuple[int, ...],
               argv: list[str] | None = None) -> tuple[tuple[int, ...], int, str | None]:
    """Common options: --full (all sizes), --sizes, --runs, --json (append results as JSON lines)."""
    import argparse

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--full", action="store_true", help=f"sizes {', '.join(map(str, full))}")
    parser.add_argument("--sizes", type=lambda s: tuple(int(x) for x in s.split(",")), default=None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", default=None, help="append results as JSON lines to this file")
    args = parser.parse_args(argv)
    sizes = args.sizes or (full if args.full else quick)
    return sizes, max(args.runs, 1), args.json
