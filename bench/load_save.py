"""Open + validate and save of generated models, against orjson + networkx and pydantic's own JSON dump."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import networkx as nx
import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import Result, compare, emit, model_file, parse_args  # noqa: E402

from commarch import fileformat  # noqa: E402
from commarch.editing.document import Document  # noqa: E402
from commarch.model import CommModel  # noqa: E402
from commarch.model.elements import Element  # noqa: E402
from commarch.model.relations import Relation  # noqa: E402

QUICK = (1000, 10000)
FULL = (200, 1000, 3000, 10000, 50000)


def open_ours(path: Path) -> Document:
    """What the app does on File > Open (gui/files.py): load + validate, then the document with its
    relation index (taking over the lookup tables the loader built to check the cross-object rules)."""
    return Document.open(path)


def open_baseline(path: Path) -> nx.DiGraph:
    """The bare minimum: fast JSON parse, one networkx node per element and one edge per relation."""
    raw = orjson.loads(path.read_bytes())
    graph = nx.DiGraph()
    graph.add_nodes_from((e["id"], e) for e in raw["elements"])
    graph.add_edges_from((r["source"], r["target"], r) for r in raw["relations"])
    return graph


class UnionDumpModel(CommModel):
    """The model as plain pydantic writes it: lists serialized through the discriminated unions (the model
    itself serializes each object by its own class since the fourth round; see docs/performance.md)."""

    elements: list[Element]  # type: ignore[assignment]
    relations: list[Relation]  # type: ignore[assignment]


def union_dump_view(model: CommModel) -> UnionDumpModel:
    view = UnionDumpModel.model_construct(_fields_set=set(model.model_fields_set), **dict(model))
    view.__pydantic_extra__ = model.__pydantic_extra__
    return view


def measure_size(n: int, runs: int, out_dir: Path) -> list[Result]:
    results: list[Result] = []
    path = model_file(n)
    ours, base = compare(lambda: open_ours(path), lambda: open_baseline(path), runs)
    results.append(Result("open+validate", n, ours, base, target=2.0))
    ours, base = compare(lambda: fileformat.load(path), lambda: open_baseline(path), runs)
    results.append(Result("  load only (no Document)", n, ours, base, note="info"))
    model = fileformat.load(path)
    target_ours, target_base = out_dir / "ours.comm", out_dir / "base.json"

    def save_baseline() -> None:
        with open(target_base, "w", encoding="utf-8") as handle:
            handle.write(model.model_dump_json(exclude_unset=True))

    ours, base = compare(lambda: fileformat.save(model, target_ours), save_baseline, runs)
    results.append(Result("save", n, ours, base, target=1.2, note="atomic: temp file + fsync + replace"))
    plain = union_dump_view(model)
    if plain.model_dump_json(exclude_unset=True) != model.model_dump_json(exclude_unset=True):
        raise SystemExit("the union-serialized view does not write the same text")

    def save_union_baseline() -> None:
        with open(target_base, "w", encoding="utf-8") as handle:
            handle.write(plain.model_dump_json(exclude_unset=True))

    ours, base = compare(lambda: fileformat.save(model, target_ours), save_union_baseline, runs)
    results.append(Result("  save vs a dump through the unions", n, ours, base, note="info"))
    ours, base = compare(lambda: fileformat.writer.encode(model),
                         lambda: model.model_dump_json(exclude_unset=True), runs)
    results.append(Result("  save text only (no disk)", n, ours, base, note="info"))
    return results


def measure(sizes: tuple[int, ...], runs: int) -> list[Result]:
    out_dir = Path(tempfile.mkdtemp(prefix="commarch-bench-"))
    try:
        return [result for n in sizes for result in measure_size(n, runs, out_dir)]
    finally:
        for leftover in out_dir.iterdir():
            leftover.unlink()
        os.rmdir(out_dir)


def main(argv: list[str] | None = None) -> int:
    sizes, runs, json_out = parse_args(__doc__ or "", QUICK, FULL, argv)
    emit(measure(sizes, runs), json_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
