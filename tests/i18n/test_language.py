"""Choosing the UI language: preference or system locale, commarch's and Qt's catalogues."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from commarch.gui import i18n


class _FakeLocale:
    def __init__(self, name: str):
        self._name = name

    def name(self) -> str:
        return self._name


@pytest.mark.parametrize(("system", "expected"), [("de_DE", "de"), ("de_AT", "de"), ("de_CH", "de"),
                                                  ("en_GB", "en"), ("fr_FR", "en"), ("C", "en")])
def test_system_follows_the_locale(monkeypatch: pytest.MonkeyPatch, system: str, expected: str) -> None:
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: _FakeLocale(system)))
    assert i18n.resolve_language("system") == expected
    assert i18n.resolve_language("de") == "de"
    assert i18n.resolve_language("en") == "en"


def test_catalogue_is_found() -> None:
    path = i18n.catalog_path("de")
    assert path is not None and path.name == "commarch_de.qm"
    assert i18n.catalog_path("xx") is None


def test_install_german_then_english(qapp) -> None:
    try:
        assert i18n.install_translator(qapp, "de") == "de"
        assert i18n.current_language() == "de"
        assert QCoreApplication.translate("", "&File") == "&Datei"
        assert QCoreApplication.translate("kinds", "Channel") == "Kanal"
        # Qt's own catalogue: standard buttons of message boxes and button boxes
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
        assert i18n.retranslated("&Datei") == "&Datei"
        assert i18n.install_translator(qapp, "en") == "en"
        assert QCoreApplication.translate("", "&File") == "&File"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
        assert i18n.retranslated("&Datei") == "&File"  # what a switch does with a German menu title
        assert i18n.retranslated("Presse") is None  # never handed out by a translator: user data
    finally:
        i18n.install_translator(qapp, "en")


def test_missing_catalogue_keeps_english(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "catalog_path", lambda _lang: None)
    try:
        assert i18n.install_translator(qapp, "de") == "en"
        assert QCoreApplication.translate("", "&File") == "&File"
    finally:
        monkeypatch.undo()
        i18n.install_translator(qapp, "en")
