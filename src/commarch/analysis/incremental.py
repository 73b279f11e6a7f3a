"""Findings after a small edit without re-running every rule: the last run is kept and compared by value."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter, ne
from typing import Any

from commarch.model import CommModel

from .index import Index, build_index
from .registry import CHECKS, RULES, SEVERITY_RANK
from .texts import Fmt, render

# Which rules read which element field (beyond id, kind and relations). An edit that changes only
# these fields re-runs only these rules; their hits do not depend on anything else that changed.
RULES_READING: dict[str, frozenset[str]] = {
    "priority": frozenset({"GAP-UNREACHED", "GAP-SINGLE-CHANNEL"}),
    "needs_dialog": frozenset({"GAP-NO-DIALOG"}),
    "two_way": frozenset({"GAP-NO-DIALOG"}),
    "platform": frozenset({"OVL-DUPLICATE-CHANNEL"}),
}
# Element and relation fields no rule and no message reads: changing them changes no finding.
# Any field in neither table (id, kind, label, coordinator, source, target, role) makes the next run
# a full one. Unknown keys live outside `__dict__` and no rule reads them.
UNREAD_ELEMENT_FIELDS = frozenset({"x", "y", "notes", "tags", "color", "influence", "interest",
                                   "channel_type", "function", "kpi"})
UNREAD_RELATION_FIELDS = frozenset({"notes", "label"})

_DICT = attrgetter("__dict__")
_LOCK = threading.Lock()


@dataclass
class _Run:
    """What the last run saw (copies of every element's and relation's fields) and what it found."""

    elements: list[dict[str, Any]]
    relations: list[dict[str, Any]]
    duplicate_ids: bool  # elements share an id (a model mid-edit): tables by id are ambiguous, never patch
    settings: tuple[Any, ...]
    ix: Index
    by_rule: dict[str, list[Any]]  # rule id -> its findings, each list in the spec's order


_last: _Run | None = None


def find_incremental(model: CommModel, lang: str) -> list[Any]:
    """`find_indexed(build_index(model), model, lang)`, re-running only the rules an edit can affect."""
    global _last
    if not _LOCK.acquire(blocking=False):  # another thread is analysing: no shared state, full run
        return _full(model, lang, None)[1]
    try:
        last, _last = _last, None  # _update patches the kept run in place: drop it if anything fails
        _last, findings = _update(last, model, lang)
        return findings
    finally:
        _LOCK.release()


def forget() -> None:
    """Drop the kept run (tests; frees the last model's objects)."""
    global _last
    with _LOCK:
        _last = None


def _settings(model: CommModel, lang: str) -> tuple[Any, ...]:
    rules = tuple((k, v.enabled, v.severity) for k, v in (model.rules or {}).items())
    waivers = tuple((w.rule, tuple(w.subjects), w.note) for w in model.waivers or ())
    return (lang, rules, waivers)


def _update(last: _Run | None, model: CommModel, lang: str) -> tuple[_Run | None, list[Any]]:
    elements = list(map(_DICT, model.elements))
    relations = list(map(_DICT, model.relations))
    if (last is None or last.duplicate_ids or len(elements) != len(last.elements)
            or len(relations) != len(last.relations) or _settings(model, lang) != last.settings
            or not _only(_changed_fields(last.relations, relations), UNREAD_RELATION_FIELDS)):
        return _full(model, lang, (elements, relations))
    positions = list(compress(range(len(elements)), map(ne, elements, last.elements)))
    fields = _changed_fields(last.elements, elements, positions)
    if not _only(fields, UNREAD_ELEMENT_FIELDS | RULES_READING.keys()):
        return _full(model, lang, (elements, relations))
    rerun: set[str] = set()
    for name in fields:
        rerun |= RULES_READING.get(name, frozenset())
    ix = last.ix
    for position in positions:
        element = model.elements[position]
        table = _table(ix, element.kind)
        if table is not None:
            table[element.id] = element  # same id and kind, so same key and place in the table
        last.elements[position] = dict(elements[position])
    for position in compress(range(len(relations)), map(ne, relations, last.relations)):
        last.relations[position] = dict(relations[position])
    if rerun:
        fmt = Fmt(lang, ix.labels)
        settings = model.rules or {}
        waivers = _waivers(model)
        for rule_id in rerun:
            setting = settings.get(rule_id)
            if setting is not None and not setting.enabled:
                continue
            last.by_rule[rule_id] = _run_rule(rule_id, ix, fmt, setting, waivers)
    return last, _ordered(last.by_rule)


def _full(model: CommModel, lang: str,
          seen: tuple[list[dict[str, Any]], list[dict[str, Any]]] | None) -> tuple[_Run | None, list[Any]]:
    ix = build_index(model)
    fmt = Fmt(lang, ix.labels)
    settings = model.rules or {}
    waivers = _waivers(model)
    by_rule: dict[str, list[Any]] = {}
    for rule_id in sorted(CHECKS):
        setting = settings.get(rule_id)
        if setting is not None and not setting.enabled:
            continue
        by_rule[rule_id] = _run_rule(rule_id, ix, fmt, setting, waivers)
    findings = _ordered(by_rule)
    if seen is None:
        return None, findings
    elements, relations = seen
    duplicate_ids = len({e.get("id") for e in elements}) != len(elements)
    run = _Run(list(map(dict, elements)), list(map(dict, relations)), duplicate_ids, _settings(model, lang),
               ix, by_rule)
    return run, findings


def _waivers(model: CommModel) -> dict[tuple[str, frozenset[str]], str]:
    # A waiver matches on the rule and the *set* of subjects; the first matching waiver's note wins.
    waivers: dict[tuple[str, frozenset[str]], str] = {}
    for waiver in model.waivers or ():
        waivers.setdefault((waiver.rule, frozenset(waiver.subjects)), waiver.note)
    return waivers


def _run_rule(rule_id: str, ix: Index, fmt: Fmt, setting: Any,
              waivers: dict[tuple[str, frozenset[str]], str]) -> list[Any]:
    from .findings import Finding, sort_key

    override = setting.severity if setting is not None else None
    default = RULES[rule_id].default_severity
    found = []
    for hit in CHECKS[rule_id](ix):
        message, recommendation = render(rule_id, hit, fmt)
        note = waivers.get((rule_id, frozenset(hit.subjects)))
        found.append(Finding(rule=rule_id, severity=override or hit.severity or default, subjects=hit.subjects,
                             message=message, recommendation=recommendation, waived=note is not None,
                             waiver_note=note))
    found.sort(key=sort_key)
    return found


def _ordered(by_rule: dict[str, list[Any]]) -> list[Any]:
    """All findings in the spec's order (severity, rule, subjects): each rule's list is sorted, so
    concatenating them per severity in rule-id order is the same stable sort without re-sorting."""
    result: list[Any] = []
    for severity in sorted(SEVERITY_RANK, key=SEVERITY_RANK.__getitem__):
        for rule_id in sorted(by_rule):
            result.extend(f for f in by_rule[rule_id] if f.severity == severity)
    return result


def _changed_fields(old: list[dict[str, Any]], new: list[dict[str, Any]],
                    positions: list[int] | None = None) -> set[str]:
    if positions is None:
        positions = list(compress(range(len(new)), map(ne, new, old)))
    fields: set[str] = set()
    for position in positions:
        a, b = old[position], new[position]
        fields.update(k for k in a.keys() | b.keys() if a.get(k, _MISSING) != b.get(k, _MISSING))
    return fields


def _only(fields: set[str], allowed: Any) -> bool:
    return fields <= allowed


def _table(ix: Index, kind: str) -> dict[str, Any] | None:
    return {"stakeholder": ix.stakeholders, "channel": ix.channels, "department": ix.departments,
            "goal": ix.goals, "topic": ix.topics}.get(kind)


_MISSING = object()
