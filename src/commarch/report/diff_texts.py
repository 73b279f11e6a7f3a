"""The words of the comparison report ("what changed") in English and German."""

from __future__ import annotations

EN: dict[str, str] = {
    "report_title": "What changed: comparison report",
    "untitled": "Untitled architecture",
    "before": "Before", "after": "After", "date": "Date", "files": "Files compared",
    "sec_summary": "At a glance", "sec_findings": "Findings resolved and new", "sec_changes": "What changed",
    "sec_before": "Diagram before", "sec_after": "Diagram after, with the changes",
    "sec_metrics": "All metrics, before and after",
    "score": "Integration score", "score_note": "of 100, before \u2192 after",
    "resolved": "Findings resolved", "resolved_note": "open before, not any more",
    "introduced": "New findings", "introduced_note": "open now, not before",
    "open_now": "Open findings now", "open_now_note": "{n} before",
    "elements": "Elements", "elements_note": "added / removed / changed",
    "relations": "Relations", "relations_note": "added / removed / changed",
    "score_up": "The integration score rose from {old} to {new} ({delta} points).",
    "score_down": "The integration score fell from {old} to {new} ({delta} points).",
    "score_same": "The integration score stayed at {new}.",
    "score_none": "Neither model has an integration score (nothing to measure yet).",
    "findings_line": "{resolved} findings were resolved and {introduced} are new; {unchanged} remain open "
                     "unchanged.",
    "findings_line_none": "Findings were not compared (no analysis available).",
    "candidate_changed": "The best-networked department (coordinator candidate) is now {new}, before it was "
                         "{old}.",
    "candidate_same": "The best-networked department (coordinator candidate) is still {new}.",
    "ratios": "The key ratios",
    "col_metric": "Metric", "col_before": "Before", "col_after": "After", "col_change": "Change",
    "points": "{delta} pts",
    "resolved_heading": "Resolved ({n})", "introduced_heading": "New ({n})",
    "no_resolved": "No finding was resolved.", "no_introduced": "No new findings: the changes introduced no "
    "new problems.",
    "unchanged": "{n} findings are open in both models.", "waived": "{n} findings are accepted (waived) in "
    "the new model.",
    "changes_intro": "Every element and relation that was added, removed or changed, grouped by kind. "
                     "Positions are listed separately as moves: they change the drawing, not the meaning.",
    "no_changes": "The two models are the same.",
    "col_status": "Change", "col_name": "Name", "col_details": "Details", "col_from": "From",
    "col_relation": "Relation", "col_to": "To",
    "st_added": "added", "st_removed": "removed", "st_changed": "changed", "st_moved": "moved",
    "was_named": "was {old}", "moved_from": "from ({ox}, {oy}) to ({nx}, {ny})",
    "document": "Document", "rules": "Rule settings", "waivers": "Accepted findings (waivers)",
    "waiver_added": "accepted: {rule} for {subjects}", "waiver_removed": "no longer accepted: {rule} for "
    "{subjects}", "waiver_changed": "reason changed: {rule} for {subjects}",
    "enabled": "on", "disabled": "off", "default_severity": "default severity",
    "before_caption": "The architecture before, as modelled in {name}, with its open findings.",
    "after_caption": "The architecture after ({name}). Green: added; red and faded: removed, drawn where it "
                     "was; amber: changed; blue dotted arrow: moved.",
    "after_caption_plain": "The architecture after, as modelled in {name}.",
    "metrics_intro": "Every metric of the analysis before and after; counts and brokerage are listed when "
                     "they changed.",
    "matching_id": "Elements were paired by their ids ({n}).",
    "matching_label": "Elements were paired by kind and name, ids ignored ({n}).",
    "matching_mixed": "The files share few ids: {a} elements were paired by id and {b} by kind and name.",
    "yes": "yes", "no": "no", "none": "\u2014",
    "count_relations": "relations", "count_findings": "open findings ({severity})",
    "count_waived": "accepted findings ({severity})",
}

DE: dict[str, str] = {
    "report_title": "Was sich geändert hat: Vergleichsbericht",
    "untitled": "Unbenannte Architektur",
    "before": "Vorher", "after": "Nachher", "date": "Datum", "files": "Verglichene Dateien",
    "sec_summary": "Auf einen Blick", "sec_findings": "Behobene und neue Befunde", "sec_changes": "Was sich "
    "geändert hat", "sec_before": "Diagramm vorher", "sec_after": "Diagramm nachher, mit den Änderungen",
    "sec_metrics": "Alle Kennzahlen, vorher und nachher",
    "score": "Integrationswert", "score_note": "von 100, vorher \u2192 nachher",
    "resolved": "Behobene Befunde", "resolved_note": "vorher offen, jetzt nicht mehr",
    "introduced": "Neue Befunde", "introduced_note": "jetzt offen, vorher nicht",
    "open_now": "Jetzt offene Befunde", "open_now_note": "vorher {n}",
    "elements": "Elemente", "elements_note": "neu / entfernt / geändert",
    "relations": "Beziehungen", "relations_note": "neu / entfernt / geändert",
    "score_up": "Der Integrationswert ist von {old} auf {new} gestiegen ({delta} Punkte).",
    "score_down": "Der Integrationswert ist von {old} auf {new} gesunken ({delta} Punkte).",
    "score_same": "Der Integrationswert ist bei {new} geblieben.",
    "score_none": "Keines der Modelle hat einen Integrationswert (noch nichts zu messen).",
    "findings_line": "{resolved} Befunde wurden behoben, {introduced} sind neu; {unchanged} bleiben "
                     "unverändert offen.",
    "findings_line_none": "Befunde wurden nicht verglichen (keine Analyse verfügbar).",
    "candidate_changed": "Die am besten vernetzte Abteilung (Koordinationskandidat) ist jetzt {new}, vorher "
                         "war es {old}.",
    "candidate_same": "Die am besten vernetzte Abteilung (Koordinationskandidat) ist weiterhin {new}.",
    "ratios": "Die wichtigsten Kennzahlen",
    "col_metric": "Kennzahl", "col_before": "Vorher", "col_after": "Nachher", "col_change": "Änderung",
    "points": "{delta} Pkt.",
    "resolved_heading": "Behoben ({n})", "introduced_heading": "Neu ({n})",
    "no_resolved": "Kein Befund wurde behoben.", "no_introduced": "Keine neuen Befunde: Die Änderungen haben "
    "keine neuen Probleme geschaffen.",
    "unchanged": "{n} Befunde sind in beiden Modellen offen.", "waived": "{n} Befunde sind im neuen Modell "
    "bewusst akzeptiert.",
    "changes_intro": "Alle hinzugefügten, entfernten und geänderten Elemente und Beziehungen, nach Art "
                     "geordnet. Positionen stehen getrennt als Verschiebungen: Sie ändern die Zeichnung, "
                     "nicht die Bedeutung.",
    "no_changes": "Die beiden Modelle sind gleich.",
    "col_status": "Änderung", "col_name": "Name", "col_details": "Details", "col_from": "Von",
    "col_relation": "Beziehung", "col_to": "Zu",
    "st_added": "neu", "st_removed": "entfernt", "st_changed": "geändert", "st_moved": "verschoben",
    "was_named": "vorher {old}", "moved_from": "von ({ox}, {oy}) nach ({nx}, {ny})",
    "document": "Dokument", "rules": "Regel-Einstellungen", "waivers": "Akzeptierte Befunde (Ausnahmen)",
    "waiver_added": "akzeptiert: {rule} für {subjects}", "waiver_removed": "nicht mehr akzeptiert: {rule} für "
    "{subjects}", "waiver_changed": "Begründung geändert: {rule} für {subjects}",
    "enabled": "an", "disabled": "aus", "default_severity": "Standard-Schweregrad",
    "before_caption": "Die Architektur vorher, wie in {name} modelliert, mit ihren offenen Befunden.",
    "after_caption": "Die Architektur nachher ({name}). Grün: neu; rot und blass: entfernt, dort gezeichnet, "
                     "wo es war; orange: geändert; blauer gepunkteter Pfeil: verschoben.",
    "after_caption_plain": "Die Architektur nachher, wie in {name} modelliert.",
    "metrics_intro": "Jede Kennzahl der Analyse vorher und nachher; Anzahlen und Vermittlung stehen hier, "
                     "wenn sie sich geändert haben.",
    "matching_id": "Die Elemente wurden über ihre IDs zugeordnet ({n}).",
    "matching_label": "Die Elemente wurden über Art und Namen zugeordnet, IDs ignoriert ({n}).",
    "matching_mixed": "Die Dateien teilen wenige IDs: {a} Elemente wurden über die ID und {b} über Art und "
                      "Namen zugeordnet.",
    "yes": "ja", "no": "nein", "none": "\u2014",
    "count_relations": "Beziehungen", "count_findings": "offene Befunde ({severity})",
    "count_waived": "akzeptierte Befunde ({severity})",
}

DIFF_TEXTS: dict[str, dict[str, str]] = {"en": EN, "de": DE}


def diff_texts(lang: str | None) -> dict[str, str]:
    return DIFF_TEXTS.get(lang or "en", EN)
