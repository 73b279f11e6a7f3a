"""The report as one self-contained HTML file: inline CSS and SVG, no script, no external reference."""

from __future__ import annotations

import re
from html import escape

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

CSS = """
:root{--ink:#1B2631;--muted:#5D6D7E;--line:#D5DBE1;--panel:#F7F9FB;--blue:#0072B2;--sky:#56B4E9;
--error:#D55E00;--warning:#E69F00;--info:#0072B2;--good:#009E73}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#EEF1F4;color:var(--ink);font:15px/1.55 "Segoe UI","Helvetica Neue",Arial,
"DejaVu Sans",sans-serif}
main{max-width:62rem;margin:0 auto;background:#fff;padding:2.5rem 3rem 4rem}
p,li,td,th,h1,h2,h3,h4,figcaption,dd,dt{overflow-wrap:anywhere;unicode-bidi:plaintext}
h1{font-size:2.1rem;line-height:1.2;margin:.2rem 0 .6rem}
h2{font-size:1.45rem;margin:2.6rem 0 .8rem;padding-bottom:.3rem;border-bottom:2px solid var(--blue)}
h3{font-size:1.1rem;margin:1.6rem 0 .5rem;color:var(--blue)}
h4{font-size:1rem;margin:0 0 .3rem}
.cover{border-left:6px solid var(--blue);padding:1.5rem 1.5rem 1.2rem;background:var(--panel);margin-bottom:2rem}
.cover .kicker{text-transform:uppercase;letter-spacing:.08em;color:var(--blue);font-weight:600;font-size:.8rem}
.cover dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:1rem 0 0}
.cover dt{color:var(--muted)}.cover dd{margin:0;font-weight:600}
.cover .desc{color:var(--muted);margin-top:1rem;white-space:pre-line}
nav ol{columns:2;column-gap:2rem;padding-left:1.4rem}
nav a{color:var(--ink);text-decoration:none}nav a:hover{text-decoration:underline}
.lead{font-size:1.05rem}.muted{color:var(--muted);font-size:.9rem}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.8rem;margin:1rem 0}
.fig{border:1px solid var(--line);border-top:4px solid var(--line);border-radius:4px;padding:.6rem .8rem}
.fig .v{font-size:1.6rem;font-weight:700}.fig .l{font-weight:600;font-size:.85rem}
.fig .n{color:var(--muted);font-size:.78rem}
.fig.good{border-top-color:var(--good)}.fig.fair{border-top-color:var(--warning)}
.fig.poor{border-top-color:var(--error)}
.fig:first-child{background:var(--panel)}.fig:first-child .v{font-size:2.3rem;color:var(--blue)}
.table{overflow-x:auto;margin:.6rem 0 1.2rem}
table{border-collapse:collapse;width:100%;font-size:.86rem}
th{background:var(--blue);color:#fff;text-align:left;font-weight:600}
th,td{padding:.35rem .5rem;vertical-align:top;border-bottom:1px solid var(--line);max-width:28rem;
white-space:pre-line}
tbody tr:nth-child(even){background:var(--panel)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:1rem 0 1.4rem}figure svg,figure img{max-width:100%;height:auto;display:block;margin:0 auto}
figcaption{color:var(--muted);font-size:.85rem;margin-top:.4rem;text-align:center}
.finding{border-left:4px solid var(--info);background:var(--panel);padding:.7rem 1rem;margin:.8rem 0;
border-radius:0 4px 4px 0}
.finding.error{border-left-color:var(--error)}.finding.warning{border-left-color:var(--warning)}
.finding .why{color:var(--muted);font-size:.9rem;margin:.2rem 0 .5rem}
.finding ul{margin:.3rem 0 0;padding-left:1.2rem}.finding li{margin:.45rem 0}
.finding .rec{margin:.15rem 0 0}.finding .note{margin:.15rem 0 0;font-style:italic;white-space:pre-line}
.tag{display:inline-block;font-size:.72rem;font-weight:700;text-transform:uppercase;letter-spacing:.05em;
color:#fff;background:var(--info);border-radius:3px;padding:.05rem .4rem;margin-right:.4rem;vertical-align:.1em}
.tag.error{background:var(--error)}.tag.warning{background:var(--warning);color:var(--ink)}
.rule{color:var(--muted);font-weight:400;font-size:.8rem}
footer{color:var(--muted);font-size:.8rem;margin-top:3rem;border-top:1px solid var(--line);padding-top:.6rem}
@media (max-width:40rem){main{padding:1.2rem}nav ol{columns:1}}
@media print{body{background:#fff;font-size:10.5pt}main{max-width:none;padding:0}
section.page{break-before:page}.finding,figure,tr{break-inside:avoid}thead{display:table-header-group}
nav a::after{content:""}}
@page{size:A4;margin:18mm 16mm}
"""

_XML_DECL = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>", re.IGNORECASE)
_METADATA = re.compile(r"<metadata>.*?</metadata>|<!--.*?-->", re.DOTALL | re.IGNORECASE)
_XMLNS = re.compile(r'\s+xmlns(?::\w+)?="[^"]*"')
_SIZE = re.compile(r'(<svg\b[^>]*?)\s(width|height)="[^"]*"')
_URL_ATTR = re.compile(r'\s[\w:-]+="(?:https?:)?//[^"]*"', re.IGNORECASE)
_SCRIPT = re.compile(r"<script\b.*?</script\s*>|\son\w+=\"[^\"]*\"", re.IGNORECASE | re.DOTALL)


def inline_svg(svg: str) -> str:
    """An SVG document made fit to sit inside HTML: no prolog, namespaces, metadata, sizes or URLs.

    HTML parsers put <svg> in the SVG namespace themselves, and `href` replaces `xlink:href` (SVG 2),
    so the file carries no http:// reference at all. Scripts and event handlers are dropped outright,
    though our own SVG (matplotlib, Qt) never has them.
    """
    # comments first: matplotlib copies every label into one, and a label may contain "-->"
    svg = _METADATA.sub("", svg)
    svg = _XML_DECL.sub("", svg)
    svg = _SCRIPT.sub("", svg)
    svg = _XMLNS.sub("", svg)
    svg = svg.replace("xlink:href=", "href=")
    svg = _URL_ATTR.sub("", svg)
    for _ in range(2):
        svg = _SIZE.sub(r"\1", svg, count=1)
    return svg.strip()


def _e(text: str) -> str:
    return escape(text, quote=True)


def _table(table: Table) -> str:
    def cls(i: int) -> str:
        return ' class="num"' if i in table.numeric else ""

    head = "".join(f"<th{cls(i)}>{_e(c)}</th>" for i, c in enumerate(table.columns))
    body = "".join("<tr>" + "".join(f"<td{cls(i)}>{_e(c)}</td>" for i, c in enumerate(row)) + "</tr>"
                   for row in table.rows)
    caption = f"<caption>{_e(table.caption)}</caption>" if table.caption else ""
    return f'<div class="table"><table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def _finding(group: FindingGroup, data: ReportData) -> str:
    sev = group.severity
    parts = [f'<div class="finding {sev}"><h4><span class="tag {sev}">{_e(data.word(f"sev_{sev}_one"))}'
             f'</span>{_e(group.title)} <span class="rule">{_e(group.rule)}</span></h4>']
    if group.explanation:
        parts.append(f'<p class="why">{_e(group.explanation)}</p>')
    parts.append("<ul>")
    for item in group.items:
        parts.append(f"<li><p>{_e(item.message)}</p>")
        if item.recommendation:
            parts.append(f'<p class="rec"><strong>{_e(data.word("next_step"))}:</strong> '
                         f"{_e(item.recommendation)}</p>")
        if item.note:
            parts.append(f'<p class="note"><strong>{_e(data.word("waiver_note"))}:</strong> {_e(item.note)}</p>')
        parts.append("</li>")
    parts.append("</ul></div>")
    return "".join(parts)


def _block(block: Block, data: ReportData) -> str:
    if isinstance(block, Paragraph):
        return f'<p class="{block.style}">{_e(block.text)}</p>'
    if isinstance(block, Heading):
        return f"<h3>{_e(block.text)}</h3>"
    if isinstance(block, BulletList):
        return "<ul>" + "".join(f"<li>{_e(i)}</li>" for i in block.items) + "</ul>"
    if isinstance(block, KeyFigures):
        return '<div class="figures">' + "".join(
            f'<div class="fig {f.tone}"><div class="l">{_e(f.label)}</div><div class="v">{_e(f.value)}</div>'
            f'<div class="n">{_e(f.note)}</div></div>' for f in block.items) + "</div>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Chart):
        return (f'<figure role="img" aria-label="{_e(block.alt or block.title)}">{inline_svg(block.svg)}'
                f"<figcaption>{_e(block.title)}</figcaption></figure>")
    if isinstance(block, Diagram):
        inner = inline_svg(block.svg) if block.svg else ""
        return f"<figure>{inner}<figcaption>{_e(block.caption)}</figcaption></figure>"
    if isinstance(block, FindingGroup):
        return _finding(block, data)
    raise TypeError(f"unknown report block {type(block).__name__}")


def render_html(data: ReportData) -> str:
    """The whole report as one HTML document (a string; the caller writes it atomically)."""
    cover = data.cover
    out = [f'<!DOCTYPE html>\n<html lang="{_e(data.lang)}"><head><meta charset="utf-8">'
           '<meta name="viewport" content="width=device-width, initial-scale=1">'
           f'<meta name="generator" content="commarch"><title>{_e(cover.title)} — {_e(cover.subtitle)}</title>'
           f"<style>{CSS}</style></head><body><main>"]
    fields = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in cover.fields)
    desc = f'<p class="desc">{_e(cover.description)}</p>' if cover.description else ""
    out.append(f'<header class="cover"><div class="kicker">{_e(cover.subtitle)}</div><h1>{_e(cover.title)}</h1>'
               f"<dl>{fields}</dl>{desc}</header>")
    toc = "".join(f'<li><a href="#{_e(s.key)}">{_e(s.title)}</a></li>' for s in data.sections)
    out.append(f'<nav aria-label="{_e(data.word("contents"))}"><h2>{_e(data.word("contents"))}</h2>'
               f"<ol>{toc}</ol></nav>")
    for number, section in enumerate(data.sections, 1):
        page = ' class="page"' if section.new_page else ""
        out.append(f'<section id="{_e(section.key)}"{page}><h2>{number}. {_e(section.title)}</h2>')
        out.extend(_block(b, data) for b in section.blocks)
        out.append("</section>")
    out.append(f"<footer>{_e(data.word('made_with'))}</footer></main></body></html>\n")
    return "".join(out)
