"""Unhandled exceptions in slots: show a dialog, write emergency copies, keep the app running."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from .recovery import default_folder, emergency_copy

if TYPE_CHECKING:
    from commarch.model import CommModel

# Called for every open document when something goes wrong: returns (model, title) pairs.
OpenModels = Callable[[], "list[tuple[CommModel, str]]"]


class ExceptionGuard:
    """Replaces sys.excepthook while the app runs. PySide6 routes exceptions raised in slots here."""

    def __init__(self, open_models: OpenModels, folder: Path | None = None, show_dialog: bool = True):
        self.open_models = open_models
        self.folder = folder or default_folder().parent / "emergency"
        self.show_dialog = show_dialog
        self.handled: list[BaseException] = []
        self._busy = False
        self._previous = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        sys.excepthook = self._previous

    def handle(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, exc, tb)
            return
        traceback.print_exception(kind, exc, tb, file=sys.stderr)
        self.handled.append(exc)
        if self._busy:  # an error while handling an error: never recurse
            return
        self._busy = True
        try:
            saved = []
            for model, title in self.open_models():
                path = emergency_copy(self.folder, model, title)
                if path is not None:
                    saved.append(str(path))
            if self.show_dialog and QApplication.instance() is not None:
                self._dialog(exc, saved)
        finally:
            self._busy = False

    def _dialog(self, exc: BaseException, saved: list[str]) -> None:
        from PySide6.QtWidgets import QMessageBox  # (set up on first use, not at start-up: ~2 ms)

        translate = QCoreApplication.translate  # lupdate reads translate("context", "text") calls
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowTitle(translate("ExceptionGuard", "Something went wrong"))
        text = translate("ExceptionGuard", "commarch hit an internal error and stopped that action. "
                         "Your work is still open and you can keep working.")
        if saved:
            text += "\n\n" + translate("ExceptionGuard", "Emergency copies were written to:") + "\n" + "\n".join(saved)
        box.setText(text)
        box.setDetailedText(f"{type(exc).__name__}: {exc}")
        box.exec()
