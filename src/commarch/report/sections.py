"""The analytic sections: coverage heatmap, responsibility matrix, coordination, brokerage, power grid."""

from __future__ import annotations

from typing import Any

from . import charts
from .blocks import Block, Chart, Heading, Paragraph, Section, Table
from .context import Context

HEATMAP_LIMIT = 40  # rows or columns beyond this make the cells too small to read on A4
BAR_LIMIT = 15
MATRIX_COLUMNS = 8  # departments per responsibility table, so a column stays wide enough for a label
_PRIORITY_RANK = {"high": 0, "medium": 1, "low": 2}


def _chart(key: str, title: str, chart: charts.SvgChart) -> Chart:
    return Chart(key, title, chart.svg, chart.aspect, title, chart.width)


def _priority(ctx: Context, priority: str) -> str:
    return ctx.t.get(f"prio_{priority}", priority)


def coverage_section(ctx: Context) -> Section:
    t = ctx.t
    stakeholders = sorted(ctx.kind("stakeholder"), key=lambda s: _PRIORITY_RANK.get(s.priority, 1))
    if not stakeholders:
        return Section("coverage", t["sec_coverage"], (Paragraph(t["no_stakeholders"]),))
    channels = {c.id: c for c in ctx.kind("channel")}
    blocks: list[Block] = [Paragraph(t["coverage_intro"])]
    shown_s = stakeholders[:HEATMAP_LIMIT]
    shown_ids = {s.id for s in shown_s}
    degree = {c: sum(1 for s in ctx.targets("reaches", c) if s in shown_ids) for c in channels}
    shown_c = sorted(channels.values(), key=lambda c: (-degree[c.id], c.label.casefold(), c.id))[:HEATMAP_LIMIT]
    shown_c.sort(key=lambda c: (c.label.casefold(), c.id))
    if shown_c:
        cells = []
        for channel in shown_c:
            reached = set(ctx.targets("reaches", channel.id))
            level = 2 if channel.two_way else 1
            cells.append([level if s.id in reached else 0 for s in shown_s])
        chart = charts.coverage_heatmap([c.label for c in shown_c], [s.label for s in shown_s], cells,
                                        (t["coverage_legend_one"], t["coverage_legend_two"]))
        blocks.append(_chart("coverage", t["chart_coverage"], chart))
        for shown, total, what in ((len(shown_s), len(stakeholders), "stakeholders_word"),
                                   (len(shown_c), len(channels), "channels_word")):
            if shown < total:
                blocks.append(Paragraph(t["coverage_truncated"].format(shown=shown, total=total, what=t[what]),
                                        "muted"))
    rows = []
    for s in stakeholders:
        reach = ctx.sources("reaches", s.id)
        departments = {d for c in reach for d in ctx.sources("operates", c)}
        dialog = (ctx.yes_no(any(channels[c].two_way for c in reach if c in channels))
                  if s.needs_dialog else t["none"])
        rows.append((s.label, _priority(ctx, s.priority), ctx.names(set(reach)), ctx.names(departments), dialog))
    blocks.append(Heading(t["coverage_table_intro"]))
    blocks.append(Table((t["col_stakeholder"], t["col_priority"], t["col_channels"], t["col_departments"],
                         t["col_dialog"]), tuple(rows), (3, 1.2, 3.5, 3, 1.1)))
    return Section("coverage", t["sec_coverage"], tuple(blocks))


def responsibility_section(ctx: Context) -> Section:
    t = ctx.t
    channels, departments = ctx.kind("channel"), ctx.kind("department")
    if not channels:
        return Section("responsibility", t["sec_responsibility"], (Paragraph(t["no_channels"]),))
    roles: dict[tuple[str, str], str] = {}
    for channel in channels:
        for dept, relation in ctx.into.get("operates", {}).get(channel.id, ()):
            roles[(dept, channel.id)] = t["resp_lead"] if relation.role == "lead" else t["resp_contrib"]
    blocks: list[Block] = [Paragraph(t["resp_intro"])]
    chunks = [departments[i:i + MATRIX_COLUMNS] for i in range(0, max(len(departments), 1), MATRIX_COLUMNS)]
    for n, chunk in enumerate(chunks):
        if len(chunks) > 1:
            blocks.append(Heading(t["resp_part"].format(a=n * MATRIX_COLUMNS + 1,
                                                        b=n * MATRIX_COLUMNS + len(chunk), n=len(departments))))
        rows = []
        for channel in channels:
            ops = ctx.into.get("operates", {}).get(channel.id, ())
            leads = sum(1 for _, r in ops if r.role == "lead")
            clear = bool(ops) and (len(ops) == 1 or leads == 1)
            rows.append((channel.label, *(roles.get((d.id, channel.id), "") for d in chunk), ctx.yes_no(clear)))
        columns = (t["col_channel"], *(d.label for d in chunk), t["col_owner"])
        blocks.append(Table(columns, tuple(rows), (3.2, *(1.0,) * len(chunk), 1.3),
                            rotated=frozenset(range(1, len(chunk) + 1))))
    return Section("responsibility", t["sec_responsibility"], tuple(blocks))


def coordination_groups(ctx: Context) -> list[list[str]]:
    """Departments joined by `coordinates` relations, as groups that hold an active department."""
    parent = {d.id: d.id for d in ctx.by_kind.get("department", ())}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for relation in ctx.model.relations:
        if relation.kind == "coordinates" and relation.source in parent and relation.target in parent:
            parent[root(relation.source)] = root(relation.target)
    active = {d for d, targets in ctx.out.get("operates", {}).items() if targets}
    groups: dict[str, list[str]] = {}
    for dept in parent:
        groups.setdefault(root(dept), []).append(dept)
    found = [sorted(g, key=lambda d: ctx.labels[d].casefold()) for g in groups.values() if active & set(g)]
    return sorted(found, key=lambda g: (-len(g), ctx.labels[g[0]].casefold()))


def coordination_section(ctx: Context) -> Section:
    t = ctx.t
    groups = coordination_groups(ctx)
    blocks: list[Block] = [Paragraph(t["coord_intro"])]
    if not groups:
        blocks.append(Paragraph(t["silos_zero"], "lead"))
    elif len(groups) == 1:
        blocks.append(Paragraph(t["silos_one"], "lead"))
    else:
        blocks.append(Paragraph(t["silos_many"].format(n=len(groups)), "lead"))
    coordinators = [d.id for d in ctx.kind("department") if d.coordinator]
    blocks.append(Paragraph(t["coordinators"].format(names=ctx.names(coordinators)) if coordinators
                            else t["no_coordinator"]))
    pairs = []
    for relation in ctx.model.relations:
        if relation.kind == "coordinates":
            pairs.append((ctx.labels.get(relation.source, relation.source),
                          ctx.labels.get(relation.target, relation.target), relation.cadence or t["none"]))
    blocks.append(Heading(t["coord_pairs"]))
    if pairs:
        pairs.sort(key=lambda p: (p[0].casefold(), p[1].casefold()))
        blocks.append(Table((t["col_dept_a"], t["col_dept_b"], t["col_cadence"]), tuple(pairs), (3, 3, 2)))
    else:
        blocks.append(Paragraph(t["coord_none"]))
    if groups:
        blocks.append(Heading(t["silo_groups"]))
        rows = tuple((str(n), ctx.names(g)) for n, g in enumerate(groups, 1))
        blocks.append(Table((t["col_group"], t["col_members"]), rows, (1, 8), frozenset({0})))
    return Section("coordination", t["sec_coordination"], tuple(blocks))


def brokerage_section(ctx: Context) -> Section:
    t = ctx.t
    brokerage: dict[str, float] = ctx.metrics.get("brokerage") or {}
    candidate = ctx.metrics.get("coordinator_candidate")
    blocks: list[Block] = [Paragraph(t["brok_intro"])]
    if candidate in ctx.labels:
        blocks.append(Paragraph(t["brok_candidate"].format(
            name=ctx.labels[candidate], value=ctx.decimal(brokerage.get(candidate, 0.0))), "lead"))
    else:
        blocks.append(Paragraph(t["brok_none"], "lead"))
    departments = sorted(ctx.by_kind.get("department", ()),
                         key=lambda d: (-brokerage.get(d.id, 0.0), d.label.casefold(), d.id))
    if departments and brokerage:
        items = [(d.label, float(brokerage.get(d.id, 0.0)), d.id == candidate) for d in departments[:BAR_LIMIT]]
        chart = charts.brokerage_bars(items, t["col_brokerage"])
        blocks.append(_chart("brokerage", t["chart_brokerage"], chart))
    if departments:
        from .inventory import function_name

        rows = tuple((d.label, function_name(ctx, d.function), ctx.decimal(brokerage.get(d.id, 0.0)),
                      ctx.yes_no(d.coordinator)) for d in departments)
        blocks.append(Table((t["col_department"], t["col_function"], t["col_brokerage"], t["col_coordinator"]),
                            rows, (4, 2, 1.4, 1.4), frozenset({2})))
    return Section("brokerage", t["sec_brokerage"], tuple(blocks))


def quadrant(ctx: Context, influence: int, interest: int) -> str:
    high_influence, high_interest = influence >= 4, interest >= 4
    if high_influence:
        return ctx.t["q_manage"] if high_interest else ctx.t["q_satisfy"]
    return ctx.t["q_inform"] if high_interest else ctx.t["q_monitor"]


def power_section(ctx: Context) -> Section:
    t = ctx.t
    stakeholders = ctx.kind("stakeholder")
    if not stakeholders:
        return Section("power", t["sec_power"], (Paragraph(t["no_stakeholders"]),))
    points = [(s.label, s.interest, s.influence, s.priority, s.internal) for s in stakeholders]
    chart = charts.power_grid(points, (t["interest"], t["influence"]),
                              (t["q_manage"], t["q_satisfy"], t["q_inform"], t["q_monitor"]),
                              (t["external"], t["internal"]))
    ordered: list[Any] = sorted(stakeholders, key=lambda s: (-s.influence - s.interest, s.label.casefold()))
    rows = tuple((s.label, str(s.influence), str(s.interest), _priority(ctx, s.priority),
                  quadrant(ctx, s.influence, s.interest)) for s in ordered)
    return Section("power", t["sec_power"], (
        Paragraph(t["power_intro"]),
        _chart("power", t["chart_power"], chart),
        Table((t["col_stakeholder"], t["col_influence"], t["col_interest"], t["col_priority"], t["col_quadrant"]),
              rows, (4, 1.2, 1.2, 1.3, 2.2), frozenset({1, 2})),
    ))
