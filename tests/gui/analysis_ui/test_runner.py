"""AnalysisRunner: debounced findings on the UI thread, metrics from a worker, stale results dropped."""

from __future__ import annotations

import os

from commarch.analysis import analyze
from commarch.editing import Document, SetElementProperty
from commarch.fileformat import load
from commarch.gui.analysis_ui import AnalysisRunner
from commarch.gui.analysis_ui.runner import snapshot

from .conftest import EXAMPLE


def test_burst_of_edits_gives_one_analysis_of_the_last_state(qtbot) -> None:
    doc = Document(load(EXAMPLE))
    runner = AnalysisRunner(doc, lambda: "en", delay_ms=100)
    findings_calls, metrics_calls = [], []
    runner.findings_ready.connect(findings_calls.append)
    runner.metrics_ready.connect(metrics_calls.append)
    for n in range(5):
        doc.execute(SetElementProperty(doc, "s-investoren", "label", f"Investors {n}"))
    qtbot.waitUntil(lambda: bool(metrics_calls), timeout=5000)
    qtbot.wait(150)
    assert len(findings_calls) == 1  # debounced: five edits, one run
    assert len(metrics_calls) == 1
    expected = analyze(doc.model, "en")
    assert [f.message for f in findings_calls[0]] == [f.message for f in expected.findings]
    assert "Investors 4" in next(f.message for f in findings_calls[0] if f.rule == "GAP-UNREACHED")
    assert metrics_calls[0]["integration_score"] == expected.metrics["integration_score"]
    assert metrics_calls[0]["brokerage"] == expected.metrics["brokerage"]
    runner.close()


def test_metrics_of_an_older_model_are_dropped(qtbot) -> None:
    doc = Document(load(EXAMPLE))
    runner = AnalysisRunner(doc, lambda: "en", delay_ms=50)
    got = []
    runner.metrics_ready.connect(got.append)
    runner.run_now()
    stale = runner.generation
    doc.execute(SetElementProperty(doc, "s-investoren", "priority", "low"))  # a change bumps the generation
    runner._metrics_done(stale, {"integration_score": -1})
    assert got == []
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got[-1]["integration_score"] == analyze(doc.model).metrics["integration_score"]
    runner.close()


def test_snapshot_is_not_changed_by_later_edits() -> None:
    doc = Document(load(EXAMPLE))
    copy = snapshot(doc.model)
    doc.execute(SetElementProperty(doc, "s-investoren", "label", "Changed"))
    assert next(e.label for e in copy.elements if e.id == "s-investoren") != "Changed"
    assert len(copy.elements) == len(doc.model.elements)


def test_moves_do_not_rerun_the_analysis(qtbot) -> None:
    from commarch.editing import Move

    doc = Document(load(EXAMPLE))
    runner = AnalysisRunner(doc, lambda: "en", delay_ms=20)
    calls = []
    runner.findings_ready.connect(calls.append)
    doc.execute(Move(doc, {"s-investoren": (1234.0, 567.0)}))
    qtbot.wait(150)
    assert calls == []
    doc.execute(SetElementProperty(doc, "s-investoren", "needs_dialog", True))
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=3000)
    runner.close()


def test_large_brokerage_runs_in_the_child_process(qtbot, monkeypatch) -> None:
    """igraph holds the GIL for a whole computation: for large models the window's worker hands it to a
    child process, so the window keeps running (a 10,000-element model froze it ~4 s after every edit)."""
    from commarch.analysis import brokerage_fast
    from commarch.gui.analysis_ui import runner as runner_module

    expected = analyze(load(EXAMPLE), "en").metrics["brokerage"]
    monkeypatch.setattr(brokerage_fast, "SINGLE_CALL_NODES", 5)  # the example's graph counts as large here
    doc = Document(load(EXAMPLE))
    runner = AnalysisRunner(doc, lambda: "en", delay_ms=10)
    got = []
    runner.metrics_ready.connect(got.append)
    runner.run_now()
    qtbot.waitUntil(lambda: bool(got), timeout=30000)
    assert got[-1]["brokerage"] == expected  # the child's single call: the very values of analyze()
    assert runner_module.brokerage_process().pid not in (None, os.getpid())
    runner.close()
