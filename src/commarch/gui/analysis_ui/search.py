"""Find and focus: search over labels, notes and tags; kind/tag filters and the neighbourhood focus."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from commarch.gui.texts import KIND_NAMES, KIND_PLURALS, tr_name
from commarch.model import CommModel

from .canvas_filters import CanvasFilter, all_tags
from .common import fill, tr

KINDS = ("department", "channel", "stakeholder", "goal", "topic", "note")


def search_ids(model: CommModel, query: str) -> list[str]:
    """Elements whose label, notes or a tag contain `query` (case-insensitive), in model order.

    A query starting with '#' searches tags only (e.g. '#campaign').
    """
    text = query.strip().casefold()
    if not text:
        return []
    tags_only = text.startswith("#")
    if tags_only:
        text = text[1:]
        if not text:
            return []
    hits = []
    for element in model.elements:
        tags = [t.casefold() for t in element.tags]
        if tags_only:
            found = any(text in t for t in tags)
        else:
            found = (text in element.label.casefold() or text in element.notes.casefold()
                     or any(text in t for t in tags))
        if found:
            hits.append(element.id)
    return hits


class FindPanel(QWidget):
    """Search box with results, filter controls and focus mode for one window's canvas.

    `focus_requested(ids)` asks the window to select and centre elements.
    """

    focus_requested = Signal(list)

    def __init__(self, window: Any, canvas_filter: CanvasFilter, parent: QWidget | None = None):
        super().__init__(parent)
        self.window = window
        self.filter = canvas_filter
        self.results: list[str] = []
        self.current = -1
        layout = QVBoxLayout(self)
        self.query = QLineEdit()
        self.query.setPlaceholderText(tr("Find labels, notes, #tags…"))
        self.query.setAccessibleName(tr("Find"))
        self.query.setClearButtonEnabled(True)
        self.query.textChanged.connect(self.search)
        self.query.returnPressed.connect(self.next_result)
        layout.addWidget(self.query)
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.count)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Search results"))
        self.list.itemActivated.connect(lambda item: self._go(self.list.row(item)))
        self.list.itemClicked.connect(lambda item: self._go(self.list.row(item)))
        layout.addWidget(self.list, 1)
        layout.addWidget(self._filter_box())
        layout.addWidget(self._focus_box())
        canvas_filter.changed.connect(self._sync_controls)
        self._sync_controls()  # built on first use: the filter may already be set (e.g. focus mode)

    # search ------------------------------------------------------------------------------------
    def search(self, text: str | None = None) -> list[str]:
        text = self.query.text() if text is None else text
        model = self.window.doc.model
        self.results = search_ids(model, text)
        self.current = -1
        self.list.clear()
        labels = {e.id: (e.label, e.kind) for e in model.elements}
        for element_id in self.results:
            label, kind = labels[element_id]
            item = QListWidgetItem(f"{label} — {tr_name(KIND_NAMES, kind)}")
            item.setData(Qt.ItemDataRole.UserRole, element_id)
            self.list.addItem(item)
        self.count.setText(fill(tr("%1 found"), len(self.results)) if text.strip() else "")
        return self.results

    def next_result(self) -> None:
        if self.results:
            self._go((self.current + 1) % len(self.results))

    def previous_result(self) -> None:
        if self.results:
            self._go((self.current - 1) % len(self.results))

    def _go(self, row: int) -> None:
        if not 0 <= row < len(self.results):
            return
        self.current = row
        self.list.setCurrentRow(row)
        self.focus_requested.emit([self.results[row]])

    def start(self) -> None:
        """Ctrl+F: focus the box and select its text, refreshing results for the current model."""
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()
        self.search()

    # filters -----------------------------------------------------------------------------------
    def _filter_box(self) -> QGroupBox:
        box = QGroupBox(tr("Filter the canvas"))
        grid = QGridLayout(box)
        self.kind_boxes: dict[str, QCheckBox] = {}
        for n, kind in enumerate(KINDS):
            check = QCheckBox(tr_name(KIND_PLURALS, kind))
            check.setChecked(True)
            check.toggled.connect(self._kinds_changed)
            self.kind_boxes[kind] = check
            grid.addWidget(check, n // 3, n % 3)
        self.tag = QComboBox()
        self.tag.setEditable(True)
        self.tag.setAccessibleName(tr("Tag"))
        self.tag.lineEdit().setPlaceholderText(tr("any tag"))
        self.tag.currentTextChanged.connect(self.filter.set_tag)
        grid.addWidget(QLabel(tr("Tag:")), 2, 0)
        grid.addWidget(self.tag, 2, 1, 1, 2)
        self.hide_others = QCheckBox(tr("Hide others (instead of fading)"))
        self.hide_others.toggled.connect(self.filter.set_hide)
        grid.addWidget(self.hide_others, 3, 0, 1, 3)
        clear = QPushButton(tr("Show all"))
        clear.clicked.connect(self.clear_filters)
        grid.addWidget(clear, 4, 0, 1, 3)
        return box

    def refresh_tags(self) -> None:
        current = self.tag.currentText()
        blocked = self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItems(["", *all_tags(self.window.doc.model)])
        self.tag.setEditText(current)
        self.tag.blockSignals(blocked)

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        self.refresh_tags()
        super().showEvent(event)

    def _kinds_changed(self) -> None:
        chosen = {k for k, box in self.kind_boxes.items() if box.isChecked()}
        self.filter.set_kinds(None if chosen == set(KINDS) else chosen)

    def clear_filters(self) -> None:
        self.filter.clear()

    def _sync_controls(self) -> None:
        f = self.filter
        for kind, box in self.kind_boxes.items():
            blocked = box.blockSignals(True)
            box.setChecked(f.kinds is None or kind in f.kinds)
            box.blockSignals(blocked)
        if self.tag.currentText().strip() != f.tag:
            blocked = self.tag.blockSignals(True)
            self.tag.setEditText(f.tag)
            self.tag.blockSignals(blocked)
        for widget, value in ((self.hide_others, f.hide), (self.focus_button, f.focus_id is not None)):
            blocked = widget.blockSignals(True)
            widget.setChecked(value)
            widget.blockSignals(blocked)
        self.focus_steps.setValue(f.focus_steps)

    # focus -------------------------------------------------------------------------------------
    def _focus_box(self) -> QGroupBox:
        box = QGroupBox(tr("Focus"))
        row = QHBoxLayout(box)
        self.focus_button = QPushButton(tr("Focus on selection"))
        self.focus_button.setCheckable(True)
        self.focus_button.toggled.connect(self.set_focus_mode)
        row.addWidget(self.focus_button)
        row.addWidget(QLabel(tr("Steps:")))
        self.focus_steps = QSpinBox()
        self.focus_steps.setRange(1, 3)
        self.focus_steps.setAccessibleName(tr("Steps"))
        self.focus_steps.valueChanged.connect(self._steps_changed)
        row.addWidget(self.focus_steps)
        return box

    def set_focus_mode(self, on: bool) -> None:
        """Focus on the (first) selected element's neighbourhood; without a selection nothing happens."""
        if not on:
            self.filter.set_focus(None)
            return
        selected = self.window.scene.selected_element_ids()
        if not selected:
            self.window.statusBar().showMessage(tr("Select an element to focus on."), 5000)
            self.filter.set_focus(None)
            return
        self.filter.set_focus(selected[0], self.focus_steps.value())

    def _steps_changed(self, steps: int) -> None:
        if self.filter.focus_id is not None:
            self.filter.set_focus(self.filter.focus_id, steps)
        else:
            self.filter.focus_steps = steps
