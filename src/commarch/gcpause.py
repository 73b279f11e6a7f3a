"""One helper shared by every layer: pause Python's cyclic garbage collector around bulk allocation."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Building tens of thousands of small objects that are not garbage (a loaded model, its index, the
    canvas items, an analysis) triggers GC passes that rescan everything and free nothing: up to half
    the time on large models. Nested use is fine; the previous state is restored."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
