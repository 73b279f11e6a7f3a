"""Injection: markup in every text field stays text (HTML report), TeX-like labels do not break charts,
spreadsheet formulas are neutralised, XML with DTDs/entities is refused, hostile titles give safe file
names, and no code-executing deserialisation exists in src/."""

from __future__ import annotations

import ast
import csv
import io
import os
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from commarch import fileformat
from commarch.interchange import (
    InterchangeError,
    coverage_matrix,
    graphml_to_model,
    matrix_to_csv,
    model_to_csv,
    model_to_graphml,
    responsibility_matrix,
    safe_filename,
)
from commarch.model import CommModel

from .support import HOSTILE, ROOT

SCRIPT = "<script>alert(1)</script>"
PAYLOADS = [
    SCRIPT, '<img src=x onerror="alert(2)">', '"><svg onload=alert(3)>', "javascript:alert(4)",
    "</title><script>alert(5)</script>", "&lt;b&gt;entity&lt;/b&gt;", "<!-- comment -->", "]]><x>",
    "<style>body{display:none}</style>", "<a href='javascript:alert(6)'>link</a>",
]
FORMULAS = ["=1+2", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\")",
            "'=already quoted"]


def hostile_model(texts: list[str]) -> CommModel:
    """The every-kind example with `texts` cycled through every text field (labels cut to 200)."""
    raw: dict[str, Any] = fileformat.to_dict(fileformat.load(ROOT / "tests" / "data" / "v1-complete.comm"))
    pick = iter(texts * 1000)
    raw["meta"] = {"title": next(pick), "client": next(pick), "author": next(pick), "description": next(pick),
                   "language": "en"}
    for element in raw["elements"]:
        element["label"] = next(pick)[:200] or "x"
        element["notes"] = next(pick)
        element["tags"] = [next(pick), next(pick)]
        if element["kind"] == "goal":
            element["kpi"] = next(pick)
        if element["kind"] == "channel":
            element["platform"] = next(pick)
    for relation in raw["relations"]:
        relation["label"], relation["notes"] = next(pick), next(pick)
        if relation["kind"] == "coordinates":
            relation["cadence"] = next(pick)
    for waiver in raw.get("waivers", []):
        waiver["note"] = next(pick)
    return fileformat.loads(fileformat.dumps(CommModel.model_validate(raw)).encode("utf-8"))


class _Markup(HTMLParser):
    """Collects what a browser would treat as markup: tags, attributes, and the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.extend((k, v or "") for k, v in attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def assert_inert(html: str, payloads: list[str]) -> None:
    parser = _Markup()
    parser.feed(html)
    parser.close()
    # <a> is legitimate (table of contents); these are not, whatever the model says
    assert not parser.tags & {"script", "img", "iframe", "object", "embed", "form", "input", "link"}, parser.tags
    for name, value in parser.attributes:
        assert not name.lower().startswith("on"), (name, value)
        assert not value.strip().lower().startswith("javascript:"), (name, value)
    visible = " ".join(" ".join(parser.text).split())
    shown = sum(1 for p in payloads if " ".join(p.split()) in visible)
    assert shown >= len(payloads) // 2, "the payloads should be shown to the reader as text"


def test_html_report_shows_markup_as_text() -> None:
    pytest.importorskip("commarch.report")
    from commarch.report import build_report
    from commarch.report.html import render_html

    model = hostile_model(PAYLOADS)
    html = render_html(build_report(model, lang="en"))
    assert_inert(html, PAYLOADS)


def test_markdown_report_escapes_markup() -> None:
    pytest.importorskip("commarch.report")
    from commarch.report import build_report
    from commarch.report.markdown import render_markdown

    text = render_markdown(build_report(hostile_model(PAYLOADS), lang="de"))
    # CommonMark: a backslash before < makes it a literal character, so no raw HTML survives
    assert re.search(r"(?<!\\)<", text) is None, re.findall(r".{20}(?<!\\)<.{20}", text)[:3]
    assert "\\<script\\>" in text


TEX = ["$\\frac{1}{0}$", "$x^{2", "\\", "$$", "$\\undefinedmacro{a}$", "50$ and 20$", "\\n\\t\\\\",
       "$\\mathrm{\\hat{}}$", "^_{}%&#~", "$" * 50]


def test_tex_and_backslashes_do_not_break_charts() -> None:
    pytest.importorskip("commarch.report")
    from commarch.report import Chart, build_report

    data = build_report(hostile_model(TEX), lang="en")
    charts = [b for s in data.sections for b in s.blocks if isinstance(b, Chart)]
    assert charts, "the report should have charts for this model"
    for chart in charts:
        assert chart.svg.lstrip().startswith(("<?xml", "<svg"))


@pytest.mark.slow
def test_cli_report_html_with_hostile_model(tmp_path: Path) -> None:
    source = tmp_path / "hostile.comm"
    fileformat.save(hostile_model(PAYLOADS + TEX), source)
    out = tmp_path / safe_filename(SCRIPT, ".html")
    result = subprocess.run([sys.executable, "-m", "commarch", "report", str(source), "-o", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert_inert(out.read_text("utf-8"), PAYLOADS)


# --- spreadsheets -------------------------------------------------------------------------------------------
NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")   # coordinates: a number is data, not a formula


def _cells(data: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for cell in row]


def test_every_exported_csv_cell_is_neutralised() -> None:
    model = hostile_model(FORMULAS)
    blobs = [*model_to_csv(model), matrix_to_csv(coverage_matrix(model)),
             matrix_to_csv(responsibility_matrix(model))]
    dangerous = 0
    for blob in blobs:
        for cell in _cells(blob):
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not NUMBER.fullmatch(cell):
                dangerous += 1
                pytest.fail(f"a spreadsheet would evaluate {cell!r}")
    assert dangerous == 0
    labels = {cell for blob in blobs for cell in _cells(blob)}
    assert "'=1+2" in labels                       # visible to the reader, just not as a formula


def test_csv_round_trip_restores_the_exact_texts(tmp_path: Path) -> None:
    from commarch.interchange import csv_to_model

    model = hostile_model(FORMULAS)
    elements, relations = model_to_csv(model)
    back = csv_to_model(elements, relations, "hostile.csv")
    assert sorted(e.label for e in back.elements) == sorted(e.label for e in model.elements)


# --- XML ----------------------------------------------------------------------------------------------------
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">
<node id="n0"><data key="label">&lol3;</data></node></graph></graphml>"""
XXE = b"""<?xml version="1.0"?><!DOCTYPE g [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph><node id="n0"><data key="l">&x;</data></node>
</graph></graphml>"""
EXTERNAL_DTD = b"""<?xml version="1.0"?><!DOCTYPE graphml SYSTEM "http://127.0.0.1:9/evil.dtd">
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph/></graphml>"""
PARAMETER = b"""<?xml version="1.0"?><!DOCTYPE g [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p;]>
<graphml/>"""


@pytest.mark.parametrize("data", [LAUGHS, XXE, EXTERNAL_DTD, PARAMETER], ids=["laughs", "xxe", "dtd", "param"])
def test_graphml_with_dtd_or_entities_is_refused_fast(data: bytes) -> None:
    start = time.perf_counter()
    with pytest.raises(InterchangeError) as info:
        graphml_to_model(data, "evil.graphml")
    assert time.perf_counter() - start < 1.0
    lines = info.value.lines()
    assert len(lines) == 1 and lines[0].startswith("evil.graphml: ") and "refused" in lines[0]
    assert "root:" not in lines[0]            # /etc/passwd was never read


def test_graphml_export_escapes_markup_and_re_imports() -> None:
    model = hostile_model(PAYLOADS)
    data = model_to_graphml(model)
    assert b"<script" not in data and b"<!DOCTYPE" not in data
    back = graphml_to_model(data if isinstance(data, bytes) else data.encode("utf-8"), "x.graphml")
    assert sorted(e.label for e in back.elements) == sorted(e.label for e in model.elements)


def test_cli_import_refuses_entities_in_one_line(tmp_path: Path) -> None:
    source = tmp_path / "laughs.graphml"
    source.write_bytes(LAUGHS)
    result = subprocess.run([sys.executable, "-m", "commarch", "import", str(source), "-o", str(tmp_path / "o.comm")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert all(line.startswith("commarch: ") for line in result.stderr.splitlines())
    assert not (tmp_path / "o.comm").exists()


# --- file names ---------------------------------------------------------------------------------------------
TITLES = ["../../etc/passwd", "..", ".", "", " ", "CON", "con.txt", "NUL", "com1", "LPT9.report", "a/b\\c:d*e?f",
          "x\x00y", "\u202etxt.exe", "\n\r\t", "-rf --no-preserve-root", ".bashrc", "name. ", "é" * 300,
          "😀" * 100, SCRIPT, "$(reboot)", "`id`", "a|b>c<d", "\\\\server\\share\\x", "C:\\Windows\\x",
          "\ufeff\u200b\u2028"]


@pytest.mark.parametrize("title", TITLES)
def test_export_file_names_from_hostile_titles_are_safe(title: str, tmp_path: Path) -> None:
    name = safe_filename(title, ".pdf")
    assert name and name.endswith(".pdf") and len(name.encode("utf-8")) <= 120
    assert os.path.basename(name) == name and "/" not in name and "\\" not in name and ".." not in name[:-4]
    assert not name.startswith((".", "-", " ")) and "\x00" not in name
    stem = name.split(".")[0].rstrip(" ").upper()
    assert stem not in {"CON", "PRN", "AUX", "NUL"} and not (stem[:3] in ("COM", "LPT") and len(stem) == 4)
    written = tmp_path / name
    written.write_bytes(b"%PDF")
    assert written.parent == tmp_path and [p.name for p in tmp_path.iterdir()] == [name]


# --- no code execution on user data -------------------------------------------------------------------------
FORBIDDEN_MODULES = {"pickle", "cPickle", "dill", "cloudpickle", "marshal", "shelve", "jsonpickle", "yaml"}
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "execfile", "input"}


def _offences(path: Path) -> list[str]:
    found = []
    tree = ast.parse(path.read_text("utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [f"import {a.name}" for a in node.names if a.name.split(".")[0] in FORBIDDEN_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in FORBIDDEN_MODULES:
            found.append(f"from {node.module} import")
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in FORBIDDEN_CALLS:
                found.append(f"{func.id}()")
            elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                dotted = f"{func.value.id}.{func.attr}"
                if dotted in {"os.system", "os.popen", "yaml.load", "yaml.unsafe_load", "marshal.loads",
                              "pickle.loads", "pickle.load", "builtins.eval", "builtins.exec"}:
                    found.append(f"{dotted}()")
            if any(k.arg == "shell" and isinstance(k.value, ast.Constant) and k.value.value for k in node.keywords):
                found.append("subprocess with shell=True")
    return [f"{path.relative_to(ROOT)}:{f}" for f in found]


def test_no_code_executing_deserialisation_in_src() -> None:
    files = sorted((ROOT / "src").rglob("*.py"))
    assert len(files) > 50
    offences = [o for f in files for o in _offences(f)]
    assert offences == [], offences
    # and the plain-text check the issue asks for, for anything ast cannot see (templates, strings run later)
    for path in files:
        text = path.read_text("utf-8")
        for needle in ("pickle", "yaml.load", "marshal", "eval(", " exec("):
            hits = [line for line in text.splitlines() if needle in line and not line.lstrip().startswith("#")]
            hits = [h for h in hits if not (needle == " exec(" and ".exec(" in h)]   # Qt's QDialog.exec()
            assert hits == [], (path.relative_to(ROOT), needle, hits)


def test_the_checker_would_catch_an_offender(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import pickle\nimport yaml\nx = eval(data)\nos.system(cmd)\nsubprocess.run(c, shell=True)\n",
                   encoding="utf-8")
    global ROOT
    saved, ROOT = ROOT, tmp_path  # noqa: PLW0603 - relative paths in the messages
    try:
        assert len(_offences(bad)) == 5
    finally:
        ROOT = saved


def test_hostile_corpus_html_file_is_only_data() -> None:
    model = fileformat.load(HOSTILE / "ok-html-everywhere.comm")
    assert any("<script>" in e.label for e in model.elements)   # kept exactly, shown as text by the writers
