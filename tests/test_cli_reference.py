"""docs/cli.md is generated from the parser; it must be current."""

import importlib.util
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_is_current(monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "scripts" / "cli-reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == module.render(), (
        "run: COLUMNS=100 .venv/bin/python scripts/cli-reference.py")
    assert os.environ["COLUMNS"] == "100"
