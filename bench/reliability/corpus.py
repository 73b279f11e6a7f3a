"""The hostile-file corpus: small cases (committed in tests/data/hostile/) and large ones generated on demand.

Write the small corpus again: .venv/bin/python bench/reliability/corpus.py tests/data/hostile
Large cases are never committed: `write_large(folder)` makes them (sparse where possible).
"""

from __future__ import annotations

import copy
import gzip
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BASE_FILE = ROOT / "tests" / "data" / "v1-complete.comm"
MB = 1024 * 1024


def base() -> dict[str, Any]:
    return copy.deepcopy(json.loads(BASE_FILE.read_text("utf-8")))


def dumps(raw: Any) -> bytes:
    return json.dumps(raw, ensure_ascii=False, indent=1).encode("utf-8")


def _with(change: Callable[[dict[str, Any]], None]) -> bytes:
    raw = base()
    change(raw)
    return dumps(raw)


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(raw: dict[str, Any]) -> None:
        node: Any = raw
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
    return change


def _text() -> str:
    return BASE_FILE.read_text("utf-8")


def _replace_first(old: str, new: str) -> bytes:
    text = _text()
    assert old in text, old
    return text.replace(old, new, 1).encode("utf-8")


def _dangling(raw: dict[str, Any]) -> None:
    raw["relations"][0]["target"] = "does-not-exist"


def _self_loop(raw: dict[str, Any]) -> None:
    raw["relations"][0]["target"] = raw["relations"][0]["source"]


def _duplicate_relation(raw: dict[str, Any]) -> None:
    twin = dict(raw["relations"][0], id="twin")
    raw["relations"].append(twin)


def _duplicate_ids(raw: dict[str, Any]) -> None:
    raw["elements"][1]["id"] = raw["elements"][0]["id"]
    raw["relations"][0]["id"] = raw["elements"][2]["id"]


def _junk(seed: int, size: int) -> bytes:
    return random.Random(seed).randbytes(size)


def small_cases() -> dict[str, bytes]:
    """name -> bytes of each small hostile file (all well under 50 KB)."""
    text = _text()
    data = text.encode("utf-8")
    payload = "<script>alert(1)</script>"
    return {
        # duplicate keys
        "dup-key-top.comm": b'{"format": "comm", "version": 1, "elements": [], "elements": [], "relations": []}',
        "dup-key-element.comm": _replace_first('"label": ', '"label": "first", "label": '),
        "dup-key-meta.comm": _replace_first('"title": ', '"title": "a", "title": '),
        # numbers
        "nan.comm": _replace_first('"x": ', '"x": NaN, "xx": '),
        "infinity.comm": _replace_first('"x": ', '"x": Infinity, "xx": '),
        "minus-infinity.comm": _replace_first('"y": ', '"y": -Infinity, "yy": '),
        "float-overflow.comm": _replace_first('"x": ', '"x": 1e400, "xx": '),
        "ok-float-underflow.comm": _replace_first('"x": ', '"x": 1e-400, "xx": '),
        "ok-big-int-coordinate.comm": _with(_set(["elements", 0, "x"], 10**300)),
        "version-huge.comm": _with(_set(["version"], 10**40)),
        # encodings
        "bom-utf8.comm": b"\xef\xbb\xbf" + data,
        "utf16-le-bom.comm": text.encode("utf-16"),
        "utf16-be.comm": b"\xfe\xff" + text.encode("utf-16-be"),
        "utf16-le-no-bom.comm": text.encode("utf-16-le"),
        "utf32.comm": text.encode("utf-32"),
        "latin1.comm": '{"format": "comm", "version": 1, "meta": {"title": "Bäckerei Müller"}, "elements": [], '
                       '"relations": []}'.encode("latin-1"),
        "lone-surrogate-escape.comm": _replace_first('"label": "', '"label": "\\ud800'),
        "lone-low-surrogate-key.comm": _replace_first('"format"', '"\\udc00x": 1, "format"'),
        "surrogate-bytes-cesu.comm": data.replace(b'"label": "', b'"label": "\xed\xa0\x80', 1),
        "overlong-utf8.comm": data.replace(b'"label": "', b'"label": "\xc0\xaf', 1),
        "nul-bytes.comm": data[:200] + b"\x00" * 64 + data[200:],
        # wrong types and shapes
        "root-array.comm": b"[]",
        "root-string.comm": b'"comm"',
        "root-null.comm": b"null",
        "root-number.comm": b"1",
        "empty.comm": b"",
        "whitespace-only.comm": b" \n\t\r\n ",
        "version-string.comm": _with(_set(["version"], "1")),
        "version-float.comm": _with(_set(["version"], 1.0)),
        "version-bool.comm": _with(_set(["version"], True)),
        "version-null.comm": _with(_set(["version"], None)),
        "version-zero.comm": _with(_set(["version"], 0)),
        "version-negative.comm": _with(_set(["version"], -1)),
        "format-wrong.comm": _with(_set(["format"], "COMM")),
        "format-missing.comm": b'{"version": 1, "elements": [], "relations": []}',
        "elements-object.comm": _with(_set(["elements"], {"a": 1})),
        "relations-string.comm": _with(_set(["relations"], "r1")),
        "meta-list.comm": _with(_set(["meta"], ["title"])),
        "label-number.comm": _with(_set(["elements", 0, "label"], 42)),
        "label-null.comm": _with(_set(["elements", 0, "label"], None)),
        "label-object.comm": _with(_set(["elements", 0, "label"], {"$ne": ""})),
        "x-string.comm": _with(_set(["elements", 0, "x"], "12px")),
        "x-bool.comm": _with(_set(["elements", 0, "x"], True)),
        "tags-dict.comm": _with(_set(["elements", 0, "tags"], {"a": "b"})),
        "kind-unknown.comm": _with(_set(["elements", 0, "kind"], "person")),
        "kind-number.comm": _with(_set(["elements", 0, "kind"], 7)),
        "kind-long.comm": _with(_set(["elements", 0, "kind"], "k" * 20000)),
        "id-long-unicode.comm": _with(_set(["elements", 0, "id"], "ü" * 20000)),
        "id-newline.comm": _with(_set(["elements", 0, "id"], "a\nb")),
        "priority-long.comm": _with(_set(["elements", 5, "priority"], "p\n" * 5000)),
        "color-script.comm": _with(_set(["elements", 0, "color"], payload)),
        "rules-bad.comm": _with(_set(["rules"], {"OVL-PARALLEL": {"severity": "fatal", "enabled": "yes"}})),
        "waivers-bad.comm": _with(_set(["waivers"], [{"rule": 1, "subjects": "s-press"}])),
        "label-too-long.comm": _with(_set(["elements", 0, "label"], "x" * 201)),
        "many-problems.comm": dumps({"format": "comm", "version": 1, "elements": [{}] * 500,
                                     "relations": [{"id": i} for i in range(500)]}),
        # graph problems
        "dangling-relation.comm": _with(_dangling),
        "self-loop.comm": _with(_self_loop),
        "duplicate-relation.comm": _with(_duplicate_relation),
        "duplicate-ids.comm": _with(_duplicate_ids),
        "relation-kind-mismatch.comm": _with(_set(["relations", 0, "kind"], "influences")),
        # future version
        "future-version.comm": _with(_set(["version"], 2)),
        # truncated
        "truncated-half.comm": data[: len(data) // 2],
        "truncated-one-byte.comm": data[:1],
        "truncated-last-brace.comm": data.rstrip()[:-1],
        "truncated-in-escape.comm": _replace_first('"label": "', '"label": "\\u12').split(b"\\u12")[0] + b"\\u12",
        "truncated-mid-utf8.comm": "{\"format\": \"comm\", \"meta\": {\"title\": \"Bä".encode()[:-1],
        # syntax
        "trailing-garbage.comm": data + b"xyz",
        "two-objects.comm": data + data,
        "comments.comm": b"// exported by a tool\n" + data,
        "single-quotes.comm": b"{'format': 'comm', 'version': 1, 'elements': [], 'relations': []}",
        "trailing-comma.comm": b'{"format": "comm", "version": 1, "elements": [], "relations": [],}',
        "raw-newline-in-string.comm": _replace_first('"label": "', '"label": "line\nbreak'),
        "deep-nesting-unknown.comm": _with(_set(["x-deep"], json.loads("[" * 40 + "]" * 40))),
        # binary junk
        "junk-random.comm": _junk(1, 4096),
        "junk-png.comm": b"\x89PNG\r\n\x1a\n" + _junk(2, 512),
        "junk-gzip.comm": gzip.compress(data, mtime=0),
        "junk-zip.comm": b"PK\x03\x04" + _junk(3, 256),
        "junk-elf.comm": b"\x7fELF\x02\x01\x01" + b"\x00" * 200,
        "junk-pickle.comm": b"\x80\x04\x95" + _junk(4, 64) + b".",
        "junk-html.comm": f"<!DOCTYPE html><html><body>{payload}</body></html>".encode(),
        "junk-xml-entities.comm": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
        "yaml-python-tag.comm": b"!!python/object/apply:os.system ['echo pwned']\n",
        # accepted (valid, but unusual): must load, never break anything downstream
        "ok-html-everywhere.comm": _with(_html_everywhere),
        "ok-unknown-keys.comm": _with(_set(["__proto__"], {"constructor": {"prototype": {"polluted": True}}})),
        "ok-nul-in-label.comm": _with(_set(["elements", 0, "label"], "a\u0000b")),
        "ok-bidi-label.comm": _with(_set(["elements", 0, "label"], "\u202eexe.txt\u202c")),
        "ok-tex-label.comm": _with(_set(["elements", 0, "label"], r"$\frac{1}{0}$ \\ \n $x^{2")),
    }


def _html_everywhere(raw: dict[str, Any]) -> None:
    payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>&amp;'
    raw["meta"] = {key: payload for key in ("title", "client", "author", "description")}
    for element in raw["elements"]:
        element["label"] = payload[:200]
        element["notes"] = payload
        element["tags"] = [payload]
        if element["kind"] == "goal":
            element["kpi"] = payload
        if element["kind"] == "channel":
            element["platform"] = payload
    for relation in raw["relations"]:
        relation["label"] = payload
        relation["notes"] = payload


# name -> (writer(path), accepted?) — written at test time, never committed
def _padded_valid(path: Path, size: int) -> None:
    with path.open("wb") as handle:
        handle.write(BASE_FILE.read_bytes())
        handle.write(b" " * size)


def _sparse(path: Path, size: int, head: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(head)
        handle.truncate(size)   # a hole: 100 MB on paper, a few bytes on disk


def _label(path: Path, size: int) -> None:
    raw = base()
    raw["elements"][0]["label"] = "L" * size
    path.write_bytes(dumps(raw))


def _digits(path: Path, digits: int, fractional: bool) -> None:
    number = ("0." + "1" * digits) if fractional else ("9" * digits)
    path.write_bytes(_text().replace('"x": ', f'"x": {number}, "xx": ', 1).encode("utf-8"))


def _nesting(path: Path, depth: int, opener: str, closer: str) -> None:
    path.write_bytes(b'{"format": "comm", "version": 1, "x": ' + (opener * depth + closer * depth).encode()
                     + b', "elements": [], "relations": []}')


def _escapes(path: Path, count: int) -> None:
    raw = _text().replace('"notes": "', '"notes": "' + "\\u0041" * count, 1)
    path.write_bytes(raw.encode("utf-8"))


def _many_empty_elements(path: Path, count: int) -> None:
    path.write_bytes(b'{"format": "comm", "version": 1, "relations": [], "elements": ['
                     + b",".join([b"{}"] * count) + b"]}")


def _many_keys(path: Path, count: int) -> None:
    keys = ",".join(f'"k{i}": {i}' for i in range(count))
    path.write_bytes(('{"format": "comm", "version": 1, "elements": [], "relations": [], ' + keys + "}").encode())


LARGE: dict[str, tuple[Callable[[Path], None], bool]] = {
    "sparse-100mb.comm": (lambda p: _sparse(p, 100 * MB, b'{"format": "comm", "version": 1, "x": "'), False),
    "label-50mb.comm": (lambda p: _label(p, 50 * MB), False),
    "digits-int-100k.comm": (lambda p: _digits(p, 100_000, False), False),
    "digits-float-100k.comm": (lambda p: _digits(p, 100_000, True), True),   # 0.111… is a finite float
    "nesting-arrays-100k.comm": (lambda p: _nesting(p, 100_000, "[", "]"), False),
    "nesting-objects-100k.comm": (lambda p: _nesting(p, 50_000, '{"a":', "}"), False),
    "padded-valid-60mb.comm": (lambda p: _padded_valid(p, 60 * MB), True),
    "escapes-10m.comm": (lambda p: _escapes(p, 2_000_000), True),
    "many-empty-elements-200k.comm": (lambda p: _many_empty_elements(p, 200_000), False),
    "many-unknown-keys-200k.comm": (lambda p: _many_keys(p, 200_000), True),
}


def write_large(folder: Path, names: list[str] | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names or list(LARGE):
        path = folder / name
        LARGE[name][0](path)
        paths.append(path)
    return paths


def write_small(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in small_cases().items():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "data" / "hostile"
    print(f"{len(write_small(target))} files written to {target}")
