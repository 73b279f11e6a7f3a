"""Shared helpers of the export/import UI: translation, languages, suggested names, file dialogs, problems."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

CONTEXT = ""  # bare tr() calls: lupdate files them under the empty context


def tr(text: str) -> str:
    """Translate `text` (Qt's tr mechanism; lupdate finds the literal calls)."""
    return QCoreApplication.translate(CONTEXT, text)


def fill(text: str, *values: object) -> str:
    """Replace %1, %2 … in a translated text (by hand: file names and labels may contain '%')."""
    for number in range(len(values), 0, -1):  # %10 before %1
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


def ui_language(window: Any) -> str:
    """'de' or 'en': the language preference, else the system locale."""
    prefs = getattr(getattr(window, "app", None), "prefs", None)
    lang = getattr(prefs, "language", "system")
    if lang in ("de", "en"):
        return str(lang)
    return "de" if QLocale().name().lower().startswith("de") else "en"


def model_language(window: Any) -> str:
    """The language of texts written for the client: the model's meta.language, else the UI language."""
    meta = window.doc.model.meta
    lang = getattr(meta, "language", None) if meta is not None else None
    return str(lang) if lang in ("de", "en") else ui_language(window)


def base_title(window: Any) -> str:
    """What an exported file is named after: the model's title, else its file's name, else 'commarch'."""
    meta = window.doc.model.meta
    if meta is not None and meta.title:
        return str(meta.title)
    if window.doc.path:
        return os.path.splitext(os.path.basename(window.doc.path))[0]
    return "commarch"


def start_dir(window: Any) -> str:
    if window.doc.path:
        return os.path.dirname(os.path.abspath(window.doc.path))
    recent = getattr(window.app.prefs, "recent_files", None)
    return os.path.dirname(recent[0]) if recent else os.path.expanduser("~")


def suggested_path(window: Any, suffix: str) -> str:
    """A safe file name from the title, in the model's folder."""
    from commarch.interchange import safe_filename  # not on the start-up path: exports only

    return os.path.join(start_dir(window), safe_filename(base_title(window), suffix))


def with_suffix(path: str, suffix: str, known: Sequence[str]) -> str:
    """`path` ending in `suffix`: a known other suffix is replaced, no suffix gets one, anything else kept
    and `suffix` appended (so 'v1.2' stays in 'report v1.2.pdf')."""
    stem, ext = os.path.splitext(path)
    if ext.lower() == suffix:
        return path
    if ext.lower() in known:
        return stem + suffix
    return path + suffix


def check_target(path: str) -> str | None:
    """Why `path` cannot be written (translated, one line), or None when it looks writable."""
    if not path.strip():
        return tr("Choose a file name.")
    if os.path.isdir(path):
        return fill(tr("%1 is a folder; choose a file name."), path)
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        return fill(tr("The folder %1 does not exist."), folder)
    return None


# File dialogs go through these two functions so tests (and scripts) can answer them without a dialog.
def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path or None


def ask_open_path(parent: QWidget, title: str, folder: str, file_filter: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, file_filter)
    return path or None


class ProblemsDialog(QDialog):
    """A non-blocking list of problems (one per line, plain text, selectable for copying)."""

    def __init__(self, parent: QWidget, title: str, summary: str, lines: Sequence[str]):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("problems_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        self.summary = QLabel(summary)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.text = QPlainTextEdit("\n".join(lines))
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setAccessibleName(tr("Problems"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.summary)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(720, 320)

    def lines(self) -> list[str]:
        return self.text.toPlainText().splitlines()


def show_problems(parent: QWidget, title: str, summary: str, lines: Sequence[str]) -> ProblemsDialog:
    """Show `lines` without blocking the event loop (window-modal); returns the dialog."""
    dialog = ProblemsDialog(parent, title, summary, lines)
    dialog.open()
    return dialog
