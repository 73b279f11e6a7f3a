"""The editor driven as a user would: palette, quick add, connect, rename, inspector, move, delete,
undo everything, redo everything, copy/paste, save, close with the prompt answered each way, reopen."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt

from commarch.fileformat import dumps, load


@pytest.fixture
def window(gui_app, qtbot):
    win = gui_app.new_window()
    return win


def texts(win) -> str:
    return dumps(win.doc.model)


def test_build_a_model_undo_all_redo_all(window, qtbot) -> None:
    win = window
    states = [texts(win)]
    # palette click adds at the view centre
    qtbot.mouseClick(win.palette.buttons["department"], Qt.MouseButton.LeftButton)
    states.append(texts(win))
    dept = win.doc.model.elements[-1].id
    assert win.scene.selected_element_ids() == [dept]
    # quick add: type, pick the kind with Down, Enter
    win.edit_quick_add()
    qtbot.keyClicks(win.quick_add.text, "Presse")
    while win.quick_add.kind.currentData() != "stakeholder":
        qtbot.keyClick(win.quick_add.text, Qt.Key.Key_Down)
    qtbot.keyClick(win.quick_add.text, Qt.Key.Key_Return)
    states.append(texts(win))
    press = win.doc.model.elements[-1]
    assert (press.kind, press.label) == ("stakeholder", "Presse")
    qtbot.mouseClick(win.palette.buttons["channel"], Qt.MouseButton.LeftButton)
    states.append(texts(win))
    channel = win.doc.model.elements[-1].id
    # connect: allowed pairs create at once, a disallowed pair is refused with a message
    win.scene.connect_requested.emit(dept, channel)
    states.append(texts(win))
    win.scene.connect_requested.emit(channel, press.id)
    states.append(texts(win))
    assert [r.kind for r in win.doc.model.relations] == ["operates", "reaches"]
    win.controller.connect(dept, press.id)  # department -> stakeholder: responsible_for (only kind)
    states.append(texts(win))
    assert win.doc.model.relations[-1].kind == "responsible_for"
    assert not win.controller.connect(press.id, dept)  # stakeholder -> department: nothing allowed
    assert len(win.doc.model.relations) == 3
    # rename in place (the scene's intent) and through the inspector
    win.scene.rename_requested.emit(dept, "Presse- und Öffentlichkeitsarbeit")
    states.append(texts(win))
    win.scene.select_ids([press.id])
    editor = win.inspector.editor("priority")
    editor.setCurrentIndex(editor.findData("high"))
    editor.activated.emit(editor.currentIndex())
    states.append(texts(win))
    assert win.doc.element(press.id).priority == "high"
    box = win.inspector.editor("needs_dialog")
    box.setChecked(True)
    states.append(texts(win))
    assert win.doc.element(press.id).needs_dialog is True
    # move (one drag = one step) and delete with attached relations
    win.scene.move_requested.emit({press.id: (400.0, 120.0), channel: (200.0, 120.0)})
    states.append(texts(win))
    win.scene.select_ids([channel])
    win.edit_delete()
    states.append(texts(win))
    assert [r.kind for r in win.doc.model.relations] == ["responsible_for"]
    # undo everything back to the empty model, checking each step; then redo to the end
    stack = win.controller.stack
    for expected in reversed(states[:-1]):
        stack.undo()
        assert texts(win) == expected
    assert win.doc.model.elements == []
    for expected in states[1:]:
        stack.redo()
        assert texts(win) == expected
    assert stack.count() == len(states) - 1


def test_copy_paste_between_windows_gets_fresh_ids(gui_app, qtbot) -> None:
    first, second = gui_app.new_window(), gui_app.new_window()
    a = first.controller.add_element("department", 0, 0, "PR")
    b = first.controller.add_element("channel", 300, 0, "Presseverteiler")
    first.controller.connect(a, b)
    first.scene.select_ids([a, b])
    first.edit_copy()
    second.controller.paste((100.0, 100.0))
    second.controller.paste((100.0, 400.0))
    labels = sorted(e.label for e in second.doc.model.elements)
    assert labels == ["PR", "PR", "Presseverteiler", "Presseverteiler"]
    assert len({e.id for e in second.doc.model.elements}) == 4
    assert len(second.doc.model.relations) == 2
    first.edit_paste()
    assert len(first.doc.model.elements) == 4
    assert len({e.id for e in first.doc.model.elements}) == 4


def test_save_close_prompt_and_reopen(gui_app, qtbot, tmp_path: Path, monkeypatch) -> None:
    from commarch.gui import files

    win = gui_app.new_window()
    win.controller.add_element("topic", 10, 20, "Nachhaltigkeit")
    path = tmp_path / "w.comm"
    assert files.write(win, str(path))
    assert not win.isWindowModified()
    win.controller.add_element("goal", 200, 20, "Umsatz")
    assert win.isWindowModified()
    answers = iter(["cancel", "discard"])
    monkeypatch.setattr(files, "ask_save_changes", lambda *a: next(answers))
    gui_app.show_dialogs = True
    assert not win.close()  # cancel keeps the window and the work
    assert win.doc.model.elements[-1].label == "Umsatz"
    assert win.close()  # discard closes
    gui_app.show_dialogs = False
    assert [e.label for e in load(path).elements] == ["Nachhaltigkeit"]
    again = gui_app.open_path(str(path))
    assert [e.label for e in again.doc.model.elements] == ["Nachhaltigkeit"]
    again.controller.add_element("goal", 200, 20, "Umsatz")
    monkeypatch.setattr(files, "ask_save_changes", lambda *a: "save")
    gui_app.show_dialogs = True
    assert again.close()
    assert [e.label for e in load(path).elements] == ["Nachhaltigkeit", "Umsatz"]


def test_failed_save_cancels_close_and_keeps_work(gui_app, qtbot, tmp_path: Path, monkeypatch) -> None:
    from commarch.gui import files

    win = gui_app.new_window()
    win.controller.add_element("topic", 0, 0, "T")
    win.doc.path = str(tmp_path / "missing-folder" / "x.comm")
    monkeypatch.setattr(files, "ask_save_changes", lambda *a: "save")
    monkeypatch.setattr(files, "show_file_error", lambda *a: None)
    gui_app.show_dialogs = True
    assert not win.close()
    assert win.isVisible() and win.isWindowModified()


def test_refused_file_shows_problems_and_app_keeps_running(gui_app, qtbot, tmp_path: Path, monkeypatch) -> None:
    from commarch.gui import files

    bad = tmp_path / "bad.comm"
    bad.write_text(json.dumps({"format": "comm", "version": 9, "elements": [], "relations": []}))
    shown = []
    monkeypatch.setattr(files, "show_file_error", lambda parent, title, lines: shown.append(lines))
    gui_app.show_dialogs = True
    win = gui_app.new_window()
    assert not win.load_path(str(bad))
    assert shown and "version 9" in shown[0][0]
    assert win.doc.path is None and win.isVisible()
    assert bad.read_text().startswith("{")


def test_external_change_is_noticed_before_overwrite(gui_app, qtbot, tmp_path: Path, monkeypatch) -> None:
    from commarch.gui import files

    path = tmp_path / "shared.comm"
    win = gui_app.new_window()
    win.controller.add_element("topic", 0, 0, "Mine")
    assert files.write(win, str(path))
    other = load(path)
    other.elements[0].label = "Theirs"
    import os
    import time

    from commarch.fileformat import save

    time.sleep(0.01)
    save(other, path)
    os.utime(path, ns=(time.time_ns(), time.time_ns()))
    win.controller.add_element("goal", 0, 200, "More")
    asked = []
    monkeypatch.setattr(files, "ask_overwrite_changed", lambda *a: asked.append(a) or "cancel")
    gui_app.show_dialogs = True
    assert not files.save(win)
    assert asked and load(path).elements[0].label == "Theirs"


def test_hostile_label_is_plain_text_everywhere(window, qtbot) -> None:
    win = window
    hostile = '<img src="http://example.invalid/x.png"><b>bold</b>'
    element_id = win.controller.add_element("stakeholder", 0, 0, hostile)
    assert win.doc.element(element_id).label == hostile
    win.scene.select_ids([element_id])
    label_editor = win.inspector.editor("label")
    assert label_editor.text() == hostile
    win.outline.rebuild()
    assert hostile in [win.outline.tree.topLevelItem(0).child(i).text(0)
                       for i in range(win.outline.tree.topLevelItem(0).childCount())]


def test_status_bar_counts_and_title_marker(window, qtbot) -> None:
    win = window
    win.controller.add_element("goal", 0, 0, "Umsatz")
    assert "1" in win.status_counts.text()
    assert win.isWindowModified()
    win.controller.stack.undo()
    assert not win.isWindowModified()


def test_scene_drop_adds_at_position(window, qtbot) -> None:
    win = window
    win.scene.add_requested.emit("note", QPointF(123.4, 56.7))
    note = win.doc.model.elements[-1]
    assert (note.kind, note.x, note.y) == ("note", 123, 57)


def test_each_save_keeps_a_backup_and_one_can_be_restored(gui_app, tmp_path: Path) -> None:
    from commarch.fileformat.backups import list_backups
    from commarch.gui import files

    win = gui_app.new_window()
    path = tmp_path / "b.comm"
    win.controller.add_element("topic", 0, 0, "Erste Fassung")
    assert files.write(win, str(path))
    win.controller.rename(win.doc.model.elements[0].id, "Zweite Fassung")
    assert files.write(win, str(path))
    backups = list_backups(str(path))
    assert len(backups) == 1 and load(backups[0]).elements[0].label == "Erste Fassung"
    win.fill_backups_menu()
    actions = [a for a in win.backups_menu.actions() if a.isEnabled()]
    assert len(actions) == 1
    actions[0].trigger()
    assert win.doc.model.elements[0].label == "Erste Fassung"
    assert win.isWindowModified() and win.doc.path == str(path)
    assert load(path).elements[0].label == "Zweite Fassung"  # nothing written until the user saves


def test_dropping_a_comm_file_opens_it(gui_app, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QUrl
    from PySide6.QtGui import QDropEvent

    src = Path(__file__).resolve().parents[2] / "resources" / "examples" / "avantgarde-to-be.comm"
    win = gui_app.new_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(src))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    win.dropEvent(event)
    assert win.doc.path == str(src)
    assert len(win.doc.model.elements) == len(load(src).elements)


def test_f6_moves_focus_through_the_panels(window, qtbot) -> None:
    win = window
    win.show()
    qtbot.waitExposed(win)
    win.view.setFocus()
    seen = []
    for _ in range(6):
        win.focus_next_panel()
        seen.append(win.focusWidget())
    assert any(win.outline.isAncestorOf(w) or w is win.outline for w in seen if w is not None)
    assert any(win.inspector.isAncestorOf(w) or w is win.inspector for w in seen if w is not None)


def test_outline_selection_selects_on_the_canvas_and_back(window, qtbot) -> None:
    win = window
    a = win.controller.add_element("stakeholder", 0, 0, "Kunden")
    b = win.controller.add_element("channel", 300, 0, "Newsletter")
    win.outline.rebuild()
    top = win.outline.tree.topLevelItem(0)  # Stakeholders
    top.child(0).setSelected(True)
    assert win.scene.selected_element_ids() == [a]
    win.outline.filter.setText("news")
    win.outline.rebuild()
    channels = win.outline.tree.topLevelItem(1)
    assert channels.childCount() == 1 and channels.child(0).text(0) == "Newsletter"
    win.outline.tree.itemActivated.emit(channels.child(0), 0)
    assert win.scene.selected_element_ids() == [b]
    win.scene.select_ids([a])
    assert [i.text(0) for i in win.outline.tree.selectedItems()] == []  # filtered out of the tree now


def test_dark_theme_colours_widgets_and_canvas(gui_app, qtbot) -> None:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    win = gui_app.new_window()
    gui_app.prefs.theme = "dark"
    win.apply_preferences()
    assert QApplication.instance().palette().color(QPalette.ColorRole.Window).lightness() < 80
    assert win.scene.ctx.theme.dark
    gui_app.prefs.theme = "light"
    win.apply_preferences()
    assert QApplication.instance().palette().color(QPalette.ColorRole.Window).lightness() > 180
    assert not win.scene.ctx.theme.dark


def test_file_open_event_opens_the_file(gui_app) -> None:
    from PySide6.QtGui import QFileOpenEvent

    from commarch.gui.app import FileOpenFilter

    src = Path(__file__).resolve().parents[2] / "resources" / "examples" / "avantgarde-as-is.comm"
    opener = FileOpenFilter(gui_app)
    assert opener.eventFilter(gui_app.qapp, QFileOpenEvent(str(src)))
    assert any(w.doc.path == str(src) for w in gui_app.windows)


def test_no_two_actions_share_a_shortcut(window) -> None:
    from PySide6.QtGui import QAction, QKeySequence

    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for shortcut in action.shortcuts():
            key = shortcut.toString(QKeySequence.SequenceFormat.PortableText)
            if not key:
                continue
            name = action.objectName() or action.text()
            assert seen.get(key, name) == name, f"{key}: {seen[key]} and {name}"
            seen[key] = name
    assert len(seen) > 30


def test_no_stray_dock_tab_bars(tmp_path: Path) -> None:
    """Qt 6.11 duplicates the tab bar of a second tab group tabified before the first show; the duplicate
    shows up as a stray strip once the dock layout changes (e.g. the Matrices panel is opened). Run in a
    fresh process: inside the test session's long-lived QApplication the duplicate does not appear."""
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent(
        """
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication, QTabBar
        from commarch.gui.app import App
        qapp = QApplication([])
        app = App(qapp, show_dialogs=False)
        app.recovery.start()
        window = app.new_window()
        window.analysis_ui.dock_matrices.show()
        for _ in range(20):
            qapp.processEvents()
        bars = [b for b in window.findChildren(QTabBar) if b.metaObject().className() == "QMainWindowTabBar"]
        print([[b.tabText(i) for i in range(b.count())] for b in bars if b.isVisible()])
        window.controller.stack.setClean()
        window.close()
        app.shutdown()
        """
    )
    env = dict(os.environ, COMMARCH_SETTINGS=str(tmp_path / "s.ini"), COMMARCH_RECOVERY_DIR=str(tmp_path / "r"))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    visible = [tuple(bar) for bar in __import__("ast").literal_eval(result.stdout.strip().splitlines()[-1])]
    assert len(visible) == len(set(visible)) >= 2, visible


def test_refusals_are_explained_in_plain_words(window) -> None:
    win = window
    element_id = win.controller.add_element("topic", 0, 0, "Thema")
    messages = []
    win.controller.message.connect(messages.append)
    win.controller.set_property("element", element_id, "label", "")
    win.controller.set_property("element", element_id, "label", "x" * 230)
    win.controller.set_property("element", element_id, "color", "red")
    assert messages == ["A label must not be empty.",
                        "A label can have at most 200 characters (this one has 230).",
                        "A colour is written as #rrggbb, e.g. #0072B2."]
    assert win.doc.element(element_id).label == "Thema"


def test_window_fits_the_screen(window) -> None:
    # the offscreen screen is 800×800: smaller than a 1366×768 laptop's, so a window that fits here fits there
    area = window.screen().availableGeometry()
    assert window.width() <= area.width() and window.height() <= area.height()
    assert window.width() >= min(1400, int(area.width() * 0.95)) - 1


def test_outline_mirrors_canvas_selection_row_by_row(window) -> None:
    win = window
    a = win.controller.add_element("stakeholder", 0, 0, "Kunden")
    b = win.controller.add_element("stakeholder", 300, 0, "Presse")
    win.outline.rebuild()

    def selected() -> set[str]:
        return {row.text(0) for row in win.outline.tree.selectedItems()}

    win.scene.select_ids([a, b])
    assert selected() == {"Kunden", "Presse"}
    win.scene.select_ids([b])
    assert selected() == {"Presse"}
    win.scene.select_ids([])
    assert selected() == set()


def test_outline_rebuilds_only_when_what_it_shows_changed(window, qtbot, monkeypatch) -> None:
    win = window
    a = win.controller.add_element("stakeholder", 0, 0, "Kunden")
    win.controller.add_element("channel", 300, 0, "Newsletter")
    qtbot.waitUntil(lambda: not win.outline._timer.isActive(), timeout=3000)
    rebuilds: list[int] = []
    real = win.outline.rebuild
    monkeypatch.setattr(win.outline, "rebuild", lambda: (rebuilds.append(1), real()))
    win.outline._timer.timeout.disconnect()
    win.outline._timer.timeout.connect(win.outline.rebuild)
    win.controller.move({a: (500.0, 500.0)})
    win.controller.set_property("element", a, "notes", "only notes")
    qtbot.wait(400)
    assert rebuilds == []  # a move and a notes edit show nothing new in the tree
    win.controller.rename(a, "Kundschaft")
    qtbot.waitUntil(lambda: rebuilds == [1], timeout=3000)
    top = win.outline.tree.topLevelItem(0)
    assert [top.child(i).text(0) for i in range(top.childCount())] == ["Kundschaft"]
