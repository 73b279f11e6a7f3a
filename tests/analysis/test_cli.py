"""`commarch analyze`: formats, exit codes by --fail-on, language and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from commarch.cli import main
from commarch.fileformat import save
from commarch.model import Meta, Waiver

from .builders import chan, dept, model, rel, sh


def _write(tmp_path: Path, m, name: str = "m.comm") -> str:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    save(m, path)
    return str(path)


def _warning_only():  # type: ignore[no-untyped-def]
    """Exactly one finding: a warning (the unowned channel "Web"). Score: (.3 + .2*.5 + .15) / .65 = 85."""
    return model([chan("c", "Web"), dept("d", "Marketing"), chan("c2", "Blog"),
                  sh("s", "Kunden", priority="high")],
                 [rel("reaches", "c", "s"), rel("operates", "d", "c2"), rel("reaches", "c2", "s")])


def test_exit_codes_follow_fail_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, _warning_only())
    assert main(["analyze", path]) == 0  # default: error
    assert main(["analyze", path, "--fail-on", "error"]) == 0
    assert main(["analyze", path, "--fail-on", "warning"]) == 1
    assert main(["analyze", path, "--fail-on", "info"]) == 1
    assert main(["analyze", path, "--fail-on", "never"]) == 0
    unreached = model([sh("s", priority="high")], [])
    assert main(["analyze", _write(tmp_path, unreached, "e.comm")]) == 1
    assert main(["analyze", _write(tmp_path, unreached, "e.comm"), "--fail-on", "never"]) == 0
    capsys.readouterr()


def test_waived_findings_do_not_fail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    m = _warning_only()
    m.waivers = [Waiver(rule="GAP-UNOWNED-CHANNEL", subjects=["c"], note="legacy")]
    path = _write(tmp_path, m)
    assert main(["analyze", path, "--fail-on", "warning"]) == 0
    out = json.loads(_run_json(path, capsys))
    assert [f["note"] for f in out["findings"] if f["waived"]] == ["legacy"]


def _run_json(path: str, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    capsys.readouterr()
    main(["analyze", path, "--format", "json", *extra])
    return capsys.readouterr().out


def test_json_output_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, _warning_only())
    data = json.loads(_run_json(path, capsys))
    assert data["file"] == path
    assert [f["rule"] for f in data["findings"]] == ["GAP-UNOWNED-CHANNEL"]
    finding = data["findings"][0]
    assert finding["severity"] == "warning" and finding["subjects"] == ["c"] and finding["waived"] is False
    assert "note" not in finding and "\u201cWeb\u201d" in finding["message"]
    assert data["metrics"]["ownership"] == 0.5 and data["metrics"]["integration_score"] == 85
    assert data["metrics"]["counts"]["findings"] == {"error": 0, "warning": 1, "info": 0}


def test_lang_option_and_model_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    m = _warning_only()
    path = _write(tmp_path, m)
    german = json.loads(_run_json(path, capsys, "--lang", "de"))
    assert "Keine Abteilung betreibt" in german["findings"][0]["message"]
    m.meta = Meta(language="de")
    path = _write(tmp_path, m, "de.comm")
    assert "Keine Abteilung betreibt" in json.loads(_run_json(path, capsys))["findings"][0]["message"]
    assert "No department" in json.loads(_run_json(path, capsys, "--lang", "en"))["findings"][0]["message"]


def test_text_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, _warning_only())
    capsys.readouterr()
    main(["analyze", path])
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith(path) and "Integration score 85/100" in first and "Warnings 1" in first
    assert "WARNINGS (1)" in out and "GAP-UNOWNED-CHANNEL" in out and "METRICS" in out
    assert "Coordinator candidate" in out and "Marketing" in out


def test_markdown_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, _warning_only())
    capsys.readouterr()
    main(["analyze", path, "--format", "markdown", "--lang", "de"])
    out = capsys.readouterr().out
    assert out.startswith("# Analyse")
    assert "## Warnungen (1)" in out and "**GAP-UNOWNED-CHANNEL**" in out
    assert "| Integrationswert | 85/100 |" in out


def test_empty_model_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, model([], []))
    capsys.readouterr()
    assert main(["analyze", path, "--fail-on", "info"]) == 0
    out = capsys.readouterr().out
    assert "No findings." in out and "n/a" in out


BAD = [b"{not json", b'{"format": "comm", "version": 99, "elements": [], "relations": []}',
       b'{"format": "comm", "version": 1, "elements": [{"id": "a"}], "relations": []}']


@pytest.mark.parametrize("content", BAD)
def test_bad_input_exit_2_one_line_per_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 content: bytes) -> None:
    path = tmp_path / "bad.comm"
    path.write_bytes(content)
    assert main(["analyze", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert lines and all(line.startswith(f"commarch: {path}") for line in lines)
    assert "Traceback" not in captured.err


def test_missing_file_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(tmp_path / "nope.comm")]) == 2
    assert capsys.readouterr().err.startswith("commarch: ")
