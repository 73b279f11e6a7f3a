"""The words of the diff report in English and German."""

from __future__ import annotations

from typing import Any

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Comparison",
        "same": "No differences.",
        "same_but_moved": "Same model; {n} elements only moved.",
        "score": "score {old} -> {new} ({delta})",
        "findings_summary": "{resolved} findings resolved, {introduced} introduced",
        "elements_summary": "elements: {added} added, {removed} removed, {changed} changed, {moved} moved",
        "relations_summary": "relations: {added} added, {removed} removed, {changed} changed",
        "matching_id": "Elements matched by id ({by_id}).",
        "matching_label": "Elements matched by kind and label, ids ignored ({by_label}).",
        "matching_mixed": "The models share few ids ({shared}): matched {by_id} elements by id and "
                          "{by_label} by kind and label.",
        "elements": "Elements",
        "relations": "Relations",
        "added": "added",
        "removed": "removed",
        "changed": "changed",
        "moved": "moved",
        "meta": "Document",
        "rules": "Rule settings",
        "waivers": "Waivers",
        "waiver_added": "waiver added: {rule} for {subjects}",
        "waiver_removed": "waiver removed: {rule} for {subjects}",
        "waiver_changed": "waiver note changed: {rule} for {subjects}: {old} -> {new}",
        "findings_resolved": "Findings resolved",
        "findings_introduced": "Findings introduced",
        "findings_unchanged": "{n} findings unchanged.",
        "findings_waived": "{n} findings waived (accepted).",
        "count_relations": "relations",
        "count_findings": "open findings ({severity})",
        "count_waived": "waived findings ({severity})",
        "metrics": "Metrics",
        "metric": "metric",
        "old": "old",
        "new": "new",
        "delta": "change",
        "renamed": "was {old}",
        "enabled": "enabled",
        "disabled": "disabled",
        "severity_default": "default severity",
        "none": "none",
        "yes": "yes",
        "no": "no",
        "no_analysis": "Findings and metrics were not compared (no analysis available).",
        "positions_note": "{n} elements moved (positions are not counted as a difference).",
    },
    "de": {
        "title": "Vergleich",
        "same": "Keine Unterschiede.",
        "same_but_moved": "Gleiches Modell; {n} Elemente nur verschoben.",
        "score": "Score {old} -> {new} ({delta})",
        "findings_summary": "{resolved} Befunde behoben, {introduced} neu",
        "elements_summary": "Elemente: {added} hinzugefügt, {removed} entfernt, {changed} geändert, "
                            "{moved} verschoben",
        "relations_summary": "Beziehungen: {added} hinzugefügt, {removed} entfernt, {changed} geändert",
        "matching_id": "Elemente über ihre ID zugeordnet ({by_id}).",
        "matching_label": "Elemente über Art und Bezeichnung zugeordnet, IDs ignoriert ({by_label}).",
        "matching_mixed": "Die Modelle teilen wenige IDs ({shared}): {by_id} Elemente über die ID und "
                          "{by_label} über Art und Bezeichnung zugeordnet.",
        "elements": "Elemente",
        "relations": "Beziehungen",
        "added": "hinzugefügt",
        "removed": "entfernt",
        "changed": "geändert",
        "moved": "verschoben",
        "meta": "Dokument",
        "rules": "Regel-Einstellungen",
        "waivers": "Ausnahmen",
        "waiver_added": "Ausnahme hinzugefügt: {rule} für {subjects}",
        "waiver_removed": "Ausnahme entfernt: {rule} für {subjects}",
        "waiver_changed": "Notiz der Ausnahme geändert: {rule} für {subjects}: {old} -> {new}",
        "findings_resolved": "Behobene Befunde",
        "findings_introduced": "Neue Befunde",
        "findings_unchanged": "{n} Befunde unverändert.",
        "findings_waived": "{n} Befunde per Ausnahme akzeptiert.",
        "count_relations": "Beziehungen",
        "count_findings": "offene Befunde ({severity})",
        "count_waived": "akzeptierte Befunde ({severity})",
        "metrics": "Kennzahlen",
        "metric": "Kennzahl",
        "old": "alt",
        "new": "neu",
        "delta": "Änderung",
        "renamed": "vorher {old}",
        "enabled": "aktiv",
        "disabled": "abgeschaltet",
        "severity_default": "Standard-Schweregrad",
        "none": "keiner",
        "yes": "ja",
        "no": "nein",
        "no_analysis": "Befunde und Kennzahlen wurden nicht verglichen (keine Analyse verfügbar).",
        "positions_note": "{n} Elemente verschoben (Positionen zählen nicht als Unterschied).",
    },
}

KIND_NAMES: dict[str, dict[str, str]] = {
    "en": {"stakeholder": "Stakeholders", "channel": "Channels", "department": "Departments",
           "goal": "Goals", "topic": "Topics", "note": "Notes"},
    "de": {"stakeholder": "Stakeholder", "channel": "Kanäle", "department": "Abteilungen",
           "goal": "Ziele", "topic": "Themen", "note": "Notizen"},
}

RELATION_NAMES: dict[str, dict[str, str]] = {
    "en": {"operates": "operates", "reaches": "reaches", "coordinates": "coordinates with",
           "responsible_for": "is responsible for", "carries": "carries", "serves": "serves",
           "influences": "influences"},
    "de": {"operates": "betreibt", "reaches": "erreicht", "coordinates": "stimmt sich ab mit",
           "responsible_for": "ist verantwortlich für", "carries": "spielt", "serves": "dient",
           "influences": "beeinflusst"},
}

METRIC_NAMES: dict[str, dict[str, str]] = {
    "en": {"coverage": "coverage", "dialog_coverage": "dialog coverage", "ownership": "ownership",
           "coordination": "coordination", "parallel_free": "free of parallel work",
           "integration_score": "integration score", "silos": "silos",
           "coordinator_candidate": "coordinator candidate", "counts": "count", "brokerage": "brokerage"},
    "de": {"coverage": "Abdeckung", "dialog_coverage": "Dialog-Abdeckung", "ownership": "Zuständigkeit",
           "coordination": "Abstimmung", "parallel_free": "frei von Parallelarbeit",
           "integration_score": "Integrations-Score", "silos": "Silos",
           "coordinator_candidate": "Kandidatin für die Koordination", "counts": "Anzahl",
           "brokerage": "Vermittlung"},
}


def language(lang: str | None) -> str:
    return lang if lang in TEXTS else "en"


def t(lang: str, key: str, **values: Any) -> str:
    return TEXTS[language(lang)][key].format(**values)
