"""Styles: themes, colour-blind-safe kind colours, distinguishable relation styles, colour override."""

from __future__ import annotations

import itertools

import pytest

from commarch.model import ELEMENT_KINDS, RELATION_KINDS
from commarch.render.style import (
    DARK,
    KIND_COLORS,
    LIGHT,
    OKABE_ITO,
    element_size,
    element_style,
    get_theme,
    luminance,
    relation_style,
)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_every_kind_has_its_own_okabe_ito_colour() -> None:
    colours = [KIND_COLORS[kind] for kind in ELEMENT_KINDS]
    assert len(set(colours)) == len(ELEMENT_KINDS)
    assert set(colours) <= set(OKABE_ITO.values())


@pytest.mark.parametrize("theme", [LIGHT, DARK])
@pytest.mark.parametrize("kind", ELEMENT_KINDS)
def test_label_text_is_readable_on_every_fill(theme, kind) -> None:
    style = element_style(kind, theme)
    assert contrast(style.text, style.fill) >= 4.5
    if style.header:
        assert contrast(style.header_text, style.header) >= 3.0


@pytest.mark.parametrize("color", ["#000000", "#FFFFFF", "#FF0000", "#336699", "#F0E442"])
def test_element_colour_replaces_the_fill_and_text_stays_readable(color) -> None:
    style = element_style("stakeholder", LIGHT, color)
    assert style.fill == color
    assert contrast(style.text, style.fill) >= 4.5


def test_relation_styles_are_pairwise_distinguishable() -> None:
    styles = [relation_style(kind, LIGHT) for kind in RELATION_KINDS]
    styles.append(relation_style("operates", LIGHT, "contributor"))
    for a, b in itertools.combinations(styles, 2):
        look_a = (a.color, a.width, a.dash, a.double, a.arrow)
        look_b = (b.color, b.width, b.dash, b.double, b.arrow)
        assert look_a != look_b, (a.kind, b.kind)


def test_relation_semantics() -> None:
    assert relation_style("coordinates", LIGHT).arrow == "none"
    assert relation_style("coordinates", LIGHT).double
    assert relation_style("operates", LIGHT, "lead").dash is None
    assert relation_style("operates", LIGHT, "contributor").dash
    assert relation_style("responsible_for", LIGHT).width > max(
        relation_style(k, LIGHT).width for k in RELATION_KINDS if k != "responsible_for")
    assert relation_style("reaches", LIGHT).arrow != "none"


def test_sizes_and_theme_lookup() -> None:
    for kind in ELEMENT_KINDS:
        w, h = element_size(kind)
        assert 120 <= w <= 200 and 48 <= h <= 90
    assert get_theme("dark") is DARK and get_theme(LIGHT) is LIGHT
    with pytest.raises(ValueError):
        get_theme("sepia")
    assert luminance(DARK.background) < luminance(LIGHT.background)
