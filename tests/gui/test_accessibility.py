"""Every control of the main window has an accessible name (or visible text) for screen readers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "avantgarde-as-is.comm"


def _qt_internal(widget) -> bool:
    """Children Qt makes itself (header sections, a line edit's clear button, a combo's popup list,
    a table's corner button, menu/tool bar extension buttons): Qt names those for assistive tools."""
    parent = widget.parent()
    return (isinstance(widget, QHeaderView) or isinstance(parent, (QLineEdit, QComboBox))
            or type(widget).__name__ in ("QToolBarExtension", "QMenuBarExtension")
            or (type(widget) is QAbstractButton)  # table corner button
            or parent is not None and type(parent).__name__ in ("QFrame", "QMenuBar", "QToolBar")
            and type(widget).__name__ in ("QListView", "QToolButton"))


def test_controls_have_accessible_names(gui_app, qtbot) -> None:
    window = gui_app.new_window()
    window.load_path(str(EXAMPLE))
    window.scene.select_ids(["s-kunden"])  # the inspector shows a full form
    qtbot.wait(50)
    unnamed = []
    for cls in (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox, QPlainTextEdit,
                QTextEdit):
        for widget in window.findChildren(cls):
            if widget.accessibleName() or _qt_internal(widget):
                continue
            text = widget.text() if isinstance(widget, (QAbstractButton, QLineEdit)) else ""
            if not text:
                unnamed.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
    assert unnamed == []
