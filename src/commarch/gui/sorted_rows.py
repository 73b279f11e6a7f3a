"""Patching a list of tree rows into another instead of rebuilding it (findings dock, outline)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any


def merge_steps(old: Sequence[Any], new: Sequence[Any], key: Callable[[Any], Any]
                ) -> Iterator[tuple[str, int, int, int]]:
    """The steps turning rows showing `old` into rows showing `new`, both sorted by `key`, in one merge:
    `(step, i, j, row)` with step "remove" (old[i]), "insert" (new[j]) or "change" (old[i] and new[j] have
    the same key but differ), applied in order at row index `row`. Equal items keep their row (no step)."""
    i = j = row = 0
    while i < len(old) or j < len(new):
        if i < len(old) and j < len(new) and old[i] == new[j]:
            i, j, row = i + 1, j + 1, row + 1
            continue
        old_key = key(old[i]) if i < len(old) else None
        new_key = key(new[j]) if j < len(new) else None
        if new_key is None or (old_key is not None and old_key < new_key):
            yield "remove", i, -1, row
            i += 1
        elif old_key is None or new_key < old_key:
            yield "insert", -1, j, row
            j, row = j + 1, row + 1
        else:
            yield "change", i, j, row
            i, j, row = i + 1, j + 1, row + 1
