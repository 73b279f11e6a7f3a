"""The shipped Avantgarde examples: valid, readable on the canvas, German, and a faithful as-is/to-be pair."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from commarch.fileformat import dumps, load, loads, save
from commarch.model import CommModel

EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"
AS_IS = EXAMPLES / "avantgarde-as-is.comm"
TO_BE = EXAMPLES / "avantgarde-to-be.comm"
BOTH = [AS_IS, TO_BE]

# The canvas draws an element as a box of about this size around its centre (x, y).
BOX_W, BOX_H = 160, 60

# What the workshop changed (see resources/examples/README.md); every other element persists.
REMOVED = {"c-fb-hr", "c-x"}
ADDED = {"d-kommunikation", "c-ir"}

# Words that would betray an English label in the German model.
ENGLISH_WORDS = {
    "customers", "customer", "applicants", "employees", "press", "partners", "investors", "department",
    "goal", "topic", "sales", "increase", "strengthen", "working", "page",
    "releases", "trade", "fairs", "the", "and", "of", "for", "with",
}


@pytest.fixture(scope="module")
def as_is() -> CommModel:
    return load(AS_IS)


@pytest.fixture(scope="module")
def to_be() -> CommModel:
    return load(TO_BE)


@pytest.mark.parametrize("path", BOTH, ids=lambda p: p.name)
def test_validates(path: Path) -> None:
    model = load(path)  # raises CommFileError listing every problem if the file is invalid
    assert model.meta is not None and model.meta.language == "de"
    for key in ("title", "client", "author", "created", "modified", "description"):
        assert getattr(model.meta, key), f"meta.{key} is empty"


@pytest.mark.parametrize("path", BOTH, ids=lambda p: p.name)
def test_element_count_is_workshop_sized(path: Path) -> None:
    assert 30 <= len(load(path).elements) <= 60


@pytest.mark.parametrize("path", BOTH, ids=lambda p: p.name)
def test_boxes_do_not_overlap(path: Path) -> None:
    elements = load(path).elements
    clashes = [
        (a.id, b.id)
        for a, b in itertools.combinations(elements, 2)
        if abs(a.x - b.x) < BOX_W and abs(a.y - b.y) < BOX_H
    ]
    assert clashes == []


@pytest.mark.parametrize("path", BOTH, ids=lambda p: p.name)
def test_reads_left_to_right(path: Path) -> None:
    # Departments left of channels, channels left of stakeholders: the diagram reads as a sentence.
    model = load(path)
    kinds = ("department", "channel", "stakeholder")
    xs = {kind: [e.x for e in model.elements if e.kind == kind] for kind in kinds}
    assert max(xs["department"]) < min(xs["channel"])
    assert max(xs["channel"]) < min(xs["stakeholder"])


def test_as_is_labels_are_german(as_is: CommModel) -> None:
    labels = [e.label for e in as_is.elements]
    words = {w for label in labels for w in re.findall(r"[A-Za-zÄÖÜäöüß]+", label.lower())}
    assert words & ENGLISH_WORDS == set()
    for german in ("Kunden", "Bewerber", "Mitarbeitende", "Presse", "Personal", "Kundenservice"):
        assert german in labels
    assert any(ch in "".join(labels) for ch in "äöüßÄÖÜ")


def test_to_be_keeps_ids_of_persisting_elements(as_is: CommModel, to_be: CommModel) -> None:
    old = {e.id: e.kind for e in as_is.elements}
    new = {e.id: e.kind for e in to_be.elements}
    assert set(old) - set(new) == REMOVED
    assert set(new) - set(old) == ADDED
    assert all(old[i] == new[i] for i in set(old) & set(new))
    # A persisting element keeps its place on the canvas, so a visual overlay lines up.
    old_pos = {e.id: (e.x, e.y) for e in as_is.elements}
    assert all(old_pos[e.id] == (e.x, e.y) for e in to_be.elements if e.id in old_pos)


def _facebook_pages(model: CommModel) -> list[str]:
    return [e.id for e in model.elements if e.kind == "channel" and e.platform.strip().lower() == "facebook"]


def test_facebook_pages_merged(as_is: CommModel, to_be: CommModel) -> None:
    assert len(_facebook_pages(as_is)) == 2
    assert len(_facebook_pages(to_be)) == 1
    assert set(_facebook_pages(to_be)) < set(_facebook_pages(as_is))


def test_to_be_coordinator_links_every_department(as_is: CommModel, to_be: CommModel) -> None:
    assert not any(e.kind == "department" and e.coordinator for e in as_is.elements)
    coordinators = [e.id for e in to_be.elements if e.kind == "department" and e.coordinator]
    assert len(coordinators) == 1
    hub = coordinators[0]
    linked = {
        r.target if r.source == hub else r.source
        for r in to_be.relations
        if r.kind == "coordinates" and hub in (r.source, r.target)
    }
    departments = {e.id for e in to_be.elements if e.kind == "department"} - {hub}
    assert linked == departments


@pytest.mark.parametrize("path", BOTH, ids=lambda p: p.name)
def test_round_trip(path: Path, tmp_path: Path) -> None:
    first = load(path)
    copy = tmp_path / path.name
    save(first, copy)
    second = load(copy)
    assert second == first
    assert loads(copy.read_bytes(), path.name) == first
    # The shipped file is already in canonical form: saving it changes no byte.
    assert copy.read_text(encoding="utf-8") == path.read_text(encoding="utf-8") == dumps(first)
