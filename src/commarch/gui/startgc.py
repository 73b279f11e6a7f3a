"""Imported first by gui/app.py: Python's garbage collector stays off while the desktop app's modules load."""

from __future__ import annotations

import gc

# Loading pydantic, the model, PySide6 and our GUI allocates ~10^5 objects that live as long as the process
# and are never garbage; each automatic collection on the way rescans them for nothing (~10 ms in all
# before the first paint). `app.main` freezes them and keeps the collector off until the first window has
# painted; a process that only imports the app (tests, scripts) gets it back at the end of the import.
_was_enabled = gc.isenabled()
gc.disable()


def imports_done() -> None:
    """The collector as it was before the app's modules were loaded."""
    if _was_enabled:
        gc.enable()
