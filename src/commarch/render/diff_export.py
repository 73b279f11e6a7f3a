"""Writing the comparison report ("what changed") as PDF, HTML or Markdown, with the marked diagram."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from commarch.diff import ModelDiff
from commarch.model import CommModel
from commarch.report.diff_report import build_diff_report

from .diff_markers import marked_diagram_svg
from .report_export import export_report, report_format


def export_diff_report(diff: ModelDiff, old: CommModel, new: CommModel, out_path: str | os.PathLike[str], *,
                       lang: str | None = None, old_name: str = "", new_name: str = "",
                       old_findings: Sequence[Any] | None = None) -> Path:
    """Write the comparison report of `old` -> `new` to `out_path` (format by suffix), atomically.

    The "after" diagram carries the change markers in PDF and HTML. Raises ValueError for an unknown
    suffix, OSError when the file cannot be written.
    """
    fmt = report_format(out_path)
    if fmt is None:
        raise ValueError(f"{out_path}: unknown report format; use .pdf, .html or .md")
    lang = lang or diff.lang
    marked = marked_diagram_svg(old, new, diff, lang=lang) if fmt != "md" and new.elements else None
    data = build_diff_report(diff, old, new, lang=lang, old_name=old_name, new_name=new_name,
                             marked_svg=marked, old_findings=list(old_findings or []))
    return export_report(data, out_path, {"old": old, "new": new})
