"""Pausing the collector: what was built moves to the oldest generation unscanned, garbage is still collected."""

from __future__ import annotations

import gc
import weakref

from commarch.gcpause import PROMOTE_MIN, gc_paused


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def in_young_generations(obj: object) -> bool:
    return any(o is obj for generation in (0, 1) for o in gc.get_objects(generation=generation))


def test_built_objects_skip_the_young_generations() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        built = [Node() for _ in range(PROMOTE_MIN * 2)]
    assert gc.isenabled()
    assert not in_young_generations(built[0]) and not in_young_generations(built)
    assert any(o is built for o in gc.get_objects(generation=2))  # tracked, not frozen away
    assert gc.get_freeze_count() == 0


def test_small_batches_are_left_to_the_young_collections() -> None:
    gc.collect()
    with gc_paused():
        built = [Node() for _ in range(100)]
    assert in_young_generations(built)


def test_cycles_built_while_paused_are_still_collected() -> None:
    with gc_paused():
        a, b = Node(), Node()
        a.other, b.other = b, a
        ref = weakref.ref(a)
    del a, b
    gc.collect()
    assert ref() is None


def test_nested_pauses_restore_the_state() -> None:
    with gc_paused():
        with gc_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            young = Node()
        assert not gc.isenabled()  # it was off before: left off, nothing promoted
        assert in_young_generations(young)
    finally:
        gc.enable()


def test_documents_dropped_in_cycles_do_not_pile_up(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A document is in a reference cycle (with its history); promoted unscanned, it is freed only by a
    full collection, which must still come as the promoted objects grow (CPython's own quarter rule)."""
    from commarch import fileformat
    from commarch.editing import Document
    from commarch.model import CommModel, Stakeholder

    model = CommModel.empty()
    model.elements.extend(Stakeholder(id=f"s{i}", label=f"S {i}", x=float(i), y=0.0) for i in range(3000))
    path = tmp_path / "m.comm"
    fileformat.save(model, path)
    gc.collect()
    refs = []
    for _ in range(30):
        doc = Document.open(path)
        refs.append(weakref.ref(doc))
        del doc
    alive = sum(ref() is not None for ref in refs)
    assert alive <= 10, f"{alive} of 30 dropped documents still in memory"
