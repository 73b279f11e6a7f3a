"""Findings after a small edit without re-running every rule: the last run is kept and compared by value."""

# How an edit is handled (the model is compared with copies of what the last run saw):
# - only fields in RULES_READING or unread fields changed: the rules reading them re-run whole;
# - elements or relations came or went (matched by id), a relation's ends, kind or role changed, an
#   element's label or coordinator flag changed: the kept index is patched (structural.py), and each
#   rule re-runs only for the subjects the edit touched; their findings are spliced into the kept,
#   sorted per-rule lists. Rules about the whole model re-run whole when the edit can change them;
# - anything else (a kind changed in place, reordering, more than _MAX_CHANGES additions or
#   removals, duplicate ids or relations, relations the index skips, settings, waivers, language):
#   a full run.

from __future__ import annotations

import threading
from bisect import bisect_left, insort
from collections import Counter
from dataclasses import dataclass, field
from itertools import compress, count, filterfalse
from operator import attrgetter, itemgetter, ne
from typing import Any

from commarch.model import CommModel

from . import structural
from .index import Index, build_index
from .registry import CHECKS, RULES, SEVERITIES, SEVERITY_RANK
from .structural import Delta
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
# A relation field in neither (source, target, kind, role) is handled as the relation removed and
# added again. Unknown keys live outside `__dict__` and no rule reads them.
UNREAD_ELEMENT_FIELDS = frozenset({"x", "y", "notes", "tags", "color", "influence", "interest",
                                   "channel_type", "function", "kpi"})
UNREAD_RELATION_FIELDS = frozenset({"notes", "label"})
# Element fields patched like a structural edit (analysis/structural.py: relabel, recoordinate).
PATCHED_ELEMENT_FIELDS = frozenset({"label", "coordinator"})

_DICT = attrgetter("__dict__")
_ID = itemgetter("id")
_LOCK = threading.Lock()
_MAX_CHANGES = 256  # added plus removed elements (or relations) patched in; more runs in full
_RANKS = tuple(SEVERITY_RANK[s] for s in SEVERITIES)
# How the runs went (tests check that the patched paths are really taken): "full", "fields" (only
# fields changed), "structural" (elements or relations came, went or changed ends), and the rule runs.
STATS: Counter[str] = Counter()


@dataclass
class _Run:
    """What the last run saw (copies of every element's and relation's fields) and what it found.

    The index is patched as the model changes; its `edges` are not (no rule reads them).
    """

    elements: list[dict[str, Any]]
    relations: list[dict[str, Any]]
    duplicate_ids: bool  # elements or relations share an id (a model mid-edit): never patch
    settings: tuple[Any, ...]
    ix: Index
    by_rule: dict[str, list[Any]]  # rule id -> its findings (enabled rules), each list in the spec's order
    element_ids: list[str] = field(default_factory=list)
    relation_ids: list[str] = field(default_factory=list)
    element_set: set[str] = field(default_factory=set)
    relation_set: set[str] = field(default_factory=set)


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
    if last is None or last.duplicate_ids or _settings(model, lang) != last.settings:
        return _full(model, lang, (elements, relations))
    element_ids = list(map(_ID, elements))
    relation_ids = list(map(_ID, relations))
    edit = _Structural()
    if element_ids != last.element_ids or relation_ids != last.relation_ids:
        # Elements or relations were added or removed: line the kept copies up with the model first.
        if last.ix.duplicates or not (
                _align(last.elements, last.element_ids, last.element_set, elements, element_ids,
                       edit.removed_elements, edit.added_elements)
                and _align(last.relations, last.relation_ids, last.relation_set, relations, relation_ids,
                           edit.removed_relations, edit.added_relations)):
            return _full(model, lang, (elements, relations))
        last.element_ids, last.relation_ids = element_ids, relation_ids
    # Same ids in the same places now: what else changed is found by value, position by position.
    relation_positions = list(compress(range(len(relations)), map(ne, relations, last.relations)))
    if relation_positions:
        read = _changed_fields(last.relations, relations, relation_positions) - UNREAD_RELATION_FIELDS
        if read:  # an end, the kind or the role changed: the old relation goes, the new one comes
            if last.ix.duplicates:
                return _full(model, lang, (elements, relations))
            for position in relation_positions:
                if any(last.relations[position].get(k, _MISSING) != relations[position].get(k, _MISSING)
                       for k in read):
                    edit.removed_relations.append(last.relations[position])
                    edit.added_relations.append(position)
    positions = list(compress(range(len(elements)), map(ne, elements, last.elements)))
    fields = _changed_fields(last.elements, elements, positions)
    if not _only(fields, UNREAD_ELEMENT_FIELDS | RULES_READING.keys() | PATCHED_ELEMENT_FIELDS):
        return _full(model, lang, (elements, relations))
    rerun: set[str] = set()
    for name in fields:
        rerun |= RULES_READING.get(name, frozenset())
    ix = last.ix
    delta = None
    if edit:
        delta = _patch(ix, model, relations, edit)
        if delta is None:
            return _full(model, lang, (elements, relations))
        rerun |= delta.whole
    relabelled, recoordinated = [], []
    for position in positions:
        element = model.elements[position]
        table = _table(ix, element.kind)
        if table is not None:
            table[element.id] = element  # same id and kind, so same key and place in the table
        old, new = last.elements[position], elements[position]
        if old.get("label") != new.get("label"):
            relabelled.append(element)
        if old.get("coordinator") != new.get("coordinator"):
            recoordinated.append(element)
        last.elements[position] = dict(new)
    if relabelled or recoordinated:
        # after the tables hold the new objects: the hubs are worked out from the new flags
        delta = delta or Delta()
        for element in relabelled:
            structural.relabel(ix, element, delta)
        for element in recoordinated:
            structural.recoordinate(ix, element, delta)
        rerun |= delta.whole
    for position in relation_positions:
        last.relations[position] = dict(relations[position])
    STATS["structural" if delta is not None else "fields"] += 1
    fmt = Fmt(lang, ix.labels)
    settings = model.rules or {}
    waivers = _waivers(model)
    for rule_id in sorted(last.by_rule):  # the enabled rules
        setting = settings.get(rule_id)
        if rule_id in rerun or (delta is not None and rule_id not in structural.MAPPED_RULES):
            last.by_rule[rule_id] = _run_rule(rule_id, ix, fmt, setting, waivers)
            STATS["rules run whole"] += 1
        elif delta is not None:
            subjects = delta.subjects_of(rule_id)
            if subjects:
                found = _run_rule(rule_id, ix, fmt, setting, waivers, subjects)
                _splice(last.by_rule[rule_id], rule_id, subjects, found)
                STATS["rules run for subjects"] += 1
    return last, _ordered(last.by_rule)


@dataclass
class _Structural:
    """Relations and elements that came (positions in the model) and went (the kept copies)."""

    removed_elements: list[dict[str, Any]] = field(default_factory=list)
    added_elements: list[int] = field(default_factory=list)
    removed_relations: list[dict[str, Any]] = field(default_factory=list)
    added_relations: list[int] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.removed_elements or self.added_elements or self.removed_relations
                    or self.added_relations)


def _align(copies: list[dict[str, Any]], ids: list[str], id_set: set[str], new: list[dict[str, Any]],
           new_ids: list[str], removed: list[dict[str, Any]], added: list[int]) -> bool:
    """Turn `copies` (ids `ids`, as a set `id_set`) into copies of `new` by removing and inserting entries;
    False if that is not what happened (reordered, a duplicate id, too many changes)."""
    if ids == new_ids:
        return True
    # Everything before the first and after the last difference is the same: look only in between.
    start = next(compress(count(), map(ne, ids, new_ids)), min(len(ids), len(new_ids)))
    tail = next(compress(count(), map(ne, reversed(ids), reversed(new_ids))), min(len(ids), len(new_ids)))
    tail = min(tail, len(ids) - start, len(new_ids) - start)
    old_window, new_window = ids[start:len(ids) - tail], new_ids[start:len(new_ids) - tail]
    came_list = list(filterfalse(id_set.__contains__, new_window))  # ids the kept run has not seen
    came = set(came_list)
    if len(came) != len(came_list) or len(came) > _MAX_CHANGES:
        return False
    if len(new_window) - len(came) == len(old_window):
        gone: set[str] = set()  # only insertions (an undone delete): no set of the window needed
    else:
        new_set = set(new_window)
        if len(new_set) != len(new_window):
            return False  # a duplicate id
        gone = set(filterfalse(new_set.__contains__, old_window))
        if len(gone) + len(came) > _MAX_CHANGES:
            return False
    gone_at = list(compress(count(start), map(gone.__contains__, old_window)))
    came_at = list(compress(count(start), map(came.__contains__, new_window)))
    removed.extend(copies[i] for i in gone_at)
    window = copies[start:len(ids) - tail]
    for i in reversed(gone_at):
        del window[i - start]
    for i in came_at:
        window.insert(i - start, dict(new[i]))
    if list(map(_ID, window)) != new_window:
        return False  # the rest moved around
    copies[start:len(ids) - tail] = window
    id_set -= gone
    id_set |= came
    added.extend(came_at)
    return True


def _patch(ix: Index, model: CommModel, relations: list[dict[str, Any]], edit: _Structural) -> Delta | None:
    """Apply `edit` to the index (relations go, elements go, elements come, relations come); None when
    it cannot be done safely. On None the index is half-patched: the caller runs in full.

    A relation that stays while an end goes is refused by `remove_element` (it would still be indexed),
    and one waiting for an end that comes is ruled out by `ix.skipped` (none was skipped)."""
    came = [relations[i] for i in edit.added_relations]
    if edit.added_elements and ix.skipped:
        return None  # a relation the index skipped may point at a new element: it would count now
    delta = Delta()
    try:
        for relation in edit.removed_relations:
            structural.remove_relation(ix, relation, delta)
        for element in edit.removed_elements:
            structural.remove_element(ix, element, delta)
        for position in edit.added_elements:
            structural.add_element(ix, model.elements[position], delta)
        for relation in came:
            structural.add_relation(ix, relation, delta)
    except structural.Unpatchable:
        return None
    return delta


def _splice(found: list[Any], rule_id: str, subjects: set[str], fresh: list[Any]) -> None:
    """Replace in `found` (sorted, one finding per first subject) the findings about `subjects` by `fresh`."""
    from .findings import sort_key

    if rule_id in structural.PAIR_RULES or len(subjects) * 16 > len(found):
        found[:] = [f for f in found if f.subjects[0] not in subjects
                    and (rule_id not in structural.PAIR_RULES or f.subjects[1] not in subjects)]
    else:
        for subject in subjects:
            for rank in _RANKS:
                i = bisect_left(found, (rank, rule_id, [subject]), key=sort_key)
                if i < len(found) and found[i].subjects[0] == subject and SEVERITY_RANK[found[i].severity] == rank:
                    del found[i]
    for finding in fresh:
        insort(found, finding, key=sort_key)


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
    STATS["full"] += 1
    elements, relations = seen
    element_ids, relation_ids = [e.get("id") for e in elements], [r.get("id") for r in relations]
    element_set, relation_set = set(element_ids), set(relation_ids)
    duplicate_ids = len(element_set) != len(elements) or len(relation_set) != len(relations)
    run = _Run(list(map(dict, elements)), list(map(dict, relations)), duplicate_ids, _settings(model, lang),
               ix, by_rule, element_ids, relation_ids, element_set, relation_set)  # type: ignore[arg-type]
    return run, findings


def _waivers(model: CommModel) -> dict[tuple[str, frozenset[str]], str]:
    # A waiver matches on the rule and the *set* of subjects; the first matching waiver's note wins.
    waivers: dict[tuple[str, frozenset[str]], str] = {}
    for waiver in model.waivers or ():
        waivers.setdefault((waiver.rule, frozenset(waiver.subjects)), waiver.note)
    return waivers


def _run_rule(rule_id: str, ix: Index, fmt: Fmt, setting: Any, waivers: dict[tuple[str, frozenset[str]], str],
              only: set[str] | None = None) -> list[Any]:
    from .findings import Finding, sort_key

    override = setting.severity if setting is not None else None
    default = RULES[rule_id].default_severity
    found = []
    for hit in (CHECKS[rule_id](ix) if only is None else CHECKS[rule_id](ix, only)):  # type: ignore[call-arg]
        message, recommendation = render(rule_id, hit, fmt)
        note = waivers.get((rule_id, frozenset(hit.subjects)))
        found.append(Finding(rule=rule_id, severity=override or hit.severity or default, subjects=hit.subjects,
                             message=message, recommendation=recommendation, waived=note is not None,
                             waiver_note=note))
    found.sort(key=sort_key)
    return found


def _ordered(by_rule: dict[str, list[Any]]) -> list[Any]:
    """All findings in the spec's order (severity, rule, subjects): each rule's list is sorted, so
    concatenating them per severity in rule-id order is the same stable sort without re-sorting.
    A sorted list holds each severity in one run: sliced out, not filtered."""
    result: list[Any] = []
    rules = sorted(by_rule)
    for rank in _RANKS:
        for rule_id in rules:
            found = by_rule[rule_id]
            if found:
                low = bisect_left(found, rank, key=_rank)
                result.extend(found[low:bisect_left(found, rank + 1, lo=low, key=_rank)])
    return result


def _rank(finding: Any) -> int:
    return SEVERITY_RANK[finding.severity]  # type: ignore[no-any-return]


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
