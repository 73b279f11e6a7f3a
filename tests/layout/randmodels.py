"""Seeded random models for the layout tests: every relation kind, valid by construction."""

from __future__ import annotations

import random

from commarch.model import ELEMENT_CLASSES, RELATION_CLASSES, RELATION_TABLE, CommModel, relation_key

KIND_PREFIX = {"department": "d", "channel": "c", "topic": "t", "stakeholder": "s", "goal": "g", "note": "n"}


def random_model(seed: int, size: int = 25, density: float = 1.6, stacked: bool = False) -> CommModel:
    """About `size` elements, about `density` relations per element. `stacked` puts all at (0, 0)."""
    rng = random.Random(seed)
    weights = {"department": 4, "channel": 7, "topic": 2, "stakeholder": 6, "goal": 1.5, "note": 0.6}
    kinds = rng.choices(list(weights), weights=list(weights.values()), k=size)
    kinds[:3] = ["department", "channel", "stakeholder"]  # every layer of the main flow is present
    elements = []
    for n, kind in enumerate(kinds):
        x, y = (0, 0) if stacked else (rng.randrange(-2000, 2000), rng.randrange(-1500, 1500))
        elements.append(ELEMENT_CLASSES[kind](id=f"{KIND_PREFIX[kind]}{n}", label=f"{kind} {n}", x=x, y=y))
    by_kind: dict[str, list[str]] = {}
    for e in elements:
        by_kind.setdefault(e.kind, []).append(e.id)
    # operates and reaches dominate real models; the other kinds are rarer
    kind_weights = {"operates": 4, "reaches": 6, "coordinates": 1, "responsible_for": 1.2, "carries": 1.5,
                    "serves": 1.2, "influences": 0.6}
    relations = []
    keys: set[tuple[str, str, str]] = set()
    for _ in range(int(size * density) * 3):
        if len(relations) >= size * density:
            break
        kind = rng.choices(list(kind_weights), weights=list(kind_weights.values()))[0]
        sources, targets = RELATION_TABLE[kind]
        src_pool = [i for k in sorted(sources) for i in by_kind.get(k, [])]
        tgt_pool = [i for k in sorted(targets) for i in by_kind.get(k, [])]
        if not src_pool or not tgt_pool:
            continue
        s, t = rng.choice(src_pool), rng.choice(tgt_pool)
        key = relation_key(kind, s, t)
        if s == t or key in keys:
            continue
        keys.add(key)
        relations.append(RELATION_CLASSES[kind](id=f"r{len(relations)}", source=s, target=t))
    return CommModel(elements=elements, relations=relations)
