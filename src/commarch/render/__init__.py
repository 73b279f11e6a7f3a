"""The only drawing code: how elements and relations look, on the canvas and in diagram exports.

The names below are loaded on first use (PEP 562), so the app's start-up pays only for the parts the
canvas needs, not for the exporters.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS: dict[str, tuple[str, ...]] = {
    "diagram": ("DiagramPlan", "Layer", "ensure_app", "finding_badges", "paint_diagram", "plan_diagram"),
    "export": ("FORMATS", "MAX_DPI", "MIN_DPI", "ExportError", "export_diagram", "export_format"),
    "labels": ("LabelLayout", "display_text", "label_font", "layout_label"),
    "painter": ("PAINT_MARGIN", "element_bounds", "element_label_layout", "paint_badge", "paint_element",
                "paint_relation", "relation_bounds", "relation_hit_shape"),
    "shapes": ("element_rect", "element_shape", "icon_rect", "label_box", "relation_path"),
    "style": ("DARK", "LIGHT", "THEMES", "ElementStyle", "RelationStyle", "Theme", "element_size",
              "element_style", "get_theme", "relation_style"),
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
