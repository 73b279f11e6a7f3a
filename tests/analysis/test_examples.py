"""The Avantgarde example models tell the essay's story: the as-is patchwork and the to-be architecture."""

from __future__ import annotations

from pathlib import Path

import pytest

from commarch.analysis import Analysis, analyze
from commarch.fileformat import load

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
AS_IS = EXAMPLES / "avantgarde-as-is.comm"
TO_BE = EXAMPLES / "avantgarde-to-be.comm"
ACTIVE = ("d-kundenservice", "d-marketing", "d-personal", "d-pr", "d-produkt", "d-social")

pytestmark = pytest.mark.skipif(not (AS_IS.exists() and TO_BE.exists()), reason="example models missing")


@pytest.fixture(scope="module")
def as_is() -> Analysis:
    return analyze(load(AS_IS))


@pytest.fixture(scope="module")
def to_be() -> Analysis:
    return analyze(load(TO_BE))


def _open(analysis: Analysis) -> set[tuple[str, ...]]:
    return {(f.rule, *f.subjects) for f in analysis.findings if not f.waived}


def test_as_is_parallel_work(as_is: Analysis) -> None:
    found = _open(as_is)
    assert ("OVL-PARALLEL", "s-kunden", "d-kundenservice", "d-marketing", "d-produkt", "d-social") in found
    assert ("OVL-PARALLEL", "s-bewerber", "d-marketing", "d-personal", "d-social") in found
    assert ("OVL-TOPIC-COLLISION", "t-produktneuheiten", "d-marketing", "d-produkt", "d-social") in found
    # the press is reached by PR alone (the X account has no operator): no parallel work there
    assert not any(f[0] == "OVL-PARALLEL" and f[1] == "s-presse" for f in found)


def test_as_is_duplicate_facebook_pages(as_is: Analysis) -> None:
    duplicate = [f for f in as_is.findings if f.rule == "OVL-DUPLICATE-CHANNEL"]
    assert [f.subjects for f in duplicate] == [("c-fb-hr", "c-fb-marketing")]
    assert "Facebook" in duplicate[0].message  # the model's language is German: labels, not ids


def test_as_is_no_coordinator_and_silos(as_is: Analysis) -> None:
    found = _open(as_is)
    assert ("GAP-NO-COORDINATOR", *ACTIVE) in found
    assert ("GAP-SILOS", *ACTIVE) in found
    assert as_is.metrics["silos"] == 5
    silos = next(f for f in as_is.findings if f.rule == "GAP-SILOS")
    assert "5 Gruppen" in silos.message


def test_as_is_unreached_and_one_way_audiences(as_is: Analysis) -> None:
    unreached = [f for f in as_is.findings if f.rule == "GAP-UNREACHED"]
    assert [(f.subjects, f.severity) for f in unreached] == [(("s-investoren",), "error")]
    assert ("GAP-NO-DIALOG", "s-community") in _open(as_is)
    assert as_is.findings[0].rule == "GAP-UNREACHED"  # the one error comes first


def test_as_is_complete_finding_list(as_is: Analysis) -> None:
    """The designed findings of resources/examples/README.md, in report order."""
    expected = [
        ("GAP-UNREACHED", "s-investoren"),
        ("GAP-DEAD-CHANNEL", "c-barcamp"),
        ("GAP-NO-COORDINATOR", *ACTIVE),
        ("GAP-NO-DIALOG", "s-community"),
        ("GAP-NO-RESPONSIBLE", "s-bewerber", "d-marketing", "d-personal", "d-social"),
        ("GAP-NO-RESPONSIBLE", "s-community", "d-marketing", "d-social"),
        ("GAP-NO-RESPONSIBLE", "s-mitarbeitende", "d-personal", "d-social"),
        ("GAP-NO-RESPONSIBLE", "s-partner", "d-marketing", "d-personal", "d-produkt", "d-social"),
        ("GAP-SILOS", *ACTIVE),
        ("GAP-UNOWNED-CHANNEL", "c-x"),
        ("GAP-UNSERVED-GOAL", "g-kundenbindung"),
        ("OVL-PARALLEL", "s-bewerber", "d-marketing", "d-personal", "d-social"),
        ("OVL-PARALLEL", "s-community", "d-marketing", "d-social"),
        ("OVL-PARALLEL", "s-kunden", "d-kundenservice", "d-marketing", "d-produkt", "d-social"),
        ("OVL-PARALLEL", "s-mitarbeitende", "d-personal", "d-social"),
        ("OVL-PARALLEL", "s-partner", "d-marketing", "d-personal", "d-produkt", "d-social"),
        ("OVL-RESPONSIBILITY-CONFLICT", "s-kunden", "d-kundenservice", "d-marketing"),
        ("OVL-SHARED-CHANNEL", "c-instagram", "d-marketing", "d-social"),
        ("OVL-TOPIC-COLLISION", "t-arbeiten", "d-marketing", "d-personal", "d-social"),
        ("OVL-TOPIC-COLLISION", "t-produktneuheiten", "d-marketing", "d-produkt", "d-social"),
        ("GAP-IDLE-DEPARTMENT", "d-geschaeftsfuehrung"),
        ("GAP-TOPIC-AIMLESS", "t-nachhaltigkeit"),
        ("GAP-TOPIC-UNPLAYED", "t-kundengeschichten"),
        ("OVL-DUPLICATE-CHANNEL", "c-fb-hr", "c-fb-marketing"),
    ]
    assert [(f.rule, *f.subjects) for f in as_is.findings] == expected
    assert as_is.metrics["counts"]["findings"] == {"error": 1, "warning": 19, "info": 4}


def test_to_be_far_fewer_findings_and_clearly_higher_score(as_is: Analysis, to_be: Analysis) -> None:
    assert _open(to_be) == set()
    waived = [f for f in to_be.findings if f.waived]
    assert [(f.rule, f.subjects) for f in waived] == [("GAP-SINGLE-CHANNEL", ("s-investoren", "c-ir"))]
    assert waived[0].waiver_note
    assert to_be.metrics["integration_score"] >= as_is.metrics["integration_score"] + 30
    assert to_be.metrics["silos"] == 1 and to_be.metrics["coordination"] == 1.0


def test_metrics_match_the_story(as_is: Analysis, to_be: Analysis) -> None:
    assert as_is.metrics["coordination"] == pytest.approx(1 / 15)
    assert as_is.metrics["parallel_free"] == pytest.approx(1 / 6)
    assert as_is.metrics["integration_score"] == 58 and to_be.metrics["integration_score"] == 100
    # the best-networked generalist: the social-media team before, the new coordinator after
    assert as_is.metrics["coordinator_candidate"] == "d-social"
    assert to_be.metrics["coordinator_candidate"] == "d-kommunikation"
