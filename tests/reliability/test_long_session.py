"""Long session (short variant): scripted 500-step workshops in a subprocess exit cleanly, and memory
does not grow once a workshop's document is closed."""

from __future__ import annotations

from .support import bench_module, figure

# Generous bounds for a short run: the long variant (bench/reliability/long_session.py) gives the figures.
LEAK_LIMIT_MB = 0.5          # traced Python memory left behind per 1,000 edits after closing the document
HISTORY_LIMIT_MB = 20.0      # one document keeping every undo step, per 1,000 edits


def test_scripted_workshops_exit_cleanly_with_bounded_memory() -> None:
    session = bench_module("long_session")
    stats = session.run(processes=1, sessions=2, steps=500, seed=3, fsync=False, timeout=120)
    figure(stats.figure())
    assert stats.problems == []
    assert stats.clean_exits == stats.processes == 1
    assert stats.edits > 1000
    assert stats.leak_mb_per_1000 < LEAK_LIMIT_MB
    assert 0 < stats.history_mb_per_1000 < HISTORY_LIMIT_MB
