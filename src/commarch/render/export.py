"""Diagram export to PNG, SVG and vector PDF, written atomically (temp file, then os.replace)."""

from __future__ import annotations

import math
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
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
_ATTR_ENTITIES = {'"': "&quot;", "\n": "&#10;", "\t": "&#09;"}


def escape(text: str, entities: dict[str, str] | None = None) -> str:
    """XML-escape `text` (&, <, > and `entities`); not xml.sax.saxutils, which imports urllib and ssl."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char, entity in (entities or {}).items():
        text = text.replace(char, entity)
    return text


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
        paint_diagram(painter, plan, theme, background=False, batched=True)
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
        paint_diagram(painter, plan, theme, background=not transparent, batched=True)
    finally:
        painter.end()


# A stroke no drawing uses: painted between layers, it marks where one layer's output ends in the single
# QSvgGenerator pass (the generator writes one <g> per painter state, so the marker gets its own group).
_MARK_COLOR = "#fe01fd"
_MARK_WIDTH = 0.0123
_MARK_ATTR = f'stroke="{_MARK_COLOR}"'
_STATE_GROUP = re.compile(r"<g ([^>]*)>(.*?)</g>", re.S)
_FONT_ATTRS = re.compile(r'\s*font-(?:family|size|weight|style)="[^"]*"')
_VECTOR_EFFECT = re.compile(r'\s*vector-effect="[^"]*"')
_TEXT_FAMILY = re.compile(r'(<text\b[^>]*?\sfont-family=")[^"]*(")')


def _svg_pass(plan: DiagramPlan, theme: Theme, families: str) -> tuple[str, list[list[str]]]:
    """Paint every layer into one QSvgGenerator; the outer group's attributes and, per layer, its
    state groups (<g> elements) cleaned up as _write_svg documents."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setViewBox(plan.bounds)
    generator.setSize(QSize(math.ceil(plan.bounds.width()), math.ceil(plan.bounds.height())))
    mark = QPen(QColor(_MARK_COLOR), _MARK_WIDTH)
    start, end = QPointF(plan.bounds.left(), plan.bounds.top()), QPointF(plan.bounds.left() + 1, plan.bounds.top())
    no_brush = Qt.BrushStyle.NoBrush
    painter = QPainter(generator)
    try:
        for layer in plan.layers:
            painter.save()
            painter.setPen(mark)
            painter.setBrush(no_brush)
            painter.drawLine(start, end)
            painter.restore()  # every layer starts from the painter's defaults, as on its own
            layer.paint(painter, theme)
    finally:
        painter.end()
    text = bytes(buffer.data()).decode("utf-8")
    outer_start = text.index("<g ", text.index("</defs>"))
    outer_end = text.index(">", outer_start)
    outer = " ".join(text[outer_start + 3: outer_end].split())
    body = text[outer_end + 1:].replace(' vector-effect="none"', "")  # str.replace: 50x a regex here
    if "vector-effect" in body:
        body = _VECTOR_EFFECT.sub("", body)
    # name the font the text was measured with first; the fallbacks are narrower, so labels still fit
    body = _TEXT_FAMILY.sub(lambda m: m.group(1) + families + m.group(2), body)
    marker = f'stroke-width="{_MARK_WIDTH:g}"'
    heads: dict[tuple[str, bool], str] = {}  # a few dozen distinct painter states among thousands of groups
    layers: list[list[str]] = []
    for match in _STATE_GROUP.finditer(body):
        attrs, content = match.group(1), match.group(2)
        if _MARK_ATTR in attrs and marker in attrs:
            layers.append([])
        elif content and not content.isspace() and layers:  # drop the empty groups of bare state changes
            has_text = "<text" in content
            head = heads.get((attrs, has_text))
            if head is None:
                head = " ".join(attrs.split())
                # font attributes only where there is text under them
                head = heads[(attrs, has_text)] = head if has_text else _FONT_ATTRS.sub("", head)
            layers[-1].append(f"<g {head}>{content}</g>")
    if len(layers) != len(plan.layers):
        raise RuntimeError("SVG export: layer markers not found in the generator's output")
    return outer, layers


def _group_attrs(layer: Layer) -> dict[str, str]:
    if layer.group in ("element", "relation"):
        # ids may start with a digit or hold ':'; the prefix makes them valid XML names, data-id keeps them
        return {"id": f"{layer.group}-{layer.key}", "class": f"{layer.group} {layer.kind}",
                "data-id": layer.key}
    return {"id": layer.group, "class": layer.group}


def _write_svg(plan: DiagramPlan, path: str, theme: Theme, *, transparent: bool, dpi: int) -> None:
    from .svg_writer import can_write, svg_text

    if not can_write(plan):
        _write_svg_qt(plan, path, theme, transparent=transparent, dpi=dpi)
        return
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(svg_text(plan, theme, transparent=transparent))


def _write_svg_qt(plan: DiagramPlan, path: str, theme: Theme, *, transparent: bool, dpi: int) -> None:
    # QSvgGenerator groups by painter state, not by object: all layers are painted in one pass with a
    # marker between them, and each layer's state groups are wrapped in one <g> per element/relation.
    # The painting code stays the one used on screen.
    b = plan.bounds
    families = escape(f"{resolved_family()}, Arial, Helvetica, sans-serif", {'"': "&quot;"})
    outer, groups = _svg_pass(plan, theme, families)
    parts = [f'<svg xmlns="{SVG_NS}"']
    body: list[str] = []
    title = escape(plan.title or "commarch diagram")
    body.append(f"<title>{title}</title><desc>Generated by commarch {escape(__version__)}</desc>")
    if not transparent:
        body.append(f'<rect id="background" x="{b.x():.3f}" y="{b.y():.3f}" width="{b.width():.3f}" '
                    f'height="{b.height():.3f}" fill="{escape(theme.background)}" />')
    for layer, states in zip(plan.layers, groups, strict=True):
        attrs = " ".join(f'{key}="{escape(value, _ATTR_ENTITIES)}"' for key, value in _group_attrs(layer).items())
        body.append(f"<g {attrs}>")
        if layer.label:
            body.append(f"<title>{escape(layer.label)}</title>")
        if states:
            body.append(f"<g {outer}>")
            body.extend(states)
            body.append("</g>")
        body.append("</g>")
    text = "".join(body)
    if "xlink:" in text:
        parts.append(' xmlns:xlink="http://www.w3.org/1999/xlink"')
    parts.append(f' version="1.1" width="{b.width():.2f}pt" height="{b.height():.2f}pt" '
                 f'viewBox="{b.x():.3f} {b.y():.3f} {b.width():.3f} {b.height():.3f}">')
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="UTF-8"?>\n' + "".join(parts) + text + "</svg>\n")
