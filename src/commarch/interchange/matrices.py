"""Matrices for the report and spreadsheets: channel x stakeholder coverage, department x channel roles."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Generic, TypeVar

from commarch.model import CommModel

from .cells import write_rows

T = TypeVar("T", int, str)


@dataclass(frozen=True, slots=True)
class Matrix(Generic[T]):
    """Rows x columns of cells, with the ids and labels of both axes (in model order)."""

    corner: str  # what the axes are, e.g. "channel \\ stakeholder"
    row_ids: tuple[str, ...]
    row_labels: tuple[str, ...]
    column_ids: tuple[str, ...]
    column_labels: tuple[str, ...]
    cells: tuple[tuple[T, ...], ...]

    def cell(self, row_id: str, column_id: str) -> T:
        return self.cells[self.row_ids.index(row_id)][self.column_ids.index(column_id)]


def _axis(model: CommModel, kind: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    elements = [e for e in model.elements if e.kind == kind]
    return tuple(e.id for e in elements), tuple(e.label for e in elements)


def coverage_matrix(model: CommModel) -> Matrix[int]:
    """Channels x stakeholders: 1 where the channel reaches the stakeholder, else 0."""
    channels, channel_labels = _axis(model, "channel")
    stakeholders, stakeholder_labels = _axis(model, "stakeholder")
    reached = {(r.source, r.target) for r in model.relations if r.kind == "reaches"}
    cells = tuple(tuple(int((c, s) in reached) for s in stakeholders) for c in channels)
    return Matrix("channel \\ stakeholder", channels, channel_labels, stakeholders, stakeholder_labels, cells)


def responsibility_matrix(model: CommModel) -> Matrix[str]:
    """Departments x channels: 'lead' or 'contributor' where the department operates the channel, else ''."""
    departments, department_labels = _axis(model, "department")
    channels, channel_labels = _axis(model, "channel")
    roles = {(r.source, r.target): str(getattr(r, "role", "lead")) for r in model.relations
             if r.kind == "operates"}
    cells = tuple(tuple(roles.get((d, c), "") for c in channels) for d in departments)
    return Matrix("department \\ channel", departments, department_labels, channels, channel_labels, cells)


def matrix_to_csv(matrix: Matrix[int] | Matrix[str], use_labels: bool = True) -> bytes:
    """CSV (UTF-8 with BOM): a header of column labels (or ids), one row per row label; text neutralised."""
    columns = matrix.column_labels if use_labels else matrix.column_ids
    rows = matrix.row_labels if use_labels else matrix.row_ids
    body = ([name, *(str(v) for v in values)] for name, values in zip(rows, matrix.cells, strict=True))
    numeric = frozenset(range(1, len(columns) + 1)) if all(
        isinstance(v, int) for r in matrix.cells for v in r) else frozenset()
    return write_rows([matrix.corner, *columns], body, numeric)


def write_matrix_csv(matrix: Matrix[int] | Matrix[str], path: str, use_labels: bool = True) -> None:
    """Write `matrix` atomically to `path`."""
    from commarch.fileformat import write_atomic

    write_atomic(os.fspath(path), matrix_to_csv(matrix, use_labels))
