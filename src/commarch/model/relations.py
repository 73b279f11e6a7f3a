"""Relation types: one pydantic class per kind, joined in a union discriminated on `kind`."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from .fields import Id
from .kindset import KindAlwaysWritten

Role = Literal["lead", "contributor"]


class RelationBase(KindAlwaysWritten):
    """Keys common to every relation. Unknown keys are kept and written back."""

    model_config = ConfigDict(strict=True, extra="allow", defer_build=True)

    id: Id
    kind: str
    source: Id
    target: Id
    notes: str = ""
    label: str | None = None


class Operates(RelationBase):
    kind: Literal["operates"] = "operates"
    role: Role = "lead"


class Reaches(RelationBase):
    kind: Literal["reaches"] = "reaches"


class Coordinates(RelationBase):
    kind: Literal["coordinates"] = "coordinates"
    cadence: str = ""


class ResponsibleFor(RelationBase):
    kind: Literal["responsible_for"] = "responsible_for"


class Carries(RelationBase):
    kind: Literal["carries"] = "carries"


class Serves(RelationBase):
    kind: Literal["serves"] = "serves"


class Influences(RelationBase):
    kind: Literal["influences"] = "influences"


Relation = Annotated[
    Operates | Reaches | Coordinates | ResponsibleFor | Carries | Serves | Influences,
    Field(discriminator="kind"),
]

RELATION_CLASSES: dict[str, type[RelationBase]] = {
    "operates": Operates,
    "reaches": Reaches,
    "coordinates": Coordinates,
    "responsible_for": ResponsibleFor,
    "carries": Carries,
    "serves": Serves,
    "influences": Influences,
}
