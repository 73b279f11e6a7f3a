"""The loader's quick consistency pass agrees with `check_model` on random, often broken, models."""

from __future__ import annotations

import random

import pytest

from commarch.fileformat.fastload import surely_consistent as _surely_consistent
from commarch.model import ELEMENT_CLASSES, RELATION_TABLE, check_model
from commarch.model.relations import RELATION_CLASSES

KINDS = list(ELEMENT_CLASSES)


def random_lists(rng: random.Random) -> tuple[list, list]:
    n = rng.randint(0, 12)
    ids = [f"e{i}" for i in range(n)]
    if n and rng.random() < 0.2:
        ids[rng.randrange(n)] = rng.choice(ids)  # a duplicate element id
    elements = [ELEMENT_CLASSES[rng.choice(KINDS)](id=i, label="x") for i in ids]
    relations = []
    for index in range(rng.randint(0, 8)):
        pool = ids + ["missing"] if rng.random() < 0.05 else ids
        if not pool:
            break
        source, target = rng.choice(pool), rng.choice(pool)
        kinds = {e.id: e.kind for e in elements}
        fitting = [k for k, (s, t) in RELATION_TABLE.items() if kinds.get(source) in s and kinds.get(target) in t]
        kind = rng.choice(fitting) if fitting and rng.random() < 0.9 else rng.choice(list(RELATION_TABLE))
        relation_id = f"r{index}" if rng.random() > 0.03 else rng.choice(ids + ["r0"])
        relations.append(RELATION_CLASSES[kind](id=relation_id, source=source, target=target))
    return elements, relations


@pytest.mark.parametrize("seed", range(40))
def test_quick_pass_true_exactly_when_no_problem(seed: int) -> None:
    rng = random.Random(seed)
    verdicts = []
    for _ in range(100):
        elements, relations = random_lists(rng)
        verdicts.append(_surely_consistent(elements, relations))
        assert verdicts[-1] == (check_model(elements, relations) == [])
    assert True in verdicts and False in verdicts  # both outcomes exercised


def test_symmetric_relation_both_ways_is_a_duplicate() -> None:
    department = ELEMENT_CLASSES["department"]
    coordinates = RELATION_CLASSES["coordinates"]
    elements = [department(id="a", label="A"), department(id="b", label="B")]
    relations = [coordinates(id="r1", source="a", target="b"), coordinates(id="r2", source="b", target="a")]
    assert check_model(elements, relations) != []
    assert not _surely_consistent(elements, relations)
    assert _surely_consistent(elements, relations[:1])
