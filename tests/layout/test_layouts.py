"""Every layout: no overlaps, deterministic, subsets leave the rest alone, layered reads left to right."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commarch.layout import LAYOUTS, auto_layout
from commarch.model import Channel, CommModel, Department, Note, Operates, Stakeholder

from .randmodels import random_model

W, H = 160, 60  # the drawn box size the layouts promise not to overlap


def assert_no_overlap(positions: dict[str, tuple[float, float]]) -> None:
    items = sorted(positions.items())
    for i, (a, (xa, ya)) in enumerate(items):
        for b, (xb, yb) in items[i + 1:]:
            assert not (abs(xa - xb) < W and abs(ya - yb) < H), f"{a} {(xa, ya)} overlaps {b} {(xb, yb)}"


def all_positions(model: CommModel, moved: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    pos = {e.id: (float(e.x), float(e.y)) for e in model.elements}
    pos.update(moved)
    return pos


@pytest.mark.parametrize("name", sorted(LAYOUTS))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), size=st.integers(1, 45), stacked=st.booleans())
def test_full_layout_has_no_overlaps(name: str, seed: int, size: int, stacked: bool) -> None:
    model = random_model(seed, size=size, stacked=stacked)
    moved = auto_layout(model, name)
    assert set(moved) == {e.id for e in model.elements}
    assert_no_overlap(moved)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
@pytest.mark.parametrize("seed", range(4))
def test_layout_is_deterministic(name: str, seed: int) -> None:
    model = random_model(seed, size=35)
    ids = [e.id for e in model.elements][::3]
    assert auto_layout(model, name) == auto_layout(model.model_copy(deep=True), name)
    assert auto_layout(model, name, ids) == auto_layout(model, name, ids)


def test_layouts_do_not_depend_on_the_hash_seed() -> None:
    # Sets of ids are everywhere in the layouts; their iteration order changes with PYTHONHASHSEED.
    script = (
        "import json; from tests.layout.randmodels import random_model; from commarch.layout import LAYOUTS\n"
        "m = random_model(11, size=30); ids = [e.id for e in m.elements][::2]\n"
        "print(json.dumps({n: [sorted(f(m).items()), sorted(f(m, ids).items())]\n"
        "                  for n, f in LAYOUTS.items()}))"
    )
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    outputs = set()
    for hash_seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed)
        done = subprocess.run([sys.executable, "-c", script], cwd=root, env=env, capture_output=True,
                              text=True, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1


@pytest.mark.parametrize("name", sorted(LAYOUTS))
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), size=st.integers(2, 45), step=st.integers(2, 5), stacked=st.booleans())
def test_subset_layout_moves_only_the_subset(
    name: str, seed: int, size: int, step: int, stacked: bool
) -> None:
    model = random_model(seed, size=size, stacked=stacked)
    ids = [e.id for e in model.elements][::step]
    moved = auto_layout(model, name, ids + ["no-such-id"])
    assert set(moved) == set(ids)
    fixed = {e.id: (float(e.x), float(e.y)) for e in model.elements if e.id not in moved}
    # the moved boxes overlap neither each other nor any fixed box (fixed ones may overlap each other)
    assert_no_overlap(moved)
    for a, (xa, ya) in moved.items():
        for b, (xb, yb) in fixed.items():
            assert not (abs(xa - xb) < W and abs(ya - yb) < H), f"{a} covers fixed {b}"


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_subset_lands_near_its_fixed_neighbours(name: str) -> None:
    elements = [Department(id="d", label="D", x=0, y=0), Channel(id="c", label="C", x=5000, y=5000),
                Stakeholder(id="s", label="S", x=600, y=0)]
    relations = [Operates(id="r1", source="d", target="c")]
    model = CommModel(elements=elements, relations=relations)
    (x, y), = auto_layout(model, name, ["c"]).values()
    assert abs(x) + abs(y) < 1000  # pulled from far away to beside its department


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_small_and_empty_models(name: str) -> None:
    assert auto_layout(CommModel.empty(), name) == {}
    one = CommModel(elements=[Note(id="n", label="N", x=7, y=9)], relations=[])
    assert set(auto_layout(one, name)) == {"n"}
    assert auto_layout(one, name, []) == {}


def test_unknown_layout_name() -> None:
    with pytest.raises(KeyError):
        auto_layout(CommModel.empty(), "spiral")


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10**6), size=st.integers(3, 60))
def test_layered_reads_left_to_right(seed: int, size: int) -> None:
    model = random_model(seed, size=size)
    pos = auto_layout(model, "layered")
    kinds = {e.id: e.kind for e in model.elements}
    x_of = {k: [pos[i][0] for i in pos if kinds[i] == k] for k in ("department", "channel", "stakeholder")}
    assert max(x_of["department"]) < min(x_of["channel"])
    assert max(x_of["channel"]) < min(x_of["stakeholder"])
    for kind in ("topic", "goal"):
        xs = [pos[i][0] for i in pos if kinds[i] == kind]
        if xs:  # topics between channels and stakeholders, goals last
            assert min(xs) > max(x_of["channel"]) if kind == "topic" else min(xs) > max(x_of["stakeholder"])


def test_full_layout_stays_where_the_model_was() -> None:
    model = random_model(3, size=20)
    pos = auto_layout(model, "layered")
    assert min(p[0] for p in pos.values()) == min(e.x for e in model.elements)
    assert min(p[1] for p in pos.values()) == min(e.y for e in model.elements)
