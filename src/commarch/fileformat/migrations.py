"""Forward migrations of raw `.comm` dicts: an ordered chain of from->to steps up to the current version."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from commarch.model import CURRENT_VERSION


@dataclass(frozen=True)
class Migration:
    from_version: int
    to_version: int
    apply: Callable[[dict[str, Any]], dict[str, Any]]
    description: str = ""


# Version 1 is the first published format, so there is nothing to migrate yet. A future format
# change appends Migration(1, 2, fn, "...") here and adds tests/data/v2-*.comm; v1 files stay readable.
MIGRATIONS: list[Migration] = []


class MigrationGap(Exception):
    """No chain of steps leads from a file's version to the current one."""


def migrate(
    raw: dict[str, Any],
    version: int,
    target: int = CURRENT_VERSION,
    steps: list[Migration] | None = None,
) -> dict[str, Any]:
    """Apply the steps from `version` up to `target` in order; each step sets the new version."""
    by_from = {step.from_version: step for step in (MIGRATIONS if steps is None else steps)}
    while version < target:
        step = by_from.get(version)
        if step is None:
            raise MigrationGap(f"no migration from version {version}")
        raw = step.apply(raw)
        version = step.to_version
        raw["version"] = version
    return raw
