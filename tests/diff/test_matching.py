"""Element matching: by id, by kind + normalised label, and 'auto'."""

from __future__ import annotations

import random

import pytest

from commarch.diff import diff_models, is_empty, match_elements, normalize_label
from commarch.model import Channel, CommModel, Stakeholder

from .helpers import copy, sample_model
from .mirror import assert_mirror


def redrawn(model: CommModel, seed: int = 1) -> CommModel:
    """The same architecture drawn again by someone else: new ids, other order, other relation ids."""
    rng = random.Random(seed)
    new = copy(model)
    ids = {e.id: f"x{i:03d}" for i, e in enumerate(rng.sample(new.elements, len(new.elements)))}
    for element in new.elements:
        element.id = ids[element.id]
        element.label = "  " + element.label.upper().replace(" ", "   ") + " "
    for index, relation in enumerate(new.relations):
        relation.id = f"rel{index + 100}"
        relation.source, relation.target = ids[relation.source], ids[relation.target]
    rng.shuffle(new.elements)
    rng.shuffle(new.relations)
    return new


def test_normalize_label() -> None:
    assert normalize_label("  Customer \t  Service\n") == normalize_label("customer service")
    assert normalize_label("STRASSE") == normalize_label("straße")  # casefold, not lower


def test_label_matching_pairs_independently_drawn_models() -> None:
    old = sample_model()
    new = redrawn(old)
    by_id = diff_models(old, new, match="id")
    assert len(by_id.removed) == len(old.elements) and len(by_id.added) == len(new.elements)
    diff = diff_models(old, new, match="label")
    assert diff.matching.used == "label" and diff.matching.by_label == len(old.elements)
    assert not diff.added and not diff.removed and not diff.relations_added and not diff.relations_removed
    # The labels differ only in case and spacing, which the matching ignores but the diff reports.
    assert {c.old_id for c in diff.changed} == {e.id for e in old.elements}
    assert all([p.key for p in c.changes] == ["label"] for c in diff.changed)
    assert diff.element_map["d-mkt"] == next(e.id for e in new.elements if "MARKETING" in e.label)


def test_label_matching_then_a_real_edit() -> None:
    old = sample_model()
    new = redrawn(old)
    for element in new.elements:
        element.label = " ".join(element.label.split()).title()
    customers = next(e for e in new.elements if e.label == "Customers")
    customers.priority = "low"
    diff = diff_models(old, new, match="label")
    assert [(c.old_id, c.id, [(p.key, p.old, p.new) for p in c.changes if p.key != "label"])
            for c in diff.changed if any(p.key != "label" for p in c.changes)] == [
        ("s-customers", customers.id, [("priority", "high", "low")])]
    assert_mirror(diff, diff_models(new, old, match="label"))


def test_auto_uses_labels_only_when_few_ids_are_shared() -> None:
    old = sample_model()
    edited = copy(old)
    edited.elements[0].label = "Brand marketing"
    diff = diff_models(old, edited, match="auto")
    assert diff.matching.used == "id" and diff.matching.by_label == 0
    assert [c.id for c in diff.changed] == ["d-mkt"]
    new = redrawn(old)
    # Keep two ids so the mixed case is exercised: those pair by id, the rest by label.
    for element in new.elements[:2]:
        original = next(e for e in old.elements if normalize_label(e.label) == normalize_label(element.label))
        for relation in new.relations:
            relation.source = original.id if relation.source == element.id else relation.source
            relation.target = original.id if relation.target == element.id else relation.target
        element.id = original.id
    diff = diff_models(old, new, match="auto")
    assert diff.matching.used == "id+label"
    assert (diff.matching.by_id, diff.matching.by_label) == (2, len(old.elements) - 2)
    assert "few ids" in diff.matching.note
    assert not diff.added and not diff.removed and not diff.relations_added and not diff.relations_removed


def test_ambiguous_labels_are_not_paired() -> None:
    old = CommModel(elements=[Channel(id="a", label="Facebook"), Channel(id="b", label="Facebook"),
                              Stakeholder(id="c", label="Facebook")], relations=[])
    new = CommModel(elements=[Channel(id="x", label="facebook"), Channel(id="y", label="Facebook "),
                              Stakeholder(id="z", label="FACEBOOK")], relations=[])
    pairs, matching = match_elements(old.elements, new.elements, "label")
    assert pairs == {"c": "z"}  # kind is part of the key; two channels each side stay unpaired
    diff = diff_models(old, new, match="label")
    assert {e.id for e in diff.removed} == {"a", "b"} and {e.id for e in diff.added} == {"x", "y"}


def test_ambiguous_group_pairs_equal_ids_then_the_last_one() -> None:
    old = CommModel(elements=[Channel(id="a", label="Blog"), Channel(id="b", label="Blog")], relations=[])
    new = CommModel(elements=[Channel(id="a", label="Blog"), Channel(id="z", label="blog")], relations=[])
    pairs, _ = match_elements(old.elements, new.elements, "label")
    assert pairs == {"a": "a", "b": "z"}


def test_relations_under_label_matching_ignore_coincidental_ids() -> None:
    old = sample_model()
    new = redrawn(old)
    # Give a relation of another meaning an old relation's id: it must not pair with that one.
    old_ids = [r.id for r in old.relations]
    for relation, rid in zip(new.relations, reversed(old_ids), strict=True):
        relation.id = rid
    diff = diff_models(old, new, match="label")
    assert not diff.relations_added and not diff.relations_removed and not diff.relations_changed


def test_unknown_match_mode_is_refused() -> None:
    with pytest.raises(ValueError):
        diff_models(sample_model(), sample_model(), match="fuzzy")  # type: ignore[arg-type]


def test_self_diff_is_empty_for_every_mode() -> None:
    model = sample_model()
    for mode in ("id", "label", "auto"):
        assert is_empty(diff_models(model, copy(model), match=mode), positions=True)
