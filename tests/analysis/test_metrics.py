"""Metrics: ratios with hand-computed numbers, the weighted score, silos, brokerage and the candidate."""

from __future__ import annotations

import networkx as nx
import pytest

from commarch.analysis import WEIGHTS, analyze, brokerage, compute_metrics, find, integration_score
from commarch.model import CommModel

from .builders import chan, dept, el, model, random_model, rel, sh

RATIO_KEYS = ("coverage", "dialog_coverage", "ownership", "coordination", "parallel_free")


def _scored():  # type: ignore[no-untyped-def]
    return model(
        [sh("s1", needs_dialog=True), sh("s2", needs_dialog=True), sh("s3"), sh("s4"),
         chan("c1"), chan("c2", two_way=True), chan("c3"), chan("c4"),
         dept("d1"), dept("d2"), dept("d3"), el("note", "n")],
        [rel("reaches", "c1", "s1"), rel("reaches", "c2", "s2"),
         rel("operates", "d1", "c1"), rel("operates", "d1", "c2"), rel("operates", "d2", "c2"),
         rel("operates", "d3", "c4"), rel("coordinates", "d3", "d1")])


def test_ratios_and_score_hand_computed() -> None:
    metrics = analyze(_scored()).metrics
    assert metrics["coverage"] == pytest.approx(2 / 4)
    assert metrics["dialog_coverage"] == pytest.approx(1 / 2)
    assert metrics["ownership"] == pytest.approx(2 / 4)  # c2 has two leads, c3 no operator
    assert metrics["coordination"] == pytest.approx(1 / 3)  # d1-d3 of (d1,d2),(d1,d3),(d2,d3)
    assert metrics["parallel_free"] == pytest.approx(1 - 1 / 2)  # s2 reached by d1 and d2
    # .3*.5 + .15*.5 + .2*.5 + .2/3 + .15*.5 = 0.4667
    assert metrics["integration_score"] == 47
    assert metrics["silos"] == 2  # {d1, d3} and {d2}


def test_score_renormalizes_over_present_ratios() -> None:
    m = model([sh("s1"), sh("s2"), chan("c1")], [rel("reaches", "c1", "s1")])
    metrics = analyze(m).metrics
    assert metrics["dialog_coverage"] is None and metrics["coordination"] is None
    assert metrics["coverage"] == 0.5 and metrics["ownership"] == 0.0 and metrics["parallel_free"] == 1.0
    # (.3*.5 + .2*0 + .15*1) / (.3 + .2 + .15) = .4615
    assert metrics["integration_score"] == 46


def test_integration_score_function() -> None:
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)
    assert integration_score(dict.fromkeys(RATIO_KEYS)) is None
    assert integration_score({**dict.fromkeys(RATIO_KEYS), "coverage": 0.8}) == 80
    assert integration_score(dict.fromkeys(RATIO_KEYS, 1.0)) == 100
    assert integration_score(dict.fromkeys(RATIO_KEYS, 0.0)) == 0
    values = {"coverage": 1.0, "dialog_coverage": 0.0, "ownership": 1.0, "coordination": 0.0,
              "parallel_free": 0.0}
    assert integration_score(values) == 50


def test_score_uses_unrounded_ratios() -> None:
    # the score is the formula over exact ratios (2/3 here), not over the 3-decimal output values
    m = model([sh("a"), sh("b"), sh("c"), chan("k")], [rel("reaches", "k", "a"), rel("reaches", "k", "b")])
    metrics = analyze(m).metrics
    expected = (0.3 * (2 / 3) + 0.2 * 0 + 0.15 * 1) / 0.65
    assert metrics["integration_score"] == round(100 * expected)


def test_empty_model_all_ratios_null() -> None:
    metrics = analyze(CommModel.empty()).metrics
    assert all(metrics[k] is None for k in RATIO_KEYS)
    assert metrics["integration_score"] is None
    assert metrics["silos"] == 0 and metrics["brokerage"] == {} and metrics["coordinator_candidate"] is None
    assert metrics["counts"]["relations"] == 0


def test_parallel_free_counts_only_reached_stakeholders() -> None:
    m = model([sh("s1"), sh("s2"), dept("d"), chan("c")],
              [rel("operates", "d", "c"), rel("reaches", "c", "s1")])
    assert analyze(m).metrics["parallel_free"] == 1.0


def test_coordination_via_hub_counts() -> None:
    m = model([dept("a"), dept("b"), dept("h", coordinator=True), chan("x"), chan("y")],
              [rel("operates", "a", "x"), rel("operates", "b", "y"), rel("coordinates", "h", "a"),
               rel("coordinates", "b", "h")])
    metrics = analyze(m).metrics
    assert metrics["coordination"] == 1.0  # the hub is inactive: only the pair (a, b) counts
    assert metrics["silos"] == 1


def _networkx_reference(m: CommModel) -> dict[str, float]:
    graph = nx.Graph()
    graph.add_nodes_from(e.id for e in m.elements if e.kind != "note")
    graph.add_edges_from((r.source, r.target) for r in m.relations)
    values = nx.betweenness_centrality(graph, normalized=True)
    return {e.id: values[e.id] for e in m.elements if e.kind == "department"}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_brokerage_equals_networkx(seed: int) -> None:
    m = random_model(60, 150, seed=seed)
    ours, reference = brokerage(m), _networkx_reference(m)
    assert ours.keys() == reference.keys()
    assert all(ours[d] == pytest.approx(reference[d], abs=1e-12) for d in ours)


def test_brokerage_includes_isolated_elements_in_normalization() -> None:
    # path d1 - c - d2 plus two isolated elements: n = 5, c's betweenness 1 / ((4*3)/2)
    m = model([dept("d1"), dept("d2"), chan("c"), sh("lonely"), el("topic", "t"), el("note", "n")],
              [rel("operates", "d1", "c"), rel("operates", "d2", "c")])
    values = _networkx_reference(m)
    assert brokerage(m) == values == {"d1": 0.0, "d2": 0.0}
    m.relations.append(rel("reaches", "c", "lonely"))
    m.relations.append(rel("responsible_for", "d1", "t"))
    assert brokerage(m)["d1"] == pytest.approx(3 / 6)  # d1 lies on t-c, t-d2, t-lonely of 6 pairs


def test_coordinator_candidate_highest_then_lowest_id() -> None:
    # symmetric: d2 and d1 both run a channel to s -> equal brokerage, lowest id wins
    m = model([dept("d2"), dept("d1"), chan("c1"), chan("c2"), sh("s")],
              [rel("operates", "d1", "c1"), rel("operates", "d2", "c2"), rel("reaches", "c1", "s"),
               rel("reaches", "c2", "s")])
    assert analyze(m).metrics["coordinator_candidate"] == "d1"
    # a department linking the two becomes the broker
    m.elements.append(dept("a-hub"))
    m.relations += [rel("coordinates", "a-hub", "d1"), rel("coordinates", "a-hub", "d2"),
                    rel("serves", "d1", "g")]
    m.elements.append(el("goal", "g"))
    metrics = analyze(m).metrics
    ranked = sorted(metrics["brokerage"].items(), key=lambda item: (-item[1], item[0]))
    assert metrics["coordinator_candidate"] == ranked[0][0] == "d1"  # d1 also bridges to the goal
    # isolated departments only: all zero, lowest id
    assert analyze(model([dept("z"), dept("b")], [])).metrics["coordinator_candidate"] == "b"


def test_compute_metrics_without_brokerage() -> None:
    m = _scored()
    metrics = compute_metrics(m, find(m), with_brokerage=False)
    assert metrics["brokerage"] == {} and metrics["coordinator_candidate"] is None
    assert metrics["integration_score"] == 47


def test_counts() -> None:
    m = _scored()
    result = analyze(m)
    counts = result.metrics["counts"]
    assert counts["elements"] == {"stakeholder": 4, "channel": 4, "department": 3, "goal": 0, "topic": 0,
                                  "note": 1}
    assert counts["relations"] == 7
    for severity in ("error", "warning", "info"):
        assert counts["findings"][severity] == sum(1 for f in result.findings if f.severity == severity)
