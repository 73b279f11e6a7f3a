"""File ▸ Export Report…: PDF/HTML/Markdown in German or English, written off the UI thread."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from commarch.model import CommModel

from ..workers import HeldRunnable, start_held
from . import common
from .common import fill, tr

FORMATS = {"pdf": ".pdf", "html": ".html", "md": ".md"}
SUFFIXES = (".pdf", ".html", ".htm", ".md", ".markdown")
_RUNNING: set[ReportJob] = set()  # jobs stay alive until their worker reports, even if the window closes


class ReportJob(QObject):
    """One report being written. `finished(path)` or `failed(message)` arrives on the UI thread."""

    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, path: str, fmt: str, lang: str):
        super().__init__()  # no parent: the job outlives a window closed while it runs
        self.path, self.fmt, self.lang = path, fmt, lang
        self.done = False
        self.result: str | None = None
        self.error: str | None = None
        self.finished.connect(self._finish)
        self.failed.connect(self._fail)

    def _finish(self, path: str) -> None:
        self.done, self.result = True, path
        _RUNNING.discard(self)

    def _fail(self, message: str) -> None:
        self.done, self.error = True, message
        _RUNNING.discard(self)


class _Worker(HeldRunnable):
    def __init__(self, job: ReportJob, model: CommModel):
        super().__init__()
        self.job, self.model = job, model

    def work(self) -> None:
        job = self.job
        try:
            from commarch.render.report_process import write_report_in_child

            # in a child process: in this thread the report crashed the app now and then (see there)
            out = write_report_in_child(self.model, job.path, job.lang)
            if out is None:  # no child process can be made here: write it in this thread
                out = self._write_here()
        except OSError as exc:
            self._emit(job.failed, fill(tr("Cannot write %1: %2"), job.path, exc.strerror or str(exc)))
        except Exception as exc:  # noqa: BLE001 (a report must never take the app down: say why instead)
            self._emit(job.failed, fill(tr("The report could not be made: %1"), str(exc) or type(exc).__name__))
        else:
            self._emit(job.finished, str(out))

    def _write_here(self) -> str:
        from commarch.mpl import LOCK

        with LOCK:  # matplotlib is imported by one thread at a time (see commarch/mpl.py)
            from commarch.analysis import analyze
            from commarch.gui.analysis_ui.runner import run_in_child
            from commarch.render.report_export import export_report
            from commarch.report import build_report

        # a large model's brokerage in the child process: igraph would hold the GIL, freezing the window
        analysis = analyze(self.model, self.job.lang, runner=run_in_child)
        data = build_report(self.model, analysis, lang=self.job.lang)
        return str(export_report(data, self.job.path, self.model))

    @staticmethod
    def _emit(signal: Any, text: str) -> None:
        # emitted from the worker thread; the job lives on the UI thread, so delivery is queued there
        try:
            signal.emit(text)
        except RuntimeError:  # the application quit while the report was being written: nobody to tell
            pass


def export_report_to(window: Any, path: str, fmt: str | None = None, lang: str | None = None) -> ReportJob:
    """Start writing the report of `window`'s model to `path` and return the job at once.

    `fmt` is 'pdf', 'html' or 'md' (default: from the suffix, else PDF); a missing or other suffix gets
    the format's. `lang` defaults to the model's language, else the UI language. The model is copied
    first, so editing on while the report is written is safe.
    """
    known = {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}
    fmt = fmt or known.get(os.path.splitext(path)[1].lower(), "pdf")
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; use pdf, html or md")
    if known.get(os.path.splitext(path)[1].lower()) != fmt and not os.path.isdir(path):
        path = common.with_suffix(path, FORMATS[fmt], SUFFIXES)
    job = ReportJob(path, fmt, lang or common.model_language(window))
    _RUNNING.add(job)
    problem = common.check_target(path)
    if problem:
        # later, like a worker's answer, so callers can connect to the job's signals first
        QTimer.singleShot(0, lambda: job.failed.emit(problem))
        return job
    model = window.doc.model.model_copy(deep=True)
    start_held(_Worker(job, model))
    return job


class ExportReportDialog(QDialog):
    """Format, language and target; a busy bar while the report is written; then Open file/folder."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.main = window
        self.job: ReportJob | None = None
        self.setObjectName("export_report_dialog")
        self.setWindowTitle(tr("Export Report"))
        self.format_box = QComboBox()
        self.format_box.addItem(tr("PDF document"), "pdf")
        self.format_box.addItem(tr("HTML page (one file)"), "html")
        self.format_box.addItem(tr("Markdown text"), "md")
        self.lang_box = QComboBox()
        self.lang_box.addItem("Deutsch", "de")
        self.lang_box.addItem("English", "en")
        self.lang_box.setCurrentIndex(self.lang_box.findData(common.model_language(window)))
        self.path_edit = QLineEdit(common.suggested_path(window, ".pdf"))
        self.path_edit.setAccessibleName(tr("File"))
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(tr("Format:"), self.format_box)
        form.addRow(tr("Language:"), self.lang_box)
        form.addRow(tr("Save as:"), row)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # indeterminate: the report does not know how far it is
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(tr("Export"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setDefault(True)
        self.open_file_button = self.buttons.addButton(tr("Open File"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button = self.buttons.addButton(tr("Open Folder"),
                                                         QDialogButtonBox.ButtonRole.ActionRole)
        for button in (self.open_file_button, self.open_folder_button):
            button.hide()
        self.export_button.clicked.connect(self.start)
        self.open_file_button.clicked.connect(self.open_file)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.format_box.currentIndexChanged.connect(lambda _i: self._format_changed())
        self.resize(560, 0)

    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def lang(self) -> str:
        return str(self.lang_box.currentData())

    def path(self) -> str:
        return self.path_edit.text().strip()

    def set_path(self, path: str) -> None:
        fmt = {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}.get(
            os.path.splitext(path)[1].lower())
        if fmt is not None:
            self.format_box.setCurrentIndex(self.format_box.findData(fmt))
        self.path_edit.setText(path)

    def set_language(self, lang: str) -> None:
        self.lang_box.setCurrentIndex(self.lang_box.findData(lang))

    def _format_changed(self) -> None:
        if self.path():
            self.path_edit.setText(common.with_suffix(self.path(), FORMATS[self.fmt()], SUFFIXES))

    def browse(self) -> None:
        filters = {"pdf": tr("PDF documents (*.pdf)"), "html": tr("HTML pages (*.html *.htm)"),
                   "md": tr("Markdown (*.md)")}
        path = common.ask_save_path(self, tr("Export Report"), self.path(), filters[self.fmt()])
        if path:
            self.set_path(path)

    def start(self) -> ReportJob | None:
        """Begin writing (the dialog stays usable: Close hides it, the report is still written)."""
        if self.job is not None and not self.job.done:
            return self.job
        path = self.path()
        if path and not os.path.isdir(path):
            path = common.with_suffix(path, FORMATS[self.fmt()], SUFFIXES)
        self.path_edit.setText(path)
        for button in (self.open_file_button, self.open_folder_button):
            button.hide()
        self.export_button.setEnabled(False)
        self.busy.show()
        self.status.setText(tr("Writing the report…"))
        self.job = export_report_to(self.main, path, self.fmt(), self.lang())
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        return self.job

    def _finished(self, path: str) -> None:
        self.busy.hide()
        self.export_button.setEnabled(True)
        self.status.setText(fill(tr("Report written to %1"), path))
        for button in (self.open_file_button, self.open_folder_button):
            button.show()
        self.main.statusBar().showMessage(fill(tr("Report written to %1"), path), 8000)

    def _failed(self, message: str) -> None:
        self.busy.hide()
        self.export_button.setEnabled(True)
        self.status.setText(message)

    def open_file(self) -> bool:
        return bool(self.job and self.job.result) and QDesktopServices.openUrl(
            QUrl.fromLocalFile(self.job.result))  # type: ignore[union-attr, arg-type]

    def open_folder(self) -> bool:
        return bool(self.job and self.job.result) and QDesktopServices.openUrl(
            QUrl.fromLocalFile(os.path.dirname(os.path.abspath(self.job.result))))  # type: ignore[union-attr, arg-type]
