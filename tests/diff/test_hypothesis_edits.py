"""Property test: apply random edits to a random model; the diff reports exactly those edits."""

from __future__ import annotations

from itertools import permutations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commarch.diff import diff_models, is_empty
from commarch.model import (
    ELEMENT_CLASSES,
    RELATION_CLASSES,
    RELATION_TABLE,
    CommModel,
    check_model,
    relation_key,
)

from .helpers import copy
from .mirror import assert_mirror

KINDS = ("stakeholder", "channel", "department", "goal", "topic", "note")
# kind -> (property, a value different from the default the base model uses)
PROPERTY_EDITS = {
    "stakeholder": [("priority", "high"), ("needs_dialog", True), ("influence", 5), ("internal", True)],
    "channel": [("channel_type", "social"), ("platform", "TikTok"), ("two_way", True)],
    "department": [("function", "pr"), ("coordinator", True)],
    "goal": [("kpi", "leads per month")],
    "topic": [],
    "note": [],
}
COMMON_EDITS = [("notes", "edited"), ("tags", ["edited"]), ("color", "#123456")]


@st.composite
def base_models(draw) -> CommModel:
    elements = []
    for kind in KINDS:
        for index in range(draw(st.integers(0, 3))):
            elements.append(ELEMENT_CLASSES[kind](
                id=f"{kind[:3]}-{index}", kind=kind, label=f"{kind} {index}",
                x=draw(st.integers(-500, 500)), y=draw(st.integers(-500, 500))))
    relations = []
    seen = set()
    for kind, source, target in _candidates(elements):
        key = relation_key(kind, source, target)
        if key not in seen and draw(st.booleans()):
            seen.add(key)
            relations.append(RELATION_CLASSES[kind](id=f"r{len(relations)}", source=source, target=target))
    return CommModel(elements=elements, relations=relations)


def _candidates(elements) -> list[tuple[str, str, str]]:
    kinds = {e.id: e.kind for e in elements}
    return [(kind, a, b) for a, b in permutations(sorted(kinds), 2)
            for kind, (sources, targets) in RELATION_TABLE.items()
            if kinds[a] in sources and kinds[b] in targets]


@st.composite
def edited(draw):
    """(old, new, expected) where expected names every change that was made."""
    old = draw(base_models())
    new = copy(old)
    ids = [e.id for e in old.elements]
    removed = set(draw(st.lists(st.sampled_from(ids), unique=True))) if ids else set()
    survivors = [e for e in new.elements if e.id not in removed]
    changed: dict[str, str] = {}
    for element in draw(st.lists(st.sampled_from(survivors), unique_by=lambda e: e.id)) if survivors else []:
        key, value = draw(st.sampled_from(PROPERTY_EDITS[element.kind] + COMMON_EDITS + [("label", None)]))
        setattr(element, key, element.label + " (edited)" if key == "label" else value)
        changed[element.id] = key
    moved = set()
    for element in draw(st.lists(st.sampled_from(survivors), unique_by=lambda e: e.id)) if survivors else []:
        element.x += draw(st.sampled_from([-10, 7.5, 300]))
        moved.add(element.id)
    added = set()
    for index in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(KINDS))
        element = ELEMENT_CLASSES[kind](id=f"new-{index}", kind=kind, label=f"new {kind} {index}")
        survivors.append(element)
        added.add(element.id)
    new.elements = survivors
    gone_with_elements = {r.id for r in old.relations if {r.source, r.target} & removed}
    kept = [r for r in new.relations if r.id not in gone_with_elements]
    removed_relations: set[str] = set()
    if kept:
        removed_relations = set(draw(st.lists(st.sampled_from([r.id for r in kept]), unique=True)))
    kept = [r for r in kept if r.id not in removed_relations]
    relation_changes: dict[str, str] = {}
    for relation in draw(st.lists(st.sampled_from(kept), unique_by=lambda r: r.id)) if kept else []:
        options = [("notes", "edited"), ("label", "edited")]
        options += {"operates": [("role", "contributor")], "coordinates": [("cadence", "daily")]}.get(
            relation.kind, [])
        key, value = draw(st.sampled_from(options))
        setattr(relation, key, value)
        relation_changes[relation.id] = key
    # New relations never repeat the ends of one that was removed: those would be "the same relation".
    used = {relation_key(r.kind, r.source, r.target) for r in old.relations}
    free = [c for c in _candidates(survivors) if relation_key(*c) not in used]
    added_relations = set()
    for kind, source, target in draw(st.lists(st.sampled_from(free), max_size=4)) if free else []:
        if relation_key(kind, source, target) in used:
            continue
        used.add(relation_key(kind, source, target))
        rid = f"new-r{len(added_relations)}"
        kept.append(RELATION_CLASSES[kind](id=rid, source=source, target=target))
        added_relations.add(rid)
    new.relations = kept
    assert not check_model(new.elements, new.relations)
    expected = {
        "added": added, "removed": removed, "changed": changed, "moved": moved,
        "relations_added": added_relations, "relations_removed": removed_relations | gone_with_elements,
        "relations_changed": relation_changes,
    }
    return old, new, expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited())
def test_diff_reports_exactly_the_edits(case) -> None:
    old, new, expected = case
    diff = diff_models(old, new)
    assert {e.id for e in diff.added} == expected["added"]
    assert {e.id for e in diff.removed} == expected["removed"]
    assert {c.id: [p.key for p in c.changes] for c in diff.changed} == {
        k: [v] for k, v in expected["changed"].items()}
    assert {m.id for m in diff.moved} == expected["moved"]
    assert {r.id for r in diff.relations_added} == expected["relations_added"]
    assert {r.id for r in diff.relations_removed} == expected["relations_removed"]
    assert {c.id: [p.key for p in c.changes] for c in diff.relations_changed} == {
        k: [v] for k, v in expected["relations_changed"].items()}
    assert not diff.meta and not diff.rules and not diff.waivers
    meaning = any(expected[k] for k in expected if k != "moved")
    assert is_empty(diff) is not meaning
    assert is_empty(diff, positions=True) is not (meaning or bool(expected["moved"]))
    assert_mirror(diff, diff_models(new, old))


@settings(max_examples=60, deadline=None)
@given(base_models(), st.randoms(use_true_random=False))
def test_label_matching_pairs_a_redrawn_model(model, rng) -> None:
    from .test_matching import redrawn

    new = redrawn(model, rng.randint(0, 10**6))
    for element in new.elements:
        element.label = " ".join(element.label.split()).lower()
    diff = diff_models(model, new, match="label")
    assert is_empty(diff, positions=True)
    assert len(diff.element_map) == len(model.elements)
