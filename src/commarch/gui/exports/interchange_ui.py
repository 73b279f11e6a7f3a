"""File ▸ Import (CSV, GraphML) into a new unsaved window; File ▸ Export as GraphML, CSV pair, matrices."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from commarch.editing import Document
from commarch.fileformat import CommFileError, write_atomic
from commarch.interchange import (
    coverage_matrix,
    csv_paths,
    load_csv,
    load_graphml,
    matrix_to_csv,
    model_to_csv,
    model_to_graphml,
    responsibility_matrix,
    safe_filename,
)
from commarch.model import CommModel

from . import common
from .common import fill, show_problems, tr

READERS: dict[str, Callable[[str], CommModel]] = {".csv": load_csv, ".graphml": load_graphml, ".xml": load_graphml}
MATRICES = {"coverage": coverage_matrix, "responsibility": responsibility_matrix}


def import_file(window: Any, path: str) -> Any | None:
    """Read CSV (either file of a pair) or GraphML and show it as an unsaved document: in `window` when
    that is an empty untitled window, else in a new one. Problems are listed, nothing is opened."""
    reader = READERS.get(os.path.splitext(path)[1].lower())
    title = tr("Cannot import")
    if reader is None:
        show_problems(window, title, tr("The file was not imported."),
                      [fill(tr("%1: unknown import format; expected .csv or .graphml"), path)])
        return None
    try:
        doc = Document(reader(path))
    except CommFileError as exc:  # InterchangeError is one: every bad row with its line
        show_problems(window, title, fill(tr("%1 was not imported. Problems found:"), os.path.basename(path)),
                      exc.lines())
        return None
    except ValueError as exc:  # the reader checks the model; this is the document's own last check
        show_problems(window, title, tr("The file was not imported."), [f"{path}: {exc}"])
        return None
    target = window if window.is_pristine() else window.app.new_window()
    target.set_document(doc)
    target.controller.stack.resetClean()  # imported work is not saved anywhere yet
    target.update_title()
    target.statusBar().showMessage(
        fill(tr("Imported %1: %2 elements, %3 relations (not saved yet)"), os.path.basename(path),
             len(doc.model.elements), len(doc.model.relations)), 10000)
    return target


def _write(window: Any, outputs: dict[str, bytes]) -> list[str] | None:
    """Write every output (all built beforehand); list problems and return None on failure."""
    title = tr("Cannot export")
    own = os.path.realpath(window.doc.path) if window.doc.path else None
    for path in outputs:
        if own is not None and os.path.realpath(path) == own:
            show_problems(window, title, tr("Nothing was written."),
                          [fill(tr("%1: is the model's own file; choose another name"), path)])
            return None
        problem = common.check_target(path)
        if problem:
            show_problems(window, title, tr("Nothing was written."), [problem])
            return None
    written: list[str] = []
    try:
        for path, data in outputs.items():
            write_atomic(path, data)
            written.append(path)
    except CommFileError as exc:
        summary = tr("Nothing was written.") if not written else fill(tr("Written: %1. Then:"), ", ".join(written))
        show_problems(window, title, summary, exc.lines())
        return None
    window.statusBar().showMessage(fill(tr("Exported %1"), ", ".join(written)), 8000)
    return written


def export_graphml(window: Any, path: str, yed: bool = False) -> list[str] | None:
    path = common.with_suffix(path, ".graphml", (".xml",))
    return _write(window, {path: model_to_graphml(window.doc.model, yed=yed)})


def export_csv(window: Any, path: str) -> list[str] | None:
    """The elements file at `path` (…csv) and the relations file beside it (….relations.csv)."""
    elements, relations = csv_paths(common.with_suffix(path, ".csv", ()))
    return _write(window, dict(zip((elements, relations), model_to_csv(window.doc.model), strict=True)))


def export_matrix(window: Any, kind: str, path: str) -> list[str] | None:
    path = common.with_suffix(path, ".csv", ())
    return _write(window, {path: matrix_to_csv(MATRICES[kind](window.doc.model))})


# menu actions (ask for a file, then do one of the above) -------------------------------------------------
CSV_FILTER = "CSV (*.csv)"
GRAPHML_FILTER = "GraphML (*.graphml *.xml)"


def ask_import(window: Any, fmt: str) -> Any | None:
    file_filter = GRAPHML_FILTER if fmt == "graphml" else CSV_FILTER
    title = tr("Import GraphML") if fmt == "graphml" else tr("Import CSV")
    path = common.ask_open_path(window, title, common.start_dir(window), f"{file_filter};;{tr('All files (*)')}")
    return import_file(window, path) if path else None


def ask_export(window: Any, what: str) -> list[str] | None:
    """`what`: 'graphml', 'csv', 'coverage' or 'responsibility'."""
    titles = {"graphml": tr("Export GraphML"), "csv": tr("Export CSV"),
              "coverage": tr("Export Coverage Matrix"), "responsibility": tr("Export Responsibility Matrix")}
    names = {"graphml": ".graphml", "csv": ".csv", "coverage": " coverage.csv",
             "responsibility": " responsibility.csv"}
    # the matrix name goes through safe_filename as part of the title, so its suffix stays ".csv"
    suggested = common.suggested_path(window, ".graphml") if what == "graphml" else os.path.join(
        common.start_dir(window),
        safe_filename(common.base_title(window) + names[what][:-4], ".csv"))
    path = common.ask_save_path(window, titles[what], suggested,
                                GRAPHML_FILTER if what == "graphml" else CSV_FILTER)
    if not path:
        return None
    if what == "graphml":
        return export_graphml(window, path)
    if what == "csv":
        return export_csv(window, path)
    return export_matrix(window, what, path)
