"""Imported first by gui/app.py: how the modules after it load (no garbage collection, no plugin scan)."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

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

# matplotlib's default backend is chosen on first reading `rcParams["backend"]`, which imports pyplot in
# whichever thread reads it (see commarch/mpl.py for the race that caused). We draw with explicit canvases
# only (QtAgg in the metrics panel, SVG in the report), so the backend is fixed up front and pyplot is
# never imported.
os.environ.setdefault("MPLBACKEND", "agg")


def imports_done() -> None:
    """The collector as it was before the app's modules were loaded."""
    if _was_enabled:
        gc.enable()


# Once PySide6 is imported, its `__feature__` import hook reads the whole source of every module imported
# after it (inspect.getsource, to see whether it mentions PySide6): ~15 ms for pydantic, the model, the
# stdlib modules they use and ours. Modules imported before PySide6 are never looked at, so the Qt-free
# ones the start-up needs are imported here, before gui/app.py imports PySide6. (Only speed depends on
# these lists being complete.) Plain import statements, so `python -X importtime` lists them.
import traceback  # noqa: E402, F401 (the exception guard's)

import commarch.render.style  # noqa: E402, F401
import commarch.resources  # noqa: E402, F401


def preload_model_layers() -> None:
    """The model layers too: for a start that opens a file (its window is completed before the first
    paint). An empty window imports them after its first paint (MainWindow.complete). Call before
    importing gui/app.py."""
    import html  # noqa: F401 (the findings panel's)

    import platformdirs  # noqa: F401
    import pydantic.plugin._loader  # noqa: F401 (what pydantic imports to build the first validator)

    import commarch.analysis.gaps  # noqa: F401
    import commarch.analysis.incremental  # noqa: F401
    import commarch.analysis.index  # noqa: F401
    import commarch.analysis.metrics  # noqa: F401
    import commarch.editing  # noqa: F401
    import commarch.fileformat.backups  # noqa: F401
    import commarch.fileformat.cleanup  # noqa: F401


def pyside_hook_skips_loaded_modules() -> None:
    """Tell PySide6's `__feature__` import hook (see above) that the modules loaded before it need no look.

    The hook runs on every import statement, also of a module already loaded: the first `import datetime`
    (or pydantic.types …) executed after PySide6 came in makes it read that module's whole source — ~10 ms
    when a file is opened at start. A module loaded before PySide6 existed cannot have selected a feature
    (`from __feature__ import …`), so it is entered as the hook's "ignore this module" (-1), which is what
    the hook decides for every module not mentioning PySide6 anyway. Speed only: without PySide6's internal
    table (another version) nothing happens."""
    try:
        from shibokensupport.feature import pyside_feature_dict  # type: ignore[import-not-found]
    except ImportError:
        return
    if not isinstance(pyside_feature_dict, dict):
        return
    for name in list(sys.modules):
        if not name.startswith(("PySide6", "shiboken", "__feature__")):
            pyside_feature_dict.setdefault(name, -1)


@contextmanager
def qt_free_imports() -> Iterator[None]:
    """While the model layers load after PySide6 (an empty window's MainWindow.complete): the hook answers
    "not using PySide6" without reading the source for every module outside gui/ and render/ — the only
    layers allowed to use Qt (import-linter contract), and pydantic & co. never do (~8 ms). Our Qt modules
    are looked at as usual. Speed only; restored afterwards; nothing happens on another PySide6 version."""
    try:
        from shibokensupport import feature  # type: ignore[import-not-found]

        original = feature._mod_uses_pyside
    except (ImportError, AttributeError):
        yield
        return

    def uses_pyside(module: object) -> bool:
        if getattr(module, "__name__", "").startswith(("commarch.gui", "commarch.render")):
            return bool(original(module))
        return False

    feature._mod_uses_pyside = uses_pyside
    try:
        yield
    finally:
        feature._mod_uses_pyside = original
