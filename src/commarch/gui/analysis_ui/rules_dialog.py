"""Analysis ▸ Rules…: every rule with id, title, enabled and severity; edits the model's `rules`."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commarch.analysis import RULES, SEVERITIES
from commarch.model import CommModel

from .common import fill, severity_name, tr

Settings = dict[str, dict[str, Any]]  # rule -> {"enabled": bool, "severity": str | None}


def current_settings(model: CommModel) -> Settings:
    """Every rule's effective switch and its severity override (None: the rule's default)."""
    rules = model.rules or {}
    out: Settings = {}
    for rule_id in sorted(RULES):
        setting = rules.get(rule_id)
        out[rule_id] = {"enabled": True if setting is None or setting.enabled is None else bool(setting.enabled),
                        "severity": setting.severity if setting is not None else None}
    return out


def setting_changes(before: Settings, after: Settings) -> dict[str, dict[str, Any]]:
    """The SetRuleSetting `changes` per rule: enabled True and default severity remove the key."""
    out: dict[str, dict[str, Any]] = {}
    for rule_id, new in after.items():
        old = before.get(rule_id, {"enabled": True, "severity": None})
        changes: dict[str, Any] = {}
        if new["enabled"] != old["enabled"]:
            changes["enabled"] = None if new["enabled"] else False
        if new["severity"] != old["severity"]:
            changes["severity"] = new["severity"]
        if changes:
            out[rule_id] = changes
    return out


class RulesDialog(QDialog):
    """A table of rules; `apply(run)` pushes one SetRuleSetting per changed rule through `run`."""

    def __init__(self, model: CommModel, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Analysis rules"))
        self.resize(760, 560)
        self.before = current_settings(model)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Switch rules off or change their severity for this model. "
                          "The settings are saved in the file."))
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(self.before), 4)
        self.table.setHorizontalHeaderLabels([tr("Rule"), tr("Title"), tr("On"), tr("Severity")])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setAccessibleName(tr("Rules"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.enabled: dict[str, QCheckBox] = {}
        self.severity: dict[str, QComboBox] = {}
        for row, (rule_id, setting) in enumerate(self.before.items()):
            info = RULES[rule_id]
            id_item = QTableWidgetItem(rule_id)
            title_item = QTableWidgetItem(info.title.get(lang, info.title["en"]))
            tip = "<p>" + html.escape(info.explanation.get(lang, info.explanation["en"])) + "</p>"
            for item in (id_item, title_item):
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(tip)
            self.table.setItem(row, 0, id_item)
            self.table.setItem(row, 1, title_item)
            check = QCheckBox()
            check.setChecked(setting["enabled"])
            check.setAccessibleName(fill(tr("%1 on"), rule_id))
            self.table.setCellWidget(row, 2, check)
            combo = QComboBox()
            combo.addItem(fill(tr("default (%1)"), severity_name(info.default_severity)), None)
            for severity in SEVERITIES:
                combo.addItem(severity_name(severity), severity)
            combo.setCurrentIndex(max(0, combo.findData(setting["severity"])) if setting["severity"] else 0)
            combo.setAccessibleName(fill(tr("%1 severity"), rule_id))
            self.table.setCellWidget(row, 3, combo)
            self.enabled[rule_id], self.severity[rule_id] = check, combo
        self.table.resizeColumnToContents(0)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> Settings:
        return {rule_id: {"enabled": self.enabled[rule_id].isChecked(),
                          "severity": self.severity[rule_id].currentData()} for rule_id in self.before}

    def changes(self) -> dict[str, dict[str, Any]]:
        return setting_changes(self.before, self.chosen())

    def apply(self, run: Callable[[str, dict[str, Any]], object]) -> int:
        """Call `run(rule_id, changes)` for each changed rule; returns how many changed."""
        changes = self.changes()
        for rule_id, change in changes.items():
            run(rule_id, change)
        return len(changes)
