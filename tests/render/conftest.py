"""Fixtures for the render tests: a Qt application (pytest-qt's) and a small model with hostile labels."""

from __future__ import annotations

from typing import Any

import pytest

from commarch.model import (
    Carries,
    Channel,
    CommModel,
    Coordinates,
    Department,
    Goal,
    Influences,
    Meta,
    Note,
    Operates,
    Reaches,
    ResponsibleFor,
    Serves,
    Stakeholder,
    Topic,
)

HOSTILE = {
    "s-script": "<script>alert(1)</script>",
    "s-math": "$x$ and $$y$$",
    "s-emoji": "Fans \U0001f600\U0001f44d",
    "s-rtl": "לקוחות עסקיים",
    "s-img": "<img src=x onerror=alert(1)>",
    "s-long": ("Long label " + "abcdefghij " * 20)[:200],
}


@pytest.fixture(autouse=True)
def _app(qapp: Any) -> Any:
    return qapp


def build_model() -> CommModel:
    elements: list[Any] = [
        Department(id="d-pr", label="Press & Public Relations", x=0, y=0, function="pr"),
        Department(id="d-mkt", label="Marketing", x=0, y=200, function="marketing", coordinator=True),
        Channel(id="c-fb", label="Facebook page", x=300, y=0, channel_type="social", two_way=True),
        Channel(id="c-news", label="Customer newsletter", x=300, y=200),
        Stakeholder(id="s-cust", label="Customers", x=620, y=100, priority="high"),
        Goal(id="g-sales", label="Grow online sales", x=300, y=400),
        Topic(id="t-sust", label="Sustainability", x=0, y=400),
        Note(id="n-1", label="Workshop note", x=-300, y=100, color="#222222"),
    ]
    for i, (element_id, label) in enumerate(HOSTILE.items()):
        elements.append(Stakeholder(id=element_id, label=label, x=900, y=i * 100))
    relations: list[Any] = [
        Operates(id="r1", source="d-pr", target="c-fb", role="lead"),
        Operates(id="r2", source="d-mkt", target="c-fb", role="contributor"),
        Operates(id="r3", source="d-mkt", target="c-news"),
        Reaches(id="r4", source="c-fb", target="s-cust"),
        Reaches(id="r5", source="c-news", target="s-script"),
        Coordinates(id="r6", source="d-pr", target="d-mkt", cadence="weekly"),
        ResponsibleFor(id="r7", source="d-mkt", target="s-cust"),
        Carries(id="r8", source="c-news", target="t-sust"),
        Serves(id="r9", source="t-sust", target="g-sales"),
        Influences(id="r10", source="s-cust", target="s-rtl"),
        Influences(id="r11", source="s-rtl", target="s-cust", label="<b>word of mouth</b>"),
    ]
    meta = Meta(title="Avantgarde <GmbH> & Co", client="Avantgarde", modified="2026-11-20T10:30:00Z")
    return CommModel(elements=elements, relations=relations, meta=meta)


@pytest.fixture
def model() -> CommModel:
    return build_model()
