"""Every heading, label and fixed sentence of the report, in German and English, keyed by language."""

from __future__ import annotations

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "en"

EN: dict[str, str] = {
    # page furniture
    "report_title": "Communication architecture report",
    "untitled": "Untitled architecture",
    "client": "Client", "author": "Author", "date": "Date", "contents": "Contents", "page": "Page",
    "of": "of", "made_with": "Prepared with commarch", "confidential": "For internal use by the client",
    "continued": "(continued)", "md_chart": "chart in the PDF and HTML report",
    "md_diagram": "diagram in the PDF and HTML report; also `commarch diagram`",
    # sections
    "sec_summary": "Executive summary", "sec_diagram": "Architecture diagram", "sec_findings": "Findings",
    "sec_coverage": "Stakeholder coverage", "sec_responsibility": "Responsibilities: departments × channels",
    "sec_coordination": "Coordination and silos", "sec_brokerage": "Networking and coordinator candidate",
    "sec_power": "Power/interest grid", "sec_inventory": "Element inventory",
    "sec_waived": "Appendix: accepted findings",
    # summary
    "score": "Integration score", "score_of": "of 100", "top_findings": "The most important findings",
    "assessment": "Assessment", "no_open_findings": "The analysis found no open issues.",
    "next_step": "Next step",
    "coverage": "Coverage", "dialog_coverage": "Dialogue coverage", "ownership": "Clear ownership",
    "coordination": "Coordination", "parallel_free": "Free of parallel work", "na": "n/a",
    "coverage_note": "stakeholders reached", "dialog_coverage_note": "dialogue wishes met",
    "ownership_note": "channels with one owner", "coordination_note": "department pairs aligned",
    "parallel_free_note": "audiences without parallel work",
    # findings
    "sev_error": "Critical", "sev_warning": "Warnings", "sev_info": "Notes",
    "sev_error_one": "critical", "sev_warning_one": "warning", "sev_info_one": "note",
    "findings_intro": "{n} open findings: {e} critical, {w} warnings, {i} notes. Each rule is explained "
                      "once; the findings below it name the elements concerned and the next step.",
    "why": "Why it matters", "concerns": "Concerns", "waiver_note": "Reason for accepting",
    "waived_intro": "These findings were reviewed and accepted; they do not count against the score "
                    "of open findings.",
    "no_waived": "No findings have been accepted.",
    # diagram
    "diagram_caption": "The communication architecture as modelled: departments, channels, stakeholders, "
                       "goals and topics with their relations.",
    "diagram_empty": "The model has no elements yet.",
    # coverage
    "coverage_intro": "Which channel reaches which stakeholder. A dark cell is a two-way channel "
                      "(dialogue possible), a light cell a one-way channel; an empty column is a "
                      "stakeholder nobody reaches.",
    "coverage_legend_one": "one-way", "coverage_legend_two": "two-way (dialogue)",
    "coverage_truncated": "Showing the {shown} most connected of {total} {what}.",
    "stakeholders_word": "stakeholders", "channels_word": "channels",
    "coverage_table_intro": "Reach per stakeholder",
    "col_stakeholder": "Stakeholder", "col_priority": "Priority", "col_channels": "Channels",
    "col_departments": "Departments", "col_dialog": "Dialogue",
    "no_stakeholders": "The model has no stakeholders.",
    # responsibility
    "resp_intro": "Who runs which channel: L = lead, C = contributor. A channel with several "
                  "departments but no single lead has no clear owner.",
    "resp_lead": "L", "resp_contrib": "C", "col_channel": "Channel", "col_owner": "Clear owner",
    "no_channels": "The model has no channels.",
    "resp_part": "Departments {a}–{b} of {n}",
    # coordination
    "coord_intro": "Departments that align regularly form one group; a coordinating department joins "
                   "every group it is linked to. Groups that do not talk to each other are silos.",
    "coord_pairs": "Agreed alignment", "col_dept_a": "Department", "col_dept_b": "Aligns with",
    "col_cadence": "Cadence", "coord_none": "No department has an agreed alignment with another.",
    "silo_groups": "Groups of departments", "col_group": "Group", "col_members": "Departments",
    "silos_one": "All active departments are in one group: there are no silos.",
    "silos_many": "The active departments fall into {n} groups that do not coordinate with each other.",
    "silos_zero": "No department operates a channel yet.",
    "coordinators": "Coordinating departments: {names}.", "no_coordinator": "No department is marked as "
                    "coordinator.",
    # brokerage
    "brok_intro": "Brokerage measures how often a department lies on the shortest path between two other "
                  "elements of the architecture. The best-networked department is the natural candidate "
                  "for the coordinating generalist who keeps the overview.",
    "brok_candidate": "Coordinator candidate: {name} (brokerage {value}).",
    "brok_none": "No coordinator candidate: the model has no connected departments.",
    "col_department": "Department", "col_function": "Function", "col_brokerage": "Brokerage",
    "col_coordinator": "Coordinator", "chart_brokerage": "Brokerage by department",
    # power/interest
    "power_intro": "Stakeholders by influence and interest (each rated 1–5); larger markers mean higher "
                   "priority. Top right: manage closely; top left: keep satisfied; bottom right: keep "
                   "informed; bottom left: monitor.",
    "influence": "Influence", "interest": "Interest",
    "q_manage": "Manage closely", "q_satisfy": "Keep satisfied", "q_inform": "Keep informed",
    "q_monitor": "Monitor", "col_quadrant": "Strategy", "col_influence": "Influence",
    "col_interest": "Interest", "internal": "internal", "external": "external",
    "chart_power": "Power/interest grid", "chart_coverage": "Coverage: channels × stakeholders",
    # inventory
    "inv_intro": "Every element of the model with its properties. Notes are listed at the end.",
    "kind_stakeholder": "Stakeholders", "kind_channel": "Channels", "kind_department": "Departments",
    "kind_goal": "Goals", "kind_topic": "Topics", "kind_note": "Notes",
    "col_label": "Name", "col_id": "ID", "col_type": "Type", "col_platform": "Platform",
    "col_two_way": "Two-way", "col_operators": "Operated by", "col_reaches": "Reaches", "col_tags": "Tags",
    "col_internal": "Internal", "col_kpi": "KPI", "col_served_by": "Served by", "col_carried_by": "Carried by",
    "col_serves": "Serves", "col_note": "Note", "col_element": "Element", "col_responsible": "Responsible",
    "inv_notes": "Notes on elements", "yes": "yes", "no": "no", "none": "—",
    "prio_high": "high", "prio_medium": "medium", "prio_low": "low",
    "relations_count": "{n} relations",
}

DE: dict[str, str] = {
    "report_title": "Bericht zur Kommunikationsarchitektur",
    "untitled": "Unbenannte Architektur",
    "client": "Auftraggeber", "author": "Autor", "date": "Datum", "contents": "Inhalt", "page": "Seite",
    "of": "von", "made_with": "Erstellt mit commarch", "confidential": "Zur internen Verwendung beim "
    "Auftraggeber", "continued": "(Fortsetzung)",
    "md_chart": "Diagramm im PDF- und HTML-Bericht",
    "md_diagram": "Grafik im PDF- und HTML-Bericht; auch `commarch diagram`",
    "sec_summary": "Management Summary", "sec_diagram": "Architekturdiagramm", "sec_findings": "Befunde",
    "sec_coverage": "Abdeckung der Stakeholder", "sec_responsibility": "Zuständigkeiten: Abteilungen × Kanäle",
    "sec_coordination": "Abstimmung und Silos", "sec_brokerage": "Vernetzung und Koordinationskandidat",
    "sec_power": "Einfluss-Interesse-Matrix", "sec_inventory": "Elementverzeichnis",
    "sec_waived": "Anhang: akzeptierte Befunde",
    "score": "Integrationswert", "score_of": "von 100", "top_findings": "Die wichtigsten Befunde",
    "assessment": "Einschätzung", "no_open_findings": "Die Analyse hat keine offenen Punkte gefunden.",
    "next_step": "Nächster Schritt",
    "coverage": "Abdeckung", "dialog_coverage": "Dialogabdeckung", "ownership": "Klare Zuständigkeit",
    "coordination": "Abstimmung", "parallel_free": "Ohne Parallelarbeit", "na": "k. A.",
    "coverage_note": "Stakeholder erreicht", "dialog_coverage_note": "Dialogwünsche erfüllt",
    "ownership_note": "Kanäle mit einer Zuständigkeit", "coordination_note": "Abteilungspaare abgestimmt",
    "parallel_free_note": "Zielgruppen ohne Parallelarbeit",
    "sev_error": "Kritisch", "sev_warning": "Warnungen", "sev_info": "Hinweise",
    "sev_error_one": "kritisch", "sev_warning_one": "Warnung", "sev_info_one": "Hinweis",
    "findings_intro": "{n} offene Befunde: {e} kritisch, {w} Warnungen, {i} Hinweise. Jede Regel wird "
                      "einmal erklärt; die Befunde darunter nennen die betroffenen Elemente und den "
                      "nächsten Schritt.",
    "why": "Warum das wichtig ist", "concerns": "Betrifft", "waiver_note": "Begründung der Akzeptanz",
    "waived_intro": "Diese Befunde wurden geprüft und bewusst akzeptiert; sie zählen nicht zu den offenen "
                    "Befunden.",
    "no_waived": "Es wurden keine Befunde akzeptiert.",
    "diagram_caption": "Die Kommunikationsarchitektur wie modelliert: Abteilungen, Kanäle, Stakeholder, "
                       "Ziele und Themen mit ihren Beziehungen.",
    "diagram_empty": "Das Modell enthält noch keine Elemente.",
    "coverage_intro": "Welcher Kanal welchen Stakeholder erreicht. Eine dunkle Zelle ist ein Dialogkanal "
                      "(zweiseitig), eine helle ein einseitiger Kanal; eine leere Spalte ist ein "
                      "Stakeholder, den niemand erreicht.",
    "coverage_legend_one": "einseitig", "coverage_legend_two": "zweiseitig (Dialog)",
    "coverage_truncated": "Gezeigt werden die {shown} am stärksten vernetzten von {total} {what}.",
    "stakeholders_word": "Stakeholdern", "channels_word": "Kanälen",
    "coverage_table_intro": "Reichweite je Stakeholder",
    "col_stakeholder": "Stakeholder", "col_priority": "Priorität", "col_channels": "Kanäle",
    "col_departments": "Abteilungen", "col_dialog": "Dialog",
    "no_stakeholders": "Das Modell enthält keine Stakeholder.",
    "resp_intro": "Wer welchen Kanal betreibt: F = federführend, M = mitwirkend. Ein Kanal mit mehreren "
                  "Abteilungen, aber ohne eine Federführung, hat keine klare Zuständigkeit.",
    "resp_lead": "F", "resp_contrib": "M", "col_channel": "Kanal", "col_owner": "Klar zuständig",
    "no_channels": "Das Modell enthält keine Kanäle.",
    "resp_part": "Abteilungen {a}–{b} von {n}",
    "coord_intro": "Abteilungen, die sich regelmäßig abstimmen, bilden eine Gruppe; eine koordinierende "
                   "Abteilung verbindet jede Gruppe, mit der sie verknüpft ist. Gruppen, die nicht "
                   "miteinander sprechen, sind Silos.",
    "coord_pairs": "Vereinbarte Abstimmung", "col_dept_a": "Abteilung", "col_dept_b": "Stimmt sich ab mit",
    "col_cadence": "Rhythmus", "coord_none": "Keine Abteilung hat eine vereinbarte Abstimmung mit einer "
    "anderen.",
    "silo_groups": "Gruppen von Abteilungen", "col_group": "Gruppe", "col_members": "Abteilungen",
    "silos_one": "Alle aktiven Abteilungen gehören zu einer Gruppe: Es gibt keine Silos.",
    "silos_many": "Die aktiven Abteilungen zerfallen in {n} Gruppen, die sich nicht miteinander abstimmen.",
    "silos_zero": "Noch keine Abteilung betreibt einen Kanal.",
    "coordinators": "Koordinierende Abteilungen: {names}.",
    "no_coordinator": "Keine Abteilung ist als Koordination ausgewiesen.",
    "brok_intro": "Die Vermittlungsposition (Brokerage) misst, wie oft eine Abteilung auf dem kürzesten "
                  "Weg zwischen zwei anderen Elementen der Architektur liegt. Die am besten vernetzte "
                  "Abteilung ist die natürliche Kandidatin für die koordinierende Generalistenrolle, die "
                  "den Überblick behält.",
    "brok_candidate": "Koordinationskandidat: {name} (Vermittlungswert {value}).",
    "brok_none": "Kein Koordinationskandidat: Das Modell enthält keine verbundenen Abteilungen.",
    "col_department": "Abteilung", "col_function": "Funktion", "col_brokerage": "Vermittlung",
    "col_coordinator": "Koordination", "chart_brokerage": "Vermittlungswert je Abteilung",
    "power_intro": "Stakeholder nach Einfluss und Interesse (je 1–5); größere Punkte bedeuten höhere "
                   "Priorität. Oben rechts: eng einbinden; oben links: zufriedenstellen; unten rechts: "
                   "informieren; unten links: beobachten.",
    "influence": "Einfluss", "interest": "Interesse",
    "q_manage": "Eng einbinden", "q_satisfy": "Zufriedenstellen", "q_inform": "Informieren",
    "q_monitor": "Beobachten", "col_quadrant": "Strategie", "col_influence": "Einfluss",
    "col_interest": "Interesse", "internal": "intern", "external": "extern",
    "chart_power": "Einfluss-Interesse-Matrix", "chart_coverage": "Abdeckung: Kanäle × Stakeholder",
    "inv_intro": "Alle Elemente des Modells mit ihren Eigenschaften. Notizen stehen am Ende.",
    "kind_stakeholder": "Stakeholder", "kind_channel": "Kanäle", "kind_department": "Abteilungen",
    "kind_goal": "Ziele", "kind_topic": "Themen", "kind_note": "Notizen",
    "col_label": "Name", "col_id": "ID", "col_type": "Typ", "col_platform": "Plattform",
    "col_two_way": "Dialog", "col_operators": "Betrieben von", "col_reaches": "Erreicht", "col_tags": "Tags",
    "col_internal": "Intern", "col_kpi": "KPI", "col_served_by": "Unterstützt durch",
    "col_carried_by": "Gespielt auf", "col_serves": "Zahlt ein auf", "col_note": "Notiz",
    "col_element": "Element", "col_responsible": "Verantwortlich",
    "inv_notes": "Notizen zu Elementen", "yes": "ja", "no": "nein", "none": "—",
    "prio_high": "hoch", "prio_medium": "mittel", "prio_low": "niedrig",
    "relations_count": "{n} Beziehungen",
}

TEXTS: dict[str, dict[str, str]] = {"de": DE, "en": EN}

CHANNEL_TYPES: dict[str, dict[str, str]] = {
    "en": {"social": "social media", "owned": "owned media", "paid": "paid media", "earned": "earned media",
           "event": "event", "personal": "personal", "service": "service", "print": "print"},
    "de": {"social": "Social Media", "owned": "eigene Medien", "paid": "bezahlte Medien",
           "earned": "verdiente Medien", "event": "Veranstaltung", "personal": "persönlich",
           "service": "Service", "print": "Print"},
}


def language(lang: str | None) -> str:
    """A supported language for `lang` (None or unknown -> English)."""
    return lang if lang in TEXTS else DEFAULT_LANGUAGE


def texts(lang: str | None) -> dict[str, str]:
    """The text table of `lang`; keys missing there fall back to English."""
    code = language(lang)
    return TEXTS[code] if code == DEFAULT_LANGUAGE else {**EN, **TEXTS[code]}

# The assessment paragraph of the executive summary: sentences chosen and filled from the metrics.
ASSESS: dict[str, dict[str, str]] = {
    "en": {
        "band_none": "The model does not yet hold enough to compute an integration score.",
        "band_80": "With an integration score of {score} of 100, the architecture is well integrated: "
                   "the departments largely play their channels together.",
        "band_60": "With an integration score of {score} of 100, the architecture is on its way to "
                   "integration, with specific gaps to close.",
        "band_40": "With an integration score of {score} of 100, the architecture is only partly "
                   "integrated: the departments work side by side more than together.",
        "band_0": "With an integration score of {score} of 100, the architecture is fragmented: the "
                  "departments work side by side, and much of the combined impact of the channels is lost.",
        "all_reached": "Every stakeholder is reached by at least one channel.",
        "unreached": "{u} of {n} stakeholders are not reached by any channel.",
        "unreached_high": "{u} of {n} stakeholders are not reached by any channel, {h} of them with high "
                          "priority.",
        "no_dialog": "{k} of {n} stakeholders who expect a dialogue have no two-way channel.",
        "parallel": "For {k} stakeholders, several departments communicate without aligning with each other.",
        "silos": "The departments form {k} groups that do not coordinate with each other.",
        "no_coord_cand": "Nobody keeps the overview or has the last word; {cand}, the best-networked "
                         "department, is the natural candidate for this coordinating role.",
        "no_coord": "Nobody keeps the overview or has the last word.",
        "coord_one": "{names} coordinates the architecture.",
        "coord_many": "{names} coordinate the architecture.",
        "unowned": "{k} of {n} channels have no clear owner.",
        "unreached_one": "{u} of {n} stakeholders is not reached by any channel.",
        "unreached_high_one": "{u} of {n} stakeholders is not reached by any channel, and it has high "
                              "priority.",
        "no_dialog_one": "{k} of {n} stakeholders who expect a dialogue has no two-way channel.",
        "parallel_one": "For {k} stakeholder, several departments communicate without aligning with each "
                        "other.",
        "unowned_one": "{k} of {n} channels has no clear owner.",
        "first_step": "First step: {rec}",
    },
    "de": {
        "band_none": "Das Modell enthält noch nicht genug, um einen Integrationswert zu berechnen.",
        "band_80": "Mit einem Integrationswert von {score} von 100 ist die Architektur gut integriert: Die "
                   "Abteilungen spielen ihre Kanäle weitgehend gemeinsam.",
        "band_60": "Mit einem Integrationswert von {score} von 100 ist die Architektur auf dem Weg zur "
                   "Integration, mit einzelnen Lücken, die zu schließen sind.",
        "band_40": "Mit einem Integrationswert von {score} von 100 ist die Architektur nur teilweise "
                   "integriert: Die Abteilungen arbeiten eher nebeneinander als miteinander.",
        "band_0": "Mit einem Integrationswert von {score} von 100 ist die Architektur zersplittert: Die "
                  "Abteilungen arbeiten nebeneinander, und ein Großteil der gemeinsamen Wirkung der "
                  "Kanäle geht verloren.",
        "all_reached": "Jeder Stakeholder wird von mindestens einem Kanal erreicht.",
        "unreached": "{u} von {n} Stakeholdern werden von keinem Kanal erreicht.",
        "unreached_high": "{u} von {n} Stakeholdern werden von keinem Kanal erreicht, {h} davon mit hoher "
                          "Priorität.",
        "no_dialog": "{k} von {n} Stakeholdern, die einen Dialog erwarten, haben keinen Dialogkanal.",
        "parallel": "Bei {k} Stakeholdern kommunizieren mehrere Abteilungen, ohne sich abzustimmen.",
        "silos": "Die Abteilungen bilden {k} Gruppen, die sich nicht miteinander abstimmen.",
        "no_coord_cand": "Niemand behält den Überblick oder hat das letzte Wort; {cand} ist als am besten "
                         "vernetzte Abteilung die natürliche Kandidatin für diese koordinierende Rolle.",
        "no_coord": "Niemand behält den Überblick oder hat das letzte Wort.",
        "coord_one": "Die Koordination liegt bei {names}.",
        "coord_many": "Die Koordination liegt bei {names}.",
        "unowned": "{k} von {n} Kanälen haben keine klare Zuständigkeit.",
        "unreached_one": "{u} von {n} Stakeholdern wird von keinem Kanal erreicht.",
        "unreached_high_one": "{u} von {n} Stakeholdern wird von keinem Kanal erreicht, und zwar einer mit "
                              "hoher Priorität.",
        "no_dialog_one": "{k} von {n} Stakeholdern, die einen Dialog erwarten, hat keinen Dialogkanal.",
        "parallel_one": "Bei {k} Stakeholder kommunizieren mehrere Abteilungen, ohne sich abzustimmen.",
        "unowned_one": "{k} von {n} Kanälen hat keine klare Zuständigkeit.",
        "first_step": "Erster Schritt: {rec}",
    },
}

FUNCTIONS: dict[str, dict[str, str]] = {
    "en": {"pr": "PR", "marketing": "Marketing", "hr": "HR", "customer_service": "Customer service",
           "product": "Product", "social_media": "Social media", "sales": "Sales",
           "management": "Management", "other": "Other"},
    "de": {"pr": "PR", "marketing": "Marketing", "hr": "Personal", "customer_service": "Kundenservice",
           "product": "Produkt", "social_media": "Social Media", "sales": "Vertrieb",
           "management": "Geschäftsführung", "other": "Sonstige"},
}
