"""`commarch export` and `commarch import`: exit codes, one-line messages, no half-written output."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from commarch.cli import main
from commarch.fileformat import load, save

from .conftest import hostile_model, same_graph


@pytest.fixture
def comm(tmp_path: Path) -> Path:
    path = tmp_path / "model.comm"
    save(hostile_model(), path)
    return path


def _one_line_errors(capsys: pytest.CaptureFixture[str]) -> list[str]:
    err = capsys.readouterr().err.strip().splitlines()
    assert err and all(line.startswith("commarch: ") for line in err)
    assert "Traceback" not in "\n".join(err)
    return err


@pytest.mark.parametrize("suffix", [".graphml", ".csv"])
def test_export_then_import_round_trips(comm, tmp_path, suffix):
    out = tmp_path / f"out{suffix}"
    assert main(["export", str(comm), "-o", str(out)]) == 0
    assert out.exists()
    if suffix == ".csv":
        assert (tmp_path / "out.relations.csv").exists()
    back = tmp_path / "back.comm"
    assert main(["import", str(out), "-o", str(back)]) == 0
    assert same_graph(load(back), hostile_model())


def test_import_from_the_relations_file_name_too(comm, tmp_path):
    assert main(["export", str(comm), "-o", str(tmp_path / "x.csv")]) == 0
    assert main(["import", str(tmp_path / "x.relations.csv"), "-o", str(tmp_path / "y.comm")]) == 0
    assert len(load(tmp_path / "y.comm").relations) == len(hostile_model().relations)


def test_export_matrix_and_yed(comm, tmp_path):
    assert main(["export", str(comm), "-o", str(tmp_path / "m.csv"), "--matrix", "coverage"]) == 0
    assert not (tmp_path / "m.relations.csv").exists()
    assert main(["export", str(comm), "-o", str(tmp_path / "y.graphml"), "--yed"]) == 0
    assert b"y:ShapeNode" in (tmp_path / "y.graphml").read_bytes()


@pytest.mark.parametrize("args, fragment", [
    (["export", "{comm}", "-o", "{tmp}/x.pdf"], "unknown export format"),
    (["export", "{tmp}/missing.comm", "-o", "{tmp}/x.csv"], "cannot be read"),
    (["export", "{comm}", "-o", "{tmp}/x.graphml", "--matrix", "coverage"], "--matrix writes CSV"),
    (["export", "{comm}", "-o", "{tmp}/nodir/x.csv"], "could not be saved"),
    (["import", "{tmp}/in.txt", "-o", "{tmp}/x.comm"], "unknown import format"),
    (["import", "{tmp}/missing.csv", "-o", "{tmp}/x.comm"], "cannot be read"),
])
def test_bad_arguments_exit_2_with_one_line(comm, tmp_path, capsys, args, fragment):
    argv = [a.format(comm=comm, tmp=tmp_path) for a in args]
    assert main(argv) == 2
    err = _one_line_errors(capsys)
    assert len(err) == 1 and fragment in err[0]


def test_bad_csv_reports_lines_and_writes_nothing(tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text("id,kind,label,priority\ns1,stakeholder,A,urgent\ns2,thing,B,\n", encoding="utf-8")
    out = tmp_path / "out.comm"
    assert main(["import", str(source), "-o", str(out)]) == 2
    err = _one_line_errors(capsys)
    assert err[0] == f"commarch: {source}: line 2: priority: must be one of high, medium, low (got 'urgent')"
    assert err[1].startswith(f"commarch: {source}: line 3: kind: must be one of")
    assert not out.exists()
    assert os.listdir(tmp_path) == ["in.csv"]  # no temp file left behind either


def test_hostile_graphml_refused_and_existing_output_untouched(tmp_path, capsys):
    from .test_graphml import BILLION_LAUGHS

    source = tmp_path / "evil.graphml"
    source.write_bytes(BILLION_LAUGHS)
    out = tmp_path / "keep.comm"
    out.write_bytes(b"precious")
    assert main(["import", str(source), "-o", str(out), "--force"]) == 2
    assert "refused for safety" in _one_line_errors(capsys)[0]
    assert out.read_bytes() == b"precious"


def test_import_refuses_to_overwrite_without_force(comm, tmp_path, capsys):
    graphml = tmp_path / "g.graphml"
    assert main(["export", str(comm), "-o", str(graphml)]) == 0
    out = tmp_path / "exists.comm"
    out.write_bytes(b"precious")
    assert main(["import", str(graphml), "-o", str(out)]) == 2
    assert "already exists; use --force" in _one_line_errors(capsys)[0]
    assert out.read_bytes() == b"precious"
    assert main(["import", str(graphml), "-o", str(out), "--force"]) == 0
    assert same_graph(load(out), hostile_model())
