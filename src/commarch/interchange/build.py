"""Turn the raw dict an importer built into a model, via the `.comm` loader so every format rule applies."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from commarch.fileformat import CommFileError, loads
from commarch.model import CURRENT_VERSION, CommModel

from .errors import ProblemList

GRID_DX, GRID_DY = 250, 100
_PATH = re.compile(r"^(elements|relations)\[(\d+)\](?:\.(.*))?$")

# (list name, index) -> (file, where-prefix such as "line 7" or "node 'x' (line 12)")
Locator = Callable[[str, int], tuple[str, str]]


def raw_document(elements: list[dict[str, Any]], relations: list[dict[str, Any]],
                 extra: dict[str, Any] | None = None) -> dict[str, Any]:
    doc: dict[str, Any] = {"format": "comm", "version": CURRENT_VERSION}
    doc.update(extra or {})
    doc["elements"] = elements
    doc["relations"] = relations
    return doc


def build_model(doc: dict[str, Any], name: str, locate: Locator, problems: ProblemList) -> CommModel:
    """Validate `doc` with the `.comm` loader; report its problems (and earlier ones) by row or node."""
    try:
        model = loads(json.dumps(doc, ensure_ascii=False).encode("utf-8"), name)
    except CommFileError as exc:
        for problem in exc.problems:
            match = _PATH.match(problem.path)
            if match is None:
                problems.add(name, problem.path, problem.reason)
                continue
            file, where = locate(match.group(1), int(match.group(2)))
            field = match.group(3)
            problems.add(file, f"{where}: {field}" if field else where, problem.reason)
        problems.raise_if_any(name)
        raise  # unreachable: a CommFileError always carries problems
    problems.raise_if_any(name)
    return model


def place_missing(elements: list[dict[str, Any]]) -> None:
    """Elements without a position go on a grid below the placed ones: one column per kind."""
    placed_y = [e["y"] for e in elements if "x" in e and "y" in e and isinstance(e["y"], int | float)]
    top = (max(placed_y) + 2 * GRID_DY) if placed_y else 0
    order = ("department", "channel", "stakeholder", "topic", "goal", "note")
    rows = dict.fromkeys(order, 0)
    for element in elements:
        if "x" in element and "y" in element:
            continue
        kind = element["kind"]
        element.setdefault("x", order.index(kind) * GRID_DX)
        element.setdefault("y", top + rows[kind] * GRID_DY)
        rows[kind] += 1
