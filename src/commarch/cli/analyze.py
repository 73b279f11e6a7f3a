"""`commarch analyze FILE`: findings and metrics as text, JSON or Markdown; exit code by --fail-on."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import textwrap
from collections.abc import Callable

from commarch.analysis import (
    RATIOS,
    RULES,
    SEVERITIES,
    SEVERITY_RANK,
    Analysis,
    Finding,
    analysis_to_json,
    analyze,
    ui,
)
from commarch.model import CommModel

from .output import load_or_report

FAIL_ON = ("error", "warning", "info", "never")
_HEADINGS = {"error": "errors", "warning": "warnings", "info": "infos"}


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "analyze", help="findings (gaps, overlaps) and metrics of a .comm file",
        description="Analyse a .comm file: findings and metrics. Exit 0 when no open finding is at or "
        "above --fail-on, 1 when some are, 2 when the file is invalid or unreadable.")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                        help="output format (default: text)")
    parser.add_argument("--fail-on", choices=FAIL_ON, default="error", dest="fail_on",
                        help="lowest severity of an open (not waived) finding that makes the exit code 1 "
                        "(default: error; 'never' always exits 0 for a valid file)")
    parser.add_argument("--lang", choices=("de", "en"), default=None,
                        help="language of messages (default: the model's meta.language, else en)")


def failing(findings: list[Finding], fail_on: str) -> int:
    """How many open findings are at or above `fail_on` (0 for 'never')."""
    if fail_on == "never":
        return 0
    limit = SEVERITY_RANK[fail_on]
    return sum(1 for f in findings if not f.waived and SEVERITY_RANK[f.severity] <= limit)


def run(args: argparse.Namespace) -> int:
    model = load_or_report(args.file)
    if model is None:
        return 2
    lang = args.lang or (model.meta.language if model.meta else None) or "en"
    analysis = analyze(model, lang)
    if args.format == "json":
        emit(json.dumps(analysis_to_json(analysis, args.file), ensure_ascii=False, indent=2))
    elif args.format == "markdown":
        emit(to_markdown(analysis, model, args.file, lang))
    else:
        emit(to_text(analysis, model, args.file, lang))
    return 1 if failing(analysis.findings, args.fail_on) else 0


def emit(text: str) -> None:
    """Print `text`; where stdout cannot encode it (a legacy Windows code page), write UTF-8 bytes."""
    try:
        print(text)
    except UnicodeEncodeError:
        sys.stdout.flush()
        sys.stdout.buffer.write((text + "\n").encode("utf-8"))
        sys.stdout.flush()


# --- presentation ---------------------------------------------------------------------------------

def _percent(value: float | None, lang: str) -> str:
    if value is None:
        return ui(lang)["na"]
    text = f"{100 * value:.1f} %"
    return text.replace(".", ",") if lang == "de" else text


def _number(value: float, lang: str) -> str:
    text = f"{value:.3f}"
    return text.replace(".", ",") if lang == "de" else text


def summary(analysis: Analysis, lang: str) -> str:
    """'Integration score 58/100 · Errors 1 · Warnings 19 · Notes 4 (waived 0)'."""
    words, counts = ui(lang), analysis.metrics["counts"]
    score = analysis.metrics["integration_score"]
    parts = [f"{words['score']} {words['na'] if score is None else f'{score}/100'}"]
    parts += [f"{words[_HEADINGS[s]]} {counts['findings'][s]}" for s in SEVERITIES]
    waived = sum(counts["waived"].values())
    return " \u00b7 ".join(parts) + (f" ({words['waived']} {waived})" if waived else "")


def _label(model: CommModel, element_id: str | None, lang: str) -> str:
    if element_id is None:
        return ui(lang)["none"]
    for element in model.elements:
        if element.id == element_id:
            return element.label
    return element_id


def metric_rows(analysis: Analysis, model: CommModel, lang: str) -> list[tuple[str, str]]:
    """(name, value) rows of the metrics, localized, for text and Markdown output."""
    words, metrics = ui(lang), analysis.metrics
    score = metrics["integration_score"]
    rows = [(words["integration_score"], words["na"] if score is None else f"{score}/100")]
    rows += [(words[key], _percent(metrics[key], lang)) for key in RATIOS]
    rows.append((words["silos"], str(metrics["silos"])))
    candidate = metrics["coordinator_candidate"]
    broker: dict[str, float] = metrics["brokerage"]
    best = f" ({_number(broker[candidate], lang)})" if candidate in broker else ""
    rows.append((words["coordinator_candidate"], _label(model, candidate, lang) + best))
    ranked = sorted(broker.items(), key=lambda item: (-item[1], item[0]))
    if ranked:
        rows.append((words["brokerage"], ", ".join(
            f"{_label(model, d, lang)} {_number(v, lang)}" for d, v in ranked)))
    counts = metrics["counts"]
    elements = sum(counts["elements"].values())
    rows.append((words["counts"],
                 f"{elements} {words['elements']}, {counts['relations']} {words['relations']}"))
    return rows


def _grouped(analysis: Analysis) -> list[tuple[str, list[Finding]]]:
    return [(s, [f for f in analysis.findings if f.severity == s]) for s in SEVERITIES
            if any(f.severity == s for f in analysis.findings)]


def _waived_suffix(finding: Finding, lang: str) -> str:
    if not finding.waived:
        return ""
    note = f": {finding.waiver_note}" if finding.waiver_note else ""
    return f" [{ui(lang)['waived']}{note}]"


def to_text(analysis: Analysis, model: CommModel, file: str, lang: str) -> str:
    words = ui(lang)
    width = max(60, min(shutil.get_terminal_size((100, 24)).columns, 120))
    wrap: Callable[[str, str], str] = lambda text, indent: textwrap.fill(  # noqa: E731
        text, width, initial_indent=indent, subsequent_indent=indent + "  ", break_on_hyphens=False)
    lines = [f"{file}: {summary(analysis, lang)}", ""]
    if not analysis.findings:
        lines += [words["no_findings"], ""]
    for severity, findings in _grouped(analysis):
        lines.append(f"{words[_HEADINGS[severity]].upper()} ({len(findings)})")
        for finding in findings:
            title = RULES[finding.rule].title[lang]
            lines.append(wrap(f"{finding.rule} \u2014 {title}{_waived_suffix(finding, lang)}", "  "))
            lines.append(wrap(finding.message, "    "))
            lines.append(wrap(f"\u2192 {finding.recommendation}", "    "))
        lines.append("")
    lines.append(words["metrics"].upper())
    rows = metric_rows(analysis, model, lang)
    name_width = max(len(name) for name, _ in rows)
    for name, value in rows:
        lines.append(textwrap.fill(f"{name:<{name_width}}  {value}", width, initial_indent="  ",
                                   subsequent_indent=" " * (name_width + 6), break_on_hyphens=False))
    return "\n".join(lines)


def _md(text: str) -> str:
    """Escape what Markdown would read as markup in free text (labels come from users)."""
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return text


def to_markdown(analysis: Analysis, model: CommModel, file: str, lang: str) -> str:
    words = ui(lang)
    lines = [f"# {words['title']}: {_md(file)}", "", f"**{_md(summary(analysis, lang))}**", ""]
    if not analysis.findings:
        lines += [words["no_findings"], ""]
    for severity, findings in _grouped(analysis):
        lines += [f"## {words[_HEADINGS[severity]]} ({len(findings)})", ""]
        for finding in findings:
            title = RULES[finding.rule].title[lang]
            lines.append(f"- **{finding.rule}** \u2014 {_md(title)}{_md(_waived_suffix(finding, lang))}  ")
            lines.append(f"  {_md(finding.message)}  ")
            lines.append(f"  *{words['recommendation']}:* {_md(finding.recommendation)}")
        lines.append("")
    lines += [f"## {words['metrics']}", "", f"| {words['metric']} | {words['value']} |", "|---|---|"]
    lines += [f"| {_md(name)} | {_md(value)} |" for name, value in metric_rows(analysis, model, lang)]
    return "\n".join(lines)
