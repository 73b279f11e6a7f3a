"""The diff as one JSON-ready dict, in the shape PRODUCT.md gives for `commarch diff --format json`."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from .types import (
    ElementChange,
    ElementMove,
    ElementRef,
    FindingRef,
    MetricChange,
    ModelDiff,
    PropertyChange,
    RelationChange,
    RelationRef,
    is_empty,
)


def _changes(changes: tuple[PropertyChange, ...]) -> dict[str, dict[str, Any]]:
    return {c.key: {"old": c.old, "new": c.new} for c in changes}


def element_json(ref: ElementRef) -> dict[str, Any]:
    return {"id": ref.id, "kind": ref.kind, "label": ref.label, "x": ref.x, "y": ref.y}


def changed_json(change: ElementChange) -> dict[str, Any]:
    return {"id": change.id, "old_id": change.old_id, "kind": change.kind, "label": change.label,
            "old_label": change.old_label, "changes": _changes(change.changes)}


def moved_json(move: ElementMove) -> dict[str, Any]:
    return {"id": move.id, "old_id": move.old_id, "kind": move.kind, "label": move.label,
            "old": {"x": move.old_x, "y": move.old_y}, "new": {"x": move.new_x, "y": move.new_y}}


def relation_json(ref: RelationRef) -> dict[str, Any]:
    item = {"id": ref.id, "kind": ref.kind, "source": ref.source, "target": ref.target,
            "source_label": ref.source_label, "target_label": ref.target_label}
    if ref.label is not None:
        item["label"] = ref.label
    return item


def relation_changed_json(change: RelationChange) -> dict[str, Any]:
    return {"id": change.id, "old_id": change.old_id, "kind": change.kind, "source": change.source,
            "target": change.target, "source_label": change.source_label,
            "target_label": change.target_label, "changes": _changes(change.changes)}


def finding_json(ref: FindingRef) -> dict[str, Any]:
    return {"rule": ref.rule, "severity": ref.severity, "subjects": list(ref.subjects),
            "message": ref.message, "recommendation": ref.recommendation, "waived": ref.waived}


def _metric(change: MetricChange) -> dict[str, Any]:
    return {"old": change.old, "new": change.new, "delta": change.delta, "changed": change.changed}


def metrics_json(metrics: tuple[MetricChange, ...]) -> dict[str, Any]:
    """{"coverage": {"old", "new", "delta", "changed"}, ..., "counts": {kind: {...}},
    "brokerage": {id: {...}}}"""
    out: dict[str, Any] = {}
    for change in metrics:
        group, dot, name = change.key.partition(".")
        if not dot:
            out[change.key] = _metric(change)
            continue
        # Brokerage is keyed by ids (which may hold dots); counts nest like the analysis output.
        path = [name] if group == "brokerage" else name.split(".")
        node = out.setdefault(group, {})
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = _metric(change)
    return out


def diff_to_json(diff: ModelDiff, *, positions: bool = False) -> dict[str, Any]:
    """The whole diff as plain JSON data; `findings` and `metrics` are null without an analysis.

    `same` is `is_empty(diff, positions)`, the answer `commarch diff` turns into its exit code.
    """
    findings = None
    if diff.findings is not None:
        findings = {"resolved": [finding_json(f) for f in diff.findings.resolved],
                    "introduced": [finding_json(f) for f in diff.findings.introduced],
                    "unchanged": len(diff.findings.unchanged),
                    "waived": [finding_json(f) for f in diff.findings.waived]}
    return {
        "same": is_empty(diff, positions=positions),
        "matching": asdict(diff.matching),
        "elements": {
            "added": [element_json(e) for e in diff.added],
            "removed": [element_json(e) for e in diff.removed],
            "changed": [changed_json(c) for c in diff.changed],
            "moved": [moved_json(m) for m in diff.moved],
        },
        "relations": {
            "added": [relation_json(r) for r in diff.relations_added],
            "removed": [relation_json(r) for r in diff.relations_removed],
            "changed": [relation_changed_json(c) for c in diff.relations_changed],
        },
        "meta": _changes(diff.meta),
        "rules": {c.rule: {"old": dict(c.old), "new": dict(c.new)} for c in diff.rules},
        "waivers": [{"status": w.status, "rule": w.rule, "subjects": list(w.subjects),
                     "old_note": w.old_note, "new_note": w.new_note} for w in diff.waivers],
        "findings": findings,
        "metrics": metrics_json(diff.metrics) if diff.metrics is not None else None,
    }
