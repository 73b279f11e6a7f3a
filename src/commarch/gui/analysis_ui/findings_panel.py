"""The findings dock: open findings by severity, details, waive / remove waiver, badges and the score label."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from itertools import pairwise

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commarch.analysis import RULES, SEVERITY_RANK, Finding

from ..sorted_rows import merge_steps
from .common import SEVERITY_ORDER, fill, severity_color, severity_heading, tr

ROLE = Qt.ItemDataRole.UserRole


def worst_severities(findings: Sequence[Finding]) -> dict[str, str]:
    """Element id -> the worst severity among the open findings it is a subject of."""
    badges: dict[str, str] = {}
    for finding in findings:
        if finding.waived:
            continue
        for subject in finding.subjects:
            old = badges.get(subject)
            if old is None or SEVERITY_RANK[finding.severity] < SEVERITY_RANK[old]:
                badges[subject] = finding.severity
    return badges


def rule_title(rule: str, lang: str) -> str:
    info = RULES.get(rule)
    return info.title.get(lang, info.title.get("en", rule)) if info is not None else rule


def finding_text(finding: Finding, lang: str) -> str:
    """The plain text of a finding for the detail pane and captions."""
    lines = [f"{rule_title(finding.rule, lang)} ({finding.rule})", finding.message, "",
             fill(tr("What to do: %1"), finding.recommendation)]
    if finding.waived:
        lines += ["", fill(tr("Waived: %1"), finding.waiver_note or tr("(no note)"))]
    return "\n".join(lines)


class _FindingItem(QTreeWidgetItem):
    """A finding's row; its tooltip is made when asked for (a model of 50,000 elements lists ~30,000
    findings, and their tooltip texts took a third of the time to fill the tree)."""

    def __init__(self, text: str, finding: Finding, lang: str):
        super().__init__([text])
        self.finding, self.lang = finding, lang
        self.setData(0, ROLE, finding)

    def data(self, column: int, role: int) -> object:
        if role == _TOOLTIP and column == 0:
            return "<p>" + html.escape(finding_text(self.finding, self.lang)).replace("\n", "<br>") + "</p>"
        return super().data(column, role)


_TOOLTIP = Qt.ItemDataRole.ToolTipRole


def _key(finding: Finding) -> tuple[str, tuple[str, ...]]:
    return finding.rule, finding.subjects


def _in_order(group: list[Finding]) -> bool:
    """Sorted by rule, then subjects (the spec's order within a severity): what the merge in _patch needs."""
    keys = list(map(_key, group))
    return all(a <= b for a, b in pairwise(keys))


class WrapDelegate(QStyledItemDelegate):
    """Row heights for word-wrapped text at the tree's current width (QTreeView sizes rows as one line)."""

    def __init__(self, tree: QTreeWidget):
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        base = super().sizeHint(option, index)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self.tree.header().sectionSize(0) - self.tree.indentation() * (depth + 1) - 24
        if width < 80:
            return base
        text = str(index.data() or "")
        rect = option.fontMetrics.boundingRect(QRect(0, 0, width, 100000), int(Qt.TextFlag.TextWordWrap), text)
        return QSize(width, max(base.height(), rect.height() + 6))


class FindingsPanel(QWidget):
    """A tree of findings grouped by severity; waived ones only when 'Show waived' is on.

    Signals: `finding_activated(Finding)` when the user picks one; `waive_requested(Finding, note)`
    and `unwaive_requested(Finding)` from the context menu (the installer turns them into commands).
    `ask_note` is the dialog asking for a waiver's note (replaceable in tests).
    """

    finding_activated = Signal(object)
    waive_requested = Signal(object, str)
    unwaive_requested = Signal(object)

    def __init__(self, language: Callable[[], str], parent: QWidget | None = None):
        super().__init__(parent)
        self.language = language
        self.findings: list[Finding] = []
        self._groups: dict[str, list[Finding]] = {}  # what the tree shows, by severity
        self._stamp: tuple[str, ...] | None = None  # the languages it is shown in
        self._ordered = False  # each group of _groups in the order _patch needs
        self.ask_note: Callable[[Finding], str | None] = self._ask_note
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(self.summary, 1)
        self.show_waived = QCheckBox(tr("Show waived"))
        self.show_waived.toggled.connect(lambda _on: self.refresh())
        top.addWidget(self.show_waived)
        layout.addLayout(top)
        split = QSplitter(Qt.Orientation.Vertical)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        # one column as wide as the view, so long messages wrap instead of scrolling sideways
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setItemDelegate(WrapDelegate(self.tree))
        self._relayout = QTimer(self, singleShot=True, interval=50)
        self._relayout.timeout.connect(self.tree.doItemsLayout)
        self.tree.header().sectionResized.connect(lambda *_: self._relayout.start())
        self.tree.setAccessibleName(tr("Findings"))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.tree.currentItemChanged.connect(lambda item, _old: self._show_detail(item))
        split.addWidget(self.tree)
        self.detail = QLabel()
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAccessibleName(tr("Finding details"))
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)

    # content -------------------------------------------------------------------------------------
    def set_findings(self, findings: Sequence[Finding]) -> None:
        findings = list(findings)
        if findings == self.findings and self.tree.topLevelItemCount():
            return  # most edits leave the findings as they were: keep the tree (and its scroll position)
        self.findings = findings
        self.refresh()

    def visible_findings(self) -> list[Finding]:
        return [f for f in self.findings if self.show_waived.isChecked() or not f.waived]

    def refresh(self) -> None:
        """Show the findings, keeping the current one (same rule and subjects) selected if still there.

        Rows whose finding is unchanged stay as they are (and with them the scroll position); only the
        rows that changed, came or went are replaced. An edit of a 10,000-element model changes a handful
        of its ~6,000 findings, and rebuilding the whole tree cost ~120 ms after every edit (~0.8 s at
        50,000). The tree is rebuilt when a severity group comes or goes or the language changed."""
        current = self.current_finding()
        keep = _key(current) if current is not None else None
        lang = self.language()
        stamp = (lang, tr("What to do: %1"), tr("[waived] %1"))
        shown = self.visible_findings()
        groups = {s: g for s in SEVERITY_ORDER if (g := [f for f in shown if f.severity == s])}
        tree = self.tree
        tree.setUpdatesEnabled(False)
        ordered = all(map(_in_order, groups.values()))
        if stamp == self._stamp and list(groups) == list(self._groups) and ordered and self._ordered:
            for n, (severity, group) in enumerate(groups.items()):
                head = tree.topLevelItem(n)
                self._patch(head, self._groups[severity], group, lang)
                head.setText(0, fill("%1 (%2)", severity_heading(severity), len(group)))
        else:
            tree.clear()
            for severity, group in groups.items():
                head = self._head(severity, len(group))
                head.addChildren([self._row(finding, lang) for finding in group])
                head.setExpanded(True)
        self._groups, self._stamp, self._ordered = groups, stamp, ordered
        tree.setUpdatesEnabled(True)
        self._update_summary()
        now = self.current_finding()
        if keep is not None and (now is None or _key(now) != keep):
            restore = next((item for item in self.finding_items() if _key(item.data(0, ROLE)) == keep), None)
            if restore is not None:
                blocked = tree.blockSignals(True)
                tree.setCurrentItem(restore)
                tree.blockSignals(blocked)
        self._show_detail(tree.currentItem())

    def _head(self, severity: str, count: int) -> QTreeWidgetItem:
        head = QTreeWidgetItem([fill("%1 (%2)", severity_heading(severity), count)])
        head.setForeground(0, QBrush(severity_color(severity)))
        font = head.font(0)
        font.setBold(True)
        head.setFont(0, font)
        head.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(head)
        return head

    @staticmethod
    def _row(finding: Finding, lang: str) -> QTreeWidgetItem:
        text = f"{rule_title(finding.rule, lang)}: {finding.message}"
        if finding.waived:
            text = fill(tr("[waived] %1"), text)
        item = _FindingItem(text, finding, lang)
        advice = QTreeWidgetItem(item, [fill(tr("What to do: %1"), finding.recommendation)])
        advice.setData(0, ROLE, finding)
        if finding.waived:
            item.setForeground(0, QBrush(Qt.GlobalColor.gray))
        return item

    def _patch(self, head: QTreeWidgetItem, old: list[Finding], new: list[Finding], lang: str) -> None:
        """Turn `head`'s rows for `old` into rows for `new`: one merge over both lists (each sorted by
        rule and subjects); equal findings keep their row."""
        for step, _i, j, row in merge_steps(old, new, _key):
            if step != "insert":  # gone, or the same finding changed (its text, severity setting or waiver)
                head.takeChild(row)
            if step != "remove":
                head.insertChild(row, self._row(new[j], lang))

    def _update_summary(self) -> None:
        counts = {s: sum(1 for f in self.findings if f.severity == s and not f.waived) for s in SEVERITY_ORDER}
        waived = sum(1 for f in self.findings if f.waived)
        summary = fill(tr("Errors: %1 · Warnings: %2 · Notes: %3"), counts["error"], counts["warning"],
                       counts["info"])
        if waived:
            summary += " · " + fill(tr("%1 waived"), waived)
        self.summary.setText(summary if self.findings else tr("No findings."))

    def finding_items(self) -> list[QTreeWidgetItem]:
        """The tree rows of the listed findings, in display order."""
        out = []
        for n in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(n)
            out += [head.child(i) for i in range(head.childCount())]
        return out

    def current_finding(self) -> Finding | None:
        item = self.tree.currentItem()
        return item.data(0, ROLE) if item is not None else None

    def _show_detail(self, item: QTreeWidgetItem | None) -> None:
        finding = item.data(0, ROLE) if item is not None else None
        self.detail.setText(finding_text(finding, self.language()) if finding is not None else "")

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, ROLE)
        if finding is not None:
            self.finding_activated.emit(finding)

    # waivers -------------------------------------------------------------------------------------
    def _ask_note(self, finding: Finding) -> str | None:
        note, ok = QInputDialog.getText(self, tr("Waive finding"),
                                        fill(tr("Why is this finding accepted?\n%1"), finding.message))
        return note.strip() if ok else None

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        finding = item.data(0, ROLE) if item is not None else None
        if finding is None:
            return
        menu = self.context_menu(finding)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def context_menu(self, finding: Finding) -> QMenu:
        menu = QMenu(self)
        menu.addAction(tr("Show on canvas"), lambda: self.finding_activated.emit(finding))
        if finding.waived:
            menu.addAction(tr("Remove waiver"), lambda: self.unwaive_requested.emit(finding))
        else:
            menu.addAction(tr("Waive…"), lambda: self.waive(finding))
        return menu

    def waive(self, finding: Finding) -> None:
        note = self.ask_note(finding)
        if note is not None:
            self.waive_requested.emit(finding, note)
