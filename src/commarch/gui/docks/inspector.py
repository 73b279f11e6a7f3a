"""The properties inspector: a form for the selected element, relation, or the document's meta."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from commarch.editing import Document
from commarch.model.kinds import CHANNEL_TYPES, FUNCTIONS, LANGUAGES, PRIORITIES, ROLES

from ..texts import ENUM_NAMES, FIELD_NAMES, KIND_NAMES, RELATION_NAMES, tr_name

ENUMS: dict[str, tuple[str, ...]] = {
    "priority": PRIORITIES, "channel_type": CHANNEL_TYPES, "function": FUNCTIONS, "role": ROLES,
    "language": LANGUAGES,
}
BOOLS = {"needs_dialog", "internal", "two_way", "coordinator"}
RATINGS = {"influence", "interest"}
MULTILINE = {"notes", "description"}
KIND_FIELDS: dict[str, list[str]] = {
    "stakeholder": ["priority", "needs_dialog", "internal", "influence", "interest"],
    "channel": ["channel_type", "platform", "two_way"],
    "department": ["function", "coordinator"],
    "goal": ["kpi"],
    "topic": [],
    "note": [],
}
RELATION_FIELDS: dict[str, list[str]] = {"operates": ["role"], "coordinates": ["cadence"]}
META_FIELDS = ["title", "client", "author", "language", "description"]


class Inspector(QScrollArea):
    """Emits `edited(target, item_id, key, value)`; target is 'element', 'relation' or 'meta'."""

    edited = Signal(str, str, str, object)

    def __init__(self, doc: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Properties"))
        self._target: tuple[str, str] = ("meta", "")
        self._editors: dict[str, QWidget] = {}
        self.show_meta()

    # what to show ------------------------------------------------------------------------------
    def show_selection(self, element_ids: list[str], relation_ids: list[str]) -> None:
        if len(element_ids) == 1 and not relation_ids:
            self._target = ("element", element_ids[0])
        elif len(relation_ids) == 1 and not element_ids:
            self._target = ("relation", relation_ids[0])
        elif element_ids or relation_ids:
            self._target = ("many", str(len(element_ids) + len(relation_ids)))
        else:
            self._target = ("meta", "")
        self.refresh()

    def show_meta(self) -> None:
        self._target = ("meta", "")
        self.refresh()

    def set_document(self, doc: Document) -> None:
        self.doc = doc
        self.show_meta()

    def refresh(self) -> None:
        target, item_id = self._target
        form_host = QWidget()
        outer = QVBoxLayout(form_host)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        self._editors = {}
        if target == "element" and self.doc.get_element(item_id) is not None:
            element = self.doc.get_element(item_id)
            form.addRow(_caption(self.tr("Kind")), _plain(tr_name(KIND_NAMES, element.kind)))
            form.addRow(_caption(tr_name(FIELD_NAMES, "id")), _plain(element.id))
            keys = ["label", *KIND_FIELDS.get(element.kind, []), "tags", "color", "notes"]
            for key in keys:
                form.addRow(_caption(tr_name(FIELD_NAMES, key)), self._editor("element", item_id, key,
                                                                               getattr(element, key, None)))
        elif target == "relation" and self.doc.get_relation(item_id) is not None:
            relation = self.doc.get_relation(item_id)
            form.addRow(_caption(self.tr("Relation")), _plain(tr_name(RELATION_NAMES, relation.kind)))
            for key in ("source", "target"):
                other = self.doc.get_element(getattr(relation, key))
                form.addRow(_caption(tr_name(FIELD_NAMES, key)), _plain(other.label if other else "?"))
            for key in [*RELATION_FIELDS.get(relation.kind, []), "label", "notes"]:
                form.addRow(_caption(tr_name(FIELD_NAMES, key)), self._editor("relation", item_id, key,
                                                                               getattr(relation, key, None)))
        elif target == "many":
            form.addRow(_plain(self.tr("%1 items selected").replace("%1", item_id)))
        else:
            self._target = ("meta", "")
            meta = self.doc.model.meta
            form.addRow(_plain(self.tr("Document")))
            for key in META_FIELDS:
                value = getattr(meta, key, None) if meta is not None else None
                form.addRow(_caption(tr_name(FIELD_NAMES, key)), self._editor("meta", "", key, value))
        self.setWidget(form_host)

    # editors ---------------------------------------------------------------------------------------
    def _editor(self, target: str, item_id: str, key: str, value: Any) -> QWidget:
        def emit(new: Any) -> None:
            self.edited.emit(target, item_id, key, new)

        name = tr_name(FIELD_NAMES, key)
        widget: QWidget
        if key in ENUMS:
            combo = QComboBox()
            if target == "meta":
                combo.addItem(self.tr("(not set)"), None)
            for option in ENUMS[key]:
                combo.addItem(tr_name(ENUM_NAMES, option), option)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.activated.connect(lambda _i, c=combo: emit(c.currentData()))
            widget = combo
        elif key in BOOLS:
            box = QCheckBox()
            box.setChecked(bool(value))
            box.toggled.connect(emit)
            widget = box
        elif key in RATINGS:
            spin = QSpinBox()
            spin.setRange(1, 5)
            spin.setValue(int(value or 3))
            spin.editingFinished.connect(lambda s=spin: s.value() != value and emit(s.value()))
            widget = spin
        elif key in MULTILINE:
            widget = _NotesEdit(value or "", emit)
        elif key == "tags":
            line = QLineEdit(", ".join(value or []))
            line.setPlaceholderText(self.tr("comma-separated"))
            line.editingFinished.connect(lambda le=line: emit(_split_tags(le.text())))
            widget = line
        elif key == "color":
            widget = _ColorEdit(value, emit)
        else:
            line = QLineEdit("" if value is None else str(value))
            line.editingFinished.connect(lambda le=line, old=value: le.text() != (old or "") and emit(
                le.text() if key != "label" or target == "meta" else le.text().strip()))
            widget = line
        widget.setAccessibleName(name)
        self._editors[key] = widget
        return widget

    def editor(self, key: str) -> QWidget | None:
        """The editor of `key` in the current form (for tests and keyboard focus)."""
        return self._editors.get(key)


class _NotesEdit(QPlainTextEdit):
    """Plain multi-line text, committed when focus leaves (never rich text)."""

    def __init__(self, text: str, emit: Any):
        super().__init__()
        with QSignalBlocker(self):
            self.setPlainText(text)
        self._original = text
        self._emit = emit
        self.setTabChangesFocus(True)
        self.setFixedHeight(90)

    def focusOutEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        super().focusOutEvent(event)
        self.commit()

    def commit(self) -> None:
        text = self.toPlainText()
        if text != self._original:
            self._original = text
            self._emit(text)


class _ColorEdit(QWidget):
    def __init__(self, value: str | None, emit: Any):
        super().__init__()
        self._emit = emit
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.button = QPushButton(value or self.tr("Kind default"))
        self.button.clicked.connect(self._choose)
        clear = QPushButton(self.tr("Reset"))
        clear.clicked.connect(lambda: emit(None))
        layout.addWidget(self.button, 1)
        layout.addWidget(clear)
        if value:
            self.button.setStyleSheet(f"background-color: {value};")

    def _choose(self) -> None:
        color = QColorDialog.getColor(parent=self)
        if color.isValid():
            self._emit(QColor(color).name())


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _split_tags(text: str) -> list[str]:
    return [tag.strip() for tag in text.split(",") if tag.strip()]
