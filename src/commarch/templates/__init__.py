"""Starting architectures (Qt-free): bilingual templates and the builder that turns one into a model."""

from __future__ import annotations

from dataclasses import replace

from commarch.model import CommModel

from .companies import B2B, B2C
from .people import EMPLOYER_BRANDING
from .positions import POSITIONS
from .public import CRISIS, PUBLIC_INSTITUTION
from .spec import LANGUAGES, L, Template

TEMPLATES: dict[str, Template] = {
    t.name: t for t in (B2C, B2B, EMPLOYER_BRANDING, CRISIS, PUBLIC_INSTITUTION)
}
TEMPLATE_NAMES: tuple[str, ...] = tuple(TEMPLATES)


class UnknownTemplateError(ValueError):
    """Asked for a template name that does not exist."""


def get_template(name: str) -> Template:
    try:
        return TEMPLATES[name]
    except KeyError:
        raise UnknownTemplateError(
            f"unknown template {name!r} (available: {', '.join(TEMPLATE_NAMES)})"
        ) from None


def list_templates(lang: str = "en") -> list[tuple[str, str, str]]:
    """(name, title, one-line description) of every template, in `lang` (de or en)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (use de or en)")
    return [(t.name, t.title.pick(lang), t.description.pick(lang)) for t in TEMPLATES.values()]


def build_template(name: str, lang: str = "en") -> CommModel:
    """A new model from template `name` with labels in `lang`; meta.title and meta.language are set."""
    template = get_template(name)
    if not template.positions and name in POSITIONS:
        template = replace(template, positions=POSITIONS[name])
    return template.build(lang)


__all__ = ["L", "LANGUAGES", "TEMPLATES", "TEMPLATE_NAMES", "Template", "UnknownTemplateError",
           "build_template", "get_template", "list_templates"]
