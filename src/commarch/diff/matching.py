"""Pairing the elements of two models: by id, by kind + normalised label, or both ('auto')."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from commarch.model import ElementBase

from .types import Matching, MatchMode

# 'auto' adds label matching when fewer than this share of the smaller model's elements keep their id:
# such files were drawn independently (or re-created) rather than edited from one another.
AUTO_SHARED_THRESHOLD = 0.5


def normalize_label(label: str) -> str:
    """Labels compared for matching: trimmed, case-folded, inner whitespace collapsed to one space."""
    return " ".join(label.split()).casefold()


def match_elements(
    old: Sequence[ElementBase], new: Sequence[ElementBase], mode: MatchMode
) -> tuple[dict[str, str], Matching]:
    """Old id -> new id for every pair, and a record of how the pairs were made."""
    if mode not in ("id", "label", "auto"):
        raise ValueError(f"unknown matching {mode!r} (use id, label or auto)")
    by_id = _match_by_id(old, new)
    shared = len(by_id)
    if mode == "id":
        return by_id, Matching("id", "id", shared, 0, shared, f"matched {shared} elements by id")
    if mode == "label":
        pairs = _match_by_label(old, new)
        return pairs, Matching("label", "label", 0, len(pairs), shared,
                               f"matched {len(pairs)} elements by kind and label (ids ignored)")
    smaller = min(len(old), len(new))
    if smaller == 0 or shared >= AUTO_SHARED_THRESHOLD * smaller:
        return by_id, Matching("auto", "id", shared, 0, shared,
                               f"matched {shared} elements by id (the models share most ids)")
    taken_new = set(by_id.values())
    extra = _match_by_label([e for e in old if e.id not in by_id],
                            [e for e in new if e.id not in taken_new])
    pairs = {**by_id, **extra}
    note = (f"the models share few ids ({shared} of {smaller}): matched {shared} elements by id "
            f"and {len(extra)} more by kind and label")
    return pairs, Matching("auto", "id+label", shared, len(extra), shared, note)


def _match_by_id(old: Sequence[ElementBase], new: Sequence[ElementBase]) -> dict[str, str]:
    # An id that changed kind is a different thing (its properties do not compare): removed + added.
    new_kinds = {element.id: element.kind for element in new}
    return {e.id: e.id for e in old if new_kinds.get(e.id) == e.kind}


def _match_by_label(old: Sequence[ElementBase], new: Sequence[ElementBase]) -> dict[str, str]:
    """Pairs by (kind, normalised label) where unambiguous; within an ambiguous group, equal ids pair,
    and if exactly one element is then left on each side, those two pair too."""
    groups: dict[tuple[str, str], tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for element in old:
        groups[(element.kind, normalize_label(element.label))][0].append(element.id)
    for element in new:
        groups[(element.kind, normalize_label(element.label))][1].append(element.id)
    pairs: dict[str, str] = {}
    for old_ids, new_ids in groups.values():
        if not old_ids or not new_ids:
            continue
        if len(old_ids) > 1 or len(new_ids) > 1:
            same = set(old_ids) & set(new_ids)
            pairs.update({i: i for i in sorted(same)})
            old_ids = [i for i in old_ids if i not in same]
            new_ids = [i for i in new_ids if i not in same]
        if len(old_ids) == 1 and len(new_ids) == 1:
            pairs[old_ids[0]] = new_ids[0]
    return pairs
