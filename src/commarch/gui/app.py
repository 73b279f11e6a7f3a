"""The desktop application: QApplication set-up, windows, preferences, recovery, the exception guard."""

from __future__ import annotations

from . import startup  # first, on purpose: no garbage collection (nor plugin scan), Qt-free modules before PySide6

# isort: split
import gc
import os
import sys
from collections.abc import Callable, Sequence

from .recovery import RecoveryStore

# isort: split
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from commarch import __version__
from commarch.resources import resource_path

from .errors import ExceptionGuard
from .i18n import install_translator
from .settings import Preferences

# Benchmark hook (bench/startup.py): with this set to "1", `main` leaves the process right after the first
# window has painted (with a file: after its findings have been shown and painted), printing nothing,
# exit status 0. Only the time to a usable window is of interest, so nothing is saved and no teardown runs;
# no dialog is shown (a file that cannot be opened is reported in the status bar, recovery is left for later).
EXIT_AFTER_PAINT = "COMMARCH_EXIT_AFTER_PAINT"

startup.imports_done()  # gui.mainwindow and the rest load in main(), which switches it off again


class App:
    """One running commarch: its preferences, recovery area and main windows."""

    def __init__(self, qapp: QApplication, prefs: Preferences | None = None, recovery: RecoveryStore | None = None,
                 show_dialogs: bool = True):
        self.qapp = qapp
        self.prefs = prefs or Preferences.load()
        self.recovery = recovery or RecoveryStore()
        self.show_dialogs = show_dialogs
        self.windows: list = []
        self.guard = ExceptionGuard(self.open_models, show_dialog=show_dialogs)
        # before any window: every text is noted, so a later language switch can translate it again
        install_translator(qapp, self.prefs.language)
        self._doc_counter = 0

    # windows ---------------------------------------------------------------------------------------
    def next_doc_key(self) -> str:
        self._doc_counter += 1
        return f"doc{self._doc_counter}"

    def new_window(self, deferred: bool = False):
        """A new main window, shown; `deferred`: only its shell, completed later (MainWindow.complete)."""
        from .mainwindow import MainWindow

        window = MainWindow(self, deferred=deferred)
        self.windows.append(window)
        window.show()
        return window

    def set_language(self, language: str) -> str:
        """Install the translators for `language` ('de', 'en', 'system') and retranslate every open window."""
        effective = install_translator(self.qapp, language)
        for window in self.windows:
            window.retranslate()
        return effective

    def window_closed(self, window) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def open_path(self, path: str, into=None):
        """Open `path`: focus the window that has it, reuse a pristine window, or open a new one."""
        path = os.path.abspath(path)
        for window in self.windows:
            if window.ready and window.doc.path and os.path.abspath(window.doc.path) == path:
                window.raise_()
                window.activateWindow()
                return window
        target = into if into is not None and into.is_pristine() else None
        if target is None:
            target = next((w for w in self.windows if w.is_pristine()), None)
        if target is None:
            target = self.new_window()
        target.load_path(path)
        return target

    def open_models(self):
        return [(w.doc.model, w.display_title()) for w in self.windows if w.ready]

    # recovery ----------------------------------------------------------------------------------------
    def offer_recovery(self) -> None:
        from .dialogs import ask_recover

        copies = self.recovery.orphans()
        for copy in copies:
            answer = ask_recover(copy) if self.show_dialogs else "later"
            if answer == "restore":
                window = next((w for w in self.windows if w.is_pristine()), None) or self.new_window()
                window.restore_copy(copy)
            elif answer == "discard":
                copy.discard()
        self.recovery.forget_dead_instances()

    def shutdown(self) -> None:
        self.prefs.save()
        self.recovery.stop()
        self.guard.uninstall()
        release_clipboard()


def release_clipboard() -> None:
    """Hand our copied data to Qt as plain text before QApplication goes away.

    A QMimeData created in Python and given to QClipboard is deleted twice at exit (PySide6 6.11,
    seen on the offscreen platform: a segfault after the last line of output). Re-setting the text
    replaces it with a Qt-owned copy; other applications can still paste the text.
    """
    from PySide6.QtGui import QGuiApplication

    from commarch.editing import CLIPBOARD_MIME

    if QGuiApplication.instance() is None:
        return
    clipboard = QGuiApplication.clipboard()
    mime = clipboard.mimeData()
    if mime is not None and mime.hasFormat(CLIPBOARD_MIME):
        clipboard.setText(clipboard.text())


class FileOpenFilter(QObject):
    """Opens files the operating system hands over as QFileOpenEvent (double-click on macOS)."""

    def __init__(self, app: App):
        super().__init__(app.qapp)
        self.app = app

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() != QEvent.Type.FileOpen:
            return False
        from PySide6.QtGui import QFileOpenEvent  # (set up when the first one comes, not at start-up)

        if isinstance(event, QFileOpenEvent):
            path = event.file()
            if path:
                self.app.open_path(path)
                return True
        return False


class Application(QApplication):
    """The QApplication `main` creates: it hands the QFileOpenEvents sent to it to `file_opener`.

    Overriding `event` sees only the events sent to the application object. An event filter installed on
    the application would see every event of every object instead, each one a call into Python that
    wraps the receiver: ~60 ms more before the first paint, and a cost on every event afterwards.
    """

    def __init__(self, argv: list[str]):
        super().__init__(argv)
        self.file_opener: FileOpenFilter | None = None

    def event(self, event: QEvent) -> bool:
        if self.file_opener is not None and self.file_opener.eventFilter(self, event):
            return True
        return super().event(event)


def main(argv: Sequence[str] | None = None) -> int:
    # Everything allocated so far (modules, classes, pydantic schemas, Qt wrappers) lives as long as the
    # process: frozen, no collection ever scans it again. Until the first window has painted (with a file,
    # its findings too) the collector is off: start-up makes next to no garbage, and the full collection
    # it would trigger half-way (~20 ms, scanning ~10^5 objects) delayed the first paint.
    gc.freeze()
    gc.disable()
    startup.pyside_hook_skips_loaded_modules()
    args = list(sys.argv[1:] if argv is None else argv)
    qapp = QApplication.instance() or Application([sys.argv[0], *[a for a in args if a.startswith("-")]])
    QCoreApplication.setOrganizationName("commarch")
    QCoreApplication.setApplicationName("commarch")
    QCoreApplication.setApplicationVersion(__version__)
    qapp.setDesktopFileName("commarch")
    icon = resource_path("icons", "commarch.svg")
    if icon is not None:
        qapp.setWindowIcon(QIcon(str(icon)))
    # "1": leave after the first paint; "usable": after the paint of the completed window (see _started)
    bench_exit = os.environ.get(EXIT_AFTER_PAINT) in ("1", "usable")
    app = App(qapp, show_dialogs=not bench_exit)  # the benchmark's run must never wait in a dialog
    opener = FileOpenFilter(app)  # macOS Finder sends double-clicked files as events, not arguments
    if isinstance(qapp, Application):
        qapp.file_opener = opener
    else:  # someone else's QApplication (embedding, tests): the slow but general way
        qapp.installEventFilter(opener)
    app.guard.install()
    try:
        app.recovery.start()
    except OSError as exc:  # recovery is a safety net: run without it rather than not at all
        print(f"commarch: recovery folder unavailable: {exc}", file=sys.stderr)
    files = [a for a in args if not a.startswith("-")]
    qapp.aboutToQuit.connect(app.shutdown)
    # With no file to open, the window paints before the model layers (pydantic, the document, analysis)
    # are even imported: a shell first (menus, toolbar, docks, an empty canvas), completed right after its
    # first paint. A file to open is loaded, analysed and painted in one go.
    first = app.new_window(deferred=not files)
    if files:
        _started(app, first, files)
    else:
        when_started(first, lambda: _started(app, first, files))
    if os.environ.get(EXIT_AFTER_PAINT) == "1":  # (after the line above: Qt asks the last paint watch first)
        when_started(first, _leave)
    QTimer.singleShot(GC_FALLBACK_MS, gc.enable)  # a window that never paints (minimised, hidden)
    return qapp.exec()


def _started(app: App, first, files: list[str]) -> None:
    """The rest of the start: the window completed, the files opened, recovery offered; the collector back
    on once the window has painted with all of it (see main)."""
    if not first.ready:
        first.complete()
        gc.freeze()  # what completing it imported and built (modules, pydantic schemas) lives as long as the app
    for path in files:
        app.open_path(path, into=first)
    app.offer_recovery()
    when_started(first, gc.enable)
    if os.environ.get(EXIT_AFTER_PAINT) == "usable":  # the benchmark's "fully usable" point
        when_started(first, _leave)


GC_FALLBACK_MS = 3000


class _PaintWatch(QObject):
    """Calls `then()` on the next turn of the event loop after `widget` painted while `ready()` held."""

    def __init__(self, widget: QObject, ready: Callable[[], bool], then: Callable[[], object]):
        super().__init__(widget)
        self.ready, self.then = ready, then
        self.done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and not self.done and self.ready():
            self.done = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.then)  # after the paint has been delivered to the screen
        return False


def _leave() -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # no teardown: the benchmark times start-up only, and nothing of a benchmark run is kept


def when_started(window, then: Callable[[], object]) -> None:
    """Call `then()` once `window`'s canvas has painted; when a model was opened and the window runs the
    live analysis, only after its findings have been shown and painted. (The COMMARCH_EXIT_AFTER_PAINT
    hook leaves the process there; the garbage collector is switched back on there.)"""
    if not window.ready:  # a shell (see main): its stand-in canvas paints first
        _PaintWatch(window.canvas_stand_in.viewport(), lambda: True, then)
        return
    viewport = window.view.viewport()
    ui = getattr(window, "analysis_ui", None)
    if ui is None or not window.doc.model.elements:  # empty window, or the file could not be opened
        _PaintWatch(viewport, lambda: True, then)
        return
    doc = window.doc
    state = {"shown": ui.runner.doc is doc and ui.runner.findings_current}  # a small model's: already

    def findings_ready(_findings: object) -> None:
        if ui.runner.doc is doc:
            state["shown"] = True
            viewport.update()  # the badges are on the canvas: make sure it paints once more

    ui.runner.findings_ready.connect(findings_ready)
    _PaintWatch(viewport, lambda: state["shown"], then)
