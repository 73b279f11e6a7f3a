"""The direct SVG writer: structure per element and relation, hostile text, and pixels against Qt's painting."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from defusedxml import ElementTree as DET
from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from commarch import fileformat
from commarch.model import CommModel, Influences, Meta, Note, Stakeholder
from commarch.render import export_diagram, paint_diagram, plan_diagram
from commarch.render.diagram import DiagramPlan
from commarch.render.style import DARK, LIGHT, Theme
from commarch.render.svg_writer import svg_text

from .conftest import build_model

SVG = "{http://www.w3.org/2000/svg}"
EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
BADGES = {"c-fb": "error", "s-cust": "warning", "g-sales": "info"}
HINTS = (QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
         | QPainter.RenderHint.SmoothPixmapTransform)


def top_groups(root: Any) -> dict[str, Any]:
    return {g.get("id"): g for g in root if g.tag == f"{SVG}g"}


def texts(group: Any) -> str:
    return "".join(t.text or "" for t in group.iter(f"{SVG}text"))


def test_every_element_and_relation_is_one_titled_group(model: CommModel, tmp_path: Path) -> None:
    out = export_diagram(model, tmp_path / "d.svg", legend=True, title_block=True, badges=BADGES)
    root = DET.parse(out).getroot()
    bounds = plan_diagram(model, legend=True, title_block=True).bounds
    view = [float(v) for v in root.get("viewBox").split()]
    assert view == pytest.approx([bounds.x(), bounds.y(), bounds.width(), bounds.height()], abs=0.001)
    assert root.get("width") == f"{bounds.width():.2f}pt" and root.get("height") == f"{bounds.height():.2f}pt"
    groups = top_groups(root)
    labels = {e.id: e.label for e in model.elements}
    for element in model.elements:
        group = groups.pop(f"element-{element.id}")
        assert group.get("class") == f"element {element.kind}" and group.get("data-id") == element.id
        assert group.find(f"{SVG}title").text == element.label
        assert texts(group).strip(), element.id  # the label as real, searchable text
        assert len(list(group.iter(f"{SVG}path"))) >= 2  # shadow and body at least
    for relation in model.relations:
        group = groups.pop(f"relation-{relation.id}")
        assert group.get("class") == f"relation {relation.kind}" and group.get("data-id") == relation.id
        title = group.find(f"{SVG}title").text
        assert title == (relation.label or f"{labels[relation.source]} \u2192 {labels[relation.target]}")
        assert group.find(f"{SVG}path") is not None
    assert set(groups) == {"background", "title", "legend"} - {"background"}
    assert root.find(f"{SVG}rect").get("id") == "background"
    caption = texts(top_groups(root)["relation-r11"])
    assert caption.startswith("<b>word")  # shown as text, not markup


def test_transparent_has_no_background(model: CommModel) -> None:
    root = DET.fromstring(svg_text(plan_diagram(model), LIGHT, transparent=True))
    assert all(node.get("id") != "background" for node in root)


HOSTILE_LABELS = {
    "h-ctrl": "nul\x00 bell\x07 esc\x1b del\x7f c1\x85 bom\ufeff end\uffff",
    "h-markup": '"><script>alert(1)</script><!-- ]]> <![CDATA[ x ]]> &amp; &#x26; &lt;',
    "h-quotes": "it's \"quoted\" & 'single'\ttab\r\ncrlf",
    "h-long": "word " * 30 + "x" * 50,
    "h-bidi": "\u202eexe.txt\u202c \u05d0\u05d1\u05d2",
}


def hostile_model() -> CommModel:
    elements: list[Any] = [Stakeholder(id=key, label=label, x=0, y=i * 100)
                           for i, (key, label) in enumerate(HOSTILE_LABELS.items())]
    # beyond what a file may hold (ids of [A-Za-z0-9_.:-], labels <= 200 characters): the writer must not
    # depend on those limits
    elements.append(Note.model_construct(id='n"<&>\n', kind="note", label="note", x=400, y=0))
    elements.append(Note.model_construct(id="n-huge", kind="note", label="z " * 20_000 + "\x01]]>", x=400, y=200))
    relations = [Influences.model_construct(id="r<&", kind="influences", source="h-ctrl", target="h-markup",
                                            label=HOSTILE_LABELS["h-markup"]),
                 Influences(id="r2", source="h-quotes", target="h-long", label="\x01\x02" + "y" * 150)]
    meta = Meta(title="</title><script>x</script>\x00", client="a & b", modified="2026-11-20T10:30:00Z")
    return CommModel(elements=elements, relations=relations, meta=meta)


@pytest.mark.parametrize("theme", [LIGHT, DARK])
def test_hostile_labels_are_escaped_and_the_xml_is_valid(theme: Theme) -> None:
    model = hostile_model()
    text = svg_text(plan_diagram(model, legend=True, title_block=True), theme)
    root = DET.fromstring(text)  # well-formed, no entities or DTD
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", text)
    names = {node.tag for node in root.iter()}
    assert names <= {f"{SVG}{n}" for n in ("svg", "title", "desc", "defs", "g", "use", "rect", "path", "polygon",
                                            "polyline", "circle", "ellipse", "text")}
    groups = top_groups(root)
    for element in model.elements:
        group = groups[f"element-{element.id}"]
        assert group.get("data-id") == element.id
        title = group.find(f"{SVG}title").text
        expected = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\uffff]", "\ufffd", element.label).replace("\r\n", "\n")
        assert title.replace("\r\n", "\n") == expected
    assert groups["relation-r<&"].find(f"{SVG}title").text == HOSTILE_LABELS["h-markup"]
    assert "<script>" in texts(groups["title"]) and "\ufffd" not in texts(groups["element-h-markup"])
    assert texts(groups["element-h-long"]).rstrip().endswith("\u2026")  # elided inside its shape


# --- pixels: the SVG as QSvgRenderer draws it against the same plan painted by QPainter on a QImage ---

def _image(plan: DiagramPlan) -> QImage:
    b = plan.bounds
    image = QImage(round(b.width()), round(b.height()), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))
    return image


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGBA8888_Premultiplied)
    data = np.frombuffer(bytes(image.constBits()), np.uint8)
    return data.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, :image.width()].astype(np.float64)


def qt_reference(plan: DiagramPlan, theme: Theme, *, transparent: bool) -> np.ndarray:
    image = _image(plan)
    painter = QPainter(image)
    painter.setRenderHints(HINTS)
    painter.translate(-plan.bounds.topLeft())
    paint_diagram(painter, plan, theme, background=not transparent)  # the raster path, one layer at a time
    painter.end()
    return _pixels(image)


def svg_render(text: str, plan: DiagramPlan) -> np.ndarray:
    image = _image(plan)
    renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
    assert renderer.isValid()
    painter = QPainter(image)
    painter.setRenderHints(HINTS)
    renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    return _pixels(image)


POOL = 4  # compare 4x4-pixel means: anti-aliasing and subpixel text positions average out, shapes do not
TOLERANCE = 32.0  # on 0..255; identical drawings measured <= 22, any one missing mark >= 50 (see below)


def worst_block(a: np.ndarray, b: np.ndarray) -> float:
    h, w = (a.shape[0] // POOL) * POOL, (a.shape[1] // POOL) * POOL

    def pool(x: np.ndarray) -> np.ndarray:
        return x[:h, :w].reshape(h // POOL, POOL, w // POOL, POOL, 4).mean(axis=(1, 3))

    return float(np.abs(pool(a) - pool(b)).max())


CASES = {
    "small light, legend, title, badges": (build_model, dict(legend=True, title_block=True, badges=BADGES),
                                          LIGHT, False),
    "small dark, legend, title, badges": (build_model, dict(legend=True, title_block=True, badges=BADGES),
                                         DARK, False),
    "small transparent": (build_model, {}, LIGHT, True),
    "example as-is": (lambda: fileformat.load(EXAMPLES / "avantgarde-as-is.comm"), dict(legend=True), DARK, False),
    "example to-be": (lambda: fileformat.load(EXAMPLES / "avantgarde-to-be.comm"), dict(title_block=True),
                      LIGHT, False),
}


@pytest.mark.parametrize("case", list(CASES))
def test_svg_looks_like_qt_painting(case: str) -> None:
    make, options, theme, transparent = CASES[case]
    plan = plan_diagram(make(), **options)
    reference = qt_reference(plan, theme, transparent=transparent)
    assert worst_block(reference, svg_render(svg_text(plan, theme, transparent=transparent), plan)) <= TOLERANCE


def _drop(pattern: str, text: str, *, count: int = 0) -> str:
    changed = re.sub(pattern, "", text, count=count, flags=re.S)
    assert changed != text, pattern
    return changed


# One mark taken out of an otherwise correct SVG: the comparison must notice each of them.
MUTATIONS = {
    "an arrowhead": lambda s: re.sub(r'(<g id="relation-r1".*?)<polygon[^>]*/>', r"\1", s, count=1, flags=re.S),
    "the dash patterns": lambda s: s.replace("stroke-dasharray", "data-dasharray"),
    "a label": lambda s: re.sub(r'(<g id="element-c-fb".*?)<text[^>]*>[^<]*</text>', r"\1", s, count=1,
                                flags=re.S),
    "an icon": lambda s: re.sub(r'(<g id="element-c-fb".*?)<use[^>]*/>', r"\1", s, count=1, flags=re.S),
    "the legend": lambda s: _drop(r'<g id="legend".*?</g>', s),
    "a badge": lambda s: re.sub(r'(<g id="element-g-sales".*?)<circle[^>]*/>', r"\1", s, count=1, flags=re.S),
    "the shadows": lambda s: s.replace("fill-opacity", "data-opacity"),
    "a caption": lambda s: re.sub(r'(<g id="relation-r6".*?)<rect[^>]*/><text[^>]*>[^<]*</text>', r"\1", s,
                                  count=1, flags=re.S),
    "a double line's rail": lambda s: re.sub(r'(<g id="relation-r6".*?)<path[^>]*/>', r"\1", s, count=1,
                                             flags=re.S),
    "a header band": lambda s: re.sub(r'(<g id="element-d-pr".*?<path[^>]*/><path[^>]*/>)<path[^>]*/>', r"\1",
                                      s, count=1, flags=re.S),
}


@pytest.mark.parametrize("what", list(MUTATIONS))
def test_the_pixel_comparison_notices_a_missing_mark(what: str) -> None:
    plan = plan_diagram(build_model(), legend=True, title_block=True, badges=BADGES)
    text = svg_text(plan, LIGHT)
    broken = MUTATIONS[what](text)
    assert broken != text
    DET.fromstring(broken)
    assert worst_block(qt_reference(plan, LIGHT, transparent=False), svg_render(broken, plan)) > TOLERANCE


def test_icon_ids_mean_the_same_drawing_in_every_document(model: CommModel) -> None:
    # the comparison report inlines two diagrams into one HTML page, where <use> takes the first element
    # of an id: an id two documents share must stand for the same icon in the same colour
    example = fileformat.load(EXAMPLES / "avantgarde-to-be.comm")
    defs: dict[str, str] = {}
    for source, theme in ((model, LIGHT), (example, LIGHT), (example, DARK)):
        root = DET.fromstring(svg_text(plan_diagram(source), theme))
        icons = root.find(f"{SVG}defs")
        assert icons is not None
        uses = {node.get("{http://www.w3.org/1999/xlink}href") for node in root.iter(f"{SVG}use")}
        assert uses == {f"#{icon.get('id')}" for icon in icons}
        for icon in icons:
            drawing = DET.tostring(icon, encoding="unicode")
            assert defs.setdefault(icon.get("id"), drawing) == drawing
