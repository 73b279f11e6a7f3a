"""The compare view: two models on one canvas (old, new, overlay), the changes, findings and metric deltas."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .install import compare_dialog, install_compare_ui, open_compare
    from .window import CompareWindow

# Resolved on first use (PEP 562): the menu entry is installed at start-up, the compare window (diff,
# report, analysis) is imported only when a comparison is opened.
_LAZY = {"compare_dialog": "install", "install_compare_ui": "install", "open_compare": "install",
         "CompareWindow": "window"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)


__all__ = ["CompareWindow", "compare_dialog", "install_compare_ui", "open_compare"]
