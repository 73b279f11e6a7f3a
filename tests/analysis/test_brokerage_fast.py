"""The fast brokerage backend gives networkx's normalized betweenness to 1e-9, on any graph."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from commarch.analysis import brokerage
from commarch.analysis.brokerage_fast import betweenness, has_fast_backend
from commarch.model import Channel, CommModel, Coordinates, Department, Note, Operates, Reaches, Stakeholder

TOLERANCE = 1e-9


def _reference(nodes: list[str], edges: list[tuple[str, str]]) -> dict[str, float]:
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((a, b) for a, b in edges if a != b)
    return nx.betweenness_centrality(graph, normalized=True)


def _random_graph(rng: random.Random) -> tuple[list[str], list[tuple[str, str]]]:
    n = rng.choice([0, 1, 2, 3, 4, 5, 8, 13, 30, 60])
    nodes = [f"n{i:03d}" for i in range(n)]
    density = rng.choice([0.0, 0.05, 0.1, 0.3, 0.8])
    edges = [(a, b) for a in nodes for b in nodes if a != b and rng.random() < density / 2]
    if nodes and rng.random() < 0.3:  # a self-loop, which nx.Graph would keep but never counts
        edges.append((nodes[0], nodes[0]))
    rng.shuffle(edges)
    return nodes, edges


@pytest.mark.parametrize("use_igraph", [True, False])
@pytest.mark.parametrize("seed", range(60))
def test_equal_to_networkx(seed: int, use_igraph: bool) -> None:
    if use_igraph and not has_fast_backend():
        pytest.skip("igraph is not installed")
    nodes, edges = _random_graph(random.Random(seed))
    expected = _reference(nodes, edges)
    got = betweenness(nodes, edges, use_igraph=use_igraph)
    assert set(got) == set(expected)
    for node, value in expected.items():
        assert got[node] == pytest.approx(value, abs=TOLERANCE), node


@pytest.mark.parametrize("n", [0, 1, 2, 3])
def test_tiny_graphs(n: int) -> None:
    nodes = [f"v{i}" for i in range(n)]
    edges = list(zip(nodes, nodes[1:], strict=False))
    assert betweenness(nodes, edges) == pytest.approx(_reference(nodes, edges), abs=TOLERANCE)


def test_star_centre_and_disconnected_parts() -> None:
    # a star with centre c and 4 leaves, plus an isolated node and a separate path x-y-z
    edges = [("c", leaf) for leaf in "abde"] + [("x", "y"), ("y", "z")]
    nodes = ["c", *"abde", "lonely", "x", "y", "z"]
    got = betweenness(nodes, edges)
    n = len(nodes)
    # c lies on the shortest path of each of the C(4,2)=6 leaf pairs; y on the one pair x-z
    assert got["c"] == pytest.approx(2 * 6 / ((n - 1) * (n - 2)), abs=TOLERANCE)
    assert got["y"] == pytest.approx(2 * 1 / ((n - 1) * (n - 2)), abs=TOLERANCE)
    assert got["lonely"] == 0.0


def test_both_directions_count_as_one_edge() -> None:
    nodes = ["a", "b", "c"]
    once = betweenness(nodes, [("a", "b"), ("b", "c")])
    twice = betweenness(nodes, [("a", "b"), ("b", "a"), ("b", "c"), ("c", "b")])
    assert once == pytest.approx(twice, abs=TOLERANCE)
    assert once["b"] == pytest.approx(1.0)


def test_input_order_does_not_matter() -> None:
    nodes, edges = _random_graph(random.Random(7))
    shuffled_nodes, shuffled_edges = nodes[::-1], [(b, a) for a, b in edges[::-1]]
    assert betweenness(nodes, edges) == betweenness(shuffled_nodes, shuffled_edges)


def test_model_brokerage_uses_all_non_note_elements() -> None:
    # d1 - c1 - s1 - c2 - d2 - d1 is a 5-cycle; each node lies between its two neighbours only.
    # The note must not count as a sixth (isolated) node: that would give 2/(5*4) instead of 2/(4*3).
    model = CommModel(
        elements=[Department(id="d1", label="PR"), Department(id="d2", label="HR"),
                  Channel(id="c1", label="Web"), Channel(id="c2", label="Mail"),
                  Stakeholder(id="s1", label="Press"), Note(id="n1", label="remark")],
        relations=[Operates(id="r1", source="d1", target="c1"), Operates(id="r2", source="d2", target="c2"),
                   Reaches(id="r3", source="c1", target="s1"), Reaches(id="r4", source="c2", target="s1"),
                   Coordinates(id="r5", source="d2", target="d1")],
    )
    assert brokerage(model) == pytest.approx({"d1": 1 / 6, "d2": 1 / 6}, abs=TOLERANCE)
