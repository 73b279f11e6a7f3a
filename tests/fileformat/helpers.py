"""Small builders shared by the file-format tests."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data"


def complete_raw() -> dict[str, Any]:
    """The raw dict of tests/data/v1-complete.comm (a fresh copy)."""
    return copy.deepcopy(json.loads((DATA / "v1-complete.comm").read_text("utf-8")))


def to_bytes(raw: Any) -> bytes:
    return json.dumps(raw, ensure_ascii=False).encode("utf-8")
