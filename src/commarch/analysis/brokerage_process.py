"""Brokerage for the desktop app, computed in a child process.

igraph holds the GIL for the whole of a betweenness computation, so in a worker thread of the window a
10,000-element model's ~4 s (minutes at 50,000) froze the window as long, after every edit. A child
process leaves the window's Python alone; the child computes in slices (brokerage_fast.raw_betweenness)
and stops at the next slice when the caller no longer wants the result (the model changed meanwhile).
The child starts on the first large computation (~0.5 s) and serves every later one; it ends with the app
(it is a daemon, and it leaves when its pipe closes). In the bundle the child runs the bundle's own
executable (freeze_support in packaging/commarch_entry.py; tests/packaging/test_bundle.py checks it).
"""

from __future__ import annotations

import atexit
import multiprocessing
import threading
from array import array
from collections.abc import Callable
from itertools import chain
from typing import Any

from .brokerage_fast import Cancelled, _igraph, raw_betweenness

POLL_SECONDS = 0.02


def _serve(conn: Any) -> None:
    """The child: requests `("run", job, n, pairs as int32 bytes)` and `("cancel", job)`; answers
    `(job, values)`, `(job, None)` when cancelled, or `(job, "error text")`. Between slices it stops when
    anything is waiting in its pipe (a cancel, or a newer request, which makes this one outdated)."""
    igraph = _igraph()
    pending: Any = None
    while True:
        try:
            message = pending if pending is not None else conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return  # the app has gone
        pending = None
        if message[0] != "run":
            continue  # a cancel for a job already answered
        _run, job, n, flat = message
        ids = array("i")
        ids.frombytes(flat)
        pairs = list(zip(ids[0::2], ids[1::2], strict=True))
        result: Any
        try:
            result = raw_betweenness(igraph, n, pairs, conn.poll) if igraph is not None else "no igraph"
        except Cancelled:
            result = None
        except Exception as exc:  # answered, never lost: the caller computes in its own process then
            result = f"{type(exc).__name__}: {exc}"
        try:
            conn.send((job, result))
        except (OSError, ValueError):
            return


class BrokerageProcess:
    """A `brokerage_fast.RawRunner` backed by one child process (thread-safe: one computation at a time)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._context = multiprocessing.get_context("spawn")  # never fork a process running Qt threads
        self._process: Any = None
        self._conn: Any = None
        self._job = 0
        self._unanswered: int | None = None  # a cancelled job whose answer is still to come

    def __call__(self, n: int, pairs: list[tuple[int, int]],
                 should_stop: Callable[[], bool] | None = None) -> list[float]:
        with self._lock:
            self._ensure_started()
            self._drain()
            self._job += 1
            job = self._job
            self._conn.send(("run", job, n, array("i", chain.from_iterable(pairs)).tobytes()))
            while True:
                if self._conn.poll(POLL_SECONDS):
                    answered, result = self._conn.recv()
                    if answered != job:
                        continue  # the late answer of a cancelled job
                    if result is None:
                        raise Cancelled
                    if isinstance(result, str):
                        raise RuntimeError(f"brokerage process: {result}")
                    return result
                self._check_alive()
                if should_stop is not None and should_stop():
                    self._conn.send(("cancel", job))  # it stops after its current slice and answers None
                    self._unanswered = job
                    raise Cancelled

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def close(self) -> None:
        with self._lock:
            self._stop()

    # the child ----------------------------------------------------------------------------------
    def _ensure_started(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        self._stop()
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(child,), daemon=True, name="commarch-brokerage")
        process.start()  # OSError if processes cannot be made here: the caller computes itself
        child.close()
        self._process, self._conn, self._unanswered = process, parent, None
        atexit.register(self.close)

    def _drain(self) -> None:
        """Wait for the answer of a cancelled job (at most one slice of work)."""
        while self._unanswered is not None:
            if self._conn.poll(POLL_SECONDS):
                answered, _result = self._conn.recv()
                if answered == self._unanswered:
                    self._unanswered = None
            else:
                self._check_alive()

    def _check_alive(self) -> None:
        if not self._process.is_alive():
            self._stop()
            raise RuntimeError("the brokerage process ended unexpectedly")

    def _stop(self) -> None:
        if self._conn is not None:
            self._conn.close()
        if self._process is not None:
            self._process.terminate()
            self._process.join(1.0)
        self._process = self._conn = None
        self._unanswered = None
