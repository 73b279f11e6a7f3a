"""Findings after one edit (what the app runs ~250 ms after each change) vs raw networkx two-hop scans."""

from __future__ import annotations

import sys
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import Result, compare, emit, model_file, parse_args  # noqa: E402

from commarch import fileformat  # noqa: E402
from commarch.analysis import find  # noqa: E402
from commarch.editing import (  # noqa: E402
    AddElements,
    Connect,
    Document,
    RemoveElements,
    RemoveRelations,
    SetElementProperty,
    new_element,
)

QUICK = (1000, 20000)
FULL = (200, 1000, 3000, 10000, 20000, 50000)


def digraph(doc: Document) -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_nodes_from((e.id, {"kind": e.kind}) for e in doc.model.elements)
    graph.add_edges_from((r.source, r.target, {"kind": r.kind}) for r in doc.model.relations)
    return graph


def two_hop_scans(graph: nx.DiGraph) -> int:
    """The minimum the rules need: for every element, its in-neighbours and their in-neighbours
    (stakeholder <- channels <- departments), plus one pass over the out-neighbours."""
    found = 0
    pred, succ = graph.pred, graph.succ
    for node in graph:
        seen: set[str] = set()
        for first in pred[node]:
            seen.update(pred[first])
        found += len(seen) + len(succ[node])
    return found


def measure(sizes: tuple[int, ...], runs: int) -> list[Result]:
    results: list[Result] = []
    for n in sizes:
        doc = Document(fileformat.load(model_file(n)))
        graph = digraph(doc)
        stakeholders = [e.id for e in doc.model.elements if e.kind == "stakeholder"]
        state = {"i": 0}

        def edit_then_find(doc: Document = doc, targets: list[str] = stakeholders, state: dict = state) -> object:
            # one real edit through the command layer, then the full findings, as the app does
            state["i"] += 1
            target = targets[state["i"] % len(targets)]
            value = "high" if state["i"] % 2 else "low"
            doc.execute(SetElementProperty(doc, target, "priority", value))
            return find(doc.model)

        ours, base = compare(edit_then_find, lambda g=graph: two_hop_scans(g), runs)
        target = 1.5 if n >= 20000 else None
        note = "target <= 50 ms" if n == 1000 else ""
        if n == 1000:
            note += " ok" if ours <= 0.05 else " MISS"
        results.append(Result("findings after one edit", n, ours, base, target=target, note=note.strip()))

        # Structural edits: relations and elements come and go. The kept run is patched and each rule
        # re-runs only for the subjects the edit touched (analysis/structural.py). Each call below is one
        # real edit through the command layer, then the full findings, against the same baseline.
        operators = [e.id for e in doc.model.elements if e.kind == "department"]
        channels = [e.id for e in doc.model.elements if e.kind == "channel"]
        pair = next((d, c) for d in operators for c in channels if doc.find_relation("operates", d, c) is None)

        def connect_then_find(doc: Document = doc, pair: tuple[str, str] = pair) -> object:
            existing = doc.find_relation("operates", *pair)
            if existing is None:
                doc.execute(Connect(doc, pair[0], pair[1], "operates"))
            else:
                doc.execute(RemoveRelations(doc, existing.id))
            return find(doc.model)

        def add_element_then_find(doc: Document = doc, state: dict = state) -> object:
            # an isolated new stakeholder, then (next call) removed again
            if doc.get_element("bench-new") is None:
                state["i"] += 1
                element = new_element(doc, "stakeholder", f"New {state['i']}", id="bench-new", priority="high")
                doc.execute(AddElements(doc, [element]))
            else:
                doc.execute(RemoveElements(doc, "bench-new"))
            return find(doc.model)

        degree: dict[str, int] = {}
        for relation in doc.model.relations:
            degree[relation.source] = degree.get(relation.source, 0) + 1
            degree[relation.target] = degree.get(relation.target, 0) + 1
        # a channel with a typical number of relations (the median), removed with them, then undone
        victim = sorted(channels, key=lambda c: (degree.get(c, 0), c))[len(channels) // 2]

        def remove_element_then_find(doc: Document = doc, victim: str = victim) -> object:
            if doc.get_element(victim) is not None:
                doc.execute(RemoveElements(doc, victim))
            else:
                doc.undo()
            return find(doc.model)

        for item, edit in (("  after adding/removing a relation", connect_then_find),
                           ("  after adding/removing an element", add_element_then_find),
                           (f"  after removing an element ({degree.get(victim, 0)} rel.)/undo",
                            remove_element_then_find)):
            ours, base = compare(edit, lambda g=graph: two_hop_scans(g), runs)
            results.append(Result(item, n, ours, base, target=target))
    return results


def main(argv: list[str] | None = None) -> int:
    sizes, runs, json_out = parse_args(__doc__ or "", QUICK, FULL, argv)
    emit(measure(sizes, runs), json_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
