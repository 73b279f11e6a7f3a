"""The main window: canvas in the centre, docks around it; it wires parts together and delegates."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QUndoView, QWidget

from commarch import __version__

from . import shell
from .actions import build_actions, build_menus, build_toolbar, shortcut_rows
from .theme import apply_app_theme
from .window_editing import WindowEditing

if TYPE_CHECKING:
    from commarch.editing import Document

    from .app import App
    from .recovery import RecoveredCopy


class MainWindow(QMainWindow, WindowEditing):
    """One model per window. `document_replaced(doc)` tells add-ons (analysis, compare) that
    `set_document` put a new Document and a new scene in place.

    Built in two steps. The shell (menus, toolbar, docks, status bar) needs Qt alone; `complete()` then
    loads the model layers (pydantic, the document, analysis) and puts the canvas, the panels and the
    live analysis in. `MainWindow(app)` does both; `MainWindow(app, deferred=True)` only the shell, so an
    empty window can paint before those layers are imported (`app.main` completes it right after its
    first paint). Anything that needs the document before then completes the window first
    (`ensure_complete`): actions, opening a file, dropping one, closing."""

    document_replaced = Signal(object)

    def __init__(self, app: App, doc: Document | None = None, deferred: bool = False):
        super().__init__()
        self.app = app
        self.doc_key = app.next_doc_key()
        self.disk_signature: tuple[int, int] | None = None
        self.ready = False  # True once complete() has run
        self._completing = False
        self._docks_tabified = False
        self.canvas_stand_in: shell.CanvasStandIn | None = None  # an empty canvas's looks, until complete()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAcceptDrops(True)
        self.undo_stack = QUndoStack(self)  # the EditController's, made first: Undo/Redo and History use it
        self.context_menu_hooks: list = []  # callables (menu, ids) adding entries, e.g. from the analysis UI
        self.actions_by_name = build_actions(self)
        build_menus(self, self.actions_by_name)
        self.addToolBar(build_toolbar(self, self.actions_by_name))
        self.analysis_menu_shell = shell.analysis_menu(self)
        self.shell_docks = shell.build_docks(self)
        self.dock_history = self.shell_docks["history"]  # (its view of the undo stack: see complete)
        self._build_status()
        self.autosave_timer = QTimer(self, interval=self.app.prefs.autosave_seconds * 1000)
        prefs = self.app.prefs
        for name, on in (("grid", prefs.show_grid), ("snap", prefs.snap_to_grid)):
            with QSignalBlocker(self.actions_by_name[name]):  # nothing to apply them to yet (see complete)
                self.actions_by_name[name].setChecked(on)
        self.canvas_theme = apply_app_theme(prefs.theme)
        self._initial_size()
        if deferred:
            self.canvas_stand_in = shell.CanvasStandIn(self.canvas_theme, prefs.show_grid, prefs.grid_size)
            # in a holder that stays the central widget: QMainWindow re-divides the room between the
            # docks and a new central widget (the canvas would get its minimum width)
            self.setCentralWidget(shell.holder(self.canvas_stand_in))
            self.update_title()
        else:
            self.complete(doc)

    def complete(self, doc: Document | None = None) -> None:
        """Load the model layers and put the document, canvas, panels and live analysis in (once)."""
        if self.ready or self._completing:
            return
        self._completing = True
        from . import startup  # (imported by gui/app.py already: this import has no side effects here)

        with startup.qt_free_imports():
            from commarch.editing import Document

            from .analysis_ui.install import install_analysis_ui
            from .canvas import CanvasScene, CanvasView, Minimap
            from .compare.install import install_compare_ui
            from .controller import EditController
            from .docks.inspector import Inspector
            from .docks.outline import Outline
            from .docks.palette import Palette
            from .exports.install import install_export_ui
            from .quickadd import QuickAdd

        self.doc = doc or Document()
        self.controller = EditController(self.doc, self, stack=self.undo_stack)
        self.scene = CanvasScene(self.doc, parent=self)
        self.view = CanvasView(self.scene, self)
        self.view.setAccessibleName(self.tr("Canvas"))
        stand_in = self.canvas_stand_in
        if stand_in is None:
            self.setCentralWidget(self.view)
        else:  # the canvas takes the stand-in's place in the holder (see __init__)
            self.canvas_stand_in = None
            self.centralWidget().layout().replaceWidget(stand_in, self.view)
            if stand_in.hasFocus():
                self.view.setFocus()
            stand_in.deleteLater()
        self.history_view = QUndoView(self.undo_stack, self)  # behind Overview at the first paint: made here
        self.history_view.setEmptyLabel(self.tr("<opened>"))
        self.history_view.setAccessibleName(self.tr("Undo history"))
        shell.fill_dock(self.dock_history, self.history_view)
        self.palette = Palette(self)
        self.outline = Outline(self.doc, self)
        self.inspector = Inspector(self.doc, self)
        self.minimap = Minimap(self.view, self)
        for name, widget in (("palette", self.palette), ("outline", self.outline), ("inspector", self.inspector),
                             ("minimap", self.minimap)):
            dock = self.shell_docks[name]
            shell.fill_dock(dock, widget)
            setattr(self, f"dock_{name}", dock)
        self.quick_add = QuickAdd(self)
        self.quick_add.accepted.connect(self._quick_add_accepted)
        self._wire()
        self.autosave_timer.timeout.connect(self._autosave)
        self.autosave_timer.start()
        self._apply_view_preferences()
        self.ready = True
        self.update_title()
        self.analysis_ui = install_analysis_ui(self)
        install_compare_ui(self)
        install_export_ui(self)

    def ensure_complete(self) -> None:
        """Complete the window now if it is still a shell (see the class docstring)."""
        if not self.ready:
            self.complete()

    # construction -----------------------------------------------------------------------------------
    def _initial_size(self) -> None:
        """1400×880 where it fits, else most of the screen (a 1366×768 laptop must see the whole window)."""
        screen = self.screen()
        area = screen.availableGeometry() if screen is not None else None
        if area is None or area.isEmpty():
            self.resize(1400, 880)
            return
        self.resize(min(1400, int(area.width() * 0.95)), min(880, int(area.height() * 0.92)))

    def _build_status(self) -> None:
        self.status_counts = QLabel()
        self.status_zoom = QLabel()
        self.status_saved = QLabel()
        self.score_label_shell = shell.score_label(self)  # the analysis UI's, in its place from the start
        for label in (self.status_counts, self.status_zoom, self.status_saved, self.score_label_shell):
            label.setTextFormat(Qt.TextFormat.PlainText)
            self.statusBar().addPermanentWidget(label)
        self.update_status()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._docks_tabified:
            self.tabify_docks()

    def tabify_docks(self) -> None:
        """Findings and Metrics share one place as tabs. Done once the window is shown: Qt 6.11 gives a
        second tab group tabified before the first show a duplicate tab bar that stays visible as a
        stray "Findings | Metrics" strip when the dock layout changes (reproduced with bare Qt)."""
        self._docks_tabified = True
        docks = self.shell_docks
        self.tabifyDockWidget(docks["findings"], docks["metrics"])
        docks["findings"].raise_()
        # the findings are what the workshop looks at: give them most of the right column
        self.resizeDocks([docks["inspector"], docks["minimap"], docks["findings"]],
                         [160, 170, max(300, self.height() - 330)], Qt.Orientation.Vertical)

    def _wire(self) -> None:
        c, v = self.controller, self.view
        c.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        c.added.connect(self._select_added)
        c.stack.cleanChanged.connect(lambda _clean: self.update_title())
        c.stack.indexChanged.connect(lambda _i: self.update_status())
        self._wire_scene()
        v.zoom_changed.connect(lambda _z: self.update_status())
        self.palette.kind_clicked.connect(self._palette_clicked)
        self.outline.selection_requested.connect(lambda ids: self.scene.select_ids(ids))
        self.outline.focus_requested.connect(lambda i: (self.scene.select_ids([i]), v.center_on_ids([i])))
        self.inspector.edited.connect(c.set_property)
        self._unsubscribe = self.doc.subscribe(self._document_changed)

    def _wire_scene(self) -> None:
        c, s = self.controller, self.scene
        s.move_requested.connect(c.move)
        s.connect_requested.connect(lambda a, b: c.connect(a, b, self.view))
        s.connect_refused.connect(lambda a, b: c.connect(a, b, self.view))  # explains why in the status bar
        s.add_requested.connect(lambda kind, pos: c.add_element(kind, round(pos.x()), round(pos.y())))
        s.rename_requested.connect(c.rename)
        s.delete_requested.connect(c.delete)
        s.selectionChanged.connect(self._selection_changed)
        s.context_menu_requested.connect(self._context_menu)

    # document ---------------------------------------------------------------------------------------
    def set_document(self, doc: Document) -> None:
        """Show another document in this window (open, revert, recover): a fresh scene projects it."""
        from .canvas import CanvasScene

        self._unsubscribe()
        self.doc = doc
        self.controller.set_document(doc)
        old_scene = self.scene
        self.scene = CanvasScene(doc, parent=self, view_scale=self.view.zoom())
        self._wire_scene()
        self.view.canvas_scene = self.scene
        self.view.setScene(self.scene)
        self.scene.items_changed.connect(self.minimap.schedule_refresh)
        self.minimap.schedule_refresh()
        old_scene.close()
        old_scene.deleteLater()
        self.outline.set_document(doc)
        self.inspector.set_document(doc)
        self._unsubscribe = doc.subscribe(self._document_changed)
        self.controller.stack.setClean()
        self.update_title()
        self.update_status()
        self.document_replaced.emit(doc)
        QTimer.singleShot(0, self.view.fit_to_view)

    def _document_changed(self, _change: object) -> None:
        self.inspector.refresh()
        self.update_status()

    def is_pristine(self) -> bool:
        """An untitled, unchanged, empty window that may be reused for opening a file (a shell is one)."""
        if not self.ready:
            return True
        return self.doc.path is None and not self.doc.is_dirty and not self.doc.model.elements

    def display_title(self) -> str:
        if not self.ready:
            return self.tr("Untitled")
        meta = self.doc.model.meta
        if self.doc.path:
            return os.path.basename(self.doc.path)
        if meta is not None and meta.title:
            return meta.title
        return self.tr("Untitled")

    def update_title(self) -> None:
        self.setWindowTitle(f"{self.display_title()}[*] — commarch")
        self.setWindowModified(not self.undo_stack.isClean())
        self.update_status()

    def update_status(self) -> None:
        elements, relations = (len(self.doc.model.elements), len(self.doc.model.relations)) if self.ready else (0, 0)
        self.status_counts.setText(self.tr("%1 elements, %2 relations")
                                   .replace("%1", str(elements)).replace("%2", str(relations)))
        view = self.view if self.ready else self.canvas_stand_in
        self.status_zoom.setText(f"{round(view.zoom() * 100) if view is not None else 100} %")
        self.status_saved.setText(self.tr("Unsaved changes") if not self.undo_stack.isClean()
                                  else self.tr("Saved"))

    # files (delegated) --------------------------------------------------------------------------------
    # (gui/files.py loads the file format and the document: imported on first use, see the class docstring)
    def load_path(self, path: str) -> bool:
        self.ensure_complete()
        from . import files

        return files.load_into(self, path)

    def restore_copy(self, copy: RecoveredCopy) -> None:
        self.ensure_complete()
        from . import files

        files.restore_copy(self, copy)

    def file_new(self) -> None:
        self.app.new_window()

    def file_open(self) -> None:
        from . import files

        files.open_dialog(self)

    def file_save(self) -> bool:
        from . import files

        return files.save(self)

    def file_save_as(self) -> bool:
        from . import files

        return files.save_as(self)

    def file_revert(self) -> None:
        from . import files

        files.revert(self)

    def _autosave(self) -> None:
        from . import files

        files.autosave(self)

    def fill_recent_menu(self) -> None:
        from . import files

        files.fill_recent_menu(self)

    def fill_backups_menu(self) -> None:
        self.ensure_complete()  # (a menu, not an action: opened before the window is complete)
        from . import files

        files.fill_backups_menu(self)

    def app_quit(self) -> None:
        for window in list(self.app.windows):
            if not window.close():
                return
        self.app.qapp.quit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.ensure_complete()  # (closed within moments of the start: the analysis UI must stop its workers)
        from . import files

        if not files.maybe_save(self):
            event.ignore()
            return
        self._teardown()
        self.app.recovery.remove(self.doc_key)
        self.app.window_closed(self)
        event.accept()

    def _teardown(self) -> None:
        """Stop everything that could call into this window after Qt deletes it."""
        self.autosave_timer.stop()
        self._unsubscribe()
        self.scene.close()
        self.scene.selectionChanged.disconnect(self._selection_changed)
        self.outline.close_document()
        for signal in (self.controller.stack.cleanChanged, self.controller.stack.indexChanged,
                       self.view.zoom_changed, self.controller.message, self.controller.added):
            signal.disconnect()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if any(url.toLocalFile().endswith(".comm") for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        for url in event.mimeData().urls():
            if url.toLocalFile().endswith(".comm"):
                self.app.open_path(url.toLocalFile(), into=self)
        event.acceptProposedAction()

    def edit_preferences(self) -> None:
        from .dialogs import PreferencesDialog  # (dialogs and retranslate: imported on use, not at start-up)

        dialog = PreferencesDialog(self.app.prefs, self)
        if dialog.exec():
            language = self.app.prefs.language
            dialog.apply()
            for window in self.app.windows:
                window.apply_preferences()
            if self.app.prefs.language != language:
                self.app.set_language(self.app.prefs.language)  # in place: no restart, nothing lost

    def retranslate(self) -> None:
        """Show this window in the language just installed (menus, actions, docks, panels)."""
        from .retranslate import retranslate_window

        retranslate_window(self)

    def apply_preferences(self) -> None:
        self.ensure_complete()
        prefs = self.app.prefs
        self.actions_by_name["grid"].setChecked(prefs.show_grid)
        self.actions_by_name["snap"].setChecked(prefs.snap_to_grid)
        self.canvas_theme = apply_app_theme(prefs.theme)
        self._apply_view_preferences()

    def _apply_view_preferences(self) -> None:
        """The preferences on the canvas and the autosave timer (the Grid/Snap actions already show them:
        a toggle made before the window was complete is the user's, not to be undone here)."""
        prefs = self.app.prefs
        self.autosave_timer.setInterval(prefs.autosave_seconds * 1000)
        self.view.set_grid(self.actions_by_name["grid"].isChecked(), prefs.grid_size)
        self.view.set_snap(self.actions_by_name["snap"].isChecked())
        self.view.set_theme(self.canvas_theme)

    def set_grid_visible(self, on: bool) -> None:
        self.app.prefs.show_grid = on
        self.view.set_grid(on, self.app.prefs.grid_size)

    def set_snap(self, on: bool) -> None:
        self.app.prefs.snap_to_grid = on
        self.view.set_snap(on)

    def focus_next_panel(self, step: int = 1) -> None:
        """F6 / Shift+F6: move keyboard focus canvas → palette → outline → properties → … (Tab stays in
        the canvas, where it walks the elements)."""
        stops: list[QWidget] = [self.view]
        for dock in self.findChildren(QDockWidget):
            if dock.isVisible() and dock.widget() is not None:
                stops.append(dock.widget())
        current = next((i for i, w in enumerate(stops) if w is self.focusWidget() or w.isAncestorOf(
            self.focusWidget() or self)), 0)
        target = stops[(current + step) % len(stops)]
        target.setFocus(Qt.FocusReason.TabFocusReason)
        if not target.hasFocus():
            target.focusNextChild()

    def help_shortcuts(self) -> None:
        from .dialogs import ShortcutsDialog

        ShortcutsDialog(shortcut_rows(self.actions_by_name), self).exec()

    def help_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # (its class is set up on first use: ~2 ms)

        box = QMessageBox(self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowTitle(self.tr("About commarch"))
        box.setText(self.tr("commarch %1 — a modeler for communication architectures.")
                    .replace("%1", __version__))
        box.exec()
