"""Rule settings, waivers, order, language and the JSON shape of an analysis."""

from __future__ import annotations

import json

import pytest

from commarch.analysis import RULES, analysis_to_json, analyze, find, sort_key

from .builders import chan, dept, el, hits, model, rel, sh


def _messy(**kwargs):  # type: ignore[no-untyped-def]
    """Unreached high-priority stakeholder, unowned+dead channel, two departments in parallel."""
    return model(
        [sh("s-vip", "VIP", priority="high"), chan("c-orphan", "Orphan"), dept("d1", "Marketing"),
         dept("d2", "PR"), chan("c1", "Web"), chan("c2", "Press"), sh("s", "Customers")],
        [rel("operates", "d1", "c1"), rel("operates", "d2", "c2"), rel("reaches", "c1", "s"),
         rel("reaches", "c2", "s")], **kwargs)


def test_order_is_severity_then_rule_then_subjects() -> None:
    findings = find(_messy())
    assert findings == sorted(findings, key=sort_key)
    assert findings[0].rule == "GAP-UNREACHED" and findings[0].severity == "error"
    severities = [f.severity for f in findings]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    warnings = [f.rule for f in findings if f.severity == "warning"]
    assert warnings == sorted(warnings)


def test_disabled_rule_is_not_reported_nor_counted() -> None:
    m = _messy(rules={"GAP-UNREACHED": {"enabled": False}})
    result = analyze(m)
    assert "GAP-UNREACHED" not in {f.rule for f in result.findings}
    assert result.metrics["counts"]["findings"]["error"] == 0


def test_severity_override_replaces_default_including_priority_based_one() -> None:
    m = _messy(rules={"GAP-UNREACHED": {"severity": "info"}, "OVL-PARALLEL": {"severity": "error"}})
    found = {f.rule: f.severity for f in find(m)}
    assert found["GAP-UNREACHED"] == "info"
    assert found["OVL-PARALLEL"] == "error"
    assert found["GAP-DEAD-CHANNEL"] == "warning"
    assert find(m)[0].rule == "OVL-PARALLEL"  # re-sorted by the effective severity


def test_setting_enabled_true_without_severity_changes_nothing() -> None:
    assert find(_messy(rules={"OVL-PARALLEL": {"enabled": True}})) == find(_messy())


def test_waiver_matches_subject_set_in_any_order() -> None:
    m = _messy(waivers=[{"rule": "OVL-PARALLEL", "subjects": ["d2", "s", "d1"], "note": "agreed"}])
    result = analyze(m)
    parallel = [f for f in result.findings if f.rule == "OVL-PARALLEL"]
    assert len(parallel) == 1 and parallel[0].waived and parallel[0].waiver_note == "agreed"
    counts = result.metrics["counts"]
    assert counts["waived"]["warning"] == 1
    assert counts["findings"]["warning"] == sum(
        1 for f in result.findings if f.severity == "warning" and not f.waived)


def test_waiver_needs_same_rule_and_same_set() -> None:
    for waiver in ({"rule": "GAP-NO-RESPONSIBLE", "subjects": ["s", "d1", "d2"]},  # other rule
                   {"rule": "OVL-PARALLEL", "subjects": ["s", "d1"]},  # subset
                   {"rule": "OVL-PARALLEL", "subjects": ["s", "d1", "d2", "c1"]}):  # superset
        m = _messy(waivers=[waiver])
        parallel = [f for f in find(m) if f.rule == "OVL-PARALLEL"]
        assert not parallel[0].waived, waiver
        assert parallel[0].waiver_note is None


def test_notes_are_never_analysed_and_counted_as_elements() -> None:
    m = model([el("note", "n1"), el("note", "n2")], [])
    result = analyze(m)
    assert result.findings == []
    assert result.metrics["counts"]["elements"] == {
        "stakeholder": 0, "channel": 0, "department": 0, "goal": 0, "topic": 0, "note": 2}
    assert result.metrics["brokerage"] == {}


def test_messages_name_labels_not_ids_in_both_languages() -> None:
    for lang in ("de", "en"):
        f = next(f for f in find(_messy(), lang) if f.rule == "OVL-PARALLEL")
        assert "Marketing" in f.message and "PR" in f.message and "Customers" in f.message
        assert "d1" not in f.message and "s-vip" not in f.message
        assert f.recommendation


def test_language_argument_then_model_then_english() -> None:
    de = find(_messy(language="de"))
    assert "Kein Kanal erreicht" in de[0].message
    assert "No channel reaches" in find(_messy())[0].message
    assert "No channel reaches" in find(_messy(language="de"), "en")[0].message
    assert "Kein Kanal erreicht" in find(_messy(), "de")[0].message


def test_json_shape_and_rounding() -> None:
    m = _messy(waivers=[{"rule": "GAP-DEAD-CHANNEL", "subjects": ["c-orphan"], "note": "retired"}])
    result = analyze(m)
    data = json.loads(json.dumps(analysis_to_json(result, "x.comm")))
    assert set(data) == {"file", "findings", "metrics"} and data["file"] == "x.comm"
    for finding in data["findings"]:
        assert set(finding) - {"note"} == {"rule", "severity", "subjects", "message", "recommendation",
                                           "waived"}
        assert ("note" in finding) == finding["waived"]
    waived = [f for f in data["findings"] if f["waived"]]
    assert waived == [{**waived[0], "note": "retired", "rule": "GAP-DEAD-CHANNEL"}]
    metrics = data["metrics"]
    assert metrics["ownership"] == 0.667  # 2 of 3 channels clearly owned
    assert result.metrics["ownership"] == pytest.approx(2 / 3)  # unrounded inside
    assert set(metrics) == {"coverage", "dialog_coverage", "ownership", "coordination", "parallel_free",
                            "integration_score", "silos", "brokerage", "coordinator_candidate", "counts"}
    assert all(round(v, 3) == v for v in metrics["brokerage"].values())


def test_registry_metadata_complete_in_both_languages() -> None:
    assert len(RULES) == 17
    for rule_id, info in RULES.items():
        assert info.id == rule_id and info.family == ("gap" if rule_id.startswith("GAP") else "overlap")
        assert info.default_severity in ("error", "warning", "info")
        for texts in (info.title, info.explanation, info.recommendation):
            assert set(texts) == {"de", "en"} and all(texts.values())


def test_docs_explain_every_rule() -> None:
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule_id in RULES:
        assert rule_id in docs


def test_unvalidated_relations_are_ignored() -> None:
    # an in-memory model mid-edit may hold a dangling relation; analysis must not crash on it
    m = model([sh("s")], [])
    m.relations.append(rel("reaches", "gone", "s"))
    assert hits(m) == [("GAP-UNREACHED", "s")]
