"""commarch.resources finds the bundled files in a checkout, an installed wheel and a PyInstaller bundle."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import commarch
from commarch import resources
from commarch.cli import main as cli_main

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def fresh_lookup() -> Iterator[None]:
    resources._root.cache_clear()
    yield
    resources._root.cache_clear()


def make_root(base: Path) -> Path:
    (base / "icons").mkdir(parents=True)
    (base / "icons" / "goal.svg").write_text("<svg/>")
    return base


def test_source_checkout_uses_repo_resources(fresh_lookup: None) -> None:
    assert resources.resource_path() == REPO / "resources"
    example = resources.resource_path("examples", "avantgarde-as-is.comm")
    assert example is not None and example.is_file()
    assert resources.resource_path("icons", "no-such-icon.svg") is None


def test_installed_wheel_layout_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_lookup: None) -> None:
    package = tmp_path / "site-packages" / "commarch"
    root = make_root(package / "_resources")
    monkeypatch.setattr(resources, "_PACKAGE_DIR", package)
    assert resources.resource_path() == root
    assert resources.resource_path("icons", "goal.svg") == root / "icons" / "goal.svg"


def test_frozen_bundle_uses_meipass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_lookup: None) -> None:
    monkeypatch.setattr(resources, "_PACKAGE_DIR", tmp_path / "elsewhere" / "commarch")  # no _resources beside it
    root = make_root(tmp_path / "bundle" / "_internal" / "commarch" / "_resources")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "bundle" / "_internal"), raising=False)
    assert resources.resource_path("icons") == root / "icons"


def test_nothing_installed_gives_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_lookup: None) -> None:
    monkeypatch.setattr(resources, "_PACKAGE_DIR", tmp_path / "site-packages" / "commarch")
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    (tmp_path / "site-packages" / "commarch" / "_resources").mkdir(parents=True)  # empty leftover: not a root
    assert resources.resource_path() is None
    assert resources.resource_path("examples") is None


def test_version_comes_from_one_place(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli_main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"commarch {commarch.__version__}"
    # the PyInstaller spec reads the same line as text (it must not import the app): keep it parseable
    text = (REPO / "src" / "commarch" / "__init__.py").read_text(encoding="utf-8")
    found = re.findall(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.M)
    assert found == [commarch.__version__]
