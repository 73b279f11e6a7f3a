"""Element types: one pydantic class per kind, joined in a union discriminated on `kind`."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from .fields import Color, Coordinate, Id, Label, Rating
from .kindset import KindAlwaysWritten

Priority = Literal["high", "medium", "low"]
ChannelType = Literal["social", "owned", "paid", "earned", "event", "personal", "service", "print"]
Function = Literal[
    "pr", "marketing", "hr", "customer_service", "product", "social_media", "sales", "management", "other"
]


class ElementBase(KindAlwaysWritten):
    """Keys common to every element. Unknown keys are kept (`extra="allow"`) and written back."""

    model_config = ConfigDict(strict=True, extra="allow", validate_assignment=False, defer_build=True)

    id: Id
    kind: str
    label: Label
    x: Coordinate = 0
    y: Coordinate = 0
    notes: str = ""
    tags: list[str] = Field(default_factory=list)
    color: Color | None = None


class Stakeholder(ElementBase):
    kind: Literal["stakeholder"] = "stakeholder"
    priority: Priority = "medium"
    needs_dialog: bool = False
    internal: bool = False
    influence: Rating = 3
    interest: Rating = 3


class Channel(ElementBase):
    kind: Literal["channel"] = "channel"
    channel_type: ChannelType = "owned"
    platform: str = ""
    two_way: bool = False


class Department(ElementBase):
    kind: Literal["department"] = "department"
    function: Function = "other"
    coordinator: bool = False


class Goal(ElementBase):
    kind: Literal["goal"] = "goal"
    kpi: str = ""


class Topic(ElementBase):
    kind: Literal["topic"] = "topic"


class Note(ElementBase):
    kind: Literal["note"] = "note"


Element = Annotated[
    Stakeholder | Channel | Department | Goal | Topic | Note, Field(discriminator="kind")
]

ELEMENT_CLASSES: dict[str, type[ElementBase]] = {
    "stakeholder": Stakeholder,
    "channel": Channel,
    "department": Department,
    "goal": Goal,
    "topic": Topic,
    "note": Note,
}
