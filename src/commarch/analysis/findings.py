"""Running the registered rules: rule settings, waivers, localized messages and the finding order."""

from __future__ import annotations

from dataclasses import dataclass

from commarch.gcpause import gc_paused
from commarch.model import CommModel

from . import gaps, overlaps  # noqa: F401 - importing registers the rules
from .index import Index
from .registry import CHECKS, RULES, SEVERITY_RANK
from .texts import Fmt, language, render


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding: rule, effective severity, subjects (first = what it is about), localized texts."""

    rule: str
    severity: str
    subjects: tuple[str, ...]
    message: str
    recommendation: str
    waived: bool = False
    waiver_note: str | None = None


def sort_key(finding: Finding) -> tuple[int, str, list[str]]:
    """The spec's order: severity (error first), then rule id, then subjects as a list of strings."""
    return (SEVERITY_RANK[finding.severity], finding.rule, list(finding.subjects))


def model_language(model: CommModel, lang: str | None = None) -> str:
    """`lang` if given, else the model's meta.language, else English."""
    if lang is None and model.meta is not None:
        lang = model.meta.language
    return language(lang)


def find(model: CommModel, lang: str | None = None) -> list[Finding]:
    """All findings of `model`, in the spec's order. Cheap enough to run on every edit."""
    from .incremental import find_incremental  # imports this module: deferred

    with gc_paused():
        return find_incremental(model, model_language(model, lang))


def find_indexed(ix: Index, model: CommModel, lang: str | None = None) -> list[Finding]:
    fmt = Fmt(model_language(model, lang), ix.labels)
    settings = model.rules or {}
    # A waiver matches on the rule and the *set* of subjects; the first matching waiver's note wins.
    waivers: dict[tuple[str, frozenset[str]], str] = {}
    for waiver in model.waivers or ():
        waivers.setdefault((waiver.rule, frozenset(waiver.subjects)), waiver.note)
    findings: list[Finding] = []
    for rule_id in sorted(CHECKS):
        setting = settings.get(rule_id)
        if setting is not None and not setting.enabled:
            continue
        override = setting.severity if setting is not None else None
        default = RULES[rule_id].default_severity
        for hit in CHECKS[rule_id](ix):
            message, recommendation = render(rule_id, hit, fmt)
            note = waivers.get((rule_id, frozenset(hit.subjects)))
            findings.append(Finding(
                rule=rule_id,
                severity=override or hit.severity or default,
                subjects=hit.subjects,
                message=message,
                recommendation=recommendation,
                waived=note is not None,
                waiver_note=note,
            ))
    findings.sort(key=sort_key)
    return findings
