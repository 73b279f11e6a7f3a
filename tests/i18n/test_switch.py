"""Switching the UI language of open windows: every visible chrome text follows, the work stays as it was."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

from commarch.fileformat import dumps
from commarch.gui import dialogs


def _menu_titles(win) -> list[str]:
    return [a.text() for a in win.menuBar().actions()]


def _chrome(win) -> dict[str, str]:
    """Texts a user sees without opening a dialog: actions and docks by object name, menu titles."""
    texts = {f"action:{a.objectName()}": a.text() for a in win.findChildren(QAction)
             if a.objectName() and not a.objectName().startswith("_")}
    texts.update({f"dock:{d.objectName()}": d.windowTitle() for d in win.findChildren(QDockWidget)})
    texts.update({f"menu:{i}": t for i, t in enumerate(_menu_titles(win))})
    return texts


@pytest.fixture
def busy_window(gui_app):
    """A window with unsaved work: three elements, a relation, a selection and an undo history."""
    win = gui_app.new_window()
    c = win.controller
    dept = c.add_element("department", 0, 0, label="Marketing")
    channel = c.add_element("channel", 200, 0, label="Newsletter")
    c.add_element("stakeholder", 400, 0, label="Kunden")
    assert c.connect(dept, channel, kind="operates")
    c.move({dept: (10.0, 20.0)})
    win.scene.select_ids([channel])
    return win


def _state(win) -> tuple:
    stack = win.controller.stack
    return (dumps(win.doc.model), stack.count(), stack.index(), stack.isClean(), win.isWindowModified(),
            win.doc.is_dirty, tuple(win.scene.selected_element_ids()), win.doc.path)


def test_switch_to_german_and_back_keeps_the_work(gui_app, busy_window) -> None:
    win = busy_window
    before = _state(win)
    assert _menu_titles(win)[0] == "&File"
    gui_app.set_language("de")
    assert _menu_titles(win)[0] == "&Datei"
    assert win.dock_inspector.windowTitle() == "Eigenschaften"
    assert win.status_saved.text() == "Nicht gespeicherte Änderungen"
    assert win.actions_by_name["undo"].text() == "&Rückgängig: Verschieben"
    assert win.palette.buttons["channel"].text() == "Kanal"
    assert _state(win) == before
    gui_app.set_language("en")
    assert _menu_titles(win)[0] == "&File"
    assert win.dock_inspector.windowTitle() == "Properties"
    assert win.actions_by_name["undo"].text() == "&Undo Move"
    assert _state(win) == before
    # the undo history still works on the same document
    win.controller.stack.undo()
    assert win.doc.element(win.doc.model.elements[0].id).x == 0


def test_switched_window_reads_like_a_window_opened_in_german(gui_app, busy_window) -> None:
    gui_app.set_language("de")
    fresh = gui_app.new_window()
    switched, expected = _chrome(busy_window), _chrome(fresh)
    # the undo/redo texts name the last command, which differs between the two windows
    for key in ("action:undo", "action:redo"):
        switched.pop(key, None)
        expected.pop(key, None)
    differing = {k: (switched.get(k), v) for k, v in expected.items() if switched.get(k) != v}
    assert not differing
    assert len(expected) > 60
    gui_app.set_language("en")
    assert _chrome(busy_window) == {**_chrome(gui_app.new_window()), **{k: _chrome(busy_window)[k]
                                                                        for k in ("action:undo", "action:redo")}}


def test_undo_texts_of_new_edits_follow_the_language(gui_app, busy_window) -> None:
    win = busy_window
    gui_app.set_language("de")
    ids = [e.id for e in win.doc.model.elements]
    win.controller.rename(ids[0], "Presse")
    assert win.controller.stack.text(win.controller.stack.index() - 1) == "Umbenennen"
    win.controller.delete([ids[2]])
    assert win.controller.stack.text(win.controller.stack.index() - 1) == "Element löschen"
    win.controller.add_element("goal", 0, 300, label="Umsatz")
    assert win.controller.stack.text(win.controller.stack.index() - 1) == "Umsatz hinzufügen"
    gui_app.set_language("en")


def test_preferences_dialog_switches_in_place(gui_app, busy_window, monkeypatch: pytest.MonkeyPatch) -> None:
    win = busy_window
    before = _state(win)

    class ChooseGerman(dialogs.PreferencesDialog):
        def exec(self) -> int:
            self.language.setCurrentIndex(self.language.findData("de"))
            return 1

    monkeypatch.setattr(dialogs, "PreferencesDialog", ChooseGerman)  # the window imports it when used
    win.edit_preferences()
    assert gui_app.prefs.language == "de"
    assert _menu_titles(win)[0] == "&Datei"
    assert _state(win) == before
    gui_app.set_language("en")


def test_template_menu_follows_the_language(gui_app, qtbot) -> None:
    from PySide6.QtGui import QAction

    window = gui_app.new_window()
    window.analysis_ui.template_menu.aboutToShow.emit()  # its entries are made when it is first opened
    action = next(a for a in window.findChildren(QAction) if a.objectName() == "template_b2c")
    english = action.text()
    gui_app.set_language("de")
    german = action.text()
    gui_app.set_language("en")
    assert german != english and action.text() == english


def test_composed_undo_texts_follow_the_language(gui_app, busy_window) -> None:
    """Undo entries composed from a template and a label or a name ("Add Presse", "Connect (operates)")
    are composed again in the new language; labels stay as the user wrote them."""
    from PySide6.QtCore import QCoreApplication

    from commarch.gui.texts import RELATION_NAMES

    win = busy_window
    stack = win.controller.stack
    english = [stack.command(i).text() for i in range(stack.count())]
    assert english[:2] == ["Add Marketing", "Add Newsletter"] and "Connect (operates)" in english

    gui_app.set_language("de")
    german = [stack.command(i).text() for i in range(stack.count())]
    add = QCoreApplication.translate("EditController", "Add %1")
    connect = QCoreApplication.translate("EditController", "Connect (%1)")
    assert add != "Add %1" and connect != "Connect (%1)"  # the catalogue has both
    assert german[0] == add.replace("%1", "Marketing") and german[1] == add.replace("%1", "Newsletter")
    operates = QCoreApplication.translate("relations", RELATION_NAMES["operates"])
    assert connect.replace("%1", operates) in german
    assert "operates" not in " ".join(german)

    gui_app.set_language("en")
    assert [stack.command(i).text() for i in range(stack.count())] == english
