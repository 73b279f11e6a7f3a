"""AnalysisRunner: live findings after each edit (debounced, UI thread) and metrics off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from commarch.analysis import Finding, find
from commarch.analysis.brokerage_fast import Cancelled
from commarch.analysis.gaps import active_groups
from commarch.analysis.index import build_index
from commarch.analysis.metrics import metrics_indexed
from commarch.editing import Document, events
from commarch.model import CommModel

from ..workers import HeldRunnable, start_held

if TYPE_CHECKING:
    from commarch.analysis.brokerage_process import BrokerageProcess

DEBOUNCE_MS = 250


def snapshot(model: CommModel) -> CommModel:
    """A copy a worker thread may read while the user edits on.

    Elements and relations are immutable snapshots (commands replace them, never mutate them), so
    copying the lists, not the objects, is enough: O(n) pointer copies instead of a deep copy.
    """
    return model.model_copy(update={"elements": list(model.elements), "relations": list(model.relations),
                                    "rules": dict(model.rules) if model.rules else model.rules,
                                    "waivers": list(model.waivers) if model.waivers else model.waivers})


_PROCESS: BrokerageProcess | None = None


def brokerage_process() -> BrokerageProcess:
    """The app's one child process for large brokerage computations (started on first use; the module,
    with multiprocessing, is imported then too: ~5 ms off the start-up path)."""
    global _PROCESS
    if _PROCESS is None:
        from commarch.analysis.brokerage_process import BrokerageProcess

        _PROCESS = BrokerageProcess()
    return _PROCESS


def run_in_child(n: int, pairs: list[tuple[int, int]], should_stop: Callable[[], bool] | None = None
                 ) -> list[float]:
    """A brokerage_fast.RawRunner: the app's child process (asked for large graphs only)."""
    return brokerage_process()(n, pairs, should_stop)


class _Relay(QObject):
    """Carries a worker's result back to the UI thread (a queued signal: the relay lives there)."""

    done = Signal(int, object)


class _MetricsJob(HeldRunnable):
    def __init__(self, generation: int, model: CommModel, findings: list[Finding], relay: _Relay,
                 is_current: Callable[[int], bool]):
        super().__init__()
        self.generation, self.model, self.findings = generation, model, findings
        self.relay, self.is_current = relay, is_current

    def work(self) -> None:
        if not self.is_current(self.generation):
            return  # the model changed before we started: a newer job follows
        try:
            ix = build_index(self.model)
            metrics: Any = metrics_indexed(ix, self.findings, with_brokerage=True,
                                           should_stop=lambda: not self.is_current(self.generation),
                                           runner=run_in_child)
            metrics["silo_groups"] = active_groups(ix)  # members, for listing the silos by name
        except Cancelled:
            return  # the model changed meanwhile: the job for the newer model follows
        except Exception as exc:  # a worker must not die silently; the UI shows "n/a"
            metrics = {"error": str(exc)}
        if self.is_current(self.generation):
            self.relay.done.emit(self.generation, metrics)


class AnalysisRunner(QObject):
    """Follows a Document: `findings_ready(list[Finding])` ~250 ms after the last change (run on the UI
    thread: `find` is fast), then `metrics_ready(dict)` from a worker thread on a snapshot.

    Every change bumps `generation`; metrics of an older generation are dropped, so a result never
    describes a model the user has already changed.
    """

    findings_ready = Signal(list)
    metrics_ready = Signal(dict)

    def __init__(self, doc: Document, language: Callable[[], str | None] = lambda: None,
                 parent: QObject | None = None, delay_ms: int = DEBOUNCE_MS):
        super().__init__(parent)
        self.language = language
        self.generation = 0
        self.findings: list[Finding] = []
        self.metrics: dict[str, Any] = {}
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one analysis at a time; stale ones exit early
        self._relay = _Relay(self)
        self._relay.done.connect(self._metrics_done)
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.run_now)
        self.doc = doc
        self._unsubscribe = doc.subscribe(self._changed)
        self._held = False
        self._pending = False
        self._held_job: _MetricsJob | None = None  # findings run while held: their metrics wait for release
        self.findings_generation = -1  # the generation `findings` describe

    def hold(self) -> None:
        """Keep scheduled runs waiting until `release()` (start-up: the window paints before the first run)."""
        self._held = True

    @property
    def held(self) -> bool:
        return self._held

    @property
    def findings_current(self) -> bool:
        """True when `findings` describe the document as it is now (no run pending)."""
        return self.findings_generation == self.generation

    def release(self) -> None:
        """Run what was scheduled while held, on the next turn of the event loop (idempotent); a metrics
        job of findings computed while held starts then."""
        if not self._held:
            return
        self._held = False
        job, self._held_job = self._held_job, None
        if self._pending:
            self._pending = False
            self._timer.start(0)
        elif job is not None:
            QTimer.singleShot(0, self, lambda: start_held(job, self.pool))

    def set_document(self, doc: Document) -> None:
        self._unsubscribe()
        self.doc = doc
        self._unsubscribe = doc.subscribe(self._changed)
        self.schedule(immediately=True)

    def close(self) -> None:
        self._unsubscribe()
        self._timer.stop()
        self._pending = False
        self.generation += 1
        self.pool.waitForDone(2000)

    def _changed(self, change: events.Change) -> None:
        if isinstance(change, events.Saved | events.ElementsMoved):
            return  # positions and saving change nothing the analysis reads: dragging costs no analysis
        if isinstance(change, events.MetaChanged) and not (change.keys & {"language"}):
            return
        self.schedule()

    def schedule(self, immediately: bool = False) -> None:
        """Analyse after the debounce delay (restarted by each change), or on the next event loop turn."""
        self.generation += 1
        if self._held:
            self._pending = True
            return
        self._timer.start(0 if immediately else self._timer.interval())

    def is_current(self, generation: int) -> bool:
        return generation == self.generation

    def run_now(self) -> None:
        """Findings now (UI thread), metrics in the worker."""
        self._timer.stop()
        self._pending = False  # run now, also when held: what was waiting is done
        model = self.doc.model
        self.findings = find(model, self.language())
        self.findings_generation = self.generation
        self.findings_ready.emit(self.findings)
        job = _MetricsJob(self.generation, snapshot(model), list(self.findings), self._relay, self.is_current)
        if self._held:  # before the window's first paint: the worker waits for it
            self._held_job = job
            return
        # started on the next turn of the event loop, after the findings have been painted: the worker's
        # imports (igraph, networkx) and its share of the GIL would otherwise delay that paint
        QTimer.singleShot(0, self, lambda: start_held(job, self.pool))

    def _metrics_done(self, generation: int, metrics: dict[str, Any]) -> None:
        if generation != self.generation:
            return
        self.metrics = metrics
        self.metrics_ready.emit(metrics)
