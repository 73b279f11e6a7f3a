"""Saving through pydantic's serializer writes exactly the bytes of the json.dumps reference text."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commarch.fileformat import dumps, loads, writer


def _model(x: float | int, extra: object = None, label: str = "Press") -> object:
    element: dict[str, object] = {"id": "s1", "kind": "stakeholder", "label": label, "x": x, "y": 0}
    if extra is not None:
        element["future_key"] = extra
    raw = {"format": "comm", "version": 1, "elements": [element], "relations": []}
    return loads(json.dumps(raw, ensure_ascii=False).encode("utf-8"))


@pytest.mark.parametrize("x", [0, 0.0, -0.0, 1e-4, 1e-5, 1.5e-7, 123.25, 1e16, 1e22, 2**63, 10**30, -3])
def test_numbers_written_as_the_reference(x: float | int) -> None:
    model = _model(x)
    assert dumps(model) == writer._reference_text(model)
    assert writer.encode(model) == writer._reference_text(model).encode("utf-8")


def test_small_floats_take_the_reference_path() -> None:
    assert writer._fast_bytes(_model(1e-5)) is None
    assert writer._fast_bytes(_model(1e-5, extra={"deep": [1.0, 2e-9]})) is None
    assert writer._fast_bytes(_model(12.5)) is not None


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(x=st.floats(allow_nan=False, allow_infinity=False) | st.integers(-10**20, 10**20), extra=json_values,
       label=st.text(min_size=1, max_size=40))
def test_fast_path_matches_reference(x: float | int, extra: object, label: str) -> None:
    try:
        model = _model(x, extra if extra is not None else None, label)
    except Exception:  # labels hypothesis makes that the format refuses are not this test's business
        return
    assert dumps(model) == writer._reference_text(model)
