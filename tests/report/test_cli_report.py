"""`commarch report`: every format from the CLI, text in the chosen language, exit codes, bad input."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from commarch.analysis import analyze
from commarch.cli import main
from commarch.fileformat import load, save
from commarch.report.markdown import md_escape

from .models import EMOJI, LONG, MATH, RTL, SCRIPT, hostile_model

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
SECTIONS = 9  # summary ... inventory; the waived appendix comes on top when there are waivers


def flat(text: str) -> str:
    """Whitespace collapsed, and none after a hyphen: lines may break after "Social-" in "Social-Media"."""
    return re.sub(r"-\s+", "-", " ".join(text.split()))


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], Path]:
    """Reports of the as-is example and the hostile model, in both languages and all formats."""
    root = tmp_path_factory.mktemp("reports")
    hostile = root / "hostile.comm"
    save(hostile_model(), hostile)
    out = {}
    for name, source in (("example", EXAMPLES / "avantgarde-as-is.comm"), ("hostile", hostile)):
        for lang in ("de", "en"):
            for fmt in ("pdf", "html", "md"):
                path = root / f"{name}-{lang}.{fmt}"
                assert main(["report", str(source), "-o", str(path), "--lang", lang]) == 0
                out[(name, lang, fmt)] = path
    return out


def body_text(reader: PdfReader, lang: str) -> str:
    """The text of every page after the cover and contents, with the page furniture taken out."""
    made_with = "Erstellt mit commarch" if lang == "de" else "Prepared with commarch"
    texts = []
    for page in reader.pages[2:]:
        text = flat(page.extract_text())
        # the furniture is painted first: title, section, "made with", page n of N
        text = re.sub(rf"^.*?{made_with} \S+ \d+ \S+ \d+ ", "", text, count=1)
        texts.append(text)
    return " ".join(texts)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_pdf_has_cover_toc_sections_and_the_text(reports, lang):
    reader = PdfReader(reports[("example", lang, "pdf")])
    model = load(EXAMPLES / "avantgarde-as-is.comm")
    # cover + contents + one page per section at least
    assert len(reader.pages) >= 2 + SECTIONS
    pages = [flat(page.extract_text()) for page in reader.pages]
    text = " ".join(pages)
    assert ("Inhalt" if lang == "de" else "Contents") in pages[1]
    page_word, of = ("Seite", "von") if lang == "de" else ("Page", "of")
    assert f"{of} {len(reader.pages)}" not in pages[0]  # the cover has no number
    for number, page in enumerate(pages[1:], 2):
        assert f"{page_word} {number} {of} {len(reader.pages)}" in page
    text = body_text(reader, lang)  # without running headers and footers, which split text across pages
    for element in model.elements:
        assert flat(element.label) in text, element.label
    for finding in analyze(model, lang).findings:
        assert flat(finding.message) in text, finding.message
    other = analyze(model, "en" if lang == "de" else "de").findings[0].message
    assert flat(other) not in text


def test_pdf_toc_page_numbers_point_at_the_sections(reports):
    reader = PdfReader(reports[("example", "en", "pdf")])
    toc = reader.pages[1].extract_text()
    entries = re.findall(r"(\d+)\.\s+(.+?)\s+(\d+)\s*$", toc, re.MULTILINE)
    assert len(entries) >= SECTIONS
    for _, title, page in entries:
        heading = flat(reader.pages[int(page) - 1].extract_text())
        assert flat(title) in heading, (title, page)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_pdf_of_hostile_model_keeps_hostile_text(reports, lang):
    text = body_text(PdfReader(reports[("hostile", lang, "pdf")]), lang)
    for label in (SCRIPT, MATH, "Marketing & <Vertrieb>"):
        assert flat(label) in text


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.parametrize("name", ["example", "hostile"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_html_is_self_contained_and_escapes_everything(reports, name, lang):
    html = reports[(name, lang, "html")].read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "http://" not in html and "https://" not in html
    assert not re.search(r"\s(src|href)=\"(?!#)", html)  # only in-page anchors
    parser = _Collect()
    parser.feed(html)
    parser.close()
    assert "script" not in parser.tags and "img" not in parser.tags
    assert parser.tags.count("svg") == 4  # diagram, heatmap, bars, power grid
    text = flat(" ".join(parser.text))
    model = hostile_model(lang) if name == "hostile" else load(EXAMPLES / "avantgarde-as-is.comm")
    for element in model.elements:
        assert flat(element.label) in text, element.label
    for finding in analyze(model, lang).findings:
        assert flat(finding.message) in text


def test_hostile_html_shows_markup_as_text(reports):
    html = reports[("hostile", "en", "html")].read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Presse" in html
    assert "Marketing &amp; &lt;Vertrieb&gt;" in html
    for text in (MATH.replace("&", "&amp;"), EMOJI, RTL, LONG):
        assert text in html
    assert "unicode-bidi:plaintext" in html and "overflow-wrap:anywhere" in html


@pytest.mark.parametrize("name", ["example", "hostile"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_markdown_holds_every_finding_message(reports, name, lang):
    md = reports[(name, lang, "md")].read_text(encoding="utf-8")
    model = hostile_model(lang) if name == "hostile" else load(EXAMPLES / "avantgarde-as-is.comm")
    findings = analyze(model, lang).findings
    assert findings
    for finding in findings:
        assert md_escape(finding.message) in md
    assert not re.search(r"(?<!\\)<script", md)  # always escaped as \<script\>
    assert "|" not in "".join(line for line in md.splitlines() if not line.startswith("|"))


def test_markdown_of_plain_example_contains_messages_verbatim(reports):
    md = reports[("example", "de", "md")].read_text(encoding="utf-8")
    for finding in analyze(load(EXAMPLES / "avantgarde-as-is.comm"), "de").findings:
        if not re.search(r"[\\`*_\[\]<>|$~#]", finding.message):
            assert finding.message in md


# --- exit codes and bad input --------------------------------------------------------------------

def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert lines and all(line.startswith("commarch: ") for line in lines)
    assert "Traceback" not in captured.err
    return captured.err


@pytest.mark.parametrize("out", ["report.docx", "report", "report.PDFX"])
def test_unknown_format_is_refused(tmp_path, capsys, out):
    assert main(["report", str(EXAMPLES / "avantgarde-as-is.comm"), "-o", str(tmp_path / out)]) == 2
    assert "format" in _one_line_error(capsys)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("content", [b"", b"{", b'{"format": "comm", "version": 99, "elements": [], "relations": []}',
                                     b'{"format": "comm", "version": 1, "elements": [{"id": "x"}], "relations": []}'])
def test_bad_input_file_writes_nothing(tmp_path, capsys, content):
    bad = tmp_path / "bad.comm"
    bad.write_bytes(content)
    out = tmp_path / "out.pdf"
    assert main(["report", str(bad), "-o", str(out)]) == 2
    assert "bad.comm" in _one_line_error(capsys)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.comm"]


def test_missing_input_and_missing_output_directory(tmp_path, capsys):
    assert main(["report", str(tmp_path / "nope.comm"), "-o", str(tmp_path / "o.html")]) == 2
    _one_line_error(capsys)
    assert main(["report", str(EXAMPLES / "avantgarde-as-is.comm"), "-o", str(tmp_path / "no" / "o.md")]) == 2
    _one_line_error(capsys)
    assert main(["report", str(EXAMPLES / "avantgarde-as-is.comm"), "-o", str(tmp_path)]) == 2
    _one_line_error(capsys)
    assert list(tmp_path.iterdir()) == []


def test_existing_output_is_replaced_whole(tmp_path):
    out = tmp_path / "r.md"
    out.write_text("old")
    assert main(["report", str(EXAMPLES / "avantgarde-as-is.comm"), "-o", str(out), "--lang", "en"]) == 0
    assert out.read_text(encoding="utf-8").startswith("# ")
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]  # no temp file left behind


def test_unwritable_output_gives_one_line(tmp_path, capsys):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if (locked / "probe").exists() or _can_write(locked):
            pytest.skip("running with permissions that ignore the directory mode")
        assert main(["report", str(EXAMPLES / "avantgarde-as-is.comm"), "-o", str(locked / "r.html")]) == 2
        _one_line_error(capsys)
    finally:
        locked.chmod(0o700)


def _can_write(directory: Path) -> bool:
    try:
        (directory / "probe").write_text("x")
    except OSError:
        return False
    (directory / "probe").unlink()
    return True


def test_long_table_repeats_its_header_on_every_page(reports):
    # the 5,000-character notes make the notes table run over several pages
    reader = PdfReader(reports[("hostile", "en", "pdf")])
    pages = [flat(p.extract_text()) for p in reader.pages]
    with_notes = [p for p in pages[2:] if "Ampersand und" in p and "Notes on elements" not in p]
    assert len(with_notes) >= 2  # continuation pages
    assert all("Element Note" in p for p in with_notes)


@pytest.mark.parametrize("fmt", ["pdf", "html", "md"])
def test_empty_model_gives_a_complete_report(tmp_path, fmt):
    from commarch.model import CommModel

    source = tmp_path / "empty.comm"
    save(CommModel.empty(), source)
    out = tmp_path / f"empty.{fmt}"
    assert main(["report", str(source), "-o", str(out), "--lang", "en"]) == 0
    if fmt == "pdf":
        assert len(PdfReader(out).pages) >= 2 + SECTIONS
    else:
        assert "Executive summary" in out.read_text(encoding="utf-8")
