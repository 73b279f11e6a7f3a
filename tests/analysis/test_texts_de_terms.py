"""German analysis texts call a department "Abteilung", the word the palette, legend and report use."""

from __future__ import annotations

import re
from pathlib import Path

from commarch.analysis import analyze, texts_de, ui
from commarch.fileformat import load

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "avantgarde-as-is.comm"
# any form or compound: Bereich, Bereiche, Bereichspaar, bereichsübergreifend
BEREICH = re.compile(r"bereich", re.IGNORECASE)


def test_rule_metadata_and_ui_words_say_abteilung() -> None:
    texts = [text for entry in texts_de.META.values() for text in entry] + list(texts_de.UI.values())
    assert not [text for text in texts if BEREICH.search(text)]
    assert texts_de.META["GAP-IDLE-DEPARTMENT"][0] == "Abteilung ohne Rolle"


def test_rendered_german_findings_say_abteilung() -> None:
    findings = analyze(load(EXAMPLE), "de").findings
    texts = [text for finding in findings for text in (finding.message, finding.recommendation)]
    assert texts, "the example is expected to produce findings"
    assert not [text for text in texts if BEREICH.search(text)]
    assert any("Abteilung" in text for text in texts)


def test_coordinator_candidate_agrees_with_abteilung() -> None:
    # the metric's value is a department: the label and its empty value are feminine
    words = ui("de")
    assert words["coordinator_candidate"].startswith("Kandidatin")
    assert words["none"] == "keine"
