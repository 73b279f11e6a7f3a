"""The UI language: installs commarch's and Qt's translators, and remembers what each shown text was translated from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from commarch.resources import resource_path

LANGUAGES = ("de", "en")  # English is the source language: it needs no .qm of ours
CATALOG = "commarch"  # resources/translations/commarch_<lang>.qm

# Key of one message: (context, source text, disambiguation).
Key = tuple[str, str, str | None]

# Every text the translators produced (or let through untranslated), with the messages it came from.
# A language switch looks a shown text up here to find its source again (see retranslate.py). Module
# level, because it must outlive the translator that recorded it.
_shown: dict[str, list[Key]] = {}
# Texts composed from a translated template and arguments ("Add Presse", "Connect (reaches)"): the
# template as shown, the arguments, and which of them are translated names themselves (see compose).
_composed: dict[str, tuple[str, tuple[str, ...], frozenset[int]]] = {}
_installed: list[QTranslator] = []
_current = "en"


def resolve_language(preference: str) -> str:
    """'de' or 'en' for a preference of 'de', 'en' or 'system' (German for any German system locale)."""
    if preference in LANGUAGES:
        return preference
    return "de" if QLocale.system().name().lower().startswith("de") else "en"


def current_language() -> str:
    """The language of the installed translators ('en' before install_translator ran)."""
    return _current


class RecordingTranslator(QTranslator):
    """A QTranslator that notes, for every text it hands out, which message it came from.

    Installed for English too (with no catalogue loaded): then it records the source texts, so a
    window built in English can still be switched to German.
    """

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # type: ignore[override]
                  n: int = -1) -> str | None:
        result = super().translate(context, source, disambiguation, n)
        if source:
            keys = _shown.setdefault(result or source, [])
            key = (context or "", source, disambiguation or None)
            if key not in keys:
                keys.append(key)
        # None (a null QString) lets Qt try the next translator and finally use the source text;
        # an empty string would be taken as the translation.
        return result or None

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override) - installed even without a catalogue
        return False


def catalog_path(language: str) -> Path | None:
    """commarch_<language>.qm from the installed resources (checkout, wheel or frozen app), or None."""
    found = resource_path("translations", f"{CATALOG}_{language}.qm")
    if found is not None:
        return found
    # a checkout without the icons marker resource_path needs (e.g. a partial copy): look next to src/
    fallback = Path(__file__).resolve().parents[3] / "resources" / "translations" / f"{CATALOG}_{language}.qm"
    return fallback if fallback.is_file() else None


def install_translator(app: QCoreApplication | None, language: str) -> str:
    """Install the translators for `language` ('de', 'en' or 'system') and return the one in effect.

    Replaces whatever this function installed before; Qt then sends LanguageChange to every widget.
    A missing catalogue leaves the UI in English rather than failing.
    """
    global _current
    qapp = app or QCoreApplication.instance()
    lang = resolve_language(language)
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    ours = RecordingTranslator(qapp)
    effective = "en"
    if lang != "en":
        path = catalog_path(lang)
        if path is not None and ours.load(str(path)):
            effective = lang
            qt_own = QTranslator(qapp)  # standard buttons and Qt's own dialogs (OK, Abbrechen, …)
            if qt_own.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                QCoreApplication.installTranslator(qt_own)
                _installed.append(qt_own)
    # installed last, so asked first: our catalogue wins over Qt's for the same message
    QCoreApplication.installTranslator(ours)
    _installed.append(ours)
    _current = effective
    return effective


def compose(template: str, *args: str, names: tuple[int, ...] = ()) -> str:
    """`template` (a text a translator handed out, with %1, %2 …) with `args` put in, remembered so that
    `retranslated` can compose the same text in another language: undo entries such as "Add Presse"
    follow a language switch. Arguments at the 1-based positions in `names` are translated texts
    themselves (a kind's name) and are translated again; the others (labels, counts) are kept as given."""
    text = template
    for position, arg in enumerate(args, 1):
        text = text.replace(f"%{position}", arg)
    if len(_composed) > 10_000:  # a long session: forget the oldest (they only serve a language switch)
        for old in list(_composed)[:5_000]:
            del _composed[old]
    _composed[text] = (template, args, frozenset(names))
    return text


def retranslated(text: str) -> str | None:
    """`text` as the installed translators would produce it from the message it was shown from, or
    None if `text` was never handed out by a translator (user data, numbers)."""
    keys = _shown.get(text)
    if not keys:
        return _recomposed(text)
    for context, source, disambiguation in keys:
        result = QCoreApplication.translate(context, source, disambiguation)
        if result != source:
            return result
    return keys[0][1]  # nowhere translated: the source language (English)


def _recomposed(text: str) -> str | None:
    composed = _composed.get(text)
    if composed is None:
        return None
    template, args, names = composed
    new_template = retranslated(template)
    if new_template is None:
        return None
    new_args = [(retranslated(arg) or arg) if position in names else arg for position, arg in enumerate(args, 1)]
    return compose(new_template, *new_args, names=tuple(names))
