"""Reading `.comm` files in stages: bytes -> strict JSON -> format/version -> migrations -> model."""

from __future__ import annotations

import os
import re
from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from commarch.gcpause import gc_paused
from commarch.model import CURRENT_VERSION, CommModel, Element, Problem, Relation, check_invariants, check_model
from commarch.model.tables import Tables

from .errors import CommFileError
from .fastload import fast_load, surely_consistent
from .jsonparse import MAX_BYTES, JsonProblem, parse_json
from .messages import problems_from
from .migrations import MigrationGap, migrate

MAX_PROBLEMS = 100  # a file with more problems is listed up to here, then summarised
_LISTS: dict[str, Any] = {"elements": Element, "relations": Relation}


@cache
def _adapter(key: str) -> TypeAdapter[Any]:
    """Validator of one list item, built on first use (only invalid files need it)."""
    return TypeAdapter(_LISTS[key])


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes, refusing directories, unreadable and oversized files."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BYTES:
                raise CommFileError(name, [Problem("", f"is larger than {MAX_BYTES // (1024 * 1024)} MiB "
                                                       f"({size / (1024 * 1024):.0f} MiB)")])
            data = handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise CommFileError(name, [Problem("", "is a folder, not a .comm file")]) from None
    except OSError as exc:
        raise CommFileError(name, [Problem("", f"cannot be read: {exc.strerror or exc}")]) from None
    if len(data) > MAX_BYTES:
        raise CommFileError(name, [Problem("", f"is larger than {MAX_BYTES // (1024 * 1024)} MiB")])
    return data


def load(path: str | os.PathLike[str]) -> CommModel:
    """Read and validate a `.comm` file. Raises CommFileError listing every problem."""
    name = os.fspath(path)
    return loads(read_bytes(name), name)


def loads(data: bytes, name: str = "<memory>") -> CommModel:
    """Validate the bytes of a `.comm` file. Raises CommFileError listing every problem."""
    return loads_indexed(data, name)[0]


def load_indexed(path: str | os.PathLike[str]) -> tuple[CommModel, Tables | None]:
    """`load`, plus the model's lookup tables when the loader built them on the way (the quick path checks
    the cross-object rules with them): `Document` takes them over instead of indexing the model again."""
    name = os.fspath(path)
    return loads_indexed(read_bytes(name), name)


def loads_indexed(data: bytes, name: str = "<memory>") -> tuple[CommModel, Tables | None]:
    """`loads`, plus the model's lookup tables or None (see `load_indexed`)."""
    with gc_paused():
        quick = fast_load(data)
        if quick is not None:
            return quick
        return loads_staged(data, name), None


def loads_staged(data: bytes, name: str = "<memory>") -> CommModel:
    """`loads` without the quick path: strict JSON, header and migrations, validation, invariants —
    every problem found and worded. `loads` comes here whenever the quick path is not sure."""
    with gc_paused():
        try:
            raw = parse_json(data)
        except JsonProblem as exc:
            raise CommFileError(name, [exc.problem]) from None
        raw = _check_header(raw, name)
        model = _validate(raw, name)
        # Drop the parsed JSON before the GC is switched back on: otherwise the first collection
        # afterwards traverses it as well as the model, only to find it freed a moment later.
        del raw
    return model


def _check_header(raw: Any, name: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise CommFileError(name, [Problem("", "must be a JSON object with \"format\": \"comm\"")])
    fmt = raw.get("format")
    if fmt != "comm":
        reason = "is required" if "format" not in raw else f"must be \"comm\" (got {fmt!r})"
        raise CommFileError(name, [Problem("format", f"{reason}: this is not a commarch file")])
    version = raw.get("version")
    if "version" not in raw:
        raise CommFileError(name, [Problem("version", "is required")])
    if type(version) is not int:
        raise CommFileError(name, [Problem("version", "must be an integer")])
    if version > CURRENT_VERSION:
        raise CommFileError(name, [Problem("version", f"the file is format version {version}, but this "
                                                      f"commarch reads up to version {CURRENT_VERSION}; "
                                                      f"update commarch to open it")])
    if version < 1:
        raise CommFileError(name, [Problem("version", f"unknown format version {version}")])
    try:
        return migrate(raw, version)
    except MigrationGap as exc:
        raise CommFileError(name, [Problem("version", str(exc))]) from None


def _validate(raw: dict[str, Any], name: str) -> CommModel:
    try:
        model = CommModel.model_validate(raw)
    except ValidationError as exc:
        # The lists fail fast (see CommModel), so a million broken elements cost one error here;
        # list the problems piece by piece instead, stopping at the cap.
        problems, complete = _first_problems(raw) if _in_lists(exc) else (problems_from(exc, raw), True)
        if complete:
            problems.extend(_invariants_of_valid_parts(raw))
        raise CommFileError(name, _capped(_sorted(problems), complete)) from None
    if not surely_consistent(model.elements, model.relations):
        problems = check_model(model.elements, model.relations)
        if problems:
            raise CommFileError(name, _capped(problems))
    return model


def _in_lists(exc: ValidationError) -> bool:
    return any(len(error["loc"]) > 1 and error["loc"][0] in _LISTS for error in exc.errors(include_url=False))


def _first_problems(raw: dict[str, Any]) -> tuple[list[Problem], bool]:
    """Up to MAX_PROBLEMS problems: the document without its lists, then item by item.
    The flag says whether every item was checked (False: stopped at the cap)."""
    head = {key: value for key, value in raw.items() if key not in _LISTS or not isinstance(value, list)}
    for key in _LISTS:
        if isinstance(raw.get(key), list):
            head[key] = []
    problems: list[Problem] = []
    try:
        CommModel.model_validate(head)
    except ValidationError as exc:
        problems.extend(problems_from(exc, head))
    for key in _LISTS:
        items = raw.get(key)
        if not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            if len(problems) >= MAX_PROBLEMS:
                return problems, False
            try:
                _adapter(key).validate_python(item)
            except ValidationError as exc:
                problems.extend(problems_from(exc, item, prefix=f"{key}[{index}]"))
    return problems, True


def _capped(problems: list[Problem], complete: bool = True) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS and complete:
        return problems
    shown = min(len(problems), MAX_PROBLEMS)
    return problems[:MAX_PROBLEMS] + [Problem("", f"has more problems; only the first {shown} are listed")]


def _invariants_of_valid_parts(raw: dict[str, Any]) -> list[Problem]:
    """Cross-object checks over whatever ids, kinds and endpoints are readable in an invalid file."""
    if not isinstance(raw.get("elements"), list):
        return []  # without elements every relation would report missing endpoints: noise
    elements = [(i, e["id"], e["kind"]) for i, e in _objects(raw.get("elements"))
                if isinstance(e.get("id"), str) and isinstance(e.get("kind"), str)]
    relations = [(i, r["id"], r["kind"], r["source"], r["target"]) for i, r in _objects(raw.get("relations"))
                 if all(isinstance(r.get(k), str) for k in ("id", "kind", "source", "target"))]
    return check_invariants(elements, relations)


def _objects(items: Any) -> list[tuple[int, dict[str, Any]]]:
    if not isinstance(items, list):
        return []
    return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)]


def _sorted(problems: list[Problem]) -> list[Problem]:
    """Problems in document order (elements[2] before elements[10])."""
    def key(problem: Problem) -> list[Any]:
        return [int(p) if p.isdigit() else p for p in re.split(r"\[(\d+)\]", problem.path)]

    return sorted(problems, key=key)
