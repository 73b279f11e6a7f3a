"""Copy and paste: clipboard JSON for a selection, strict parsing of it, and the Paste command."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from commarch.fileformat.jsonparse import JsonProblem, parse_json
from commarch.model import CommModel, ElementBase, RelationBase, check_model

from .command import validation_reason
from .element_commands import AddElements

if TYPE_CHECKING:
    from .document import Document

CLIPBOARD_FORMAT = "commarch-clipboard"
CLIPBOARD_VERSION = 1
MAX_CLIPBOARD_CHARS = 16 * 1024 * 1024
# Also the MIME type a GUI may put next to text/plain, so other apps do not try to paste it as text.
CLIPBOARD_MIME = "application/x-commarch-clipboard+json"


@dataclass(frozen=True)
class ClipboardPayload:
    """Validated elements and the relations among them, as copied (ids still the original ones)."""

    elements: tuple[ElementBase, ...]
    relations: tuple[RelationBase, ...]


def selection_payload(doc: Document, ids: Iterable[str]) -> ClipboardPayload:
    """The elements `ids` (model order) and every relation with both ends among them. O(selection)."""
    wanted = {i for i in ids if doc.get_element(i) is not None}
    elements = sorted(wanted, key=doc.element_position)
    relation_ids = {r.id for e in wanted for r in doc.relations_of(e)
                    if r.source in wanted and r.target in wanted}
    relations = sorted(relation_ids, key=doc.relation_position)
    return ClipboardPayload(tuple(doc.element(e) for e in elements),
                            tuple(doc.relation(r) for r in relations))


def to_clipboard(doc: Document, ids: Iterable[str]) -> str:
    """The selection as clipboard JSON text (unknown ids are ignored)."""
    payload = selection_payload(doc, ids)
    return json.dumps({
        "format": CLIPBOARD_FORMAT,
        "version": CLIPBOARD_VERSION,
        "elements": [e.model_dump(exclude_unset=True) for e in payload.elements],
        "relations": [r.model_dump(exclude_unset=True) for r in payload.relations],
    }, ensure_ascii=False, indent=1)


def parse_clipboard(text: object) -> ClipboardPayload:
    """Strictly validate clipboard text; ValueError with a one-line reason for anything else."""
    if not isinstance(text, str):
        raise ValueError("the clipboard holds no text")
    if len(text) > MAX_CLIPBOARD_CHARS:
        raise ValueError("the clipboard text is too large")
    if not text.lstrip(" \t\r\n").startswith("{"):
        # Also keeps bare scalars away from parse_json, which fails on them with a TypeError.
        raise ValueError("not commarch clipboard data")
    try:
        raw = parse_json(text.encode("utf-8"))
    except UnicodeEncodeError:
        raise ValueError("the clipboard text is not valid Unicode") from None
    except JsonProblem as exc:
        raise ValueError(f"not commarch clipboard data: {exc}") from None
    except (TypeError, RecursionError, MemoryError):
        raise ValueError("not commarch clipboard data") from None
    if not isinstance(raw, dict) or raw.get("format") != CLIPBOARD_FORMAT:
        raise ValueError("not commarch clipboard data")
    if raw.get("version") != CLIPBOARD_VERSION or type(raw.get("version")) is not int:
        raise ValueError(f"clipboard data of an unknown version {str(raw.get('version'))[:20]}")
    body = {"format": "comm", "version": 1, "elements": raw.get("elements"),
            "relations": raw.get("relations")}
    try:
        model = CommModel.model_validate(body)
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        reason = validation_reason(exc, body) if hasattr(exc, "errors") else str(exc)
        raise ValueError(f"invalid clipboard data: {reason[:300]}") from None
    except RecursionError:
        raise ValueError("invalid clipboard data: nested too deeply") from None
    problems = check_model(model.elements, model.relations)
    if problems:
        raise ValueError(f"invalid clipboard data: {problems[0]}")
    return ClipboardPayload(tuple(model.elements), tuple(model.relations))


def from_clipboard(text: object) -> ClipboardPayload | None:
    """The payload of clipboard text, or None for anything that is not valid commarch clipboard data."""
    try:
        return parse_clipboard(text)
    except ValueError:
        return None


class Paste(AddElements):
    """Add a payload with fresh ids (`kind-N`), relations remapped, positions shifted by `offset`.

    `id_map` maps each copied id to its new id (the GUI selects `ids` after pasting).
    """

    def __init__(self, doc: Document, payload: ClipboardPayload, offset: tuple[float, float] = (20, 20),
                 text: str | None = None):
        dx, dy = offset
        self.id_map: dict[str, str] = {}
        elements = []
        for element in payload.elements:
            new_id = doc.new_id(element.kind)
            self.id_map[element.id] = new_id
            moved = {"id": new_id, "x": element.x + dx, "y": element.y + dy}
            elements.append(element.model_copy(update=moved))
        relations = []
        for relation in payload.relations:
            if relation.source in self.id_map and relation.target in self.id_map:
                new_id = doc.new_id(relation.kind)
                self.id_map[relation.id] = new_id
                ends = {"source": self.id_map[relation.source], "target": self.id_map[relation.target]}
                relations.append(relation.model_copy(update={"id": new_id, **ends}))
        super().__init__(doc, elements, relations=relations, text=text or "Paste")


def duplicate(doc: Document, ids: Iterable[str], offset: tuple[float, float] = (20, 20)) -> Paste:
    """Duplicate the selection in place (no clipboard involved): a Paste of it, shifted by `offset`."""
    return Paste(doc, selection_payload(doc, ids), offset, text="Duplicate")
