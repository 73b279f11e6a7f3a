"""Arrange ▸ Auto-layout from the menu (one undo step, no overlaps, threaded for big models) and
File ▸ New from template."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction

from commarch.editing import Document
from commarch.layout import KIND_COLUMN, overlapping_pairs
from commarch.model import CommModel
from commarch.templates import TEMPLATE_NAMES, build_template


def positions(window) -> dict[str, tuple[float, float]]:
    return {e.id: (float(e.x), float(e.y)) for e in window.doc.model.elements}


def menu_action(window, name: str) -> QAction:
    found = [a for a in window.findChildren(QAction) if a.objectName() == name]
    assert len(found) == 1, name
    return found[0]


@pytest.mark.parametrize("name", ["layered", "force", "circular"])
def test_layout_from_menu_is_one_undo_step_without_overlaps(win, name: str) -> None:
    before = positions(win)
    stack = win.controller.stack
    depth = stack.count()
    menu_action(win, f"layout_{name}").trigger()
    after = positions(win)
    assert stack.count() == depth + 1
    assert after != before
    assert overlapping_pairs(after) == []
    if name == "layered":
        xs = {kind: [after[e.id][0] for e in win.doc.model.elements if e.kind == kind]
              for kind in ("department", "channel", "stakeholder")}
        assert max(xs["department"]) < min(xs["channel"]) and max(xs["channel"]) < min(xs["stakeholder"])
        assert KIND_COLUMN["department"] < KIND_COLUMN["channel"] < KIND_COLUMN["stakeholder"]
    stack.undo()
    assert positions(win) == before
    # the same input gives the same layout
    menu_action(win, f"layout_{name}").trigger()
    assert positions(win) == after


def test_layout_of_the_selection_moves_only_it(win) -> None:
    before = positions(win)
    chosen = ["s-presse", "s-kunden", "s-partner"]
    win.scene.select_ids(chosen)
    menu_action(win, "layout_circular").trigger()
    after = positions(win)
    moved = {i for i in before if before[i] != after[i]}
    assert moved and moved <= set(chosen)


def big_model(departments: int = 40, channels: int = 140, stakeholders: int = 160) -> CommModel:
    elements, relations = [], []
    for kind, prefix, count in (("department", "d", departments), ("channel", "c", channels),
                                ("stakeholder", "s", stakeholders)):
        elements += [{"id": f"{prefix}{n}", "kind": kind, "label": f"{kind} {n}", "x": 0, "y": 0}
                     for n in range(count)]
    for n in range(channels):
        relations.append({"id": f"o{n}", "kind": "operates", "source": f"d{n % departments}", "target": f"c{n}"})
        relations.append({"id": f"r{n}", "kind": "reaches", "source": f"c{n}", "target": f"s{(n * 7) % stakeholders}"})
    return CommModel.model_validate({"format": "comm", "version": 1, "elements": elements, "relations": relations})


def test_big_layout_runs_in_a_worker_and_is_one_step(win, qtbot) -> None:
    win.set_document(Document(big_model()))
    ui = win.analysis_ui
    depth = win.controller.stack.count()
    menu_action(win, "layout_layered").trigger()
    assert ui.layouts.running  # returned at once: the UI thread is free while it computes
    qtbot.waitUntil(lambda: not ui.layouts.running, timeout=60000)
    assert win.controller.stack.count() == depth + 1
    assert overlapping_pairs(positions(win)) == []


def test_big_layout_is_dropped_when_the_model_changed_meanwhile(win, qtbot) -> None:
    win.set_document(Document(big_model()))
    ui = win.analysis_ui
    menu_action(win, "layout_force").trigger()
    win.controller.move({"d0": (5000.0, 5000.0)})
    depth = win.controller.stack.count()
    qtbot.waitUntil(lambda: not ui.layouts.running, timeout=60000)
    assert win.controller.stack.count() == depth  # nothing recorded on top of the user's edit
    assert positions(win)["d0"] == (5000.0, 5000.0)


def test_every_template_opens_in_a_new_window(win, gui_app) -> None:
    from commarch.gui.analysis_ui.common import ui_language

    win.analysis_ui.template_menu.aboutToShow.emit()  # its entries are made when it is first opened
    for name in TEMPLATE_NAMES:
        count = len(gui_app.windows)
        menu_action(win, f"template_{name}").trigger()
        assert len(gui_app.windows) == count + 1
        opened = gui_app.windows[-1]
        expected = build_template(name, ui_language(win))
        assert [e.id for e in opened.doc.model.elements] == [e.id for e in expected.elements]
        assert opened.doc.model.meta.title == expected.meta.title
        assert not opened.doc.is_dirty
