"""Switching the UI language of an open window in place: chrome texts, then the panels that compose their own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTabWidget,
    QToolBar,
    QTreeWidget,
    QUndoView,
    QWidget,
)

from .i18n import retranslated

# Why a reverse lookup and not a table per window: menus, actions and docks are added by several
# packages (analysis_ui, exports, compare …). Every text they show went through a translator, which
# noted its source (i18n.RecordingTranslator), so one walk re-translates all of them, whoever built
# them. Texts that were composed ("3 elements", "Add Presse") are not found and are left to the
# owners' retranslate()/refresh() methods, called afterwards.


def _swap(getter: Callable[[], str], setter: Callable[[str], Any]) -> None:
    text = getter()
    if text:
        new = retranslated(text)
        if new is not None and new != text:
            setter(new)


def _common(widget: QWidget | QAction) -> None:
    _swap(widget.toolTip, widget.setToolTip)
    _swap(widget.statusTip, widget.setStatusTip)
    _swap(widget.whatsThis, widget.setWhatsThis)


def retranslate_action(action: QAction) -> None:
    _swap(action.text, action.setText)
    _swap(action.iconText, action.setIconText)
    _common(action)


def retranslate_widget(widget: QWidget) -> None:
    """The texts Qt widgets show by themselves; never an editable value (that is the user's data)."""
    _common(widget)
    _swap(widget.accessibleName, widget.setAccessibleName)
    _swap(widget.accessibleDescription, widget.setAccessibleDescription)
    if widget.isWindow() or isinstance(widget, (QDockWidget, QToolBar)):
        _swap(widget.windowTitle, widget.setWindowTitle)
    if isinstance(widget, QMenu):
        _swap(widget.title, widget.setTitle)
    elif isinstance(widget, QLabel):
        _swap(widget.text, widget.setText)
    elif isinstance(widget, QAbstractButton):
        _swap(widget.text, widget.setText)
    elif isinstance(widget, QGroupBox):
        _swap(widget.title, widget.setTitle)
    elif isinstance(widget, QLineEdit):
        _swap(widget.placeholderText, widget.setPlaceholderText)
    elif isinstance(widget, QComboBox):
        for i in range(widget.count()):
            _swap(lambda i=i: widget.itemText(i), lambda text, i=i: widget.setItemText(i, text))
    elif isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            _swap(lambda i=i: widget.tabText(i), lambda text, i=i: widget.setTabText(i, text))
            _swap(lambda i=i: widget.tabToolTip(i), lambda text, i=i: widget.setTabToolTip(i, text))
    elif isinstance(widget, QUndoView):
        _swap(widget.emptyLabel, widget.setEmptyLabel)
    if isinstance(widget, QTableWidget):
        for i in range(widget.columnCount()):
            item = widget.horizontalHeaderItem(i)
            if item is not None:
                _swap(item.text, item.setText)
    elif isinstance(widget, QTreeWidget) and not widget.isHeaderHidden():
        header = widget.headerItem()
        for i in range(header.columnCount()):
            _swap(lambda i=i: header.text(i), lambda text, i=i: header.setText(i, text))


def retranslate_tree(root: QWidget) -> None:
    """Every widget and action under `root` (root included)."""
    retranslate_widget(root)
    for widget in root.findChildren(QWidget):
        retranslate_widget(widget)
    for action in root.findChildren(QAction):
        retranslate_action(action)


def _own_hooks(root: QObject) -> list[Any]:
    """Objects under `root` with a retranslate() method (panels that compose texts), each once."""
    seen: list[Any] = []
    for obj in root.findChildren(QObject):
        hook = getattr(type(obj), "retranslate", None)
        if callable(hook) and obj not in seen:
            seen.append(obj)
    return seen


def retranslate_history(stack: QUndoStack) -> None:
    """Undo texts made from one message ("Move", "Delete element"); composed ones ("Add Presse") stay
    as they were written. Only the texts change: the commands, index and clean state do not."""
    for i in range(stack.count()):
        command = stack.command(i)
        if command is not None:
            _swap(command.text, command.setText)


def retranslate_window(window: Any) -> None:
    """Re-translate an open MainWindow after install_translator(): menus, actions, toolbar, docks and
    panels. The document, undo stack, selection and unsaved state are not touched."""
    controller = getattr(window, "controller", None)
    if controller is not None:
        retranslate_history(controller.stack)
    retranslate_tree(window)
    for obj in _own_hooks(window):
        obj.retranslate()
    for name in ("update_title", "update_status"):
        method = getattr(window, name, None)
        if callable(method):
            method()
    inspector = getattr(window, "inspector", None)
    if inspector is not None and hasattr(inspector, "refresh"):
        inspector.refresh()
    for view in window.findChildren(QUndoView):
        view.viewport().update()  # it reads the command texts when it paints
    analysis = getattr(window, "analysis_ui", None)
    runner = getattr(analysis, "runner", None)
    if runner is not None and hasattr(runner, "schedule"):
        runner.schedule(immediately=True)  # findings come from analysis/ in the UI language: ask again
