"""File handling of a main window: open, save, save as, revert, unsaved-changes prompts, autosave."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog

from commarch.editing import Document
from commarch.fileformat import CommFileError, load
from commarch.fileformat.backups import keep_backup, list_backups
from commarch.fileformat.cleanup import clean_stale_temp_files

from .dialogs import ask_overwrite_changed, ask_revert, ask_save_changes, show_file_error

if TYPE_CHECKING:
    from .mainwindow import MainWindow
    from .recovery import RecoveredCopy

FILTER = QT_TR_NOOP("commarch models (*.comm);;All files (*)")  # shown through tr()


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr() calls under the empty context


def signature(path: str) -> tuple[int, int] | None:
    """What we remember of a file on disk to notice someone else changing it."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)


def load_into(window: MainWindow, path: str) -> bool:
    """Open `path` in `window`; a refused file shows its problems and changes nothing."""
    clean_stale_temp_files(os.path.dirname(os.path.abspath(path)))  # leftovers of a save that was killed
    try:
        doc = Document.open(path)  # with the lookup tables the loader built on the way
    except CommFileError as exc:
        if window.app.show_dialogs:
            show_file_error(window, tr("Cannot open file"), exc.lines())
        window.statusBar().showMessage(exc.lines()[0], 10000)
        return False
    window.set_document(doc)
    window.disk_signature = signature(path)
    window.app.prefs.add_recent(path)
    return True


def open_dialog(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(window, tr("Open model"), _start_dir(window), tr(FILTER))
    if path:
        window.app.open_path(path, into=window)


def _start_dir(window: MainWindow) -> str:
    if window.doc.path:
        return os.path.dirname(window.doc.path)
    recent = window.app.prefs.recent_files
    return os.path.dirname(recent[0]) if recent else os.path.expanduser("~")


def save(window: MainWindow) -> bool:
    """Save to the document's file (Save As when it has none). True when the model is on disk."""
    path = window.doc.path
    if path is None:
        return save_as(window)
    current = signature(path)
    if window.disk_signature is not None and current is not None and current != window.disk_signature:
        answer = ask_overwrite_changed(window, path) if window.app.show_dialogs else "cancel"
        if answer == "save_as":
            return save_as(window)
        if answer != "overwrite":
            return False
    return write(window, path)


def save_as(window: MainWindow) -> bool:
    suggested = window.doc.path or os.path.join(_start_dir(window), _suggested_name(window))
    path, _ = QFileDialog.getSaveFileName(window, tr("Save model as"), suggested, tr(FILTER))
    if not path:
        return False
    if not path.endswith(".comm"):
        path += ".comm"
    return write(window, path)


def _suggested_name(window: MainWindow) -> str:
    from commarch.interchange.filenames import safe_filename

    meta = window.doc.model.meta
    return safe_filename(meta.title if meta is not None else "", ".comm", fallback="model")


def write(window: MainWindow, path: str) -> bool:
    """Save atomically; a failure shows the reason and leaves the document unsaved."""
    keep_backup(path, window.app.prefs.backups)
    try:
        window.doc.save(path)
    except CommFileError as exc:
        if window.app.show_dialogs:
            show_file_error(window, tr("Cannot save file"), exc.lines())
        window.statusBar().showMessage(exc.lines()[0], 10000)
        return False
    window.controller.stack.setClean()
    window.disk_signature = signature(path)
    window.app.prefs.add_recent(path)
    window.app.recovery.remove(window.doc_key)
    window.update_title()
    window.statusBar().showMessage(tr("Saved %1").replace("%1", path), 4000)
    return True


def revert(window: MainWindow) -> None:
    """Drop unsaved changes and read the file again (asks first when there is something to lose)."""
    if window.doc.path is None:
        return
    if not window.controller.stack.isClean() and window.app.show_dialogs:
        if not ask_revert(window, window.display_title()):
            return
    load_into(window, window.doc.path)


def maybe_save(window: MainWindow) -> bool:
    """Before closing or replacing: True when it is fine to drop the document (saved or discarded)."""
    if window.controller.stack.isClean() and not window.doc.is_dirty:
        return True
    answer = ask_save_changes(window, window.display_title()) if window.app.show_dialogs else "cancel"
    if answer == "save":
        return save(window)
    return answer == "discard"


def autosave(window: MainWindow) -> None:
    """Write a recovery copy while there are unsaved changes (never touches the user's file)."""
    if window.controller.stack.isClean():
        return
    try:
        window.app.recovery.write(window.doc_key, window.doc.model, window.display_title(), window.doc.path)
    except (CommFileError, OSError) as exc:
        window.statusBar().showMessage(tr("Autosave failed: %1").replace("%1", str(exc).splitlines()[0]), 10000)


def restore_copy(window: MainWindow, copy: RecoveredCopy) -> None:
    """Open a recovered copy as an unsaved document (its original path kept for Save)."""
    try:
        model = load(copy.model_path)
    except CommFileError as exc:
        show_file_error(window, tr("Cannot recover"), exc.lines())
        return
    path = copy.original_path if copy.original_path and os.path.exists(os.path.dirname(copy.original_path)) \
        else None
    doc = Document(model, path)
    window.set_document(doc)
    window.disk_signature = signature(path) if path else None
    copy.discard()
    window.controller.stack.resetClean()  # recovered work is unsaved until the user saves it
    window.autosave_timer.start()
    window.update_title()


def fill_recent_menu(window: MainWindow) -> None:
    menu = window.recent_menu
    menu.clear()
    for path in window.app.prefs.recent_files:
        action = menu.addAction(path)
        action.triggered.connect(lambda _c=False, p=path: window.app.open_path(p, into=window))
    if not window.app.prefs.recent_files:
        menu.addAction(tr("(none)")).setEnabled(False)


def fill_backups_menu(window: MainWindow) -> None:
    """File ▸ Restore Backup: the previous versions of this file, newest first."""
    menu = window.backups_menu
    menu.clear()
    backups = list_backups(window.doc.path) if window.doc.path else []
    for backup in backups:
        stamp = backup.stem[:15]  # YYYYmmdd-HHMMSS (UTC)
        when = f"{stamp[0:4]}-{stamp[4:6]}-{stamp[6:8]} {stamp[9:11]}:{stamp[11:13]}:{stamp[13:15]} UTC"
        action = menu.addAction(when)
        action.triggered.connect(lambda _c=False, b=str(backup): restore_backup(window, b))
    if not backups:
        menu.addAction(tr("(no backups of this file)")).setEnabled(False)


def restore_backup(window: MainWindow, backup: str) -> bool:
    """Open a backup in place of the current model, as unsaved changes to the same file (undo: Revert)."""
    if not maybe_save(window):
        return False
    try:
        model = load(backup)
    except CommFileError as exc:
        show_file_error(window, tr("Cannot restore backup"), exc.lines())
        return False
    path, signature_before = window.doc.path, window.disk_signature
    window.set_document(Document(model, path))
    window.disk_signature = signature_before
    window.controller.stack.resetClean()
    window.update_title()
    window.statusBar().showMessage(tr("Backup restored — save to keep it"), 8000)
    return True
