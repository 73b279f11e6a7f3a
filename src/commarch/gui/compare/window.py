"""CompareWindow: two models side by side on one canvas — old, new or overlay — with changes, findings, metrics."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QGraphicsItem,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from commarch.analysis import analyze
from commarch.diff import ModelDiff, diff_models, summary_line
from commarch.editing import Document
from commarch.model import CommModel

from ..canvas import CanvasScene, CanvasView
from .overlay import GhostItem, RelationMarkItem, add_marks
from .panels import ChangesList, FindingsList, MetricsTable, tr

MODES = ("old", "new", "overlay")
FOCUS_ZOOM = 1.0


class ReadOnlyView(CanvasView):
    """The canvas without its editing gestures: the compare view shows models, it never changes them."""

    def edit_label(self, element_id: str | None = None) -> bool:
        return False

    def start_keyboard_connect(self) -> bool:
        return False

    def set_connect_mode(self, on: bool) -> None:
        return None


class CompareWindow(QMainWindow):
    """Compare `old` with `new` (copies are shown; the models passed in are never touched)."""

    def __init__(self, old: CommModel, new: CommModel, *, old_name: str = "", new_name: str = "",
                 lang: str = "en", theme: str = "light", parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.lang, self.theme = lang, theme
        self.old_model, self.new_model = old.model_copy(deep=True), new.model_copy(deep=True)
        self.old_name, self.new_name = old_name or tr("Old"), new_name or tr("New")
        self.mode = "overlay"
        self.diff: ModelDiff | None = None
        self.old_scene: CanvasScene | None = None
        self.new_scene: CanvasScene | None = None
        self.marks: dict[str, list[Any]] = {"old": [], "new": []}
        self._build()
        self.refresh()
        self.resize(1400, 880)

    # construction -----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.summary.setFont(font)
        self.summary.setAccessibleName(tr("Comparison summary"))
        self.sides = QLabel()
        self.sides.setTextFormat(Qt.TextFormat.PlainText)
        self.sides.setWordWrap(True)
        self.changes = ChangesList()
        self.findings = FindingsList()
        self.metrics = MetricsTable()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.changes, tr("Changes"))
        self.tabs.addTab(self.findings, tr("Findings"))
        self.tabs.addTab(self.metrics, tr("Metrics"))
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.summary)
        layout.addWidget(self.sides)
        layout.addWidget(self.tabs, 1)
        self.view = ReadOnlyView(CanvasScene(Document(CommModel.empty()), parent=self), self)
        self.view.setAccessibleName(tr("Comparison canvas"))
        self._placeholder_scene = self.view.canvas_scene
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([940, 460])
        self.setCentralWidget(splitter)
        self._build_toolbar()
        self.changes.focus_requested.connect(self.focus_change)
        self.findings.finding_requested.connect(self.focus_finding)

    def _build_toolbar(self) -> None:
        bar = QToolBar(tr("Compare"), self)
        bar.setObjectName("compare_toolbar")
        self.addToolBar(bar)
        self.mode_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        group.setExclusive(True)
        for mode, text, key in (("old", tr("&Old"), "1"), ("new", tr("&New"), "2"),
                                ("overlay", tr("O&verlay"), "3")):
            action = QAction(text, self, checkable=True)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _checked=False, m=mode: self.set_mode(m))
            group.addAction(action)
            bar.addAction(action)
            self.mode_actions[mode] = action
        bar.addSeparator()
        self.swap_action = QAction(tr("&Swap sides"), self)
        self.swap_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.swap_action.triggered.connect(self.swap_sides)
        bar.addAction(self.swap_action)
        self.fit_action = QAction(tr("&Fit"), self)
        self.fit_action.setShortcut(QKeySequence("Ctrl+0"))
        self.fit_action.triggered.connect(self.view.fit_to_view)
        bar.addAction(self.fit_action)
        bar.addSeparator()
        self.export_action = QAction(tr("&Export report…"), self)
        self.export_action.triggered.connect(self.export_dialog)
        bar.addAction(self.export_action)
        for action in (*self.mode_actions.values(), self.swap_action, self.fit_action):
            self.addAction(action)

    def retranslate(self) -> None:
        """After a live language switch (the window walk has swapped the chrome texts already): the
        comparison itself — summary, changes, findings, metrics and markers — in the new language."""
        from ..i18n import current_language

        language = current_language()
        if language != self.lang:
            self.lang = language
            self.refresh()

    # model ----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Compare the two models again and rebuild scenes, markers and panels."""
        self.diff = diff_models(self.old_model, self.new_model, lang=self.lang, analyzer=analyze)
        self._drop_scenes()
        from commarch.render.diff_markers import build_marks, build_old_marks

        self.old_scene = self._scene(self.old_model)
        self.new_scene = self._scene(self.new_model)
        self.marks = {
            "old": add_marks(self.old_scene, build_old_marks(self.old_model, self.diff), self.old_model,
                             self.old_scene.ctx.theme, self.lang, new_side=False),
            "new": add_marks(self.new_scene, build_marks(self.old_model, self.new_model, self.diff),
                             self.new_model, self.new_scene.ctx.theme, self.lang, new_side=True),
        }
        self.summary.setText(summary_line(self.diff, self.lang, arrow="\u2192"))
        self.sides.setText(tr("Old: %1\nNew: %2").replace("%1", self.old_name).replace("%2", self.new_name))
        self.setWindowTitle(tr("Compare: %1 \u2192 %2 — commarch").replace("%1", self.old_name)
                            .replace("%2", self.new_name))
        self.changes.show_diff(self.diff, self.lang)
        self.findings.show_diff(self.diff)
        self.metrics.show_diff(self.diff, self.lang)
        self.set_mode(self.mode, fit=True)

    def _scene(self, model: CommModel) -> CanvasScene:
        scene = CanvasScene(Document(model), self.theme, parent=self)
        for item in scene.element_items():
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, False)
        return scene

    def _drop_scenes(self) -> None:
        self.view.canvas_scene = self._placeholder_scene
        self.view.setScene(self._placeholder_scene)
        for scene in (self.old_scene, self.new_scene):
            if scene is not None:
                scene.close()
                scene.deleteLater()
        self.old_scene = self.new_scene = None

    def swap_sides(self) -> None:
        self.old_model, self.new_model = self.new_model, self.old_model
        self.old_name, self.new_name = self.new_name, self.old_name
        self.refresh()

    # modes ----------------------------------------------------------------------------------------
    def current_scene(self) -> CanvasScene:
        scene = self.old_scene if self.mode == "old" else self.new_scene
        assert scene is not None
        return scene

    def set_mode(self, mode: str, *, fit: bool = False) -> None:
        """Show the old model, the new one (added/changed marked) or the overlay (plus ghosts and moves)."""
        if mode not in MODES:
            raise ValueError(f"unknown compare mode {mode!r}")
        changed = mode != self.mode or fit
        self.mode = mode
        self.mode_actions[mode].setChecked(True)
        for item in self.marks["new"]:
            item.setVisible(mode == "overlay" or not item.overlay_only)
        scene = self.current_scene()
        if self.view.canvas_scene is not scene:
            self.view.canvas_scene = scene
            self.view.setScene(scene)
        if changed:
            self.view.fit_to_view()

    def visible_marks(self) -> list[Any]:
        """The marker items the canvas shows now (for tests and accessibility)."""
        side = "old" if self.mode == "old" else "new"
        return [item for item in self.marks[side] if item.isVisible()]

    # focus ----------------------------------------------------------------------------------------
    def focus_change(self, status: str, item_id: str) -> None:
        """Select and centre what a change row names, switching to a mode that shows it."""
        assert self.diff is not None
        if status == "removed":
            if self.mode != "old":
                self.set_mode("overlay")
                self._focus_ghost(item_id)
                return
        elif status == "rel_removed":
            if self.mode != "old":
                self.set_mode("overlay")
                self._focus_mark(item_id)
                return
        elif self.mode == "old":
            old_id = self._old_id(status, item_id)
            if old_id is None:
                self.set_mode("overlay")
            else:
                item_id = old_id
        self._select([item_id])

    def _old_id(self, status: str, new_id: str) -> str | None:
        assert self.diff is not None
        if status in ("changed", "moved"):
            return next((o for o, n in self.diff.element_map.items() if n == new_id), None)
        if status == "rel_changed":
            return next((c.old_id for c in self.diff.relations_changed if c.id == new_id), None)
        return None

    def focus_finding(self, side: str, ref: Any) -> None:
        """A resolved finding is shown on the old side, an introduced one on the new side."""
        if side == "old":
            self.set_mode("old")
        elif self.mode == "old":
            self.set_mode("overlay")
        self._select(list(ref.subjects))

    def _readable(self) -> None:
        # zoomed out to fit, the canvas leaves labels out; a focused change should be readable
        if self.view.zoom() < FOCUS_ZOOM:
            self.view.set_zoom(FOCUS_ZOOM)

    def _select(self, ids: list[str]) -> None:
        scene = self.current_scene()
        scene.select_ids(ids)
        self._readable()
        self.view.center_on_ids(ids)

    def _focus_ghost(self, element_id: str) -> None:
        scene = self.current_scene()
        scene.clearSelection()
        for item in self.marks["new"]:
            if isinstance(item, GhostItem) and item.target_id == element_id:
                item.setSelected(True)
                self._readable()
                self.view.centerOn(item.boundingRect().center())

    def _focus_mark(self, relation_id: str) -> None:
        self.current_scene().clearSelection()
        for item in self.marks["new"]:
            if isinstance(item, RelationMarkItem) and item.target_id == relation_id:
                self._readable()
                self.view.centerOn(item.boundingRect().center())

    # report ---------------------------------------------------------------------------------------
    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export comparison report"), "comparison.pdf",
                                              tr("Reports (*.pdf *.html *.md)"))
        if path:
            self.export_report(path)

    def export_report(self, path: str) -> bool:
        from commarch.render.diff_export import export_diff_report

        assert self.diff is not None
        try:
            export_diff_report(self.diff, self.old_model, self.new_model, path, lang=self.lang,
                               old_name=self.old_name, new_name=self.new_name,
                               old_findings=analyze(self.old_model, self.lang, with_brokerage=False).findings)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, tr("Export comparison report"), f"{os.path.basename(path)}: {exc}")
            return False
        self.statusBar().showMessage(tr("Report written: %1").replace("%1", path), 6000)
        return True

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        QTimer.singleShot(0, self.view.fit_to_view)  # the view has its real size only once shown

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        if not self._user_zoomed():
            QTimer.singleShot(0, self.view.fit_to_view)

    def _user_zoomed(self) -> bool:
        # fit again on resize only while the user has not zoomed in on a change
        return self.view.zoom() > 1.0

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        for scene in (self.old_scene, self.new_scene):
            if scene is not None:
                scene.close()
        event.accept()
