"""Typed change events a `Document` sends to its listeners after each edit, undo, redo, save or reset."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Change:
    """Base class of every change event."""


@dataclass(frozen=True, slots=True)
class ElementsAdded(Change):
    ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ElementsRemoved(Change):
    ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ElementsChanged(Change):
    """Properties other than the position changed; `keys` names them (e.g. {"label"})."""

    ids: tuple[str, ...]
    keys: frozenset[str]


@dataclass(frozen=True, slots=True)
class ElementsMoved(Change):
    ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RelationsAdded(Change):
    ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RelationsRemoved(Change):
    ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RelationsChanged(Change):
    ids: tuple[str, ...]
    keys: frozenset[str]


@dataclass(frozen=True, slots=True)
class MetaChanged(Change):
    keys: frozenset[str]


@dataclass(frozen=True, slots=True)
class RulesChanged(Change):
    rule_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class WaiversChanged(Change):
    pass


@dataclass(frozen=True, slots=True)
class ModelReset(Change):
    """The whole model was replaced (open, revert): rebuild every view from `doc.model`."""


@dataclass(frozen=True, slots=True)
class Saved(Change):
    """The document was written to `path` and is clean now."""

    path: str = field(default="")


def _union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a + b))


def coalesce(events: list[Change]) -> list[Change]:
    """Join consecutive events of the same type (a macro of 3 moves is one ElementsMoved).

    Only neighbours are joined, so the order of different changes (remove, then add) is kept.
    """
    out: list[Change] = []
    for event in events:
        last = out[-1] if out else None
        if last is None or type(last) is not type(event):
            out.append(event)
        elif isinstance(event, ElementsChanged | RelationsChanged):
            out[-1] = type(event)(_union(last.ids, event.ids), last.keys | event.keys)  # type: ignore[union-attr]
        elif isinstance(event, ElementsAdded | ElementsRemoved | ElementsMoved | RelationsAdded
                        | RelationsRemoved):
            out[-1] = type(event)(_union(last.ids, event.ids))  # type: ignore[union-attr]
        elif isinstance(event, MetaChanged):
            out[-1] = MetaChanged(last.keys | event.keys)  # type: ignore[union-attr]
        elif isinstance(event, RulesChanged):
            out[-1] = RulesChanged(_union(last.rule_ids, event.rule_ids))  # type: ignore[union-attr]
        elif isinstance(event, WaiversChanged | ModelReset):
            pass  # one is as good as several
        else:
            out.append(event)
    return out
