"""One helper shared by every layer: pause Python's cyclic garbage collector around bulk allocation."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Building tens of thousands of small objects that are not garbage (a loaded model, its index, the
    canvas items, an analysis) triggers GC passes that rescan everything and free nothing: up to half
    the time on large models. Nested use is fine; the previous state is restored.

    When the collector goes back on, what was built is moved straight to the oldest generation
    (`promote_survivors`) instead of being scanned by the young collections first."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            promote_survivors()
            gc.enable()


# Fewer new objects than this are left to the young collections, which are cheap at that size.
PROMOTE_MIN = 20_000
# CPython's own rule for full collections: once the objects that reached the oldest generation since the
# last one number a quarter of those that survived it (and at least this many).
_MIN_GROWTH = 50_000
_last = {"full": -1, "size": -1, "promoted": 0}


def promote_survivors() -> None:
    """Move every tracked object to the oldest generation without scanning it, after a large batch.

    Objects built while the collector was paused sit in the youngest generation: the next young
    collection would scan all of them (~80,000 for a 10,000-element model, 12-25 ms) only to move them
    on, and the middle one would scan them again. `freeze()` + `unfreeze()` splices the generations'
    lists into the oldest one in O(1). Nothing is hidden from the collector: objects are freed by
    reference counting as always, and cycles among them are found by the next full collection (which
    also scans what `gc.freeze()` had set aside at start-up, as it would have without the freeze).

    Objects moved this way do not count towards CPython's trigger for a full collection, so a program
    that opens and drops documents — each in a reference cycle with its history — would never collect
    them. The rule is applied here instead, on the count of new objects (`gc.get_count()[0]`, O(1)):
    when the promoted objects reach a quarter of those alive after the last full collection, one runs."""
    young = gc.get_count()[0]  # tracked objects allocated (net) since the last young collection
    if young < PROMOTE_MIN:
        return
    gc.freeze()
    if _last["size"] < 0:  # the first time only: how many objects there are (a walk over all of them)
        _last["size"] = gc.get_freeze_count() - young
    gc.unfreeze()
    full = gc.get_stats()[2]["collections"]
    if full != _last["full"]:  # a full collection ran since we last looked: count from here
        _last["full"], _last["promoted"] = full, 0
        _last["size"] += young
        return
    _last["promoted"] += young
    if _last["promoted"] > max(_last["size"] // 4, _MIN_GROWTH):
        gc.collect()
        gc.freeze()
        _last["size"] = gc.get_freeze_count()  # after a full collection anyway: the walk is cheap beside it
        gc.unfreeze()
        _last["full"], _last["promoted"] = gc.get_stats()[2]["collections"], 0
