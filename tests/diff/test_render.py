"""Text and Markdown renderings and the JSON shape: readable, localised, labels not just ids."""

from __future__ import annotations

import json
from dataclasses import replace

from commarch.diff import (
    FindingRef,
    FindingsDiff,
    MetricChange,
    diff_models,
    diff_to_json,
    render_markdown,
    render_text,
    summary_line,
)
from commarch.model import Channel, Reaches

from .helpers import copy, sample_model


def _edited():
    old = sample_model()
    new = copy(old)
    new.elements.append(Channel(id="c-pod", label="Podcast *weekly*", channel_type="owned"))
    new.relations.append(Reaches(id="r-pod", source="c-pod", target="s-press"))
    new.elements[0].label = "Brand marketing"
    new.elements[2].y = 450
    return old, new


def test_text_groups_changes_by_kind_and_names_labels() -> None:
    old, new = _edited()
    text = render_text(diff_models(old, new))
    lines = text.splitlines()
    channels, departments = lines.index("  Channels"), lines.index("  Departments")
    assert '+ "Podcast *weekly*" (c-pod)' in lines[channels + 1]
    assert any('"Marketing" -> "Brand marketing"' in line for line in lines[departments:])
    assert any("(0, 400) -> (0, 450)" in line for line in lines[departments:])
    assert '+ "Podcast *weekly*" reaches "Press"' in text
    assert "1 elements moved (positions are not counted" in text


def test_markdown_escapes_labels_and_has_headings() -> None:
    old, new = _edited()
    md = render_markdown(diff_models(old, new))
    assert md.startswith("# Comparison")
    assert "## Elements" in md and "### Channels" in md and "## Relations" in md
    assert r"**Podcast \*weekly\***" in md
    assert "\n\n\n" not in md


def test_german_rendering() -> None:
    old, new = _edited()
    text = render_text(diff_models(old, new), "de")
    assert "Kanäle" in text and "erreicht" in text and "hinzugefügt" in text


def test_summary_line_from_metrics_and_findings() -> None:
    old, new = _edited()
    base = diff_models(old, new)
    finding = FindingRef("GAP-UNREACHED", "error", ("s-press",), "m", "r")
    diff = replace(base, findings=FindingsDiff(resolved=(finding,) * 12, introduced=(finding,) * 2,
                                               unchanged=()),
                   metrics=(MetricChange("integration_score", 41, 78, 37, True),))
    assert summary_line(diff, "en") == "score 41 -> 78 (+37), 12 findings resolved, 2 introduced"
    assert summary_line(diff, "de", arrow="→") == "Score 41 → 78 (+37), 12 Befunde behoben, 2 neu"
    data = diff_to_json(diff)
    assert data["metrics"]["integration_score"] == {"old": 41, "new": 78, "delta": 37, "changed": True}
    assert len(data["findings"]["resolved"]) == 12 and data["findings"]["unchanged"] == 0


def test_json_item_shapes_and_serialisable() -> None:
    old, new = _edited()
    data = diff_to_json(diff_models(old, new))
    json.dumps(data)
    assert data["elements"]["added"] == [{"id": "c-pod", "kind": "channel", "label": "Podcast *weekly*",
                                          "x": 0, "y": 0}]
    assert data["elements"]["moved"] == [{"id": "d-cs", "old_id": "d-cs", "kind": "department",
                                          "label": "Customer service", "old": {"x": 0, "y": 400},
                                          "new": {"x": 0, "y": 450}}]
    assert data["relations"]["added"][0]["source_label"] == "Podcast *weekly*"
    assert data["same"] is False and data["matching"]["used"] == "id"
