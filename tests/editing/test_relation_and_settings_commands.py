"""Connect / RemoveRelations / SetRelationProperty, and the meta, rule-setting and waiver commands."""

from __future__ import annotations

import pytest

from commarch.editing import (
    AddWaiver,
    Connect,
    Disconnect,
    Document,
    MetaChanged,
    RemoveRelations,
    RemoveWaiver,
    SetMeta,
    SetRelationProperty,
    SetRuleSetting,
)
from commarch.model import CommModel

from .support import check_round_trip, sample, text


def test_connect_picks_the_only_allowed_kind() -> None:
    doc = sample()
    command = Connect(doc, "d-pr", "c-news")
    check_round_trip(doc, command)
    relation = doc.relation(command.relation_id)
    assert (relation.kind, relation.source, relation.target) == ("operates", "d-pr", "c-news")
    assert doc.find_relation("operates", "d-pr", "c-news") is relation


def test_connect_with_properties() -> None:
    doc = sample()
    command = Connect(doc, "d-lead", "c-news", "operates", role="contributor", label="Redaktion")
    check_round_trip(doc, command)
    assert doc.relation(command.relation_id).role == "contributor"  # type: ignore[attr-defined]


@pytest.mark.parametrize("source, target, kind, reason", [
    ("d-pr", "d-pr", None, "to itself"),
    ("d-pr", "c-fb", None, "already is a 'operates' relation"),            # r1
    ("d-pr", "d-lead", "coordinates", "already is a 'coordinates'"),     # r6 is d-lead -> d-pr
    ("s-kunden", "d-pr", None, "no relation kind fits"),
    ("d-pr", "c-news", "reaches", "allowed here: operates"),
    ("d-pr", "c-news", "likes", "unknown relation kind"),
    ("d-pr", "nope", None, "no element 'nope'"),
    ("n-1", "d-pr", None, "no relation kind fits"),                      # notes are never connected
])
def test_connect_refuses_and_changes_nothing(source: str, target: str, kind: str | None, reason: str) -> None:
    doc = sample()
    before = text(doc)
    with pytest.raises(ValueError, match=reason):
        Connect(doc, source, target, kind)
    assert text(doc) == before and not doc.history.can_undo


def test_connect_asks_for_a_kind_when_several_fit(monkeypatch: pytest.MonkeyPatch) -> None:
    # No pair of kinds allows two relation kinds in format version 1; a later table may.
    from commarch.editing import relation_commands
    monkeypatch.setattr(relation_commands, "allowed_relation_kinds", lambda s, t: ["serves", "operates"])
    doc = sample()
    with pytest.raises(ValueError, match="choose the relation kind: serves, operates"):
        Connect(doc, "d-pr", "c-news")
    assert Connect(doc, "d-pr", "c-news", "operates").relation.kind == "operates"


def test_connect_refuses_unknown_property_keys() -> None:
    doc = sample()
    with pytest.raises(ValueError, match="has no property 'role'"):
        Connect(doc, "d-pr", "t-nachhaltig", role="lead")


def test_connect_refuses_bad_property_values_and_used_ids() -> None:
    doc = sample()
    with pytest.raises(ValueError, match="must be one of lead, contributor"):
        Connect(doc, "d-pr", "c-news", role="boss")
    with pytest.raises(ValueError, match="already used"):
        Connect(doc, "d-pr", "c-news", id="d-mkt")
    with pytest.raises(ValueError):
        Connect(doc, "d-pr", "c-news", id="has space")


def test_remove_relations_restores_positions() -> None:
    doc = sample()
    before = [r.id for r in doc.model.relations]
    check_round_trip(doc, RemoveRelations(doc, ["r13", "r2", "r7"]))
    doc.undo()
    assert [r.id for r in doc.model.relations] == before
    assert Disconnect is RemoveRelations
    with pytest.raises(ValueError, match="no relation"):
        RemoveRelations(doc, ["r1", "d-pr"])


def test_set_relation_property() -> None:
    doc = sample()
    check_round_trip(doc, SetRelationProperty(doc, "r2", "role", "lead"))
    check_round_trip(doc, SetRelationProperty(doc, "r5", "label", None))
    assert "label" not in doc.relation("r5").model_fields_set
    check_round_trip(doc, SetRelationProperty(doc, ["r6", "r7"], "cadence", "monatlich"))
    before = text(doc)
    for key, value in [("role", "boss"), ("source", "d-pr"), ("target", "c-fb"), ("kind", "reaches"),
                       ("cadence", "x"), ("notes", 5)]:
        with pytest.raises(ValueError):
            SetRelationProperty(doc, "r2", key, value)
    assert text(doc) == before


def test_set_meta_round_trips_and_validates() -> None:
    doc = sample()
    check_round_trip(doc, SetMeta(doc, {"title": "To-be", "language": "en", "client": None}))
    assert doc.model.meta.model_extra == {"x-meta-future": {"nested": [1, 2, {"deep": True}]}}  # type: ignore[union-attr]
    before = text(doc)
    for changes in [{"language": "fr"}, {"created": "yesterday"}, {"title": 5}, {"colour": "red"}, {}]:
        with pytest.raises(ValueError):
            SetMeta(doc, changes)
    assert text(doc) == before


def test_set_meta_on_a_model_without_meta_undoes_to_no_meta() -> None:
    doc = Document(CommModel.empty())
    events: list[object] = []
    doc.subscribe(events.append)
    check_round_trip(doc, SetMeta(doc, {"title": "Workshop"}))
    doc.undo()
    assert doc.model.meta is None and '"meta"' not in text(doc)
    assert events[-1] == MetaChanged(frozenset({"title"}))


def test_set_meta_typing_merges() -> None:
    doc = Document()
    for title in ("W", "Wo", "Wor"):
        doc.execute(SetMeta(doc, {"title": title}))
    assert len(doc.history) == 1
    doc.undo()
    assert doc.model.meta is None


def test_rule_settings_round_trip() -> None:
    doc = sample()
    check_round_trip(doc, SetRuleSetting(doc, "GAP-UNREACHED", {"severity": "info"}))
    check_round_trip(doc, SetRuleSetting(doc, "OVL-PARALLEL", {"enabled": False, "severity": None}))
    assert doc.model.rules["OVL-PARALLEL"].model_dump(exclude_unset=True) == {"enabled": False}  # type: ignore[index]
    check_round_trip(doc, SetRuleSetting(doc, "GAP-DEAD-CHANNEL", None))
    assert "GAP-DEAD-CHANNEL" not in doc.model.rules  # type: ignore[operator]
    fresh = Document()
    check_round_trip(fresh, SetRuleSetting(fresh, "GAP-SILOS", {"enabled": False}))
    fresh.undo()
    assert '"rules"' not in text(fresh)
    for changes in [{"severity": "fatal"}, {"enabled": "no"}, {"muted": True}]:
        with pytest.raises(ValueError):
            SetRuleSetting(doc, "GAP-SILOS", changes)
    with pytest.raises(ValueError):
        SetRuleSetting(doc, "", {"enabled": False})


def test_waivers_round_trip() -> None:
    doc = sample()
    check_round_trip(doc, AddWaiver(doc, "GAP-UNREACHED", ["s-presse"], "handled by PR"))
    with pytest.raises(ValueError, match="already waived"):
        AddWaiver(doc, "GAP-NO-DIALOG", ["s-investors"])
    with pytest.raises(ValueError):
        AddWaiver(doc, "GAP-UNREACHED", ["bad id!"])
    check_round_trip(doc, RemoveWaiver(doc, "GAP-NO-DIALOG", ["s-investors"]))
    assert [w.rule for w in doc.model.waivers or []] == ["GAP-UNREACHED"]
    with pytest.raises(ValueError, match="no waiver"):
        RemoveWaiver(doc, "GAP-NO-DIALOG", ["s-investors"])
    fresh = Document()
    check_round_trip(fresh, AddWaiver(fresh, "GAP-SILOS", ["d-1", "d-2"]))
    fresh.undo()
    assert '"waivers"' not in text(fresh)
