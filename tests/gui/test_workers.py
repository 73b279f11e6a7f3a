"""Jobs started through gui.workers keep their Python side until their run is over."""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import QThreadPool

from commarch.gui import workers


def _held_ids() -> set[int]:
    with workers._LOCK:
        return {id(job) for job in workers._HELD}


class _Job(workers.HeldRunnable):
    def __init__(self, n: int, out: list[int], gate: threading.Event):
        super().__init__()
        self.n, self.out, self.gate = n, out, gate

    def work(self) -> None:
        self.gate.wait(60)
        gc.collect()  # whatever Python may collect meanwhile: this job is not among it
        self.out.append(self.n)


def test_jobs_without_references_run_with_their_attributes(qapp, qtbot) -> None:
    pool = QThreadPool()
    pool.setMaxThreadCount(2)
    out: list[int] = []
    gate = threading.Event()
    ours: set[int] = set()
    for n in range(50):
        job = _Job(n, out, gate)
        ours.add(id(job))
        workers.start_held(job, pool)
        del job  # no reference kept here
        if n % 10 == 0:
            gc.collect()
    assert ours <= _held_ids()  # all held: none can finish before the gate opens
    gate.set()
    assert pool.waitForDone(10_000)
    assert sorted(out) == list(range(50))
    assert not ours & _held_ids()


@pytest.mark.qt_no_exception_capture  # the job's error is reported by PySide6; the test is about the release
def test_a_failing_job_is_let_go_too(qapp) -> None:
    class Failing(workers.HeldRunnable):
        def work(self) -> None:
            raise ValueError("boom")

    pool = QThreadPool()
    job = Failing()
    key = id(job)
    workers.start_held(job, pool)
    del job
    assert pool.waitForDone(5000)
    assert key not in _held_ids()
