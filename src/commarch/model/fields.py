"""Reusable constrained field types shared by elements, relations and the document root."""

from __future__ import annotations

import math
import re
from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, Field

from .kinds import ID_PATTERN, LABEL_MAX

_ID_RE = re.compile(ID_PATTERN)
_COLOR_RE = re.compile(r"#[0-9A-Fa-f]{6}")


def _check_id(value: str) -> str:
    if not _ID_RE.fullmatch(value):
        raise ValueError("must be 1-64 characters of A-Z, a-z, 0-9, '_', '.', ':' or '-'")
    return value


def _check_label(value: str) -> str:
    if not value:
        raise ValueError("must not be empty")
    if len(value) > LABEL_MAX:
        raise ValueError(f"must be at most {LABEL_MAX} characters (has {len(value)})")
    return value


def _check_finite(value: int | float) -> int | float:
    try:
        finite = math.isfinite(float(value))
    except OverflowError:
        finite = False
    if not finite:
        raise ValueError("must be a finite number")
    return value


def _check_color(value: str) -> str:
    if not _COLOR_RE.fullmatch(value):
        raise ValueError("must be a colour written as #rrggbb")
    return value


def _check_timestamp(value: str) -> str:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("must be an ISO 8601 date or time, e.g. 2026-11-20T09:00:00Z") from None
    return value


Id = Annotated[str, AfterValidator(_check_id)]
Label = Annotated[str, AfterValidator(_check_label)]
Coordinate = Annotated[int | float, AfterValidator(_check_finite)]
Color = Annotated[str, AfterValidator(_check_color)]
Timestamp = Annotated[str, AfterValidator(_check_timestamp)]
Rating = Annotated[int, Field(ge=1, le=5)]
