"""Fixtures: a main window with the export UI installed, holding the story's as-is model; file dialogs
answered by the test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[3] / "resources" / "examples" / "avantgarde-as-is.comm"


@pytest.fixture
def win(gui_app, qtbot):
    from commarch.gui.exports import install_export_ui

    window = gui_app.new_window()
    qtbot.addWidget(window)
    install_export_ui(window)
    assert window.load_path(str(EXAMPLE)) is not False
    return window


@pytest.fixture
def answer_files(monkeypatch: pytest.MonkeyPatch) -> Callable[[str | None], list[tuple[str, str]]]:
    """`answer_files(path)`: every following file dialog answers `path` (None: cancelled). Returns the
    (title, suggested) pairs the dialogs were opened with."""
    from commarch.gui.exports import common

    asked: list[tuple[str, str]] = []
    answer: list[str | None] = [None]

    def save(_parent, title, suggested, _filter):
        asked.append((title, suggested))
        return answer[0]

    monkeypatch.setattr(common, "ask_save_path", save)
    monkeypatch.setattr(common, "ask_open_path", save)

    def set_answer(path: str | None) -> list[tuple[str, str]]:
        answer[0] = path
        return asked

    return set_answer


def labels_by_id(model) -> dict[str, str]:
    return {e.id: e.label for e in model.elements}
