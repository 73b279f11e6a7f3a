"""Commands on a 10,000-element model touch O(changed) items, not O(model) (counted, then timed loosely)."""

from __future__ import annotations

import time
from typing import Any

import pytest

from commarch.editing import (
    AddElements,
    Connect,
    Document,
    Move,
    Paste,
    RemoveElements,
    SetElementProperty,
    duplicate,
    new_element,
)
from commarch.model import Channel, CommModel, Department, Operates, Reaches, Stakeholder

N = 10_000


class CountingList(list):  # type: ignore[type-arg]
    """A model list that counts Python-level reads: whole-list scans show up as thousands of reads."""

    reads = 0

    def __iter__(self) -> Any:
        CountingList.reads += len(self)
        return super().__iter__()

    def __getitem__(self, index: Any) -> Any:
        CountingList.reads += 1
        return super().__getitem__(index)

    def index(self, *args: Any) -> int:
        CountingList.reads += len(self)
        return super().index(*args)

    def __contains__(self, item: object) -> bool:
        CountingList.reads += len(self)
        return super().__contains__(item)


def big_document() -> Document:
    elements: list[Any] = []
    relations: list[Any] = []
    for i in range(N // 3):
        elements += [Department(id=f"d{i}", label=f"D{i}", x=i, y=0),
                     Channel(id=f"c{i}", label=f"C{i}", x=i, y=100),
                     Stakeholder(id=f"s{i}", label=f"S{i}", x=i, y=200)]
        relations += [Operates(id=f"o{i}", source=f"d{i}", target=f"c{i}"),
                      Reaches(id=f"r{i}", source=f"c{i}", target=f"s{i}")]
    model = CommModel(elements=elements, relations=relations)
    model.__dict__["elements"] = CountingList(model.elements)
    model.__dict__["relations"] = CountingList(model.relations)
    return Document(model)


@pytest.fixture(scope="module")
def doc() -> Document:
    return big_document()


def reads_of(doc: Document, action: Any) -> int:
    CountingList.reads = 0
    action()
    return CountingList.reads


def test_everyday_commands_touch_only_what_changes(doc: Document) -> None:
    last = doc.model.elements[-1].id
    steps = {
        "move 3": lambda: doc.execute(Move(doc, {"d5": (1, 1), "c2000": (2, 2), last: (3, 3)})),
        "set label": lambda: doc.execute(SetElementProperty(doc, "s77", "label", "Presse")),
        "add": lambda: doc.execute(AddElements(doc, [new_element(doc, "topic", "T")])),
        "connect": lambda: doc.execute(Connect(doc, "d9", "c3000")),
        "delete last with relations": lambda: doc.execute(RemoveElements(doc, [last])),
        "paste 3": lambda: doc.execute(duplicate(doc, ["d1", "c1", "s1"])),
        "undo": doc.undo,
        "redo": doc.redo,
    }
    for name, action in steps.items():
        assert reads_of(doc, action) < 50, name
    for _ in range(8):
        assert reads_of(doc, doc.undo) < 50
    assert doc.index_problems() == [] and not doc.is_dirty


def test_delete_in_the_middle_costs_one_lazy_repair(doc: Document) -> None:
    hole = doc.element_position("c1600")
    doc.execute(RemoveElements(doc, ["c1600"]))
    # Positions before the hole are still known; the first lookup behind it repairs them once.
    assert reads_of(doc, lambda: doc.execute(Move(doc, {"d3": (0, 0)}))) < 50
    assert reads_of(doc, lambda: doc.execute(Move(doc, {"s3000": (0, 0)}))) <= len(doc.model.elements) - hole + 10
    assert reads_of(doc, lambda: doc.execute(Move(doc, {"s3001": (0, 0)}))) < 50
    while doc.history.can_undo:
        doc.undo()
    assert doc.index_problems() == []


def test_commands_are_fast_on_a_big_model(doc: Document) -> None:
    start = time.perf_counter()
    for step in range(500):
        doc.execute(Move(doc, {f"d{step}": (step, 5), f"s{step}": (step, 6)}))
    doc.execute(Paste(doc, _payload(doc)))
    for _ in range(501):
        doc.undo()
    elapsed = time.perf_counter() - start
    print(f"1,000 moves/undos + paste on {N} elements: {elapsed * 1000:.0f} ms")
    assert elapsed < 2.0   # ~0.01 s here; the read counts above are the real guard


def _payload(doc: Document) -> Any:
    from commarch.editing import selection_payload
    return selection_payload(doc, [f"d{i}" for i in range(20)])
