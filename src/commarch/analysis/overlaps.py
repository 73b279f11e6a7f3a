"""Overlap rules (OVL-*): departments working side by side instead of together."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator

from .index import Index, each
from .registry import Hit, rule


def _with_pairs(first: str, pairs: list[tuple[str, str]]) -> Hit:
    departments = sorted({d for pair in pairs for d in pair})
    return Hit((first, *departments), {"pairs": pairs, "departments": departments})


@rule("OVL-PARALLEL", "overlap", "warning")
def parallel(ix: Index, only: Collection[str] | None = None) -> Iterator[Hit]:
    for s, _ in each(ix.stakeholders, only):
        pairs = ix.uncoordinated_pairs(ix.departments_of(s))
        if pairs:
            yield _with_pairs(s, pairs)


@rule("OVL-SHARED-CHANNEL", "overlap", "warning")
def shared_channel(ix: Index, only: Collection[str] | None = None) -> Iterator[Hit]:
    for c, _ in each(ix.channels, only):
        roles = ix.operators.get(c, {})
        if len(roles) >= 2 and not ix.clearly_owned(c):
            leads = sorted(d for d, role in roles.items() if role == "lead")
            yield Hit((c, *sorted(roles)), {"operators": sorted(roles), "leads": leads})


def normalized_platform(platform: str) -> str:
    """Platforms compare trimmed and case-insensitively ('Facebook ' == 'facebook')."""
    return platform.strip().casefold()


@rule("OVL-DUPLICATE-CHANNEL", "overlap", "info")
def duplicate_channel(ix: Index, only: Collection[str] | None = None) -> Iterator[Hit]:
    if only is not None:
        yield from _duplicates_of(ix, only)
        return
    by_platform: dict[str, list[str]] = defaultdict(list)
    for c, channel in ix.channels.items():
        key = normalized_platform(channel.platform)
        if key and ix.operators.get(c) and ix.reaches.get(c):
            by_platform[key].append(c)
    for channels in by_platform.values():
        # Only channels that share a stakeholder can form a pair: find each channel's later partners
        # through the stakeholders it reaches instead of testing every pair of the platform (O(k^2)).
        # Pairs come out in the same order as combinations(channels, 2) would give them.
        reached_by: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(channels):
            for s in ix.reaches[c]:
                reached_by[s].append(i)
        for i, c1 in enumerate(channels):
            later: set[int] = set()
            for s in ix.reaches[c1]:
                later.update(j for j in reached_by[s] if j > i)
            if not later:
                continue
            operators1 = ix.operators[c1].keys()
            for j in sorted(later):
                c2 = channels[j]
                if operators1 != ix.operators[c2].keys():
                    common = ix.reaches[c1] & ix.reaches[c2]
                    yield Hit((c1, c2), {"platform": ix.channels[c1].platform.strip(),
                                         "stakeholders": sorted(common)})


def _duplicates_of(ix: Index, only: Collection[str]) -> Iterator[Hit]:
    """The pairs of the full rule that hold a channel of `only` (an edit touched those channels)."""
    pairs: set[tuple[str, str]] = set()
    for c in only:
        channel = ix.channels.get(c)
        if channel is None or not ix.operators.get(c) or not ix.reaches.get(c):
            continue
        key = normalized_platform(channel.platform)
        if not key:
            continue
        operators = ix.operators[c].keys()
        for s in ix.reaches[c]:
            for other in ix.channels_of[s]:
                if (other != c and ix.operators.get(other) and ix.operators[other].keys() != operators
                        and normalized_platform(ix.channels[other].platform) == key):
                    pairs.add((c, other) if c < other else (other, c))
    for c1, c2 in sorted(pairs):
        common = ix.reaches[c1] & ix.reaches[c2]
        yield Hit((c1, c2), {"platform": ix.channels[c1].platform.strip(), "stakeholders": sorted(common)})


@rule("OVL-TOPIC-COLLISION", "overlap", "warning")
def topic_collision(ix: Index, only: Collection[str] | None = None) -> Iterator[Hit]:
    for t, _ in each(ix.topics, only):
        # stakeholder -> departments that play topic t to them on some channel
        playing: dict[str, set[str]] = defaultdict(set)
        for c in ix.carriers.get(t, ()):
            operators = ix.operators.get(c)
            if operators:
                for s in ix.reaches.get(c, ()):
                    playing[s].update(operators)
        pairs: set[tuple[str, str]] = set()
        audiences: list[str] = []
        for s, departments in playing.items():
            if len(departments) >= 2:
                found = ix.uncoordinated_pairs(tuple(sorted(departments)))
                if found:
                    pairs.update(found)
                    audiences.append(s)
        if pairs:
            hit = _with_pairs(t, sorted(pairs))
            hit.params["stakeholders"] = sorted(audiences)
            yield hit


@rule("OVL-RESPONSIBILITY-CONFLICT", "overlap", "warning")
def responsibility_conflict(ix: Index, only: Collection[str] | None = None) -> Iterator[Hit]:
    subjects = (*ix.stakeholders, *ix.topics) if only is None else [
        x for x in sorted(only) if x in ix.stakeholders or x in ix.topics]
    for x in subjects:
        departments = ix.responsible.get(x, [])
        if len(departments) >= 2:
            yield Hit((x, *sorted(departments)), {"departments": sorted(departments)})
