"""Every template builds in both languages, round-trips through the file format, and analyses."""

from __future__ import annotations

import pytest

from commarch.fileformat import dumps, loads, to_dict
from commarch.layout import count_crossings
from commarch.model import CommModel
from commarch.templates import TEMPLATE_NAMES, UnknownTemplateError, build_template, list_templates

REQUIRED = {"b2c", "b2b", "employer-branding", "crisis", "public-institution"}
CASES = [(name, lang) for name in TEMPLATE_NAMES for lang in ("de", "en")]


def test_the_required_templates_exist() -> None:
    assert REQUIRED <= set(TEMPLATE_NAMES)


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_template_builds_and_round_trips(name: str, lang: str) -> None:
    model = build_template(name, lang)
    assert model.meta is not None and model.meta.language == lang and model.meta.title
    assert 15 <= len(model.elements) <= 30
    assert {e.kind for e in model.elements} >= {"department", "channel", "stakeholder", "goal", "topic"}
    text = dumps(model)
    again = loads(text.encode("utf-8"), f"{name}.comm")
    assert dumps(again) == text
    # positions are written, so the file opens laid out
    assert all("x" in e and "y" in e for e in to_dict(model)["elements"])
    assert len({(e.x, e.y) for e in again.elements}) == len(again.elements)


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_languages_differ_only_in_text(name: str) -> None:
    de, en = build_template(name, "de"), build_template(name, "en")
    assert [(e.id, e.kind, e.x, e.y) for e in de.elements] == [(e.id, e.kind, e.x, e.y) for e in en.elements]
    assert [(r.kind, r.source, r.target) for r in de.relations] == [(r.kind, r.source, r.target)
                                                                     for r in en.relations]
    assert [e.label for e in de.elements] != [e.label for e in en.elements]
    assert de.meta and en.meta and de.meta.title != en.meta.title


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_template_is_laid_out_readably(name: str) -> None:
    model = build_template(name, "en")
    items = [(e.id, e.kind, float(e.x), float(e.y)) for e in model.elements]
    for i, (a, _, xa, ya) in enumerate(items):
        for b, _, xb, yb in items[i + 1:]:
            assert not (abs(xa - xb) < 160 and abs(ya - yb) < 60), f"{a} overlaps {b}"
    xs = {k: [x for _, kind, x, _ in items if kind == k] for k in ("department", "channel", "stakeholder")}
    assert max(xs["department"]) < min(xs["channel"]) and max(xs["channel"]) < min(xs["stakeholder"])
    # far fewer crossings than with everything stacked in element order per kind column
    assert count_crossings(model) < len(model.relations) * 2


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_template_analyses_without_error(name: str, lang: str) -> None:
    analysis = pytest.importorskip("commarch.analysis")
    result = analysis.analyze(build_template(name, lang), lang)
    # a starting architecture should be free of error-level findings (e.g. unreached key stakeholders)
    assert not [f for f in result.findings if f.severity == "error"]


def test_every_stakeholder_channel_and_goal_is_connected() -> None:
    for name in TEMPLATE_NAMES:
        model: CommModel = build_template(name, "en")
        reached = {r.target for r in model.relations if r.kind == "reaches"}
        operated = {r.target for r in model.relations if r.kind == "operates"}
        served = {r.target for r in model.relations if r.kind == "serves"}
        for e in model.elements:
            if e.kind == "stakeholder":
                assert e.id in reached, (name, e.id)
            if e.kind == "channel":
                assert e.id in operated, (name, e.id)
            if e.kind == "goal":
                assert e.id in served, (name, e.id)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_list_templates(lang: str) -> None:
    rows = list_templates(lang)
    assert [name for name, _, _ in rows] == list(TEMPLATE_NAMES)
    assert all(title and description and "\n" not in description for _, title, description in rows)


def test_unknown_template_and_language() -> None:
    with pytest.raises(UnknownTemplateError, match="available"):
        build_template("nope", "en")
    with pytest.raises(ValueError):
        build_template("b2c", "fr")
    with pytest.raises(ValueError):
        list_templates("fr")
