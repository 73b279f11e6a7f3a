"""Deutsche Texte der Analyse: Regel-Metadaten, Befundmeldungen und Wörter für die Darstellung."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Message = Callable[[Any, Any], tuple[str, str]]  # (Hit, Fmt) -> (Meldung, Empfehlung)

WORDS = {"and": "und", "open": "\u201e", "close": "\u201c", "group": "Gruppe",
         "with": "mit", "both": "beide", "all": "alle"}

UI = {
    "title": "Analyse", "score": "Integrationswert", "findings": "Befunde", "metrics": "Kennzahlen",
    "error": "Fehler", "warning": "Warnung", "info": "Hinweis",
    "errors": "Fehler", "warnings": "Warnungen", "infos": "Hinweise",
    "waived": "akzeptiert", "waived_note": "akzeptiert", "no_findings": "Keine Befunde.",
    "recommendation": "Nächster Schritt", "rule": "Regel", "severity": "Schwere", "message": "Befund",
    "coverage": "Abdeckung", "dialog_coverage": "Dialogabdeckung", "ownership": "Klare Zuständigkeit",
    "coordination": "Abstimmung", "parallel_free": "Frei von Parallelarbeit",
    "integration_score": "Integrationswert", "silos": "Silos", "brokerage": "Vernetzung (Brokerage)",
    "coordinator_candidate": "Kandidatin für die Koordination", "none": "keine", "na": "k. A.",
    "elements": "Elemente", "relations": "Beziehungen", "metric": "Kennzahl", "value": "Wert",
    "counts": "Umfang",
}

META: dict[str, tuple[str, str, str]] = {
    "GAP-UNREACHED": (
        "Stakeholder wird nicht erreicht",
        "Kein Kanal erreicht diesen Stakeholder. Was das Unternehmen von ihm will – Vertrauen, Umsatz, "
        "Bewerbungen –, dafür arbeitet niemand, und andere füllen die Lücke. Bei hoher Priorität ist das "
        "ein Fehler, sonst eine Warnung.",
        "Festlegen, über welchen Kanal der Stakeholder erreicht wird und welche Abteilung ihn betreibt."),
    "GAP-UNOWNED-CHANNEL": (
        "Kanal ohne Verantwortliche",
        "Keine Abteilung betreibt den Kanal. Ein Kanal ohne Verantwortliche wird nicht bespielt, nicht "
        "beantwortet und nicht gemessen – und spricht trotzdem für das Unternehmen.",
        "Die Abteilung benennen, die den Kanal betreibt, oder den Kanal schließen."),
    "GAP-DEAD-CHANNEL": (
        "Kanal erreicht niemanden",
        "Der Kanal erreicht keinen Stakeholder. Er kostet Aufwand, dient aber keiner Zielgruppe; "
        "Kommunikation wird an Unternehmenszielen gemessen, nicht an Aktivität.",
        "Klären, wen der Kanal erreichen soll, oder ihn aufgeben und den Aufwand umlenken."),
    "GAP-IDLE-DEPARTMENT": (
        "Abteilung ohne Rolle",
        "Die Abteilung betreibt keinen Kanal, ist für nichts verantwortlich, stimmt sich mit niemandem ab "
        "und dient keinem Ziel. Entweder ist das Modell unvollständig, oder die Abteilung ist von der "
        "Kommunikation abgehängt.",
        "Klären, was die Abteilung zur Kommunikation beiträgt, und das modellieren – oder sie entfernen."),
    "GAP-NO-DIALOG": (
        "Dialog nötig, aber nur Einbahnstraßen",
        "Der Stakeholder braucht den Dialog, doch alle Kanäle, die ihn erreichen, senden nur. Er hört "
        "das Unternehmen, kann aber nicht antworten; Fragen und Kritik landen anderswo.",
        "Einen dialogfähigen Kanal öffnen und festlegen, wer antwortet."),
    "GAP-NO-RESPONSIBLE": (
        "Niemand hat das letzte Wort",
        "Mehrere Abteilungen erreichen den Stakeholder, aber keine ist für die Beziehung verantwortlich. "
        "Wenn ihre Botschaften auseinanderlaufen, entscheidet niemand.",
        "Eine Abteilung als verantwortlich für den Stakeholder festlegen."),
    "GAP-UNSERVED-GOAL": (
        "Ziel ohne Kommunikation",
        "Kein Kanal, kein Thema und keine Abteilung zahlt auf das Ziel ein. Kommunikation muss sich an "
        "Unternehmenszielen messen lassen – ein Ziel ohne Kommunikation dahinter erreicht sie nicht.",
        "Die Kanäle, Themen oder Abteilungen verknüpfen, die auf das Ziel einzahlen sollen, oder das Ziel "
        "streichen."),
    "GAP-SINGLE-CHANNEL": (
        "Wichtiger Stakeholder an nur einem Kanal",
        "Ein Stakeholder mit hoher Priorität wird über genau einen Kanal erreicht. Fällt dieser Kanal aus "
        "oder verliert er Reichweite, bricht der Kontakt ab.",
        "Einen ergänzenden zweiten Kanal aufbauen und beide abstimmen."),
    "GAP-TOPIC-UNPLAYED": (
        "Thema auf keinem Kanal",
        "Kein Kanal spielt das Thema. Ein Themenkorridor, den kein Kanal nutzt, erreicht niemanden.",
        "Festlegen, welche Kanäle das Thema spielen, oder es aus dem Korridor nehmen."),
    "GAP-TOPIC-AIMLESS": (
        "Thema ohne Ziel",
        "Das Thema dient keinem Ziel. Inhalte folgen Positionierung und Zielen: erst Ziele, dann "
        "Themenkorridore, dann Content-Ideen, dann Content.",
        "Das Thema mit dem Ziel verknüpfen, auf das es einzahlt, oder es überdenken."),
    "GAP-NO-COORDINATOR": (
        "Keine Koordination",
        "Mehrere Abteilungen betreiben Kanäle, aber keine koordiniert. Niemand behält den Überblick, "
        "integriert die Bausteine und hat das letzte Wort.",
        "Eine koordinierende Abteilung bestimmen (oft die am besten vernetzte) und mit den anderen "
        "verbinden."),
    "GAP-SILOS": (
        "Silos",
        "Die Abstimmungsbeziehungen teilen die aktiven Abteilungen in Gruppen, die sich untereinander nicht "
        "abstimmen. Jede Gruppe bespielt ihre Kanäle allein; die gesteigerte Schlagkraft aller Kanäle "
        "zusammen geht verloren.",
        "Die Gruppen durch regelmäßige Abstimmung verbinden, am besten über eine Koordination."),
    "OVL-PARALLEL": (
        "Parallelarbeit am selben Stakeholder",
        "Abteilungen, die sich nicht abstimmen, erreichen denselben Stakeholder. Sie arbeiten nebeneinander, "
        "senden widersprüchliche Botschaften und verschenken die gemeinsame Schlagkraft ihrer Kanäle.",
        "Die Abteilungen regelmäßig oder über eine Koordination abstimmen; eine als verantwortlich festlegen."),
    "OVL-SHARED-CHANNEL": (
        "Geteilter Kanal ohne klare Führung",
        "Mehrere Abteilungen betreiben den Kanal, aber nicht genau eine führt. Der Kanal spricht mit "
        "mehreren Stimmen, und niemand entscheidet.",
        "Genau eine Abteilung als federführend festlegen; die anderen liefern zu."),
    "OVL-DUPLICATE-CHANNEL": (
        "Doppelter Auftritt auf einer Plattform",
        "Zwei Kanäle auf derselben Plattform, betrieben von verschiedenen Abteilungen, erreichen dieselben "
        "Stakeholder. Die Zielgruppe trifft auf zwei Stimmen des Unternehmens; Reichweite und Aufwand "
        "werden geteilt.",
        "Die beiden Auftritte unter einer Federführung zusammenlegen oder klar nach Zielgruppe trennen."),
    "OVL-TOPIC-COLLISION": (
        "Thema parallel gespielt",
        "Abteilungen, die sich nicht abstimmen, spielen dasselbe Thema an denselben Stakeholder. Dieselbe "
        "Geschichte, getrennt erzählt, wird doppelt erzählt – und selten gleich.",
        "Festlegen, wer beim Thema führt, und es kanalübergreifend gemeinsam planen."),
    "OVL-RESPONSIBILITY-CONFLICT": (
        "Konkurrierende Verantwortung",
        "Mehrere Abteilungen sind für denselben Stakeholder oder dasselbe Thema verantwortlich. Wenn "
        "mehrere das letzte Wort haben, hat es niemand.",
        "Entscheiden, welche Abteilung allein verantwortlich ist; die anderen liefern zu."),
}

MESSAGES: dict[str, Message] = {}


def _others(count: int) -> str:
    """'the others contribute', in the number the count calls for (two departments leave one other)."""
    return "die andere liefert zu" if count == 2 else "die anderen liefern zu"


def _message(rule_id: str) -> Callable[[Message], Message]:
    def register(function: Message) -> Message:
        MESSAGES[rule_id] = function
        return function
    return register


@_message("GAP-UNREACHED")
def _unreached(h: Any, f: Any) -> tuple[str, str]:
    s = f.l(h.subjects[0])
    high = " (hohe Priorität)" if h.params["priority"] == "high" else ""
    return (f"Kein Kanal erreicht {s}{high}. Niemand im Unternehmen spricht mit diesem Stakeholder – "
            f"sein Bild vom Unternehmen prägen andere.",
            f"Legen Sie fest, über welchen Kanal {s} erreicht werden soll und welche Abteilung ihn "
            f"betreibt. Spielt {s} für die Unternehmensziele keine Rolle, nehmen Sie den Stakeholder aus "
            f"dem Modell.")


@_message("GAP-UNOWNED-CHANNEL")
def _unowned(h: Any, f: Any) -> tuple[str, str]:
    c = f.l(h.subjects[0])
    return (f"Keine Abteilung betreibt {c}. Ein Kanal ohne Verantwortliche wird nicht bespielt, nicht "
            f"beantwortet und nicht gemessen – und spricht trotzdem für das Unternehmen.",
            f"Benennen Sie die Abteilung, die {c} betreibt (Beziehung \u201ebetreibt\u201c), oder schließen "
            f"Sie den Kanal.")


@_message("GAP-DEAD-CHANNEL")
def _dead(h: Any, f: Any) -> tuple[str, str]:
    c = f.l(h.subjects[0])
    return (f"{c} erreicht keinen Stakeholder. Der Kanal kostet Aufwand, dient aber keiner Zielgruppe – "
            f"und gemessen wird an Unternehmenszielen, nicht an Aktivität.",
            f"Klären Sie, wen {c} erreichen soll (Beziehung \u201eerreicht\u201c), oder geben Sie den Kanal "
            f"auf und stecken Sie den Aufwand in Kanäle, die Ihre wichtigen Stakeholder erreichen.")


@_message("GAP-IDLE-DEPARTMENT")
def _idle(h: Any, f: Any) -> tuple[str, str]:
    d = f.l(h.subjects[0])
    return (f"{d} hat keine Rolle in der Architektur: betreibt keinen Kanal, ist für nichts "
            f"verantwortlich, stimmt sich mit niemandem ab und dient keinem Ziel.",
            f"Klären Sie mit {d}, was die Abteilung zur Kommunikation beiträgt, und bilden Sie es ab – "
            f"oder entfernen Sie sie, wenn sie hier keine Rolle spielt.")


@_message("GAP-NO-DIALOG")
def _no_dialog(h: Any, f: Any) -> tuple[str, str]:
    s = f.l(h.subjects[0])
    return (f"Der Stakeholder {s} braucht den Dialog, doch alle Kanäle, die ihn erreichen, senden nur "
            f"({f.list(h.params['channels'])}). Er hört das Unternehmen, kann aber nicht antworten.",
            f"Öffnen Sie für {s} einen dialogfähigen Kanal (Service, Social Media, persönlicher Kontakt) "
            f"und legen Sie fest, wer antwortet.")


@_message("GAP-NO-RESPONSIBLE")
def _no_responsible(h: Any, f: Any) -> tuple[str, str]:
    s, ds = f.l(h.subjects[0]), h.params["departments"]
    return (f"{f.list(ds)} erreichen {f.all(len(ds))} {s}, aber keine dieser Abteilungen ist "
            f"für die Beziehung verantwortlich. Wenn die Botschaften auseinanderlaufen, hat niemand das letzte Wort.",
            f"Machen Sie eine Abteilung für {s} verantwortlich (Beziehung \u201everantwortlich für\u201c) – "
            f"in der Regel diejenige, die dem Geschäftsziel für diese Zielgruppe am nächsten ist.")


@_message("GAP-UNSERVED-GOAL")
def _unserved(h: Any, f: Any) -> tuple[str, str]:
    g = f.l(h.subjects[0])
    return (f"Nichts zahlt auf das Ziel {g} ein: kein Kanal, kein Thema, keine Abteilung. Kommunikation "
            f"misst sich an Unternehmenszielen – hinter diesem Ziel steht keine.",
            f"Verknüpfen Sie die Kanäle, Themen oder Abteilungen, die auf {g} einzahlen sollen (Beziehung "
            f"\u201ezahlt ein auf\u201c), oder streichen Sie das Ziel, wenn es keines mehr ist.")


@_message("GAP-SINGLE-CHANNEL")
def _single(h: Any, f: Any) -> tuple[str, str]:
    s, c = f.l(h.subjects[0]), f.l(h.params["channel"])
    return (f"Der Stakeholder {s} hat hohe Priorität, wird aber nur über einen Kanal erreicht: {c}. "
            f"Fällt dieser Kanal aus oder verliert er Reichweite, bricht der Kontakt ab.",
            f"Bauen Sie für {s} einen zweiten Kanal auf, der {c} ergänzt, und stimmen Sie beide ab.")


@_message("GAP-TOPIC-UNPLAYED")
def _unplayed(h: Any, f: Any) -> tuple[str, str]:
    t = f.l(h.subjects[0])
    return (f"Kein Kanal spielt das Thema {t}. Ein Themenkorridor, den kein Kanal nutzt, erreicht niemanden.",
            f"Legen Sie fest, welche Kanäle {t} spielen (Beziehung \u201espielt\u201c), oder "
            f"streichen Sie das Thema.")


@_message("GAP-TOPIC-AIMLESS")
def _aimless(h: Any, f: Any) -> tuple[str, str]:
    t = f.l(h.subjects[0])
    return (f"Das Thema {t} dient keinem Ziel. Inhalte folgen Positionierung und Zielen, nicht umgekehrt.",
            f"Verknüpfen Sie {t} mit dem Ziel, auf das es einzahlt (Beziehung \u201ezahlt ein auf\u201c), oder "
            f"prüfen Sie, ob es in den Themenkorridor gehört.")


@_message("GAP-NO-COORDINATOR")
def _no_coordinator(h: Any, f: Any) -> tuple[str, str]:
    departments = h.params["departments"]
    return (f"{len(departments)} Abteilungen betreiben Kanäle ({f.list(departments)}), aber keine "
            f"koordiniert. Niemand behält den Überblick, integriert die Bausteine und hat das letzte Wort.",
            "Bestimmen Sie eine koordinierende Abteilung (als Koordination markieren) und verbinden Sie "
            "sie über Abstimmungsbeziehungen mit den anderen. Die am besten vernetzte Abteilung – in den "
            "Kennzahlen die Kandidatin für die Koordination – bietet sich an.")


@_message("GAP-SILOS")
def _silos(h: Any, f: Any) -> tuple[str, str]:
    groups = h.params["groups"]
    return (f"Die Abteilungen zerfallen in {len(groups)} Gruppen, die sich untereinander nicht abstimmen "
            f"({f.groups(groups)}). Jede Gruppe bespielt ihre Kanäle allein; die gesteigerte Schlagkraft "
            f"aller Kanäle zusammen geht verloren.",
            "Verbinden Sie die Gruppen: Vereinbaren Sie eine regelmäßige Abstimmung zwischen ihnen, am "
            "besten über eine Koordination, die mit allen verbunden ist.")


@_message("OVL-PARALLEL")
def _parallel(h: Any, f: Any) -> tuple[str, str]:
    s = f.l(h.subjects[0])
    return (f"Der Stakeholder {s} wird von Abteilungen angesprochen, die sich nicht abstimmen: "
            f"{f.pairs(h.params['pairs'])}. Sie arbeiten nebeneinander an derselben Zielgruppe, senden "
            f"uneinheitliche Botschaften und verschenken die gemeinsame Schlagkraft ihrer Kanäle.",
            f"Vereinbaren Sie eine regelmäßige Abstimmung zwischen diesen Abteilungen oder verbinden "
            f"Sie sie über eine Koordination, und machen Sie eine von ihnen für {s} verantwortlich.")


@_message("OVL-SHARED-CHANNEL")
def _shared(h: Any, f: Any) -> tuple[str, str]:
    c, leads, operators = f.l(h.subjects[0]), h.params["leads"], h.params["operators"]
    if not leads:
        problem = "keine von ihnen hat die Federführung"
    elif set(leads) == set(operators):  # naming the same departments twice reads like a stutter
        problem = f"{f.all(len(leads))} beanspruchen die Federführung"
    else:
        problem = f"{f.list(leads)} beanspruchen {f.all(len(leads))} die Federführung"
    return (f"{c} wird von {f.list(operators)} betrieben, und {problem}. Ein geteilter Kanal ohne "
            f"eindeutige Federführung spricht mit mehreren Stimmen, und niemand entscheidet.",
            f"Legen Sie genau eine Abteilung als federführend für {c} fest; {_others(len(operators))}.")


@_message("OVL-DUPLICATE-CHANNEL")
def _duplicate(h: Any, f: Any) -> tuple[str, str]:
    c1, c2 = f.l(h.subjects[0]), f.l(h.subjects[1])
    return (f"{c1} und {c2} laufen beide auf {h.params['platform']}, werden von verschiedenen Abteilungen "
            f"betrieben und erreichen beide {f.list(h.params['stakeholders'])}. Die Zielgruppe trifft auf "
            f"einer Plattform auf zwei Stimmen des Unternehmens; Reichweite und Aufwand werden geteilt.",
            f"Legen Sie {c1} und {c2} zu einem Auftritt mit einer Federführung zusammen, oder geben Sie "
            f"beiden klar getrennte Zielgruppen und Aufgaben.")


@_message("OVL-TOPIC-COLLISION")
def _collision(h: Any, f: Any) -> tuple[str, str]:
    t = f.l(h.subjects[0])
    return (f"Abteilungen, die sich nicht abstimmen, spielen das Thema {t} an "
            f"{f.list(h.params['stakeholders'])}: {f.pairs(h.params['pairs'])}. Dieselbe Geschichte, "
            f"getrennt erzählt, wird doppelt erzählt – und selten gleich.",
            f"Legen Sie fest, wer bei {t} führt und wie sich die Abteilungen abstimmen (direkt oder über "
            f"eine Koordination); planen Sie das Thema kanalübergreifend gemeinsam.")


@_message("OVL-RESPONSIBILITY-CONFLICT")
def _conflict(h: Any, f: Any) -> tuple[str, str]:
    x, ds = f.l(h.subjects[0]), h.params["departments"]
    return (f"{f.list(ds)} sind {f.all(len(ds))} für {x} verantwortlich. Wenn mehrere das letzte "
            f"Wort haben, hat es niemand.",
            f"Entscheiden Sie, welche Abteilung allein für {x} verantwortlich ist; {_others(len(ds))}.")
