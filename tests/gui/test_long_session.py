"""A 500-step scripted workshop session in a subprocess exits cleanly (no traceback, exit code 0)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).with_name("session_script.py")


def test_500_step_session_exits_cleanly(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(SCRIPT), "500", "7", str(tmp_path)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.stdout.startswith("ok "), result.stdout
    assert not list((tmp_path / "recovery").glob("*.comm"))  # clean exit leaves no recovery copies
