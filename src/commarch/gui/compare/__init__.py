"""The compare view: two models on one canvas (old, new, overlay), the changes, findings and metric deltas."""

from .install import compare_dialog, install_compare_ui, open_compare
from .window import CompareWindow

__all__ = ["CompareWindow", "compare_dialog", "install_compare_ui", "open_compare"]
