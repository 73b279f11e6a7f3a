"""Every kind of invalid file is refused with the right JSON path and a readable reason."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from commarch.fileformat import CommFileError, load, loads

from .helpers import complete_raw, to_bytes


def refused(data: bytes) -> list[str]:
    with pytest.raises(CommFileError) as info:
        loads(data, "f.comm")
    lines = info.value.lines()
    assert lines and all(line.startswith("f.comm: ") for line in lines)
    return [line.removeprefix("f.comm: ") for line in lines]


def mutate(change: Callable[[dict[str, Any]], None]) -> bytes:
    raw = complete_raw()
    change(raw)
    return to_bytes(raw)


def setter(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(raw: dict[str, Any]) -> None:
        node = raw
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return change


def deleter(path: list[Any]) -> Callable[[dict[str, Any]], None]:
    def change(raw: dict[str, Any]) -> None:
        node = raw
        for part in path[:-1]:
            node = node[part]
        del node[path[-1]]

    return change


FIELD_CASES = [
    # (mutation, expected path, expected words in the reason)
    (setter(["elements", 5, "priority"], "urgent"), "elements[5].priority", "must be one of high, medium, low"),
    (setter(["elements", 5, "priority"], 1), "elements[5].priority", "must be one of"),
    (setter(["elements", 3, "two_way"], 1), "elements[3].two_way", "true or false"),
    (setter(["elements", 5, "needs_dialog"], "true"), "elements[5].needs_dialog", "true or false"),
    (setter(["elements", 5, "influence"], True), "elements[5].influence", "integer"),
    (setter(["elements", 5, "influence"], 6), "elements[5].influence", "1 to 5"),
    (setter(["elements", 5, "interest"], 3.0), "elements[5].interest", "integer"),
    (setter(["elements", 0, "x"], "0"), "elements[0].x", "number"),
    (setter(["elements", 0, "x"], True), "elements[0].x", "number"),
    (setter(["elements", 0, "label"], 5), "elements[0].label", "string"),
    (setter(["elements", 0, "label"], ""), "elements[0].label", "empty"),
    (setter(["elements", 0, "label"], "x" * 201), "elements[0].label", "at most 200"),
    (setter(["elements", 0, "tags"], "a"), "elements[0].tags", "list"),
    (setter(["elements", 0, "tags"], [1]), "elements[0].tags[0]", "string"),
    (setter(["elements", 0, "color"], "red"), "elements[0].color", "#rrggbb"),
    (setter(["elements", 0, "function"], "legal"), "elements[0].function", "must be one of"),
    (setter(["elements", 3, "channel_type"], "tv"), "elements[3].channel_type", "must be one of"),
    (setter(["elements", 0, "kind"], "person"), "elements[0].kind", "must be one of"),
    (deleter(["elements", 0, "kind"]), "elements[0].kind", "required"),
    (deleter(["elements", 0, "id"]), "elements[0].id", "required"),
    (deleter(["elements", 0, "label"]), "elements[0].label", "required"),
    (setter(["elements", 0, "id"], "has space"), "elements[0].id", "characters"),
    (setter(["elements", 0, "id"], "a" * 65), "elements[0].id", "1-64"),
    (setter(["elements", 0, "id"], "ok\n"), "elements[0].id", "characters"),
    (setter(["elements", 0], "not an object"), "elements[0]", "object"),
    (setter(["elements"], {}), "elements", "list"),
    (deleter(["elements"]), "elements", "required"),
    (deleter(["relations"]), "relations", "required"),
    (setter(["relations", 0, "role"], "owner"), "relations[0].role", "lead, contributor"),
    (setter(["relations", 0, "kind"], "likes"), "relations[0].kind", "must be one of"),
    (setter(["relations", 0, "source"], 3), "relations[0].source", "string"),
    (setter(["meta", "language"], "fr"), "meta.language", "de, en"),
    (setter(["meta", "created"], "yesterday"), "meta.created", "ISO 8601"),
    (setter(["meta", "title"], None), "meta.title", "string"),
    (setter(["meta"], []), "meta", "object"),
    (setter(["rules", "OVL-PARALLEL", "severity"], "fatal"), "rules.OVL-PARALLEL.severity", "error, warning, info"),
    (setter(["rules", "OVL-PARALLEL", "enabled"], 0), "rules.OVL-PARALLEL.enabled", "true or false"),
    (setter(["waivers", 0, "subjects"], "s-x"), "waivers[0].subjects", "list"),
    (deleter(["waivers", 0, "rule"]), "waivers[0].rule", "required"),
]


@pytest.mark.parametrize(("change", "path", "words"), FIELD_CASES)
def test_field_problem_names_path_and_reason(change: Callable[..., None], path: str, words: str) -> None:
    problems = refused(mutate(change))
    matching = [p for p in problems if p.startswith(path + ": ")]
    assert matching, problems
    assert words in matching[0], matching[0]


INVARIANT_CASES = [
    (setter(["elements", 1, "id"], "d-pr"), "elements[1].id", "duplicate id 'd-pr'"),
    (setter(["relations", 0, "id"], "d-pr"), "relations[0].id", "duplicate id 'd-pr'"),
    (setter(["relations", 0, "target"], "nowhere"), "relations[0].target", "no element with id 'nowhere'"),
    (setter(["relations", 0, "source"], "nowhere"), "relations[0].source", "no element"),
    (setter(["relations", 3, "source"], "d-pr"), "relations[3]", "cannot connect a department to a stakeholder"),
    (setter(["relations", 3, "target"], "c-fb"), "relations[3]", "itself"),
    (setter(["relations", 1, "source"], "d-pr"), "relations[1]", "duplicate 'operates'"),
    (lambda raw: raw["relations"].append({"id": "rx", "kind": "coordinates", "source": "d-pr",
                                          "target": "d-lead"}), "relations[14]", "duplicate 'coordinates'"),
    (lambda raw: raw["relations"].append({"id": "ry", "kind": "operates", "source": "n-1",
                                          "target": "c-fb"}), "relations[14]", "cannot connect a note"),
]


@pytest.mark.parametrize(("change", "path", "words"), INVARIANT_CASES)
def test_invariant_problem_names_path_and_reason(change: Callable[..., None], path: str, words: str) -> None:
    problems = refused(mutate(change))
    matching = [p for p in problems if p.startswith(path + ": ")]
    assert matching, problems
    assert words in matching[0], matching[0]


def test_all_problems_are_listed_not_only_the_first() -> None:
    def change(raw: dict[str, Any]) -> None:
        raw["elements"][5]["priority"] = "urgent"
        raw["elements"][0]["label"] = ""
        raw["relations"][0]["target"] = "nowhere"
        raw["meta"]["language"] = "fr"

    problems = refused(mutate(change))
    paths = {p.split(": ")[0] for p in problems}
    assert {"elements[5].priority", "elements[0].label", "relations[0].target", "meta.language"} <= paths


def test_invalid_element_does_not_cause_spurious_dangling_relations() -> None:
    problems = refused(mutate(setter(["elements", 3, "two_way"], 1)))  # c-fb is invalid but exists
    assert problems == ["elements[3].two_way: must be true or false"]


RAW_CASES = [
    (b'{"format": "comm", "version": 1, "elements": [], "relations": [], "x": NaN}', "NaN"),
    (b'{"format": "comm", "version": 1, "elements": [], "relations": [], "x": Infinity}', "Infinity"),
    (b'{"format": "comm", "version": 1, "elements": [], "relations": [], "x": -Infinity}', "Infinity"),
    (b'{"format": "comm", "version": 1, "elements": [], "relations": [], "x": 1e400}', "out of range"),
    (b'{"format": "comm", "version": 1, "elements": [], "relations": [], "x": ' + b"9" * 100_000 + b"}",
     "too many digits"),
    (b'{"format": "comm", "format": "comm", "version": 1, "elements": [], "relations": []}',
     "duplicate key 'format'"),
    (b'\xef\xbb\xbf{"format": "comm", "version": 1, "elements": [], "relations": []}', "byte-order mark"),
    ('{"format": "comm", "version": 1, "elements": [], "relations": []}'.encode("utf-16"), "UTF-16"),
    (b'{"format": "comm", "version": 1, "elements": [], "relations": [], "x": "\xff\xfe"}', "not valid UTF-8"),
    (b'{"format": "comm", "version": 1, "elements": [], "relations": [], "x": "\\ud800"}', "surrogate"),
    (b'{"format": "comm", "version": 1, "elements": [], "relations": [', "invalid JSON"),
    (b"", "invalid JSON"),
    (b"\x00\x01\x02binary junk\x89PNG", "not valid UTF-8"),
    (b"\x00\x01\x02binary junk", "invalid JSON"),
    (b"[1, 2, 3]", "must be a JSON object"),
    (b'{"format": "comm", "version": 1, "elements": [], "relations": [], "x": ' + b"[" * 100_000 + b"]" * 100_000
     + b"}", "nests deeper"),
    (b'{"format": "comm", "version": 1, "elements": [], "relations": [], "x": ' + b"[" * 40 + b"]" * 40 + b"}",
     "nests deeper"),
    (b'{"format": "comm", "version": 7, "elements": [], "relations": []}', "version 7"),
    (b'{"format": "comm", "version": 0, "elements": [], "relations": []}', "unknown format version 0"),
    (b'{"format": "comm", "version": "1", "elements": [], "relations": []}', "version: must be an integer"),
    (b'{"format": "comm", "version": true, "elements": [], "relations": []}', "version: must be an integer"),
    (b'{"format": "comm", "elements": [], "relations": []}', "version: is required"),
    (b'{"format": "drawio", "version": 1, "elements": [], "relations": []}', "not a commarch file"),
    (b'{"version": 1, "elements": [], "relations": []}', "format: is required"),
]


@pytest.mark.parametrize(("data", "words"), RAW_CASES)
def test_raw_input_is_refused_readably(data: bytes, words: str) -> None:
    problems = refused(data)
    assert any(words in p for p in problems), problems
    assert all(len(p) < 400 for p in problems)


def test_future_version_names_both_versions() -> None:
    problems = refused(b'{"format": "comm", "version": 7, "elements": [], "relations": []}')
    assert "version 7" in problems[0] and "version 1" in problems[0]


def test_duplicate_key_inside_an_element_names_its_path() -> None:
    data = (b'{"format": "comm", "version": 1, "relations": [], "elements": ['
            b'{"id": "a", "kind": "topic", "label": "A"}, {"id": "b", "kind": "topic", "label": "B", "label": "C"}]}')
    assert refused(data) == ["elements[1]: duplicate key 'label'"]


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.comm"
    with open(big, "wb") as handle:
        handle.truncate(65 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(CommFileError) as info:
        load(big)
    assert "larger than 64 MiB" in str(info.value)


def test_cli_validate_refuses_without_traceback_and_leaves_file_untouched(tmp_path: Path) -> None:
    bad = tmp_path / "bad.comm"
    bad.write_bytes(mutate(setter(["elements", 5, "priority"], "urgent")))
    before = (bad.read_bytes(), os.stat(bad).st_mtime_ns)
    good = tmp_path / "good.comm"
    good.write_bytes(to_bytes(complete_raw()))
    result = subprocess.run([sys.executable, "-m", "commarch", "validate", str(good), str(bad)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == (f"commarch: {bad}: elements[5].priority: must be one of high, medium, low")
    assert f"{good}: valid" in result.stdout
    assert (bad.read_bytes(), os.stat(bad).st_mtime_ns) == before


def test_cli_validate_valid_files_exit_zero(tmp_path: Path) -> None:
    good = tmp_path / "good.comm"
    good.write_bytes(to_bytes(complete_raw()))
    result = subprocess.run([sys.executable, "-m", "commarch", "validate", str(good)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("data", [b"0", b"null", b"true", b'"comm"', b"3.5"])
def test_a_bare_json_value_is_refused_not_crashed(data: bytes) -> None:
    assert refused(data) == ['must be a JSON object with "format": "comm"']


def test_problems_are_capped_and_a_huge_broken_file_fails_fast() -> None:
    import time

    data = json.dumps({"format": "comm", "version": 1, "elements": [{} for _ in range(300_000)],
                       "relations": []}).encode()
    start = time.perf_counter()
    problems = refused(data)
    assert time.perf_counter() - start < 5
    assert len(problems) == 101 and problems[0] == "elements[0].kind: is required"
    assert problems[-1] == "has more problems; only the first 100 are listed"


def test_long_hostile_values_are_shortened_in_messages() -> None:
    raw = complete_raw()
    raw["elements"][0]["kind"] = "k" * 20_000
    raw["relations"][0]["target"] = "t" * 20_000
    problems = refused(to_bytes(raw))
    assert problems and all(len(p) < 300 for p in problems), [len(p) for p in problems]
