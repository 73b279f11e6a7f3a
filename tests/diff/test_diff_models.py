"""diff_models on hand-made edits: each kind of change is found exactly once, and mirrors hold."""

from __future__ import annotations

import pytest

from commarch.diff import diff_models, is_empty
from commarch.model import Channel, Coordinates, Operates, Reaches, RuleSetting, Stakeholder, Waiver

from .helpers import copy, sample_model
from .mirror import assert_mirror


def _element(model, element_id):
    return next(e for e in model.elements if e.id == element_id)


def _relation(model, relation_id):
    return next(r for r in model.relations if r.id == relation_id)


def _count(diff) -> int:
    """How many things the diff reports in all (each change of each item counted)."""
    return (len(diff.added) + len(diff.removed) + sum(len(c.changes) for c in diff.changed) + len(diff.moved)
            + len(diff.relations_added) + len(diff.relations_removed)
            + sum(len(c.changes) for c in diff.relations_changed) + len(diff.meta) + len(diff.rules)
            + len(diff.waivers))


def test_model_against_itself_is_empty() -> None:
    model = sample_model()
    diff = diff_models(model, copy(model))
    assert is_empty(diff) and is_empty(diff, positions=True)
    assert _count(diff) == 0


def test_defaults_written_out_mean_the_same() -> None:
    old = sample_model()
    new = copy(old)
    # An explicit default (written in the file) equals an omitted key.
    new.elements.append(Stakeholder(id="s-x", label="X"))
    old.elements.append(Stakeholder(id="s-x", label="X", priority="medium", needs_dialog=False))
    assert is_empty(diff_models(old, new), positions=True)


def _edits():
    """(name, edit function, check function on the diff)."""
    def add_element(m):
        m.elements.append(Channel(id="c-new", label="Podcast", channel_type="owned"))

    def remove_element(m):
        m.elements[:] = [e for e in m.elements if e.id != "t-launch"]

    def change_property(m):
        _element(m, "s-press").priority = "high"

    def move(m):
        _element(m, "g-sales").x = 999

    def add_relation(m):
        m.relations.append(Reaches(id="r-new", source="c-web", target="s-customers"))

    def remove_relation(m):
        m.relations[:] = [r for r in m.relations if r.id != "r5"]

    def change_relation(m):
        _relation(m, "r7").cadence = "daily"

    def change_meta(m):
        m.meta.title = "Sample, revised"

    def change_rules(m):
        m.rules = {"GAP-DEAD-CHANNEL": RuleSetting(enabled=False)}

    def add_waiver(m):
        m.waivers = [Waiver(rule="GAP-NO-DIALOG", subjects=["s-press"], note="ok")]

    return [
        ("add element", add_element, lambda d: [e.id for e in d.added] == ["c-new"]),
        ("remove element", remove_element, lambda d: [e.id for e in d.removed] == ["t-launch"]),
        ("change property", change_property,
         lambda d: [(c.id, p.key, p.old, p.new) for c in d.changed for p in c.changes]
         == [("s-press", "priority", "medium", "high")]),
        ("move", move, lambda d: [(m.id, m.old_x, m.new_x) for m in d.moved] == [("g-sales", 750, 999)]),
        ("add relation", add_relation, lambda d: [r.id for r in d.relations_added] == ["r-new"]),
        ("remove relation", remove_relation, lambda d: [r.id for r in d.relations_removed] == ["r5"]),
        ("change relation", change_relation,
         lambda d: [(c.id, p.key, p.old, p.new) for c in d.relations_changed for p in c.changes]
         == [("r7", "cadence", "weekly", "daily")]),
        ("change meta", change_meta,
         lambda d: [(c.key, c.new) for c in d.meta] == [("title", "Sample, revised")]),
        ("change rules", change_rules, lambda d: [(r.rule, r.new["enabled"]) for r in d.rules]
         == [("GAP-DEAD-CHANNEL", False)]),
        ("add waiver", add_waiver,
         lambda d: [(w.status, w.rule) for w in d.waivers] == [("added", "GAP-NO-DIALOG")]),
    ]


@pytest.mark.parametrize("name,edit,check", _edits(), ids=[e[0] for e in _edits()])
def test_each_kind_of_change_is_found_exactly_once(name, edit, check) -> None:
    old = sample_model()
    new = copy(old)
    edit(new)
    diff = diff_models(old, new)
    assert check(diff)
    assert _count(diff) == 1
    assert is_empty(diff) is False or name == "move"
    assert is_empty(diff, positions=True) is False
    backward = diff_models(new, old)
    assert _count(backward) == 1
    assert_mirror(diff, backward)


def test_element_both_changed_and_moved_is_in_both_lists() -> None:
    old = sample_model()
    new = copy(old)
    element = _element(new, "d-pr")
    element.label, element.y = "Press office", 250
    diff = diff_models(old, new)
    assert [(c.id, [p.key for p in c.changes]) for c in diff.changed] == [("d-pr", ["label"])]
    assert [(m.id, m.old_y, m.new_y) for m in diff.moved] == [("d-pr", 200, 250)]
    assert diff.changed[0].old_label == "PR" and diff.changed[0].label == "Press office"


def test_modified_timestamp_alone_is_not_a_difference() -> None:
    old = sample_model()
    new = copy(old)
    new.meta.modified = "2027-01-01T00:00:00Z"
    diff = diff_models(old, new)
    assert [c.key for c in diff.meta] == ["modified"]
    assert is_empty(diff, positions=True)


def test_relation_with_new_id_but_same_ends_is_the_same_relation() -> None:
    old = sample_model()
    new = copy(old)
    relation = _relation(new, "r4")
    relation.id = "r4-renumbered"
    # coordinates is symmetric: the reversed relation under a new id is still the same one.
    new.relations[:] = [r for r in new.relations if r.id != "r7"]
    new.relations.append(Coordinates(id="r-x", source="d-pr", target="d-mkt", cadence="weekly"))
    diff = diff_models(old, new)
    assert is_empty(diff, positions=True)
    assert _count(diff) == 0


def test_relation_ends_moved_under_the_same_id_is_a_change() -> None:
    old = sample_model()
    new = copy(old)
    _relation(new, "r5").target = "s-customers"
    diff = diff_models(old, new)
    changes = [(c.id, p.key, p.old, p.new) for c in diff.relations_changed for p in c.changes]
    assert changes == [("r5", "target", "s-press", "s-customers")]


def test_same_id_with_another_kind_is_removed_and_added() -> None:
    old = sample_model()
    new = copy(old)
    new.elements[:] = [e for e in new.elements if e.id != "t-launch"]
    new.elements.append(Stakeholder(id="t-launch", label="Product launch"))
    diff = diff_models(old, new)
    assert [(e.id, e.kind) for e in diff.removed] == [("t-launch", "topic")]
    assert [(e.id, e.kind) for e in diff.added] == [("t-launch", "stakeholder")]
    assert not diff.changed


def test_removing_an_element_reports_the_relations_it_took() -> None:
    old = sample_model()
    new = copy(old)
    new.elements[:] = [e for e in new.elements if e.id != "c-fb"]
    new.relations[:] = [r for r in new.relations if "c-fb" not in (r.source, r.target)]
    diff = diff_models(old, new)
    assert [e.id for e in diff.removed] == ["c-fb"]
    assert sorted(r.id for r in diff.relations_removed) == ["r1", "r4", "r8"]
    assert {r.source_label for r in diff.relations_removed} >= {"Marketing", "Facebook page"}


def test_waiver_matching_uses_the_subject_set_and_reports_note_changes() -> None:
    old = sample_model()
    old.waivers = [Waiver(rule="OVL-PARALLEL", subjects=["s-customers", "d-mkt", "d-cs"], note="a")]
    new = copy(old)
    new.waivers = [Waiver(rule="OVL-PARALLEL", subjects=["s-customers", "d-cs", "d-mkt"], note="b")]
    diff = diff_models(old, new)
    assert [(w.status, w.old_note, w.new_note) for w in diff.waivers] == [("changed", "a", "b")]


def test_rule_setting_written_with_defaults_is_no_change() -> None:
    old = sample_model()
    new = copy(old)
    new.rules = {"OVL-PARALLEL": RuleSetting(enabled=True)}
    assert not diff_models(old, new).rules


def test_unknown_keys_are_compared_like_properties() -> None:
    old = sample_model()
    old.relations.append(Operates(id="r-op", source="d-cs", target="c-web"))
    new = copy(old)
    # A key unknown to this version is kept by the model and compared like any other property.
    setattr(_element(new, "s-press"), "x_future", 1)  # noqa: B010 - not a declared field
    setattr(_relation(new, "r-op"), "x_future", "y")  # noqa: B010
    diff = diff_models(old, new)
    assert [(c.id, [p.key for p in c.changes]) for c in diff.changed] == [("s-press", ["x_future"])]
    assert [(c.id, [p.key for p in c.changes]) for c in diff.relations_changed] == [("r-op", ["x_future"])]
