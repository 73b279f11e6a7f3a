"""CSV interchange: a model as a pair of files, `NAME.csv` (elements) and `NAME.relations.csv`."""

from __future__ import annotations

import os
from typing import Any

from commarch.model import CommModel

from .cells import write_rows
from .schema import ELEMENT_COLUMNS, RELATION_COLUMNS, Column, applies, format_value

RELATIONS_SUFFIX = ".relations.csv"


def csv_paths(path: str) -> tuple[str, str]:
    """(elements file, relations file) for a path naming either of the pair."""
    lower = path.lower()
    if lower.endswith(RELATIONS_SUFFIX):
        stem = path[: -len(RELATIONS_SUFFIX)]
        return stem + ".csv", path
    stem = path[:-4] if lower.endswith(".csv") else path
    return stem + ".csv", stem + RELATIONS_SUFFIX


def _numeric(columns: tuple[Column, ...]) -> frozenset[int]:
    return frozenset(i for i, c in enumerate(columns) if c.type in ("int", "double"))


def _cells(obj: Any, columns: tuple[Column, ...]) -> list[str]:
    # Every property that applies to the object's kind is written with its value (defaults too), so
    # a spreadsheet shows what the model means; the others stay empty.
    return [format_value(c, getattr(obj, c.name, None)) if applies(c, obj.kind) else "" for c in columns]


def elements_csv(model: CommModel) -> bytes:
    """The elements file: header of every column, one row per element, in model order."""
    rows = (_cells(e, ELEMENT_COLUMNS) for e in model.elements)
    return write_rows([c.name for c in ELEMENT_COLUMNS], rows, _numeric(ELEMENT_COLUMNS))


def relations_csv(model: CommModel) -> bytes:
    """The relations file: header of every column, one row per relation, in model order."""
    rows = (_cells(r, RELATION_COLUMNS) for r in model.relations)
    return write_rows([c.name for c in RELATION_COLUMNS], rows, _numeric(RELATION_COLUMNS))


def model_to_csv(model: CommModel) -> tuple[bytes, bytes]:
    """(elements CSV, relations CSV) bytes."""
    return elements_csv(model), relations_csv(model)


def write_csv_pair(model: CommModel, path: str) -> tuple[str, str]:
    """Write both files atomically (each to a temp file, then replaced); returns their paths."""
    from commarch.fileformat import write_atomic

    elements_path, relations_path = csv_paths(os.fspath(path))
    elements, relations = model_to_csv(model)  # both fully built before anything touches the disk
    write_atomic(elements_path, elements)
    write_atomic(relations_path, relations)
    return elements_path, relations_path
