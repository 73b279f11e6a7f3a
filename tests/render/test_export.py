"""Diagram export: PNG size/DPI/transparency, SVG structure and text, PDF pages and text, atomic writes."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from commarch.model import CommModel
from commarch.render import ExportError, export_diagram, plan_diagram
from commarch.render.labels import ELLIPSIS

from .conftest import HOSTILE

SVG = "{http://www.w3.org/2000/svg}"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(path)
    return "".join(page.extract_text() for page in reader.pages)


def svg_groups(path: Path) -> dict[str, ET.Element]:
    root = ET.parse(path).getroot()
    return {g.get("data-id") or g.get("id"): g for g in root if g.tag == f"{SVG}g"}


def group_text(group: ET.Element) -> str:
    return "".join(t.text or "" for t in group.iter(f"{SVG}text"))


def expected_visible(label: str, *, bmp_only: bool = False) -> str:
    """The part of a label that is certainly shown: all of it, or what precedes the ellipsis."""
    if bmp_only:
        # Qt's PDF writer maps characters beyond U+FFFF (emoji) to no text: they are drawn but not copyable
        label = "".join(ch for ch in label if ord(ch) <= 0xFFFF)
    return squash(label)[:12]


@pytest.mark.parametrize("dpi", [72, 144, 300])
def test_png_size_scales_with_dpi_and_records_it(model: CommModel, tmp_path: Path, dpi: int) -> None:
    out = export_diagram(model, tmp_path / "d.png", dpi=dpi)
    bounds = plan_diagram(model).bounds
    with Image.open(out) as image:
        assert image.size[0] == pytest.approx(bounds.width() * dpi / 72, abs=1)
        assert image.size[1] == pytest.approx(bounds.height() * dpi / 72, abs=1)
        assert image.info["dpi"] == pytest.approx((dpi, dpi), abs=0.1)


def test_png_transparent_background_has_alpha(model: CommModel, tmp_path: Path) -> None:
    with Image.open(export_diagram(model, tmp_path / "t.png", transparent=True, dpi=72)) as image:
        rgba = image.convert("RGBA")
        assert rgba.getpixel((1, 1))[3] == 0
        alpha = rgba.getchannel("A").histogram()
        assert alpha[0] > 0 and alpha[255] > 0  # see-through background, opaque elements
    with Image.open(export_diagram(model, tmp_path / "o.png", dpi=72)) as image:
        assert image.convert("RGBA").getpixel((1, 1)) == (255, 255, 255, 255)


def test_dark_theme_png_has_a_dark_background(model: CommModel, tmp_path: Path) -> None:
    with Image.open(export_diagram(model, tmp_path / "d.png", dpi=72, theme="dark")) as image:
        r, g, b = image.convert("RGB").getpixel((1, 1))
        assert r + g + b < 150


def test_svg_is_xml_with_one_group_per_element_and_labels_as_text(model: CommModel, tmp_path: Path) -> None:
    out = export_diagram(model, tmp_path / "d.svg", legend=True, title_block=True)
    groups = svg_groups(out)
    for element in model.elements:
        group = groups[element.id]
        assert group.get("class") == f"element {element.kind}"
        assert group.find(f"{SVG}title").text == element.label
        assert expected_visible(element.label) in squash(group_text(group))
    for relation in model.relations:
        assert groups[relation.id].get("class") == f"relation {relation.kind}"
    assert "legend" in groups and "title" in groups
    assert "Avantgarde<GmbH>&Co" in squash(group_text(groups["title"]))
    assert "<script" not in out.read_text(encoding="utf-8")


def test_pdf_is_one_fitted_page_with_selectable_labels(model: CommModel, tmp_path: Path) -> None:
    out = export_diagram(model, tmp_path / "d.pdf", legend=True)
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    bounds = plan_diagram(model, legend=True).bounds
    assert float(box.width) == pytest.approx(bounds.width(), abs=1.5)
    assert float(box.height) == pytest.approx(bounds.height(), abs=1.5)
    text = squash(pdf_text(out))
    for element in model.elements:
        if element.id != "s-rtl":  # pypdf returns right-to-left text in visual order
            assert expected_visible(element.label, bmp_only=True) in text, element.label
    assert squash(HOSTILE["s-rtl"])[::-1] in text or squash(HOSTILE["s-rtl"]) in text
    assert "influences" in text  # no "ﬂ" ligature in copied text


def test_long_labels_are_elided_not_overflowing(model: CommModel, tmp_path: Path) -> None:
    groups = svg_groups(export_diagram(model, tmp_path / "d.svg"))
    shown = group_text(groups["s-long"])
    assert shown.rstrip().endswith(ELLIPSIS)
    assert len(squash(shown)) < len(squash(HOSTILE["s-long"]))


def test_selection_subset_and_badges(model: CommModel, tmp_path: Path) -> None:
    out = export_diagram(model, tmp_path / "s.svg", ids=["d-pr", "c-fb", "d-mkt"], badges={"c-fb": "error"})
    groups = svg_groups(out)
    assert {k for k, g in groups.items() if "element" in (g.get("class") or "")} == {"d-pr", "c-fb", "d-mkt"}
    assert {k for k, g in groups.items() if "relation" in (g.get("class") or "")} == {"r1", "r2", "r6"}
    with pytest.raises(ExportError):
        export_diagram(model, tmp_path / "none.svg", ids=["no-such-id"])


def test_empty_model_exports(tmp_path: Path) -> None:
    for suffix in ("png", "svg", "pdf"):
        assert export_diagram(CommModel.empty(), tmp_path / f"e.{suffix}").stat().st_size > 0


@pytest.mark.parametrize("kwargs", [{"dpi": 71}, {"dpi": 601}, {"dpi": 144.0}, {"theme": "sepia"},
                                    {"fmt": "gif"}])
def test_bad_arguments_raise_and_write_nothing(model: CommModel, tmp_path: Path, kwargs: dict) -> None:
    with pytest.raises(ExportError):
        export_diagram(model, tmp_path / "x.png", **kwargs)
    assert list(tmp_path.iterdir()) == []


def test_failed_export_keeps_the_old_file(tmp_path: Path) -> None:
    from commarch.model import Channel
    far_apart = [Channel(id="a", label="a", x=0, y=0), Channel(id="b", label="b", x=20000, y=0)]
    huge = CommModel(elements=far_apart, relations=[])
    out = tmp_path / "keep.png"
    out.write_bytes(b"old")
    with pytest.raises(ExportError):
        export_diagram(huge, out, dpi=600)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.png"]
