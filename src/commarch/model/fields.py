"""Reusable constrained field types shared by elements, relations and the document root."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, Field

from .kinds import ID_PATTERN, LABEL_MAX

_COLOR_RE = re.compile(r"#[0-9A-Fa-f]{6}")


ID_REASON = "must be 1-64 characters of A-Z, a-z, 0-9, '_', '.', ':' or '-'"
ID_CORE_PATTERN = f"^{ID_PATTERN}$"  # pydantic-core's Rust regex: `$` is the very end (no trailing newline)


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


# Ids and labels are checked by pydantic-core's own constraints, not Python validators: a 10,000-element
# file has ~70,000 ids, and a Python call each was ~10 % of opening it. fileformat/messages.py words
# their errors as the validators did ("must be at most 200 characters (has 230)").
Id = Annotated[str, Field(pattern=ID_CORE_PATTERN)]
Label = Annotated[str, Field(min_length=1, max_length=LABEL_MAX)]
# A coordinate is a finite number: pydantic-core constraints again (two per element). An integer is
# finite if it converts to a float (below 2**1024 - 2**970, where float() overflows); messages: messages.py.
COORDINATE_LIMIT = 2**1024 - 2**970 - 1
Coordinate = (Annotated[int, Field(ge=-COORDINATE_LIMIT, le=COORDINATE_LIMIT)]
              | Annotated[float, Field(allow_inf_nan=False)])
Color = Annotated[str, AfterValidator(_check_color)]
Timestamp = Annotated[str, AfterValidator(_check_timestamp)]
Rating = Annotated[int, Field(ge=1, le=5)]
