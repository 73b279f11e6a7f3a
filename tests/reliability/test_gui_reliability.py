"""The real MainWindow, offscreen, in subprocesses: crash recovery after SIGKILL (and a live instance's copies
left alone), an exception inside a slot, and a scripted workshop session with a clean exit."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .support import BENCH, figure

pytest.importorskip("PySide6")
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SIGKILL and /proc")
DRIVER = BENCH / "gui_driver.py"


def drive(*args: str, timeout: float = 120) -> dict[str, Any]:
    result = subprocess.run([sys.executable, str(DRIVER), *args], capture_output=True, text=True, timeout=timeout,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_crash_recovery_after_sigkill(tmp_path: Path) -> None:
    child = subprocess.Popen([sys.executable, str(DRIVER), "crash", str(tmp_path)], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        assert child.stdout is not None
        state = json.loads(child.stdout.readline())
        assert state["autosaved"] is not None, "the autosave timer did not write a recovery copy"
        # A second instance while the first still runs: the first one's copies are not orphans.
        assert drive("restart", str(tmp_path))["copies"] == 0
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    back = drive("restart", str(tmp_path))
    assert back["copies"] == 1
    assert back["restored"] == state["autosaved"]       # exactly the state of the last autosave
    assert back["restored"] != state["latest"]          # (the edit after it is the accepted loss)
    assert back["unsaved"] and back["left"] == 0        # shown as unsaved work; the copy is taken over once
    assert drive("restart", str(tmp_path))["copies"] == 0


def test_exception_in_a_slot_gives_dialog_and_emergency_copy(tmp_path: Path) -> None:
    info = drive("fault", str(tmp_path))
    assert info["handled"] == 1 and info["dialogs"] == ["injected fault in a slot"]
    assert len(info["emergency"]) == 1
    from commarch.fileformat import load

    assert [e.label for e in load(info["emergency"][0]).elements] == ["Kunden"]
    assert info["unchanged"] and info["still_works"] and info["elements"] == 2


def test_gui_workshop_session_exits_cleanly(tmp_path: Path) -> None:
    info = drive("long", str(tmp_path), "250", "2", timeout=180)
    assert info["edits"] == 500 and info["windows"] == 0
    (first_edits, first_rss), (last_edits, last_rss) = info["samples"][0], info["samples"][-1]
    growth = (last_rss - first_rss) / 2**20 / ((last_edits - first_edits) / 1000)
    figure(f"GUI session: {info['edits']} steps in 2 windows, RSS {last_rss / 2**20:.0f} MB, "
           f"growth {growth:.1f} MB per 1,000 steps after the first window")
    assert growth < 100
    assert len(list(tmp_path.glob("workshop-*.comm"))) == 2
