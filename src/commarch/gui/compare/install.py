"""`File ▸ Compare with…`: the menu action, and `open_compare`, its dialog-free core."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from commarch.fileformat import CommFileError, load
from commarch.model import CommModel

from ..analysis_ui.common import ui_language
from ..theme import resolve_theme

if TYPE_CHECKING:
    from .window import CompareWindow

FILTER = QT_TR_NOOP("commarch models (*.comm);;All files (*)")  # shown through tr()


def tr(text: str) -> str:
    # the same empty context as panels.tr, without importing the compare window (diff, report) at start-up
    return QCoreApplication.translate("", text)


def _window_name(window: Any) -> str:
    doc = window.doc
    if doc.path:
        return os.path.basename(doc.path)
    meta = doc.model.meta
    return (meta.title if meta is not None and meta.title else "") or tr("Current model")


def open_compare(window: Any, old: str | os.PathLike[str] | CommModel, *, old_name: str = "",
                 show: bool = True) -> CompareWindow | None:
    """Compare the window's current model (NEW) with `old` (a path or a model; OLD) in a new compare window.

    A file that cannot be read is reported (dialog when the app shows dialogs, else the status bar)
    and None is returned. The window's model is copied: editing on goes on undisturbed.
    """
    from .window import CompareWindow  # diff, analysis and report: loaded on the first comparison

    if isinstance(old, CommModel):
        old_model = old
    else:
        path = os.fspath(old)
        try:
            old_model = load(path)
        except CommFileError as exc:
            app = getattr(window, "app", None)
            if app is not None and getattr(app, "show_dialogs", False):
                from ..dialogs import show_file_error

                show_file_error(window, tr("Cannot compare with this file"), exc.lines())
            window.statusBar().showMessage(exc.lines()[0], 10000)
            return None
        old_name = old_name or os.path.basename(path)
    prefs = getattr(getattr(window, "app", None), "prefs", None)
    theme = resolve_theme(getattr(prefs, "theme", "light")) if prefs is not None else "light"
    compare = CompareWindow(old_model, window.doc.model, old_name=old_name or tr("Other model"),
                            new_name=_window_name(window), lang=ui_language(window), theme=theme,
                            parent=window)
    window.compare_windows = [w for w in getattr(window, "compare_windows", []) if w.isVisible()] + [compare]
    if show:
        compare.show()
    return compare


def compare_dialog(window: Any) -> CompareWindow | None:
    start = os.path.dirname(window.doc.path) if window.doc.path else os.path.expanduser("~")
    path, _ = QFileDialog.getOpenFileName(window, tr("Compare with"), start, tr(FILTER))
    return open_compare(window, path) if path else None


def install_compare_ui(window: Any) -> QAction:
    """Add `File ▸ Compare with…` (after Revert) to a MainWindow; returns the action."""
    action = QAction(tr("Co&mpare with…"), window)
    action.setObjectName("compare_with")
    action.setStatusTip(tr("Compare this model with another file: what changed, findings, metrics"))
    action.triggered.connect(lambda _checked=False: compare_dialog(window))
    window.addAction(action)
    actions = getattr(window, "actions_by_name", {})
    actions["compare_with"] = action
    anchor = actions.get("revert")
    menu = None
    for top in window.menuBar().actions():
        candidate = top.menu()
        if candidate is not None and anchor is not None and anchor in candidate.actions():
            menu = candidate
    if menu is not None:
        index = menu.actions().index(anchor)
        after = menu.actions()[index + 1] if index + 1 < len(menu.actions()) else None
        if after is not None:
            menu.insertAction(after, action)
        else:
            menu.addAction(action)
    else:
        window.menuBar().addAction(action)
    return action
