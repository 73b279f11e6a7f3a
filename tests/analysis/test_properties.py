"""Property tests: the analysis is deterministic, order-independent and monotone in coordination."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commarch.analysis import analysis_to_json, analyze, find
from commarch.model import RELATION_TABLE, CommModel, Waiver, relation_key

from .builders import el, rel

KIND_PREFIX = {"stakeholder": "s", "channel": "c", "department": "d", "goal": "g", "topic": "t", "note": "n"}


@st.composite
def models(draw: st.DrawFn, max_per_kind: int = 5) -> CommModel:
    elements: list[Any] = []
    kinds: dict[str, str] = {}
    for kind, prefix in KIND_PREFIX.items():
        for i in range(draw(st.integers(0, max_per_kind))):
            props: dict[str, Any] = {}
            if kind == "stakeholder":
                props = {"priority": draw(st.sampled_from(["high", "medium", "low"])),
                         "needs_dialog": draw(st.booleans())}
            elif kind == "channel":
                props = {"platform": draw(st.sampled_from(["", "Facebook", " facebook", "LinkedIn", " "])),
                         "two_way": draw(st.booleans())}
            elif kind == "department":
                props = {"coordinator": draw(st.sampled_from([False, False, False, True]))}
            element = el(kind, f"{prefix}{i}", f"{kind.title()} {i}", **props)
            elements.append(element)
            kinds[element.id] = kind
    # draw each relation kind separately so that every kind shows up often, not just the common ones
    chosen: list[tuple[str, str, str]] = []
    for kind, (sources, targets) in RELATION_TABLE.items():
        candidates = [(kind, a, b) for a in kinds if kinds[a] in sources
                      for b in kinds if kinds[b] in targets and a != b]
        if candidates:
            chosen += draw(st.lists(st.sampled_from(candidates), max_size=8,
                                    unique_by=lambda c: relation_key(*c)))
    relations = []
    for n, (kind, a, b) in enumerate(chosen):
        props = {}
        if kind == "operates":
            role = draw(st.sampled_from([None, "lead", "contributor"]))
            props = {"role": role} if role else {}
        relations.append(rel(kind, a, b, rid=f"r{n}", **props))
    return CommModel(elements=elements, relations=relations)


def _shuffled(m: CommModel, data: st.DataObject) -> CommModel:
    return CommModel(elements=data.draw(st.permutations(m.elements)),
                     relations=data.draw(st.permutations(m.relations)), rules=m.rules, waivers=m.waivers)


PROFILE = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROFILE
@given(models(), st.data())
def test_order_independent_and_deterministic(m: CommModel, data: st.DataObject) -> None:
    first = analyze(m)
    assert analyze(m) == first
    shuffled = analyze(_shuffled(m, data))
    assert shuffled.findings == first.findings
    assert shuffled.metrics == first.metrics


def _parallel_work(m: CommModel) -> dict[tuple[str, str], set[str]]:
    """(rule, first subject) -> subject set, for the rules that coordination should only ever reduce."""
    return {(f.rule, f.subjects[0]): set(f.subjects) for f in find(m)
            if f.rule in ("OVL-PARALLEL", "OVL-TOPIC-COLLISION")}


@PROFILE
@given(models(), st.data())
def test_adding_coordinates_never_adds_parallel_work(m: CommModel, data: st.DataObject) -> None:
    departments = [e.id for e in m.elements if e.kind == "department"]
    linked = {frozenset((r.source, r.target)) for r in m.relations if r.kind == "coordinates"}
    free = [(a, b) for a in departments for b in departments if a < b and frozenset((a, b)) not in linked]
    if not free:
        return
    a, b = data.draw(st.sampled_from(free))
    before = _parallel_work(m)
    m.relations.append(rel("coordinates", a, b, rid="r-new"))
    after = _parallel_work(m)
    for subject, subjects in after.items():
        assert subject in before and subjects <= before[subject]


@PROFILE
@given(models())
def test_metrics_in_range_and_counts_consistent(m: CommModel) -> None:
    result = analyze(m)
    metrics = result.metrics
    for key in ("coverage", "dialog_coverage", "ownership", "coordination", "parallel_free"):
        assert metrics[key] is None or 0.0 <= metrics[key] <= 1.0
    score = metrics["integration_score"]
    ratios = ("coverage", "dialog_coverage", "ownership", "coordination", "parallel_free")
    assert (score is None) == all(metrics[k] is None for k in ratios)
    assert score is None or 0 <= score <= 100
    departments = sorted(e.id for e in m.elements if e.kind == "department")
    assert sorted(metrics["brokerage"]) == departments
    assert (metrics["coordinator_candidate"] is None) == (not departments)
    assert sum(metrics["counts"]["findings"].values()) == len(result.findings)
    assert all(0.0 <= v <= 1.0 + 1e-12 for v in metrics["brokerage"].values())
    for finding in result.findings:
        assert list(finding.subjects[1:]) == sorted(finding.subjects[1:])
        assert len(set(finding.subjects)) == len(finding.subjects)
    json.dumps(analysis_to_json(result, "f.comm"))


@PROFILE
@given(models(), st.data())
def test_waiving_every_finding_leaves_nothing_open(m: CommModel, data: st.DataObject) -> None:
    findings = find(m)
    waivers = [Waiver(rule=f.rule, subjects=data.draw(st.permutations(list(f.subjects))), note="ok")
               for f in findings]
    waived = find(CommModel(elements=m.elements, relations=m.relations, waivers=waivers))
    assert [(f.rule, f.subjects) for f in waived] == [(f.rule, f.subjects) for f in findings]
    assert all(f.waived and f.waiver_note == "ok" for f in waived)
