"""safe_filename: hostile titles always give names valid on Windows, macOS and Linux."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commarch.interchange import safe_filename

WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{p}{n}" for p in ("COM", "LPT") for n in "0123456789¹²³"}


def check_portable(name: str) -> None:
    """An independent checker of the rules for a portable file name."""
    assert name, "empty"
    assert len(name.encode("utf-8")) <= 120, "too long"
    assert not any(c in '<>:"/\\|?*' for c in name), "forbidden character"
    assert not any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in name), "control character"
    assert not name.endswith((".", " ")), "trailing dot or space"
    assert not name.startswith((".", " ", "-")), "leading dot, space or dash"
    assert name.split(".")[0].strip().upper() not in WINDOWS_DEVICES, "reserved device name"
    assert name == unicodedata.normalize("NFC", name)


@pytest.mark.parametrize("title, expected", [
    ("Avantgarde GmbH — Ist-Zustand", "Avantgarde GmbH — Ist-Zustand.pdf"),
    ("Größenübersicht Müller", "Größenübersicht Müller.pdf"),
    ("CON", "CON_.pdf"),
    ("com1.backup", "com1_.backup.pdf"),
    ("../../etc/passwd", "etc-passwd.pdf"),
    ("a/b: c*d?", "a-b- c-d.pdf"),
    ("...", "commarch.pdf"),
    ("", "commarch.pdf"),
    (".hidden", "hidden.pdf"),
    ("name. . ", "name.pdf"),
    ("\u202egnp.exe", "gnp.exe.pdf"),
])
def test_examples(title, expected):
    assert safe_filename(title, ".pdf") == expected
    check_portable(expected)


def test_suffix_forms_and_fallback():
    assert safe_filename("Report", "pdf") == safe_filename("Report", ".pdf") == "Report.pdf"
    assert safe_filename("", ".csv", fallback="export") == "export.csv"
    assert safe_filename("///", "", fallback="<>") == "commarch"


def test_long_titles_are_cut_on_character_boundaries():
    name = safe_filename("Ä" * 300, ".graphml")
    check_portable(name)
    assert name.endswith(".graphml") and set(name[:-8]) == {"Ä"}
    combining = safe_filename("e\u0301" * 200, ".pdf")  # NFC makes é; never a dangling accent
    check_portable(combining)


@given(st.text(), st.sampled_from(["", ".pdf", "png", ".tar.gz", ".relations.csv"]), st.text(max_size=20))
def test_any_title_gives_a_portable_name(title, suffix, fallback):
    check_portable(safe_filename(title, suffix, fallback))


@given(st.text(alphabet=st.characters(categories=["Lu", "Ll", "Lo", "Nd"]), min_size=1, max_size=30))
def test_letters_and_digits_are_kept(title):
    expected = unicodedata.normalize("NFC", title)
    name = safe_filename(title, ".pdf")
    check_portable(name)
    if expected.upper() not in WINDOWS_DEVICES:
        assert name == expected + ".pdf"
