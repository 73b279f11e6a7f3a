"""The result of comparing two models: plain frozen dataclasses, easy to render, test and serialise."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

MatchMode = Literal["id", "label", "auto"]


@dataclass(frozen=True, slots=True)
class PropertyChange:
    """One key whose value differs: `old` / `new` are None when the key is absent on that side."""

    key: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class ElementRef:
    """An element added (ids of the new model) or removed (ids and position in the old model)."""

    id: str
    kind: str
    label: str
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class ElementChange:
    """A matched element whose meaning changed; `id` is the new id, `old_id` the old one (label matching)."""

    id: str
    old_id: str
    kind: str
    label: str
    old_label: str
    changes: tuple[PropertyChange, ...]


@dataclass(frozen=True, slots=True)
class ElementMove:
    """A matched element whose position changed (reported apart from meaning changes)."""

    id: str
    old_id: str
    kind: str
    label: str
    old_x: float
    old_y: float
    new_x: float
    new_y: float


@dataclass(frozen=True, slots=True)
class RelationRef:
    """A relation added (new ids) or removed (old ids), with its ends' labels for display."""

    id: str
    kind: str
    source: str
    target: str
    source_label: str
    target_label: str
    label: str | None = None


@dataclass(frozen=True, slots=True)
class RelationChange:
    """A matched relation whose properties (or ends) changed; ids and ends are those of the new model."""

    id: str
    old_id: str
    kind: str
    source: str
    target: str
    source_label: str
    target_label: str
    changes: tuple[PropertyChange, ...]


@dataclass(frozen=True, slots=True)
class RuleChange:
    """A rule setting that differs; settings are normalised to {"enabled": bool, "severity": str|None}."""

    rule: str
    old: Mapping[str, Any]
    new: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class WaiverChange:
    """A waiver added, removed or with a changed note; subjects are the ids of the side it exists on
    (the new side if both)."""

    status: Literal["added", "removed", "changed"]
    rule: str
    subjects: tuple[str, ...]
    old_note: str | None
    new_note: str | None


@dataclass(frozen=True, slots=True)
class FindingRef:
    """A finding as the analysis reported it for one side (subjects are that side's ids)."""

    rule: str
    severity: str
    subjects: tuple[str, ...]
    message: str
    recommendation: str
    waived: bool = False


@dataclass(frozen=True, slots=True)
class FindingsDiff:
    """Open findings matched by rule + subject set (subjects mapped through the element matching).

    resolved: open in the old model, not open in the new one (old side's refs); introduced: open in the
    new model only; unchanged: open on both sides (new side's refs); waived: the new side's waived ones.
    """

    resolved: tuple[FindingRef, ...]
    introduced: tuple[FindingRef, ...]
    unchanged: tuple[FindingRef, ...]
    waived: tuple[FindingRef, ...] = ()


@dataclass(frozen=True, slots=True)
class MetricChange:
    """One metric old -> new; `delta` is new - old for numbers (None when either side is not a number).

    `key` is the metric name; entries of dict metrics are `counts.<name>` and `brokerage.<new id>`.
    `changed` compares through the element matching for id-valued metrics (coordinator_candidate).
    """

    key: str
    old: Any
    new: Any
    delta: float | int | None
    changed: bool


@dataclass(frozen=True, slots=True)
class Matching:
    """How elements were paired: requested mode, what was actually used, and how many pairs each way."""

    requested: MatchMode
    used: Literal["id", "label", "id+label"]
    by_id: int
    by_label: int
    shared_ids: int  # element ids (same kind) present in both models
    note: str  # one English sentence saying what was done (renderers localise from the fields)


@dataclass(frozen=True, slots=True)
class ModelDiff:
    """Everything that differs between an old and a new model.

    `element_map` maps matched old element ids to new ids; `old_labels` / `new_labels` give every
    element's label per side, so renderers and the compare view can name things without the models.
    `findings` and `metrics` are None when no analysis was supplied.
    """

    matching: Matching
    added: tuple[ElementRef, ...] = ()
    removed: tuple[ElementRef, ...] = ()
    changed: tuple[ElementChange, ...] = ()
    moved: tuple[ElementMove, ...] = ()
    relations_added: tuple[RelationRef, ...] = ()
    relations_removed: tuple[RelationRef, ...] = ()
    relations_changed: tuple[RelationChange, ...] = ()
    meta: tuple[PropertyChange, ...] = ()
    rules: tuple[RuleChange, ...] = ()
    waivers: tuple[WaiverChange, ...] = ()
    findings: FindingsDiff | None = None
    metrics: tuple[MetricChange, ...] | None = None
    element_map: Mapping[str, str] = field(default_factory=dict)
    old_labels: Mapping[str, str] = field(default_factory=dict)
    new_labels: Mapping[str, str] = field(default_factory=dict)
    lang: str = "en"
    old_title: str = ""
    new_title: str = ""

    def metric(self, key: str) -> MetricChange | None:
        """The change of metric `key`, or None when metrics are missing or the key is unknown."""
        for change in self.metrics or ():
            if change.key == key:
                return change
        return None


# Meta keys that are bookkeeping, not content: a resaved file is still the same model.
BOOKKEEPING_META = frozenset({"modified"})


def is_empty(diff: ModelDiff, positions: bool = False) -> bool:
    """True when the models mean the same. Moves count only with `positions=True`; findings and metrics
    follow from the model, so they are not looked at; a changed `meta.modified` alone does not count."""
    structural = (diff.added, diff.removed, diff.changed, diff.relations_added, diff.relations_removed,
                  diff.relations_changed, diff.rules, diff.waivers)
    if any(structural):
        return False
    if any(change.key not in BOOKKEEPING_META for change in diff.meta):
        return False
    return not (positions and diff.moved)
