<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../src/commarch/gui/actions.py" line="+45"/>
        <location filename="../../src/commarch/gui/compare/window.py" line="+115"/>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revert</source>
        <translation>Zu&amp;rücksetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>Be&amp;enden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cu&amp;t</source>
        <translation>Ausschnei&amp;den</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate</source>
        <translation>Dupli&amp;zieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select &amp;All</source>
        <translation>Alles &amp;auswählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quick Add…</source>
        <translation>Schnell &amp;hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connect Selected…</source>
        <translation>Auswahl ver&amp;binden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect &amp;Mode</source>
        <translation>Verbindungs&amp;modus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pr&amp;eferences…</source>
        <translation>Einstellun&amp;gen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Align &amp;Left</source>
        <translation>&amp;Links ausrichten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Align &amp;Right</source>
        <translation>&amp;Rechts ausrichten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Align &amp;Top</source>
        <translation>&amp;Oben ausrichten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Align &amp;Bottom</source>
        <translation>&amp;Unten ausrichten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Align Centres &amp;Vertically</source>
        <translation>&amp;Horizontal zentrieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Align Centres &amp;Horizontally</source>
        <translation>&amp;Vertikal zentrieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Distribute &amp;Horizontally</source>
        <translation>&amp;Horizontal verteilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Distribute &amp;Vertically</source>
        <translation>&amp;Vertikal verteilen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom to &amp;Selection</source>
        <translation>&amp;Auswahl einpassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show &amp;Grid</source>
        <translation>&amp;Raster anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;nap to Grid</source>
        <translation>Am Raster &amp;einrasten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next &amp;Panel</source>
        <translation>&amp;Nächster Bereich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous Pa&amp;nel</source>
        <translation>&amp;Vorheriger Bereich</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About commarch</source>
        <translation>&amp;Über commarch</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restore &amp;Backup</source>
        <translation>Sicherung &amp;wiederherstellen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Arrange</source>
        <translation>&amp;Anordnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Align</source>
        <translation>&amp;Ausrichten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Distribute</source>
        <translation>&amp;Verteilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Panels</source>
        <translation>&amp;Bereiche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <source>Main toolbar</source>
        <translation>Hauptsymbolleiste</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederherstellen: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../../src/commarch/gui/analysis_ui/arrange.py" line="+19"/>
        <source>&amp;Layered (departments → channels → stakeholders)</source>
        <translation>In &amp;Ebenen (Abteilungen → Kanäle → Stakeholder)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Force-directed</source>
        <translation>&amp;Kräftebasiert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Circular</source>
        <translation>&amp;Kreisförmig</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Arranging %1 elements…</source>
        <translation>%1 Elemente werden angeordnet …</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The model changed while arranging; nothing was moved.</source>
        <translation>Das Modell hat sich während des Anordnens geändert; es wurde nichts verschoben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Auto-layout failed: %1</source>
        <translation>Automatisches Anordnen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Auto-&amp;layout</source>
        <translation>Automatisch an&amp;ordnen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Arranges the selection (two or more elements), otherwise everything.</source>
        <translation>Ordnet die Auswahl an (zwei oder mehr Elemente), sonst das ganze Modell.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>New from &amp;Template</source>
        <translation>Neu aus &amp;Vorlage</translation>
    </message>
    <message>
        <location filename="../../src/commarch/gui/analysis_ui/common.py" line="+39"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Info</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <location filename="../../src/commarch/gui/analysis_ui/findings_panel.py" line="+54"/>
        <location line="+125"/>
        <source>What to do: %1</source>
        <translation>Empfehlung: %1</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>Waived: %1</source>
        <translation>Akzeptiert: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(no note)</source>
        <translation>(ohne Begründung)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Show waived</source>
        <translation>Akzeptierte anzeigen</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../../src/commarch/gui/analysis_ui/install.py" line="+114"/>
        <location filename="../../src/commarch/gui/compare/window.py" line="-29"/>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Finding details</source>
        <translation>Details zum Befund</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>[waived] %1</source>
        <translation>[akzeptiert] %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Errors: %1 · Warnings: %2 · Notes: %3</source>
        <translation>Fehler: %1 · Warnungen: %2 · Hinweise: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 waived</source>
        <translation>%1 akzeptiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No findings.</source>
        <translation>Keine Befunde.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Waive finding</source>
        <translation>Befund akzeptieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is this finding accepted?
%1</source>
        <translation>Warum wird dieser Befund akzeptiert?
%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Show on canvas</source>
        <translation>Auf der Zeichenfläche zeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove waiver</source>
        <translation>Akzeptanz aufheben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waive…</source>
        <translation>Akzeptieren…</translation>
    </message>
    <message>
        <location filename="../../src/commarch/gui/analysis_ui/install.py" line="+1"/>
        <location filename="../../src/commarch/gui/compare/window.py" line="+1"/>
        <source>Metrics</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Matrices</source>
        <translation>Matrizen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find and Filter</source>
        <translation>Suchen und Filtern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Integration score: …</source>
        <translation>Integrationswert: …</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../src/commarch/gui/analysis_ui/metrics_panel.py" line="+93"/>
        <source>Integration score</source>
        <translation>Integrationswert</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find &amp;Next</source>
        <translation>&amp;Nächstes suchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find &amp;Previous</source>
        <translation>&amp;Vorheriges suchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finding &amp;Badges</source>
        <translation>&amp;Befund-Markierungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Presentation</source>
        <translation>&amp;Präsentation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rules…</source>
        <translation>&amp;Regeln…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Analyse Now</source>
        <translation>Jetzt &amp;analysieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;ocus on Selection</source>
        <translation>Auf Auswahl &amp;fokussieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show &amp;All Elements</source>
        <translation>Alle &amp;Elemente zeigen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>A&amp;nalysis</source>
        <translation>A&amp;nalyse</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Integration score: %1</source>
        <translation>Integrationswert: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Waive %1</source>
        <translation>%1 akzeptieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove waiver of %1</source>
        <translation>Akzeptanz von %1 aufheben</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Change analysis rules</source>
        <translation>Analyseregeln ändern</translation>
    </message>
    <message>
        <location filename="../../src/commarch/gui/analysis_ui/matrices_panel.py" line="+135"/>
        <source>This channel reaches no stakeholder.</source>
        <translation>Dieser Kanal erreicht keinen Stakeholder.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No channel reaches this stakeholder: a gap.</source>
        <translation>Kein Kanal erreicht diesen Stakeholder: eine Lücke.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Coverage: channels × stakeholders</source>
        <translation>Abdeckung: Kanäle × Stakeholder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This department operates no channel.</source>
        <translation>Diese Abteilung betreibt keinen Kanal.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No department operates this channel: nobody owns it.</source>
        <translation>Keine Abteilung betreibt diesen Kanal: Niemand ist zuständig.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Responsibility: departments × channels</source>
        <translation>Zuständigkeit: Abteilungen × Kanäle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Coverage</source>
        <translation>Abdeckung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responsibility</source>
        <translation>Zuständigkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Power / interest</source>
        <translation>Einfluss / Interesse</translation>
    </message>
    <message>
        <location filename="../../src/commarch/gui/analysis_ui/metrics_panel.py" line="-28"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Integration score (0–100)</source>
        <translation>Integrationswert (0–100)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Silos (departments that coordinate with each other)</source>
        <translation>Silos (Abteilungen, die sich untereinander abstimmen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Silos</source>
        <translation>Silos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Brokerage: best-networked departments</source>
        <translation>Vernetzung: die am besten vernetzten Abteilungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Brokerage</source>
        <translation>Vernetzung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Brokerage ranking</source>
        <translation>Rangfolge der Vernetzung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show coordinator candidate on canvas</source>
        <translation>Koordinationskandidaten auf der Zeichenfläche zeigen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Group %1 (%2)</source>
        <translation>Gruppe %1 (%2)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>★ %1 (coordinator candidate)</source>
        <translation>★ %1 (Koordinationskandidat)</translation>
    </message>
    <message>
        <location filename="../../src/commarch/gui/analysis_ui/power_grid.py" line="+26"/>
        <source>Monitor</source>
        <translation>Beobachten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep informed</source>
        <translation>Informieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep satisfied</source>
        <translation>Zufriedenstellen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Manage closely</source>
        <translation>Eng einbinden</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Power/interest grid of the stakeholders</source>
        <translation>Einfluss-Interesse-Matrix der Stakeholder</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Interest →</source>
        <translation>Interesse →</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Influence ↑</source>
        <translation>Einfluss ↑</translation>
    </message>
    <message>
        <location filename="../../src/commarch/gui/analysis_ui/presentation.py" line="+102"/>
        <source>No open findings. Press Esc to leave.</source>
        <translation>Keine offenen Befunde. Mit Esc beenden Sie die Präsentation.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1 of %2 · %3 · %4</source>
        <translation>%1 von %2 · %3 · %4</translation>
    </message>
    <message>
        <location filename="../../src/commarch/gui/analysis_ui/rules_dialog.py" line="+63"/>
        <source>Analysis rules</source>
        <translation>Analyseregeln</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Switch rules off or change their severity for this model. The settings are saved in the file.</source>
        <translation>Schalten Sie Regeln für dieses Modell ab oder ändern Sie ihren Schweregrad. Die Einstellungen werden in der Datei gespeichert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 on</source>
        <translation>%1 aktiv</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>default (%1)</source>
        <translation>Standard (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 severity</source>
        <translation>Schweregrad von %1</translation>
    </message>
    <message>
        <location filename="../../src/commarch/gui/analysis_ui/search.py" line="+75"/>
        <source>Find labels, notes, #tags…</source>
        <translation>Bezeichnungen, Notizen, #Schlagwörter suchen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 found</source>
        <translation>%1 gefunden</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Filter the canvas</source>
        <translation>Zeichenfläche filtern</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any tag</source>
        <translation>beliebiges Schlagwort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tag:</source>
        <translation>Schlagwort:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hide others (instead of fading)</source>
        <translation>Übrige ausblenden (statt abblenden)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show all</source>
        <translation>Alle zeigen</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Focus</source>
        <translation>Fokus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Focus on selection</source>
        <translation>Auf Auswahl fokussieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Steps:</source>
        <translation>Schritte:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Select an element to focus on.</source>
        <translation>Wählen Sie ein Element aus, auf das fokussiert werden soll.</translation>
    </message>
    <message>
        <location filename="../../src/commarch/gui/compare/install.py" line="+21"/>
        <location filename="../../src/commarch/gui/files.py" line="+22"/>
        <source>commarch models (*.comm);;All files (*)</source>
        <translation>commarch-Modelle (*.comm);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Current model</source>
        <translation>Aktuelles Modell</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot compare with this file</source>
        <translation>Vergleich mit dieser Datei nicht möglich</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Other model</source>
        <translation>Anderes Modell</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Compare with</source>
        <translation>Vergleichen mit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Co&amp;mpare with…</source>
        <translation>Ver&amp;gleichen mit…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare this model with another file: what changed, findings, metrics</source>
        <translation>Dieses Modell mit einer anderen Datei vergleichen: Änderungen, Befunde, Kennzahlen</translation>
    </message>
    <message>
        <location filename="../../src/commarch/gui/compare/panels.py" line="+42"/>
        <location line="+101"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/commarch/gui/compare/window.py" line="-2"/>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Relations added</source>
        <translation>Beziehungen hinzugefügt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relations removed</source>
        <translation>Beziehungen entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relations changed</source>
        <translation>Beziehungen geändert</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No differences</source>
        <translation>Keine Unterschiede</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Findings resolved and introduced</source>
        <translation>Behobene und neue Befunde</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Findings were not compared (no analysis available).</source>
        <translation>Befunde wurden nicht verglichen (keine Analyse verfügbar).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Introduced</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 unchanged</source>
        <translation>%1 unverändert</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Metric deltas</source>
        <translation>Veränderung der Kennzahlen</translation>
    </message>
    <message>
        <location filename="../../src/commarch/gui/compare/window.py" line="-27"/>
        <source>Old</source>
        <translation>Alt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Comparison summary</source>
        <translation>Zusammenfassung des Vergleichs</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Comparison canvas</source>
        <translation>Vergleichsansicht</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Old</source>
        <translation>&amp;Alt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O&amp;verlay</source>
        <translation>Über&amp;lagerung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Swap sides</source>
        <translation>Seiten &amp;tauschen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export report…</source>
        <translation>Bericht &amp;exportieren…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Old: %1
New: %2</source>
        <translation>Alt: %1
Neu: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare: %1 → %2 — commarch</source>
        <translation>Vergleich: %1 → %2 — commarch</translation>
    </message>
    <message>
        <location line="+121"/>
        <location line="+14"/>
        <source>Export comparison report</source>
        <translation>Vergleichsbericht exportieren</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Reports (*.pdf *.html *.md)</source>
        <translation>Berichte (*.pdf *.html *.md)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Report written: %1</source>
        <translation>Bericht geschrieben: %1</translation>
    </message>
    <message>
        <location filename="../../src/commarch/gui/dialogs.py" line="+41"/>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to “%1” before closing?</source>
        <translation>Möchten Sie die Änderungen an „%1“ vor dem Schließen speichern?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If you don&apos;t save, your changes will be lost.</source>
        <translation>Wenn Sie nicht speichern, gehen Ihre Änderungen verloren.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard all unsaved changes to “%1” and reload the file?</source>
        <translation>Möchten Sie alle nicht gespeicherten Änderungen an „%1“ verwerfen und die Datei neu laden?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>… and %1 more problems</source>
        <translation>… und %1 weitere Probleme</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>commarch did not close properly. A recovered version of “%1” from %2 is available.</source>
        <translation>commarch wurde nicht ordnungsgemäß beendet. Eine wiederhergestellte Fassung von „%1“ vom %2 ist verfügbar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recover unsaved work</source>
        <translation>Nicht gespeicherte Arbeit wiederherstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Original file: %1</source>
        <translation>Ursprüngliche Datei: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>File changed on disk</source>
        <translation>Datei wurde außerhalb von commarch geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” was changed by someone else since you opened it.</source>
        <translation>„%1“ wurde von anderer Seite geändert, seit Sie die Datei geöffnet haben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overwrite their changes, or save yours under another name?</source>
        <translation>Möchten Sie diese Änderungen überschreiben oder Ihre Fassung unter einem anderen Namen speichern?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overwrite</source>
        <translation>Überschreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save As…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+4"/>
        <source>Follow the system</source>
        <translation>Systemeinstellung verwenden</translation>
    </message>
    <message>
        <location line="-4"/>
        <location filename="../../src/commarch/gui/exports/diagram_dialog.py" line="+94"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../src/commarch/gui/exports/diagram_dialog.py" line="+1"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Autosave every</source>
        <translation>Automatisch speichern alle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show grid</source>
        <translation>Raster anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snap to grid</source>
        <translation>Am Raster einrasten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Grid size</source>
        <translation>Rastergröße</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups kept per file</source>
        <translation>Aufbewahrte Sicherungen je Datei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Theme</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+8"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Action</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../src/commarch/gui/exports/common.py" line="+81"/>
        <source>Choose a file name.</source>
        <translation>Wählen Sie einen Dateinamen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a folder; choose a file name.</source>
        <translation>%1 ist ein Ordner; wählen Sie einen Dateinamen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location filename="../../src/commarch/gui/exports/diagram_dialog.py" line="-39"/>
        <location line="+261"/>
        <source>Export Diagram</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <location line="-241"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PNG image</source>
        <translation>PNG-Bild</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SVG vector graphic</source>
        <translation>SVG-Vektorgrafik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF document (vector)</source>
        <translation>PDF-Dokument (Vektor)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Transparent background</source>
        <translation>Transparenter Hintergrund</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Legend of kinds and relations</source>
        <translation>Legende der Elementarten und Beziehungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Badges for findings</source>
        <translation>Markierungen für Befunde</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Selection only (%1 elements)</source>
        <translation>Nur Auswahl (%1 Elemente)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selection only (nothing selected)</source>
        <translation>Nur Auswahl (nichts ausgewählt)</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Select elements on the canvas to export only those.</source>
        <translation>Wählen Sie Elemente auf der Zeichenfläche aus, um nur diese zu exportieren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../src/commarch/gui/exports/report_dialog.py" line="+138"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution:</source>
        <translation>Auflösung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theme:</source>
        <translation>Erscheinungsbild:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Title block</source>
        <translation>Titelblock</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client:</source>
        <translation>Kunde:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../src/commarch/gui/exports/report_dialog.py" line="-7"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/commarch/gui/exports/report_dialog.py" line="+1"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../../src/commarch/gui/exports/report_dialog.py" line="+8"/>
        <source>Save as:</source>
        <translation>Speichern unter:</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../src/commarch/gui/exports/report_dialog.py" line="+9"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 Pixel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 × %2 points</source>
        <translation>%1 × %2 Punkt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SVG graphics (*.svg)</source>
        <translation>SVG-Grafiken (*.svg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/commarch/gui/exports/report_dialog.py" line="+43"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <location line="+27"/>
        <location filename="../../src/commarch/gui/exports/report_dialog.py" line="-119"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Diagram exported to %1</source>
        <translation>Diagramm exportiert nach %1</translation>
    </message>
    <message>
        <location filename="../../src/commarch/gui/exports/install.py" line="+66"/>
        <source>Export &amp;Diagram…</source>
        <translation>&amp;Diagramm exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;Report…</source>
        <translation>&amp;Bericht exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;CSV…</source>
        <translation>&amp;CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>&amp;GraphML…</source>
        <translation>&amp;GraphML…</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;CSV (elements + relations)…</source>
        <translation>&amp;CSV (Elemente + Beziehungen)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;overage Matrix CSV…</source>
        <translation>Abdeckungs&amp;matrix als CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Responsibility Matrix CSV…</source>
        <translation>&amp;Zuständigkeitsmatrix als CSV…</translation>
    </message>
    <message>
        <location filename="../../src/commarch/gui/exports/interchange_ui.py" line="+35"/>
        <source>Cannot import</source>
        <translation>Import nicht möglich</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+10"/>
        <source>The file was not imported.</source>
        <translation>Die Datei wurde nicht importiert.</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>%1: unknown import format; expected .csv or .graphml</source>
        <translation>%1: unbekanntes Importformat; erwartet wird .csv oder .graphml</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 was not imported. Problems found:</source>
        <translation>%1 wurde nicht importiert. Gefundene Probleme:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Imported %1: %2 elements, %3 relations (not saved yet)</source>
        <translation>%1 importiert: %2 Elemente, %3 Beziehungen (noch nicht gespeichert)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <location line="+8"/>
        <source>Nothing was written.</source>
        <translation>Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>%1: is the model&apos;s own file; choose another name</source>
        <translation>%1: ist die Datei des Modells selbst; wählen Sie einen anderen Namen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Written: %1. Then:</source>
        <translation>Geschrieben: %1. Danach:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Import GraphML</source>
        <translation>GraphML importieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import CSV</source>
        <translation>CSV importieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export GraphML</source>
        <translation>GraphML exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Coverage Matrix</source>
        <translation>Abdeckungsmatrix exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export Responsibility Matrix</source>
        <translation>Zuständigkeitsmatrix exportieren</translation>
    </message>
    <message>
        <location filename="../../src/commarch/gui/exports/report_dialog.py" line="+2"/>
        <source>The report could not be made: %1</source>
        <translation>Der Bericht konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+73"/>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTML page (one file)</source>
        <translation>HTML-Seite (eine Datei)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown text</source>
        <translation>Markdown-Text</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open File</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>HTML pages (*.html *.htm)</source>
        <translation>HTML-Seiten (*.html *.htm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Writing the report…</source>
        <translation>Der Bericht wird geschrieben …</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+3"/>
        <source>Report written to %1</source>
        <translation>Bericht geschrieben nach %1</translation>
    </message>
    <message>
        <location filename="../../src/commarch/gui/files.py" line="+23"/>
        <source>Cannot open file</source>
        <translation>Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Save model as</source>
        <translation>Modell speichern unter</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot save file</source>
        <translation>Datei kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot recover</source>
        <translation>Wiederherstellen nicht möglich</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(no backups of this file)</source>
        <translation>(keine Sicherungen dieser Datei)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot restore backup</source>
        <translation>Sicherung kann nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Backup restored — save to keep it</source>
        <translation>Sicherung wiederhergestellt – speichern Sie, um sie zu behalten</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <location filename="../../src/commarch/gui/controller.py" line="+71"/>
        <source>A label must not be empty.</source>
        <translation>Eine Bezeichnung darf nicht leer sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A label can have at most %1 characters (this one has %2).</source>
        <translation>Eine Bezeichnung darf höchstens %1 Zeichen haben (diese hat %2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A colour is written as #rrggbb, e.g. #0072B2.</source>
        <translation>Eine Farbe wird als #rrggbb angegeben, z. B. #0072B2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not possible: %1</source>
        <translation>Nicht möglich: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete element</source>
        <translation>Element löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete %1 elements</source>
        <translation>%1 Elemente löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete relation</source>
        <translation>Beziehung löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete %1 relations</source>
        <translation>%1 Beziehungen löschen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>A %1 cannot be connected to a %2.</source>
        <translation>Zwischen %1 und %2 ist keine Beziehung möglich.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>These two are already connected.</source>
        <translation>Diese beiden sind bereits verbunden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect (%1)</source>
        <translation>Verbinden (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the kind of relation</source>
        <translation>Art der Beziehung wählen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cut</source>
        <translation>Ausschneiden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The clipboard holds nothing commarch can paste.</source>
        <translation>Die Zwischenablage enthält nichts, was commarch einfügen kann.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Align</source>
        <translation>Ausrichten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Distribute</source>
        <translation>Verteilen</translation>
    </message>
</context>
<context>
    <name>ExceptionGuard</name>
    <message>
        <location filename="../../src/commarch/gui/errors.py" line="+64"/>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgelaufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>commarch hit an internal error and stopped that action. Your work is still open and you can keep working.</source>
        <translation>In commarch ist ein interner Fehler aufgetreten; der Vorgang wurde abgebrochen. Ihre Arbeit ist weiterhin geöffnet, und Sie können weiterarbeiten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Emergency copies were written to:</source>
        <translation>Notfallkopien wurden gespeichert unter:</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../src/commarch/gui/docks/inspector.py" line="+58"/>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Relation</source>
        <translation>Beziehung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 items selected</source>
        <translation>%1 Objekte ausgewählt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>(not set)</source>
        <translation>(nicht festgelegt)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>comma-separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
</context>
<context>
    <name>KindButton</name>
    <message>
        <location filename="../../src/commarch/gui/docks/palette.py" line="+49"/>
        <source>Add a %1 (click), or drag it onto the canvas</source>
        <translation>%1 hinzufügen (klicken) oder auf die Zeichenfläche ziehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/commarch/gui/mainwindow.py" line="+53"/>
        <source>Canvas</source>
        <translation>Zeichenfläche</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&lt;opened&gt;</source>
        <translation>&lt;geöffnet&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo history</source>
        <translation>Verlauf der Änderungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outline</source>
        <translation>Gliederung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 elements, %2 relations</source>
        <translation>%1 Elemente, %2 Beziehungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>About commarch</source>
        <translation>Über commarch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>commarch %1 — a modeler for communication architectures.</source>
        <translation>commarch %1 – ein Werkzeug zur Modellierung von Kommunikationsarchitekturen.</translation>
    </message>
</context>
<context>
    <name>Minimap</name>
    <message>
        <location filename="../../src/commarch/gui/canvas/minimap.py" line="+35"/>
        <source>&lt;p&gt;Overview: click or drag to move the view&lt;/p&gt;</source>
        <translation>&lt;p&gt;Übersicht: Klicken oder ziehen Sie, um den Ausschnitt zu verschieben&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Outline</name>
    <message>
        <location filename="../../src/commarch/gui/docks/outline.py" line="+47"/>
        <source>Filter by label, tag or id…</source>
        <translation>Nach Bezeichnung, Schlagwort oder ID filtern …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outline filter</source>
        <translation>Filter der Gliederung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outline of elements by kind</source>
        <translation>Gliederung der Elemente nach Art</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <location filename="../../src/commarch/gui/docks/palette.py" line="+37"/>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
</context>
<context>
    <name>QuickAdd</name>
    <message>
        <location filename="../../src/commarch/gui/quickadd.py" line="+32"/>
        <source>Label, e.g. Presse</source>
        <translation>Bezeichnung, z. B. Presse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quick add: label</source>
        <translation>Schnell hinzufügen: Bezeichnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quick add: kind</source>
        <translation>Schnell hinzufügen: Art</translation>
    </message>
</context>
<context>
    <name>_ColorEdit</name>
    <message>
        <location filename="../../src/commarch/gui/docks/inspector.py" line="+48"/>
        <source>Kind default</source>
        <translation>Standardfarbe der Art</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
</context>
<context>
    <name>enums</name>
    <message>
        <location filename="../../src/commarch/gui/texts.py" line="+63"/>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>social media</source>
        <translation>Social Media</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>owned media</source>
        <translation>eigene Medien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paid media</source>
        <translation>bezahlte Medien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>earned media</source>
        <translation>verdiente Medien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>personal</source>
        <translation>persönlich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>print</source>
        <translation>Print</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PR</source>
        <translation>PR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HR</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer service</source>
        <translation>Kundenservice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social media</source>
        <translation>Social Media</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sales</source>
        <translation>Vertrieb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Management</source>
        <translation>Geschäftsführung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lead</source>
        <translation>federführend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contributor</source>
        <translation>mitwirkend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location line="-53"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs dialogue</source>
        <translation>Erwartet Dialog</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Influence</source>
        <translation>Einfluss</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interest</source>
        <translation>Interesse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel type</source>
        <translation>Kanaltyp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two-way (dialogue)</source>
        <translation>Zweiseitig (Dialog)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coordinator</source>
        <translation>Koordination</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cadence</source>
        <translation>Rhythmus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>kinds</name>
    <message>
        <location line="-52"/>
        <source>Stakeholder</source>
        <translation>Stakeholder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stakeholders</source>
        <translation>Stakeholder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Departments</source>
        <translation>Abteilungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goals</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topics</source>
        <translation>Themen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
</context>
<context>
    <name>relations</name>
    <message>
        <location line="+3"/>
        <source>operates</source>
        <translation>betreibt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reaches</source>
        <translation>erreicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>coordinates with</source>
        <translation>stimmt sich ab mit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is responsible for</source>
        <translation>ist verantwortlich für</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>carries</source>
        <translation>spielt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>serves</source>
        <translation>zahlt ein auf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>influences</source>
        <translation>beeinflusst</translation>
    </message>
</context>
</TS>
