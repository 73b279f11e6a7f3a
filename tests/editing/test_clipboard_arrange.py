"""Clipboard text (round trip, hostile input), Paste/duplicate with fresh ids, align and distribute."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commarch.editing import (
    AddElements,
    Document,
    Paste,
    align,
    distribute,
    duplicate,
    from_clipboard,
    new_element,
    parse_clipboard,
    to_clipboard,
)

from .support import check_round_trip, sample, text


def test_copy_paste_between_documents_gives_fresh_ids_and_remapped_relations() -> None:
    source = sample()
    clip = to_clipboard(source, ["c-news", "d-mkt", "s-presse", "unknown-id"])
    payload = from_clipboard(clip)
    assert payload is not None
    assert [e.id for e in payload.elements] == ["d-mkt", "c-news", "s-presse"]      # model order
    assert [r.id for r in payload.relations] == ["r3", "r5"]                       # only inner relations
    target = sample()
    command = Paste(target, payload, offset=(30, -10))
    check_round_trip(target, command)
    assert set(command.id_map) == {"d-mkt", "c-news", "s-presse", "r3", "r5"}
    new_dept = target.element(command.id_map["d-mkt"])
    assert (new_dept.x, new_dept.y, new_dept.label) == (30, 290, "Marketing")
    new_reach = target.relation(command.id_map["r5"])
    assert (new_reach.source, new_reach.target, new_reach.label) == (
        command.id_map["c-news"], command.id_map["s-presse"], "monatlich")
    assert target.element(command.id_map["s-presse"]).model_extra == {"x-future-element": "kept"}
    assert command.ids == tuple(command.id_map[i] for i in ("d-mkt", "c-news", "s-presse"))


def test_pasting_twice_gives_two_copies() -> None:
    doc = sample()
    payload = from_clipboard(to_clipboard(doc, ["c-fb", "s-kunden"]))
    assert payload is not None
    first = Paste(doc, payload)
    doc.execute(first)
    second = Paste(doc, payload)
    doc.execute(second)
    assert set(first.ids).isdisjoint(second.ids)
    assert doc.index_problems() == []


def test_duplicate_without_clipboard() -> None:
    doc = sample()
    command = duplicate(doc, ["d-lead", "d-pr"])
    check_round_trip(doc, command)
    assert command.text == "Duplicate" and len(command.relation_ids) == 1   # r6 coordinates


@pytest.mark.parametrize("clip", [
    None, 5, "", "hello", "[]", "{}", '{"format": "comm"}',
    '{"format": "commarch-clipboard", "version": 2, "elements": [], "relations": []}',
    '{"format": "commarch-clipboard", "version": true, "elements": [], "relations": []}',
    '{"format": "commarch-clipboard", "version": 1, "elements": {}, "relations": []}',
    '{"format": "commarch-clipboard", "version": 1, "elements": [{"id": "a", "kind": "topic", "label": "A", '
    '"x": NaN}], "relations": []}',
    '{"format": "commarch-clipboard", "version": 1, "elements": [], "relations": [{"id": "r", "kind": '
    '"reaches", "source": "a", "target": "b"}]}',
    '{"format": "commarch-clipboard", "version": 1, "version": 1, "elements": [], "relations": []}',
    '{"format": "commarch-clipboard", "version": 1, "elements": [' + "[" * 5000 + "]" * 5000 + '], '
    '"relations": []}',
    '{"format": "commarch-clipboard", "version": 1, "elements": [{"id": "a", "kind": "topic", "label": '
    '"\ud800"}], "relations": []}',
    '{"format": "commarch-clipboard", "version": 1, "elements": [{"id": "a", "kind": "topic", "label": "A",'
    ' "x": 1' + "0" * 100000 + '}], "relations": []}',
    "x" * (17 * 1024 * 1024),
])
def test_hostile_clipboard_text_is_refused_quietly(clip: object) -> None:
    assert from_clipboard(clip) is None
    with pytest.raises(ValueError):
        parse_clipboard(clip)


def test_refusal_reasons_are_readable() -> None:
    clip = json.dumps({"format": "commarch-clipboard", "version": 1, "relations": [],
                       "elements": [{"id": "a", "kind": "stakeholder", "label": "A", "priority": "x"}]})
    with pytest.raises(ValueError, match=r"elements\[0\]\.priority: must be one of high, medium, low"):
        parse_clipboard(clip)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300) | st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20).map(lambda v: json.dumps({"format": "commarch-clipboard", "version": 1,
                                             "elements": v, "relations": v})))
def test_fuzzed_clipboard_text_never_raises(clip: str) -> None:
    payload = from_clipboard(clip)
    if payload is not None and payload.elements:
        doc = Document()
        doc.execute(Paste(doc, payload))
        assert doc.index_problems() == []


def _row(doc: Document) -> list[str]:
    elements = [new_element(doc, "topic", f"T{i}", x, y) for i, (x, y) in
                enumerate([(0, 0), (100, 40), (30, 80), (250, 10)])]
    doc.execute(AddElements(doc, elements))
    return [e.id for e in elements]


@pytest.mark.parametrize("edge, expect", [
    ("left", {"x": [0] * 4}), ("right", {"x": [250] * 4}), ("center", {"x": [125] * 4}),
    ("top", {"y": [0] * 4}), ("bottom", {"y": [80] * 4}), ("middle", {"y": [40] * 4}),
])
def test_align_points(edge: str, expect: dict[str, list[float]]) -> None:
    doc = Document()
    ids = _row(doc)
    command = align(doc, ids, edge)
    assert command is not None
    check_round_trip(doc, command)
    for axis, values in expect.items():
        assert [getattr(doc.element(i), axis) for i in ids] == values


def test_align_uses_sizes_for_edges() -> None:
    doc = Document()
    ids = _row(doc)
    sizes = {ids[0]: (40, 20), ids[1]: (100, 20), ids[2]: (60, 20), ids[3]: (20, 20)}
    command = align(doc, ids, "left", sizes.__getitem__)
    assert command is not None
    doc.execute(command)
    lefts = {doc.element(i).x - sizes[i][0] / 2 for i in ids}
    assert lefts == {-20}
    assert align(doc, ids, "left", sizes.__getitem__) is None          # already aligned: no empty step
    assert align(doc, ids[:1], "left") is None
    with pytest.raises(ValueError):
        align(doc, ids, "diagonal")


def test_distribute_spaces_evenly_and_keeps_the_ends() -> None:
    doc = Document()
    ids = _row(doc)
    command = distribute(doc, ids, "horizontal")
    assert command is not None
    check_round_trip(doc, command)
    xs = sorted(doc.element(i).x for i in ids)
    assert xs == [0, 250 / 3, 500 / 3, 250]
    sizes = {ids[0]: (10, 10), ids[1]: (50, 10), ids[2]: (30, 10), ids[3]: (10, 10)}
    doc.execute(distribute(doc, ids, "vertical", sizes.__getitem__))  # type: ignore[arg-type]
    boxes = sorted((doc.element(i).y - sizes[i][1] / 2, doc.element(i).y + sizes[i][1] / 2) for i in ids)
    gaps = [round(b[0] - a[1], 9) for a, b in zip(boxes, boxes[1:], strict=False)]
    assert len(set(gaps)) == 1
    assert distribute(doc, ids[:2], "horizontal") is None
    assert text(doc)
