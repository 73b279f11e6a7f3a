"""The columns/attributes interchange files carry, their types, and text <-> value conversion."""

from __future__ import annotations

import math
import re
import types
import typing
from dataclasses import dataclass
from typing import Any, Final, Literal

from commarch.model import ELEMENT_CLASSES, ELEMENT_KINDS, RELATION_CLASSES, RELATION_KINDS

COMMON_ELEMENT_COLUMNS: Final = ("id", "kind", "label", "x", "y", "notes", "tags", "color")
COMMON_RELATION_COLUMNS: Final = ("id", "kind", "source", "target", "label", "notes")

# Tags travel as one text: joined by ';', with '\' escaping a literal ';' or '\' inside a tag.
TAG_SEPARATOR: Final = ";"

ValueType = Literal["string", "boolean", "int", "double"]


@dataclass(frozen=True, slots=True)
class Column:
    """One property as it travels: name, GraphML attr.type, enum choices, default, owning kinds."""

    name: str
    type: ValueType
    choices: tuple[str, ...] = ()
    default: Any = None
    kinds: tuple[str, ...] = ()  # empty: every kind of its domain


def _value_type(annotation: Any) -> tuple[ValueType, tuple[str, ...]]:
    """Derive the interchange type from a pydantic annotation (so new properties need no table edit)."""
    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    if origin is Literal:
        return "string", tuple(str(a) for a in args)
    if origin in (typing.Union, types.UnionType):
        # constrained members (coordinates: Annotated[int, ...] | Annotated[float, ...]) by their base type
        members = [typing.get_args(a)[0] if typing.get_origin(a) is typing.Annotated else a
                   for a in args if a is not type(None)]
        if set(members) == {int, float}:
            return "double", ()
        return _value_type(members[0])
    if annotation is bool:
        return "boolean", ()
    if annotation is int:
        return "int", ()
    if annotation is float:
        return "double", ()
    return "string", ()  # str, list[str] (tags) and anything textual


def _columns(classes: dict[str, Any], kinds: tuple[str, ...], common: tuple[str, ...]) -> tuple[Column, ...]:
    found: dict[str, Column] = {}
    owners: dict[str, list[str]] = {}
    for kind in kinds:
        for name, info in classes[kind].model_fields.items():
            if name in ("kind", "source", "target"):
                value_type, choices = "string", ()
            else:
                value_type, choices = _value_type(info.annotation)
            default = None if info.is_required() or name == "kind" else info.get_default(
                call_default_factory=True)
            found.setdefault(name, Column(name, value_type, choices, default))
            owners.setdefault(name, []).append(kind)
    ordered = list(common) + [name for name in found if name not in common]
    result = []
    for name in ordered:
        column = found[name]
        specific = () if name in common else tuple(owners[name])
        result.append(Column(column.name, column.type, column.choices, column.default, specific))
    return tuple(result)


ELEMENT_COLUMNS: Final = _columns(ELEMENT_CLASSES, ELEMENT_KINDS, COMMON_ELEMENT_COLUMNS)
RELATION_COLUMNS: Final = _columns(RELATION_CLASSES, RELATION_KINDS, COMMON_RELATION_COLUMNS)
ELEMENT_COLUMN_BY_NAME: Final = {c.name: c for c in ELEMENT_COLUMNS}
RELATION_COLUMN_BY_NAME: Final = {c.name: c for c in RELATION_COLUMNS}


def applies(column: Column, kind: str) -> bool:
    return not column.kinds or kind in column.kinds


# Workshop spreadsheets are often typed in German: accept those names (case-insensitive) on import.
ELEMENT_KIND_ALIASES: Final = {
    **{k: k for k in ELEMENT_KINDS},
    **{k + "s": k for k in ELEMENT_KINDS},
    "kanal": "channel", "kanäle": "channel", "kanaele": "channel",
    "abteilung": "department", "abteilungen": "department", "bereich": "department",
    "ziel": "goal", "ziele": "goal", "thema": "topic", "themen": "topic",
    "notiz": "note", "notizen": "note", "anmerkung": "note",
    "zielgruppe": "stakeholder", "anspruchsgruppe": "stakeholder",
}
RELATION_KIND_ALIASES: Final = {
    **{k: k for k in RELATION_KINDS},
    "betreibt": "operates", "erreicht": "reaches", "koordiniert": "coordinates",
    "verantwortlich": "responsible_for", "verantwortlich_fuer": "responsible_for",
    "verantwortlich_für": "responsible_for", "traegt": "carries", "trägt": "carries",
    "dient": "serves", "beeinflusst": "influences",
}


def normalise_kind(text: str, aliases: dict[str, str]) -> str | None:
    key = "_".join(text.strip().lower().replace("-", " ").split())
    return aliases.get(key)


# ---- text <-> value -------------------------------------------------------------------------------

_TRUE = {"true", "yes", "ja", "1", "wahr", "x"}
_FALSE = {"false", "no", "nein", "0", "falsch"}


def format_value(column: Column, value: Any) -> str:
    """The text of a value: booleans as true/false, ints as ints, floats exactly (repr)."""
    if value is None:
        return ""
    if column.name == "tags":
        return join_tags(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def parse_value(column: Column, text: str) -> Any:
    """The value of a non-empty text; raises ValueError with a plain reason."""
    if column.name == "tags":
        return split_tags(text)
    if column.type == "boolean":
        low = text.strip().lower()
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
        raise ValueError(f"must be true or false (got {text!r})")
    if column.type == "int":
        return _parse_int(text)
    if column.type == "double":
        return _parse_number(text)
    if column.choices:
        low = text.strip().lower()
        if low in column.choices:
            return low
        raise ValueError(f"must be one of {', '.join(column.choices)} (got {text!r})")
    return text


def _parse_int(text: str) -> int:
    number = _parse_number(text)
    if isinstance(number, float):
        if not number.is_integer():
            raise ValueError(f"must be an integer (got {text!r})")
        return int(number)
    return number


def _parse_number(text: str) -> int | float:
    raw = text.strip()
    if "," in raw and "." not in raw:
        raw = raw.replace(",", ".")  # German decimal comma from a spreadsheet
    try:
        return int(raw)
    except ValueError:
        pass
    try:
        number = float(raw)
    except ValueError:
        raise ValueError(f"must be a number (got {text!r})") from None
    if not math.isfinite(number):
        raise ValueError(f"must be a finite number (got {text!r})")
    return number


def join_tags(tags: list[str]) -> str:
    return TAG_SEPARATOR.join(t.replace("\\", "\\\\").replace(";", "\\;") for t in tags)


def split_tags(text: str) -> list[str]:
    """Split on unescaped ';'; tags are trimmed and empty ones dropped (workshop input: 'a; b')."""
    tags: list[str] = []
    current: list[str] = []
    chars = iter(text)
    for char in chars:
        if char == "\\":
            current.append(next(chars, "\\"))
        elif char == TAG_SEPARATOR:
            tags.append("".join(current))
            current = []
        else:
            current.append(char)
    tags.append("".join(current))
    return [t.strip() for t in tags if t.strip()]


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """`text` with the characters XML 1.0 cannot hold at all (most controls) replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)
