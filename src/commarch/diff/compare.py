"""The structural diff: elements, relations, meta, rule settings and waivers of two models."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from commarch.model import CommModel, ElementBase, Meta, RelationBase, relation_key

from .findings import Analysis, diff_analyses, run_analyzer
from .matching import match_elements
from .types import (
    ElementChange,
    ElementMove,
    ElementRef,
    MatchMode,
    ModelDiff,
    PropertyChange,
    RelationChange,
    RelationRef,
    RuleChange,
    WaiverChange,
)

_POSITION = ("x", "y")
_SYMMETRIC = frozenset({"coordinates"})


def diff_models(
    old: CommModel,
    new: CommModel,
    *,
    match: MatchMode = "id",
    lang: str | None = None,
    analyzer: Callable[..., Analysis] | None = None,
    analyses: tuple[Analysis, Analysis] | None = None,
) -> ModelDiff:
    """Compare `old` with `new`.

    Findings and metrics need the analysis, which lives in a sibling layer: pass `analyzer`
    (e.g. `commarch.analysis.analyze`; called with `lang=` when it accepts it) or ready `analyses`
    (old, new). Without either, `findings` and `metrics` are None. `lang` defaults to the new
    model's `meta.language`, else English.
    """
    lang = lang or (new.meta.language if new.meta and new.meta.language else None) or "en"
    element_map, matching = match_elements(old.elements, new.elements, match)
    old_labels = {e.id: e.label for e in old.elements}
    new_labels = {e.id: e.label for e in new.elements}
    added, removed, changed, moved = _diff_elements(old.elements, new.elements, element_map)
    rel_added, rel_removed, rel_changed = _diff_relations(
        old.relations, new.relations, element_map, old_labels, new_labels)
    if analyses is None and analyzer is not None:
        analyses = (run_analyzer(analyzer, old, lang), run_analyzer(analyzer, new, lang))
    findings, metrics = diff_analyses(analyses, element_map) if analyses else (None, None)
    return ModelDiff(
        matching=matching,
        added=added,
        removed=removed,
        changed=changed,
        moved=moved,
        relations_added=rel_added,
        relations_removed=rel_removed,
        relations_changed=rel_changed,
        meta=_diff_meta(old.meta, new.meta),
        rules=_diff_rules(old, new),
        waivers=_diff_waivers(old, new, element_map),
        findings=findings,
        metrics=metrics,
        element_map=element_map,
        old_labels=old_labels,
        new_labels=new_labels,
        lang=lang,
        old_title=old.meta.title if old.meta else "",
        new_title=new.meta.title if new.meta else "",
    )


def property_changes(old: Mapping[str, Any], new: Mapping[str, Any], skip: tuple[str, ...] = ()
                     ) -> tuple[PropertyChange, ...]:
    """Keys whose values differ (old keys first, in order, then keys only the new side has)."""
    keys = [k for k in old if k not in skip] + [k for k in new if k not in old and k not in skip]
    return tuple(PropertyChange(k, old.get(k), new.get(k)) for k in keys if old.get(k) != new.get(k))


def _ref(element: ElementBase) -> ElementRef:
    return ElementRef(element.id, element.kind, element.label, element.x, element.y)


def _diff_elements(
    old: list[ElementBase], new: list[ElementBase], element_map: dict[str, str]
) -> tuple[tuple[ElementRef, ...], tuple[ElementRef, ...], tuple[ElementChange, ...],
           tuple[ElementMove, ...]]:
    old_by_new = {new_id: old_id for old_id, new_id in element_map.items()}
    old_by_id = {e.id: e for e in old}
    removed = tuple(_ref(e) for e in old if e.id not in element_map)
    added: list[ElementRef] = []
    changed: list[ElementChange] = []
    moved: list[ElementMove] = []
    for element in new:
        old_id = old_by_new.get(element.id)
        if old_id is None:
            added.append(_ref(element))
            continue
        before = old_by_id[old_id]
        # Defaults filled in: a key written out with its default value means the same as a missing key.
        changes = property_changes(before.model_dump(), element.model_dump(), skip=("id", *_POSITION))
        if changes:
            changed.append(ElementChange(element.id, old_id, element.kind, element.label, before.label,
                                         changes))
        if (before.x, before.y) != (element.x, element.y):
            moved.append(ElementMove(element.id, old_id, element.kind, element.label,
                                     before.x, before.y, element.x, element.y))
    return tuple(added), removed, tuple(changed), tuple(moved)


def _diff_relations(
    old: list[RelationBase],
    new: list[RelationBase],
    element_map: dict[str, str],
    old_labels: dict[str, str],
    new_labels: dict[str, str],
) -> tuple[tuple[RelationRef, ...], tuple[RelationRef, ...], tuple[RelationChange, ...]]:
    pairs = _match_relations(old, new, element_map, by_id=not any(o != n for o, n in element_map.items()))
    old_by_new = {n: o for o, n in pairs.items()}
    old_by_id = {r.id: r for r in old}

    def ref(relation: RelationBase, labels: dict[str, str]) -> RelationRef:
        return RelationRef(relation.id, relation.kind, relation.source, relation.target,
                           labels.get(relation.source, relation.source),
                           labels.get(relation.target, relation.target), relation.label)

    removed = tuple(ref(r, old_labels) for r in old if r.id not in pairs)
    added: list[RelationRef] = []
    changed: list[RelationChange] = []
    for relation in new:
        old_id = old_by_new.get(relation.id)
        if old_id is None:
            added.append(ref(relation, new_labels))
            continue
        before = old_by_id[old_id]
        changes = list(property_changes(before.model_dump(), relation.model_dump(),
                                        skip=("id", "source", "target")))
        changes[:0] = _end_changes(before, relation, element_map)
        if changes:
            changed.append(RelationChange(
                relation.id, old_id, relation.kind, relation.source, relation.target,
                new_labels.get(relation.source, relation.source),
                new_labels.get(relation.target, relation.target), tuple(changes)))
    return tuple(added), removed, tuple(changed)


def _mapped_key(relation: RelationBase, element_map: dict[str, str]) -> tuple[str, str, str] | None:
    source = element_map.get(relation.source)
    target = element_map.get(relation.target)
    if source is None or target is None:
        return None
    return relation_key(relation.kind, source, target)


def _match_relations(old: list[RelationBase], new: list[RelationBase], element_map: dict[str, str],
                     by_id: bool) -> dict[str, str]:
    """Old id -> new id: same id and same ends first, then same ends (ids differ), then (only with
    `by_id`, i.e. when element ids carried over) same id and kind, reporting the moved ends.

    Ends are compared after mapping old element ids to new ones, ignoring direction for symmetric kinds;
    ends first keeps a coincidentally shared id (common in independently drawn files) from hiding a pair.
    """
    new_keys = {r.id: relation_key(r.kind, r.source, r.target) for r in new}
    new_by_key = {key: rid for rid, key in new_keys.items()}
    old_keys = {r.id: _mapped_key(r, element_map) for r in old}
    pairs: dict[str, str] = {}
    taken: set[str] = set()

    def pair(old_id: str, new_id: str) -> None:
        pairs[old_id] = new_id
        taken.add(new_id)

    for rid, key in old_keys.items():
        if key is not None and new_keys.get(rid) == key:
            pair(rid, rid)
    for rid, key in old_keys.items():
        candidate = new_by_key.get(key) if key is not None else None
        if rid not in pairs and candidate is not None and candidate not in taken:
            pair(rid, candidate)
    new_kinds = {r.id: r.kind for r in new} if by_id else {}
    for relation in old:
        rid = relation.id
        if rid not in pairs and rid not in taken and new_kinds.get(rid) == relation.kind:
            pair(rid, rid)
    return pairs


def _end_changes(before: RelationBase, after: RelationBase, element_map: dict[str, str]
                 ) -> list[PropertyChange]:
    """Source/target changes in new ids; a symmetric relation between the same two ends has none."""
    source, target = element_map.get(before.source), element_map.get(before.target)
    if after.kind in _SYMMETRIC and {source, target} == {after.source, after.target}:
        return []
    changes = []
    if source != after.source:
        changes.append(PropertyChange("source", before.source, after.source))
    if target != after.target:
        changes.append(PropertyChange("target", before.target, after.target))
    return changes


def _diff_meta(old: Meta | None, new: Meta | None) -> tuple[PropertyChange, ...]:
    return property_changes((old or Meta()).model_dump(), (new or Meta()).model_dump())


def _setting(model: CommModel, rule: str) -> dict[str, Any]:
    setting = (model.rules or {}).get(rule)
    return setting.model_dump() if setting is not None else {"enabled": True, "severity": None}


def _diff_rules(old: CommModel, new: CommModel) -> tuple[RuleChange, ...]:
    rules = sorted(set(old.rules or {}) | set(new.rules or {}))
    pairs = ((rule, _setting(old, rule), _setting(new, rule)) for rule in rules)
    return tuple(RuleChange(rule, before, after) for rule, before, after in pairs if before != after)


def _diff_waivers(old: CommModel, new: CommModel, element_map: dict[str, str]) -> tuple[WaiverChange, ...]:
    # Old subjects without a partner stay distinct from every new id (tuple vs str), so they never match.
    def old_key(rule: str, subjects: list[str]) -> tuple[str, frozenset[object]]:
        return rule, frozenset(element_map.get(s, ("old", s)) for s in subjects)

    before = {old_key(w.rule, w.subjects): w for w in old.waivers or []}
    after: dict[tuple[str, frozenset[object]], Any] = {
        (w.rule, frozenset(w.subjects)): w for w in new.waivers or []}
    changes: list[WaiverChange] = []
    for key, waiver in before.items():
        if key not in after:
            changes.append(WaiverChange("removed", waiver.rule, tuple(waiver.subjects), waiver.note, None))
    for key, waiver in after.items():
        previous = before.get(key)
        if previous is None:
            changes.append(WaiverChange("added", waiver.rule, tuple(waiver.subjects), None, waiver.note))
        elif previous.note != waiver.note:
            changes.append(WaiverChange("changed", waiver.rule, tuple(waiver.subjects), previous.note,
                                        waiver.note))
    return tuple(changes)
