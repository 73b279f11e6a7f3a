"""ReportData: sections in order, top findings, assessment in both languages, Qt-free building."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from commarch.analysis import analyze
from commarch.fileformat import load
from commarch.report import Chart, Diagram, FindingGroup, KeyFigures, Table, build_report
from commarch.report.assess import top_findings
from commarch.report.texts import ASSESS, DE, EN

from .models import hostile_model

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
ORDER = ["summary", "diagram", "findings", "coverage", "responsibility", "coordination", "brokerage", "power",
         "inventory"]


def test_text_tables_have_the_same_keys():
    assert set(DE) == set(EN)
    assert set(ASSESS["de"]) == set(ASSESS["en"])


@pytest.mark.parametrize("lang", ["de", "en"])
def test_sections_in_order_with_their_content(lang):
    model = load(EXAMPLES / "avantgarde-as-is.comm")
    data = build_report(model, lang=lang)
    keys = [s.key for s in data.sections]
    assert keys[: len(ORDER)] == ORDER
    assert data.lang == lang
    summary = data.sections[0]
    assert isinstance(summary.blocks[0], KeyFigures)
    score = analyze(model, lang).metrics["integration_score"]
    assert summary.blocks[0].items[0].value == str(score)
    charts = [b.key for s in data.sections for b in s.blocks if isinstance(b, Chart)]
    assert charts == ["coverage", "brokerage", "power"]
    assert any(isinstance(b, Diagram) for b in data.sections[1].blocks)
    assert data.cover.subtitle == (DE if lang == "de" else EN)["report_title"]


def test_findings_section_holds_every_open_finding_and_the_appendix_the_waived():
    model = load(EXAMPLES / "avantgarde-to-be.comm")
    analysis = analyze(model, "en")
    data = build_report(model, analysis, lang="en")
    sections = {s.key: s for s in data.sections}

    def messages(key):
        return [i.message for b in sections[key].blocks if isinstance(b, FindingGroup) for i in b.items]

    assert sorted(messages("findings")) == sorted(f.message for f in analysis.findings if not f.waived)
    waived = [f for f in analysis.findings if f.waived]
    if waived:
        assert sorted(messages("waived")) == sorted(f.message for f in waived)
        notes = [i.note for b in sections["waived"].blocks if isinstance(b, FindingGroup) for i in b.items]
        assert sorted(notes) == sorted(f.waiver_note or "" for f in waived)
    else:
        assert "waived" not in sections


def test_top_findings_are_three_open_ones_most_severe_first():
    analysis = analyze(load(EXAMPLES / "avantgarde-as-is.comm"), "en")
    top = top_findings(analysis.findings)
    assert len(top) == 3
    assert all(not f.waived for f in top)
    rank = {"error": 0, "warning": 1, "info": 2}
    assert [rank[f.severity] for f in top] == sorted(rank[f.severity] for f in top)
    worst = min(rank[f.severity] for f in analysis.findings if not f.waived)
    assert rank[top[0].severity] == worst
    assert len({f.rule for f in top}) == 3  # different problems, not one rule three times


@pytest.mark.parametrize("lang", ["de", "en"])
def test_assessment_is_in_the_language_and_names_the_score(lang):
    model = load(EXAMPLES / "avantgarde-as-is.comm")
    data = build_report(model, lang=lang)
    paragraph = data.sections[0].blocks[-1].text
    score = analyze(model).metrics["integration_score"]
    assert str(score) in paragraph
    assert ("Integrationswert" in paragraph) == (lang == "de")


def test_responsibility_matrix_marks_leads_and_contributors():
    model = hostile_model("en")
    data = build_report(model, lang="en")
    table = next(b for s in data.sections if s.key == "responsibility" for b in s.blocks if isinstance(b, Table))
    rows = {row[0]: row for row in table.rows}
    depts = list(table.columns[1:-1])
    web = rows["Website \"quoted\" 'single'"]
    assert web[1 + depts.index("Marketing & <Vertrieb>")] == "L"
    fb = rows[hostile_model().elements[4].label]
    assert fb[1 + depts.index("Marketing & <Vertrieb>")] == "C"
    assert web[-1] == "no"  # two leads: no clear owner


def test_empty_model_builds():
    from commarch.model import CommModel

    data = build_report(CommModel.empty(), lang="en")
    assert [s.key for s in data.sections][:2] == ["summary", "diagram"]


def test_building_a_report_does_not_import_qt():
    code = ("import sys; sys.path.insert(0, 'tests'); from report.models import hostile_model; "
            "from commarch.report import build_report; from commarch.report.html import render_html; "
            "from commarch.report.markdown import render_markdown; d = build_report(hostile_model()); "
            "render_html(d); render_markdown(d); "
            "assert not any(m.startswith(('PySide6', 'shiboken')) for m in sys.modules), 'Qt imported'")
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
