"""The rule registry: each rule is one check function plus its metadata (id, family, severity, texts)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .index import Index

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a rule is, for people: titles, explanations and generic recommendations in de and en."""

    id: str
    family: str  # 'gap' | 'overlap'
    default_severity: str
    title: dict[str, str]
    explanation: dict[str, str]
    recommendation: dict[str, str]


@dataclass(frozen=True, slots=True)
class Hit:
    """One raw finding of a check: subjects in final order, message parameters, optional severity.

    `severity` is set only where the spec derives the default from the data (GAP-UNREACHED);
    otherwise the rule's default applies. Rule settings from the model override either.
    """

    subjects: tuple[str, ...]
    params: dict[str, Any] = field(default_factory=dict)
    severity: str | None = None


Check = Callable[["Index"], Iterable[Hit]]

# rule id -> metadata, and rule id -> check; filled by the @rule decorator when gaps/overlaps are imported
RULES: dict[str, RuleInfo] = {}
CHECKS: dict[str, Check] = {}


def rule(rule_id: str, family: str, default_severity: str) -> Callable[[Check], Check]:
    """Register `check` as rule `rule_id`; its texts come from the language modules."""
    from . import texts

    def register(check: Check) -> Check:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        RULES[rule_id] = RuleInfo(
            id=rule_id,
            family=family,
            default_severity=default_severity,
            title=texts.meta(rule_id, "title"),
            explanation=texts.meta(rule_id, "explanation"),
            recommendation=texts.meta(rule_id, "recommendation"),
        )
        CHECKS[rule_id] = check
        return check

    return register
