"""Turns pydantic validation errors into `Problem`s with real JSON paths and plain reasons."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from commarch.model import Problem
from commarch.model.fields import COORDINATE_LIMIT, ID_CORE_PATTERN, ID_REASON

from .jsonparse import join_path, shorten

FINITE = "must be a finite number"
_TYPE_NAMES = {
    "string_type": "must be a string",
    "bool_type": "must be true or false",
    "int_type": "must be an integer",
    "int_from_float": "must be an integer",
    "float_type": "must be a number",
    "list_type": "must be a list",
    "dict_type": "must be an object",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
    "missing": "is required",
    "string_too_short": "must not be empty",
    "none_required": "must be null",
    "string_unicode": "contains an unpaired UTF-16 surrogate",
}


def _reason(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return f"must be one of {expected}"
    if kind == "union_tag_invalid":
        tags = str(ctx.get("expected_tags", "")).replace("'", "")
        return f"must be one of {tags} (got {shorten(ctx.get('tag'))})"
    if kind == "union_tag_not_found":
        return "is required"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        return FINITE if bound in (COORDINATE_LIMIT, -COORDINATE_LIMIT) else "must be an integer from 1 to 5"
    if kind == "finite_number":
        return FINITE
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == ID_CORE_PATTERN:
        return ID_REASON
    if kind == "string_too_long":
        value = error.get("input")
        has = f" (has {len(value)})" if isinstance(value, str) else ""
        return f"must be at most {ctx.get('max_length')} characters{has}"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    if kind == "int_parsing" or kind == "int_from_float":
        return "must be an integer"
    return _TYPE_NAMES.get(kind, str(error["msg"]).rstrip(".").lower())


def _real_path(raw: Any, loc: tuple[Any, ...], kind: str) -> str:
    """Follow `loc` through the raw input, dropping pydantic's union-member labels."""
    path = ""
    node = raw
    for index, part in enumerate(loc):
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            path = join_path(path, part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path = join_path(path, part)
            node = node[part]
        elif kind in ("missing", "union_tag_not_found") and index == len(loc) - 1 and isinstance(part, str):
            path = join_path(path, "kind" if kind == "union_tag_not_found" else part)
        # anything else is a union-member label such as 'stakeholder' or 'int': not part of the path
    if kind in ("union_tag_not_found", "union_tag_invalid") and not path.endswith(".kind"):
        path = join_path(path, "kind")
    return path


def problems_from(exc: ValidationError, raw: Any, prefix: str = "") -> list[Problem]:
    """Every error of `exc` (validating `raw`) as Problems, one per JSON path."""
    by_path: dict[str, list[str]] = {}
    for error in exc.errors(include_url=False):
        path = _real_path(raw, tuple(error["loc"]), error["type"])
        full = _join(prefix, path)
        by_path.setdefault(full, []).append(_reason(error))
    problems = []
    for path, reasons in by_path.items():
        problems.append(Problem(path, _merge(reasons)))
    return problems


def _join(prefix: str, path: str) -> str:
    if not prefix or not path:
        return prefix or path
    return f"{prefix}{path}" if path.startswith("[") else f"{prefix}.{path}"


def _merge(reasons: list[str]) -> str:
    unique = list(dict.fromkeys(reasons))
    if len(unique) == 1:
        return unique[0]
    if set(unique) <= {"must be an integer", "must be a number"}:
        return "must be a number"
    if FINITE in unique and set(unique) <= {"must be an integer", "must be a number", FINITE}:
        return FINITE  # a coordinate's two branches (integer, float): the finite check is the reason
    unique = [r for r in unique if r != "must be null"]
    return unique[0] if len(unique) == 1 else "; ".join(unique)
