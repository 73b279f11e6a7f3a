"""`build_report`: one ReportData from a model and its analysis — cover, summary, findings, appendix."""

from __future__ import annotations

from typing import Any

from commarch.model import CommModel

from .assess import assessment, open_findings, top_findings
from .blocks import (
    Cover,
    Diagram,
    FindingGroup,
    FindingItem,
    Heading,
    KeyFigure,
    KeyFigures,
    Paragraph,
    ReportData,
    Section,
)
from .context import Context
from .inventory import inventory_section
from .sections import (
    brokerage_section,
    coordination_section,
    coverage_section,
    power_section,
    responsibility_section,
)

SEVERITIES = ("error", "warning", "info")
RATIOS = ("coverage", "dialog_coverage", "ownership", "coordination", "parallel_free")
WORD_KEYS = ("contents", "page", "of", "made_with", "continued", "report_title", "why", "concerns",
             "waiver_note", "next_step", "score", "score_of", "confidential", "sev_error_one",
             "sev_warning_one", "sev_info_one", "md_chart", "md_diagram")


def build_report(
    model: CommModel, analysis: Any = None, *, lang: str | None = None, diagram_svg: str | None = None,
) -> ReportData:
    """The architecture report of `model` in `lang` (default: the model's language, else English).

    `analysis` is an `commarch.analysis.Analysis` (findings + metrics) in the same language; it is
    computed when omitted. `diagram_svg` is the diagram as SVG for the HTML writer (the PDF writer
    draws the diagram itself, as vectors).
    """
    if analysis is None:
        from commarch.analysis import analyze

        analysis = analyze(model, lang)
    ctx = Context.build(model, analysis.findings, analysis.metrics, lang)
    sections = [
        summary_section(ctx),
        Section("diagram", ctx.t["sec_diagram"], (
            Diagram(ctx.t["diagram_caption"] if model.elements else ctx.t["diagram_empty"], diagram_svg,
                    badges=badges(ctx.findings)),)),
        findings_section(ctx),
        coverage_section(ctx),
        responsibility_section(ctx),
        coordination_section(ctx),
        brokerage_section(ctx),
        power_section(ctx),
        inventory_section(ctx),
    ]
    waived = [f for f in ctx.findings if getattr(f, "waived", False)]
    if waived:
        sections.append(Section("waived", ctx.t["sec_waived"], (
            Paragraph(ctx.t["waived_intro"]), *finding_groups(ctx, waived))))
    return ReportData(lang=ctx.lang, cover=cover(ctx), sections=tuple(sections),
                      words={key: ctx.t[key] for key in WORD_KEYS})


def badges(findings: list[Any]) -> tuple[tuple[str, str], ...]:
    """(element id, worst severity) of the open findings, each about its first subject (as on the canvas)."""
    worst: dict[str, str] = {}
    for finding in findings:
        if getattr(finding, "waived", False) or not finding.subjects:
            continue
        subject = finding.subjects[0]
        if subject not in worst or SEVERITIES.index(finding.severity) < SEVERITIES.index(worst[subject]):
            worst[subject] = finding.severity
    return tuple(sorted(worst.items()))


def cover(ctx: Context) -> Cover:
    meta = ctx.model.meta
    title = (meta.title if meta else "") or ctx.t["untitled"]
    fields = []
    if meta is not None and meta.client:
        fields.append((ctx.t["client"], meta.client))
    if meta is not None and meta.author:
        fields.append((ctx.t["author"], meta.author))
    fields.append((ctx.t["date"], ctx.report_date()))
    return Cover(title=title, subtitle=ctx.t["report_title"], fields=tuple(fields),
                 description=meta.description if meta else "", author=meta.author if meta else "")


def _tone(ratio: float | None) -> str:
    if ratio is None:
        return "neutral"
    return "good" if ratio >= 0.8 else "fair" if ratio >= 0.5 else "poor"


def summary_section(ctx: Context) -> Section:
    t, metrics = ctx.t, ctx.metrics
    score = metrics.get("integration_score")
    figures = [KeyFigure(t["score"], t["na"] if score is None else str(score), t["score_of"],
                         _tone(None if score is None else score / 100))]
    for key in RATIOS:
        figures.append(KeyFigure(t[key], ctx.percent(metrics.get(key)), t[f"{key}_note"], _tone(metrics.get(key))))
    top = finding_groups(ctx, top_findings(ctx.findings, 3), explain=False)
    blocks = [
        KeyFigures(tuple(figures)),
        Heading(t["top_findings"]),
        *(top if top else [Paragraph(t["no_open_findings"])]),
        Heading(t["assessment"]),
        Paragraph(assessment(ctx.model, ctx.findings, metrics, ctx.lang), "lead"),
    ]
    return Section("summary", t["sec_summary"], tuple(blocks))


def rule_texts(rule: str, lang: str) -> tuple[str, str]:
    """(title, explanation) of `rule` in `lang` from the analysis registry; the id when it is unknown."""
    try:
        from commarch.analysis import RULES
    except ImportError:  # the analysis registry is optional for the report's data model
        return rule, ""
    info = RULES.get(rule)
    if info is None:
        return rule, ""
    return info.title.get(lang, info.title.get("en", rule)), info.explanation.get(lang, "")


def finding_groups(ctx: Context, findings: list[Any], *, explain: bool = True) -> list[FindingGroup]:
    """Findings grouped by severity and then by rule, in the analysis order."""
    groups: dict[tuple[str, str], list[Any]] = {}
    for finding in findings:
        groups.setdefault((finding.severity, finding.rule), []).append(finding)
    result = []
    for severity in SEVERITIES:
        for (sev, rule), members in groups.items():
            if sev != severity:
                continue
            title, explanation = rule_texts(rule, ctx.lang)
            items = tuple(FindingItem(
                message=f.message, recommendation=f.recommendation,
                subjects=tuple(ctx.labels.get(s, s) for s in f.subjects),
                note=(f.waiver_note or "") if getattr(f, "waived", False) else "",
            ) for f in members)
            result.append(FindingGroup(severity, rule, title, explanation if explain else "", items))  # type: ignore[arg-type]
    return result


def findings_section(ctx: Context) -> Section:
    t = ctx.t
    found = open_findings(ctx.findings)
    count = {s: sum(1 for f in found if f.severity == s) for s in SEVERITIES}
    blocks: list[Any] = [Paragraph(t["findings_intro"].format(
        n=len(found), e=count["error"], w=count["warning"], i=count["info"]) if found else t["no_open_findings"])]
    groups = finding_groups(ctx, found)
    for severity in SEVERITIES:
        mine = [g for g in groups if g.severity == severity]
        if mine:
            blocks.append(Heading(f"{t[f'sev_{severity}']} ({count[severity]})"))
            blocks.extend(mine)
    return Section("findings", t["sec_findings"], tuple(blocks))
