"""The metrics of rules.md: coverage ratios, the integration score, silos, brokerage and counts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations
from typing import Any

from commarch.model import CommModel

from .brokerage_fast import RawRunner, betweenness
from .findings import Finding
from .gaps import active_groups
from .index import Index, build_index
from .registry import SEVERITIES

RATIOS = ("coverage", "dialog_coverage", "ownership", "coordination", "parallel_free")
WEIGHTS = {"coverage": 0.30, "dialog_coverage": 0.15, "ownership": 0.20, "coordination": 0.20,
           "parallel_free": 0.15}
# Betweenness sums floats in graph order; values this close are ties ("ties: lowest id").
TIE_TOLERANCE = 1e-9


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def ratios(ix: Index) -> dict[str, float | None]:
    """The five ratios, unrounded; None where the denominator is empty."""
    reached = [s for s in ix.stakeholders if ix.channels_of.get(s)]
    dialog = [s for s, st in ix.stakeholders.items() if st.needs_dialog]
    dialog_ok = sum(1 for s in dialog if any(ix.channels[c].two_way for c in ix.channels_of.get(s, ())))
    active = ix.active()
    pairs = list(combinations(active, 2))
    parallel = sum(1 for s in reached if ix.uncoordinated_pairs(ix.departments_of(s)))
    parallel_share = _ratio(parallel, len(reached))
    return {
        "coverage": _ratio(len(reached), len(ix.stakeholders)),
        "dialog_coverage": _ratio(dialog_ok, len(dialog)),
        "ownership": _ratio(sum(1 for c in ix.channels if ix.clearly_owned(c)), len(ix.channels)),
        "coordination": _ratio(sum(1 for a, b in pairs if ix.coordinated(a, b)), len(pairs)),
        "parallel_free": None if parallel_share is None else 1 - parallel_share,
    }


def integration_score(values: dict[str, float | None]) -> int | None:
    """round(100 x weighted mean) of the non-null ratios, weights re-normalized over those; None if none.

    Python's round() (half to even) as the spec writes it; the unrounded ratios go in.
    """
    present = {k: v for k, v in values.items() if k in WEIGHTS and v is not None}
    if not present:
        return None
    total = sum(WEIGHTS[k] for k in present)
    return round(100 * sum(WEIGHTS[k] * v for k, v in present.items()) / total)


def brokerage_indexed(ix: Index, should_stop: Callable[[], bool] | None = None,
                      runner: RawRunner | None = None) -> dict[str, float]:
    """Normalized betweenness of each department on the undirected simple graph of all non-note elements.

    Nodes and edges go in sorted order, so the floating-point result does not depend on file order.
    `should_stop`, `runner`: see brokerage_fast.betweenness (Cancelled is raised when it says so).
    """
    if not ix.departments:
        return {}
    # igraph when installed, else networkx: the same values
    centrality = betweenness(ix.labels, ix.edges, should_stop=should_stop, runner=runner)
    return {d: float(centrality[d]) for d in ix.departments}


def brokerage(model: CommModel) -> dict[str, float]:
    """Department id -> normalized betweenness centrality (see rules.md, `brokerage`)."""
    return brokerage_indexed(build_index(model))


def coordinator_candidate(values: dict[str, float]) -> str | None:
    """The department with the highest brokerage; ties (within TIE_TOLERANCE) go to the lowest id."""
    best: str | None = None
    for department in sorted(values):
        if best is None or values[department] > values[best] + TIE_TOLERANCE:
            best = department
    return best


def counts(ix: Index, findings: Sequence[Finding]) -> dict[str, Any]:
    open_counts = dict.fromkeys(SEVERITIES, 0)
    waived_counts = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        (waived_counts if finding.waived else open_counts)[finding.severity] += 1
    return {"elements": dict(ix.kind_counts), "relations": ix.relation_count,
            "findings": open_counts, "waived": waived_counts}


def metrics_indexed(ix: Index, findings: Sequence[Finding], *, with_brokerage: bool = True,
                    should_stop: Callable[[], bool] | None = None, runner: RawRunner | None = None
                    ) -> dict[str, Any]:
    values: dict[str, Any] = dict(ratios(ix))
    values["integration_score"] = integration_score(values)
    values["silos"] = len(active_groups(ix))
    # Without brokerage (the expensive part) both brokerage keys stay empty: {} and None.
    broker = brokerage_indexed(ix, should_stop, runner) if with_brokerage else {}
    values["brokerage"] = broker
    values["coordinator_candidate"] = coordinator_candidate(broker)
    values["counts"] = counts(ix, findings)
    return values


def compute_metrics(model: CommModel, findings: Sequence[Finding], *, with_brokerage: bool = True
                    ) -> dict[str, Any]:
    """All metrics of rules.md, ratios unrounded. `findings` feed only the counts."""
    return metrics_indexed(build_index(model), findings, with_brokerage=with_brokerage)
