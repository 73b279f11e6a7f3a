"""Element commands: add, remove (order and relations restored exactly), move, set property."""

from __future__ import annotations

import pytest

from commarch.editing import (
    AddElements,
    Document,
    ElementsMoved,
    Move,
    RemoveElements,
    SetElementProperty,
    new_element,
)

from .support import check_round_trip, sample, text


def test_add_appends_and_round_trips() -> None:
    doc = sample()
    press = new_element(doc, "stakeholder", "Fachpresse", 10, 20, priority="high", needs_dialog=True)
    _, after = check_round_trip(doc, AddElements(doc, [press]))
    assert doc.model.elements[-1].id == press.id
    assert '"priority": "high"' in after


def test_add_at_indexes_places_each_element_where_asked() -> None:
    doc = sample()
    a = new_element(doc, "topic", "A")
    b = new_element(doc, "goal", "B")
    check_round_trip(doc, AddElements(doc, [b, a], indexes=[3, 0]))
    ids = [e.id for e in doc.model.elements]
    assert ids[0] == a.id and ids[3] == b.id
    assert doc.element_position(b.id) == 3


@pytest.mark.parametrize("indexes", [[0], [0, 0], [99, 0], [-1, 0]])
def test_add_refuses_bad_indexes(indexes: list[int]) -> None:
    doc = sample()
    elements = [new_element(doc, "topic", "A"), new_element(doc, "topic", "B")]
    with pytest.raises(ValueError):
        AddElements(doc, elements, indexes=indexes)


def test_add_refuses_used_ids_and_keeps_its_own_copies() -> None:
    doc = sample()
    with pytest.raises(ValueError, match="already used"):
        AddElements(doc, [new_element(doc, "topic", "dup", id="d-pr")])
    with pytest.raises(ValueError, match="already used"):  # relation ids share the namespace
        AddElements(doc, [new_element(doc, "topic", "dup", id="r1")])
    topic = new_element(doc, "topic", "mine")
    doc.execute(AddElements(doc, [topic]))
    assert doc.element(topic.id) is not topic and doc.element(topic.id) == topic


def test_add_with_relations_to_new_and_existing_elements() -> None:
    doc = sample()
    channel = new_element(doc, "channel", "Podcast")
    topic = new_element(doc, "topic", "Karriere")
    from commarch.model import Carries, Operates
    relations = [Operates(id="op-x", source="d-pr", target=channel.id),
                 Carries(id="ca-x", source=channel.id, target=topic.id)]
    check_round_trip(doc, AddElements(doc, [channel, topic], relations=relations))
    assert {r.id for r in doc.relations_of(channel.id)} == {"op-x", "ca-x"}
    with pytest.raises(ValueError, match="cannot be connected"):
        AddElements(doc, [new_element(doc, "goal", "G", id="g-new")],
                    relations=[Carries(id="bad", source="g-new", target="t-nachhaltig")])


def test_new_element_refuses_bad_kind_and_values() -> None:
    doc = Document()
    with pytest.raises(ValueError, match="unknown element kind"):
        new_element(doc, "person", "X")
    with pytest.raises(ValueError, match="priority"):
        new_element(doc, "stakeholder", "X", priority="urgent")
    with pytest.raises(ValueError, match="label"):
        new_element(doc, "topic", "")


def test_remove_restores_order_and_relations_exactly() -> None:
    doc = sample()
    before_relations = [r.id for r in doc.model.relations]
    # c-fb and d-mkt sit in the middle of the list and carry relations scattered over the list.
    command = RemoveElements(doc, ["c-fb", "d-mkt"])
    before, after = check_round_trip(doc, command)
    removed = set(command.relation_ids)
    assert removed == {"r1", "r2", "r3", "r4", "r7", "r9", "r10", "r13"}
    assert [r.id for r in doc.model.relations] == [r for r in before_relations if r not in removed]
    doc.undo()
    assert text(doc) == before
    assert [r.id for r in doc.model.relations] == before_relations


def test_remove_everything_and_back() -> None:
    doc = sample()
    before = text(doc)
    doc.execute(RemoveElements(doc, [e.id for e in reversed(doc.model.elements)]))
    assert doc.model.elements == [] and doc.model.relations == []
    doc.undo()
    assert text(doc) == before


def test_remove_refuses_unknown_ids() -> None:
    doc = sample()
    before = text(doc)
    with pytest.raises(ValueError, match="no element"):
        RemoveElements(doc, ["d-pr", "nope"])
    assert text(doc) == before


def test_move_many_is_one_step_and_one_event() -> None:
    doc = Document()
    elements = [new_element(doc, "topic", f"T{i}", i, 0) for i in range(50)]
    doc.execute(AddElements(doc, elements))
    seen: list[object] = []
    doc.subscribe(seen.append)
    check_round_trip(doc, Move(doc, {e.id: (e.x + 5, 7.5) for e in elements}))
    assert seen == [ElementsMoved(tuple(e.id for e in elements))] * 3
    assert doc.element(elements[3].id).x == 8 and doc.element(elements[3].id).y == 7.5


def test_move_writes_position_keys_and_undo_removes_them_again() -> None:
    doc = Document()
    topic = new_element(doc, "topic", "T")
    data = topic.model_dump(exclude_unset=True)
    del data["x"], data["y"]
    from commarch.model import Topic
    doc.execute(AddElements(doc, [Topic.model_validate(data)]))
    before, after = check_round_trip(doc, Move(doc, {topic.id: (3, 4)}))
    assert '"x"' not in before and '"x": 3' in after


@pytest.mark.parametrize("position", [(float("nan"), 0), (0, float("inf")), (True, 0), ("1", 2), (1,), None])
def test_move_refuses_bad_positions(position: object) -> None:
    doc = sample()
    with pytest.raises(ValueError):
        Move(doc, {"d-pr": position})  # type: ignore[dict-item]


def test_consecutive_nudges_merge_but_never_into_the_saved_state(tmp_path) -> None:  # type: ignore[no-untyped-def]
    doc = sample()
    doc.clock = lambda: "2026-11-20T10:30:00+01:00"  # the file's own stamp: saving changes no text
    start = text(doc)
    for step in range(1, 4):
        doc.execute(Move(doc, {"d-pr": (step, 0), "c-fb": (350 + step, 0)}))
    assert len(doc.history) == 1
    doc.save(tmp_path / "m.comm")
    saved = text(doc)
    doc.execute(Move(doc, {"d-pr": (10, 0), "c-fb": (360, 0)}))
    assert len(doc.history) == 2 and doc.is_dirty
    doc.undo()
    assert text(doc) == saved and not doc.is_dirty
    doc.undo()
    assert text(doc) == start and doc.is_dirty


@pytest.mark.parametrize("key, value", [
    ("label", "Presse & Medien"), ("notes", "line 1\nline 2"), ("tags", ["a", "b"]), ("color", "#56B4E9"),
    ("color", None), ("priority", "low"), ("influence", 1), ("needs_dialog", True),
])
def test_set_property_round_trips(key: str, value: object) -> None:
    doc = sample()
    check_round_trip(doc, SetElementProperty(doc, "s-presse", key, value))
    element = doc.element("s-presse")
    if value is None:
        assert key not in element.model_fields_set
    else:
        assert getattr(element, key) == value
    assert element.model_extra == {"x-future-element": "kept"}


def test_set_property_on_many_elements_at_once() -> None:
    doc = sample()
    check_round_trip(doc, SetElementProperty(doc, ["s-kunden", "s-presse"], "priority", "low"))
    assert {doc.element(i).priority for i in ("s-kunden", "s-presse")} == {"low"}  # type: ignore[attr-defined]


@pytest.mark.parametrize("ids, key, value, reason", [
    ("s-presse", "priority", "urgent", "must be one of high, medium, low"),
    ("s-presse", "influence", 7, "from 1 to 5"),
    ("s-presse", "influence", "3", "integer"),
    ("s-presse", "needs_dialog", 1, "true or false"),
    ("s-presse", "label", "", "must not be empty"),
    ("s-presse", "label", "x" * 201, "at most 200"),
    ("s-presse", "label", None, "required"),
    ("s-presse", "tags", "a,b", "list"),
    ("s-presse", "tags", ["a", 1], "string"),
    ("s-presse", "color", "red", "#rrggbb"),
    ("s-presse", "function", "pr", "no property"),
    ("s-presse", "x", 5, "Move"),
    ("s-presse", "id", "other", "cannot be changed"),
    ("s-presse", "kind", "topic", "cannot be changed"),
    (["d-pr", "s-presse"], "function", "hr", "no property"),
    ("nope", "label", "X", "no element"),
    ("c-fb", "channel_type", "tv", "must be one of"),
])
def test_set_property_refuses_bad_values_and_changes_nothing(ids: object, key: str, value: object,
                                                            reason: str) -> None:
    doc = sample()
    before = text(doc)
    with pytest.raises(ValueError, match=reason):
        SetElementProperty(doc, ids, key, value)  # type: ignore[arg-type]
    assert text(doc) == before
    assert not doc.history.can_undo


def test_typing_a_label_merges_into_one_step() -> None:
    doc = sample()
    for n in range(1, 6):
        doc.execute(SetElementProperty(doc, "d-pr", "label", "PR-Team"[:n + 2]))
    assert len(doc.history) == 1 and doc.element("d-pr").label == "PR-Team"
    doc.undo()
    assert doc.element("d-pr").label == "PR"
