"""The analysis entry point: findings plus metrics, and the JSON shape of `analyze --format json`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from commarch.gcpause import gc_paused
from commarch.model import CommModel

from .brokerage_fast import RawRunner
from .findings import Finding, find_indexed
from .index import build_index
from .metrics import RATIOS, metrics_indexed


@dataclass
class Analysis:
    """Findings in the spec's order and the metrics (unrounded)."""

    findings: list[Finding]
    metrics: dict[str, Any]


def analyze(model: CommModel, lang: str | None = None, *, with_brokerage: bool = True,
            runner: RawRunner | None = None) -> Analysis:
    """Findings and metrics of `model`; `lang` defaults to the model's language, else English.
    `runner`: where a large brokerage is computed (see brokerage_fast.betweenness)."""
    with gc_paused():
        ix = build_index(model)
        findings = find_indexed(ix, model, lang)
        return Analysis(findings, metrics_indexed(ix, findings, with_brokerage=with_brokerage, runner=runner))


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def finding_to_json(finding: Finding) -> dict[str, Any]:
    data: dict[str, Any] = {
        "rule": finding.rule,
        "severity": finding.severity,
        "subjects": list(finding.subjects),
        "message": finding.message,
        "recommendation": finding.recommendation,
        "waived": finding.waived,
    }
    if finding.waived:
        data["note"] = finding.waiver_note or ""
    return data


def metrics_to_json(metrics: dict[str, Any]) -> dict[str, Any]:
    """The metrics with ratios and brokerage values rounded to 3 decimals (output only)."""
    data = dict(metrics)
    for key in RATIOS:
        if key in data:
            data[key] = _round(data[key])
    if "brokerage" in data:
        data["brokerage"] = {d: round(v, 3) for d, v in data["brokerage"].items()}
    return data


def analysis_to_json(analysis: Analysis, file: str) -> dict[str, Any]:
    """The object `commarch analyze --format json` prints (PRODUCT.md)."""
    return {
        "file": file,
        "findings": [finding_to_json(f) for f in analysis.findings],
        "metrics": metrics_to_json(analysis.metrics),
    }
