"""Where the bundled resources (examples, icons, translations) live: source checkout, wheel or frozen app."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

# The one layout every install shares: <root>/examples/*.comm, <root>/icons/*.svg, <root>/translations/*.qm.
# A wheel and the PyInstaller bundle put <root> at commarch/_resources (pyproject maps <repo>/resources
# there; packaging/commarch.spec does the same), a source checkout keeps it at <repo>/resources.
_PACKAGE_DIR = Path(__file__).resolve().parent
_MARKER = "icons"  # present in every complete install; guards against an empty leftover folder


def _candidates() -> list[Path]:
    roots = [_PACKAGE_DIR / "_resources"]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:  # PyInstaller: modules and data both unpack under sys._MEIPASS
        roots.append(Path(frozen_root) / "commarch" / "_resources")
    if _PACKAGE_DIR.parent.name == "src":  # a source checkout or an editable install: <repo>/src/commarch
        roots.append(_PACKAGE_DIR.parents[1] / "resources")
    return roots


@lru_cache(maxsize=1)
def _root() -> Path | None:
    for root in _candidates():
        if (root / _MARKER).is_dir():
            return root
    return None


def resource_path(*parts: str) -> Path | None:
    """The bundled file or folder at `parts` (e.g. `resource_path("icons", "goal.svg")`), or None if absent.

    With no `parts`, the resources root itself. Callers treat None as "not installed" and degrade
    (an icon becomes a plain shape, the UI stays untranslated) instead of failing.
    """
    root = _root()
    if root is None:
        return None
    path = root.joinpath(*parts)
    return path if path.exists() else None
