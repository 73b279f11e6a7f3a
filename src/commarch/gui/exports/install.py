"""`install_export_ui(window)`: File ▸ Export Diagram…, Export Report…, Import ▸ and Export ▸ entries."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from .common import tr

if TYPE_CHECKING:
    from .diagram_dialog import ExportDiagramDialog
    from .report_dialog import ExportReportDialog


def _ask_import(window: Any, kind: str) -> None:
    from . import interchange_ui  # commarch.interchange: loaded on the first import/export, not at start-up

    interchange_ui.ask_import(window, kind)


def _ask_export(window: Any, what: str) -> None:
    from . import interchange_ui

    interchange_ui.ask_export(window, what)


def file_menu(window: Any) -> tuple[QMenu, QAction | None]:
    """The File menu and its Close action (found through the action, not the translated title)."""
    close = getattr(window, "actions_by_name", {}).get("close")
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is not None and close is not None and close in menu.actions():
            return menu, close
    first = window.menuBar().actions()[0].menu()
    return first, None


class ExportUI(QObject):
    """What this package adds to one MainWindow; `window.export_ui` after installation."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}
        self.diagram_dialog: ExportDiagramDialog | None = None
        self.report_dialog: ExportReportDialog | None = None
        self.diagram_options: dict[str, Any] = {}
        self._build()

    def _action(self, name: str, text: str, slot: Callable[[], object], shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # shortcut works while the menu bar is hidden (presentation)
        self.actions[name] = action
        return action

    def _build(self) -> None:
        w = self.window
        diagram = self._action("export_diagram", tr("Export &Diagram…"), self.show_diagram_dialog, "Ctrl+Shift+E")
        report = self._action("export_report", tr("Export &Report…"), self.show_report_dialog)
        imports = QMenu(tr("&Import"), w)
        imports.setObjectName("import_menu")
        imports.addAction(self._action("import_csv", tr("&CSV…"), lambda: _ask_import(w, "csv")))
        imports.addAction(self._action("import_graphml", tr("&GraphML…"),
                                       lambda: _ask_import(w, "graphml")))
        exports = QMenu(tr("E&xport"), w)
        exports.setObjectName("export_menu")
        for name, text in (("graphml", tr("&GraphML…")), ("csv", tr("&CSV (elements + relations)…")),
                           ("coverage", tr("C&overage Matrix CSV…")),
                           ("responsibility", tr("&Responsibility Matrix CSV…"))):
            exports.addAction(self._action(f"export_{name}", text,
                                           lambda what=name: _ask_export(w, what)))
        self.import_menu, self.export_menu = imports, exports
        menu, close = file_menu(w)
        if close is None:
            menu.addSeparator()
            menu.addMenu(imports)
            menu.addMenu(exports)
            menu.addActions([diagram, report])
            return
        menu.insertMenu(close, imports)
        menu.insertMenu(close, exports)
        menu.insertActions(close, [diagram, report])
        menu.insertSeparator(close)

    # dialogs ------------------------------------------------------------------------------------------
    def show_diagram_dialog(self) -> ExportDiagramDialog:
        """A fresh dialog each time (the selection and title may have changed), window-modal, not blocking."""
        from .diagram_dialog import ExportDiagramDialog  # imported when first opened: not on the start-up path

        if self.diagram_dialog is not None:
            self.diagram_dialog.close()
            self.diagram_dialog.deleteLater()
        dialog = ExportDiagramDialog(self.window, self.diagram_options)
        dialog.exported.connect(lambda _path: self.diagram_options.update(dialog.remembered()))
        self.diagram_dialog = dialog
        dialog.open()
        return dialog

    def show_report_dialog(self) -> ExportReportDialog:
        """Modeless: the user may go on working while the report is written. A fresh dialog (name and
        language from the current model) unless a report is still being written."""
        from .report_dialog import ExportReportDialog  # imported when first opened: not on the start-up path

        old = self.report_dialog
        busy = old is not None and old.job is not None and not old.job.done
        if old is not None and not busy:
            old.close()
            old.deleteLater()
        if not busy:
            self.report_dialog = ExportReportDialog(self.window)
        dialog = self.report_dialog
        assert dialog is not None
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog


def install_export_ui(window: Any) -> ExportUI:
    """Add the export and import entries to `window`'s File menu; returns `window.export_ui`."""
    existing = getattr(window, "export_ui", None)
    if isinstance(existing, ExportUI):
        return existing
    ui = ExportUI(window)
    window.export_ui = ui
    return ui
