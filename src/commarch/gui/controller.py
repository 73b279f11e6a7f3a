"""Turns user intents (ids and values from canvas, palette, inspector, menus) into undoable commands."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QMimeData, QObject, QPoint, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QUndoStack
from PySide6.QtWidgets import QMenu, QWidget

from commarch import editing
from commarch.editing import (
    CLIPBOARD_MIME,
    AddElements,
    Command,
    Connect,
    Document,
    Macro,
    Move,
    RemoveElements,
    RemoveRelations,
    SetElementProperty,
    SetMeta,
    SetRelationProperty,
)
from commarch.model import allowed_relation_kinds

from .i18n import compose
from .texts import FIELD_NAMES, KIND_NAMES, RELATION_NAMES, tr_name
from .undo import push


class EditController(QObject):
    """Owns the document's QUndoStack. Every edit of the window goes through here.

    `message(str)` reports why an edit was refused (shown in the status bar); `added(ids)` tells the
    window which elements were just created, so it can select them and start renaming.
    """

    message = Signal(str)
    added = Signal(list)

    def __init__(self, doc: Document, parent: QObject | None = None, stack: QUndoStack | None = None):
        super().__init__(parent)
        self.doc = doc
        self.stack = stack if stack is not None else QUndoStack(self)

    def set_document(self, doc: Document) -> None:
        self.doc = doc
        self.stack.clear()

    # the one place commands are pushed -------------------------------------------------------------
    def run(self, build: Callable[[], Command | None]) -> bool:
        """Build a command (its constructor validates) and push it; a refusal becomes a message."""
        try:
            command = build()
        except ValueError as exc:
            self.message.emit(self.explain(str(exc)))
            return False
        if command is None:
            return False
        push(self.stack, command)
        return True

    def explain(self, reason: str) -> str:
        """The editing layer's refusal in the UI language: the common ones word for word, the rest
        (rare, technical) behind a translated lead-in."""
        detail = re.sub(r"^\w+ '.*?': ", "", reason)  # "topic 'T': label: …" names the element first
        if detail == "label: must not be empty":
            return self.tr("A label must not be empty.")
        match = re.fullmatch(r"label: must be at most (\d+) characters \(has (\d+)\)", detail)
        if match:
            return (self.tr("A label can have at most %1 characters (this one has %2).")
                    .replace("%1", match[1]).replace("%2", match[2]))
        if detail.startswith("color: "):
            return self.tr("A colour is written as #rrggbb, e.g. #0072B2.")
        return self.tr("Not possible: %1").replace("%1", reason)

    # elements ----------------------------------------------------------------------------------------
    def add_element(self, kind: str, x: float, y: float, label: str | None = None,
                    **properties: Any) -> str | None:
        text = label if label else tr_name(KIND_NAMES, kind)
        built: list[AddElements] = []

        def build() -> Command:
            element = editing.new_element(self.doc, kind, text, x, y, **properties)
            built.append(AddElements(self.doc, [element], text=compose(self.tr("Add %1"), text)))
            return built[0]

        if self.run(build):
            new_id = built[0].ids[0] if hasattr(built[0], "ids") else self.doc.model.elements[-1].id
            self.added.emit([new_id])
            return new_id
        return None

    def rename(self, element_id: str, label: str) -> None:
        label = label.strip()
        if label and self.doc.get_element(element_id) is not None:
            if self.doc.element(element_id).label != label:
                self.run(lambda: SetElementProperty(self.doc, element_id, "label", label, text=self.tr("Rename")))

    def set_property(self, target: str, item_id: str, key: str, value: Any) -> None:
        # the undo text names the field in the UI language (History dock, Edit ▸ Undo …)
        text = compose(self.tr("Change %1"), tr_name(FIELD_NAMES, key), names=(1,))
        if target == "element":
            self.run(lambda: SetElementProperty(self.doc, item_id, key, value, text=text))
        elif target == "relation":
            self.run(lambda: SetRelationProperty(self.doc, item_id, key, value, text=text))
        elif target == "meta":
            self.run(lambda: SetMeta(self.doc, {key: value}, text=text))

    def move(self, positions: dict[str, tuple[float, float]]) -> None:
        known = {i: p for i, p in positions.items() if self.doc.get_element(i) is not None}
        if known:
            self.run(lambda: Move(self.doc, known, text=self.tr("Move")))

    def delete(self, element_ids: Sequence[str], relation_ids: Sequence[str] = ()) -> None:
        element_ids = [i for i in element_ids if self.doc.get_element(i) is not None]
        gone = {r.id for e in element_ids for r in self.doc.relations_of(e)}
        relation_ids = [r for r in relation_ids if r not in gone and self.doc.get_relation(r) is not None]
        if not element_ids and not relation_ids:
            return

        def build() -> Command:
            if element_ids and relation_ids:
                return Macro(self.doc, self.tr("Delete"), [
                    RemoveRelations(self.doc, relation_ids), RemoveElements(self.doc, element_ids)])
            if element_ids:
                text = self.tr("Delete element") if len(element_ids) == 1 else \
                    compose(self.tr("Delete %1 elements"), str(len(element_ids)))
                return RemoveElements(self.doc, element_ids, text=text)
            text = self.tr("Delete relation") if len(relation_ids) == 1 else \
                compose(self.tr("Delete %1 relations"), str(len(relation_ids)))
            return RemoveRelations(self.doc, relation_ids, text=text)

        self.run(build)

    # relations --------------------------------------------------------------------------------------
    def connect(self, source: str, target: str, anchor: QWidget | None = None,
                kind: str | None = None) -> bool:
        """Connect two elements: one allowed kind is created at once, several open a small chooser."""
        src, dst = self.doc.get_element(source), self.doc.get_element(target)
        if src is None or dst is None or source == target:
            return False
        kinds = [k for k in allowed_relation_kinds(src.kind, dst.kind)
                 if self.doc.find_relation(k, source, target) is None]
        if kind is None:
            if not allowed_relation_kinds(src.kind, dst.kind):
                self.message.emit(self.tr("A %1 cannot be connected to a %2.")
                                  .replace("%1", tr_name(KIND_NAMES, src.kind))
                                  .replace("%2", tr_name(KIND_NAMES, dst.kind)))
                return False
            if not kinds:
                self.message.emit(self.tr("These two are already connected."))
                return False
            kind = kinds[0] if len(kinds) == 1 else self.choose_kind(kinds, anchor)
            if kind is None:
                return False
        text = compose(self.tr("Connect (%1)"), tr_name(RELATION_NAMES, kind), names=(1,))
        return self.run(lambda: Connect(self.doc, source, target, kind, text=text))

    def choose_kind(self, kinds: Sequence[str], anchor: QWidget | None) -> str | None:
        menu = QMenu(anchor)
        menu.setAccessibleName(self.tr("Choose the kind of relation"))
        for kind in kinds:
            menu.addAction(tr_name(RELATION_NAMES, kind)).setData(kind)
        chosen = menu.exec(QCursor.pos() if anchor is None else anchor.mapToGlobal(QPoint(0, 0)) + QPoint(40, 40))
        return chosen.data() if chosen is not None else None

    # clipboard ---------------------------------------------------------------------------------------
    def copy(self, ids: Iterable[str]) -> bool:
        ids = [i for i in ids if self.doc.get_element(i) is not None]
        if not ids:
            return False
        text = editing.to_clipboard(self.doc, ids)
        mime = QMimeData()
        mime.setData(CLIPBOARD_MIME, text.encode("utf-8"))
        mime.setText(text)
        QGuiApplication.clipboard().setMimeData(mime)
        return True

    def cut(self, ids: Sequence[str]) -> None:
        if self.copy(ids):
            self.run(lambda: RemoveElements(self.doc, list(ids), text=self.tr("Cut")))

    def paste(self, at: tuple[float, float] | None = None) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None:
            return
        raw = bytes(mime.data(CLIPBOARD_MIME)).decode("utf-8", "replace") if mime.hasFormat(CLIPBOARD_MIME) \
            else mime.text()
        payload = editing.from_clipboard(raw)
        if payload is None:
            self.message.emit(self.tr("The clipboard holds nothing commarch can paste."))
            return
        offset = (20.0, 20.0)
        if at is not None and payload.elements:
            xs = [e.x for e in payload.elements]
            ys = [e.y for e in payload.elements]
            offset = (at[0] - (min(xs) + max(xs)) / 2, at[1] - (min(ys) + max(ys)) / 2)
        built: list[editing.Paste] = []

        def build() -> Command:
            built.append(editing.Paste(self.doc, payload, offset, text=self.tr("Paste")))
            return built[0]

        if self.run(build):
            old_ids = {e.id for e in payload.elements}
            self.added.emit([new for old, new in built[0].id_map.items() if old in old_ids])

    def duplicate(self, ids: Sequence[str]) -> None:
        ids = [i for i in ids if self.doc.get_element(i) is not None]
        built: list[editing.Paste] = []

        def build() -> Command:
            built.append(editing.duplicate(self.doc, ids))
            built[0].text = self.tr("Duplicate")
            return built[0]

        if ids and self.run(build):
            self.added.emit([built[0].id_map[i] for i in ids if i in built[0].id_map])

    # arrange -----------------------------------------------------------------------------------------
    def align(self, ids: Sequence[str], edge: str, size_of: Callable[[str], tuple[float, float]]) -> None:
        self.run(lambda: _titled(editing.align(self.doc, ids, edge, size_of), self.tr("Align")))

    def distribute(self, ids: Sequence[str], axis: str, size_of: Callable[[str], tuple[float, float]]) -> None:
        self.run(lambda: _titled(editing.distribute(self.doc, ids, axis, size_of), self.tr("Distribute")))


def _titled(command: Command | None, text: str) -> Command | None:
    """Give a command built in editing/ (English text) its undo text in the UI language."""
    if command is not None:
        command.text = text
    return command
