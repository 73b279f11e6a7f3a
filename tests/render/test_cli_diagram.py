"""`commarch diagram`: exit codes, one-line errors, the written formats."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from commarch.cli import main
from commarch.fileformat import save

from .conftest import build_model


@pytest.fixture
def comm(tmp_path: Path) -> Path:
    path = tmp_path / "m.comm"
    save(build_model(), path)
    return path


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_writes_each_format(comm: Path, tmp_path: Path, suffix: str, capsys) -> None:
    out = tmp_path / f"d.{suffix}"
    assert main(["diagram", str(comm), "-o", str(out), "--legend", "--title-block", "--theme", "dark"]) == 0
    assert out.stat().st_size > 0
    assert capsys.readouterr().err == ""


def test_badges_mark_elements_with_findings(comm: Path, tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    from commarch.analysis import analyze
    from commarch.render import finding_badges

    plain, marked = tmp_path / "plain.svg", tmp_path / "marked.svg"
    assert main(["diagram", str(comm), "-o", str(plain)]) == 0
    assert main(["diagram", str(comm), "-o", str(marked), "--badges"]) == 0
    flagged = finding_badges(analyze(build_model()).findings)
    assert flagged  # the test model has gaps (e.g. unreached stakeholders)

    def paths(svg: Path, element_id: str) -> int:
        root = ET.parse(svg).getroot()
        group = next(g for g in root if g.get("data-id") == element_id)
        return sum(1 for node in group.iter() if node.tag.endswith(("path", "polygon", "ellipse")))

    some = next(iter(flagged))
    assert paths(marked, some) > paths(plain, some)


def test_dpi_and_transparency(comm: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.png"
    assert main(["diagram", str(comm), "-o", str(out), "--dpi", "300", "--transparent"]) == 0
    with Image.open(out) as image:
        assert round(image.info["dpi"][0]) == 300 and image.mode == "RGBA"


@pytest.mark.parametrize("args,message", [
    (["-o", "{tmp}/d.gif"], "unknown diagram format"),
    (["-o", "{tmp}/d.png", "--dpi", "12"], "--dpi"),
    (["-o", "{tmp}/d.png", "--dpi", "lots"], "--dpi"),
    (["-o", "{tmp}/missing-dir/d.png"], "cannot write"),
    (["-o", "{tmp}/dir.png"], "is a directory"),
    (["-o", "{tmp}/d.png", "--only", "nope"], "none of the selected ids"),
])
def test_bad_arguments_exit_2_with_one_line(comm: Path, tmp_path: Path, args, message, capsys) -> None:
    (tmp_path / "dir.png").mkdir()
    argv = ["diagram", str(comm), *[a.format(tmp=tmp_path) for a in args]]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("commarch: ") and message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert not (tmp_path / "d.png").exists() and not (tmp_path / "d.gif").exists()


def test_bad_input_file_exits_2(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.comm"
    bad.write_text('{"format": "comm", "version": 1, "elements": [{"kind": "x"}]', encoding="utf-8")
    out = tmp_path / "d.png"
    assert main(["diagram", str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"commarch: {bad}") and "Traceback" not in err
    assert not out.exists()


def test_existing_output_survives_a_failed_export(comm: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.png"
    out.write_bytes(b"previous")
    assert main(["diagram", str(comm), "-o", str(out), "--only", "nope"]) == 2
    assert out.read_bytes() == b"previous"
