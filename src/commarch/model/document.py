"""The document root of a `.comm` file: meta, elements, relations, rule settings and waivers."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, FailFast, Field, SerializeAsAny

from .elements import Element
from .fields import Id, Timestamp
from .relations import Relation

Severity = Literal["error", "warning", "info"]
Language = Literal["de", "en"]

CURRENT_VERSION = 1
ROOT_KEYS = "commarch.root_keys"
"""Key of a validation context (a dict) that receives the root object's keys as given in the input."""


class Meta(BaseModel):
    model_config = ConfigDict(strict=True, extra="allow", defer_build=True)

    title: str = ""
    client: str = ""
    author: str = ""
    created: Timestamp | None = None
    modified: Timestamp | None = None
    language: Language | None = None
    description: str = ""


class RuleSetting(BaseModel):
    model_config = ConfigDict(strict=True, extra="allow", defer_build=True)

    enabled: bool = True
    severity: Severity | None = None


class Waiver(BaseModel):
    model_config = ConfigDict(strict=True, extra="allow", defer_build=True)

    rule: str = Field(min_length=1)
    subjects: list[Id]
    note: str = ""


class CommModel(BaseModel):
    """A whole architecture. Plain data: invariants across objects live in `invariants.py`."""

    model_config = ConfigDict(strict=True, extra="allow", defer_build=True)

    format: Literal["comm"] = "comm"
    version: int = CURRENT_VERSION
    meta: Meta | None = None
    # FailFast: a file of a million broken elements fails at the first one instead of building a
    # million errors; the file layer then lists problems item by item up to its cap.
    # Validated through the discriminated unions; written by each object's own class ("any"): the same
    # text, but pydantic-core's tagged-union serializer costs ~25 % of a whole save (~10 ms per 30,000 objects).
    elements: Annotated[list[SerializeAsAny[Element]], FailFast()]
    relations: Annotated[list[SerializeAsAny[Relation]], FailFast()]
    rules: dict[str, RuleSetting] | None = None
    waivers: list[Waiver] | None = None

    def model_post_init(self, context: object, /) -> None:
        if type(context) is dict:  # the loader's quick path checks that `format` and `version` were given
            context[ROOT_KEYS] = frozenset(self.__pydantic_fields_set__)
        self.__pydantic_fields_set__.update(("format", "version"))

    @classmethod
    def empty(cls, **meta: str) -> CommModel:
        """A new, empty architecture (optionally with meta such as title or language)."""
        if meta:
            return cls(elements=[], relations=[], meta=Meta(**meta))
        # Nothing to validate: built without the validator, so an app starting with an empty window does
        # not build the model's schema (`defer_build`) before its first paint (~30 ms).
        return cls.model_construct(elements=[], relations=[])
