"""matplotlib's process-wide state is shared by the report (worker thread) and the metrics panel (UI thread)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from commarch import mpl
from commarch.report import charts


class RecordingLock:
    def __init__(self) -> None:
        self.entered = 0
        self.depth = 0

    def __enter__(self) -> None:
        self.entered += 1
        self.depth += 1

    def __exit__(self, *exc: object) -> None:
        self.depth -= 1


@pytest.mark.parametrize("draw", [
    lambda: charts.brokerage_bars([("A", 0.5, False), ("B", 0.2, True)], "x"),
    lambda: charts.power_grid([("A", 4, 2, "high", False), ("B", 1, 5, "low", True)], ("interest", "influence"),
                              ("q1", "q2", "q3", "q4"), ("external", "internal")),
], ids=["bars", "grid"])
def test_charts_change_rc_params_only_under_the_lock(monkeypatch: pytest.MonkeyPatch, draw) -> None:
    import matplotlib

    lock = RecordingLock()
    monkeypatch.setattr(mpl, "LOCK", lock)
    seen = []
    real = matplotlib.rc_context

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(lock.depth)
        return real(*args, **kwargs)

    monkeypatch.setattr(matplotlib, "rc_context", watched)
    draw()
    assert lock.entered >= 1 and seen and all(depth > 0 for depth in seen)


def test_the_app_fixes_the_backend_so_no_thread_imports_pyplot() -> None:
    """Reading rcParams["backend"] with no backend chosen imports pyplot in that thread; the app sets one."""
    code = ("import commarch.gui.startup, matplotlib, sys; "
            "print(matplotlib.rcParams['backend'], 'matplotlib.pyplot' in sys.modules)")
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.split() == ["agg", "False"]


def test_igraph_is_imported_under_the_lock(monkeypatch: pytest.MonkeyPatch) -> None:
    """igraph imports matplotlib.pyplot; the analysis worker must not do that while a report imports matplotlib."""
    import importlib

    from commarch.analysis import brokerage_fast

    lock = RecordingLock()
    depths = []
    real = importlib.import_module

    def watched(name: str, *args: object):  # type: ignore[no-untyped-def]
        if name == "igraph":
            depths.append(lock.depth)
        return real(name, *args)

    monkeypatch.setattr(brokerage_fast, "LOCK", lock)
    monkeypatch.setattr(importlib, "import_module", watched)
    brokerage_fast._igraph.cache_clear()
    try:
        brokerage_fast._igraph()
    finally:
        brokerage_fast._igraph.cache_clear()
    assert depths == [1]
