"""CSV pair: round trip, formula neutralising, workshop input, and bad rows reported by line."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commarch.interchange import InterchangeError, csv_paths, csv_to_model, model_to_csv
from commarch.interchange.cells import neutralise, unneutralise

from .conftest import same_graph

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens UTF-8 correctly
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_round_trip_is_equal(model):
    elements, relations = model_to_csv(model)
    back = csv_to_model(elements, relations)
    assert same_graph(back, model)


def test_round_trip_without_bom_and_with_semicolons(model):
    elements, relations = model_to_csv(model)
    # What a German Excel "save as CSV" gives: ';' delimiter, no BOM.
    def resave(data: bytes) -> bytes:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        out = io.StringIO()
        csv.writer(out, delimiter=";").writerows(rows)
        return out.getvalue().encode("utf-8")

    assert same_graph(csv_to_model(resave(elements), resave(relations)), model)


def test_written_cells_are_neutralised(model):
    elements, relations = model_to_csv(model)
    for data, text_columns in ((elements, ("id", "label", "notes", "tags", "platform", "kpi")),
                               (relations, ("id", "source", "target", "label", "notes", "cadence"))):
        for row in _rows(data):
            for column in text_columns:
                cell = row[column]
                assert not cell.startswith(FORMULA_STARTS), (column, cell)


def test_formula_label_is_escaped_in_the_file():
    from .conftest import hostile_model

    elements, _ = model_to_csv(hostile_model())
    labels = [row["label"] for row in _rows(elements)]
    assert "'=SUM(A1)" in labels and "'-5" in labels and "'+49 Hotline" in labels
    assert "''=already quoted" in labels  # one more apostrophe, so the round trip keeps the original


@given(st.text())
def test_neutralise_round_trips_and_is_safe(text):
    escaped = neutralise(text)
    assert unneutralise(escaped) == text
    assert not escaped.startswith(FORMULA_STARTS)


def test_header_has_every_column():
    from commarch.model import CommModel

    elements, relations = model_to_csv(CommModel.empty())
    header = elements.decode("utf-8-sig").splitlines()[0].split(",")
    assert header[:8] == ["id", "kind", "label", "x", "y", "notes", "tags", "color"]
    assert {"priority", "needs_dialog", "influence", "channel_type", "two_way", "function",
            "coordinator", "kpi"} <= set(header)
    assert relations.decode("utf-8-sig").splitlines()[0].split(",") == [
        "id", "kind", "source", "target", "label", "notes", "role", "cadence"]


def test_csv_paths_convention():
    assert csv_paths("out/model.csv") == ("out/model.csv", "out/model.relations.csv")
    assert csv_paths("model.relations.csv") == ("model.csv", "model.relations.csv")


def test_workshop_input():
    elements = (
        "Typ;Bezeichnung;priority;x\n"
        "Abteilung;Öffentlichkeitsarbeit;;\n"
        "KANAL;Facebook;;\n"
        "stakeholder;Kunden;High;\n"
        "Stakeholder;Presse;low;12,5\n"
        "Ziel;Mehr Umsatz;;\n"
    ).encode("cp1252")
    relations = "source,target,kind\nÖffentlichkeitsarbeit,Facebook,\nFacebook,kunden,erreicht\n".encode()
    model = csv_to_model(elements, relations)
    ids = [e.id for e in model.elements]
    assert ids[0] == "d-oeffentlichkeitsarbeit" and ids[1] == "c-facebook"
    assert [e.kind for e in model.elements] == ["department", "channel", "stakeholder", "stakeholder", "goal"]
    assert model.elements[2].priority == "high"
    assert [(r.kind, r.source, r.target) for r in model.relations] == [
        ("operates", "d-oeffentlichkeitsarbeit", "c-facebook"), ("reaches", "c-facebook", "s-kunden")]
    positions = {(e.x, e.y) for e in model.elements}
    assert len(positions) == len(model.elements)  # laid out on a grid, nothing stacked


def test_bad_rows_are_all_reported_with_line_numbers():
    elements = (
        b"id,kind,label,priority,influence,two_way\n"
        b"s1,stakeholder,Kunden,urgent,,\n"
        b"\n"
        b"c1,channel,Web,,,maybe\n"
        b"x1,gadget,Thing,,,\n"
        b"s2,stakeholder,Presse,,9,\n"
        b"s1,stakeholder,Again,,,\n"
    )
    relations = b"id,kind,source,target,role\nr1,reaches,c1,nobody,\nr2,operates,c1,s2,boss\n"
    with pytest.raises(InterchangeError) as info:
        csv_to_model(elements, relations, "elements.csv", "relations.csv")
    lines = info.value.lines()
    expected = [
        "elements.csv: line 2: priority: must be one of high, medium, low (got 'urgent')",
        "elements.csv: line 4: two_way: must be true or false (got 'maybe')",
        "elements.csv: line 5: kind: must be one of",
        "relations.csv: line 2: target: no element with id or label 'nobody'",
        "relations.csv: line 3: role: must be one of lead, contributor (got 'boss')",
    ]
    for start in expected:
        assert any(line.startswith(start) for line in lines), (start, lines)
    assert lines == sorted(lines, key=lambda s: (s.split(":")[0] != "elements.csv",
                                                 int(s.split("line ")[1].split(":")[0])))


def test_model_rules_are_reported_by_line():
    # Values that parse but break the format (rating range, duplicate id) come back with line numbers.
    elements = b"id,kind,label,influence\ns1,stakeholder,A,9\ns1,stakeholder,B,\n"
    with pytest.raises(InterchangeError) as info:
        csv_to_model(elements, None, "e.csv")
    lines = info.value.lines()
    assert "e.csv: line 2: influence: must be an integer from 1 to 5" in lines
    assert any(line.startswith("e.csv: line 3: id: duplicate id 's1'") for line in lines)


def test_unknown_column_and_bad_quotes():
    with pytest.raises(InterchangeError, match="unknown column"):
        csv_to_model(b"id,kind,label,prioirty\n", None)
    with pytest.raises(InterchangeError, match="line 2: not valid CSV"):
        csv_to_model(b'id,kind,label\n"s1,stakeholder,A\n', None)
