"""Coverage and responsibility matrices, and their CSV form."""

from __future__ import annotations

import csv
import io

from commarch.interchange import coverage_matrix, matrix_to_csv, responsibility_matrix

from .conftest import hostile_model


def test_coverage_matches_reaches_relations(model):
    matrix = coverage_matrix(model)
    assert matrix.row_ids == tuple(e.id for e in model.elements if e.kind == "channel")
    assert matrix.column_ids == tuple(e.id for e in model.elements if e.kind == "stakeholder")
    reaches = {(r.source, r.target) for r in model.relations if r.kind == "reaches"}
    ones = {(c, s) for c in matrix.row_ids for s in matrix.column_ids if matrix.cell(c, s) == 1}
    assert ones == reaches
    assert all(v in (0, 1) for row in matrix.cells for v in row)


def test_responsibility_shows_roles(model):
    matrix = responsibility_matrix(model)
    expected = {(r.source, r.target): r.role for r in model.relations if r.kind == "operates"}
    found = {(d, c): matrix.cell(d, c) for d in matrix.row_ids for c in matrix.column_ids
             if matrix.cell(d, c)}
    assert found == expected


def test_matrix_csv_is_neutralised_and_readable():
    model = hostile_model()
    rows = list(csv.reader(io.StringIO(matrix_to_csv(responsibility_matrix(model)).decode("utf-8-sig"))))
    assert rows[0][0] == "department \\ channel" and rows[0][1:] == ["'-5", "'+49 Hotline"]
    assert rows[1] == ["'=SUM(A1)", "contributor", ""]
    assert rows[2] == ["Marketing, Vertrieb", "lead", ""]
    coverage = list(csv.reader(io.StringIO(matrix_to_csv(coverage_matrix(model), use_labels=False)
                                           .decode("utf-8-sig"))))
    assert coverage[0] == ["channel \\ stakeholder", "s-kunden", "s-press"]
    assert coverage[1] == ["'-c1", "1", "0"]
