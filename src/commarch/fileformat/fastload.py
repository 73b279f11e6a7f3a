"""The quick way in: the whole file parsed and validated by pydantic's Rust core, for files that are surely fine.

`loads` tries this first. It returns a model only when the staged, strict reader (jsonparse + reader) would
accept the same bytes and build the same model; whenever it cannot be sure it returns None, and the staged
reader runs and words every problem. So it never changes what is accepted or any message, only the speed
(a 10,000-element file: the Python JSON parser with a duplicate-key hook, then validation of the parsed
objects, ~100 ms; parsing and validating in Rust ~50 ms, plus ~5 ms for the checks below).

What the Rust parser (jiter) does differently from the strict reader, and how each is covered:
- duplicate keys: jiter keeps the last value silently. The keys in the text are counted (by its colons)
  and compared with the keys the model was built from; see `_keys_checked`.
- NaN, Infinity and numbers beyond the float range are accepted by jiter: no field of the format takes
  them (coordinates refuse non-finite values, other numbers are bounded integers), and unknown keys,
  which could hold them, are left to the staged reader.
- nesting depth: the format's own fields nest at most four levels; files with unknown keys, which can
  nest deeper, go the staged way.
- unpaired surrogate escapes: jiter refuses them; a quick search sends any surrogate escape the staged way.
- everything else (invalid UTF-8, BOM, trailing data, control characters, bad numbers or escapes) is a
  parse error in both, and errors always go the staged way.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import chain
from operator import attrgetter
from typing import Any

from pydantic import BaseModel, ValidationError

from commarch.model import CURRENT_VERSION, CommModel, ElementBase, RelationBase
from commarch.model.document import ROOT_KEYS
from commarch.model.tables import Tables, build_tables

from .jsonparse import MAX_BYTES

_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_UNUSUAL_START = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
# Text fields whose values cannot hold a colon: `kind` is a fixed word per class, `color` is #rrggbb.
_NO_COLON = frozenset({"kind", "color"})
_EXTRA, _FIELDS_SET = attrgetter("__pydantic_extra__"), attrgetter("__pydantic_fields_set__")


def fast_load(data: bytes) -> tuple[CommModel, Tables] | None:
    """The model and its lookup tables, if the bytes are surely a valid `.comm` file of the current
    version without unknown keys; None means "use the staged reader" (which decides, and explains any
    problem). The cross-object invariants are checked on the tables, which the document then takes over."""
    if len(data) > MAX_BYTES or data.startswith(_UNUSUAL_START) or _SURROGATE_ESCAPE.search(data):
        return None
    context: dict[str, Any] = {}
    try:
        model = CommModel.model_validate_json(data, context=context)
    except ValidationError:
        return None
    root_keys = context.get(ROOT_KEYS)
    if (root_keys is None or "format" not in root_keys or "version" not in root_keys
            or model.version != CURRENT_VERSION or _has_unknown_keys(model)):
        return None
    if not _keys_checked(data, model, root_keys):
        return None
    tables = build_tables(model.elements, model.relations, check=True)
    return (model, tables) if tables.consistent else None


def _keys_checked(data: bytes, model: CommModel, root_keys: frozenset[str]) -> bool:
    """True if no key of the text was dropped as a duplicate.

    Every key is followed by exactly one colon outside strings, so the colons of the text number the keys
    plus the colons inside strings; any duplicate key is in that count but not among the distinct keys the
    model was built from (`_keys_in_model`). Colons in strings are taken off as the model's strings count
    them — all of the text's strings are in the model, except the values of dropped duplicates, which only
    add — and since an escaped colon (`\\u003a`) is a colon in the model but not in the text, a text
    with one is not counted this way. What remains is >= the number of keys, and equal to the model's
    count only when no key was dropped."""
    colons, keys = data.count(b":"), _keys_in_model(model, root_keys)
    if colons == keys:
        return True
    # Tighter, still from the text alone: a key's colon follows its closing quote, or whitespace after
    # it, so the colons right after a quote or a space are >= the keys too. Colons in prose ("Ziel: …",
    # "20.11.: …") are not counted. (~6.5 ms at 10,000 elements; the count over the model's strings
    # below costs 20-25 ms on freshly built objects.)
    if _colons_after_quote_or_space(data) == keys:
        return True
    if b"\\u003a" in data or b"\\u003A" in data:
        return False
    return colons - _colons_in_strings(model) == keys


# A key's colon follows its closing quote or JSON whitespace: mapping whitespace to a quote, one count
# finds both (~6.5 ms at 10,000 elements; five counts of two-byte patterns took ~15 ms).
_WHITESPACE_TO_QUOTE = bytes.maketrans(b" \t\n\r", b'""""')


def _colons_after_quote_or_space(data: bytes) -> int:
    return data.translate(_WHITESPACE_TO_QUOTE).count(b'":')


def _objects_but_lists(model: CommModel) -> list[Any]:
    """Every object under the root but the elements and relations."""
    parts: list[Any] = []
    if model.meta is not None:
        parts.append(model.meta)
    parts.extend(model.rules.values() if model.rules else ())
    parts.extend(model.waivers or ())
    return parts


def _colons_in_strings(model: CommModel) -> int:
    """Colons in every string of the model, counted field by field in C-level passes (~3x faster than
    looking at every value): the free-text fields of the base class over all objects, those of a subclass
    over its objects."""
    total = 0
    for objects, base in ((model.elements, ElementBase), (model.relations, RelationBase)):
        for cls, (strings, lists) in _string_fields(base).items():
            subset = objects if cls is base else [item for item in objects if type(item) is cls]
            for name in strings:
                total += "\0".join(filter(None, map(attrgetter(name), subset))).count(":")
            for name in lists:
                total += "\0".join(chain.from_iterable(map(attrgetter(name), subset))).count(":")
    others: list[Any] = [model.meta] if model.meta is not None else []
    others.extend(model.rules.values() if model.rules else ())
    others.extend(model.waivers or ())
    values = list(chain.from_iterable(map(dict.values, map(vars, others))))
    strings = [value for value in values if type(value) is str]
    strings.extend(chain.from_iterable(value for value in values if type(value) is list))  # waivers' subjects
    strings.extend(model.rules or ())
    return total + "\0".join(strings).count(":")


@cache
def _string_fields(base: type[BaseModel]) -> dict[type[BaseModel], tuple[tuple[str, ...], tuple[str, ...]]]:
    """Per class, the fields (beyond its base's) that hold text — a string, or a list of strings — whose
    value may contain a colon: `{base: base fields, subclass: its own fields}`."""
    def own(cls: type[BaseModel], skip: set[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        strings, lists = [], []
        for name, info in cls.model_fields.items():
            if name in skip or name in _NO_COLON:
                continue
            text = repr(info.annotation)
            if text.startswith("typing.Literal") and ":" not in text:
                continue  # fixed words without a colon (kinds, priorities, ...)
            if text.startswith("list["):
                lists.append(name)
            elif "str" in text:
                strings.append(name)
        return tuple(strings), tuple(lists)

    fields: dict[type[BaseModel], tuple[tuple[str, ...], tuple[str, ...]]] = {base: own(base, set())}
    for cls in base.__subclasses__():
        extra = own(cls, set(base.model_fields))
        if extra != ((), ()):
            fields[cls] = extra
    return fields


def _has_unknown_keys(model: CommModel) -> bool:
    return (bool(model.__pydantic_extra__) or any(map(_EXTRA, model.elements)) or any(map(_EXTRA, model.relations))
            or any(map(_EXTRA, _objects_but_lists(model))))


def _keys_in_model(model: CommModel, root_keys: frozenset[str]) -> int:
    """Keys of every JSON object the model was built from: fields given (no unknown keys here)."""
    count = len(root_keys) + sum(map(len, map(_FIELDS_SET, model.elements)))
    count += sum(map(len, map(_FIELDS_SET, model.relations)))
    if model.meta is not None:
        count += len(model.meta.__pydantic_fields_set__)
    if model.rules is not None:
        count += len(model.rules) + sum(map(len, map(_FIELDS_SET, model.rules.values())))
    if model.waivers is not None:
        count += sum(map(len, map(_FIELDS_SET, model.waivers)))
    return count


def surely_consistent(elements: list[Any], relations: list[Any]) -> bool:
    """True only if `check_model` would find no problem, in a few C-level passes (~4x faster).
    False means "look closer": `check_model` then decides and words the problems."""
    return bool(build_tables(elements, relations, check=True).consistent)
