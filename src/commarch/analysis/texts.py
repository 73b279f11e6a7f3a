"""Localized texts of the analysis: picks the language module and formats labels, lists and pairs."""

from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType

from . import texts_de, texts_en
from .registry import Hit

LANGUAGES: dict[str, ModuleType] = {"de": texts_de, "en": texts_en}
DEFAULT_LANGUAGE = "en"


def language(lang: str | None) -> str:
    """A supported language code for `lang` (None or unknown -> English)."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


class Fmt:
    """Formats element ids as quoted labels, and lists of them, in one language."""

    def __init__(self, lang: str, labels: dict[str, str]):
        self.lang = language(lang)
        self.words: dict[str, str] = LANGUAGES[self.lang].WORDS
        self.labels = labels
        self._quoted: dict[str, str] = {}

    def l(self, element_id: str) -> str:  # noqa: E743 - short name keeps the message templates readable
        """The element's label in typographic quotes (its id if it has no label)."""
        quoted = self._quoted.get(element_id)
        if quoted is None:
            label = self.labels.get(element_id, element_id)
            quoted = self._quoted[element_id] = f"{self.words['open']}{label}{self.words['close']}"
        return quoted

    def list(self, ids: Iterable[str]) -> str:
        """'A, B and C' with labels."""
        names = [self.l(i) for i in ids]
        if len(names) <= 1:
            return "".join(names)
        return f"{', '.join(names[:-1])} {self.words['and']} {names[-1]}"

    def pairs(self, pairs: Iterable[tuple[str, str]]) -> str:
        """Every pair, grouped by its first member: 'A with B and C; B with C' with labels."""
        partners: dict[str, list[str]] = {}
        for a, b in pairs:
            partners.setdefault(a, []).append(b)
        return "; ".join(f"{self.l(a)} {self.words['with']} {self.list(bs)}" for a, bs in partners.items())

    def groups(self, groups: Iterable[Iterable[str]]) -> str:
        """'group 1: A, B; group 2: C' with labels."""
        return "; ".join(f"{self.words['group']} {n}: {self.list(g)}" for n, g in enumerate(groups, 1))

    def all(self, count: int) -> str:
        """'both' for two, 'all' for more."""
        return self.words["both"] if count == 2 else self.words["all"]


def meta(rule_id: str, part: str) -> dict[str, str]:
    """{'de': ..., 'en': ...} for a rule's 'title', 'explanation' or 'recommendation'."""
    position = ("title", "explanation", "recommendation").index(part)
    return {code: module.META[rule_id][position] for code, module in LANGUAGES.items()}


def render(rule_id: str, hit: Hit, fmt: Fmt) -> tuple[str, str]:
    """(message, recommendation) of one finding in `fmt`'s language."""
    return LANGUAGES[fmt.lang].MESSAGES[rule_id](hit, fmt)  # type: ignore[no-any-return]


def ui(lang: str | None) -> dict[str, str]:
    """Words for presenting an analysis (headings, metric names, severities) in `lang`."""
    return LANGUAGES[language(lang)].UI  # type: ignore[no-any-return]
