"""Small models for the diff tests, built in code with every property written explicitly."""

from __future__ import annotations

from commarch.model import (
    Channel,
    CommModel,
    Coordinates,
    Department,
    Goal,
    Meta,
    Operates,
    Reaches,
    Serves,
    Stakeholder,
    Topic,
)


def sample_model() -> CommModel:
    """A little architecture with every element kind that the rules look at."""
    return CommModel(
        meta=Meta(title="Sample", language="en"),
        elements=[
            Department(id="d-mkt", label="Marketing", x=0, y=0, function="marketing"),
            Department(id="d-pr", label="PR", x=0, y=200, function="pr"),
            Department(id="d-cs", label="Customer service", x=0, y=400, function="customer_service"),
            Channel(id="c-fb", label="Facebook page", x=250, y=0, channel_type="social",
                    platform="Facebook", two_way=True),
            Channel(id="c-web", label="Website", x=250, y=200, channel_type="owned"),
            Channel(id="c-hotline", label="Hotline", x=250, y=400, channel_type="service", two_way=True),
            Stakeholder(id="s-customers", label="Customers", x=500, y=0, priority="high", needs_dialog=True),
            Stakeholder(id="s-press", label="Press", x=500, y=200, priority="medium"),
            Goal(id="g-sales", label="Sales", x=750, y=0, kpi="revenue"),
            Topic(id="t-launch", label="Product launch", x=750, y=200),
        ],
        relations=[
            Operates(id="r1", source="d-mkt", target="c-fb", role="lead"),
            Operates(id="r2", source="d-pr", target="c-web", role="lead"),
            Operates(id="r3", source="d-cs", target="c-hotline", role="lead"),
            Reaches(id="r4", source="c-fb", target="s-customers"),
            Reaches(id="r5", source="c-web", target="s-press"),
            Reaches(id="r6", source="c-hotline", target="s-customers"),
            Coordinates(id="r7", source="d-mkt", target="d-pr", cadence="weekly"),
            Serves(id="r8", source="c-fb", target="g-sales"),
        ],
    )


def copy(model: CommModel) -> CommModel:
    return model.model_copy(deep=True)
