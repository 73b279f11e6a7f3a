"""File ▸ Export Report…: PDF, HTML and Markdown written off the UI thread, in the chosen language."""

from __future__ import annotations

import time
from html.parser import HTMLParser

import pytest
from PySide6.QtCore import QTimer


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.lang = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "html":
            self.lang = dict(attrs).get("lang", "")


def run_job(qtbot, job, timeout=120_000):
    """Wait for the job while counting timer ticks: the UI thread must keep running meanwhile."""
    ticks = [0]
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    timer.start()
    started = time.monotonic()
    with qtbot.waitSignal(job.finished, timeout=timeout):
        pass
    timer.stop()
    return ticks[0], time.monotonic() - started


def test_pdf_report_through_the_dialog_does_not_block(win, qtbot, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    win.export_ui.actions["export_report"].trigger()
    dialog = win.export_ui.report_dialog
    assert dialog.isVisible() and dialog.fmt() == "pdf"
    assert dialog.lang() == "de"  # the model's meta.language
    dialog.set_path(str(tmp_path / "bericht.pdf"))
    before = time.monotonic()
    job = dialog.start()
    assert time.monotonic() - before < 1.0 and not job.done  # returned at once; the worker writes
    assert dialog.busy.isVisible() and not dialog.export_button.isEnabled()
    ticks, seconds = run_job(qtbot, job)
    assert ticks >= 3, f"the event loop stood still for {seconds:.1f} s"
    assert job.result == str(tmp_path / "bericht.pdf")
    assert not dialog.busy.isVisible() and dialog.open_file_button.isVisible()
    assert "bericht.pdf" in dialog.status.text()
    reader = pypdf.PdfReader(job.result)
    assert len(reader.pages) > 3
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Marketing" in text and "Kundenservice" in text


@pytest.mark.parametrize("fmt,lang", [("html", "en"), ("md", "de")])
def test_html_and_markdown(win, qtbot, tmp_path, fmt, lang):
    from commarch.gui.exports import export_report_to

    job = export_report_to(win, str(tmp_path / "report"), fmt, lang)
    with qtbot.waitSignal(job.finished, timeout=120_000) as blocker:
        pass
    path = blocker.args[0]
    assert path.endswith(".html" if fmt == "html" else ".md")
    text = open(path, encoding="utf-8").read()
    assert "Marketing" in text and "Kundenservice" in text
    if fmt == "html":
        parser = _Tags()
        parser.feed(text)
        assert parser.lang == "en" and "script" not in parser.tags
    else:
        assert text.lstrip().startswith("#")


def test_language_changes_the_report(win, qtbot, tmp_path):
    from commarch.gui.exports import export_report_to

    texts = {}
    for lang in ("de", "en"):
        job = export_report_to(win, str(tmp_path / f"r-{lang}.md"), "md", lang)
        with qtbot.waitSignal(job.finished, timeout=120_000):
            pass
        texts[lang] = open(job.result, encoding="utf-8").read()
    assert texts["de"] != texts["en"]


def test_bad_target_fails_without_a_file(win, qtbot, tmp_path):
    from commarch.gui.exports import export_report_to

    job = export_report_to(win, str(tmp_path / "missing" / "r.pdf"), "pdf", "en")
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        pass
    assert "missing" in blocker.args[0]
    assert not (tmp_path / "missing").exists()


def test_dialog_shows_a_failure(win, qtbot, tmp_path):
    win.export_ui.actions["export_report"].trigger()
    dialog = win.export_ui.report_dialog
    dialog.set_path(str(tmp_path / "nope" / "r.html"))
    assert dialog.fmt() == "html"
    job = dialog.start()
    with qtbot.waitSignal(job.failed, timeout=5000):
        pass
    assert "nope" in dialog.status.text() and dialog.export_button.isEnabled()
    assert not dialog.open_file_button.isVisible() and not dialog.busy.isVisible()


def test_editing_while_the_report_is_written(win, qtbot, tmp_path):
    """The worker has its own copy: changing the model meanwhile neither crashes nor leaks into it."""
    from commarch.gui.exports import export_report_to

    job = export_report_to(win, str(tmp_path / "r.md"), "md", "en")
    win.controller.add_element("stakeholder", 5000, 5000, label="Added meanwhile")
    with qtbot.waitSignal(job.finished, timeout=120_000):
        pass
    assert "Added meanwhile" not in open(job.result, encoding="utf-8").read()


def test_closing_the_window_while_the_report_is_written(gui_app, qtbot, tmp_path):
    from commarch.gui.exports import install_export_ui

    from .conftest import EXAMPLE

    win = gui_app.new_window()  # not given to qtbot: it is closed (and deleted) here
    install_export_ui(win)
    win.load_path(str(EXAMPLE))
    win.export_ui.actions["export_report"].trigger()
    dialog = win.export_ui.report_dialog
    dialog.set_path(str(tmp_path / "late.html"))
    job = dialog.start()
    win.controller.stack.setClean()
    assert win.close()
    with qtbot.waitSignal(job.finished, timeout=120_000):
        pass
    assert (tmp_path / "late.html").exists()


def test_without_a_child_process_the_worker_writes_the_report(win, qtbot, tmp_path, monkeypatch):
    from commarch.render import report_process

    calls = []
    monkeypatch.setattr(report_process, "write_report_in_child", lambda *a: calls.append(a) or None)
    win.export_ui.actions["export_report"].trigger()
    dialog = win.export_ui.report_dialog
    dialog.set_path(str(tmp_path / "fallback.pdf"))
    job = dialog.start()
    run_job(qtbot, job)
    assert calls and job.result == str(tmp_path / "fallback.pdf")
    assert (tmp_path / "fallback.pdf").read_bytes().startswith(b"%PDF")
