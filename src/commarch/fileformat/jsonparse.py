"""Strict JSON parsing: size and encoding limits, no NaN/Infinity, no duplicate keys, bounded depth."""

from __future__ import annotations

import json
import math
import re
import sys
from typing import Any

from commarch.model import Problem

MAX_BYTES = 64 * 1024 * 1024
# root object > elements list > element > tags list is depth 4; unknown keys from newer versions
# may nest a little deeper, nothing legitimate nests deeper than this.
MAX_DEPTH = 16


def shorten(value: Any, limit: int = 40) -> str:
    """repr() of a value from the file, cut so a hostile huge string cannot flood the message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class JsonProblem(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


class _DuplicateKey(ValueError):
    pass


class _BadNumber(ValueError):
    pass


def _pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def _parse_constant(name: str) -> float:
    raise _BadNumber(f"{name} is not a valid JSON number")


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _BadNumber(f"number {text[:24]}{'…' if len(text) > 24 else ''} is out of range")
    return value


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def decode_bytes(data: bytes) -> str:
    """UTF-8 without BOM, or a JsonProblem naming what the bytes are instead."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise JsonProblem(Problem("", "starts with a byte-order mark; save it as UTF-8 without BOM"))
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise JsonProblem(Problem("", "is UTF-32 encoded; a .comm file must be UTF-8"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise JsonProblem(Problem("", "is UTF-16 encoded; a .comm file must be UTF-8"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise JsonProblem(
            Problem("", f"is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}, line {line})")
        ) from None


def parse_json(data: bytes) -> Any:
    """Parse `data` strictly. Raises JsonProblem with a readable reason."""
    if len(data) > MAX_BYTES:
        raise JsonProblem(Problem("", f"is larger than {MAX_BYTES // (1024 * 1024)} MiB"))
    text = decode_bytes(data)
    try:
        value = json.loads(
            text,
            object_pairs_hook=_pairs_hook,
            parse_constant=_parse_constant,
            parse_float=_parse_float,
        )
    except json.JSONDecodeError as exc:
        reason = f"line {exc.lineno}, column {exc.colno}: invalid JSON: {exc.msg.removesuffix(' at')}"
        raise JsonProblem(Problem("", reason)) from None
    except _DuplicateKey as exc:
        raise JsonProblem(Problem(_duplicate_path(text, str(exc)), f"duplicate key {shorten(str(exc))}")) from None
    except _BadNumber as exc:
        raise JsonProblem(Problem("", f"invalid JSON: {exc}")) from None
    except RecursionError:
        raise JsonProblem(Problem("", f"nests deeper than the format allows ({MAX_DEPTH} levels)")) from None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        reason = "a number has too many digits" if "digits" in str(exc) else str(exc)
        raise JsonProblem(Problem("", f"invalid JSON: {reason}")) from None
    path = _too_deep(value)
    if path is not None:
        raise JsonProblem(Problem(path, f"nests deeper than the format allows ({MAX_DEPTH} levels)"))
    if _SURROGATE_ESCAPE.search(text):
        _check_surrogates(value)
    return value


def _too_deep(root: Any) -> str | None:
    """The JSON path of the first container nested deeper than MAX_DEPTH, or None."""
    if type(root) is not dict and type(root) is not list:
        return None
    stack: list[tuple[Any, int]] = [(root, 1)]
    pop, push = stack.pop, stack.append
    while stack:
        value, depth = pop()
        if depth > MAX_DEPTH:
            return _find_deep(root)
        for child in value.values() if type(value) is dict else value:
            if type(child) is dict:
                # Objects (elements, relations) are scanned here rather than pushed: one C-level
                # pass over their value types, and only their containers go on the stack.
                if depth + 1 > MAX_DEPTH:
                    return _find_deep(root)
                kinds = set(map(type, child.values()))
                if dict in kinds or list in kinds:
                    for grandchild in child.values():
                        if type(grandchild) is dict or type(grandchild) is list:
                            push((grandchild, depth + 2))
            elif type(child) is list:
                push((child, depth + 1))
    return None


def _find_deep(root: Any) -> str:
    stack: list[tuple[Any, str, int]] = [(root, "", 1)]
    while stack:
        value, path, depth = stack.pop()
        if depth > MAX_DEPTH:
            return path
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, child in items:
            if isinstance(child, (dict, list)):
                stack.append((child, join_path(path, key), depth + 1))
    return ""


def _check_surrogates(root: Any) -> None:
    stack: list[tuple[Any, str]] = [(root, "")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise JsonProblem(Problem(path, "contains an unpaired UTF-16 surrogate escape")) from None
        elif isinstance(value, (dict, list)):
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, child in items:
                if isinstance(key, str) and _has_surrogate(key):
                    raise JsonProblem(Problem(path, "a key contains an unpaired UTF-16 surrogate escape"))
                stack.append((child, join_path(path, key)))


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _duplicate_path(text: str, key: str) -> str:
    """Best effort: the JSON path of the object holding the duplicate key."""
    found: list[str] = []

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        if not found and keys.count(key) > 1:
            found.append("")
            return {"\0dup": True}
        return dict(pairs)

    try:
        root = json.loads(text, object_pairs_hook=hook, parse_constant=_parse_constant)
    except (ValueError, RecursionError):
        return ""
    stack: list[tuple[Any, str]] = [(root, "")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict):
            if "\0dup" in value:
                return path
            stack.extend((child, join_path(path, k)) for k, child in value.items())
        elif isinstance(value, list):
            stack.extend((child, join_path(path, i)) for i, child in enumerate(value))
    return ""


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def join_path(path: str, key: str | int) -> str:
    """Extend a JSON path: `elements` + 3 -> `elements[3]`, `meta` + `title` -> `meta.title`."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    if not _PLAIN_KEY.fullmatch(key):
        key = json.dumps(key, ensure_ascii=False)
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


assert sys.getrecursionlimit() > MAX_DEPTH
