"""Invariants that span several objects: unique ids, endpoints, kind pairs, loops, duplicates."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .elements import ElementBase
from .kinds import ELEMENT_KINDS, RELATION_TABLE, relation_key
from .relations import RelationBase


def _short(value: str, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a document: where (a JSON path) and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


def check_model(elements: list[ElementBase], relations: list[RelationBase]) -> list[Problem]:
    """Cross-object problems of a validated model's elements and relations."""
    return check_invariants(
        ((i, e.id, e.kind) for i, e in enumerate(elements)),
        ((i, r.id, r.kind, r.source, r.target) for i, r in enumerate(relations)),
    )


def check_invariants(
    elements: Iterable[tuple[int, str, str]],
    relations: Iterable[tuple[int, str, str, str, str]],
) -> list[Problem]:
    """Check cross-object rules over (index, id, kind[, source, target]) tuples; the index names the path."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for index, element_id, kind in elements:
        path = f"elements[{index}]"
        if element_id in seen:
            problems.append(Problem(f"{path}.id", f"duplicate id {_short(element_id)} (also {seen[element_id]})"))
        else:
            seen[element_id] = path
            kinds[element_id] = kind
    pairs: dict[tuple[str, str, str], str] = {}
    for index, relation_id, kind, source, target in relations:
        path = f"relations[{index}]"
        if relation_id in seen:
            problems.append(Problem(f"{path}.id", f"duplicate id {_short(relation_id)} (also {seen[relation_id]})"))
        else:
            seen[relation_id] = path
        problems.extend(_check_relation(path, kind, source, target, kinds, pairs))
    return problems


def _check_relation(
    path: str,
    kind: str,
    source: str,
    target: str,
    kinds: dict[str, str],
    pairs: dict[tuple[str, str, str], str],
) -> list[Problem]:
    problems = []
    source_kind = kinds.get(source)
    target_kind = kinds.get(target)
    if source_kind is None:
        problems.append(Problem(f"{path}.source", f"no element with id {_short(source)}"))
    if target_kind is None:
        problems.append(Problem(f"{path}.target", f"no element with id {_short(target)}"))
    if source == target:
        problems.append(Problem(path, f"a relation may not connect {_short(source)} to itself"))
        return problems
    if source_kind is None or target_kind is None:
        return problems
    if source_kind not in ELEMENT_KINDS or target_kind not in ELEMENT_KINDS:
        return problems  # an element whose kind is itself invalid: reported there, not here
    if kind not in RELATION_TABLE:
        return problems
    sources, targets = RELATION_TABLE[kind]
    if source_kind not in sources or target_kind not in targets:
        problems.append(
            Problem(
                path,
                f"{kind!r} cannot connect a {source_kind} to a {target_kind} "
                f"(allowed: {'/'.join(sorted(sources))} -> {'/'.join(sorted(targets))})",
            )
        )
        return problems
    key = relation_key(kind, source, target)
    if key in pairs:
        problems.append(
            Problem(path, f"duplicate {kind!r} relation between {_short(source)} and "
                    f"{_short(target)} (already {pairs[key]})")
        )
    else:
        pairs[key] = path
    return problems
