"""Matrices beside the canvas: channel × stakeholder coverage, department × channel roles, power/interest grid."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableView, QTabWidget, QWidget

from commarch.gui.texts import ENUM_NAMES, tr_name
from commarch.model import CommModel

from .common import tr
from .power_grid import PowerInterestGrid

if TYPE_CHECKING:
    from commarch.interchange.matrices import Matrix

GAP_COLOUR = QColor("#F9D9C5")  # a soft version of the error badge colour: a gap, visible but readable
Index = QModelIndex | QPersistentModelIndex


class MatrixModel(QAbstractTableModel):
    """A Matrix as a table; rows or columns with no entry at all are gaps and get a tinted background."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.matrix: Matrix[Any] | None = None
        self.empty_rows: set[int] = set()
        self.empty_columns: set[int] = set()
        self.row_gap_text = ""
        self.column_gap_text = ""

    def set_matrix(self, matrix: Matrix[Any]) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.empty_rows = {r for r, row in enumerate(matrix.cells) if not any(row)}
        self.empty_columns = {c for c in range(len(matrix.column_ids))
                              if not any(row[c] for row in matrix.cells)}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt override)
        return 0 if self.matrix is None or parent.isValid() else len(self.matrix.row_ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if self.matrix is None or parent.isValid() else len(self.matrix.column_ids)

    def cell_text(self, value: Any) -> str:
        if isinstance(value, int):
            return "✓" if value else ""
        return tr_name(ENUM_NAMES, value) if value else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.matrix is None or not index.isValid():
            return None
        value = self.matrix.cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and (index.row() in self.empty_rows
                                                       or index.column() in self.empty_columns):
            return QBrush(GAP_COLOUR)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.matrix is None:
            return None
        rows = orientation == Qt.Orientation.Vertical
        labels = self.matrix.row_labels if rows else self.matrix.column_labels
        gaps = self.empty_rows if rows else self.empty_columns
        if section >= len(labels):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            label = labels[section]
            return f"⚠ {label}" if section in gaps else label
        if role == Qt.ItemDataRole.BackgroundRole and section in gaps:
            return QBrush(GAP_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and section in gaps:
            return self.row_gap_text if rows else self.column_gap_text
        return None

    def ids_at(self, row: int, column: int) -> list[str]:
        """The row's and the column's element ids (what a click on the cell selects)."""
        assert self.matrix is not None
        return [self.matrix.row_ids[row], self.matrix.column_ids[column]]


class MatrixView(QTableView):
    """A table of a MatrixModel; clicking a cell or a header asks to select those elements."""

    select_requested = Signal(list)

    def __init__(self, model: MatrixModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.matrix_model = model
        self.setWordWrap(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        model.modelReset.connect(self._fit_columns)
        self.clicked.connect(lambda index: self.select_requested.emit(model.ids_at(index.row(), index.column())))
        self.horizontalHeader().sectionClicked.connect(self._column_clicked)
        self.verticalHeader().sectionClicked.connect(self._row_clicked)

    def _fit_columns(self) -> None:
        # Measuring every cell is slow for big models (ResizeToContents on hundreds of columns costs
        # hundreds of ms per refresh), so fit to the headers only, at most once per refresh.
        header = self.horizontalHeader()
        if self.matrix_model.columnCount() <= 150:
            header.resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        else:
            header.setDefaultSectionSize(90)

    def _column_clicked(self, column: int) -> None:
        if self.matrix_model.matrix is not None:
            self.select_requested.emit([self.matrix_model.matrix.column_ids[column]])

    def _row_clicked(self, row: int) -> None:
        if self.matrix_model.matrix is not None:
            self.select_requested.emit([self.matrix_model.matrix.row_ids[row]])


class MatricesPanel(QTabWidget):
    """Three tabs; refreshes from the window's model when shown or when the model changed while shown."""

    select_requested = Signal(list)

    def __init__(self, window: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.window = window
        self.stale_tabs: set[int] = {0, 1, 2}
        self.coverage_model = MatrixModel(self)
        self.coverage_model.row_gap_text = tr("This channel reaches no stakeholder.")
        self.coverage_model.column_gap_text = tr("No channel reaches this stakeholder: a gap.")
        self.coverage = MatrixView(self.coverage_model)
        self.coverage.setAccessibleName(tr("Coverage: channels × stakeholders"))
        self.roles_model = MatrixModel(self)
        self.roles_model.row_gap_text = tr("This department operates no channel.")
        self.roles_model.column_gap_text = tr("No department operates this channel: nobody owns it.")
        self.roles = MatrixView(self.roles_model)
        self.roles.setAccessibleName(tr("Responsibility: departments × channels"))
        self.grid = PowerInterestGrid()
        self.addTab(self.coverage, tr("Coverage"))
        self.addTab(self.roles, tr("Responsibility"))
        self.addTab(self.grid, tr("Power / interest"))
        for view in (self.coverage, self.roles, self.grid):
            view.select_requested.connect(self.select_requested)
        self.currentChanged.connect(self._tab_changed)

    def model_changed(self) -> None:
        self.stale_tabs = {0, 1, 2}
        if self.isVisible():
            self.refresh()

    @property
    def stale(self) -> bool:
        return bool(self.stale_tabs)

    def refresh(self, model: CommModel | None = None, every_tab: bool = False) -> None:
        """Rebuild the current tab (all with `every_tab`); the others wait until they are shown."""
        # commarch.interchange is imported when a matrix is first shown (the dock starts hidden)
        from commarch.interchange.matrices import coverage_matrix, responsibility_matrix

        model = model or self.window.doc.model
        for tab in ({0, 1, 2} if every_tab else {self.currentIndex()}) & self.stale_tabs:
            if tab == 0:
                self.coverage_model.set_matrix(coverage_matrix(model))
            elif tab == 1:
                self.roles_model.set_matrix(responsibility_matrix(model))
            else:
                self.grid.set_model(model)
            self.stale_tabs.discard(tab)

    def _tab_changed(self, _index: int) -> None:
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        self.refresh()
        super().showEvent(event)
