"""The migration framework applies ordered from->to steps and refuses gaps."""

from __future__ import annotations

import pytest

from commarch.fileformat import MIGRATIONS, Migration, migrate
from commarch.fileformat.migrations import MigrationGap
from commarch.model import CURRENT_VERSION


def test_steps_run_in_order_and_set_the_version() -> None:
    seen = []

    def step(name):
        def apply(raw):
            seen.append(name)
            raw.setdefault("trail", []).append(name)
            return raw
        return apply

    steps = [Migration(2, 3, step("2->3")), Migration(1, 2, step("1->2"))]
    raw = migrate({"version": 1}, 1, target=3, steps=steps)
    assert seen == ["1->2", "2->3"]
    assert raw == {"version": 3, "trail": ["1->2", "2->3"]}


def test_a_missing_step_is_refused() -> None:
    with pytest.raises(MigrationGap, match="no migration from version 2"):
        migrate({"version": 1}, 1, target=3, steps=[Migration(1, 2, lambda raw: raw)])


def test_current_version_needs_no_steps() -> None:
    raw = {"version": CURRENT_VERSION}
    assert migrate(raw, CURRENT_VERSION) is raw


def test_registered_chain_reaches_the_current_version() -> None:
    versions = {1}
    for step in MIGRATIONS:
        assert step.to_version == step.from_version + 1
        versions.add(step.to_version)
    assert max(versions) == CURRENT_VERSION
