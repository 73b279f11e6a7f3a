"""Findings and metrics delta, with the real analysis engine, and the as-is -> to-be example."""

from __future__ import annotations

from pathlib import Path

import pytest

from commarch.diff import diff_models, diff_to_json, render_markdown, render_text
from commarch.fileformat import load
from commarch.model import Channel, Department, Operates, Reaches, Waiver

from .helpers import copy, sample_model
from .mirror import assert_mirror

analysis = pytest.importorskip("commarch.analysis")
EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def _keys(refs) -> set[tuple[str, frozenset[str]]]:
    return {(f.rule, frozenset(f.subjects)) for f in refs}


def test_without_analysis_findings_and_metrics_are_none() -> None:
    diff = diff_models(sample_model(), sample_model())
    assert diff.findings is None and diff.metrics is None
    assert diff_to_json(diff)["findings"] is None


def test_reaching_an_unreached_stakeholder_resolves_its_finding() -> None:
    old = sample_model()
    new = copy(old)
    new.elements.append(Channel(id="c-press", label="Press releases", channel_type="owned"))
    new.relations += [Operates(id="r-p1", source="d-pr", target="c-press", role="lead"),
                      Reaches(id="r-p2", source="c-press", target="s-press")]
    old.relations[:] = [r for r in old.relations if r.id != "r5"]  # the press is unreached before
    diff = diff_models(old, new, analyzer=analysis.analyze)
    before, after = analysis.analyze(old), analysis.analyze(new)
    open_before = _keys(f for f in before.findings if not f.waived)
    open_after = _keys(f for f in after.findings if not f.waived)
    assert _keys(diff.findings.resolved) == open_before - open_after
    assert _keys(diff.findings.introduced) == open_after - open_before
    assert ("GAP-UNREACHED", frozenset({"s-press"})) in _keys(diff.findings.resolved)
    coverage = diff.metric("coverage")
    assert coverage.old == round(before.metrics["coverage"], 3)
    assert coverage.new == round(after.metrics["coverage"], 3)
    assert coverage.delta == round(coverage.new - coverage.old, 3) and coverage.delta > 0
    assert_mirror(diff, diff_models(new, old, analyzer=analysis.analyze))


def test_findings_are_matched_through_label_matching() -> None:
    from .test_matching import redrawn

    old = sample_model()
    new = redrawn(old)
    diff = diff_models(old, new, match="label", analyzer=analysis.analyze)
    assert not diff.findings.resolved and not diff.findings.introduced
    assert len(diff.findings.unchanged) == len([f for f in analysis.analyze(old).findings if not f.waived])
    assert not any(m.changed for m in diff.metrics), [m for m in diff.metrics if m.changed]


def test_a_new_waiver_moves_a_finding_out_of_the_open_ones() -> None:
    old = sample_model()
    open_findings = [f for f in analysis.analyze(old).findings if not f.waived]
    assert open_findings, "the sample model should have findings"
    target = open_findings[0]
    new = copy(old)
    new.waivers = [Waiver(rule=target.rule, subjects=list(target.subjects), note="accepted")]
    diff = diff_models(old, new, analyzer=analysis.analyze)
    assert _keys(diff.findings.resolved) == {(target.rule, frozenset(target.subjects))}
    assert _keys(diff.findings.waived) == {(target.rule, frozenset(target.subjects))}
    assert not diff.findings.introduced


def test_language_follows_the_new_model_unless_given() -> None:
    old = sample_model()
    new = copy(old)
    new.meta.language = "de"
    new.elements.append(Department(id="d-hr", label="Personal", function="hr"))
    diff = diff_models(old, new, analyzer=analysis.analyze)
    assert diff.lang == "de"
    assert "Elemente" in render_text(diff) and "Elements" in render_text(diff, "en")
    assert diff_models(old, new, lang="en", analyzer=analysis.analyze).lang == "en"


@pytest.mark.skipif(not (EXAMPLES / "avantgarde-to-be.comm").exists(), reason="example models not present")
def test_as_is_to_be_example() -> None:
    old, new = load(EXAMPLES / "avantgarde-as-is.comm"), load(EXAMPLES / "avantgarde-to-be.comm")
    diff = diff_models(old, new, analyzer=analysis.analyze)
    new_by_id = {e.id: e for e in new.elements}
    old_by_id = {e.id: e for e in old.elements}
    # The coordinator is added.
    coordinators = [e for e in diff.added if getattr(new_by_id[e.id], "coordinator", False)]
    assert len(coordinators) == 1 and coordinators[0].kind == "department"
    # The duplicate Facebook page is gone (merged into the one that stays).
    removed_facebook = [e for e in diff.removed if e.kind == "channel"
                        and old_by_id[e.id].platform.strip().casefold() == "facebook"]
    assert len(removed_facebook) == 1
    kept = [e for e in new.elements if e.kind == "channel" and e.platform.strip().casefold() == "facebook"]
    assert len(kept) == 1 and kept[0].id in diff.element_map.values()
    # Findings resolved: the missing coordinator, the duplicate channel, the silos.
    resolved_rules = {f.rule for f in diff.findings.resolved}
    assert {"GAP-NO-COORDINATOR", "OVL-DUPLICATE-CHANNEL", "GAP-SILOS"} <= resolved_rules
    duplicate = next(f for f in diff.findings.resolved if f.rule == "OVL-DUPLICATE-CHANNEL")
    assert removed_facebook[0].id in duplicate.subjects
    score = diff.metric("integration_score")
    assert score.new > score.old and score.delta == score.new - score.old
    candidate = diff.metric("coordinator_candidate")
    assert candidate.new == coordinators[0].id and candidate.changed
    assert not diff.moved  # the example keeps positions of what persists
    text = render_markdown(diff, "en")
    assert f"{score.old} → {score.new} (+{score.delta})" in text
    assert f"{len(diff.findings.resolved)} findings resolved" in text
    assert coordinators[0].label in text
    assert_mirror(diff, diff_models(new, old, analyzer=analysis.analyze))
