"""`find` after edits (kept run, only affected rules re-run) equals a full run on the same model."""

from __future__ import annotations

import random
from typing import Any

import pytest

from commarch.analysis import find
from commarch.analysis.findings import find_indexed
from commarch.analysis.incremental import RULES_READING, UNREAD_ELEMENT_FIELDS, forget
from commarch.analysis.index import build_index
from commarch.editing import Document, Move, SetElementProperty
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
    if choice < 0.6:
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
        stakeholder = rng.choice([e for e in model.elements if e.kind == "stakeholder"])
        waived = {tuple(w.subjects) for w in model.waivers or ()}
        if (stakeholder.id,) not in waived:
            doc.execute(AddWaiver(doc, "GAP-UNREACHED", [stakeholder.id], "ok"))
    elif doc.history.can_undo:
        doc.undo()


@pytest.mark.parametrize("seed", range(6))
def test_find_after_random_edits_equals_a_full_run(seed: int) -> None:
    forget()
    rng = random.Random(seed)
    doc = Document(random_model(160, 420, seed=seed))
    assert find(doc.model) == reference(doc)
    for _ in range(60):
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
