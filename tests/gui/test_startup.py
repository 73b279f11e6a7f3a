"""Start-up path: the COMMARCH_EXIT_AFTER_PAINT hook, and no heavy package imported before the first paint."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "avantgarde-as-is.comm"
# never needed to paint the first window (report → matplotlib; layout → numpy/networkx; compare, exports)
NOT_AT_START = ("matplotlib", "numpy", "commarch.report", "commarch.layout", "commarch.diff",
                "commarch.interchange")


def start(tmp_path: Path, *args: str, leave: str = "1") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COMMARCH_EXIT_AFTER_PAINT=leave,
               COMMARCH_SETTINGS=str(tmp_path / "settings.ini"), COMMARCH_RECOVERY_DIR=str(tmp_path / "recovery"),
               COMMARCH_BACKUP_DIR=str(tmp_path / "backups"))
    return subprocess.run([sys.executable, "-X", "importtime", "-m", "commarch", *args], capture_output=True,
                          text=True, env=env, timeout=60, cwd=tmp_path)


def imported(stderr: str) -> set[str]:
    return {line.rsplit("|", 1)[1].strip() for line in stderr.splitlines()
            if line.startswith("import time:") and line.count("|") == 2}


@pytest.mark.parametrize("args", [(), (str(EXAMPLE),), ("missing.comm",)], ids=["empty", "example", "missing"])
def test_exit_after_paint_hook_quits_silently_without_heavy_imports(tmp_path: Path, args: tuple[str, ...]) -> None:
    out = start(tmp_path, *args)
    assert out.returncode == 0, out.stderr[-800:]
    assert out.stdout == ""
    modules = imported(out.stderr)
    assert "commarch.gui.mainwindow" in modules  # the window was really built
    assert [m for m in NOT_AT_START if m in modules] == []
    if args:  # a file to open: loaded, analysed and painted in one go; the model layers before PySide6
        assert "commarch.analysis" in modules and "pydantic" in modules
        order = [line.rsplit("|", 1)[1].strip() for line in out.stderr.splitlines() if line.startswith("import time:")]
        assert max(order.index("commarch.model"), order.index("pydantic")) < order.index("PySide6")
    else:  # an empty window paints before the model layers are imported (MainWindow.complete follows)
        assert [m for m in ("pydantic", "commarch.model", "commarch.editing", "commarch.analysis",
                            "commarch.fileformat", "commarch.gui.canvas", "networkx", "igraph") if m in modules] == []
    assert not (tmp_path / "settings.ini").exists()  # nothing saved: the hook skips teardown


def test_usable_hook_leaves_only_once_the_window_is_complete(tmp_path: Path) -> None:
    """`COMMARCH_EXIT_AFTER_PAINT=usable` (bench/startup.py's "fully usable" row) waits for the canvas and
    the panels, which the first paint of an empty start does not have yet."""
    out = start(tmp_path, leave="usable")
    assert out.returncode == 0, out.stderr[-800:]
    modules = imported(out.stderr)
    assert {"commarch.gui.canvas", "commarch.editing", "commarch.analysis", "pydantic"} <= modules
