"""Build the PyInstaller bundle from packaging/commarch.spec and run the frozen binary headless."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import commarch
from commarch.cli import COMMAND_MODULES

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "packaging" / "commarch.spec"
EXAMPLE_NAME = "avantgarde-as-is.comm"
SIZE_BUDGET_MB = 300  # Linux build is ~200 MB; a jump past this means something big slipped in
BUILD_TIMEOUT_S = 900


def bundle_size_mb(folder: Path) -> float:
    # PyInstaller links top-level libraries to their package folders: count each file once
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink()) / 2**20


def ensure_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is not None:
        return
    # not in the dev extra yet: install it into the running environment, as packaging/build.sh does
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "pyinstaller>=6.10"],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, f"cannot install PyInstaller: {done.stderr[-2000:]}"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ensure_pyinstaller()
    out = tmp_path_factory.mktemp("pyinstaller")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "build"), str(SPEC)],
        cwd=REPO, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S,
    )
    assert done.returncode == 0, f"PyInstaller failed:\n{done.stdout[-3000:]}\n{done.stderr[-5000:]}"
    folder = out / "dist" / "commarch"
    size_mb = bundle_size_mb(folder)
    print(f"\nbundle: {folder} built in {time.monotonic() - started:.0f} s, {size_mb:.0f} MB")
    return folder


@pytest.fixture(scope="module")
def frozen_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("home")  # settings, autosave and font caches stay out of the real home
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local" / "share"), XDG_CACHE_HOME=str(home / ".cache"),
               MPLCONFIGDIR=str(home / "mpl"))
    return env


def executable(bundle: Path) -> Path:
    exe = bundle / ("commarch.exe" if sys.platform == "win32" else "commarch")
    assert exe.is_file(), f"no executable in {bundle}"
    return exe


def bundled_example(bundle: Path) -> Path:
    found = sorted(bundle.rglob(f"commarch/_resources/examples/{EXAMPLE_NAME}"))
    assert found, "the example is not bundled"
    return found[0]


def run(bundle: Path, env: dict[str, str], *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(executable(bundle)), *args], env=env, cwd=cwd or bundle.parent,
                          capture_output=True, text=True, encoding="utf-8", timeout=180)


def test_version_is_the_package_version(bundle: Path, frozen_env: dict[str, str]) -> None:
    done = run(bundle, frozen_env, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"commarch {commarch.__version__}"


def test_resources_and_only_needed_qt_translations_are_bundled(bundle: Path) -> None:
    resources = REPO / "resources"
    bundled = next(bundle.rglob("commarch/_resources"))
    for pattern in ("examples/*.comm", "icons/*.svg", "translations/*.qm"):
        for source in resources.glob(pattern):
            target = bundled / source.relative_to(resources)
            assert target.is_file(), f"{source.relative_to(REPO)} is not in the bundle"
            assert target.read_bytes() == source.read_bytes()
    qt_translations = {p.name for p in bundle.rglob("PySide6/**/translations/*.qm")}
    assert "qtbase_de.qm" in qt_translations
    assert not {name for name in qt_translations if name.startswith("qtbase_fr")}


def test_bundle_stays_within_size_budget(bundle: Path) -> None:
    size_mb = bundle_size_mb(bundle)
    assert size_mb < SIZE_BUDGET_MB, f"bundle is {size_mb:.0f} MB"


def test_analyze_matches_the_source_tree(bundle: Path, frozen_env: dict[str, str]) -> None:
    example = bundled_example(bundle)
    frozen = run(bundle, frozen_env, "analyze", str(example), "--format", "json", "--fail-on", "never")
    assert frozen.returncode == 0, frozen.stderr
    source = subprocess.run(
        [sys.executable, "-m", "commarch.main", "analyze", str(example), "--format", "json", "--fail-on", "never"],
        capture_output=True, text=True, encoding="utf-8", timeout=180,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert source.returncode == 0, source.stderr
    frozen_result, source_result = json.loads(frozen.stdout), json.loads(source.stdout)
    assert frozen_result["findings"], "the as-is example has findings"
    assert frozen_result == source_result
    # the default --fail-on error: the as-is example has an error finding, so exit code 1
    assert run(bundle, frozen_env, "analyze", str(example)).returncode == 1


def test_bad_input_gives_one_line_and_exit_2(bundle: Path, frozen_env: dict[str, str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.comm"
    broken.write_text('{"format": "comm", "version": 1, "elements": [', encoding="utf-8")
    done = run(bundle, frozen_env, "analyze", str(broken))
    assert done.returncode == 2
    assert done.stderr.startswith("commarch: ") and "Traceback" not in done.stderr
    assert str(broken) in done.stderr


def test_diagram_renders_headless(bundle: Path, frozen_env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "diagram.png"
    done = run(bundle, frozen_env, "diagram", str(bundled_example(bundle)), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("suffix", ["html", "pdf"])
def test_report_on_the_example(bundle: Path, frozen_env: dict[str, str], tmp_path: Path, suffix: str) -> None:
    if "report" not in COMMAND_MODULES:
        pytest.skip("`commarch report` is not registered in commarch.cli.COMMAND_MODULES yet")
    out = tmp_path / f"report.{suffix}"
    done = run(bundle, frozen_env, "report", str(bundled_example(bundle)), "-o", str(out), "--lang", "de")
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    if suffix == "pdf":
        assert data.startswith(b"%PDF")
    else:
        assert b"<html" in data.lower() and b"Investoren" in data


def test_desktop_app_starts_on_the_example(bundle: Path, frozen_env: dict[str, str]) -> None:
    """The GUI comes up without a window system and keeps running (no import or resource error at start)."""
    proc = subprocess.Popen([str(executable(bundle)), str(bundled_example(bundle))], env=frozen_env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=bundle.parent)
    try:
        proc.wait(timeout=8)
    except subprocess.TimeoutExpired:
        pass
    else:
        out, err = proc.communicate()
        pytest.fail(f"the app exited with {proc.returncode} at start:\n{err[-3000:]}")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate(timeout=30)


def test_brokerage_uses_igraph_in_the_bundle(bundle: Path) -> None:
    """igraph is a runtime dependency imported by name at first use: the spec must bundle it (without it
    the bundled app computed the brokerage with networkx, minutes instead of a second at 5,000 elements)."""
    assert sorted(bundle.rglob("igraph/__init__.py*")) or sorted(bundle.rglob("igraph/_igraph*")), \
        "igraph is not bundled"



def test_the_bundle_starts_its_child_processes(bundle: Path, frozen_env: dict[str, str]) -> None:
    """The brokerage and report children of a frozen app run the bundle's own executable (spawn +
    freeze_support in the entry): they must serve, not start another app."""
    done = subprocess.run([str(executable(bundle))], env={**frozen_env, "COMMARCH_CHECK_CHILDREN": "1"},
                          capture_output=True, text=True, timeout=180, cwd=bundle.parent)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr[-3000:]}"
    assert "brokerage child: ok" in done.stdout and "report child: ok" in done.stdout
