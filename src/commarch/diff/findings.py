"""Findings and metrics delta, from two analysis results (duck-typed: diff/ must not import analysis/)."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from commarch.model import CommModel

from .types import FindingRef, FindingsDiff, MetricChange

# Scalar metrics in the order of rules.md; dict metrics (counts, brokerage) follow, flattened.
SCALAR_METRICS = ("coverage", "dialog_coverage", "ownership", "coordination", "parallel_free",
                  "integration_score", "silos", "coordinator_candidate")
# coordinator_candidate is an element id: compared through the element matching, no delta.
ID_METRICS = frozenset({"coordinator_candidate"})


class Analysis(Protocol):
    """What the diff reads from `commarch.analysis.analyze(model)`'s result."""

    findings: Any  # list of objects with rule, severity, subjects, message, recommendation, waived
    metrics: Mapping[str, Any]


def run_analyzer(analyzer: Callable[..., Analysis], model: CommModel, lang: str) -> Analysis:
    """Call `analyzer(model)`, passing `lang=` when it takes one (so messages match the report language)."""
    try:
        takes_lang = "lang" in inspect.signature(analyzer).parameters
    except (TypeError, ValueError):
        takes_lang = False
    return analyzer(model, lang=lang) if takes_lang else analyzer(model)


def finding_ref(finding: Any) -> FindingRef:
    return FindingRef(
        rule=str(finding.rule),
        severity=str(finding.severity),
        subjects=tuple(finding.subjects),
        message=str(getattr(finding, "message", "")),
        recommendation=str(getattr(finding, "recommendation", "")),
        waived=bool(getattr(finding, "waived", False)),
    )


def diff_analyses(analyses: tuple[Analysis, Analysis], element_map: Mapping[str, str]
                  ) -> tuple[FindingsDiff, tuple[MetricChange, ...]]:
    old, new = analyses
    return diff_findings(old.findings, new.findings, element_map), diff_metrics(
        old.metrics, new.metrics, element_map)


def diff_findings(old: Any, new: Any, element_map: Mapping[str, str]) -> FindingsDiff:
    """Open findings matched by rule and (mapped) subject set: resolved = open before and not now
    (gone, or waived now), introduced = open now and not before, unchanged = open on both sides.

    Waived findings are accepted, so they are neither resolved nor introduced; the new side's are
    listed in `waived` (a waiver added or removed is also reported with the waivers).
    """
    def old_key(ref: FindingRef) -> tuple[str, frozenset[object]]:
        # An old subject with no partner can never equal a new id (tuple vs str).
        return ref.rule, frozenset(element_map.get(s, ("old", s)) for s in ref.subjects)

    def new_key(ref: FindingRef) -> tuple[str, frozenset[object]]:
        return ref.rule, frozenset(ref.subjects)

    old_refs = [r for r in map(finding_ref, old) if not r.waived]
    all_new = [finding_ref(f) for f in new]
    new_refs = [r for r in all_new if not r.waived]
    old_keys = {old_key(r) for r in old_refs}
    new_keys = {new_key(r) for r in new_refs}
    return FindingsDiff(
        resolved=tuple(r for r in old_refs if old_key(r) not in new_keys),
        introduced=tuple(r for r in new_refs if new_key(r) not in old_keys),
        unchanged=tuple(r for r in new_refs if new_key(r) in old_keys),
        waived=tuple(r for r in all_new if r.waived),
    )


def _delta(old: Any, new: Any) -> float | int | None:
    numbers = (int, float)
    if isinstance(old, bool) or isinstance(new, bool):
        return None
    if not isinstance(old, numbers) or not isinstance(new, numbers):
        return None
    if isinstance(old, int) and isinstance(new, int):
        return new - old
    return round(new - old, 3)


def _round(value: Any) -> Any:
    # rules.md: ratios are rounded to 3 decimals in output; rounding here keeps deltas honest too.
    return round(value, 3) if isinstance(value, float) else value


def metric_change(key: str, old: Any, new: Any, element_map: Mapping[str, str] | None = None) -> MetricChange:
    old, new = _round(old), _round(new)
    if key in ID_METRICS:
        # Old ids with no partner never equal a new id (tuple vs str).
        mapped = None if old is None else (element_map or {}).get(old, ("old", old))
        return MetricChange(key, old, new, None, mapped != new)
    return MetricChange(key, old, new, _delta(old, new), old != new)


def _flatten(counts: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """{"elements": {"channel": 3}, "relations": 9} -> {"elements.channel": 3, "relations": 9}"""
    flat: dict[str, Any] = {}
    for key, value in counts.items():
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def diff_metrics(old: Mapping[str, Any], new: Mapping[str, Any], element_map: Mapping[str, str]
                 ) -> tuple[MetricChange, ...]:
    """Every metric old -> new: scalars first, then `counts.<key>[.<key>]` (nested counts flattened),
    then `brokerage.<new id>` (old ids mapped through the element matching)."""
    changes = [metric_change(k, old.get(k), new.get(k), element_map)
               for k in SCALAR_METRICS if k in old or k in new]
    extra = [k for k in new if k not in SCALAR_METRICS and k not in ("counts", "brokerage")]
    changes += [metric_change(k, old.get(k), new.get(k)) for k in extra if not isinstance(new.get(k), dict)]
    old_counts, new_counts = _flatten(old.get("counts") or {}), _flatten(new.get("counts") or {})
    for key in [*old_counts, *(k for k in new_counts if k not in old_counts)]:
        changes.append(metric_change(f"counts.{key}", old_counts.get(key), new_counts.get(key)))
    # Brokerage is keyed by department id: old ids are mapped so a department keeps its row.
    old_brokerage = {element_map.get(k, k): v for k, v in (old.get("brokerage") or {}).items()}
    new_brokerage = new.get("brokerage") or {}
    for key in [*new_brokerage, *(k for k in old_brokerage if k not in new_brokerage)]:
        changes.append(metric_change(f"brokerage.{key}", old_brokerage.get(key), new_brokerage.get(key)))
    return tuple(changes)

