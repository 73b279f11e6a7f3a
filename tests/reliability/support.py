"""Shared helpers for the reliability tests: bench modules by path, figures printed in the test output."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench" / "reliability"
EXAMPLES = ROOT / "resources" / "examples"
HOSTILE = ROOT / "tests" / "data" / "hostile"


def bench_module(name: str) -> ModuleType:
    """Import bench/reliability/<name>.py (bench/ is not a package; the long variants live there)."""
    key = f"commarch_bench_{name}"
    if key in sys.modules:
        return sys.modules[key]
    spec = importlib.util.spec_from_file_location(key, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module
    spec.loader.exec_module(module)
    return module


def figure(text: str) -> None:
    """Print a figure so `pytest -s` (and the -ra summary of a failure) shows it."""
    print(f"\nFIGURE {text}", flush=True)
