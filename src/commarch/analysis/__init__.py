"""Analysis of a communication architecture: the rules and metrics of rules.md, pure and deterministic."""

from .engine import Analysis, analysis_to_json, analyze, finding_to_json, metrics_to_json
from .findings import Finding, find, sort_key
from .metrics import RATIOS, WEIGHTS, brokerage, compute_metrics, integration_score
from .registry import RULES, SEVERITIES, SEVERITY_RANK, RuleInfo
from .texts import ui

__all__ = [
    "Analysis", "Finding", "RuleInfo", "RULES", "RATIOS", "SEVERITIES", "SEVERITY_RANK", "WEIGHTS",
    "analysis_to_json", "analyze", "brokerage", "compute_metrics", "find", "finding_to_json",
    "integration_score", "metrics_to_json", "sort_key", "ui",
]
