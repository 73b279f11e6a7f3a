"""Models for the interchange tests: the shipped examples plus a hostile one built here."""

from __future__ import annotations

from pathlib import Path

import pytest

from commarch.fileformat import load
from commarch.model import (
    Carries,
    Channel,
    CommModel,
    Coordinates,
    Department,
    Goal,
    Meta,
    Note,
    Operates,
    Reaches,
    ResponsibleFor,
    RuleSetting,
    Serves,
    Stakeholder,
    Topic,
    Waiver,
)

EXAMPLES = sorted((Path(__file__).parents[2] / "resources" / "examples").glob("*.comm"))


def hostile_model() -> CommModel:
    """Every kind and relation kind, non-default properties, and text that tries to break CSV/XML."""
    return CommModel(
        meta=Meta(title="Täst <&> \"GmbH\"", client="Ünï", language="de"),
        elements=[
            Department(id="d-pr", label="=SUM(A1)", x=-120, y=40.25, function="pr", coordinator=True,
                       tags=["a;b", "back\\slash", "x"], color="#12ab9F"),
            Department(id="d-mkt", label="Marketing, Vertrieb", function="marketing",
                       notes="line 1\nline 2, \"quoted\"\r\nline 3"),
            Channel(id="-c1", label="-5", channel_type="social", platform="LinkedIn", two_way=True,
                    notes="@mention\tand tab"),
            Channel(id="c2", label="+49 Hotline", channel_type="service"),
            Stakeholder(id="s-kunden", label="Kunden 👩‍💼 עברית", priority="high", needs_dialog=True,
                        internal=False, influence=5, interest=1),
            Stakeholder(id="s-press", label="'=already quoted", priority="low", internal=True),
            Topic(id="t1", label="\tTab topic"),
            Goal(id="g1", label="Umsatz", kpi="+10 % sales"),
            Note(id="n1", label="Note", notes="x" * 5000),
        ],
        relations=[
            Operates(id="r1", source="d-pr", target="-c1", role="contributor", label="@label"),
            Operates(id="r2", source="d-mkt", target="-c1"),
            Reaches(id="r3", source="-c1", target="s-kunden"),
            Reaches(id="r4", source="c2", target="s-kunden", notes="=cmd|' /C calc'!A0"),
            Coordinates(id="r5", source="d-pr", target="d-mkt", cadence="weekly"),
            ResponsibleFor(id="r6", source="d-pr", target="s-kunden"),
            Carries(id="r7", source="-c1", target="t1"),
            Serves(id="r8", source="t1", target="g1"),
        ],
        rules={"GAP-DEAD-CHANNEL": RuleSetting(enabled=False)},
        waivers=[Waiver(rule="GAP-NO-DIALOG", subjects=["s-press"], note="board")],
    )


def _models() -> list[tuple[str, CommModel]]:
    return [("hostile", hostile_model())] + [(p.name, load(p)) for p in EXAMPLES]


@pytest.fixture(params=_models(), ids=lambda item: item[0])
def model(request: pytest.FixtureRequest) -> CommModel:
    return request.param[1]


def same_graph(a: CommModel, b: CommModel) -> bool:
    return a.elements == b.elements and a.relations == b.relations
