"""The window writes reports in a child process (in its worker thread Qt text objects crashed the app)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from commarch.fileformat import load
from commarch.render import report_process

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "avantgarde-as-is.comm"


def test_a_child_writes_the_report(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    assert report_process.write_report_in_child(load(EXAMPLE), str(out), "en") == str(out)
    assert out.read_bytes().startswith(b"%PDF")


def test_an_unwritable_target_is_an_oserror(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "report.pdf"
    with pytest.raises(OSError):
        report_process.write_report_in_child(load(EXAMPLE), str(target), "en")
    assert not target.exists()


def test_without_child_processes_the_caller_is_told(monkeypatch, tmp_path: Path) -> None:
    class NoProcesses:
        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def start(self) -> None:
            raise OSError("no processes here")

    real = report_process.multiprocessing.get_context("spawn")
    monkeypatch.setattr(real, "Process", NoProcesses)
    monkeypatch.setattr(report_process.multiprocessing, "get_context", lambda _name: real)
    assert report_process.write_report_in_child(load(EXAMPLE), str(tmp_path / "r.pdf"), "en") is None
    assert not os.path.exists(tmp_path / "r.pdf")



def test_the_child_check_the_bundle_tests_run() -> None:
    """`COMMARCH_CHECK_CHILDREN=1 commarch`: both child processes start and answer (here from the source
    tree; tests/packaging/test_bundle.py runs it in the bundle)."""
    import subprocess
    import sys

    env = {**os.environ, "COMMARCH_CHECK_CHILDREN": "1", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "commarch"], env=env, capture_output=True, text=True,
                          timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["brokerage child: ok", "report child: ok"]
