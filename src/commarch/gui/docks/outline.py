"""The outline: elements grouped by kind, filterable; selecting a row selects the element on the canvas."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from commarch.editing import Document
from commarch.editing import events as ev
from commarch.model import ELEMENT_KINDS

from ..sorted_rows import merge_steps
from ..texts import KIND_PLURALS, tr_name
from .palette import kind_icon

ID_ROLE = Qt.ItemDataRole.UserRole
Row = tuple[str, str, str]  # (label folded for sorting, element id, label)


class Outline(QWidget):
    """Emits `selection_requested(ids)` when rows are selected and `focus_requested(id)` on activation."""

    selection_requested = Signal(list)
    focus_requested = Signal(str)

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self._syncing = False
        self._icons: dict[str, QIcon] = {}
        self._rows: dict[str, QTreeWidgetItem] = {}  # element id -> its row (see select_ids)
        self._shown: dict[str, list[Row]] = {}  # per kind, the rows the tree shows
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.rebuild)
        self.filter.textChanged.connect(lambda _text: self._timer.start())
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.tree.itemActivated.connect(self._activated)
        self._unsubscribe = doc.subscribe(self._document_changed)
        self.retranslate()  # fills the tree too

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter by label, tag or id…"))
        self.filter.setAccessibleName(self.tr("Outline filter"))
        self.tree.setAccessibleName(self.tr("Outline of elements by kind"))
        self.rebuild()

    def set_document(self, doc: Document) -> None:
        self._unsubscribe()
        self.doc = doc
        self._unsubscribe = doc.subscribe(self._document_changed)
        self.rebuild()

    def close_document(self) -> None:
        """Stop following the document (the window is closing)."""
        self._unsubscribe()
        self._timer.stop()

    def _document_changed(self, change: ev.Change) -> None:
        """Rebuild soon when what the tree shows may have changed: not after a move, a relation edit or a
        save (a rebuild costs ~20 ms per 1,000 elements; after every drag that was felt on large models)."""
        if isinstance(change, ev.ElementsAdded | ev.ElementsRemoved | ev.ModelReset) or (
                isinstance(change, ev.ElementsChanged) and change.keys & _SHOWN_KEYS):
            self._timer.start()

    def rebuild(self) -> None:
        """Elements by kind, sorted by label (then id), filtered by the search text. Once the tree exists,
        rows of unchanged elements stay (with their selection and the scroll position) and only rows that
        changed, came or went are replaced: building all rows anew cost ~1 s at 50,000 elements."""
        needle = self.filter.text().strip().casefold()
        groups: dict[str, list[Row]] = {kind: [] for kind in ELEMENT_KINDS}
        for element in self.doc.model.elements:
            if needle and not _matches(element, needle):
                continue
            groups[element.kind].append((element.label.casefold(), element.id, element.label))
        for rows in groups.values():
            rows.sort()
        self._syncing = True
        if self.tree.topLevelItemCount() != len(groups):
            self.tree.clear()
            self._rows = {}
            for kind in groups:
                top = QTreeWidgetItem()
                top.setIcon(0, self._kind_icon(kind))
                top.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(top)
            self._shown = {kind: [] for kind in groups}
        for n, (kind, rows) in enumerate(groups.items()):
            top = self.tree.topLevelItem(n)
            self._patch(top, self._shown[kind], rows)
            top.setText(0, f"{tr_name(KIND_PLURALS, kind)} ({len(rows)})")
            top.setExpanded(bool(rows))
        self._shown = groups
        self._syncing = False

    def _patch(self, top: QTreeWidgetItem, old: list[Row], new: list[Row]) -> None:
        """One merge over the shown and the wanted rows, both sorted by (folded label, id)."""
        for step, i, j, at in merge_steps(old, new, lambda row: row[:2]):
            if step == "remove":
                gone = top.takeChild(at)
                if self._rows.get(old[i][1]) is gone:  # (not when the element moved to another kind)
                    del self._rows[old[i][1]]
            elif step == "insert":
                top.insertChild(at, self._row(new[j]))
            else:  # the same element, its label changed only in case
                top.child(at).setText(0, new[j][2])

    def _row(self, row: Row) -> QTreeWidgetItem:
        _folded, element_id, label = row
        item = QTreeWidgetItem([label])
        item.setData(0, ID_ROLE, element_id)
        self._rows[element_id] = item
        return item

    def _kind_icon(self, kind: str) -> QIcon:
        """Drawn once per outline (two SVG renders each), not on every rebuild."""
        icon = self._icons.get(kind)
        if icon is None:
            icon = self._icons[kind] = kind_icon(kind, 16)
        return icon

    def select_ids(self, ids: set[str]) -> None:
        """Mirror the canvas selection without echoing it back."""
        self._syncing = True
        # only the rows whose state changes (a pass over every row cost ~4 ms per 1,000 elements)
        for row in self.tree.selectedItems():
            if row.data(0, ID_ROLE) not in ids:
                row.setSelected(False)
        for element_id in ids:
            row = self._rows.get(element_id)
            if row is not None and not row.isSelected():
                row.setSelected(True)
        self._syncing = False

    def _selection_changed(self) -> None:
        if self._syncing:
            return
        ids = [item.data(0, ID_ROLE) for item in self.tree.selectedItems() if item.data(0, ID_ROLE)]
        self.selection_requested.emit(ids)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        element_id = item.data(0, ID_ROLE)
        if element_id:
            self.focus_requested.emit(element_id)


_SHOWN_KEYS = frozenset({"label", "kind", "tags", "id"})  # what a row shows or the filter searches


def _matches(element: object, needle: str) -> bool:
    label = getattr(element, "label", "")
    tags = getattr(element, "tags", [])
    return (needle in label.casefold() or needle in getattr(element, "id", "").casefold()
            or any(needle in tag.casefold() for tag in tags))
