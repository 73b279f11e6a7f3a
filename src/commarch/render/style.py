"""How things look, as plain data: themes, per-kind element and relation styles, sizes, display names."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision deficiency.
OKABE_ITO: dict[str, str] = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}

ShapeName = Literal["pill", "rounded", "header_rect", "hexagon", "tag", "note"]
ArrowName = Literal["none", "filled", "open"]
Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Theme:
    """Colours of everything that is not an element kind: canvas, text, selection, badges, panels."""

    name: str
    dark: bool
    background: str
    grid: str
    text: str
    text_muted: str
    edge: str
    selection: str
    hover: str
    shadow: str  # #rrggbbaa
    panel: str
    panel_border: str
    badge_error: str
    badge_warning: str
    badge_info: str
    badge_glyph: str


LIGHT = Theme(
    name="light", dark=False, background="#FFFFFF", grid="#E8ECF0", text="#1B2631", text_muted="#5D6D7E",
    edge="#4A5562", selection="#0072B2", hover="#56B4E9", shadow="#1B263124", panel="#F7F9FB",
    panel_border="#D5DBE1", badge_error="#D55E00", badge_warning="#E69F00", badge_info="#0072B2",
    badge_glyph="#FFFFFF",
)
DARK = Theme(
    name="dark", dark=True, background="#1E2227", grid="#2C323A", text="#E8ECF0", text_muted="#A3AEBA",
    edge="#B4BEC8", selection="#56B4E9", hover="#8FCDF0", shadow="#00000066", panel="#262B31",
    panel_border="#3D4550", badge_error="#F07A3A", badge_warning="#F0C040", badge_info="#56B4E9",
    badge_glyph="#10151A",
)
THEMES: dict[str, Theme] = {"light": LIGHT, "dark": DARK}


def get_theme(theme: str | Theme) -> Theme:
    """A Theme from its name ('light'/'dark') or the Theme itself; ValueError for an unknown name."""
    if isinstance(theme, Theme):
        return theme
    try:
        return THEMES[theme]
    except KeyError:
        raise ValueError(f"unknown theme {theme!r} (choose {', '.join(THEMES)})") from None


# --- colour arithmetic on #rrggbb strings -------------------------------------------------------------

def _rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


@lru_cache(maxsize=4096)  # pure, and called for every element and relation painted
def mix(a: str, b: str, t: float) -> str:
    """`a` moved a fraction `t` of the way towards `b` (t=0: a, t=1: b)."""
    ra, ga, ba = _rgb(a)
    rb, gb, bb = _rgb(b)
    return "#{:02X}{:02X}{:02X}".format(*(round(x + (y - x) * t) for x, y in ((ra, rb), (ga, gb), (ba, bb))))


def luminance(color: str) -> float:
    """WCAG relative luminance of an #rrggbb colour."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = _rgb(color)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def contrast_text(fill: str) -> str:
    """Near-black or near-white, whichever reads better on `fill` (pure black/white if those fall short)."""
    best = max(("#1B2631", "#F7F9FB"), key=lambda c: contrast_ratio(c, fill))
    if contrast_ratio(best, fill) >= 4.5:
        return best
    return max(("#000000", "#FFFFFF"), key=lambda c: contrast_ratio(c, fill))


# --- elements -----------------------------------------------------------------------------------------

KIND_COLORS: dict[str, str] = {
    "stakeholder": OKABE_ITO["orange"],
    "channel": OKABE_ITO["bluish_green"],
    "department": OKABE_ITO["blue"],
    "goal": OKABE_ITO["reddish_purple"],
    "topic": OKABE_ITO["sky_blue"],
    "note": OKABE_ITO["yellow"],
}
KIND_SHAPES: dict[str, ShapeName] = {
    "stakeholder": "pill",
    "channel": "rounded",
    "department": "header_rect",
    "goal": "hexagon",
    "topic": "tag",
    "note": "note",
}
# Scene units are points (1/72 inch): a PNG at 72 dpi shows one pixel per unit.
ELEMENT_SIZES: dict[str, tuple[float, float]] = {
    "stakeholder": (170.0, 60.0),
    "channel": (160.0, 60.0),
    "department": (170.0, 74.0),
    "goal": (170.0, 64.0),
    "topic": (156.0, 56.0),
    "note": (150.0, 72.0),
}
DEFAULT_SIZE = (160.0, 60.0)
HEADER_HEIGHT = 20.0  # the department's header band
STROKE_WIDTH = 1.5
LABEL_PIXEL_SIZE = 13  # the label font, in scene units
SMALL_PIXEL_SIZE = 10  # header band text, legend captions, relation labels
MIN_READABLE_LOD = 0.38  # below this scale labels, icons and badges are not drawn (13 px text < 5 px)


def element_size(kind: str) -> tuple[float, float]:
    """Width and height of an element of `kind`, in scene units."""
    return ELEMENT_SIZES.get(kind, DEFAULT_SIZE)


@dataclass(frozen=True)
class ElementStyle:
    kind: str
    shape: ShapeName
    base: str  # the kind colour (or the element's own colour)
    fill: str
    stroke: str
    text: str
    header: str | None  # band colour, department only
    header_text: str
    icon: str


def element_style(kind: str, theme: Theme, color: str | None = None) -> ElementStyle:
    """The look of an element of `kind`; an element's own `color` (#rrggbb) replaces the fill."""
    base = KIND_COLORS.get(kind, OKABE_ITO["black"])
    shape = KIND_SHAPES.get(kind, "rounded")
    if theme.dark:
        fill = mix(base, theme.background, 0.72)
        stroke = mix(base, "#FFFFFF", 0.15)
        text = theme.text
    else:
        fill = mix(base, "#FFFFFF", 0.84)
        stroke = mix(base, "#000000", 0.18)
        text = theme.text
    if color:
        fill = color
        stroke = mix(color, "#000000" if luminance(color) > 0.2 else "#FFFFFF", 0.35)
        text = contrast_text(color)
    header = stroke if shape == "header_rect" else None
    header_text = contrast_text(header) if header else text
    icon = text if color else stroke
    return ElementStyle(kind, shape, base, fill, stroke, text, header, header_text, icon)


# --- relations ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RelationStyle:
    kind: str
    color: str
    width: float
    dash: tuple[float, ...] | None  # in scene units: on, off, on, off...
    double: bool  # two parallel lines (coordinates)
    arrow: ArrowName


def relation_style(kind: str, theme: Theme, role: str | None = None) -> RelationStyle:
    """The look of a relation of `kind` (and, for operates, `role` lead/contributor)."""
    edge = theme.edge

    def tone(name: str) -> str:
        # Okabe-Ito hues, deepened on light backgrounds so thin lines keep their contrast
        return mix(OKABE_ITO[name], "#000000", 0.12) if not theme.dark else OKABE_ITO[name]

    if kind == "operates":
        if role == "contributor":
            return RelationStyle(kind, edge, 1.4, (6.0, 4.0), False, "filled")
        return RelationStyle(kind, edge, 1.6, None, False, "filled")
    if kind == "reaches":
        return RelationStyle(kind, tone("bluish_green"), 1.6, None, False, "open")
    if kind == "coordinates":
        return RelationStyle(kind, tone("blue"), 1.2, None, True, "none")
    if kind == "responsible_for":
        return RelationStyle(kind, edge, 3.2, None, False, "filled")
    if kind == "carries":
        return RelationStyle(kind, tone("sky_blue"), 1.8, (1.5, 3.5), False, "open")
    if kind == "serves":
        return RelationStyle(kind, tone("reddish_purple"), 1.6, (9.0, 3.5, 2.0, 3.5), False, "filled")
    if kind == "influences":
        return RelationStyle(kind, tone("orange"), 1.6, (11.0, 5.0), False, "open")
    return RelationStyle(kind, edge, 1.2, (3.0, 3.0), False, "open")


def badge_color(severity: str, theme: Theme) -> str:
    return {"error": theme.badge_error, "warning": theme.badge_warning}.get(severity, theme.badge_info)


# --- display names (legend, department header band) ---------------------------------------------------

KIND_NAMES: dict[str, dict[str, str]] = {
    "en": {"stakeholder": "Stakeholder", "channel": "Channel", "department": "Department", "goal": "Goal",
           "topic": "Topic", "note": "Note"},
    "de": {"stakeholder": "Stakeholder", "channel": "Kanal", "department": "Abteilung", "goal": "Ziel",
           "topic": "Thema", "note": "Notiz"},
}
RELATION_NAMES: dict[str, dict[str, str]] = {
    "en": {"operates": "operates (lead)", "operates:contributor": "operates (contributor)",
           "reaches": "reaches", "coordinates": "coordinates with", "responsible_for": "responsible for",
           "carries": "carries topic", "serves": "serves goal", "influences": "influences"},
    "de": {"operates": "betreibt (federführend)", "operates:contributor": "betreibt (mitwirkend)",
           "reaches": "erreicht", "coordinates": "stimmt sich ab mit",
           "responsible_for": "verantwortlich für",
           "carries": "spielt Thema", "serves": "zahlt auf Ziel ein", "influences": "beeinflusst"},
}
FUNCTION_NAMES: dict[str, dict[str, str]] = {
    "en": {"pr": "PR", "marketing": "Marketing", "hr": "HR", "customer_service": "Customer service",
           "product": "Product", "social_media": "Social media", "sales": "Sales",
           "management": "Management", "other": "Department"},
    "de": {"pr": "PR", "marketing": "Marketing", "hr": "Personal", "customer_service": "Kundenservice",
           "product": "Produkt", "social_media": "Social Media", "sales": "Vertrieb",
           "management": "Geschäftsführung", "other": "Abteilung"},
}
COORDINATOR_NAMES = {"en": "coordinator", "de": "Koordination"}
LEGEND_TITLES = {"en": ("Elements", "Relations", "Findings"), "de": ("Elemente", "Beziehungen", "Befunde")}
SEVERITY_NAMES: dict[str, dict[str, str]] = {
    "en": {"error": "error", "warning": "warning", "info": "info"},
    "de": {"error": "Fehler", "warning": "Warnung", "info": "Hinweis"},
}


def names(table: dict[str, dict[str, str]], lang: str | None) -> dict[str, str]:
    return table.get(lang or "en", table["en"])
