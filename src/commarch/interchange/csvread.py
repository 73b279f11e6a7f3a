"""CSV import: workshop spreadsheets (elements + optional relations file) into a validated model."""

from __future__ import annotations

import os
import re
import unicodedata
from typing import Any

from commarch.model import ELEMENT_KINDS, CommModel, Problem, allowed_relation_kinds

from .build import build_model, place_missing, raw_document
from .cells import decode, read_rows
from .csvfiles import csv_paths
from .errors import InterchangeError, ProblemList
from .schema import (
    ELEMENT_COLUMN_BY_NAME,
    ELEMENT_KIND_ALIASES,
    RELATION_COLUMN_BY_NAME,
    RELATION_KIND_ALIASES,
    Column,
    applies,
    normalise_kind,
    parse_value,
)

MAX_BYTES = 64 * 1024 * 1024
# German and common header names a workshop sheet may use.
HEADER_ALIASES = {
    "bezeichnung": "label", "name": "label", "titel": "label", "typ": "kind", "art": "kind", "type": "kind",
    "notiz": "notes", "notizen": "notes", "note": "notes", "farbe": "color", "colour": "color",
    "schlagworte": "tags", "tag": "tags", "von": "source", "from": "source", "nach": "target", "to": "target",
    "rolle": "role", "prioritaet": "priority", "priorität": "priority",
}
_ID_CHARS = re.compile(r"[^A-Za-z0-9_.:-]+")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def read_bytes(path: str) -> bytes:
    """The file's bytes; unreadable, folder or oversized files raise InterchangeError."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise InterchangeError(path, [Problem("", "is a folder, not a file")]) from None
    except OSError as exc:
        raise InterchangeError(path, [Problem("", f"cannot be read: {exc.strerror or exc}")]) from None
    if len(data) > MAX_BYTES:
        raise InterchangeError(path, [Problem("", f"is larger than {MAX_BYTES // (1024 * 1024)} MiB")])
    return data


def csv_to_model(elements: bytes, relations: bytes | None = None, name: str = "elements.csv",
                 relations_name: str = "relations.csv") -> CommModel:
    """Build a model from CSV bytes; raises InterchangeError listing every bad row by line number."""
    problems = ProblemList()
    reader = _Reader(problems, name, relations_name)
    element_dicts = reader.elements(_table(elements, name, problems, ELEMENT_COLUMN_BY_NAME, ("kind",)))
    relation_dicts = reader.relations(
        _table(relations, relations_name, problems, RELATION_COLUMN_BY_NAME, ("source", "target"))
    ) if relations else []
    # Earlier problems are kept: the model check still runs, so every problem is reported at once.
    return build_model(raw_document(element_dicts, relation_dicts), name, reader.locate, problems)


def load_csv(path: str) -> CommModel:
    """Import a CSV pair from either file's path; the relations file is optional."""
    elements_path, relations_path = csv_paths(os.fspath(path))
    relations = read_bytes(relations_path) if os.path.exists(relations_path) else None
    return csv_to_model(read_bytes(elements_path), relations, elements_path, relations_path)


def _table(data: bytes, name: str, problems: ProblemList, known: dict[str, Column],
           required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """Rows as {column: cell}; header problems are reported and give no rows."""
    try:
        rows = read_rows(decode(data))
    except ValueError as exc:
        problems.add(name, "", str(exc))
        return []
    if not rows:
        return []
    header_line, header = rows[0]
    names = [HEADER_ALIASES.get(h.strip().lower(), h.strip().lower()) for h in header]
    bad = [h for h, n in zip(header, names, strict=True) if n not in known and n]
    if bad:
        problems.add(name, f"line {header_line}", f"unknown column(s) {', '.join(map(repr, bad))} "
                     f"(known: {', '.join(known)})")
        return []
    missing = [r for r in required if r not in names]
    if missing:
        problems.add(name, f"line {header_line}", f"needs column(s) {', '.join(map(repr, missing))}")
        return []
    if len(set(names) - {""}) < len([n for n in names if n]):
        problems.add(name, f"line {header_line}", "has a column twice")
        return []
    table = []
    for line, cells in rows[1:]:
        if len(cells) > len(names) and any(c.strip() for c in cells[len(names):]):
            problems.add(name, f"line {line}", f"has {len(cells)} cells but the header has {len(names)}")
            continue
        table.append((line, {n: c for n, c in zip(names, cells, strict=False) if n}))
    return table


class _Reader:
    def __init__(self, problems: ProblemList, name: str, relations_name: str):
        self.problems = problems
        self.name = name
        self.relations_name = relations_name
        self.element_lines: list[int] = []
        self.relation_lines: list[int] = []
        self.kinds: dict[str, str] = {}
        self.by_label: dict[str, list[str]] = {}
        self.broken: set[str] = set()

    def locate(self, collection: str, index: int) -> tuple[str, str]:
        if collection == "elements":
            return self.name, f"line {self.element_lines[index]}"
        return self.relations_name, f"line {self.relation_lines[index]}"

    def _typed(self, file: str, line: int, row: dict[str, str], columns: dict[str, Column],
               kind: str, skip: tuple[str, ...]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, cell in row.items():
            if name in skip or cell == "":
                continue  # an empty cell means "unset": the format's default applies
            column = columns[name]
            if not applies(column, kind):
                self.problems.add(file, f"line {line}: {name}", f"does not apply to a {kind}")
                continue
            try:
                out[name] = parse_value(column, cell)
            except ValueError as exc:
                self.problems.add(file, f"line {line}: {name}", str(exc))
        return out

    def elements(self, table: list[tuple[int, dict[str, str]]]) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = []
        taken = {row.get("id", "").strip() for _, row in table} - {""}
        for line, row in table:
            kind = normalise_kind(row.get("kind", ""), ELEMENT_KIND_ALIASES)
            element_id = row.get("id", "").strip()
            label = row.get("label", "")
            if kind is None:
                self.problems.add(self.name, f"line {line}: kind",
                                  f"must be one of {', '.join(ELEMENT_KINDS)} (got {row.get('kind', '')!r})")
                self.broken.add(element_id or label.strip())
                continue
            if not element_id and not label.strip():
                self.problems.add(self.name, f"line {line}", "needs an id or a label")
                continue
            if not element_id:
                element_id = _new_id(kind, label, taken)
            item: dict[str, Any] = {"id": element_id, "kind": kind, "label": label or element_id}
            item.update(self._typed(self.name, line, row, ELEMENT_COLUMN_BY_NAME, kind,
                                    ("id", "kind", "label")))
            result.append(item)
            self.element_lines.append(line)
            self.kinds.setdefault(element_id, kind)
            self.by_label.setdefault(item["label"].strip().lower(), []).append(element_id)
        place_missing(result)
        return result

    def _endpoint(self, line: int, end: str, text: str) -> str | None:
        ref = text.strip()
        if ref in self.kinds:
            return ref
        if ref in self.broken:
            return None  # already reported on its own row
        matches = self.by_label.get(ref.lower(), [])
        if len(matches) == 1:
            return matches[0]  # workshop sheets name elements by label
        reason = (f"{len(matches)} elements are labelled {ref!r}; use an id" if matches
                  else f"no element with id or label {ref!r}" if ref else "is required")
        self.problems.add(self.relations_name, f"line {line}: {end}", reason)
        return None

    def relations(self, table: list[tuple[int, dict[str, str]]]) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = []
        taken = set(self.kinds) | {row.get("id", "").strip() for _, row in table} - {""}
        counter = 0
        for line, row in table:
            source = self._endpoint(line, "source", row.get("source", ""))
            target = self._endpoint(line, "target", row.get("target", ""))
            kind_text = row.get("kind", "")
            kind = normalise_kind(kind_text, RELATION_KIND_ALIASES)
            if not kind_text.strip():
                if source is None or target is None:
                    continue  # the endpoint was reported; no kind to guess
                fitting = allowed_relation_kinds(self.kinds[source], self.kinds[target])
                kind = fitting[0] if len(fitting) == 1 else None  # the kind table makes each pair unique
            if kind is None:
                self.problems.add(self.relations_name, f"line {line}: kind",
                                  f"must be a relation kind (got {kind_text!r})" if kind_text.strip()
                                  else "is required (no relation kind fits these endpoints)")
                continue
            if source is None or target is None:
                continue
            relation_id = row.get("id", "").strip()
            while not relation_id:  # given ids are kept even if duplicate: the model reports those
                counter += 1
                relation_id = f"r{counter}" if f"r{counter}" not in taken else ""
            taken.add(relation_id)
            item: dict[str, Any] = {"id": relation_id, "kind": kind, "source": source, "target": target}
            item.update(self._typed(self.relations_name, line, row, RELATION_COLUMN_BY_NAME, kind,
                                    ("id", "kind", "source", "target")))
            result.append(item)
            self.relation_lines.append(line)
        return result


def _new_id(kind: str, label: str, taken: set[str]) -> str:
    """A readable id from the label (umlauts spelled out), unique in the file."""
    text = unicodedata.normalize("NFKD", label.translate(_UMLAUTS)).encode("ascii", "ignore").decode()
    slug = _ID_CHARS.sub("-", text.lower()).strip("-.:")[:50] or kind
    base = f"{kind[0]}-{slug}"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate
