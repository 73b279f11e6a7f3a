"""Small helpers to build models in code for the analysis tests (and a random large model)."""

from __future__ import annotations

import random
from typing import Any

from commarch.model import (
    ELEMENT_CLASSES,
    RELATION_CLASSES,
    CommModel,
    Meta,
    RuleSetting,
    Waiver,
)


def el(kind: str, element_id: str, label: str | None = None, **props: Any) -> Any:
    return ELEMENT_CLASSES[kind](id=element_id, label=label or element_id, **props)


def rel(kind: str, source: str, target: str, rid: str | None = None, **props: Any) -> Any:
    relation_id = rid or f"{kind}:{source}:{target}"
    return RELATION_CLASSES[kind](id=relation_id, source=source, target=target, **props)


def model(elements: list[Any], relations: list[Any], *, rules: dict[str, dict[str, Any]] | None = None,
          waivers: list[dict[str, Any]] | None = None, language: str | None = None) -> CommModel:
    return CommModel(
        elements=elements,
        relations=relations,
        rules={k: RuleSetting(**v) for k, v in rules.items()} if rules is not None else None,
        waivers=[Waiver(**w) for w in waivers] if waivers is not None else None,
        meta=Meta(language=language) if language else None,
    )


def dept(i: str, label: str | None = None, **p: Any) -> Any:
    return el("department", i, label, **p)


def chan(i: str, label: str | None = None, **p: Any) -> Any:
    return el("channel", i, label, **p)


def sh(i: str, label: str | None = None, **p: Any) -> Any:
    return el("stakeholder", i, label, **p)


def random_model(n_elements: int = 1000, n_relations: int = 3000, seed: int = 1) -> CommModel:
    """A valid random model of roughly the given size, with every relation kind represented."""
    rng = random.Random(seed)
    shares = {"department": 0.08, "channel": 0.35, "stakeholder": 0.3, "topic": 0.12, "goal": 0.1,
              "note": 0.05}
    ids: dict[str, list[str]] = {}
    elements = []
    platforms = ["Facebook", "facebook ", "LinkedIn", "Instagram", "", "YouTube"]
    for kind, share in shares.items():
        ids[kind] = [f"{kind[0]}{i}" for i in range(max(1, int(n_elements * share)))]
        for element_id in ids[kind]:
            props: dict[str, Any] = {}
            if kind == "stakeholder":
                props = {"priority": rng.choice(["high", "medium", "low"]), "needs_dialog": rng.random() < .3}
            elif kind == "channel":
                props = {"platform": rng.choice(platforms), "two_way": rng.random() < .4}
            elif kind == "department":
                props = {"coordinator": rng.random() < .05}
            elements.append(el(kind, element_id, **props))
    plan = [("operates", "department", "channel", .2), ("reaches", "channel", "stakeholder", .35),
            ("coordinates", "department", "department", .05),
            ("responsible_for", "department", "stakeholder", .08),
            ("carries", "channel", "topic", .17), ("serves", "topic", "goal", .05),
            ("serves", "channel", "goal", .03), ("influences", "stakeholder", "stakeholder", .07)]
    seen: set[tuple[str, str, str]] = set()
    relations = []
    for kind, src, dst, share in plan:
        for _ in range(int(n_relations * share)):
            a, b = rng.choice(ids[src]), rng.choice(ids[dst])
            key = (kind, *sorted((a, b))) if kind == "coordinates" else (kind, a, b)
            if a == b or key in seen:
                continue
            seen.add(key)
            props = {}
            if kind == "operates" and rng.random() < .5:
                props = {"role": rng.choice(["lead", "contributor"])}
            relations.append(rel(kind, a, b, rid=f"r{len(relations)}", **props))
    return CommModel(elements=elements, relations=relations)


def hits(m: CommModel, rule: str | None = None) -> list[tuple[str, ...]]:
    """Subjects of the findings of `rule` (or (rule, *subjects) of all findings) in report order."""
    from commarch.analysis import find

    findings = find(m)
    if rule is None:
        return [(f.rule, *f.subjects) for f in findings]
    return [f.subjects for f in findings if f.rule == rule]
