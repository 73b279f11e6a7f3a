"""A base for elements and relations: `kind` counts as set however the object was made, so it is always written."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class KindAlwaysWritten(BaseModel):
    """Files keep only the keys that were read or set (`exclude_unset`), and `kind` must always be written.
    An object read from a file or validated as part of a union has `kind` in its input anyway; these entry
    points cover objects made in code from their default `kind`. (A `model_post_init` hook did the same
    for every object, which cost a Python call per object: ~8 ms per 30,000 objects on open.)"""

    model_config = ConfigDict(defer_build=True)  # like every model class: schemas built on first use

    def __init__(self, /, **data: Any) -> None:
        super().__init__(**data)
        self.__pydantic_fields_set__.add("kind")

    # Marks this `__init__` as pydantic's own, as pydantic's RootModel does: a custom `__init__` would
    # otherwise be called for every object validated inside a model or union (validation does not need
    # it there: `kind` is in the input), i.e. again a Python call per object.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> Any:
        model = super().model_validate(obj, *args, **kwargs)
        model.__pydantic_fields_set__.add("kind")
        return model

    @classmethod
    def model_validate_json(cls, json_data: Any, *args: Any, **kwargs: Any) -> Any:
        model = super().model_validate_json(json_data, *args, **kwargs)
        model.__pydantic_fields_set__.add("kind")
        return model
