"""Models for the report tests: a hostile one (markup, math, emoji, RTL, long text) and a large one."""

from __future__ import annotations

from commarch.model import (
    Channel,
    CommModel,
    Coordinates,
    Department,
    Goal,
    Meta,
    Note,
    Operates,
    Reaches,
    Serves,
    Stakeholder,
    Topic,
)

SCRIPT = "<script>alert('x')</script> Presse"
MATH = "Kunden $x$ & $$\\frac{1}{2}$$ $"
EMOJI = "Community \U0001F680\U0001F469\u200D\U0001F4BB"
RTL = "\u0645\u0631\u062D\u0628\u0627 \u05E9\u05DC\u05D5\u05DD partners"
LONG = ("Sehr-langer-Stakeholder-Name-ohne-Leerzeichen-" * 5)[:120] + " " + "und noch mehr Worte " * 4
LONG = LONG[:200]
NOTES = ("Eine sehr lange Notiz mit <b>Markup</b>, & Ampersand und $Geld$. " * 80)[:5000]


def hostile_model(lang: str = "de") -> CommModel:
    """Every element kind, labels meant to break escaping, maths, fonts and layout; several findings."""
    elements = [
        Department(id="d-pr", label=SCRIPT, function="pr", x=0, y=0, notes=NOTES),
        Department(id="d-mkt", label="Marketing & <Vertrieb>", function="marketing", x=0, y=200),
        Department(id="d-idle", label=RTL, x=0, y=400),
        Channel(id="c-web", label="Website \"quoted\" 'single'", channel_type="owned", x=250, y=0),
        Channel(id="c-fb", label=EMOJI, channel_type="social", platform="Facebook", two_way=True, x=250, y=200),
        Channel(id="c-dead", label="Dead $channel$", x=250, y=400),
        Stakeholder(id="s-cust", label=MATH, priority="high", needs_dialog=True, influence=5, interest=4,
                    x=500, y=0),
        Stakeholder(id="s-long", label=LONG, priority="high", x=500, y=200, notes=NOTES, tags=["<tag>"]),
        Stakeholder(id="s-press", label="Presse", priority="low", internal=False, influence=4, interest=2,
                    x=500, y=400),
        Goal(id="g-sales", label="Umsatz +8 % <mehr>", kpi="€ & %", x=750, y=0),
        Topic(id="t-news", label="Neuheiten `code`", x=750, y=200),
        Note(id="n-1", label="Note with --> and <!-- comment", notes=NOTES, x=750, y=400),
    ]
    relations = [
        Operates(id="r1", source="d-pr", target="c-web", role="lead"),
        Operates(id="r2", source="d-mkt", target="c-web", role="lead"),
        Operates(id="r3", source="d-mkt", target="c-fb", role="contributor"),
        Reaches(id="r4", source="c-web", target="s-cust"),
        Reaches(id="r5", source="c-fb", target="s-cust"),
        Reaches(id="r6", source="c-web", target="s-press"),
        Serves(id="r7", source="c-fb", target="g-sales"),
    ]
    meta = Meta(title="Hostile <b>Title</b> $x$", client="ACME & Co <script>", author="A. \u05E9\u05DC\u05D5\u05DD",
                created="2026-11-20T09:00:00Z", language=lang, description=NOTES[:600])
    return CommModel(meta=meta, elements=elements, relations=relations)


def large_model(size: int = 1000) -> CommModel:
    """About `size` elements: departments, channels and stakeholders wired the way workshops do."""
    n_dept = max(4, size // 50)
    n_chan = size * 2 // 5
    n_stake = size - n_dept - n_chan - 20
    elements: list = [Department(id=f"d{i}", label=f"Department {i}", function="other", x=0, y=i * 100)
                      for i in range(n_dept)]
    elements += [Channel(id=f"c{i}", label=f"Channel {i}", two_way=i % 3 == 0, platform=f"P{i % 7}",
                         x=300, y=i * 80) for i in range(n_chan)]
    elements += [Stakeholder(id=f"s{i}", label=f"Stakeholder {i}", priority=("high", "medium", "low")[i % 3],
                             needs_dialog=i % 4 == 0, influence=1 + i % 5, interest=1 + (i * 7) % 5,
                             x=600, y=i * 70) for i in range(n_stake)]
    elements += [Goal(id=f"g{i}", label=f"Goal {i}", x=900, y=i * 100) for i in range(10)]
    elements += [Topic(id=f"t{i}", label=f"Topic {i}", x=1200, y=i * 100) for i in range(10)]
    relations: list = []
    for i in range(n_chan):
        relations.append(Operates(id=f"o{i}", source=f"d{i % n_dept}", target=f"c{i}"))
        if i % 5 == 0:
            relations.append(Operates(id=f"o{i}b", source=f"d{(i + 1) % n_dept}", target=f"c{i}",
                                      role="contributor"))
        for k in range(3):
            relations.append(Reaches(id=f"r{i}-{k}", source=f"c{i}", target=f"s{(i * 3 + k) % n_stake}"))
    for i in range(0, n_dept - 1, 2):
        relations.append(Coordinates(id=f"k{i}", source=f"d{i}", target=f"d{i + 1}"))
    return CommModel(meta=Meta(title="Large", language="en"), elements=elements, relations=relations)
