"""The quick load path accepts exactly what the staged reader accepts, and builds the same model."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commarch.fileformat import CommFileError, loads
from commarch.fileformat.fastload import fast_load
from commarch.fileformat.reader import loads_staged
from commarch.fileformat.writer import encode
from commarch.model import CommModel
from commarch.model.tables import Tables, build_tables

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted([*ROOT.glob("resources/examples/*.comm"), *ROOT.glob("tests/data/**/*.comm")])


def staged(data: bytes) -> CommModel | str:
    try:
        return loads_staged(data, "f.comm")
    except CommFileError as exc:
        return "\n".join(exc.lines())


def same_model(a: CommModel, b: CommModel) -> bool:
    """Equal values, equal types (1 is not 1.0) and the same keys set: the files they write are equal."""
    return a.model_dump() == b.model_dump() and encode(a) == encode(b)


def tables_match(tables: Tables, model: CommModel) -> bool:
    """The tables handed to the document are those of this model: built from its lists, equal to fresh ones."""
    fresh = build_tables(model.elements, model.relations)
    return (tables.describe(model.elements, model.relations) and tables.consistent is True
            and (tables.element_by_id, tables.element_pos, tables.relation_by_id, tables.relation_pos,
                 tables.by_key, tables.by_endpoint)
            == (fresh.element_by_id, fresh.element_pos, fresh.relation_by_id, fresh.relation_pos,
                fresh.by_key, fresh.by_endpoint))


def check(data: bytes) -> CommModel | None:
    """The quick path agrees with the staged reader: a model only where the staged reader builds the same
    one; and `loads` (quick path first) gives exactly the staged reader's result or message."""
    result = fast_load(data)
    quick = result[0] if result is not None else None
    expected = staged(data)
    if result is not None:
        assert isinstance(expected, CommModel), f"quick path accepted a file the reader refuses: {expected}"
        assert same_model(quick, expected)
        assert tables_match(result[1], quick)
    try:
        got: CommModel | str = loads(data, "f.comm")
    except CommFileError as exc:
        got = "\n".join(exc.lines())
    if isinstance(expected, str):
        assert got == expected
    else:
        assert isinstance(got, CommModel) and same_model(got, expected)
    return quick


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_bundled_and_hostile_files_agree(path: Path) -> None:
    check(path.read_bytes())


def test_example_takes_the_quick_path() -> None:
    data = (ROOT / "resources/examples/avantgarde-as-is.comm").read_bytes()
    assert fast_load(data) is not None  # otherwise the speed-up silently never happens


BASE = {
    "format": "comm", "version": 1, "meta": {"title": "T: x", "language": "de"},
    "elements": [
        {"id": "s:1", "kind": "stakeholder", "label": "Presse: regional", "x": 1, "y": 2.5, "tags": ["a:b", "c"]},
        {"id": "c1", "kind": "channel", "label": "Web", "platform": "x:y", "color": "#aabbcc"},
        {"id": "d1", "kind": "department", "label": "PR", "coordinator": True},
        {"id": "g1", "kind": "goal", "label": "Ziel", "kpi": "NPS: 40"},
    ],
    "relations": [
        {"id": "r1", "kind": "reaches", "source": "c1", "target": "s:1", "notes": "weekly: Mon"},
        {"id": "r2", "kind": "operates", "source": "d1", "target": "c1", "role": "lead"},
    ],
    "rules": {"GAP-X:1": {"enabled": False}},
    "waivers": [{"rule": "GAP-NO-CHANNEL", "subjects": ["s:1"], "note": "ok: later"}],
}


def dumps(value: Any, rng: random.Random, escape_colons: bool = False, spaced: bool = False) -> str:
    """JSON text with random but valid formatting; optionally colons written as \\u003a in strings."""
    if isinstance(value, dict):
        colon = rng.choice([":", ": ", " : ", "\t:\n"]) if spaced else ": "
        return "{" + ", ".join(dumps(k, rng, escape_colons) + colon + dumps(v, rng, escape_colons, spaced)
                               for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(dumps(v, rng, escape_colons, spaced) for v in value) + "]"
    text = json.dumps(value, ensure_ascii=False)
    if escape_colons and isinstance(value, str):
        text = text.replace(":", "\\u003a")
    return text


def with_duplicate(text: str, key: str, value: str) -> str:
    """Insert `"key": value` again right after the first `{` that already holds `key` (a duplicate)."""
    at = text.index(f'"{key}"')
    brace = text.rindex("{", 0, at)
    return text[: brace + 1] + f'"{key}": {value}, ' + text[brace + 1:]


@pytest.mark.parametrize("seed", range(30))
def test_duplicates_are_never_missed(seed: int) -> None:
    rng = random.Random(seed)
    escaped = rng.random() < 0.3
    text = dumps(BASE, rng, escape_colons=escaped, spaced=rng.random() < 0.5)
    quick = check(text.encode())
    assert quick is not None or escaped  # whitespace around colons does not matter
    for key, value in (("label", '"x"'), ("label", '"a: b"'), ("id", '"s:1"'), ("format", '"comm"'),
                       ("version", "1"), ("title", '":x"'), ("enabled", "false"), ("note", '"n:"'),
                       ("x", "3"), ("tags", '["q:r"]'), ("source", '"c1"')):
        broken = with_duplicate(text, key, value)
        assert fast_load(broken.encode()) is None, (key, value)
        assert isinstance(staged(broken.encode()), str)


def test_plain_file_is_quick_and_equal() -> None:
    data = json.dumps(BASE, indent=2, ensure_ascii=False).encode()
    assert check(data) is not None


def doc(elements: str = "", rest: str = "", head: str = '"format": "comm", "version": 1') -> str:
    return "{" + head + ', "elements": [' + elements + '], "relations": []' + rest + "}"


def topic(extra: str = "", label: str = '"x"') -> str:
    return '{"id": "a", "kind": "topic", "label": ' + label + extra + "}"


@pytest.mark.parametrize("text", [
    doc(head='"version": 1'),  # format missing
    doc(head='"format": "comm"'),  # version missing
    doc(head='"format": "comm", "version": 2'),
    doc(head='"format": "comm", "version": 0'),
    doc(rest=', "future": {"a": ' + "[" * 16 + "1" + "]" * 16 + "}"),
    doc(topic(', "x": NaN')),
    doc(topic(', "x": 1e400')),
    doc(topic(', "x": ' + "9" * 400)),
    doc(topic(label='"\\ud800"')),
    doc(topic(label='"\\ud83d\\ude00"')),
    doc(topic(', "odd": NaN')),
    doc() + " trailing",
    "\ufeff" + doc(),
    doc(topic() + ", " + topic(label='"y"')),
    doc(topic(), rest=', "relations2": [{"id": "r", "kind": "influences", "source": "a", "target": "zz"}]'),
    doc(topic()).replace('"relations": []', '"relations": [{"id": "r", "kind": "influences", "source": "a", '
                                            '"target": "zz"}]'),
])
def test_edge_cases_agree(text: str) -> None:
    check(text.encode("utf-8"))


def test_unknown_keys_take_the_staged_way_and_are_kept() -> None:
    raw = json.loads(json.dumps(BASE))
    raw["elements"][0]["future_key"] = {"a": 1}
    data = json.dumps(raw).encode()
    assert fast_load(data) is None
    assert loads(data).elements[0].model_extra == {"future_key": {"a": 1}}


words = st.text(alphabet=st.sampled_from("ab: \"\\é\u2028"), max_size=6)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(label=words.filter(bool), notes=words, kpi=words, tag=words, seed=st.integers(0, 10**6),
       duplicate=st.sampled_from([None, "label", "notes", "kpi", "id", "tags", "meta"]))
def test_random_texts_agree(label: str, notes: str, kpi: str, tag: str, seed: int, duplicate: str | None) -> None:
    rng = random.Random(seed)
    raw = {"format": "comm", "version": 1, "meta": {"title": notes},
           "elements": [{"id": "g:1", "kind": "goal", "label": label, "notes": notes, "kpi": kpi, "tags": [tag]}],
           "relations": []}
    text = dumps(raw, rng, escape_colons=rng.random() < 0.2, spaced=rng.random() < 0.3)
    if duplicate:
        text = with_duplicate(text, "title" if duplicate == "meta" else duplicate, json.dumps(notes))
    quick = check(text.encode())
    if duplicate:
        assert quick is None


def test_constraint_messages_read_like_the_old_validators() -> None:
    """Ids and labels are checked by pydantic-core constraints; the messages stay the readable ones."""
    from commarch.editing.command import validated
    from commarch.model import Topic

    for data, message in (({"id": "a b", "label": "x"}, "id: must be 1-64 characters of A-Z, a-z, 0-9"),
                          ({"id": "a\n", "label": "x"}, "id: must be 1-64 characters"),
                          ({"id": "a", "label": "x" * 201}, "label: must be at most 200 characters (has 201)"),
                          ({"id": "a", "label": ""}, "label: must not be empty"),
                          ({"id": "a", "label": "x \ud800"}, "label: contains an unpaired UTF-16 surrogate")):
        with pytest.raises(ValueError, match=re.escape(message)):
            validated(Topic, data, "topic")
    assert validated(Topic, {"id": "a:b", "label": "\U0001f600" * 200}, "topic").label == "\U0001f600" * 200


def test_fields_skipped_in_the_colon_count_cannot_hold_a_colon() -> None:
    from commarch.fileformat.fastload import _NO_COLON
    from commarch.model import ELEMENT_CLASSES, RELATION_CLASSES, Topic

    for cls in [*ELEMENT_CLASSES.values(), *RELATION_CLASSES.values()]:
        assert "Literal" in repr(cls.model_fields["kind"].annotation)
    assert _NO_COLON == {"kind", "color"}
    with pytest.raises(ValueError):
        Topic(id="a", label="x", color="#aa:bbb")


@pytest.mark.parametrize(("value", "reason"), [
    (10**400, "must be a finite number"), (-(10**400), "must be a finite number"), (2**1024 - 2**970, "must be "
     "a finite number"), (float("nan"), "must be a finite number"), (float("-inf"), "must be a finite number"),
    ("1", "must be a number"), (True, "must be a number"), (None, "must be a number")])
def test_coordinate_messages(value: Any, reason: str) -> None:
    from commarch.editing.command import validated
    from commarch.model import Topic

    with pytest.raises(ValueError, match=f"x: {reason}$"):
        validated(Topic, {"id": "a", "label": "x", "x": value}, "topic")
    assert validated(Topic, {"id": "a", "label": "x", "x": 2**1024 - 2**970 - 1}, "topic").x == 2**1024 - 2**970 - 1


def test_prose_colons_are_settled_from_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Colons in prose ("Ziel: mehr") are told apart from key colons by the text alone; the slower count
    over the model's strings is not needed, and duplicates are still found with spaced-out colons."""
    from commarch.fileformat import fastload

    def no_model_pass(model: Any) -> int:
        raise AssertionError("the text-based count should have settled it")

    raw = json.loads(json.dumps(BASE))
    raw["elements"][0]["notes"] = "Ziel: mehr Reichweite; Termin 20.11.: Workshop"
    plain = json.dumps(raw, indent=2, ensure_ascii=False)
    monkeypatch.setattr(fastload, "_colons_in_strings", no_model_pass)
    assert fast_load(plain.encode()) is not None
    spaced = plain.replace('": ', '" : ').replace('"notes" : ', '"notes"\n\t:\r\n ')
    assert fast_load(spaced.encode()) is not None
    monkeypatch.undo()
    for text in (plain, spaced):
        for key in ("notes", "label", "id", "kpi"):
            broken = with_duplicate(text, key, '"x: y"')
            assert fast_load(broken.encode()) is None, key
