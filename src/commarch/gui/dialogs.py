"""Small dialogs: unsaved changes, file errors, recovery, changed-on-disk, preferences, shortcuts."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .recovery import RecoveredCopy
from .settings import Preferences


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files bare tr() calls under the empty context


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)  # file names and labels are shown as text, never markup
    box.setText(text)
    return box


def ask_save_changes(parent: QWidget | None, title: str) -> str:
    """'save', 'discard' or 'cancel'."""
    box = _box(parent, QMessageBox.Icon.Warning, tr("Unsaved changes"),
               tr("Save the changes to “%1” before closing?").replace("%1", title))
    box.setInformativeText(tr("If you don't save, your changes will be lost."))
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                           | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    return {QMessageBox.StandardButton.Save: "save",
            QMessageBox.StandardButton.Discard: "discard"}.get(QMessageBox.StandardButton(answer), "cancel")


def ask_revert(parent: QWidget | None, title: str) -> bool:
    box = _box(parent, QMessageBox.Icon.Warning, tr("Revert"),
               tr("Discard all unsaved changes to “%1” and reload the file?").replace("%1", title))
    box.setStandardButtons(QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return QMessageBox.StandardButton(box.exec()) == QMessageBox.StandardButton.Discard


def show_file_error(parent: QWidget | None, action: str, lines: list[str]) -> None:
    shown = lines[:30]
    if len(lines) > 30:
        shown.append(tr("… and %1 more problems").replace("%1", str(len(lines) - 30)))
    box = _box(parent, QMessageBox.Icon.Critical, action, "\n".join(shown))
    box.exec()


def ask_recover(copy: RecoveredCopy, parent: QWidget | None = None) -> str:
    """'restore', 'discard' or 'later' for one copy left by a crashed instance."""
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(copy.saved_at))
    text = tr("commarch did not close properly. A recovered version of “%1” from %2 is available.")
    text = text.replace("%1", copy.title).replace("%2", when)
    box = _box(parent, QMessageBox.Icon.Question, tr("Recover unsaved work"), text)
    if copy.original_path:
        box.setInformativeText(tr("Original file: %1").replace("%1", copy.original_path))
    restore = box.addButton(tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(tr("Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    return "restore" if clicked is restore else "discard" if clicked is discard else "later"


def ask_overwrite_changed(parent: QWidget | None, path: str) -> str:
    """The file changed on disk since we read it: 'overwrite', 'save_as' or 'cancel'."""
    box = _box(parent, QMessageBox.Icon.Warning, tr("File changed on disk"),
               tr("“%1” was changed by someone else since you opened it.").replace("%1", path))
    box.setInformativeText(tr("Overwrite their changes, or save yours under another name?"))
    overwrite = box.addButton(tr("Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
    save_as = box.addButton(tr("Save As…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save_as)
    box.exec()
    clicked = box.clickedButton()
    return "overwrite" if clicked is overwrite else "save_as" if clicked is save_as else "cancel"


class PreferencesDialog(QDialog):
    def __init__(self, prefs: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Preferences"))
        self.prefs = prefs
        form = QFormLayout()
        self.autosave = QSpinBox(minimum=5, maximum=3600, suffix=" s", value=prefs.autosave_seconds)
        self.grid = QCheckBox(checked=prefs.show_grid)
        self.snap = QCheckBox(checked=prefs.snap_to_grid)
        self.grid_size = QSpinBox(minimum=5, maximum=200, suffix=" px", value=prefs.grid_size)
        self.backups = QSpinBox(minimum=0, maximum=50, value=prefs.backups)
        self.theme = QComboBox()
        for value, name in (("system", tr("Follow the system")), ("light", tr("Light")), ("dark", tr("Dark"))):
            self.theme.addItem(name, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.theme)))
        self.language = QComboBox()
        for value, name in (("system", tr("Follow the system")), ("en", "English"), ("de", "Deutsch")):
            self.language.addItem(name, value)
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        for label, widget in ((tr("Autosave every"), self.autosave), (tr("Show grid"), self.grid),
                              (tr("Snap to grid"), self.snap), (tr("Grid size"), self.grid_size),
                              (tr("Backups kept per file"), self.backups), (tr("Theme"), self.theme),
                              (tr("Language"), self.language)):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def apply(self) -> None:
        p = self.prefs
        p.autosave_seconds = self.autosave.value()
        p.show_grid = self.grid.isChecked()
        p.snap_to_grid = self.snap.isChecked()
        p.grid_size = self.grid_size.value()
        p.backups = self.backups.value()
        p.theme = self.theme.currentData()
        p.language = self.language.currentData()
        p.save()


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard shortcuts: every action with a shortcut, as a table."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels([tr("Action"), tr("Shortcut")])
        for row, (name, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(name))
            table.setItem(row, 1, QTableWidgetItem(keys))
        table.resizeColumnsToContents()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setAccessibleName(tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 560)
