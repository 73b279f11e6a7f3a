"""The report as Markdown: the same sections as text and tables; charts are named, not drawn."""

from __future__ import annotations

import re

from .blocks import (
    Block,
    BulletList,
    Chart,
    Diagram,
    FindingGroup,
    Heading,
    KeyFigures,
    Paragraph,
    ReportData,
    Table,
)

# Characters that would turn text into markup: emphasis, code, links, raw HTML, math ($ on GitHub),
# table cells. A backslash makes each one literal in CommonMark and GitHub-flavoured Markdown.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|$~#])")


def md_escape(text: str) -> str:
    """`text` as literal Markdown inline text on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _cell(text: str) -> str:
    return md_escape(text) or " "


def _table(table: Table) -> list[str]:
    align = ["---:" if i in table.numeric else "---" for i in range(len(table.columns))]
    lines = ["| " + " | ".join(_cell(c) for c in table.columns) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
    return [*lines, ""]


def _block(block: Block, data: ReportData) -> list[str]:
    if isinstance(block, Paragraph):
        text = md_escape(block.text)
        return [f"**{text}**" if block.style == "lead" else f"*{text}*" if block.style == "muted" else text, ""]
    if isinstance(block, Heading):
        return [f"### {md_escape(block.text)}", ""]
    if isinstance(block, BulletList):
        return [*(f"- {md_escape(i)}" for i in block.items), ""]
    if isinstance(block, KeyFigures):
        return [*(f"- **{md_escape(f.label)}:** {md_escape(f.value)} ({md_escape(f.note)})" for f in block.items),
                ""]
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Chart):
        return [f"*\\[{md_escape(block.title)}: {md_escape(data.word('md_chart'))}\\]*", ""]
    if isinstance(block, Diagram):
        return [f"*{md_escape(block.caption)}* ({data.word('md_diagram')})", ""]
    if isinstance(block, FindingGroup):
        tag = data.word(f"sev_{block.severity}_one")
        lines = [f"#### {md_escape(tag[:1].upper() + tag[1:])}: {md_escape(block.title)} (`{block.rule}`)", ""]
        if block.explanation:
            lines += [f"*{md_escape(block.explanation)}*", ""]
        for item in block.items:
            lines.append(f"- {md_escape(item.message)}")
            if item.recommendation:
                lines.append(f"  **{md_escape(data.word('next_step'))}:** {md_escape(item.recommendation)}")
            if item.note:
                lines.append(f"  **{md_escape(data.word('waiver_note'))}:** {md_escape(item.note)}")
        return [*lines, ""]
    raise TypeError(f"unknown report block {type(block).__name__}")


def render_markdown(data: ReportData) -> str:
    cover = data.cover
    out = [f"# {md_escape(cover.title)}", "", f"*{md_escape(cover.subtitle)}*", ""]
    out += [f"- **{md_escape(k)}:** {md_escape(v)}" for k, v in cover.fields]
    out.append("")
    if cover.description:
        out += [md_escape(cover.description), ""]
    out += [f"## {md_escape(data.word('contents'))}", ""]
    out += [f"{n}. {md_escape(s.title)}" for n, s in enumerate(data.sections, 1)]
    out.append("")
    for number, section in enumerate(data.sections, 1):
        out += [f"## {number}. {md_escape(section.title)}", ""]
        for block in section.blocks:
            out += _block(block, data)
    out += ["---", "", f"*{md_escape(data.word('made_with'))}*", ""]
    return "\n".join(out)
