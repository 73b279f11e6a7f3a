"""`install_analysis_ui(window)`: live analysis, findings/metrics/matrices/find docks, menus, presentation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMenu, QScrollArea, QWidget

from commarch.analysis import Finding
from commarch.editing import AddWaiver, Document, RemoveWaiver, SetRuleSetting

from ..i18n import compose
from ..shell import fill_dock
from .arrange import AutoLayout, build_layout_menu, build_template_menu, retranslate_template_menu
from .canvas_filters import CanvasFilter
from .common import fill, tr, ui_language
from .findings_panel import FindingsPanel, worst_severities
from .metrics_panel import MetricsPanel
from .presentation import Presentation
from .runner import AnalysisRunner

if TYPE_CHECKING:
    from .matrices_panel import MatricesPanel
    from .rules_dialog import RulesDialog
    from .search import FindPanel

FIRST_RUN_FALLBACK_MS = 1000
# Up to this many elements, a model opened before the window's first paint gets its findings at once, so the
# first paint shows them (≤ ~8 ms of analysis here; a second paint pass for the badges costs more). Larger
# models show first and get their findings on the next turn of the event loop.
FIRST_RUN_INLINE_MAX = 1000


class _FirstPaint(QObject):
    """Calls `then()` once, after `widget` has received its first paint event."""

    def __init__(self, widget: QWidget, then: Any):
        super().__init__(widget)
        self.widget, self.then = widget, then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.widget and event.type() == QEvent.Type.Paint:
            self.widget.removeEventFilter(self)
            self.then()
        return False


def _scrolling(panel: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(panel)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setAccessibleName(panel.accessibleName())
    return area


def _top_menu(window: Any, action: QAction) -> QMenu | None:
    """The menu-bar menu that holds `action`, directly or in a submenu (menus are found, not named:
    their titles are translated)."""

    def holds(menu: QMenu) -> bool:
        return any(a is action or (a.menu() is not None and holds(a.menu())) for a in menu.actions())

    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is not None and holds(menu):
            return menu
    return None


class AnalysisUI(QObject):
    """Everything this package adds to one MainWindow; `window.analysis_ui` after installation."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.language = lambda: ui_language(window)
        self.runner = AnalysisRunner(window.doc, self.language, self)
        self.filter = CanvasFilter(window.scene, self)
        self.layouts = AutoLayout(window)
        self.badges_on = True
        self._closed = False
        self.actions: dict[str, QAction] = {}
        self._highlight_subjects: frozenset[str] = frozenset()
        self._build_docks()
        self._build_status()
        self._build_actions()
        self.presentation = Presentation(window, lambda: self.runner.findings, self.language, self.show_finding)
        self.runner.findings_ready.connect(self._findings_ready)
        self.runner.metrics_ready.connect(self._metrics_ready)
        self._wire_scene()
        window.document_replaced.connect(self.document_replaced)
        window.installEventFilter(self)
        # The first analysis waits for the window's first paint: the user sees the window (and the
        # model) sooner, and the findings follow on the next turn of the event loop. A window that is
        # not painted (hidden, minimised) gets them after FIRST_RUN_FALLBACK_MS anyway.
        self.runner.hold()
        self.runner.schedule(immediately=True)
        self._first_paint = _FirstPaint(window.view.viewport(), self.runner.release)
        QTimer.singleShot(FIRST_RUN_FALLBACK_MS, self, self.runner.release)

    # construction ---------------------------------------------------------------------------------
    def _dock(self, name: str, title: str, widget: QWidget | None, area: Qt.DockWidgetArea) -> QDockWidget:
        w = self.window
        made = getattr(w, "shell_docks", {}).get(name)  # MainWindow makes every dock up front (gui/shell.py)
        if made is not None:
            if widget is not None:
                fill_dock(made, widget)
            return made
        dock = QDockWidget(title, w)
        dock.setObjectName(name)
        if widget is not None:
            dock.setWidget(widget)
        dock.setAccessibleName(title)
        w.addDockWidget(area, dock)
        if getattr(w, "docks_menu", None) is not None:
            w.docks_menu.addAction(dock.toggleViewAction())
        return dock

    def _build_docks(self) -> None:
        w = self.window
        areas = Qt.DockWidgetArea
        right, bottom, left = areas.RightDockWidgetArea, areas.BottomDockWidgetArea, areas.LeftDockWidgetArea
        self.findings = FindingsPanel(self.language)
        self.findings.finding_activated.connect(self.show_finding)
        self.findings.waive_requested.connect(self.waive)
        self.findings.unwaive_requested.connect(self.unwaive)
        self.metrics = MetricsPanel(w, self.language)
        self.metrics.select_requested.connect(self.select_and_centre)
        self.dock_findings = self._dock("findings", tr("Findings"), self.findings, right)
        # in a scroll area: the chart and lists are tall, and a dock's minimum height adds up to the
        # window's — on a 1366×768 laptop the window must still fit the screen
        self.dock_metrics = self._dock("metrics", tr("Metrics"), _scrolling(self.metrics), right)
        # also emitted when its tab is selected (QDockWidget): the chart is drawn when first seen
        self.dock_metrics.visibilityChanged.connect(lambda seen: seen and self.metrics.came_into_view())
        # Matrices and Find start hidden (the canvas needs the room in a workshop): their panels are built
        # when the dock is first shown or the panel first used (`matrices`, `find_panel`), not before the
        # window's first paint
        self._matrices: MatricesPanel | None = None
        self._find_panel: FindPanel | None = None
        self.dock_matrices = self._dock("matrices", tr("Matrices"), None, bottom)
        self.dock_find = self._dock("find", tr("Find and Filter"), None, left)
        # Findings and Metrics become tabs when the window is first shown (see below; MainWindow does it
        # for the docks it made)
        self._tabified = "findings" in getattr(w, "shell_docks", {})
        if not self._tabified:
            self.dock_matrices.hide()
            self.dock_find.hide()
        self.dock_matrices.visibilityChanged.connect(lambda seen: seen and self.matrices)
        self.dock_find.visibilityChanged.connect(lambda seen: seen and self.find_panel)

    @property
    def matrices(self) -> MatricesPanel:
        """The Matrices dock's panel, built on first use."""
        if self._matrices is None:
            from .matrices_panel import MatricesPanel

            self._matrices = MatricesPanel(self.window)
            self._matrices.select_requested.connect(self.select_and_centre)
            self._put_in_dock(self.dock_matrices, self._matrices)
        return self._matrices

    @property
    def find_panel(self) -> FindPanel:
        """The Find and Filter dock's panel, built on first use (its controls then show the current filter)."""
        if self._find_panel is None:
            from .search import FindPanel

            self._find_panel = FindPanel(self.window, self.filter)
            self._find_panel.focus_requested.connect(self.select_and_centre)
            self._put_in_dock(self.dock_find, self._find_panel)
        return self._find_panel

    @staticmethod
    def _put_in_dock(dock: QDockWidget, panel: QWidget) -> None:
        dock.setWidget(panel)
        if dock.isVisible():
            panel.show()  # QDockWidget.setWidget on a visible dock leaves the widget hidden

    def _build_status(self) -> None:
        made = getattr(self.window, "score_label_shell", None)  # in the status bar since the window's shell
        if made is not None:
            self.score_label = made
            return
        self.score_label = QLabel(tr("Integration score: …"))
        self.score_label.setTextFormat(Qt.TextFormat.PlainText)
        self.score_label.setAccessibleName(tr("Integration score"))
        self.window.statusBar().addPermanentWidget(self.score_label)

    def _action(self, name: str, text: str, slot: Any, shortcut: Any = None, checkable: bool = False) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # shortcuts keep working with the menu bar hidden
        self.actions[name] = action
        self.window.actions_by_name.setdefault(name, action)  # listed in Help ▸ Keyboard Shortcuts
        return action

    def _build_actions(self) -> None:
        w, a = self.window, self.window.actions_by_name
        find = self._action("find", tr("&Find…"), self.start_find, QKeySequence.StandardKey.Find)
        find_next = self._action("find_next", tr("Find &Next"), lambda: self.find_panel.next_result(), "F3")
        find_previous = self._action("find_previous", tr("Find &Previous"), lambda: self.find_panel.previous_result(),
                                     "Shift+F3")
        badges = self._action("finding_badges", tr("Finding &Badges"), self.set_badges_visible, checkable=True)
        badges.setChecked(True)
        present = self._action("presentation", tr("&Presentation"), self.toggle_presentation, "F5")
        rules = self._action("rules", tr("&Rules…"), self.edit_rules)
        rerun = self._action("analyse_now", tr("&Analyse Now"), lambda: self.runner.schedule(immediately=True))
        focus = self._action("focus_mode", tr("F&ocus on Selection"),
                             lambda on: self.find_panel.focus_button.setChecked(on), "Ctrl+Shift+G", checkable=True)
        self.filter.changed.connect(lambda: self._set_checked(focus, self.filter.focus_id is not None))
        clear = self._action("clear_filters", tr("Show &All Elements"), self.filter.clear)
        edit = _top_menu(w, a["select_all"])
        if edit is not None:
            edit.insertActions(a["select_all"], [find, find_next, find_previous])
        view = _top_menu(w, a["fit"])
        if view is not None:
            view.insertActions(a["grid"], [badges, focus, clear])
            view.insertSeparator(a["grid"])
            view.addSeparator()
            view.addAction(present)
        arrange = _top_menu(w, a["align_left"])
        if arrange is not None:
            arrange.addSeparator()
            arrange.addMenu(build_layout_menu(w, self.layouts))
        file_menu = _top_menu(w, a["new"])
        if file_menu is not None:
            self.template_menu = build_template_menu(w)
            file_menu.insertMenu(a["open"], self.template_menu)
        made = getattr(w, "analysis_menu_shell", None)  # in the menu bar since the window's shell
        analysis = made if made is not None else QMenu(tr("A&nalysis"), w)
        analysis.addActions([rules, rerun])
        analysis.addSeparator()
        for dock in (self.dock_findings, self.dock_metrics, self.dock_matrices):
            analysis.addAction(dock.toggleViewAction())
        help_menu = _top_menu(w, a["about"])
        if made is None and help_menu is not None:
            w.menuBar().insertMenu(help_menu.menuAction(), analysis)
        elif made is None:
            w.menuBar().addMenu(analysis)
        self.analysis_menu = analysis

    @staticmethod
    def _set_checked(action: QAction, on: bool) -> None:
        blocked = action.blockSignals(True)
        action.setChecked(on)
        action.blockSignals(blocked)

    # following the window's document and scene ---------------------------------------------------------
    def retranslate(self) -> None:
        """Called by the window's retranslate walk after a language switch."""
        if getattr(self, "template_menu", None) is not None:
            retranslate_template_menu(self.window, self.template_menu)

    def document_replaced(self, doc: Document) -> None:
        if self.presentation.active:
            self.presentation.leave()
        self.filter.set_scene(self.window.scene)
        self._wire_scene()
        self.window.scene.set_badges_visible(self.badges_on)
        if self._matrices is not None:
            self._matrices.model_changed()
        self.runner.set_document(doc)
        if self.runner.held and len(doc.model.elements) <= FIRST_RUN_INLINE_MAX:
            self.runner.run_now()  # opened before the first paint: shown with it (see FIRST_RUN_INLINE_MAX)

    def _wire_scene(self) -> None:
        self.window.scene.selectionChanged.connect(self._selection_changed)

    def _selection_changed(self) -> None:
        # the highlight belongs to the finding shown; selecting something else ends it
        if self._highlight_subjects and set(self.window.scene.selected_element_ids()) != self._highlight_subjects:
            self._highlight_subjects = frozenset()
            self.window.scene.highlight_relations([])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        # The window deletes itself on close (WA_DeleteOnClose): stop following its document and
        # let running workers finish before our QObjects go with it.
        if watched is self.window and event.type() == QEvent.Type.DeferredDelete:
            self.close()
        elif watched is self.window and event.type() == QEvent.Type.Show and not self._tabified:
            self.tabify_docks()
        return False

    def tabify_docks(self) -> None:
        """Findings and Metrics share one place as tabs. Done once the window is shown: Qt 6.11 gives a
        second tab group tabified before the first show a duplicate tab bar that stays visible as a
        stray "Findings | Metrics" strip when the dock layout changes (reproduced with bare Qt)."""
        self._tabified = True
        w = self.window
        w.tabifyDockWidget(self.dock_findings, self.dock_metrics)
        self.dock_findings.raise_()
        # the findings are what the workshop looks at: give them most of the right column
        column = [d for d in (getattr(w, "dock_inspector", None), getattr(w, "dock_minimap", None),
                              self.dock_findings) if d is not None]
        w.resizeDocks(column, [160, 170, max(300, w.height() - 330)][-len(column):], Qt.Orientation.Vertical)

    def close(self) -> None:
        """Stop the live analysis and wait for workers (idempotent)."""
        if self._closed:
            return
        self._closed = True
        QApplication.instance().removeEventFilter(self.presentation)
        self.presentation.active = False
        self.runner.close()
        self.layouts.wait()

    # results -----------------------------------------------------------------------------------------
    def _findings_ready(self, findings: list[Finding]) -> None:
        self.findings.set_findings(findings)
        self.window.scene.set_badges(worst_severities(findings))
        if self._matrices is not None:
            self._matrices.model_changed()
        if self._find_panel is not None and self._find_panel.isVisible():
            self._find_panel.refresh_tags()

    def _metrics_ready(self, metrics: dict[str, Any]) -> None:
        score = metrics.get("integration_score")
        self.score_label.setText(fill(tr("Integration score: %1"), "–" if score is None else score))
        self.metrics.set_metrics(metrics)

    # actions ----------------------------------------------------------------------------------------
    def select_and_centre(self, ids: list[str]) -> None:
        scene, view = self.window.scene, self.window.view
        scene.select_ids(ids)
        view.center_on_ids(list(ids))

    def show_finding(self, finding: Finding) -> None:
        """Select and centre the subjects; highlight the relations among them."""
        subjects = frozenset(finding.subjects)
        doc = self.window.doc
        relations = {r.id for s in subjects if doc.get_element(s) is not None for r in doc.relations_of(s)
                     if r.source in subjects and r.target in subjects}
        self._highlight_subjects = frozenset()
        self.select_and_centre(list(finding.subjects))
        self._highlight_subjects = frozenset(s for s in subjects if doc.get_element(s) is not None)
        self.window.scene.highlight_relations(relations)

    def waive(self, finding: Finding, note: str) -> bool:
        doc = self.window.doc
        return self.window.controller.run(lambda: AddWaiver(doc, finding.rule, list(finding.subjects), note,
                                                            text=compose(tr("Waive %1"), finding.rule)))

    def unwaive(self, finding: Finding) -> bool:
        doc = self.window.doc
        return self.window.controller.run(lambda: RemoveWaiver(doc, finding.rule, list(finding.subjects),
                                                               text=compose(tr("Remove waiver of %1"), finding.rule)))

    def set_badges_visible(self, on: bool) -> None:
        self.badges_on = on
        self.window.scene.set_badges_visible(on)

    def start_find(self) -> None:
        self.dock_find.show()
        self.dock_find.raise_()
        self.find_panel.start()

    def toggle_presentation(self) -> None:
        self.presentation.toggle()

    def rules_dialog(self) -> RulesDialog:
        from .rules_dialog import RulesDialog

        return RulesDialog(self.window.doc.model, self.language(), self.window)

    def edit_rules(self, dialog: RulesDialog | None = None) -> int:
        """Show the rules dialog (or use `dialog`, already filled in) and apply it as one undo step."""
        dialog = dialog or self.rules_dialog()
        if dialog.result() != dialog.DialogCode.Accepted and not dialog.exec():
            return 0
        return self.apply_rule_changes(dialog)

    def apply_rule_changes(self, dialog: RulesDialog) -> int:
        controller, doc = self.window.controller, self.window.doc
        changes = dialog.changes()
        if not changes:
            return 0
        # Each SetRuleSetting reads the rules as they are when built, so build them one after another;
        # the QUndoStack macro makes them one undo step.
        controller.stack.beginMacro(tr("Change analysis rules"))
        try:
            for rule_id, change in changes.items():
                controller.run(lambda r=rule_id, c=change: SetRuleSetting(doc, r, c))
        finally:
            controller.stack.endMacro()
        return len(changes)


def install_analysis_ui(window: Any) -> AnalysisUI:
    """Add live analysis, the Findings/Metrics/Matrices/Find docks, Analysis menu, auto-layout and template
    menus, search/filter/focus and presentation mode to a MainWindow. Call once, at the end of its __init__."""
    existing = getattr(window, "analysis_ui", None)
    if existing is not None:
        return existing
    ui = AnalysisUI(window)
    window.analysis_ui = ui
    return ui
