"""`commarch diff A B -o OUT.{pdf,html,md}`: the "what changed" report in both languages, escaping, exit codes."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from commarch.analysis import analyze
from commarch.cli import main
from commarch.diff import diff_models
from commarch.fileformat import load, save
from commarch.model import Channel, Reaches
from commarch.report.diff_report import build_diff_report, metric_rows

from .models import hostile_model

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
AS_IS, TO_BE = EXAMPLES / "avantgarde-as-is.comm", EXAMPLES / "avantgarde-to-be.comm"
HOSTILE_NEW = "<img src=x onerror=alert(1)> Kanal & <b>neu</b>"


def flat(text: str) -> str:
    return re.sub(r"-\s+", "-", " ".join(text.split()))


def hostile_pair(root: Path) -> tuple[Path, Path]:
    """The hostile model, and a copy with a hostile channel added and the dead channel gone."""
    old = hostile_model("en")
    new = old.model_copy(deep=True)
    new.elements = [e for e in new.elements if e.id != "c-dead"]
    new.relations = [r for r in new.relations if "c-dead" not in (r.source, r.target)]
    new.elements.append(Channel(id="c-new", label=HOSTILE_NEW, channel_type="social", x=250, y=600))
    new.relations.append(Reaches(id="r-new", kind="reaches", source="c-new", target="s-cust"))
    save(old, root / "old.comm")
    save(new, root / "new.comm")
    return root / "old.comm", root / "new.comm"


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], Path]:
    root = tmp_path_factory.mktemp("diff-reports")
    pairs = {"example": (AS_IS, TO_BE), "hostile": hostile_pair(root)}
    out = {}
    for name, (old, new) in pairs.items():
        for lang in ("de", "en"):
            for fmt in ("pdf", "html", "md"):
                path = root / f"{name}-{lang}.{fmt}"
                assert main(["diff", str(old), str(new), "-o", str(path), "--lang", lang]) == 1
                out[(name, lang, fmt)] = path
    return out


def example_diff(lang: str):
    return diff_models(load(AS_IS), load(TO_BE), lang=lang, analyzer=analyze)


SCORE_LINE = {"de": "Der Integrationswert ist von 58 auf 100 gestiegen (+42 Punkte).",
              "en": "The integration score rose from 58 to 100 (+42 points)."}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_pdf_has_the_score_line_and_resolved_findings_in_the_language(reports, lang):
    reader = PdfReader(reports[("example", lang, "pdf")])
    assert len(reader.pages) >= 6  # cover, contents, then the sections
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    assert flat(SCORE_LINE[lang]) in text
    diff = example_diff(lang)
    coordinator = next(f for f in diff.findings.resolved if f.rule == "GAP-NO-COORDINATOR")
    assert flat(coordinator.message) in text
    other = example_diff("en" if lang == "de" else "de")
    assert flat(next(f for f in other.findings.resolved if f.rule == "GAP-NO-COORDINATOR").message) not in text
    for element in diff.added:
        assert flat(element.label) in text
    assert ("VERGLEICHSBERICHT" if lang == "de" else "COMPARISON REPORT") in text  # the cover kicker


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.parametrize("name", ["example", "hostile"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_html_is_self_contained_and_escaped(reports, name, lang):
    html = reports[(name, lang, "html")].read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "http://" not in html and "https://" not in html
    assert not re.search(r"\s(src|href)=\"(?!#)", html)
    parser = _Collect()
    parser.feed(html)
    parser.close()
    assert "script" not in parser.tags and "img" not in parser.tags and "b" not in parser.tags
    assert not [k for k, _ in parser.attrs if k.startswith("on")]
    assert parser.tags.count("svg") == 2  # the diagram before, and after with the changes
    text = flat(" ".join(parser.text))
    assert (SCORE_LINE[lang] if name == "example" else "") in text


def test_hostile_labels_are_text_in_html_and_markdown(reports):
    html = reports[("hostile", "en", "html")].read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt; Kanal &amp; &lt;b&gt;neu&lt;/b&gt;" in html
    md = reports[("hostile", "en", "md")].read_text(encoding="utf-8")
    assert not re.search(r"(?<!\\)<", md)  # every "<" is escaped: no raw HTML reaches a Markdown viewer
    assert "\\<img src=x onerror=alert(1)\\> Kanal & \\<b\\>neu\\</b\\>" in md


@pytest.mark.parametrize("lang", ["de", "en"])
def test_markdown_has_summary_changes_and_findings(reports, lang):
    md = reports[("example", lang, "md")].read_text(encoding="utf-8")
    assert flat(SCORE_LINE[lang]) in flat(md)
    diff = example_diff(lang)
    for element in (*diff.added, *diff.removed):
        assert element.label.replace("-", "-") in md or flat(element.label) in flat(md)
    assert ("Behoben (24)" if lang == "de" else "Resolved (24)") in md
    assert "Kommunikationsleitung" in md


def test_report_data_groups_changes_by_kind_and_holds_both_diagrams():
    old, new = load(AS_IS), load(TO_BE)
    diff = diff_models(old, new, lang="en", analyzer=analyze)
    data = build_diff_report(diff, old, new, lang="en", marked_svg=("<svg/>", 0.5, 400.0))
    keys = [s.key for s in data.sections]
    assert keys == ["summary", "findings", "before", "after", "changes", "metrics"]
    changes = next(s for s in data.sections if s.key == "changes")
    headings = [b.text for b in changes.blocks if type(b).__name__ == "Heading"]
    assert "Channels (6)" in headings and "Departments (1)" in headings
    before = next(s for s in data.sections if s.key == "before").blocks[0]
    after = next(s for s in data.sections if s.key == "after").blocks[0]
    assert type(before).__name__ == "Diagram" and before.key == "old"
    assert type(after).__name__ == "Chart" and after.svg == "<svg/>"
    plain = build_diff_report(diff, old, new, lang="en")
    assert next(s for s in plain.sections if s.key == "after").blocks[0].key == "new"
    rows = {row[0]: row[1:] for row in metric_rows(diff, "en")}
    assert rows["Integration score"] == ("58", "100", "+42")
    assert rows["Coverage"][2] == "+14 pts"


def test_same_model_report_says_so_and_exits_0(tmp_path):
    out = tmp_path / "same.md"
    assert main(["diff", str(AS_IS), str(AS_IS), "-o", str(out), "--lang", "en"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "The two models are the same." in text and "The integration score stayed at 58." in text


@pytest.mark.parametrize("args,needle", [
    (["-o", "{tmp}/r.docx"], "unknown report format"),
    (["-o", "{tmp}/missing/r.pdf"], "no such directory"),
    (["-o", "{tmp}/dir.pdf"], "is a directory"),
])
def test_bad_output_exits_2_with_one_line(tmp_path, capsys, args, needle):
    (tmp_path / "dir.pdf").mkdir()
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert main(["diff", str(AS_IS), str(TO_BE), *args]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("commarch: ") and needle in err[0]
    assert [p.name for p in tmp_path.iterdir()] == ["dir.pdf"]


def test_bad_input_exits_2_and_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.comm"
    bad.write_text('{"format": "comm", "version": 1, "elements": [{"id": 1}], "relations": []}', encoding="utf-8")
    out = tmp_path / "r.pdf"
    assert main(["diff", str(bad), str(TO_BE), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(bad) in err and not out.exists()
