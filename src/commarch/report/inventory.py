"""The element inventory: one table per kind with its properties, and the notes on elements."""

from __future__ import annotations

from .blocks import Block, Heading, Paragraph, Section, Table
from .context import Context
from .texts import CHANNEL_TYPES, FUNCTIONS


def function_name(ctx: Context, function: str) -> str:
    return FUNCTIONS[ctx.lang].get(function, function)


def _tags(ctx: Context, tags: list[str]) -> str:
    return ", ".join(tags) if tags else ctx.t["none"]


def inventory_section(ctx: Context) -> Section:
    t = ctx.t
    blocks: list[Block] = [Paragraph(t["inv_intro"])]

    def add(kind: str, columns: tuple[str, ...], rows: list[tuple[str, ...]], widths: tuple[float, ...],
            numeric: frozenset[int] = frozenset()) -> None:
        if rows:
            blocks.append(Heading(f"{t[f'kind_{kind}']} ({len(rows)})"))
            blocks.append(Table(columns, tuple(rows), widths, numeric))

    add("stakeholder",
        (t["col_label"], t["col_priority"], t["col_dialog"], t["col_internal"], t["col_influence"],
         t["col_interest"], t["col_responsible"], t["col_tags"]),
        [(s.label, t.get(f"prio_{s.priority}", s.priority), ctx.yes_no(s.needs_dialog), ctx.yes_no(s.internal),
          str(s.influence), str(s.interest), ctx.names(ctx.sources("responsible_for", s.id)), _tags(ctx, s.tags))
         for s in ctx.kind("stakeholder")],
        (3.2, 1.2, 1.1, 1.0, 1.1, 1.1, 2.4, 1.6), frozenset({4, 5}))
    types = CHANNEL_TYPES[ctx.lang]
    add("channel",
        (t["col_label"], t["col_type"], t["col_platform"], t["col_two_way"], t["col_operators"],
         t["col_reaches"], t["col_tags"]),
        [(c.label, types.get(c.channel_type, c.channel_type), c.platform or t["none"], ctx.yes_no(c.two_way),
          ctx.names(ctx.sources("operates", c.id)), str(len(ctx.targets("reaches", c.id))), _tags(ctx, c.tags))
         for c in ctx.kind("channel")],
        (3.0, 1.5, 1.5, 1.0, 2.6, 1.1, 1.5), frozenset({5}))
    add("department",
        (t["col_label"], t["col_function"], t["col_coordinator"], t["col_channels"], t["col_responsible"],
         t["col_tags"]),
        [(d.label, function_name(ctx, d.function), ctx.yes_no(d.coordinator),
          str(len(ctx.targets("operates", d.id))), ctx.names(ctx.targets("responsible_for", d.id)),
          _tags(ctx, d.tags)) for d in ctx.kind("department")],
        (3.0, 1.6, 1.3, 1.0, 3.0, 1.5), frozenset({3}))
    add("goal", (t["col_label"], t["col_kpi"], t["col_served_by"], t["col_tags"]),
        [(g.label, g.kpi or t["none"], ctx.names(ctx.sources("serves", g.id)), _tags(ctx, g.tags))
         for g in ctx.kind("goal")],
        (3.0, 2.5, 3.5, 1.5))
    add("topic", (t["col_label"], t["col_carried_by"], t["col_serves"], t["col_responsible"], t["col_tags"]),
        [(p.label, ctx.names(ctx.sources("carries", p.id)), ctx.names(ctx.targets("serves", p.id)),
          ctx.names(ctx.sources("responsible_for", p.id)), _tags(ctx, p.tags)) for p in ctx.kind("topic")],
        (3.0, 2.6, 2.0, 2.0, 1.4))

    # Notes get a table of their own with a wide column: a 5,000-character note stays readable there.
    noted = [(e.label, e.notes) for kind in ("stakeholder", "channel", "department", "goal", "topic")
             for e in ctx.kind(kind) if e.notes.strip()]
    noted += [(t["kind_note"], n.label + (f"\n{n.notes}" if n.notes.strip() else "")) for n in ctx.kind("note")]
    if noted:
        blocks.append(Heading(t["inv_notes"]))
        blocks.append(Table((t["col_element"], t["col_note"]), tuple(noted), (1.0, 3.0)))
    return Section("inventory", t["sec_inventory"], tuple(blocks))
