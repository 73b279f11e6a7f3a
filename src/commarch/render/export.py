"""Diagram export to PNG, SVG and vector PDF, written atomically (temp file, then os.replace)."""

from __future__ import annotations

import math
import os
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSize, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from commarch import __version__
from commarch.model import CommModel

from .diagram import DiagramPlan, Layer, paint_diagram, plan_diagram
from .labels import resolved_family
from .painter import qcolor
from .style import Theme, get_theme

FORMATS = ("png", "svg", "pdf")
MIN_DPI, MAX_DPI = 72, 600
MAX_PIXELS_SIDE = 32_000  # QPainter's raster engine works in 16-bit-ish coordinates beyond this
PDF_RESOLUTION = 1200
SVG_NS = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")


class ExportError(ValueError):
    """The diagram cannot be exported as asked (bad format, DPI, selection, size, or an unwritable path)."""


def export_format(out_path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The format for `out_path`: `fmt` if given, else its suffix; ExportError when not png/svg/pdf."""
    name = (fmt or Path(out_path).suffix.lstrip(".")).lower()
    if name not in FORMATS:
        raise ExportError(f"{out_path}: unknown diagram format {name or '(none)'!r}; use .png, .svg or .pdf")
    return name


def export_diagram(model: CommModel, out_path: str | os.PathLike[str], *, fmt: str | None = None,
                   dpi: int = 144, transparent: bool = False, theme: str | Theme = "light",
                   legend: bool = False,
                   title_block: Mapping[str, str] | bool | None = None, ids: Iterable[str] | None = None,
                   badges: Mapping[str, str] | None = None, lang: str | None = None) -> Path:
    """Write the diagram of `model` to `out_path` as PNG, SVG or PDF and return the path.

    Scene units are points: a PNG has `dpi / 72` pixels per unit and records `dpi` in its metadata.
    `title_block` is True (title, client, date from the model's meta) or a dict overriding them;
    `ids` limits the drawing to those elements; `badges` maps element ids to finding severities.
    The file appears complete or not at all. Raises ExportError (a ValueError) for bad arguments,
    OSError when the file cannot be written.
    """
    name = export_format(out_path, fmt)
    if not isinstance(dpi, int) or isinstance(dpi, bool) or not MIN_DPI <= dpi <= MAX_DPI:
        raise ExportError(f"dpi must be a whole number from {MIN_DPI} to {MAX_DPI} (got {dpi!r})")
    try:
        chosen = get_theme(theme)
        plan = plan_diagram(model, ids=ids, legend=legend, title_block=title_block, badges=badges, lang=lang)
    except ValueError as exc:
        raise ExportError(str(exc)) from None
    out = Path(out_path)
    writer = {"png": _write_png, "svg": _write_svg, "pdf": _write_pdf}[name]
    with _atomic(out) as tmp:
        writer(plan, tmp, chosen, transparent=transparent, dpi=dpi)
    return out


class _atomic:
    """A temp file next to `target`, moved over it only when the block finished without error."""

    def __init__(self, target: Path):
        self.target = target

    def __enter__(self) -> str:
        directory = self.target.parent if str(self.target.parent) else Path(".")
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".tmp", dir=directory)
        os.close(fd)
        return self.tmp

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            os.chmod(self.tmp, 0o666 & ~_umask())
            os.replace(self.tmp, self.target)
        else:
            try:
                os.unlink(self.tmp)
            except OSError:
                pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_png(plan: DiagramPlan, path: str, theme: Theme, *, transparent: bool, dpi: int) -> None:
    scale = dpi / 72
    width = math.ceil(plan.bounds.width() * scale)
    height = math.ceil(plan.bounds.height() * scale)
    if max(width, height) > MAX_PIXELS_SIDE:
        raise ExportError(f"the diagram would be {width}x{height} pixels at {dpi} dpi; "
                          "use a lower dpi or export SVG/PDF")
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0) if transparent else qcolor(theme.background))
    dots_per_meter = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_meter)
    image.setDotsPerMeterY(dots_per_meter)
    painter = QPainter(image)
    try:
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                               | QPainter.RenderHint.SmoothPixmapTransform)
        painter.scale(scale, scale)
        painter.translate(-plan.bounds.topLeft())
        paint_diagram(painter, plan, theme, background=False)
    finally:
        painter.end()
    if not image.save(path, "PNG"):
        raise OSError(f"{path}: could not write the PNG image")


def _write_pdf(plan: DiagramPlan, path: str, theme: Theme, *, transparent: bool, dpi: int) -> None:
    writer = QPdfWriter(path)
    writer.setCreator(f"commarch {__version__}")
    writer.setTitle(plan.title)
    writer.setResolution(PDF_RESOLUTION)
    size = QPageSize(QSizeF(plan.bounds.width(), plan.bounds.height()), QPageSize.Unit.Point, "diagram",
                     QPageSize.SizeMatchPolicy.ExactMatch)
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"{path}: could not write the PDF file")
    try:
        scale = PDF_RESOLUTION / 72
        painter.scale(scale, scale)
        painter.translate(-plan.bounds.topLeft())
        paint_diagram(painter, plan, theme, background=not transparent)
    finally:
        painter.end()


def _svg_fragment(plan: DiagramPlan, paint: object, theme: Theme) -> list[ET.Element]:
    """What QSvgGenerator emits for one layer: its drawing groups, in scene coordinates."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setViewBox(plan.bounds)
    generator.setSize(QSize(math.ceil(plan.bounds.width()), math.ceil(plan.bounds.height())))
    painter = QPainter(generator)
    try:
        paint(painter, theme)  # type: ignore[operator]
    finally:
        painter.end()
    root = ET.fromstring(bytes(buffer.data()))
    groups = [child for child in root if child.tag == f"{{{SVG_NS}}}g"]
    for group in groups:
        _prune(group)
    return [group for group in groups if len(group)]


def _prune(node: ET.Element) -> None:
    """Drop the empty <g> elements QSvgGenerator writes for every painter state change."""
    for child in list(node):
        if child.tag == f"{{{SVG_NS}}}g":
            _prune(child)
            if not len(child) and not (child.text or "").strip():
                node.remove(child)


def _group_attrs(layer: Layer) -> dict[str, str]:
    if layer.group in ("element", "relation"):
        # ids may start with a digit or hold ':'; the prefix makes them valid XML names, data-id keeps them
        return {"id": f"{layer.group}-{layer.key}", "class": f"{layer.group} {layer.kind}",
                "data-id": layer.key}
    return {"id": layer.group, "class": layer.group}


def _write_svg(plan: DiagramPlan, path: str, theme: Theme, *, transparent: bool, dpi: int) -> None:
    # QSvgGenerator groups by painter state, not by object, so each layer is generated on its own and the
    # fragments are joined as one <g> per element/relation; the painting code stays the one used on screen.
    b = plan.bounds
    root = ET.Element(f"{{{SVG_NS}}}svg", {
        "version": "1.1", "width": f"{b.width():.2f}pt", "height": f"{b.height():.2f}pt",
        "viewBox": f"{b.x():.3f} {b.y():.3f} {b.width():.3f} {b.height():.3f}",
    })
    ET.SubElement(root, f"{{{SVG_NS}}}title").text = plan.title or "commarch diagram"
    ET.SubElement(root, f"{{{SVG_NS}}}desc").text = f"Generated by commarch {__version__}"
    if not transparent:
        ET.SubElement(root, f"{{{SVG_NS}}}rect", {
            "id": "background", "x": f"{b.x():.3f}", "y": f"{b.y():.3f}", "width": f"{b.width():.3f}",
            "height": f"{b.height():.3f}", "fill": theme.background})
    for layer in plan.layers:
        group = ET.SubElement(root, f"{{{SVG_NS}}}g", _group_attrs(layer))
        if layer.label:
            ET.SubElement(group, f"{{{SVG_NS}}}title").text = layer.label
        group.extend(_svg_fragment(plan, layer.paint, theme))
    # Name the font the text was measured with first; the fallbacks are narrower, so labels still fit.
    families = f"{resolved_family()}, Arial, Helvetica, sans-serif"
    for node in root.iter():
        node.attrib.pop("vector-effect", None)
        if node.tag == f"{{{SVG_NS}}}text":
            node.set("font-family", families)
        elif "font-family" in node.attrib and not any(child.tag == f"{{{SVG_NS}}}text" for child in node):
            for name in ("font-family", "font-size", "font-weight", "font-style"):
                node.attrib.pop(name, None)
    data = ET.tostring(root, encoding="unicode")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="UTF-8"?>\n' + data + "\n")
