"""The compare view's side panels: the list of changes, findings resolved/introduced, metric deltas."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QWidget

from commarch.diff import FindingRef, ModelDiff
from commarch.diff.texts import KIND_NAMES, RELATION_NAMES

ROLE = Qt.ItemDataRole.UserRole  # (status, id) on change rows; (side, FindingRef) on finding rows
CONTEXT = ""  # bare tr() calls: lupdate files them under the empty context


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _group(tree: QTreeWidget, title: str, count: int) -> QTreeWidgetItem:
    item = QTreeWidgetItem(tree, [f"{title} ({count})"])
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    item.setExpanded(True)
    return item


def _row(parent: QTreeWidgetItem, text: str, detail: str, data: object) -> QTreeWidgetItem:
    item = QTreeWidgetItem(parent, [text, detail])
    item.setData(0, ROLE, data)
    item.setToolTip(0, text)
    item.setToolTip(1, detail)
    return item


class ChangesList(QTreeWidget):
    """Every change as a row under its kind of change; activating a row emits focus_requested(status, id)."""

    focus_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels([tr("Change"), tr("Kind")])
        self.setAccessibleName(tr("Changes"))
        self.setUniformRowHeights(True)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setStretchLastSection(False)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)

    def show_diff(self, diff: ModelDiff, lang: str) -> None:
        self.clear()
        kinds = {k: v.rstrip("s") if lang == "en" else v for k, v in KIND_NAMES.get(lang, KIND_NAMES["en"]).items()}
        relations = RELATION_NAMES.get(lang, RELATION_NAMES["en"])
        groups = (
            ("added", tr("Added"), [(e.id, e.label, e.kind) for e in diff.added]),
            ("removed", tr("Removed"), [(e.id, e.label, e.kind) for e in diff.removed]),
            ("changed", tr("Changed"), [(c.id, c.label, c.kind) for c in diff.changed]),
            ("moved", tr("Moved"), [(m.id, m.label, m.kind) for m in diff.moved]),
        )
        for status, title, rows in groups:
            if rows:
                group = _group(self, title, len(rows))
                for element_id, label, kind in rows:
                    _row(group, label, kinds.get(kind, kind), (status, element_id))
        rel_groups = (
            ("rel_added", tr("Relations added"), diff.relations_added),
            ("rel_removed", tr("Relations removed"), diff.relations_removed),
            ("rel_changed", tr("Relations changed"), diff.relations_changed),
        )
        for status, title, refs in rel_groups:
            if refs:
                group = _group(self, title, len(refs))
                for ref in refs:
                    text = f"{ref.source_label} \u2192 {ref.target_label}"
                    _row(group, text, relations.get(ref.kind, ref.kind), (status, ref.id))
        if not self.topLevelItemCount():
            item = QTreeWidgetItem(self, [tr("No differences")])
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)

    def rows(self) -> list[QTreeWidgetItem]:
        found = []
        for i in range(self.topLevelItemCount()):
            group = self.topLevelItem(i)
            found += [group.child(j) for j in range(group.childCount())]
        return found

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, ROLE)
        if data:
            self.focus_requested.emit(*data)


class FindingsList(QTreeWidget):
    """Findings resolved (old side) and introduced (new side); activating one emits finding_requested."""

    finding_requested = Signal(str, object)  # side ("old" | "new"), FindingRef

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setColumnCount(1)
        self.setHeaderHidden(True)
        self.setWordWrap(True)
        self.setAccessibleName(tr("Findings resolved and introduced"))
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)

    def show_diff(self, diff: ModelDiff) -> None:
        self.clear()
        if diff.findings is None:
            QTreeWidgetItem(self, [tr("Findings were not compared (no analysis available).")])
            return
        for side, title, refs in (("old", tr("Resolved"), diff.findings.resolved),
                                  ("new", tr("Introduced"), diff.findings.introduced)):
            group = _group(self, title, len(refs))
            for ref in refs:
                item = QTreeWidgetItem(group, [f"{ref.rule}: {ref.message}"])
                item.setToolTip(0, f"{ref.message}\n\n{ref.recommendation}")
                item.setData(0, ROLE, (side, ref))
        note = QTreeWidgetItem(self, [tr("%1 unchanged").replace("%1", str(len(diff.findings.unchanged)))])
        note.setFlags(Qt.ItemFlag.ItemIsEnabled)

    def refs(self, side: str) -> list[FindingRef]:
        found = []
        for i in range(self.topLevelItemCount()):
            group = self.topLevelItem(i)
            for j in range(group.childCount()):
                data = group.child(j).data(0, ROLE)
                if data and data[0] == side:
                    found.append(data[1])
        return found

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, ROLE)
        if data:
            self.finding_requested.emit(*data)


class MetricsTable(QTableWidget):
    """Metric, before, after, change: the rows of the report's metrics table."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels([tr("Metric"), tr("Before"), tr("After"), tr("Change")])
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setAccessibleName(tr("Metric deltas"))
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, 90 if column < 3 else 75)

    def show_diff(self, diff: ModelDiff, lang: str) -> None:
        from commarch.mpl import LOCK

        with LOCK:  # commarch.report pulls in matplotlib, maybe while a report's worker does (commarch/mpl.py)
            from commarch.report.diff_report import metric_rows

        rows = metric_rows(diff, lang)
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(r, c, item)
