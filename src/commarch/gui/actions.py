"""Menus, toolbar and keyboard shortcuts of the main window (every action reachable by keyboard)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QToolBar
from shiboken6 import isValid

if TYPE_CHECKING:
    from .mainwindow import MainWindow

Std = QKeySequence.StandardKey


def tr(text: str) -> str:
    # lupdate files bare tr() calls outside a class under the empty context (not the window's class)
    return QCoreApplication.translate("", text)


def _action(window: MainWindow, text: str, slot: Callable[[], object], shortcut: object = None,
            checkable: bool = False, name: str = "") -> QAction:
    action = QAction(text, window)
    action.setObjectName(name or text)
    if shortcut is not None:
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        else:
            action.setShortcut(shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut))
    action.setCheckable(checkable)
    # a window still being completed (MainWindow.complete) gets its document and canvas first
    if checkable:
        action.toggled.connect(lambda on: (window.ensure_complete(), slot(on)))
    else:
        action.triggered.connect(lambda _checked=False: (window.ensure_complete(), slot()))
    window.addAction(action)  # shortcuts work even when the menu bar is hidden (presentation)
    return action


def build_actions(w: MainWindow) -> dict[str, QAction]:
    a: dict[str, QAction] = {}
    # File
    a["new"] = _action(w, tr("&New"), w.file_new, Std.New, name="new")
    a["open"] = _action(w, tr("&Open…"), w.file_open, Std.Open, name="open")
    a["save"] = _action(w, tr("&Save"), w.file_save, Std.Save, name="save")
    a["save_as"] = _action(w, tr("Save &As…"), w.file_save_as, Std.SaveAs, name="save_as")
    a["revert"] = _action(w, tr("&Revert"), w.file_revert, name="revert")
    a["close"] = _action(w, tr("&Close"), w.close, Std.Close, name="close")
    a["quit"] = _action(w, tr("&Quit"), w.app_quit, Std.Quit, name="quit")
    # Edit
    a["undo"] = StackAction(w.undo_stack, redo=False, parent=w)
    a["undo"].setShortcut(Std.Undo)
    a["redo"] = StackAction(w.undo_stack, redo=True, parent=w)
    a["redo"].setShortcuts([QKeySequence(Std.Redo), QKeySequence("Ctrl+Y")])
    for key in ("undo", "redo"):
        w.addAction(a[key])
    a["cut"] = _action(w, tr("Cu&t"), w.edit_cut, Std.Cut, name="cut")
    a["copy"] = _action(w, tr("&Copy"), w.edit_copy, Std.Copy, name="copy")
    a["paste"] = _action(w, tr("&Paste"), w.edit_paste, Std.Paste, name="paste")
    a["duplicate"] = _action(w, tr("D&uplicate"), w.edit_duplicate, "Ctrl+D", name="duplicate")
    a["delete"] = _action(w, tr("&Delete"), w.edit_delete, [QKeySequence(Std.Delete), QKeySequence("Backspace")],
                          name="delete")
    a["select_all"] = _action(w, tr("Select &All"), w.edit_select_all, Std.SelectAll, name="select_all")
    a["rename"] = _action(w, tr("&Rename"), w.edit_rename, "F2", name="rename")
    a["quick_add"] = _action(w, tr("&Quick Add…"), w.edit_quick_add, "Ctrl+E", name="quick_add")
    a["connect"] = _action(w, tr("&Connect Selected…"), w.edit_connect_keyboard, "Ctrl+L", name="connect")
    a["connect_mode"] = _action(w, tr("Connect &Mode"), w.set_connect_mode, "C", checkable=True,
                                name="connect_mode")
    a["preferences"] = _action(w, tr("Pr&eferences…"), w.edit_preferences, Std.Preferences, name="preferences")
    # Arrange
    for edge, text, key in (("left", tr("Align &Left"), "Ctrl+Shift+Left"),
                            ("right", tr("Align &Right"), "Ctrl+Shift+Right"),
                            ("top", tr("Align &Top"), "Ctrl+Shift+Up"),
                            ("bottom", tr("Align &Bottom"), "Ctrl+Shift+Down"),
                            ("center", tr("Align Centres &Vertically"), None),
                            ("middle", tr("Align Centres &Horizontally"), None)):
        a[f"align_{edge}"] = _action(w, text, lambda e=edge: w.arrange_align(e), key, name=f"align_{edge}")
    a["distribute_h"] = _action(w, tr("Distribute &Horizontally"), lambda: w.arrange_distribute("horizontal"),
                                name="distribute_h")
    a["distribute_v"] = _action(w, tr("Distribute &Vertically"), lambda: w.arrange_distribute("vertical"),
                                name="distribute_v")
    # View
    a["zoom_in"] = _action(w, tr("Zoom &In"), lambda: w.view.zoom_in(), [QKeySequence(Std.ZoomIn),
                                                                           QKeySequence("Ctrl+=")], name="zoom_in")
    a["zoom_out"] = _action(w, tr("Zoom &Out"), lambda: w.view.zoom_out(), Std.ZoomOut, name="zoom_out")
    a["zoom_reset"] = _action(w, tr("&Actual Size"), lambda: w.view.zoom_reset(), "Ctrl+0", name="zoom_reset")
    a["fit"] = _action(w, tr("&Fit to Window"), lambda: w.view.fit_to_view(), "Ctrl+Shift+F", name="fit")
    a["zoom_selection"] = _action(w, tr("Zoom to &Selection"), lambda: w.view.zoom_to_selection(),
                                  "Ctrl+Alt+F", name="zoom_selection")
    a["grid"] = _action(w, tr("Show &Grid"), w.set_grid_visible, "Ctrl+'", checkable=True, name="grid")
    a["snap"] = _action(w, tr("S&nap to Grid"), w.set_snap, "Ctrl+Shift+'", checkable=True, name="snap")
    a["next_panel"] = _action(w, tr("Next &Panel"), w.focus_next_panel, "F6", name="next_panel")
    a["previous_panel"] = _action(w, tr("Previous Pa&nel"), lambda: w.focus_next_panel(-1), "Shift+F6",
                                  name="previous_panel")
    # Help
    a["shortcuts"] = _action(w, tr("&Keyboard Shortcuts"), w.help_shortcuts, "F1", name="shortcuts")
    a["about"] = _action(w, tr("&About commarch"), w.help_about, name="about")
    return a


def build_menus(w: MainWindow, a: dict[str, QAction]) -> None:
    bar = w.menuBar()
    file_menu = bar.addMenu(tr("&File"))
    file_menu.addActions([a["new"], a["open"]])
    w.recent_menu = file_menu.addMenu(tr("Open &Recent"))
    w.recent_menu.aboutToShow.connect(w.fill_recent_menu)
    file_menu.addSeparator()
    file_menu.addActions([a["save"], a["save_as"], a["revert"]])
    w.backups_menu = file_menu.addMenu(tr("Restore &Backup"))
    w.backups_menu.aboutToShow.connect(w.fill_backups_menu)
    file_menu.addSeparator()
    file_menu.addActions([a["close"], a["quit"]])
    edit = bar.addMenu(tr("&Edit"))
    edit.addActions([a["undo"], a["redo"]])
    edit.addSeparator()
    edit.addActions([a["cut"], a["copy"], a["paste"], a["duplicate"], a["delete"]])
    edit.addSeparator()
    edit.addActions([a["select_all"], a["rename"], a["quick_add"], a["connect"], a["connect_mode"]])
    edit.addSeparator()
    edit.addAction(a["preferences"])
    arrange = bar.addMenu(tr("&Arrange"))
    align: QMenu = arrange.addMenu(tr("&Align"))
    align.addActions([a[k] for k in a if k.startswith("align_")])
    distribute = arrange.addMenu(tr("&Distribute"))
    distribute.addActions([a["distribute_h"], a["distribute_v"]])
    view = bar.addMenu(tr("&View"))
    view.addActions([a["zoom_in"], a["zoom_out"], a["zoom_reset"], a["fit"], a["zoom_selection"]])
    view.addSeparator()
    view.addActions([a["grid"], a["snap"]])
    view.addSeparator()
    view.addActions([a["next_panel"], a["previous_panel"]])
    w.docks_menu = view.addMenu(tr("&Panels"))
    help_menu = bar.addMenu(tr("&Help"))
    help_menu.addActions([a["shortcuts"], a["about"]])


def build_toolbar(w: MainWindow, a: dict[str, QAction]) -> QToolBar:
    bar = QToolBar(tr("Main toolbar"), w)
    bar.setObjectName("main_toolbar")
    bar.setAccessibleName(tr("Main toolbar"))
    bar.addActions([a["new"], a["open"], a["save"]])
    bar.addSeparator()
    bar.addActions([_fixed_text(w, a["undo"], tr("Undo")), _fixed_text(w, a["redo"], tr("Redo"))])
    bar.addSeparator()
    bar.addActions([a["quick_add"], a["connect_mode"]])
    bar.addSeparator()
    bar.addActions([a["zoom_out"], a["zoom_in"], a["fit"]])
    return bar


class StackAction(QAction):
    """Edit ▸ Undo/Redo, following the stack like QUndoStack.createUndoAction; but the text is built from a
    translatable template each time, so a language switch reaches it (Qt's action keeps its first prefix)."""

    def __init__(self, stack: QUndoStack, redo: bool, parent: MainWindow):
        super().__init__(parent)
        self.stack = stack
        self.redo = redo
        self.setObjectName("redo" if redo else "undo")
        if redo:
            stack.canRedoChanged.connect(self.setEnabled)
            stack.redoTextChanged.connect(self.retranslate)
            self.triggered.connect(stack.redo)
        else:
            stack.canUndoChanged.connect(self.setEnabled)
            stack.undoTextChanged.connect(self.retranslate)
            self.triggered.connect(stack.undo)
        self.setEnabled(stack.canRedo() if redo else stack.canUndo())
        self.retranslate()

    def retranslate(self, _text: str = "") -> None:
        if not isValid(self.stack):
            return
        what = self.stack.redoText() if self.redo else self.stack.undoText()
        if self.redo:
            self.setText(tr("&Redo %1").replace("%1", what) if what else tr("&Redo"))
        else:
            self.setText(tr("&Undo %1").replace("%1", what) if what else tr("&Undo"))


class _Twin(QAction):
    """A toolbar twin of the stack's undo/redo action: same effect and state, a short fixed text
    (the menu keeps "Undo Add Presse"), so the toolbar does not jump while you work. A method slot
    (not a lambda) so Qt drops the connection when either side is deleted."""

    def __init__(self, source: QAction, text: str, parent: MainWindow):
        super().__init__(text, parent)
        self.source = source
        source.changed.connect(self.sync)
        self.triggered.connect(source.trigger)
        self.sync()

    def sync(self) -> None:
        if not isValid(self.source):  # the undo stack's action goes first while the window is deleted
            return
        self.setEnabled(self.source.isEnabled())
        self.setToolTip(self.source.text())


def _fixed_text(w: MainWindow, source: QAction, text: str) -> QAction:
    return _Twin(source, text, w)


def shortcut_rows(actions: dict[str, QAction]) -> list[tuple[str, str]]:
    """(action name without mnemonics, shortcut) for the shortcuts overview."""
    rows = []
    for action in actions.values():
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
        if keys:
            rows.append((action.text().replace("&", "").rstrip("…"), keys))
    return rows
