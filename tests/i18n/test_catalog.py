"""The German catalogue is complete and compiled: every UI string in the sources has a finished
translation in resources/translations/commarch_de.ts, and commarch_de.qm is built from that .ts."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "commarch_de.ts"
QM = REPO / "resources" / "translations" / "commarch_de.qm"
SOURCE_DIRS = ("src/commarch/gui", "src/commarch/render")  # as in scripts/update-translations


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} not installed")
    return found


def _messages(ts: Path) -> dict[tuple[str, str, str], ET.Element]:
    """(context, source, disambiguation) -> <translation> element."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = message.find("translation")
    return found


def _finished(translation: ET.Element | None) -> bool:
    return (translation is not None and translation.get("type") not in ("unfinished", "vanished", "obsolete")
            and bool((translation.text or "").strip()))


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed .ts merged with the strings of the current sources (what the script would write)."""
    out = tmp_path_factory.mktemp("lupdate") / "commarch_de.ts"
    shutil.copyfile(TS, out)
    sources = sorted(str(p) for d in SOURCE_DIRS for p in (REPO / d).rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    "-source-language", "en", "-target-language", "de", *sources, "-ts", str(out)],
                   check=True, cwd=REPO)
    return out


def test_every_ui_string_has_a_german_translation(fresh: Path) -> None:
    missing = [f"{ctx or '<empty context>'}: {src!r}" for (ctx, src, _), t in _messages(fresh).items()
               if not _finished(t)]
    assert not missing, ("UI strings without a German translation (run scripts/update-translations, "
                         "translate them in resources/translations/commarch_de.ts, run it again):\n"
                         + "\n".join(missing))


def test_extraction_finds_the_strings_of_every_mechanism(fresh: Path) -> None:
    # one string of each way the code marks text, so a silent extraction failure cannot pass as "complete"
    keys = {(ctx, src) for ctx, src, _ in _messages(fresh)}
    for expected in [("", "&File"), ("", "Unsaved changes"), ("MainWindow", "Untitled"),
                     ("kinds", "Channel"), ("relations", "reaches"), ("ExceptionGuard", "Something went wrong"),
                     ("EditController", "Move")]:
        assert expected in keys
    assert len(keys) > 300


def test_committed_ts_has_no_strings_the_sources_dropped(fresh: Path) -> None:
    stale = set(_messages(TS)) - set(_messages(fresh))
    assert not stale, f"run scripts/update-translations: obsolete entries {sorted(stale)[:10]}"


def test_translations_keep_placeholders_and_mnemonics() -> None:
    problems = []
    for (ctx, src, _), t in _messages(TS).items():
        de = t.text or "" if t is not None else ""
        if sorted(re.findall(r"%\d", src)) != sorted(re.findall(r"%\d", de)):
            problems.append(f"{ctx}: {src!r} -> {de!r} (placeholders)")
        if re.search(r"&\w", src) and len(re.findall(r"&\w", de)) != 1:
            problems.append(f"{ctx}: {src!r} -> {de!r} (one & mnemonic expected)")
        if "“" in src and "„" not in de:
            problems.append(f"{ctx}: {src!r} -> {de!r} (German quotes „…“)")
    assert not problems, "\n".join(problems)


def test_committed_qm_is_compiled_from_the_committed_ts(tmp_path: Path) -> None:
    built = tmp_path / "commarch_de.qm"
    subprocess.run([_tool("pyside6-lrelease"), "-silent", "-nounfinished", str(TS), "-qm", str(built)],
                   check=True, cwd=REPO)
    assert QM.is_file(), "run scripts/update-translations"
    assert QM.read_bytes() == built.read_bytes(), "commarch_de.qm is stale: run scripts/update-translations"
