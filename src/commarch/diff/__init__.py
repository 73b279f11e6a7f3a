"""Comparing two models: structural diff, findings and metrics delta, JSON/text/Markdown output."""

from .compare import diff_models, property_changes
from .findings import Analysis, diff_findings, diff_metrics
from .jsonout import diff_to_json
from .matching import match_elements, normalize_label
from .render import render_markdown, render_text, summary_line
from .types import (
    ElementChange,
    ElementMove,
    ElementRef,
    FindingRef,
    FindingsDiff,
    Matching,
    MatchMode,
    MetricChange,
    ModelDiff,
    PropertyChange,
    RelationChange,
    RelationRef,
    RuleChange,
    WaiverChange,
    is_empty,
)

__all__ = [
    "diff_models", "property_changes", "Analysis", "diff_findings", "diff_metrics", "diff_to_json",
    "match_elements", "normalize_label", "render_markdown", "render_text", "summary_line",
    "ElementChange", "ElementMove", "ElementRef", "FindingRef", "FindingsDiff", "Matching", "MatchMode",
    "MetricChange", "ModelDiff", "PropertyChange", "RelationChange", "RelationRef", "RuleChange",
    "WaiverChange", "is_empty",
]
