"""File ▸ Export Diagram…: PNG/SVG/PDF with a live preview drawn by the same code as the export."""

from __future__ import annotations

import math
import os
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from commarch.render import MAX_DPI, MIN_DPI, ExportError, export_diagram, finding_badges, get_theme, plan_diagram
from commarch.render.diagram import paint_diagram, title_fields

from . import common
from .common import fill, tr

FORMATS = ("png", "svg", "pdf")
SUFFIXES = tuple(f".{f}" for f in FORMATS)
PREVIEW_SIZE = QSize(520, 380)
PREVIEW_DELAY_MS = 60  # coalesce bursts of option changes (typing a title) into one repaint


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class ExportDiagramDialog(QDialog):
    """Options, preview and target of one diagram export. `set_path()` + `accept()` drive it without a
    file dialog; `exported(path)` is emitted after the file was written."""

    exported = Signal(str)
    preview_updated = Signal()

    def __init__(self, window: Any, remembered: dict[str, Any] | None = None):
        super().__init__(window)
        self.main = window  # not `window`: QWidget.window() is a method
        self.setObjectName("export_diagram_dialog")
        self.setWindowTitle(tr("Export Diagram"))
        self.selected = list(window.scene.selected_element_ids())
        self.preview: QImage | None = None
        self.written: str | None = None
        self._findings: list[Any] | None = None
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self._build()
        self._restore(remembered or {})
        self._wire()
        self.set_path(common.suggested_path(window, "." + self.fmt()))
        self._format_changed()
        self.refresh_preview()

    # construction -----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.preview_label = QLabel()
        self.preview_label.setObjectName("preview")
        self.preview_label.setFixedSize(PREVIEW_SIZE)
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_label.setAccessibleName(tr("Preview"))
        self.preview_label.setFrameShape(QLabel.Shape.StyledPanel)
        self.size_label = _plain_label()
        left = QVBoxLayout()
        left.addWidget(self.preview_label)
        left.addWidget(self.size_label)
        left.addStretch(1)

        self.format_box = QComboBox()
        for name, text in (("png", tr("PNG image")), ("svg", tr("SVG vector graphic")),
                           ("pdf", tr("PDF document (vector)"))):
            self.format_box.addItem(text, name)
        self.dpi = QSpinBox()
        self.dpi.setRange(MIN_DPI, MAX_DPI)
        self.dpi.setValue(144)
        self.dpi.setSuffix(" dpi")
        self.transparent = QCheckBox(tr("Transparent background"))
        self.theme_box = QComboBox()
        self.theme_box.addItem(tr("Light"), "light")
        self.theme_box.addItem(tr("Dark"), "dark")
        self.legend = QCheckBox(tr("Legend of kinds and relations"))
        self.badges = QCheckBox(tr("Badges for findings"))
        self.selection_only = QCheckBox()
        self._selection_text()
        self.selection_only.setEnabled(bool(self.selected))
        if not self.selected:
            self.selection_only.setToolTip(tr("Select elements on the canvas to export only those."))
        form = QFormLayout()
        form.addRow(tr("Format:"), self.format_box)
        form.addRow(tr("Resolution:"), self.dpi)
        form.addRow(tr("Theme:"), self.theme_box)
        form.addRow(self.transparent)
        form.addRow(self.legend)
        form.addRow(self.badges)
        form.addRow(self.selection_only)

        fields = title_fields(self.main.doc.model, True) or {}
        self.title_group = QGroupBox(tr("Title block"))
        self.title_group.setCheckable(True)
        self.title_group.setChecked(False)
        self.title_edit = QLineEdit(fields.get("title", ""))
        self.client_edit = QLineEdit(fields.get("client", ""))
        self.date_edit = QLineEdit(fields.get("date", ""))
        for edit in (self.title_edit, self.client_edit, self.date_edit):
            edit.setCursorPosition(0)  # show the start of a long title, not its end
        title_form = QFormLayout(self.title_group)
        title_form.addRow(tr("Title:"), self.title_edit)
        title_form.addRow(tr("Client:"), self.client_edit)
        title_form.addRow(tr("Date:"), self.date_edit)

        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(tr("File"))
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        self.error_label = _plain_label()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()

        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.title_group)
        right.addWidget(_plain_label(tr("Save as:")))
        right.addLayout(path_row)
        right.addWidget(self.error_label)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left)
        right_widget = QWidget()
        right_widget.setLayout(right)
        right_widget.setMinimumWidth(340)
        columns.addWidget(right_widget, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addLayout(columns)
        outer.addWidget(self.buttons)

    def _selection_text(self) -> None:
        self.selection_only.setText(fill(tr("Selection only (%1 elements)"), len(self.selected))
                                    if self.selected else tr("Selection only (nothing selected)"))

    def retranslate(self) -> None:
        """The composed texts, after a language switch (the rest is retranslated by the window)."""
        self._selection_text()
        self._update_size()

    def _restore(self, saved: dict[str, Any]) -> None:
        """Options of the previous export from this window (not the path or the selection)."""
        index = self.format_box.findData(saved.get("fmt", "png"))
        self.format_box.setCurrentIndex(max(index, 0))
        self.dpi.setValue(int(saved.get("dpi", 144)))
        self.transparent.setChecked(bool(saved.get("transparent", False)))
        self.theme_box.setCurrentIndex(max(self.theme_box.findData(saved.get("theme", "light")), 0))
        self.legend.setChecked(bool(saved.get("legend", False)))
        self.badges.setChecked(bool(saved.get("badges", False)))
        self.title_group.setChecked(bool(saved.get("title_block", False)))

    def remembered(self) -> dict[str, Any]:
        return {"fmt": self.fmt(), "dpi": self.dpi.value(), "transparent": self.transparent.isChecked(),
                "theme": self.theme(), "legend": self.legend.isChecked(), "badges": self.badges.isChecked(),
                "title_block": self.title_group.isChecked()}

    def _wire(self) -> None:
        schedule = self.schedule_preview
        self.format_box.currentIndexChanged.connect(lambda _i: self._format_changed())
        self.dpi.valueChanged.connect(lambda _v: self._update_size())
        for box in (self.transparent, self.legend, self.badges, self.selection_only):
            box.toggled.connect(lambda _on: schedule())
        self.title_group.toggled.connect(lambda _on: schedule())
        self.theme_box.currentIndexChanged.connect(lambda _i: schedule())
        for edit in (self.title_edit, self.client_edit, self.date_edit):
            edit.textChanged.connect(lambda _t: schedule())
        self.path_edit.textChanged.connect(lambda _t: self.error_label.hide())

    # options ------------------------------------------------------------------------------------------
    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def theme(self) -> str:
        return str(self.theme_box.currentData())

    def set_format(self, fmt: str) -> None:
        self.format_box.setCurrentIndex(FORMATS.index(fmt.lower()))

    def set_theme(self, theme: str) -> None:
        self.theme_box.setCurrentIndex(self.theme_box.findData(theme))

    def path(self) -> str:
        return self.path_edit.text().strip()

    def set_path(self, path: str) -> None:
        """Set the target; a .png/.svg/.pdf suffix also picks that format."""
        suffix = os.path.splitext(path)[1].lower()
        if suffix in SUFFIXES and suffix[1:] != self.fmt():
            self.set_format(suffix[1:])
        self.path_edit.setText(path)

    def _format_changed(self) -> None:
        self.dpi.setEnabled(self.fmt() == "png")
        path = self.path()
        if path:
            self.path_edit.setText(common.with_suffix(path, "." + self.fmt(), SUFFIXES))
        self._update_size()

    def title_block(self) -> dict[str, str] | None:
        if not self.title_group.isChecked():
            return None
        return {"title": self.title_edit.text(), "client": self.client_edit.text(), "date": self.date_edit.text()}

    def _badges(self) -> dict[str, str] | None:
        if not self.badges.isChecked():
            return None
        return finding_badges(self._current_findings())

    def _current_findings(self) -> list[Any]:
        ui = getattr(self.main, "analysis_ui", None)
        runner = getattr(ui, "runner", None)
        if runner is not None and getattr(runner, "findings", None) is not None:
            return list(runner.findings)  # the live analysis of the window, waivers included
        if self._findings is None:
            from commarch.analysis import find

            self._findings = find(self.main.doc.model, common.model_language(self.main))
        return self._findings

    def options(self) -> dict[str, Any]:
        """Keyword arguments for `export_diagram` (format included)."""
        return {"fmt": self.fmt(), "dpi": self.dpi.value(), "transparent": self.transparent.isChecked(),
                "theme": self.theme(), "legend": self.legend.isChecked(), "title_block": self.title_block(),
                "ids": list(self.selected) if self.selection_only.isChecked() and self.selected else None,
                "badges": self._badges(), "lang": common.model_language(self.main)}

    def _plan(self) -> Any:
        o = self.options()
        return plan_diagram(self.main.doc.model, ids=o["ids"], legend=o["legend"], title_block=o["title_block"],
                            badges=o["badges"], lang=o["lang"])

    # preview ------------------------------------------------------------------------------------------
    def schedule_preview(self) -> None:
        self._timer.start()

    def refresh_preview(self) -> None:
        """Paint the diagram as it will be exported, scaled into the preview box."""
        self._timer.stop()
        try:
            plan = self._plan()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        theme = get_theme(self.theme())
        ratio = self.devicePixelRatioF() or 1.0
        box = PREVIEW_SIZE
        bounds = plan.bounds
        scale = min(box.width() / bounds.width(), box.height() / bounds.height())
        width, height = max(1, math.floor(bounds.width() * scale)), max(1, math.floor(bounds.height() * scale))
        image = QImage(round(width * ratio), round(height * ratio), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        painter = QPainter(image)
        try:
            if self.transparent.isChecked():
                _checkerboard(painter, QRectF(0, 0, width, height))
            else:
                painter.fillRect(QRectF(0, 0, width, height), QColor(theme.background))
            painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
            painter.scale(scale, scale)
            painter.translate(-bounds.topLeft())
            paint_diagram(painter, plan, theme, background=False)
        finally:
            painter.end()
        self.preview = image
        self.preview_label.setPixmap(QPixmap.fromImage(image))
        self._plan_bounds = bounds
        self._update_size()
        self.preview_updated.emit()

    def _update_size(self) -> None:
        bounds = getattr(self, "_plan_bounds", None)
        if bounds is None:
            return
        if self.fmt() == "png":
            factor = self.dpi.value() / 72
            text = fill(tr("%1 × %2 pixels"), math.ceil(bounds.width() * factor),
                        math.ceil(bounds.height() * factor))
        else:
            text = fill(tr("%1 × %2 points"), round(bounds.width()), round(bounds.height()))
        self.size_label.setText(text)

    # actions ------------------------------------------------------------------------------------------
    def browse(self) -> None:
        filters = {"png": tr("PNG images (*.png)"), "svg": tr("SVG graphics (*.svg)"),
                   "pdf": tr("PDF documents (*.pdf)")}
        path = common.ask_save_path(self, tr("Export Diagram"), self.path(), filters[self.fmt()])
        if path:
            self.set_path(path)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def accept(self) -> None:
        """Write the file; on any problem say why in the dialog and keep it open (nothing half-written:
        export_diagram writes a temp file and moves it into place)."""
        path = self.path()
        if path and not os.path.isdir(path):  # a folder is refused below, not turned into "folder.png"
            path = common.with_suffix(path, "." + self.fmt(), SUFFIXES)
            self.path_edit.setText(path)
        problem = common.check_target(path)
        if problem:
            self.show_error(problem)
            return
        try:
            out = export_diagram(self.main.doc.model, path, **self.options())
        except ExportError as exc:
            self.show_error(str(exc))
            return
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            self.show_error(fill(tr("Cannot write %1: %2"), path, reason))
            return
        self.written = str(out)
        self.main.statusBar().showMessage(fill(tr("Diagram exported to %1"), self.written), 8000)
        self.exported.emit(self.written)
        super().accept()


def _checkerboard(painter: QPainter, rect: QRectF, cell: int = 8) -> None:
    """The usual grey checks that mean 'transparent here'."""
    painter.fillRect(rect, QColor("#ffffff"))
    grey = QColor("#d9d9d9")
    for row in range(math.ceil(rect.height() / cell)):
        for col in range(row % 2, math.ceil(rect.width() / cell), 2):
            painter.fillRect(QRectF(col * cell, row * cell, cell, cell), grey)
