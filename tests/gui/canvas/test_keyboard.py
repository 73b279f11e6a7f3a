"""Keyboard use of the canvas: nudge, Tab, delete, rename in place, zoom keys, select all, connect."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from commarch.editing.document import Document
from commarch.editing.element_commands import AddElements, new_element
from commarch.gui.canvas import FINE_STEP, NUDGE_STEP, CanvasView
from commarch.model import allowed_relation_kinds

_K = Qt.Key
_Mods = Qt.KeyboardModifier


def test_arrows_nudge_the_selection(view: CanvasView, doc: Document, qtbot: QtBot) -> None:
    element = doc.model.elements[1]
    view.canvas_scene.select_ids([element.id])
    moves: list[dict] = []
    view.canvas_scene.move_requested.connect(moves.append)
    qtbot.keyClick(view, _K.Key_Right)
    qtbot.keyClick(view, _K.Key_Up, _Mods.ShiftModifier)
    assert moves == [{element.id: (element.x + NUDGE_STEP, element.y)},
                     {element.id: (element.x, element.y - FINE_STEP)}]
    view.set_grid(True, 25)
    view.set_snap(True)
    qtbot.keyClick(view, _K.Key_Down)
    x, y = moves[-1][element.id]
    assert x % 25 == 0 and y % 25 == 0 and abs(y - (element.y + 25)) <= 12.5


def test_tab_walks_elements_in_reading_order(view: CanvasView, doc: Document, qtbot: QtBot) -> None:
    scene = view.canvas_scene
    order = scene.reading_order()
    assert sorted(order) == sorted(e.id for e in doc.model.elements)
    ys = [scene.element_item(i).pos().y() for i in order]  # type: ignore[union-attr]
    assert ys[0] == min(ys)
    qtbot.keyClick(view, _K.Key_Tab)
    assert scene.selected_element_ids() == [order[0]]
    qtbot.keyClick(view, _K.Key_Tab)
    assert scene.selected_element_ids() == [order[1]]
    qtbot.keyClick(view, _K.Key_Backtab, _Mods.ShiftModifier)
    assert scene.selected_element_ids() == [order[0]]
    assert view.hasFocus()  # Tab did not move the keyboard focus away from the canvas


def test_delete_and_backspace_request_deletion(view: CanvasView, doc: Document, qtbot: QtBot) -> None:
    scene = view.canvas_scene
    requests: list[tuple[list, list]] = []
    scene.delete_requested.connect(lambda e, r: requests.append((e, r)))
    qtbot.keyClick(view, _K.Key_Delete)
    assert requests == []  # nothing selected
    element_id, relation_id = doc.model.elements[2].id, doc.model.relations[3].id
    scene.select_ids([element_id, relation_id])
    qtbot.keyClick(view, _K.Key_Delete)
    qtbot.keyClick(view, _K.Key_Backspace)
    assert requests == [([element_id], [relation_id])] * 2


def test_ctrl_a_selects_everything(view: CanvasView, doc: Document, qtbot: QtBot) -> None:
    qtbot.keyClick(view, _K.Key_A, _Mods.ControlModifier)
    assert len(view.canvas_scene.selected_element_ids()) == len(doc.model.elements)
    assert len(view.canvas_scene.selected_relation_ids()) == len(doc.model.relations)


@pytest.mark.parametrize("typed, expected", [
    ("Presse & <b>Medien</b>", "Presse & <b>Medien</b>"),
    ("  Trimmed  ", "Trimmed"),
    ("", None),
])
def test_f2_renames_in_place_as_plain_text(view: CanvasView, doc: Document, qtbot: QtBot, typed: str,
                                           expected: str | None) -> None:
    element = doc.model.elements[1]
    view.canvas_scene.select_ids([element.id])
    renames: list[tuple[str, str]] = []
    view.canvas_scene.rename_requested.connect(lambda i, t: renames.append((i, t)))
    qtbot.keyClick(view, _K.Key_F2)
    editor = view.editor
    assert editor is not None and editor.text() == element.label
    editor.clear()
    if typed:
        qtbot.keyClicks(editor, typed)
    qtbot.keyClick(editor, _K.Key_Return)
    assert view.editor is None
    assert renames == ([(element.id, expected)] if expected else [])


def test_escape_cancels_rename_and_hostile_label_is_edited_literally(view: CanvasView, doc: Document,
                                                                      qtbot: QtBot) -> None:
    hostile = new_element(doc, "stakeholder", "<img src=x onerror=alert(1)>", 100, 100)
    doc.execute(AddElements(doc, [hostile]))
    renames: list[tuple[str, str]] = []
    view.canvas_scene.rename_requested.connect(lambda i, t: renames.append((i, t)))
    assert view.edit_label(hostile.id)
    assert view.editor is not None and view.editor.text() == "<img src=x onerror=alert(1)>"
    qtbot.keyClicks(view.editor, "changed")
    qtbot.keyClick(view.editor, _K.Key_Escape)
    assert renames == [] and view.editor is None


def test_zoom_keys(view: CanvasView, qtbot: QtBot) -> None:
    zooms: list[float] = []
    view.zoom_changed.connect(zooms.append)
    view.zoom_reset()
    qtbot.keyClick(view, _K.Key_Plus, _Mods.ControlModifier)
    assert view.zoom() > 1.0
    qtbot.keyClick(view, _K.Key_Minus, _Mods.ControlModifier)
    qtbot.keyClick(view, _K.Key_Minus, _Mods.ControlModifier)
    assert view.zoom() < 1.0
    qtbot.keyClick(view, _K.Key_0, _Mods.ControlModifier)
    assert view.zoom() == pytest.approx(1.0)
    assert zooms[-1] == pytest.approx(1.0) and len(zooms) >= 4
    view.zoom_in()
    view.zoom_out()
    assert view.zoom() == pytest.approx(1.0)


def test_keyboard_connect(view: CanvasView, doc: Document, qtbot: QtBot) -> None:
    scene = view.canvas_scene
    source = next(e for e in doc.model.elements if e.kind == "department")
    requests: list[tuple[str, str]] = []
    scene.connect_requested.connect(lambda s, t: requests.append((s, t)))
    assert not view.start_keyboard_connect()  # nothing selected
    scene.select_ids([source.id])
    assert view.start_keyboard_connect()
    qtbot.keyClick(view, _K.Key_Tab)
    qtbot.keyClick(view, _K.Key_Tab)
    qtbot.keyClick(view, _K.Key_Backtab, _Mods.ShiftModifier)
    current = view.connect_tool.current  # type: ignore[union-attr]
    assert current is not None and current.connect_hint == "current"
    qtbot.keyClick(view, _K.Key_Return)
    assert requests == [(source.id, current.element_id)]
    assert allowed_relation_kinds("department", current.element.kind)
    assert view.connect_tool is None and not any(i.connect_hint for i in scene.element_items())
    scene.select_ids([source.id])
    view.start_keyboard_connect()
    qtbot.keyClick(view, _K.Key_Tab)
    qtbot.keyClick(view, _K.Key_Escape)
    assert len(requests) == 1 and view.connect_tool is None
