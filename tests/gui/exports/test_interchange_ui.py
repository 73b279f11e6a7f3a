"""File ▸ Import / Export: GraphML, CSV pair and matrices through the menu actions; round trips; problems."""

from __future__ import annotations

import csv

import pytest


def element_tuples(model) -> list[dict]:
    return [e.model_dump() for e in model.elements]


def relation_tuples(model) -> list[dict]:
    return [r.model_dump() for r in model.relations]


def find_problems(window):
    from commarch.gui.exports.common import ProblemsDialog

    return [d for d in window.findChildren(ProblemsDialog) if d.isVisible()]


@pytest.mark.parametrize("fmt,suffix", [("graphml", ".graphml"), ("csv", ".csv")])
def test_export_then_import_round_trip(win, gui_app, answer_files, tmp_path, fmt, suffix):
    target = tmp_path / f"model{suffix}"
    asked = answer_files(str(target))
    win.export_ui.actions[f"export_{fmt}"].trigger()
    assert asked and asked[-1][1].endswith(suffix)  # the suggested name had the right suffix
    assert target.exists()
    if fmt == "csv":
        assert (tmp_path / "model.relations.csv").exists()
    before = len(gui_app.windows)
    win.export_ui.actions[f"import_{fmt}"].trigger()
    assert len(gui_app.windows) == before + 1
    imported = gui_app.windows[-1]
    assert imported is not win and imported.doc.path is None
    assert element_tuples(imported.doc.model) == element_tuples(win.doc.model)
    assert relation_tuples(imported.doc.model) == relation_tuples(win.doc.model)
    assert not imported.controller.stack.isClean()  # unsaved: closing asks before dropping it
    assert imported.isWindowModified()


def test_import_into_an_empty_window_reuses_it(gui_app, qtbot, answer_files, tmp_path):
    from commarch.fileformat import load
    from commarch.gui.exports import export_graphml, install_export_ui

    from .conftest import EXAMPLE

    source = gui_app.new_window()
    qtbot.addWidget(source)
    source.load_path(str(EXAMPLE))
    export_graphml(source, str(tmp_path / "m.graphml"))
    empty = gui_app.new_window()
    qtbot.addWidget(empty)
    install_export_ui(empty)
    answer_files(str(tmp_path / "m.graphml"))
    count = len(gui_app.windows)
    empty.export_ui.actions["import_graphml"].trigger()
    assert len(gui_app.windows) == count
    assert element_tuples(empty.doc.model) == element_tuples(load(str(EXAMPLE)))


def test_bad_csv_shows_the_problems_and_opens_nothing(win, gui_app, answer_files, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("kind,label,priority\nstakeholder,Kunden,urgent\nwizard,Merlin,\n", encoding="utf-8")
    answer_files(str(bad))
    before = [w.doc.model for w in gui_app.windows]
    win.export_ui.actions["import_csv"].trigger()
    assert [w.doc.model for w in gui_app.windows] == before
    dialogs = find_problems(win)
    assert len(dialogs) == 1
    lines = dialogs[0].lines()
    assert len(lines) >= 2 and all("bad.csv" in line for line in lines)
    assert any("line 2" in line and "urgent" in line for line in lines)
    assert any("line 3" in line for line in lines)


def test_hostile_graphml_is_refused(win, gui_app, answer_files, tmp_path):
    evil = tmp_path / "evil.graphml"
    evil.write_text('<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "aaaa">]><graphml><graph/></graphml>')
    answer_files(str(evil))
    count = len(gui_app.windows)
    win.export_ui.actions["import_graphml"].trigger()
    assert len(gui_app.windows) == count
    assert any("DTD" in line for line in find_problems(win)[0].lines())


def test_cancelled_dialogs_do_nothing(win, gui_app, answer_files, tmp_path):
    answer_files(None)
    count = len(gui_app.windows)
    for name in ("import_csv", "import_graphml", "export_graphml", "export_csv", "export_coverage"):
        win.export_ui.actions[name].trigger()
    assert len(gui_app.windows) == count and not find_problems(win)


@pytest.mark.parametrize("kind", ["coverage", "responsibility"])
def test_matrix_csv(win, answer_files, tmp_path, kind):
    target = tmp_path / f"{kind}.csv"
    asked = answer_files(str(target))
    win.export_ui.actions[f"export_{kind}"].trigger()
    assert asked[-1][1].endswith(".csv")
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
    model = win.doc.model
    row_kind, column_kind = ("channel", "stakeholder") if kind == "coverage" else ("department", "channel")
    assert [r[0] for r in rows[1:]] == [e.label for e in model.elements if e.kind == row_kind]
    assert rows[0][1:] == [e.label for e in model.elements if e.kind == column_kind]


def test_export_refuses_a_missing_folder(win, answer_files, tmp_path):
    answer_files(str(tmp_path / "nowhere" / "m.graphml"))
    win.export_ui.actions["export_graphml"].trigger()
    lines = find_problems(win)[0].lines()
    assert any("nowhere" in line for line in lines)
    assert not (tmp_path / "nowhere").exists()
