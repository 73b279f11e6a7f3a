"""`commarch diff`: output formats, exit codes 0/1/2, -o reports, and bad input without tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from commarch.cli import main
from commarch.fileformat import save

from .helpers import copy, sample_model


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    old = sample_model()
    same = copy(old)
    moved = copy(old)
    moved.elements[0].x = 42
    changed = copy(old)
    changed.elements[1].label = "Public relations"
    changed.relations = [r for r in changed.relations if r.id != "r5"]
    paths = {"old": old, "same": same, "moved": moved, "changed": changed}
    out = {}
    for name, model in paths.items():
        out[name] = tmp_path / f"{name}.comm"
        save(model, out[name])
    bad = tmp_path / "bad.comm"
    bad.write_text('{"format": "comm", "version": 1, "elements": [{"id": "a"}], "relations": []}')
    out["bad"] = bad
    return out


def run(capsys, *argv: object) -> tuple[int, str, str]:
    code = main(["diff", *map(str, argv)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_same_model_exits_0(files, capsys) -> None:
    code, out, err = run(capsys, files["old"], files["same"])
    assert code == 0 and err == ""
    assert "No differences" in out


def test_moves_count_only_with_positions(files, capsys) -> None:
    assert run(capsys, files["old"], files["moved"])[0] == 0
    code, out, _ = run(capsys, files["old"], files["moved"], "--positions")
    assert code == 1 and "Marketing" in out


def test_different_model_exits_1_with_json(files, capsys) -> None:
    code, out, err = run(capsys, files["old"], files["changed"], "--format", "json")
    assert code == 1 and err == ""
    data = json.loads(out)
    assert set(data) >= {"elements", "relations", "findings", "metrics", "matching"}
    assert [c["id"] for c in data["elements"]["changed"]] == ["d-pr"]
    assert data["elements"]["changed"][0]["changes"] == {"label": {"old": "PR", "new": "Public relations"}}
    assert [r["id"] for r in data["relations"]["removed"]] == ["r5"]
    assert data["same"] is False
    if data["metrics"] is not None:
        assert set(data["metrics"]["coverage"]) >= {"old", "new", "delta"}
        assert isinstance(data["findings"]["resolved"], list)


def test_markdown_and_language(files, capsys) -> None:
    code, out, _ = run(capsys, files["old"], files["changed"], "--format", "markdown", "--lang", "de")
    assert code == 1
    assert out.startswith("# Vergleich") and "Public relations" in out and "Beziehungen" in out


def test_output_markdown_file_is_written(files, tmp_path, capsys) -> None:
    target = tmp_path / "report.md"
    code, out, err = run(capsys, files["old"], files["changed"], "-o", target)
    assert code == 1 and out == "" and err == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# ") and ("Comparison report" in text or "comparison report" in text)
    assert "Public relations" in text
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".commtmp")]


@pytest.mark.parametrize("suffix", [".pdf", ".html"])
def test_pdf_and_html_reports_are_written(files, tmp_path, capsys, suffix) -> None:
    target = tmp_path / f"report{suffix}"
    code, out, err = run(capsys, files["old"], files["changed"], "-o", target)
    assert code == 1 and err == ""
    data = target.read_bytes()
    assert data.startswith(b"%PDF") if suffix == ".pdf" else b"<html" in data[:500].lower()


def test_unwritable_output_exits_2(files, tmp_path, capsys) -> None:
    code, _, err = run(capsys, files["old"], files["changed"], "-o", tmp_path / "missing" / "r.md")
    assert code == 2 and err.startswith("commarch: ") and "Traceback" not in err


def test_bad_input_exits_2_with_one_line_per_problem(files, tmp_path, capsys) -> None:
    code, out, err = run(capsys, files["bad"], tmp_path / "nope.comm")
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert all(line.startswith("commarch: ") for line in lines)
    assert any(str(files["bad"]) in line and "elements[0]" in line for line in lines)
    assert any("nope.comm" in line for line in lines)


def test_match_label_option(files, tmp_path, capsys) -> None:
    code, out, _ = run(capsys, files["old"], files["same"], "--match", "label", "--format", "json")
    assert code == 0 and json.loads(out)["matching"]["used"] == "label"


def test_no_traceback_as_a_process(files) -> None:
    result = subprocess.run([sys.executable, "-m", "commarch", "diff", str(files["old"]), str(files["bad"])],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("commarch: ")
