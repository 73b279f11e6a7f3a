"""What every report section needs: the model indexed by kind and relation, texts and number formats."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from commarch.model import CommModel

from .texts import language, texts

_MONTHS_DE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
              "November", "Dezember")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")


@dataclass
class Context:
    model: CommModel
    lang: str
    t: dict[str, str]
    findings: list[Any]
    metrics: dict[str, Any]
    labels: dict[str, str] = field(default_factory=dict)
    by_kind: dict[str, list[Any]] = field(default_factory=lambda: defaultdict(list))
    # relation kind -> source -> [(target, relation)]
    out: dict[str, dict[str, list[tuple[str, Any]]]] = field(default_factory=dict)
    into: dict[str, dict[str, list[tuple[str, Any]]]] = field(default_factory=dict)

    @classmethod
    def build(cls, model: CommModel, findings: list[Any], metrics: dict[str, Any], lang: str | None) -> Context:
        if lang is None and model.meta is not None:
            lang = model.meta.language
        code = language(lang)
        ctx = cls(model=model, lang=code, t=texts(code), findings=list(findings), metrics=dict(metrics))
        for element in model.elements:
            ctx.labels[element.id] = element.label
            ctx.by_kind[element.kind].append(element)
        out: dict[str, dict[str, list[tuple[str, Any]]]] = defaultdict(lambda: defaultdict(list))
        into: dict[str, dict[str, list[tuple[str, Any]]]] = defaultdict(lambda: defaultdict(list))
        for relation in model.relations:
            out[relation.kind][relation.source].append((relation.target, relation))
            into[relation.kind][relation.target].append((relation.source, relation))
        ctx.out, ctx.into = out, into
        return ctx

    # --- lookups -----------------------------------------------------------------------------
    def kind(self, kind: str) -> list[Any]:
        """Elements of `kind`, sorted by label (case-insensitive) then id, as a reader looks them up."""
        return sorted(self.by_kind.get(kind, ()), key=lambda e: (e.label.casefold(), e.id))

    def targets(self, kind: str, source: str) -> list[str]:
        return [target for target, _ in self.out.get(kind, {}).get(source, ())]

    def sources(self, kind: str, target: str) -> list[str]:
        return [source for source, _ in self.into.get(kind, {}).get(target, ())]

    def names(self, ids: list[str] | set[str]) -> str:
        """Labels of `ids`, sorted, comma-separated; a dash for none."""
        found = sorted((self.labels.get(i, i) for i in ids), key=str.casefold)
        return ", ".join(found) if found else self.t["none"]

    # --- formats -----------------------------------------------------------------------------
    def yes_no(self, value: bool) -> str:
        return self.t["yes"] if value else self.t["no"]

    def percent(self, ratio: float | None) -> str:
        if ratio is None:
            return self.t["na"]
        return f"{round(ratio * 100)}\u00a0%" if self.lang == "de" else f"{round(ratio * 100)}%"

    def decimal(self, value: float, places: int = 3) -> str:
        text = f"{value:.{places}f}"
        return text.replace(".", ",") if self.lang == "de" else text

    def day(self, when: date) -> str:
        if self.lang == "de":
            return f"{when.day}. {_MONTHS_DE[when.month - 1]} {when.year}"
        return f"{when.day} {_MONTHS_EN[when.month - 1]} {when.year}"

    def report_date(self) -> str:
        """The model's last modification (else creation) date; today when the model has neither."""
        meta = self.model.meta
        for stamp in (meta.modified, meta.created) if meta is not None else ():
            if stamp:
                try:
                    return self.day(datetime.fromisoformat(stamp.replace("Z", "+00:00")).date())
                except ValueError:
                    continue
        return self.day(date.today())
