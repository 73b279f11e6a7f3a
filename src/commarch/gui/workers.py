"""Starting Python QRunnables so that their Python side outlives their run.

`QThreadPool.start(job)` does not keep the Python wrapper of `job` alive by itself: if the last Python
reference goes before a pool thread calls `run()`, PySide6 hands `run()` a fresh wrapper without the job's
attributes ("'_MetricsJob' object has no attribute 'is_current'", seen under load in the test suite).
Each job started here is held in a set until its run has finished, and Python owns it (no auto-delete).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QRunnable, QThreadPool

_HELD: set[QRunnable] = set()
_LOCK = threading.Lock()


class HeldRunnable(QRunnable):
    """Subclasses implement `work()`; `run()` lets go of the job once it is done."""

    def work(self) -> None:
        raise NotImplementedError

    def run(self) -> None:
        try:
            self.work()
        finally:
            with _LOCK:
                _HELD.discard(self)


def start_held(job: HeldRunnable, pool: QThreadPool | None = None) -> None:
    job.setAutoDelete(False)  # read by the pool before run(); Python deletes the job once let go
    with _LOCK:
        _HELD.add(job)
    (pool or QThreadPool.globalInstance()).start(job)
