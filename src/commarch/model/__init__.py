"""The data model of a communication architecture: plain pydantic data, no I/O, no Qt."""

from .document import CURRENT_VERSION, CommModel, Meta, RuleSetting, Waiver
from .elements import (
    ELEMENT_CLASSES,
    Channel,
    Department,
    Element,
    ElementBase,
    Goal,
    Note,
    Stakeholder,
    Topic,
)
from .invariants import Problem, check_invariants, check_model
from .kinds import (
    ELEMENT_KINDS,
    RELATION_KINDS,
    RELATION_TABLE,
    allowed_relation_kinds,
    relation_key,
)
from .relations import (
    RELATION_CLASSES,
    Carries,
    Coordinates,
    Influences,
    Operates,
    Reaches,
    Relation,
    RelationBase,
    ResponsibleFor,
    Serves,
)

__all__ = [
    "CURRENT_VERSION", "CommModel", "Meta", "RuleSetting", "Waiver",
    "ELEMENT_CLASSES", "Channel", "Department", "Element", "ElementBase", "Goal", "Note",
    "Stakeholder", "Topic", "Problem", "check_invariants", "check_model", "ELEMENT_KINDS", "RELATION_KINDS",
    "RELATION_TABLE", "allowed_relation_kinds", "relation_key", "RELATION_CLASSES", "Carries",
    "Coordinates", "Influences", "Operates", "Reaches", "Relation", "RelationBase",
    "ResponsibleFor", "Serves",
]
