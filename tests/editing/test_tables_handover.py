"""The lookup tables the loader builds are handed to the document, and only when they fit its model."""

from __future__ import annotations

from pathlib import Path

from commarch import fileformat
from commarch.editing import Document, RemoveElements
from commarch.editing.index import ModelIndex
from commarch.model import CommModel, Department, Stakeholder
from commarch.model.tables import build_tables

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources/examples/avantgarde-as-is.comm"


def snapshot(index: ModelIndex) -> tuple[object, ...]:
    return (index.elements.by_id, index.relations.by_id, index.by_key, index.by_endpoint,
            [index.elements.position(i) for i in index.elements.by_id],
            [index.relations.position(i) for i in index.relations.by_id])


def test_open_takes_over_the_loaders_tables() -> None:
    model, tables = fileformat.load_indexed(EXAMPLE)
    assert tables is not None and tables.consistent  # the example takes the quick path
    doc = Document(model, EXAMPLE, validated=True, tables=tables)
    assert doc._index.by_endpoint is tables.by_endpoint  # taken over, not rebuilt
    assert snapshot(doc._index) == snapshot(ModelIndex(fileformat.load(EXAMPLE)))


def test_open_indexes_like_a_fresh_document() -> None:
    opened = Document.open(EXAMPLE)
    fresh = Document(fileformat.load(EXAMPLE), EXAMPLE)
    assert snapshot(opened._index) == snapshot(fresh._index)
    # and it edits the same way afterwards
    for doc in (opened, fresh):
        first = doc.model.elements[0].id
        doc.execute(RemoveElements(doc, [first]))
    assert snapshot(opened._index) == snapshot(fresh._index)


def test_tables_of_other_lists_are_not_used() -> None:
    model, tables = fileformat.load_indexed(EXAMPLE)
    other = fileformat.load(EXAMPLE)
    doc = Document(other, EXAMPLE, validated=True, tables=tables)  # tables of another model's lists
    assert doc._index.by_endpoint is not tables.by_endpoint
    assert snapshot(doc._index) == snapshot(ModelIndex(fileformat.load(EXAMPLE)))


def test_tables_of_a_list_changed_since_are_not_used() -> None:
    model = CommModel.empty()
    model.elements.extend([Stakeholder(id="s", label="S"), Department(id="d", label="D")])
    tables = build_tables(model.elements, model.relations)
    model.elements.append(Stakeholder(id="t", label="T"))  # the tables no longer describe the list
    doc = Document(model, validated=True, tables=tables)
    assert "t" in doc._index.elements
    doc.execute(RemoveElements(doc, ["t"]))
    assert "t" not in doc._index.elements


def test_reload_keeps_the_index_right() -> None:
    doc = Document.open(EXAMPLE)
    doc.execute(RemoveElements(doc, [doc.model.elements[0].id]))
    doc.reload()
    assert snapshot(doc._index) == snapshot(ModelIndex(fileformat.load(EXAMPLE)))
