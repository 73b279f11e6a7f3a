"""`find` after edits (kept run, only affected rules re-run) equals a full run on the same model."""

from __future__ import annotations

import random
from typing import Any

import pytest

from commarch.analysis import find
from commarch.analysis.findings import find_indexed
from commarch.analysis.incremental import RULES_READING, STATS, UNREAD_ELEMENT_FIELDS, forget
from commarch.analysis.index import _ENDPOINTS, build_index
from commarch.editing import AddElements, Document, Move, RemoveElements, SetElementProperty, new_element
from commarch.editing.relation_commands import Connect, RemoveRelations, SetRelationProperty
from commarch.editing.settings_commands import AddWaiver, SetMeta, SetRuleSetting

from .builders import random_model

VALUES: dict[str, list[Any]] = {
    "priority": ["high", "medium", "low"], "needs_dialog": [True, False], "two_way": [True, False],
    "platform": ["Facebook", " facebook", "LinkedIn", ""], "coordinator": [True, False],
    "label": ["A", "Zed", "Mitte"], "x": [0.0, 12.5], "notes": ["", "n"], "influence": [1, 5],
}
FIELDS_OF = {"stakeholder": ["priority", "needs_dialog", "label", "x", "notes", "influence"],
             "channel": ["platform", "two_way", "label", "x"], "department": ["coordinator", "label", "notes"],
             "topic": ["label", "x"], "goal": ["label"], "note": ["label", "x"]}


def reference(doc: Document, lang: str | None = None) -> list[Any]:
    return find_indexed(build_index(doc.model), doc.model, lang)


def random_edit(rng: random.Random, doc: Document) -> None:
    model = doc.model
    choice = rng.random()
    if choice < 0.6 and model.elements:
        element = rng.choice(model.elements)
        key = rng.choice(FIELDS_OF[element.kind])
        if key == "x":
            doc.execute(Move(doc, {element.id: (rng.choice(VALUES[key]), 3.0)}))
        else:
            doc.execute(SetElementProperty(doc, element.id, key, rng.choice(VALUES[key])))
    elif choice < 0.7 and model.relations:
        doc.execute(RemoveRelations(doc, rng.choice(model.relations).id))
    elif choice < 0.8:
        kinds = {e.id: e.kind for e in model.elements}
        departments = [i for i, k in kinds.items() if k == "department"]
        channels = [i for i, k in kinds.items() if k == "channel"]
        if not departments or not channels:
            return
        source, target = rng.choice(departments), rng.choice(channels)
        if doc.find_relation("operates", source, target) is None:
            doc.execute(Connect(doc, source, target, "operates"))
    elif choice < 0.85 and model.relations:
        relation = rng.choice(model.relations)
        key = "role" if relation.kind == "operates" and rng.random() < 0.5 else "notes"
        doc.execute(SetRelationProperty(doc, relation.id, key,
                                        rng.choice(["lead", "contributor"]) if key == "role" else "x"))
    elif choice < 0.9:
        doc.execute(SetRuleSetting(doc, rng.choice(["GAP-UNREACHED", "OVL-PARALLEL", "GAP-NO-DIALOG"]),
                                   {"severity": rng.choice(["error", "info"]), "enabled": rng.random() < .7}))
    elif choice < 0.95:
        stakeholders = [e for e in model.elements if e.kind == "stakeholder"]
        if not stakeholders:
            return
        stakeholder = rng.choice(stakeholders)
        waived = {tuple(w.subjects) for w in model.waivers or ()}
        if (stakeholder.id,) not in waived:
            doc.execute(AddWaiver(doc, "GAP-UNREACHED", [stakeholder.id], "ok"))
    elif choice < 0.97 and doc.history.can_undo:
        doc.undo()
    else:
        structural_edit(rng, doc)


ELEMENT_PROPS: dict[str, dict[str, list[Any]]] = {
    "stakeholder": {"priority": ["high", "low"], "needs_dialog": [True, False]},
    "channel": {"platform": ["Facebook", "facebook ", "LinkedIn", ""], "two_way": [True, False]},
    "department": {"coordinator": [True, False, False]}, "topic": {}, "goal": {}, "note": {},
}


def _of_kind(doc: Document, kinds: set[str]) -> list[str]:
    return [e.id for e in doc.model.elements if e.kind in kinds]


def structural_edit(rng: random.Random, doc: Document) -> None:
    """Add or remove a relation of any kind (either direction), add or remove an element, undo, redo."""
    choice = rng.random()
    if choice < 0.4:
        kind = rng.choice(sorted(_ENDPOINTS))
        sources, targets = _ENDPOINTS[kind]
        ends = _of_kind(doc, sources), _of_kind(doc, targets)
        if not ends[0] or not ends[1]:
            return
        source, target = rng.choice(ends[0]), rng.choice(ends[1])
        props = {"role": rng.choice(["lead", "contributor"])} if kind == "operates" and rng.random() < .6 else {}
        try:
            doc.execute(Connect(doc, source, target, kind, **props))
        except ValueError:  # a duplicate (coordinates: either direction) or a self-loop: refused
            pass
    elif choice < 0.6 and doc.model.relations:
        doc.execute(RemoveRelations(doc, rng.choice(doc.model.relations).id))
    elif choice < 0.75:
        kind = rng.choice(sorted(ELEMENT_PROPS))
        props = {k: rng.choice(v) for k, v in ELEMENT_PROPS[kind].items() if rng.random() < .8}
        # ids before, among and after the existing ones: the tables must keep their id order
        element_id = rng.choice([f"{kind[0]}{rng.randrange(1000)}n", f"0{rng.randrange(10**6)}",
                                 f"zz{rng.randrange(10**6)}"])
        if doc.get_element(element_id) is not None:
            return
        element = new_element(doc, kind, rng.choice(["New", "Aa", "Zz"]), id=element_id, **props)
        position = rng.randrange(len(doc.model.elements) + 1)
        doc.execute(AddElements(doc, [element], indexes=[position]))
    elif choice < 0.85 and doc.model.elements:
        doc.execute(RemoveElements(doc, rng.choice(doc.model.elements).id))
    elif choice < 0.95 and doc.history.can_undo:
        doc.undo()
    elif doc.history.can_redo:
        doc.redo()


@pytest.mark.parametrize("seed", range(6))
def test_find_after_random_edits_equals_a_full_run(seed: int) -> None:
    forget()
    rng = random.Random(seed)
    doc = Document(random_model(160, 420, seed=seed))
    assert find(doc.model) == reference(doc)
    for _ in range(60):
        random_edit(rng, doc)
        assert find(doc.model) == reference(doc)


@pytest.mark.parametrize("seed", range(8))
def test_find_after_structural_edits_equals_a_full_run(seed: int) -> None:
    forget()
    rng = random.Random(100 + seed)
    doc = Document(random_model(150, 380, seed=seed))
    if seed % 2:  # rule settings and waivers in play from the start
        doc.execute(SetRuleSetting(doc, "OVL-PARALLEL", {"severity": "error", "enabled": True}))
        doc.execute(SetRuleSetting(doc, "GAP-DEAD-CHANNEL", {"enabled": False}))
        stakeholder = next(e.id for e in doc.model.elements if e.kind == "stakeholder")
        doc.execute(AddWaiver(doc, "GAP-UNREACHED", [stakeholder], "ok"))
    assert find(doc.model) == reference(doc)
    for _ in range(120):
        if rng.random() < 0.85:
            structural_edit(rng, doc)
        else:
            random_edit(rng, doc)
        assert find(doc.model) == reference(doc)


def test_language_switch_and_meta_language() -> None:
    forget()
    doc = Document(random_model(120, 300, seed=3))
    assert find(doc.model, "de") == reference(doc, "de")
    assert find(doc.model) == reference(doc)
    doc.execute(SetMeta(doc, {"language": "de"}))
    assert find(doc.model) == reference(doc)


def test_in_place_mutation_is_noticed() -> None:
    # The document replaces objects, but `find` is public: a caller mutating an element in place
    # must still get the findings of what the model holds now.
    forget()
    model = random_model(120, 300, seed=4)
    find(model)
    for element in model.elements:
        if element.kind == "stakeholder":
            element.priority = "high" if element.priority != "high" else "low"
        elif element.kind == "department":
            element.coordinator = not element.coordinator
    assert find(model) == find_indexed(build_index(model), model)
    model.relations.reverse()
    assert find(model) == find_indexed(build_index(model), model)


def test_other_models_in_between() -> None:
    forget()
    first, second = random_model(100, 250, seed=5), random_model(100, 250, seed=6)
    for model in (first, second, first, second):
        assert find(model) == find_indexed(build_index(model), model)


def test_dependency_tables_name_real_fields() -> None:
    from commarch.model import ELEMENT_CLASSES

    known = {name for cls in ELEMENT_CLASSES.values() for name in cls.model_fields}
    assert set(RULES_READING) <= known and UNREAD_ELEMENT_FIELDS <= known
    assert not set(RULES_READING) & UNREAD_ELEMENT_FIELDS


def test_structural_edits_take_the_patched_path() -> None:
    # The speed-up must not vanish silently: adding and removing relations and elements patches the
    # kept run and re-runs only the rules for the touched subjects (no rule runs whole for these).
    forget()
    doc = Document(random_model(300, 800, seed=11))
    find(doc.model)
    department = next(e.id for e in doc.model.elements if e.kind == "department")
    channel = next(c for c in _of_kind(doc, {"channel"}) if doc.find_relation("operates", department, c) is None)
    stakeholder = next(s for s in _of_kind(doc, {"stakeholder"}) if doc.find_relation("reaches", channel, s) is None)
    edits = [
        Connect(doc, channel, stakeholder, "reaches"),
        AddElements(doc, [new_element(doc, "stakeholder", "Neu", id="0new", priority="high")], indexes=[3]),
        AddElements(doc, [new_element(doc, "channel", "Neu", id="zznew", platform="Facebook")]),
    ]
    for edit in edits:
        before = STATS.copy()
        doc.execute(edit)
        assert find(doc.model) == reference(doc)
        assert STATS["structural"] == before["structural"] + 1 and STATS["full"] == before["full"]
        assert STATS["rules run whole"] == before["rules run whole"]
    for undo_or_remove in ("remove relation", "remove element", "undo", "undo", "undo"):
        before = STATS.copy()
        if undo_or_remove == "remove relation":
            doc.execute(RemoveRelations(doc, doc.model.relations[17].id))
        elif undo_or_remove == "remove element":
            doc.execute(RemoveElements(doc, stakeholder))  # with its relations, as the editor does
        else:
            doc.undo()
        assert find(doc.model) == reference(doc)
        assert STATS["structural"] == before["structural"] + 1 and STATS["full"] == before["full"]
    # a relation with a new end or role: the old one goes, the new one comes, still patched
    operates = next(r for r in doc.model.relations if r.kind == "operates")
    before = STATS.copy()
    doc.execute(SetRelationProperty(doc, operates.id, "role",
                                    "lead" if getattr(operates, "role", None) == "contributor" else "contributor"))
    assert find(doc.model) == reference(doc)
    assert STATS["structural"] == before["structural"] + 1 and STATS["full"] == before["full"]
    # a new label (messages name it) and a coordinator flag (partners change): patched as well
    linked = {end for r in doc.model.relations if r.kind == "coordinates" for end in (r.source, r.target)}
    hub = next(e for e in doc.model.elements if e.kind == "department" and e.id in linked)
    for key, value in (("label", "Renamed"), ("coordinator", not hub.coordinator), ("label", "Zz")):
        before = STATS.copy()
        doc.execute(SetElementProperty(doc, hub.id if key == "coordinator" else department, key, value))
        assert find(doc.model) == reference(doc)
        assert STATS["structural"] == before["structural"] + 1 and STATS["full"] == before["full"]


def test_in_place_structural_changes_and_dangling_relations() -> None:
    # `find` is public: relations appended, removed or re-pointed in place, and elements removed
    # leaving their relations dangling (the index skips those) must still give a full run's findings.
    forget()
    model = random_model(150, 400, seed=12)
    find(model)
    relation = model.relations.pop(5)
    assert find(model) == find_indexed(build_index(model), model)
    model.relations.insert(40, relation)
    assert find(model) == find_indexed(build_index(model), model)
    reaches = next(r for r in model.relations if r.kind == "reaches")
    other = next(e.id for e in model.elements if e.kind == "stakeholder" and e.id != reaches.target)
    reaches.target = other  # may now duplicate another relation: the index holds it once
    assert find(model) == find_indexed(build_index(model), model)
    removed = model.elements.pop(next(i for i, e in enumerate(model.elements) if e.kind == "channel"))
    assert find(model) == find_indexed(build_index(model), model)  # its relations dangle now
    model.elements.append(removed)
    assert find(model) == find_indexed(build_index(model), model)
    model.relations.append(model.relations[0].model_copy(update={"id": "twin"}))  # a duplicate
    assert find(model) == find_indexed(build_index(model), model)
    model.relations.pop()
    assert find(model) == find_indexed(build_index(model), model)
    # an element renamed in place with its relations (seen as one element gone, another come)
    department = next(i for i, e in enumerate(model.elements) if e.kind == "department")
    old_id = model.elements[department].id
    model.elements[department] = model.elements[department].model_copy(update={"id": "0renamed"})
    for relation in model.relations:
        for end in ("source", "target"):
            if getattr(relation, end) == old_id:
                setattr(relation, end, "0renamed")
    before = STATS.copy()
    assert find(model) == find_indexed(build_index(model), model)
    assert STATS["structural"] == before["structural"] + 1


def test_every_rule_is_mapped_for_structural_edits() -> None:
    # A rule missing from the tables would run whole after every structural edit (correct but slow).
    from commarch.analysis.registry import CHECKS
    from commarch.analysis.structural import MAPPED_RULES

    assert MAPPED_RULES == set(CHECKS)
