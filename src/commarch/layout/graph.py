"""The model as the layouts see it: element kinds, positions and an undirected neighbour graph."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from commarch.model import CommModel

from .geometry import Point


@dataclass
class LayoutGraph:
    """Ids in model order, their kinds and current positions, and undirected neighbour sets."""

    ids: list[str]
    kind: dict[str, str]
    pos: dict[str, Point]
    neighbours: dict[str, set[str]] = field(default_factory=dict)
    edges: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def from_model(cls, model: CommModel) -> LayoutGraph:
        ids = [e.id for e in model.elements]
        graph = cls(
            ids=ids,
            kind={e.id: e.kind for e in model.elements},
            pos={e.id: (float(e.x), float(e.y)) for e in model.elements},
            neighbours={i: set() for i in ids},
        )
        seen: set[tuple[str, str]] = set()
        for relation in model.relations:
            a, b = relation.source, relation.target
            if a == b or a not in graph.kind or b not in graph.kind:
                continue
            key = (min(a, b), max(a, b))
            if key in seen:  # e.g. operates and serves between the same pair: one line for layout purposes
                continue
            seen.add(key)
            graph.edges.append((a, b))
            graph.neighbours[a].add(b)
            graph.neighbours[b].add(a)
        return graph

    def subgraph(self, ids: Iterable[str]) -> LayoutGraph:
        keep = set(ids)
        order = [i for i in self.ids if i in keep]
        return LayoutGraph(
            ids=order,
            kind={i: self.kind[i] for i in order},
            pos={i: self.pos[i] for i in order},
            neighbours={i: self.neighbours[i] & keep for i in order},
            edges=[(a, b) for a, b in self.edges if a in keep and b in keep],
        )


def moving_ids(graph: LayoutGraph, ids: Iterable[str] | None) -> list[str]:
    """The ids to lay out, in model order (all when `ids` is None; unknown ids are ignored)."""
    if ids is None:
        return list(graph.ids)
    wanted = set(ids)
    return [i for i in graph.ids if i in wanted]


def anchor_for(graph: LayoutGraph, moving: list[str]) -> Point:
    """Where a laid-out subset should go: beside its fixed neighbours, else where it is now."""
    moving_set = set(moving)
    fixed_neighbours = sorted({n for i in moving for n in graph.neighbours[i] if n not in moving_set})
    source = fixed_neighbours or moving
    return (sum(graph.pos[i][0] for i in source) / len(source),
            sum(graph.pos[i][1] for i in source) / len(source))
