"""Readable diff reports: plain text for the terminal and Markdown, in German or English."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from commarch.model import ELEMENT_KINDS

from .texts import KIND_NAMES, METRIC_NAMES, RELATION_NAMES, language, t
from .types import FindingRef, MetricChange, ModelDiff, PropertyChange, is_empty

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


@dataclass(frozen=True)
class _Style:
    """How the two formats spell the same things."""

    arrow: str
    label: Callable[[str], str]
    code: Callable[[str], str]
    markers: dict[str, str]


_TEXT = _Style("->", lambda s: f'"{s}"', lambda s: f"({s})",
               {"added": "+", "removed": "-", "changed": "~", "moved": ">"})
_MD = _Style("→", lambda s: f"**{s.translate(_MD_SPECIAL)}**", lambda s: f"`{s}`",
             {"added": "➕", "removed": "➖", "changed": "✏️", "moved": "↔"})


def summary_line(diff: ModelDiff, lang: str | None = None, positions: bool = False, arrow: str = "->") -> str:
    """'score 41 -> 78 (+37), 12 findings resolved, 2 introduced' (or what the diff has of it)."""
    lang = language(lang or diff.lang)
    parts = []
    score = diff.metric("integration_score")
    if score is not None and (score.old is not None or score.new is not None):
        parts.append(t(lang, "score", old=_plain(score.old), new=_plain(score.new),
                       delta=_signed(score.delta)))
    if diff.findings is not None:
        parts.append(t(lang, "findings_summary", resolved=len(diff.findings.resolved),
                       introduced=len(diff.findings.introduced)))
    line = ", ".join(parts).replace("->", arrow)
    if is_empty(diff, positions=positions):
        same = t(lang, "same_but_moved", n=len(diff.moved)) if diff.moved else t(lang, "same")
        line = f"{line}; {same}" if line else same
    return line


def matching_line(diff: ModelDiff, lang: str) -> str:
    m = diff.matching
    key = {"id": "matching_id", "label": "matching_label", "id+label": "matching_mixed"}[m.used]
    return t(lang, key, by_id=m.by_id, by_label=m.by_label, shared=m.shared_ids)


def _plain(value: Any) -> str:
    return "—" if value is None else str(value)


def _signed(delta: float | int | None) -> str:
    if delta is None:
        return "—"
    return f"{delta:+d}" if isinstance(delta, int) else f"{delta:+.3f}".rstrip("0").rstrip(".")


def _value(value: Any, lang: str, style: _Style) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return t(lang, "yes" if value else "no")
    if isinstance(value, str):
        return f'"{value.translate(_MD_SPECIAL)}"' if style is _MD else f'"{value}"'
    if isinstance(value, list):
        return "[" + ", ".join(_value(v, lang, style) for v in value) + "]"
    return str(value)


def _change(change: PropertyChange, lang: str, style: _Style, diff: ModelDiff) -> str:
    if change.key in ("source", "target"):
        old = style.label(diff.old_labels.get(change.old, change.old))
        new = style.label(diff.new_labels.get(change.new, change.new))
    else:
        old, new = _value(change.old, lang, style), _value(change.new, lang, style)
    return f"{change.key}: {old} {style.arrow} {new}"


def _element_items(diff: ModelDiff, lang: str, style: _Style) -> list[tuple[str, list[str]]]:
    """Per kind (in format order): one line per added, removed, changed and moved element."""
    groups: list[tuple[str, list[str]]] = []
    for kind in ELEMENT_KINDS:
        m = style.markers
        lines = [f"{m['added']} {style.label(e.label)} {style.code(e.id)}"
                 for e in diff.added if e.kind == kind]
        lines += [f"{m['removed']} {style.label(e.label)} {style.code(e.id)}"
                  for e in diff.removed if e.kind == kind]
        lines += [f"{m['changed']} {style.label(c.label)} {style.code(c.id)}: "
                  + "; ".join(_change(p, lang, style, diff) for p in c.changes)
                  for c in diff.changed if c.kind == kind]
        lines += [f"{m['moved']} {style.label(v.label)} {style.code(v.id)}: ({v.old_x:g}, {v.old_y:g}) "
                  f"{style.arrow} ({v.new_x:g}, {v.new_y:g})" for v in diff.moved if v.kind == kind]
        if lines:
            groups.append((KIND_NAMES[lang][kind], lines))
    return groups


def _relation_items(diff: ModelDiff, lang: str, style: _Style) -> list[str]:
    names, m = RELATION_NAMES[lang], style.markers

    def phrase(kind: str, source: str, target: str) -> str:
        return f"{style.label(source)} {names.get(kind, kind)} {style.label(target)}"

    lines = [f"{m['added']} {phrase(r.kind, r.source_label, r.target_label)}"
             for r in diff.relations_added]
    lines += [f"{m['removed']} {phrase(r.kind, r.source_label, r.target_label)}"
              for r in diff.relations_removed]
    lines += [f"{m['changed']} {phrase(c.kind, c.source_label, c.target_label)}: "
              + "; ".join(_change(p, lang, style, diff) for p in c.changes) for c in diff.relations_changed]
    return lines


def _settings_items(diff: ModelDiff, lang: str, style: _Style) -> tuple[list[str], list[str], list[str]]:
    meta = [_change(c, lang, style, diff) for c in diff.meta]

    def setting(value: Any) -> str:
        state = t(lang, "enabled" if value.get("enabled", True) else "disabled")
        return f"{state}, {value.get('severity') or t(lang, 'severity_default')}"

    rules = [f"{r.rule}: {setting(r.old)} {style.arrow} {setting(r.new)}" for r in diff.rules]
    waivers = []
    for w in diff.waivers:
        labels = diff.old_labels if w.status == "removed" else diff.new_labels
        subjects = ", ".join(style.label(labels.get(s, s)) for s in w.subjects)
        waivers.append(t(lang, f"waiver_{w.status}", rule=w.rule, subjects=subjects,
                         old=_value(w.old_note, lang, style), new=_value(w.new_note, lang, style)))
    return meta, rules, waivers


def _finding(ref: FindingRef, style: _Style) -> str:
    text = ref.message.translate(_MD_SPECIAL) if style is _MD else ref.message
    return f"{ref.rule} ({ref.severity}): {text}"


def _metric_rows(diff: ModelDiff, lang: str) -> list[tuple[str, str, str, str]]:
    """(name, old, new, delta) for every scalar metric, and for changed counts and brokerage entries."""
    names = METRIC_NAMES[lang]
    rows = []
    for change in diff.metrics or ():
        group, dot, name = change.key.partition(".")
        if dot and not change.changed:
            continue
        if group == "brokerage":
            name = diff.new_labels.get(name) or diff.old_labels.get(name) or name
        elif group == "counts":
            name = _count_name(name, lang)
        title = f"{names.get(group, group)}: {name}" if dot else names.get(group, group)
        rows.append((title, *_metric_values(change, diff)))
    return rows


def _count_name(name: str, lang: str) -> str:
    head, _, rest = name.partition(".")
    if head == "elements":
        return KIND_NAMES[lang].get(rest, rest)
    if head == "relations" and not rest:
        return t(lang, "count_relations")
    if head in ("findings", "waived"):
        return t(lang, f"count_{head}", severity=rest)
    return name


def _metric_values(change: MetricChange, diff: ModelDiff) -> tuple[str, str, str]:
    if change.key == "coordinator_candidate":
        old = diff.old_labels.get(change.old, change.old) if change.old else None
        new = diff.new_labels.get(change.new, change.new) if change.new else None
        return _plain(old), _plain(new), "" if not change.changed else "≠"
    return _plain(change.old), _plain(change.new), _signed(change.delta) if change.changed else ""


def render_text(diff: ModelDiff, lang: str | None = None, *, positions: bool = False) -> str:
    """The diff for a terminal: summary, matching, then changes grouped by kind, findings, metrics."""
    return _render(diff, language(lang or diff.lang), _TEXT, positions)


def render_markdown(diff: ModelDiff, lang: str | None = None, *, positions: bool = False) -> str:
    """The diff as a Markdown report (headings, lists, a metrics table)."""
    return _render(diff, language(lang or diff.lang), _MD, positions)


def _render(diff: ModelDiff, lang: str, style: _Style, positions: bool) -> str:
    md = style is _MD
    out: list[str] = []

    def heading(text: str, level: int) -> None:
        if md:
            out.extend([*([""] if out[-1:] != [""] else []), "#" * level + " " + text, ""])
        elif level <= 2:
            out.extend(["", text, "=" * len(text) if level == 1 else "-" * len(text)])
        else:
            out.append(f"  {text}")

    def items(lines: list[str], indent: str = "  ") -> None:
        out.extend(f"- {line}" if md else f"{indent}{line}" for line in lines)

    title = t(lang, "title")
    if diff.old_title or diff.new_title:
        title += f": {diff.old_title or '?'} {style.arrow} {diff.new_title or '?'}"
    out.append(f"# {title.translate(_MD_SPECIAL)}" if md else title)
    out.append("")
    summary = summary_line(diff, lang, positions, style.arrow)
    counts = [t(lang, "elements_summary", added=len(diff.added), removed=len(diff.removed),
                changed=len(diff.changed), moved=len(diff.moved)),
              t(lang, "relations_summary", added=len(diff.relations_added),
                removed=len(diff.relations_removed), changed=len(diff.relations_changed))]
    if summary:
        out.append(f"**{summary}**" if md else summary)
    out.extend([f"{line}  " if md else line for line in counts])
    out.append(matching_line(diff, lang))
    if diff.moved and not positions:
        out.append(t(lang, "positions_note", n=len(diff.moved)))
    groups = _element_items(diff, lang, style)
    if groups:
        heading(t(lang, "elements"), 2)
        for kind_name, lines in groups:
            heading(kind_name, 3)
            items(lines, "    ")
    relations = _relation_items(diff, lang, style)
    if relations:
        heading(t(lang, "relations"), 2)
        items(relations)
    for key, lines in zip(("meta", "rules", "waivers"), _settings_items(diff, lang, style), strict=True):
        if lines:
            heading(t(lang, key), 2)
            items(lines)
    if diff.findings is None:
        out.extend(["", t(lang, "no_analysis")])
    else:
        for key, found in (("findings_resolved", diff.findings.resolved),
                           ("findings_introduced", diff.findings.introduced)):
            if found:
                heading(t(lang, key), 2)
                items([_finding(f, style) for f in found])
        out.extend(["", t(lang, "findings_unchanged", n=len(diff.findings.unchanged))])
        if diff.findings.waived:
            out.append(t(lang, "findings_waived", n=len(diff.findings.waived)))
    rows = _metric_rows(diff, lang)
    if rows:
        heading(t(lang, "metrics"), 2)
        _table(out, rows, (t(lang, "metric"), t(lang, "old"), t(lang, "new"), t(lang, "delta")), md, style)
    return "\n".join(out).strip("\n") + "\n"


def _table(out: list[str], rows: list[tuple[str, str, str, str]], header: tuple[str, ...], md: bool,
           style: _Style) -> None:
    if md:
        out.append("| " + " | ".join(header) + " |")
        out.append("|---|---:|---:|---:|")
        out.extend("| " + " | ".join(cell.translate(_MD_SPECIAL) for cell in row) + " |" for row in rows)
        return
    width = max(len(row[0]) for row in rows)
    for name, old, new, delta in rows:
        out.append(f"  {name:<{width}}  {old:>6} {style.arrow} {new:<6} {delta}".rstrip())
