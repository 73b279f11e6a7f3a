"""Fixtures: a main window with the analysis UI installed, holding the story's as-is model."""

from __future__ import annotations

from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[3] / "resources" / "examples" / "avantgarde-as-is.comm"


@pytest.fixture
def win(gui_app, qtbot):
    from commarch.gui.analysis_ui import install_analysis_ui

    window = gui_app.new_window()
    qtbot.addWidget(window)
    install_analysis_ui(window)
    assert window.load_path(str(EXAMPLE)) is not False
    ui = window.analysis_ui
    qtbot.waitUntil(lambda: bool(ui.runner.findings) and bool(ui.runner.metrics), timeout=5000)
    return window


def open_rows(window) -> list[tuple[str, frozenset[str]]]:
    """(rule, subjects) of each finding row the findings dock shows."""
    from commarch.gui.analysis_ui.findings_panel import ROLE

    return [(f.rule, frozenset(f.subjects)) for f in
            (item.data(0, ROLE) for item in window.analysis_ui.findings.finding_items())]
