"""The only drawing code: how elements and relations look, on the canvas and in diagram exports."""

from .diagram import DiagramPlan, Layer, ensure_app, finding_badges, paint_diagram, plan_diagram
from .export import FORMATS, MAX_DPI, MIN_DPI, ExportError, export_diagram, export_format
from .labels import LabelLayout, display_text, label_font, layout_label
from .painter import (
    PAINT_MARGIN,
    element_bounds,
    element_label_layout,
    paint_badge,
    paint_element,
    paint_relation,
    relation_bounds,
    relation_hit_shape,
)
from .shapes import element_rect, element_shape, icon_rect, label_box, relation_path
from .style import (
    DARK,
    LIGHT,
    THEMES,
    ElementStyle,
    RelationStyle,
    Theme,
    element_size,
    element_style,
    get_theme,
    relation_style,
)

__all__ = [
    "DiagramPlan", "Layer", "ensure_app", "finding_badges", "paint_diagram", "plan_diagram",
    "FORMATS", "MAX_DPI", "MIN_DPI",
    "ExportError", "export_diagram", "export_format", "LabelLayout", "display_text", "label_font",
    "layout_label", "PAINT_MARGIN", "element_bounds", "element_label_layout", "paint_badge", "paint_element",
    "paint_relation", "relation_bounds", "relation_hit_shape", "element_rect", "element_shape", "icon_rect",
    "label_box", "relation_path", "DARK", "LIGHT", "THEMES", "ElementStyle", "RelationStyle", "Theme",
    "element_size", "element_style", "get_theme", "relation_style",
]
