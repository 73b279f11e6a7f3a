"""How a template is written: bilingual labels, elements and relations as plain data, and its builder."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from commarch.model import ELEMENT_CLASSES, RELATION_CLASSES, CommModel, Meta, check_model

LANGUAGES = ("de", "en")


class L(NamedTuple):
    """A text in German and English."""

    de: str
    en: str

    def pick(self, lang: str) -> str:
        return self.de if lang == "de" else self.en


@dataclass(frozen=True)
class ElementSpec:
    id: str
    kind: str
    label: L
    props: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RelationSpec:
    kind: str
    source: str
    target: str
    props: dict[str, Any] = field(default_factory=dict)


def E(id: str, kind: str, de: str, en: str, **props: Any) -> ElementSpec:  # noqa: N802 - reads like data
    return ElementSpec(id, kind, L(de, en), props)


def R(kind: str, source: str, target: str, **props: Any) -> RelationSpec:  # noqa: N802
    return RelationSpec(kind, source, target, props)


@dataclass(frozen=True)
class Template:
    """A starting architecture. `positions` were made with the layered layout and are stored so that
    a template looks the same in every version (and `templates` need not depend on `layout`)."""

    name: str
    title: L
    description: L
    elements: tuple[ElementSpec, ...]
    relations: tuple[RelationSpec, ...]
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)

    def build(self, lang: str) -> CommModel:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r} (use de or en)")
        elements = []
        for spec in self.elements:
            x, y = self.positions.get(spec.id, (0, 0))
            props = {k: v.pick(lang) if isinstance(v, L) else v for k, v in spec.props.items()}
            element_class = ELEMENT_CLASSES[spec.kind]
            elements.append(element_class(id=spec.id, label=spec.label.pick(lang), x=x, y=y, **props))
        relations = []
        for number, spec in enumerate(self.relations, start=1):
            props = {k: v.pick(lang) if isinstance(v, L) else v for k, v in spec.props.items()}
            relation_class = RELATION_CLASSES[spec.kind]
            relations.append(relation_class(id=f"r{number}", source=spec.source, target=spec.target, **props))
        problems = check_model(elements, relations)
        if problems:  # a broken template is a bug in commarch, not bad user input
            raise AssertionError(f"template {self.name}: " + "; ".join(map(str, problems)))
        meta = Meta(title=self.title.pick(lang), language=lang, description=self.description.pick(lang))
        return CommModel(meta=meta, elements=elements, relations=relations)
