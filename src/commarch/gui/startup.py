"""Imported first by gui/app.py: how the modules after it load (no garbage collection, no plugin scan)."""

from __future__ import annotations

import gc
import os

# Loading pydantic, the model, PySide6 and our GUI allocates ~10^5 objects that live as long as the process
# and are never garbage; each automatic collection on the way rescans them for nothing (~10 ms in all
# before the first paint). `app.main` freezes them and keeps the collector off until the first window has
# painted; a process that only imports the app (tests, scripts) gets it back at the end of the import.
_was_enabled = gc.isenabled()
gc.disable()

# The desktop app runs no pydantic plugins (third-party hooks announced through package entry points).
# Without this, building the first model class scans the metadata of every installed distribution for
# them (~2 ms). Whoever sets the variable themselves keeps their value.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def imports_done() -> None:
    """The collector as it was before the app's modules were loaded."""
    if _was_enabled:
        gc.enable()
