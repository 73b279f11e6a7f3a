"""Writing a report to a file in any of its formats (PDF, HTML, Markdown), atomically."""

from __future__ import annotations

import dataclasses
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from commarch.model import CommModel
from commarch.report.blocks import Diagram, ReportData
from commarch.report.html import render_html
from commarch.report.markdown import render_markdown

from .export import export_diagram

REPORT_FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def report_format(out_path: str | os.PathLike[str]) -> str | None:
    """'pdf', 'html' or 'md' from the suffix of `out_path`; None for anything else."""
    return REPORT_FORMATS.get(Path(out_path).suffix.lower())


def diagram_svg(model: CommModel, *, lang: str | None = None, badges: Mapping[str, str] | None = None) -> str:
    """The model's diagram (with legend) as SVG text, drawn by the same code as the canvas."""
    with tempfile.TemporaryDirectory(prefix="commarch-report-") as tmp:
        path = Path(tmp) / "diagram.svg"
        export_diagram(model, path, fmt="svg", legend=True, lang=lang, badges=badges)
        return path.read_text(encoding="utf-8")


def with_diagrams(data: ReportData, models: Mapping[str, CommModel]) -> ReportData:
    """`data` with every Diagram block that has no SVG yet given one (the HTML report embeds it)."""
    sections = []
    for section in data.sections:
        blocks = tuple(
            dataclasses.replace(b, svg=diagram_svg(models[b.key], lang=data.lang, badges=dict(b.badges)))
            if isinstance(b, Diagram) and b.svg is None and b.key in models and models[b.key].elements else b
            for b in section.blocks)
        sections.append(dataclasses.replace(section, blocks=blocks))
    return dataclasses.replace(data, sections=tuple(sections))


def export_report(data: ReportData, out_path: str | os.PathLike[str],
                  models: CommModel | Mapping[str, CommModel]) -> Path:
    """Write `data` to `out_path` as PDF, HTML or Markdown (by suffix); the file appears whole or not at all.

    Raises ValueError for an unknown suffix, OSError when the file cannot be written.
    """
    fmt = report_format(out_path)
    if fmt is None:
        raise ValueError(f"{out_path}: unknown report format; use .pdf, .html or .md")
    if isinstance(models, CommModel):
        models = {"model": models}
    target = Path(out_path)
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    os.close(fd)
    try:
        if fmt == "pdf":
            from .report_pdf import write_report_pdf

            write_report_pdf(data, models, tmp)
        else:
            text = render_html(with_diagrams(data, models)) if fmt == "html" else render_markdown(data)
            with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return target
