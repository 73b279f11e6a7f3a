"""Kind colours stay distinguishable for colour-blind viewers, in both themes — and never carry meaning alone."""

from __future__ import annotations

import itertools

import pytest

from commarch.render.style import DARK, KIND_SHAPES, LIGHT, element_style

# Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
CVD = {
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}
KINDS = ["stakeholder", "channel", "department", "goal", "topic", "note"]


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def seen(color: str, vision: str) -> tuple[float, float, float]:
    rgb = [_linear(int(color[i:i + 2], 16) / 255) for i in (1, 3, 5)]
    m = CVD[vision]
    simulated = tuple(min(1.0, max(0.0, sum(m[row][k] * rgb[k] for k in range(3)))) for row in range(3))
    return _lab(simulated)


def delta_e(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    return sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize("vision", list(CVD))
def test_kind_colours_stay_apart(theme, vision: str) -> None:
    # the outline carries the kind colour on the canvas and in exports; fills are tints of it
    strokes = {kind: seen(element_style(kind, theme).stroke, vision) for kind in KINDS}
    closest = min(delta_e(strokes[a], strokes[b]) for a, b in itertools.combinations(KINDS, 2))
    # measured 2026-11-28: at least 13.3 ΔE (tritanopia, channel vs topic); 10 leaves room for tweaks
    assert closest >= 10.0, f"{theme.name}/{vision}: two kinds only {closest:.1f} ΔE apart"


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_fills_differ_from_the_canvas_background(theme) -> None:
    background = seen(theme.background, "normal")
    for kind in KINDS:
        assert delta_e(seen(element_style(kind, theme).fill, "normal"), background) >= 5.0, kind


def test_colour_is_never_the_only_cue() -> None:
    assert len(set(KIND_SHAPES.values())) == len(KINDS)  # every kind has its own shape (and icon)
