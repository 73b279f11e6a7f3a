"""One lock, shared by every layer, for matplotlib's process-wide state and for importing it.

The report's charts are drawn in a worker thread while the metrics panel draws on the UI thread, and
both change `rcParams` for a while (`rc_context`). Importing must hold the lock too: igraph imports
`matplotlib.pyplot` when it is first imported (the brokerage, in the analysis worker thread), and a
report's charts calling `matplotlib.use` meanwhile found a half-imported pyplot ("partially initialized
module 'matplotlib.pyplot' has no attribute 'switch_backend'"): about one report in eight in
tests/gui/exports failed so, and some of those runs then crashed in matplotlib. Whatever imports
matplotlib, igraph or commarch.report off the import-time path does it under LOCK.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

LOCK = threading.RLock()


@contextmanager
def rc_state(params: Mapping[str, Any]) -> Iterator[None]:
    """matplotlib's `rc_context(params)`, entered only while no other thread has matplotlib state changed."""
    import matplotlib

    with LOCK, matplotlib.rc_context(dict(params)):
        yield
