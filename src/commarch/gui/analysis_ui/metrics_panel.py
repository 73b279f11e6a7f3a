"""The metrics dock: integration score, the five ratios as a small bar chart, silos, brokerage ranking."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commarch.analysis import RATIOS, ui

from .common import fill, tr

TOP_BROKERS = 10
ROLE = Qt.ItemDataRole.UserRole


def ratio_rows(metrics: dict[str, Any], lang: str) -> list[tuple[str, float | None]]:
    words = ui(lang)
    return [(words.get(key, key), metrics.get(key)) for key in RATIOS]


class RatioChart(QWidget):
    """Five horizontal bars (0–100 %), drawn by matplotlib — imported on first use to keep start-up fast."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.canvas: Any = None
        self.figure: Any = None
        self.rows: list[tuple[str, float | None]] = []
        self.setMinimumHeight(150)

    def _ensure(self) -> None:
        if self.canvas is not None:
            return
        from commarch.mpl import LOCK

        with LOCK:  # a report may be importing matplotlib in a worker thread (see commarch/mpl.py)
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

        self.figure = Figure(figsize=(3.2, 1.7), dpi=100, layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self._layout.addWidget(self.canvas)

    def set_rows(self, rows: list[tuple[str, float | None]], colour: str = "#0072B2") -> None:
        self.rows = rows
        self._ensure()
        from commarch.mpl import rc_state  # a report may be drawing its charts in a worker thread

        # Labels are user-visible text, never math: '$' in a label must stay a dollar sign.
        with rc_state({"text.parse_math": False, "font.size": 8}):
            self.figure.clear()
            axes = self.figure.add_subplot(111)
            names = [name for name, _ in rows][::-1]
            values = [(value or 0.0) * 100 for _, value in rows][::-1]
            bars = axes.barh(names, values, color=colour, height=0.6)
            for bar, (_, value) in zip(bars, rows[::-1], strict=True):
                text = tr("n/a") if value is None else f"{round(value * 100)} %"
                axes.text(min(bar.get_width() + 2, 88), bar.get_y() + bar.get_height() / 2, text,
                          va="center", fontsize=7)
            axes.set_xlim(0, 100)
            axes.tick_params(axis="both", labelsize=7)
            for side in ("top", "right"):
                axes.spines[side].set_visible(False)
        self.canvas.draw_idle()


class MetricsPanel(QWidget):
    """Shows the runner's metrics. `select_requested(ids)` asks the window to select elements."""

    select_requested = Signal(list)

    def __init__(self, window: Any, language: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.window = window
        self.language = language
        self.metrics: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        self.score = QLabel("–")
        self.score.setTextFormat(Qt.TextFormat.PlainText)
        font = self.score.font()
        font.setPointSize(max(font.pointSize(), 9) * 3)
        font.setBold(True)
        self.score.setFont(font)
        self.score.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.score.setAccessibleName(tr("Integration score"))
        layout.addWidget(self._caption(tr("Integration score (0–100)")))
        layout.addWidget(self.score)
        self.chart = RatioChart()
        layout.addWidget(self.chart)
        layout.addWidget(self._caption(tr("Silos (departments that coordinate with each other)")))
        self.silos = QTreeWidget()
        self.silos.setHeaderHidden(True)
        self.silos.setAccessibleName(tr("Silos"))
        self.silos.itemClicked.connect(self._silo_clicked)
        layout.addWidget(self.silos, 1)
        layout.addWidget(self._caption(tr("Brokerage: best-networked departments")))
        self.brokers = QTreeWidget()
        self.brokers.setColumnCount(2)
        self.brokers.setHeaderLabels([tr("Department"), tr("Brokerage")])
        self.brokers.setRootIsDecorated(False)
        self.brokers.setAccessibleName(tr("Brokerage ranking"))
        self.brokers.itemClicked.connect(lambda item, _c: self.select_requested.emit([item.data(0, ROLE)]))
        layout.addWidget(self.brokers, 1)
        self.show_candidate = QPushButton(tr("Show coordinator candidate on canvas"))
        self.show_candidate.clicked.connect(self.select_candidate)
        self.show_candidate.setEnabled(False)
        layout.addWidget(self.show_candidate)

    @staticmethod
    def _caption(text: str) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label

    def set_metrics(self, metrics: dict[str, Any]) -> None:
        self.metrics = metrics
        labels = {e.id: e.label for e in self.window.doc.model.elements}
        score = metrics.get("integration_score")
        self.score.setText("–" if score is None else str(score))
        if self.on_screen() or self.chart.canvas is not None:
            self.chart.set_rows(ratio_rows(metrics, self.language()))
        self.silos.clear()
        for n, group in enumerate(metrics.get("silo_groups", []), 1):
            head = QTreeWidgetItem([fill(tr("Group %1 (%2)"), n, len(group))])
            head.setData(0, ROLE, list(group))
            for member in group:
                child = QTreeWidgetItem(head, [labels.get(member, member)])
                child.setData(0, ROLE, [member])
            self.silos.addTopLevelItem(head)
            head.setExpanded(True)
        self.brokers.clear()
        candidate = metrics.get("coordinator_candidate")
        ranking = sorted((metrics.get("brokerage") or {}).items(), key=lambda kv: (-kv[1], kv[0]))
        for department, value in ranking[:TOP_BROKERS]:
            name = labels.get(department, department)
            if department == candidate:
                name = fill(tr("★ %1 (coordinator candidate)"), name)
            item = QTreeWidgetItem([name, f"{value:.3f}"])
            item.setData(0, ROLE, department)
            if department == candidate:
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
            self.brokers.addTopLevelItem(item)
        self.brokers.resizeColumnToContents(1)
        self.show_candidate.setEnabled(candidate is not None)

    def on_screen(self) -> bool:
        # A dock behind another dock's tab stays "visible" to Qt, moved off-screen: drawing its chart
        # there would import matplotlib (~0.3 s) at start-up for nothing.
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def came_into_view(self) -> None:
        """The dock was shown or its tab selected: draw the chart if it was left for now."""
        if self.metrics and self.chart.canvas is None:
            self.chart.set_rows(ratio_rows(self.metrics, self.language()))

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self.on_screen():
            self.came_into_view()  # first shown: draw now

    def _silo_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        ids = item.data(0, ROLE)
        if ids:
            self.select_requested.emit(list(ids))

    def select_candidate(self) -> None:
        candidate = self.metrics.get("coordinator_candidate")
        if candidate:
            self.select_requested.emit([candidate])
