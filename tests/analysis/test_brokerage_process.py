"""Large brokerage computations: in source slices (the same sums), stoppable between slices, and for the
window in a child process (igraph holds the GIL for a whole call, which froze the window)."""

from __future__ import annotations

import os
import random
import signal
import time

import networkx as nx
import pytest

from commarch.analysis import brokerage_fast
from commarch.analysis.brokerage_fast import Cancelled, betweenness, has_fast_backend, raw_betweenness
from commarch.analysis.brokerage_process import BrokerageProcess

pytestmark = pytest.mark.skipif(not has_fast_backend(), reason="igraph not installed")


def _graph(n: int, m: int, seed: int = 7) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    pairs = {tuple(sorted((rng.randrange(n), rng.randrange(n)))) for _ in range(m)}
    return sorted((a, b) for a, b in pairs if a != b)


@pytest.fixture(scope="module")
def process():
    runner = BrokerageProcess()
    yield runner
    runner.close()


def test_slices_give_networkx_values(monkeypatch) -> None:
    """Forced into many small slices, a 300-node graph still gets networkx's values to 1e-9."""
    monkeypatch.setattr(brokerage_fast, "SINGLE_CALL_NODES", 50)
    monkeypatch.setattr(brokerage_fast, "SLICE_WORK", 3_000)  # ~3 sources per slice
    pairs = _graph(300, 700)
    nodes = [f"n{i:03d}" for i in range(300)]
    edges = [(nodes[a], nodes[b]) for a, b in pairs]
    ours = betweenness(nodes, edges)
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    reference = nx.betweenness_centrality(graph, normalized=True)
    assert max(abs(ours[v] - reference[v]) for v in nodes) < 1e-9
    assert max(reference.values()) > 0.01


def test_should_stop_is_asked_between_slices() -> None:
    igraph = brokerage_fast._igraph()
    asked: list[int] = []

    def stop_on_third() -> bool:
        asked.append(1)
        return len(asked) == 3

    with pytest.raises(Cancelled):
        raw_betweenness(igraph, 3000, _graph(3000, 6000), stop_on_third)
    assert len(asked) == 3


def test_the_child_process_gives_the_same_values(process) -> None:
    pairs = _graph(2500, 5000)
    here = raw_betweenness(brokerage_fast._igraph(), 2500, pairs)
    assert process(2500, pairs) == here  # the same slices, bit for bit
    assert process.pid is not None and process.pid != os.getpid()
    nodes = [f"v{i:04d}" for i in range(2500)]
    edges = [(nodes[a], nodes[b]) for a, b in pairs]
    assert betweenness(nodes, edges, runner=process) == betweenness(nodes, edges)


def test_a_cancelled_computation_stops_and_the_next_one_is_right(process) -> None:
    big = _graph(12_000, 24_000, seed=3)  # seconds of work
    start = time.perf_counter()
    with pytest.raises(Cancelled):
        process(12_000, big, lambda: time.perf_counter() - start > 0.2)
    small = _graph(2000, 4000, seed=4)
    before_next = time.perf_counter()
    assert process(2000, small) == raw_betweenness(brokerage_fast._igraph(), 2000, small)
    # the big one stopped at its next slice instead of running to its end (several seconds)
    assert time.perf_counter() - before_next < 3.0


def test_a_dead_child_is_replaced(process) -> None:
    small = _graph(1800, 3600, seed=5)
    expected = raw_betweenness(brokerage_fast._igraph(), 1800, small)
    assert process(1800, small) == expected
    os.kill(process.pid, signal.SIGKILL)
    time.sleep(0.2)
    assert process(1800, small) == expected  # a new child


def test_without_a_child_process_the_values_are_computed_here() -> None:
    def broken(*_args: object) -> list[float]:
        raise OSError("no processes here")

    pairs = _graph(1700, 3400, seed=6)
    nodes = [f"v{i:04d}" for i in range(1700)]
    edges = [(nodes[a], nodes[b]) for a, b in pairs]
    assert betweenness(nodes, edges, runner=broken) == betweenness(nodes, edges)

