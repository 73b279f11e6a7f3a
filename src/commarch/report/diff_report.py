"""`build_diff_report`: the "what changed" report of a ModelDiff — score then and now, findings, changes, diagrams."""

from __future__ import annotations

from datetime import date
from typing import Any

from commarch.diff import FindingRef, MetricChange, ModelDiff, PropertyChange
from commarch.diff.texts import KIND_NAMES, METRIC_NAMES, RELATION_NAMES
from commarch.model import ELEMENT_KINDS, CommModel

from .blocks import (
    Block,
    BulletList,
    Chart,
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
    Table,
)
from .build import SEVERITIES, WORD_KEYS, badges, rule_texts
from .context import Context
from .diff_texts import diff_texts
from .texts import language, texts

RATIOS = ("coverage", "dialog_coverage", "ownership", "coordination", "parallel_free")


class _Words:
    """The diff report's words over the architecture report's (for shared terms like 'Coverage')."""

    def __init__(self, lang: str):
        self.base, self.own = texts(lang), diff_texts(lang)

    def __getitem__(self, key: str) -> str:
        return self.own[key] if key in self.own else self.base[key]


def build_diff_report(
    diff: ModelDiff, old: CommModel, new: CommModel, *, lang: str | None = None, old_name: str = "",
    new_name: str = "", marked_svg: tuple[str, float, float] | None = None,
    old_findings: list[Any] | None = None,
) -> ReportData:
    """The comparison report of `old` -> `new` in `lang` (default: the diff's language).

    `marked_svg` is (svg, aspect, width) of the new diagram with change markers (drawn by
    `commarch.render.diff_markers`); without it the new diagram is drawn plain. `old_findings` are the
    old model's findings, for badges on the "before" diagram. Finding messages come from the diff, so
    compute the diff in the same language.
    """
    lang = language(lang or diff.lang)
    t = _Words(lang)
    ctx = Context.build(new, [], {}, lang)
    old_label = diff.old_title or old_name or t["before"]
    new_label = diff.new_title or new_name or t["after"]
    sections = [
        _summary(diff, t, ctx),
        _findings(diff, t, lang),
        Section("before", t["sec_before"], (
            Diagram(t["before_caption"].format(name=old_label), key="old",
                    badges=badges(old_findings or [])),)),
    ]
    if marked_svg is not None:
        svg, aspect, width = marked_svg
        after: Block = Chart("after", t["after_caption"].format(name=new_label), svg, aspect,
                             t["sec_after"], width)
    else:
        after = Diagram(t["after_caption_plain"].format(name=new_label), key="new")
    sections.append(Section("after", t["sec_after"], (after,)))
    sections.append(_changes(diff, t, lang))
    if diff.metrics:
        sections.append(_metrics(diff, t, ctx))
    words = {key: ctx.t[key] for key in WORD_KEYS}
    words["report_title"] = t["report_title"]
    return ReportData(lang=lang, cover=_cover(diff, t, ctx, old_label, new_label, old_name, new_name),
                      sections=tuple(sections), words=words)


def _cover(diff: ModelDiff, t: _Words, ctx: Context, old_label: str, new_label: str, old_name: str,
           new_name: str) -> Cover:
    title = diff.new_title or diff.old_title or t["untitled"]
    fields = [(t["before"], old_label), (t["after"], new_label)]
    if old_name and new_name and (old_name, new_name) != (old_label, new_label):
        fields.append((t["files"], f"{old_name} \u2192 {new_name}"))
    meta = ctx.model.meta
    if meta is not None and meta.client:
        fields.append((ctx.t["client"], meta.client))
    fields.append((t["date"], ctx.day(date.today())))
    return Cover(title=title, subtitle=t["report_title"], fields=tuple(fields))


# --- summary ---------------------------------------------------------------------------------------

def _num(value: Any, ctx: Context) -> str:
    if value is None:
        return ctx.t["na"]
    if isinstance(value, float):
        return ctx.decimal(value)
    return str(value)


def _signed(delta: float | int | None, ctx: Context, *, percent: bool = False) -> str:
    if delta is None:
        return ""
    if percent:
        delta = round(delta * 100)
    if isinstance(delta, int):
        return f"{delta:+d}".replace("-", "\u2212")
    return _num(delta, ctx).replace("-", "\u2212") if delta < 0 else "+" + _num(delta, ctx)


def _tone(score: Any) -> str:
    if not isinstance(score, int | float):
        return "neutral"
    return "good" if score >= 80 else "fair" if score >= 50 else "poor"


def _summary(diff: ModelDiff, t: _Words, ctx: Context) -> Section:
    score = diff.metric("integration_score")
    sentences = []
    if score is None or (score.old is None and score.new is None):
        sentences.append(t["score_none"])
    elif score.delta is None or score.delta == 0:
        sentences.append(t["score_same"].format(new=_num(score.new, ctx)))
    else:
        key = "score_up" if score.delta > 0 else "score_down"
        sentences.append(t[key].format(old=_num(score.old, ctx), new=_num(score.new, ctx),
                                       delta=_signed(score.delta, ctx)))
    found = diff.findings
    if found is None:
        sentences.append(t["findings_line_none"])
    else:
        sentences.append(t["findings_line"].format(resolved=len(found.resolved), introduced=len(found.introduced),
                                                   unchanged=len(found.unchanged)))
    candidate = diff.metric("coordinator_candidate")
    if candidate is not None and candidate.new is not None:
        def quoted(name: str) -> str:
            return f"\u201e{name}\u201c" if ctx.lang == "de" else f"\u201c{name}\u201d"

        new_name = quoted(diff.new_labels.get(candidate.new, candidate.new))
        if candidate.changed and candidate.old is not None:
            sentences.append(t["candidate_changed"].format(
                new=new_name, old=quoted(diff.old_labels.get(candidate.old, candidate.old))))
        else:
            sentences.append(t["candidate_same"].format(new=new_name))
    figures = []
    if score is not None:
        figures.append(KeyFigure(t["score"], f"{_num(score.old, ctx)} \u2192 {_num(score.new, ctx)}",
                                 f"{t['score_note']} ({_signed(score.delta, ctx) or '±0'})", _tone(score.new)))  # type: ignore[arg-type]
    if found is not None:
        before_open = len(found.resolved) + len(found.unchanged)
        figures += [
            KeyFigure(t["resolved"], str(len(found.resolved)), t["resolved_note"],
                      "good" if found.resolved else "neutral"),
            KeyFigure(t["introduced"], str(len(found.introduced)), t["introduced_note"],
                      "poor" if found.introduced else "good"),
            KeyFigure(t["open_now"], str(len(found.introduced) + len(found.unchanged)),
                      t["open_now_note"].format(n=before_open)),
        ]
    figures += [
        KeyFigure(t["elements"], f"{len(diff.added)} / {len(diff.removed)} / {len(diff.changed)}",
                  t["elements_note"]),
        KeyFigure(t["relations"], f"{len(diff.relations_added)} / {len(diff.relations_removed)} / "
                  f"{len(diff.relations_changed)}", t["relations_note"]),
    ]
    blocks: list[Block] = [Paragraph(" ".join(sentences), "lead"), KeyFigures(tuple(figures))]
    rows = []
    for key in RATIOS:
        change = diff.metric(key)
        if change is not None:
            rows.append((ctx.t[key], ctx.percent(change.old), ctx.percent(change.new),
                         t["points"].format(delta=_signed(change.delta, ctx, percent=True))
                         if change.delta else ""))
    if rows:
        blocks += [Heading(t["ratios"]), Table((t["col_metric"], t["col_before"], t["col_after"],
                                                t["col_change"]), tuple(rows), (3, 1.2, 1.2, 1.2),
                                               frozenset({1, 2, 3}))]
    blocks.append(Paragraph(_matching(diff, t), "muted"))
    return Section("summary", t["sec_summary"], tuple(blocks))


def _matching(diff: ModelDiff, t: _Words) -> str:
    m = diff.matching
    if m.used == "id":
        return t["matching_id"].format(n=m.by_id)
    if m.used == "label":
        return t["matching_label"].format(n=m.by_label)
    return t["matching_mixed"].format(a=m.by_id, b=m.by_label)


# --- findings --------------------------------------------------------------------------------------

def _groups(found: tuple[FindingRef, ...], labels: Any, lang: str) -> list[FindingGroup]:
    by_rule: dict[tuple[str, str], list[FindingRef]] = {}
    for ref in found:
        by_rule.setdefault((ref.severity, ref.rule), []).append(ref)
    groups = []
    for severity in SEVERITIES:
        for (sev, rule), members in by_rule.items():
            if sev == severity:
                title, explanation = rule_texts(rule, lang)
                items = tuple(FindingItem(r.message, r.recommendation, tuple(labels.get(s, s) for s in r.subjects))
                              for r in members)
                groups.append(FindingGroup(severity, rule, title, explanation, items))  # type: ignore[arg-type]
    return groups


def _findings(diff: ModelDiff, t: _Words, lang: str) -> Section:
    found = diff.findings
    if found is None:
        return Section("findings", t["sec_findings"], (Paragraph(t["findings_line_none"]),))
    blocks: list[Block] = [Heading(t["resolved_heading"].format(n=len(found.resolved)))]
    blocks += _groups(found.resolved, diff.old_labels, lang) or [Paragraph(t["no_resolved"])]
    blocks.append(Heading(t["introduced_heading"].format(n=len(found.introduced))))
    blocks += _groups(found.introduced, diff.new_labels, lang) or [Paragraph(t["no_introduced"])]
    notes = [t["unchanged"].format(n=len(found.unchanged))]
    if found.waived:
        notes.append(t["waived"].format(n=len(found.waived)))
    blocks.append(Paragraph(" ".join(notes), "muted"))
    return Section("findings", t["sec_findings"], tuple(blocks))


# --- changes ---------------------------------------------------------------------------------------

def _value(value: Any, t: _Words) -> str:
    if value is None or value == "":
        return t["none"]
    if isinstance(value, bool):
        return t["yes" if value else "no"]
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or t["none"]
    if isinstance(value, str):
        return f"\u201c{value}\u201d"
    return str(value)


def change_text(change: PropertyChange, diff: ModelDiff, t: _Words) -> str:
    """'two_way: no → yes'; relation ends by their labels."""
    if change.key in ("source", "target"):
        old = diff.old_labels.get(change.old, change.old)
        new = diff.new_labels.get(change.new, change.new)
        return f"{change.key}: {_value(old, t)} \u2192 {_value(new, t)}"
    return f"{change.key}: {_value(change.old, t)} \u2192 {_value(change.new, t)}"


def _changes(diff: ModelDiff, t: _Words, lang: str) -> Section:
    blocks: list[Block] = [Paragraph(t["changes_intro"])]
    kinds = KIND_NAMES.get(lang, KIND_NAMES["en"])
    for kind in ELEMENT_KINDS:
        rows = [(t["st_added"], e.label, "") for e in diff.added if e.kind == kind]
        rows += [(t["st_removed"], e.label, "") for e in diff.removed if e.kind == kind]
        rows += [(t["st_changed"], c.label, "; ".join(change_text(p, diff, t) for p in c.changes))
                 for c in diff.changed if c.kind == kind]
        rows += [(t["st_moved"], m.label, t["moved_from"].format(ox=f"{m.old_x:g}", oy=f"{m.old_y:g}",
                                                                 nx=f"{m.new_x:g}", ny=f"{m.new_y:g}"))
                 for m in diff.moved if m.kind == kind]
        if rows:
            blocks.append(Heading(f"{kinds.get(kind, kind)} ({len(rows)})"))
            blocks.append(Table((t["col_status"], t["col_name"], t["col_details"]), tuple(rows), (1.2, 3, 5)))
    rel_names = RELATION_NAMES.get(lang, RELATION_NAMES["en"])
    rel_rows = [(t["st_added"], r.source_label, rel_names.get(r.kind, r.kind), r.target_label, "")
                for r in diff.relations_added]
    rel_rows += [(t["st_removed"], r.source_label, rel_names.get(r.kind, r.kind), r.target_label, "")
                 for r in diff.relations_removed]
    rel_rows += [(t["st_changed"], c.source_label, rel_names.get(c.kind, c.kind), c.target_label,
                  "; ".join(change_text(p, diff, t) for p in c.changes)) for c in diff.relations_changed]
    if rel_rows:
        blocks.append(Heading(f"{t['relations']} ({len(rel_rows)})"))
        blocks.append(Table((t["col_status"], t["col_from"], t["col_relation"], t["col_to"], t["col_details"]),
                            tuple(rel_rows), (1.2, 2.6, 1.8, 2.6, 2.4)))
    meta = [change_text(c, diff, t) for c in diff.meta if c.key != "modified"]
    if meta:
        blocks += [Heading(t["document"]), BulletList(tuple(meta))]

    def setting(value: Any) -> str:
        state = t["enabled" if value.get("enabled", True) else "disabled"]
        return f"{state}, {value.get('severity') or t['default_severity']}"

    if diff.rules:
        blocks += [Heading(t["rules"]), BulletList(tuple(
            f"{r.rule}: {setting(r.old)} \u2192 {setting(r.new)}" for r in diff.rules))]
    if diff.waivers:
        items = []
        for w in diff.waivers:
            labels = diff.old_labels if w.status == "removed" else diff.new_labels
            items.append(t[f"waiver_{w.status}"].format(rule=w.rule, subjects=", ".join(
                labels.get(s, s) for s in w.subjects)))
        blocks += [Heading(t["waivers"]), BulletList(tuple(items))]
    if len(blocks) == 1:
        blocks.append(Paragraph(t["no_changes"], "lead"))
    return Section("changes", t["sec_changes"], tuple(blocks))


# --- metrics ---------------------------------------------------------------------------------------

def _metric_name(change: MetricChange, diff: ModelDiff, t: _Words, lang: str) -> str:
    names = METRIC_NAMES.get(lang, METRIC_NAMES["en"])
    group, dot, name = change.key.partition(".")
    if not dot:
        if group == "integration_score":
            return t["score"]
        return t[group] if group in RATIOS else names.get(group, group)
    if group == "brokerage":
        return f"{names['brokerage']}: {diff.new_labels.get(name) or diff.old_labels.get(name) or name}"
    head, _, rest = name.partition(".")
    if head == "elements":
        what = KIND_NAMES.get(lang, KIND_NAMES["en"]).get(rest, rest)
    elif head == "relations" and not rest:
        what = t["count_relations"]
    elif head in ("findings", "waived"):
        what = t[f"count_{head}"].format(severity=rest)
    else:
        what = name
    return f"{names.get('counts', 'count')}: {what}"


def metric_rows(diff: ModelDiff, lang: str | None = None) -> list[tuple[str, str, str, str]]:
    """(metric, before, after, change) as the report words them: every scalar metric, and the counts
    and brokerage entries that changed. Shared with the compare view."""
    lang = language(lang or diff.lang)
    t, ctx = _Words(lang), Context.build(CommModel.empty(), [], {}, lang)
    rows = []
    for change in diff.metrics or ():
        if "." in change.key and not change.changed:
            continue
        name = _metric_name(change, diff, t, lang)
        name = name[:1].upper() + name[1:]
        if change.key == "coordinator_candidate":
            old = diff.old_labels.get(change.old, change.old) if change.old else None
            new = diff.new_labels.get(change.new, change.new) if change.new else None
            rows.append((name, old or t["none"], new or t["none"], "\u2260" if change.changed else ""))
        elif change.key in RATIOS:
            rows.append((name, ctx.percent(change.old), ctx.percent(change.new),
                         t["points"].format(delta=_signed(change.delta, ctx, percent=True)) if change.delta else ""))
        else:
            rows.append((name, _num(change.old, ctx), _num(change.new, ctx),
                         _signed(change.delta, ctx) if change.changed else ""))
    return rows


def _metrics(diff: ModelDiff, t: _Words, ctx: Context) -> Section:
    return Section("metrics", t["sec_metrics"], (
        Paragraph(t["metrics_intro"]),
        Table((t["col_metric"], t["col_before"], t["col_after"], t["col_change"]),
              tuple(metric_rows(diff, ctx.lang)), (4, 1.5, 1.5, 1.2), frozenset({1, 2, 3}))))
