"""The vocabulary of the format: element kinds, relation kinds, enums and the relation-kind table."""

from __future__ import annotations

from typing import Final

ELEMENT_KINDS: Final = ("stakeholder", "channel", "department", "goal", "topic", "note")
RELATION_KINDS: Final = (
    "operates",
    "reaches",
    "coordinates",
    "responsible_for",
    "carries",
    "serves",
    "influences",
)

PRIORITIES: Final = ("high", "medium", "low")
CHANNEL_TYPES: Final = ("social", "owned", "paid", "earned", "event", "personal", "service", "print")
FUNCTIONS: Final = (
    "pr",
    "marketing",
    "hr",
    "customer_service",
    "product",
    "social_media",
    "sales",
    "management",
    "other",
)
ROLES: Final = ("lead", "contributor")
SEVERITIES: Final = ("error", "warning", "info")
LANGUAGES: Final = ("de", "en")

# relation kind -> (allowed source kinds, allowed target kinds)
RELATION_TABLE: Final[dict[str, tuple[frozenset[str], frozenset[str]]]] = {
    "operates": (frozenset({"department"}), frozenset({"channel"})),
    "reaches": (frozenset({"channel"}), frozenset({"stakeholder"})),
    "coordinates": (frozenset({"department"}), frozenset({"department"})),
    "responsible_for": (frozenset({"department"}), frozenset({"stakeholder", "topic"})),
    "carries": (frozenset({"channel"}), frozenset({"topic"})),
    "serves": (frozenset({"channel", "topic", "department"}), frozenset({"goal"})),
    "influences": (frozenset({"stakeholder"}), frozenset({"stakeholder"})),
}

SYMMETRIC_RELATIONS: Final = frozenset({"coordinates"})

ID_PATTERN: Final = r"[A-Za-z0-9_.:-]{1,64}"
LABEL_MAX: Final = 200


def allowed_relation_kinds(source_kind: str, target_kind: str) -> list[str]:
    """The relation kinds that may connect an element of `source_kind` to one of `target_kind`."""
    return [
        kind
        for kind, (sources, targets) in RELATION_TABLE.items()
        if source_kind in sources and target_kind in targets
    ]


def relation_key(kind: str, source: str, target: str) -> tuple[str, str, str]:
    """The identity of a relation for the no-duplicates rule (symmetric kinds ignore direction)."""
    if kind in SYMMETRIC_RELATIONS and target < source:
        source, target = target, source
    return (kind, source, target)
