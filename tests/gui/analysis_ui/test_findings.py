"""Live findings: an edit makes a rule fire and clear; the dock, the badges and the score follow; clicking,
waiving (undoable), showing waived, and the rule settings dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt

from commarch.analysis import find
from commarch.gui.analysis_ui.findings_panel import worst_severities

from .conftest import open_rows


def wait_for_rows(qtbot, window, predicate) -> None:
    qtbot.waitUntil(lambda: predicate(open_rows(window)), timeout=5000)


def test_rule_fires_and_clears_with_list_and_badges(win, qtbot) -> None:
    ui = win.analysis_ui
    assert open_rows(win) == [(f.rule, frozenset(f.subjects)) for f in find(win.doc.model, "en") if not f.waived]
    new_id = win.controller.add_element("stakeholder", 900, 900, label="Regulators", priority="high")
    assert new_id is not None
    unreached = ("GAP-UNREACHED", frozenset({new_id}))
    wait_for_rows(qtbot, win, lambda rows: unreached in rows)
    assert win.scene.ctx.badges[new_id] == "error"
    # a channel reaching it clears the finding and the badge
    assert win.controller.connect("c-website", new_id)
    wait_for_rows(qtbot, win, lambda rows: unreached not in rows)
    # the badge is the worst of what is left (e.g. a single channel), no longer an error
    assert win.scene.ctx.badges == worst_severities(find(win.doc.model, "en"))
    assert win.scene.ctx.badges.get(new_id) != "error"
    # undo brings it back
    win.controller.stack.undo()
    wait_for_rows(qtbot, win, lambda rows: unreached in rows)
    assert win.scene.ctx.badges[new_id] == "error"
    # metrics follow the model too: the new stakeholder counts in the worker's result
    qtbot.waitUntil(lambda: ui.runner.metrics.get("counts", {}).get("elements", {}).get("stakeholder")
                    == sum(1 for e in win.doc.model.elements if e.kind == "stakeholder"), timeout=5000)
    assert ui.score_label.text().endswith(str(ui.runner.metrics["integration_score"]))


def test_badges_toggle(win) -> None:
    action = win.analysis_ui.actions["finding_badges"]
    assert win.scene.ctx.badges_visible
    action.trigger()
    assert not win.scene.ctx.badges_visible
    action.trigger()
    assert win.scene.ctx.badges_visible
    # worst severity wins: s-investoren has an error
    assert win.scene.ctx.badges["s-investoren"] == "error"


def test_click_a_finding_selects_and_centres_its_subjects(win, qtbot) -> None:
    panel = win.analysis_ui.findings
    item = next(i for i in panel.finding_items() if panel.current_finding() is None
                and i.data(0, Qt.ItemDataRole.UserRole).rule == "OVL-SHARED-CHANNEL")
    panel.tree.scrollToItem(item)
    rect = panel.tree.visualItemRect(item)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    finding = item.data(0, Qt.ItemDataRole.UserRole)
    assert set(win.scene.selected_element_ids()) == set(finding.subjects)
    # the relations among the subjects (the operates relations of both departments) are highlighted
    highlighted = {i.relation_id for i in win.scene.relation_items() if i.highlighted}
    expected = {r.id for r in win.doc.model.relations
                if r.source in finding.subjects and r.target in finding.subjects}
    assert highlighted == expected and expected
    assert "c-instagram" in panel.detail.text() or finding.message in panel.detail.text()
    # selecting something else ends the highlight
    win.scene.select_ids(["d-pr"])
    assert not any(i.highlighted for i in win.scene.relation_items())


def test_waive_then_undo(win, qtbot) -> None:
    ui = win.analysis_ui
    panel = ui.findings
    target = ("GAP-UNREACHED", frozenset({"s-investoren"}))
    finding = next(f for f in panel.findings if (f.rule, frozenset(f.subjects)) == target)
    panel.ask_note = lambda _f: "IR is handled by the board"
    menu = panel.context_menu(finding)
    waive = next(a for a in menu.actions() if a.text().startswith("Waive"))
    waive.trigger()
    waivers = win.doc.model.waivers or []
    assert [(w.rule, w.subjects, w.note) for w in waivers] == [("GAP-UNREACHED", ["s-investoren"],
                                                                 "IR is handled by the board")]
    wait_for_rows(qtbot, win, lambda rows: target not in rows)
    assert "s-investoren" not in win.scene.ctx.badges
    assert "1 waived" in panel.summary.text()
    # show waived: it is listed again, marked, and offers "Remove waiver"
    panel.show_waived.setChecked(True)
    assert target in open_rows(win)
    waived = next(f for f in panel.findings if f.waived)
    assert [a.text() for a in panel.context_menu(waived).actions()][-1] == "Remove waiver"
    panel.show_waived.setChecked(False)
    # undo: the waiver is gone and the finding is open again
    win.controller.stack.undo()
    assert not win.doc.model.waivers
    wait_for_rows(qtbot, win, lambda rows: target in rows)
    assert win.scene.ctx.badges["s-investoren"] == "error"
    # a cancelled note dialog waives nothing
    panel.ask_note = lambda _f: None
    panel.waive(finding)
    assert not win.doc.model.waivers


def test_remove_waiver_is_undoable(win, qtbot) -> None:
    ui = win.analysis_ui
    finding = next(f for f in ui.findings.findings if f.rule == "GAP-DEAD-CHANNEL")
    assert ui.waive(finding, "")
    qtbot.waitUntil(lambda: any(f.waived for f in ui.findings.findings), timeout=5000)
    waived = next(f for f in ui.findings.findings if f.waived)
    ui.findings.unwaive_requested.emit(waived)
    assert not win.doc.model.waivers
    win.controller.stack.undo()
    assert len(win.doc.model.waivers) == 1


def test_rule_settings_dialog_changes_severity_and_switches_off(win, qtbot) -> None:
    ui = win.analysis_ui
    dialog = ui.rules_dialog()
    assert dialog.table.rowCount() == len(dialog.before) >= 17
    combo = dialog.severity["GAP-DEAD-CHANNEL"]
    combo.setCurrentIndex(combo.findData("error"))
    dialog.enabled["GAP-TOPIC-UNPLAYED"].setChecked(False)
    depth = win.controller.stack.count()
    assert ui.apply_rule_changes(dialog) == 2
    assert win.controller.stack.count() == depth + 1  # one undo step
    rules = win.doc.model.rules
    assert rules["GAP-DEAD-CHANNEL"].severity == "error"
    assert rules["GAP-TOPIC-UNPLAYED"].enabled is False
    qtbot.waitUntil(lambda: any(f.rule == "GAP-DEAD-CHANNEL" and f.severity == "error"
                                for f in ui.findings.findings), timeout=5000)
    assert not any(f.rule == "GAP-TOPIC-UNPLAYED" for f in ui.findings.findings)
    assert win.scene.ctx.badges["c-barcamp"] == "error"
    # the dialog opened again shows the stored settings; nothing changed means nothing pushed
    again = ui.rules_dialog()
    assert again.severity["GAP-DEAD-CHANNEL"].currentData() == "error"
    assert not again.enabled["GAP-TOPIC-UNPLAYED"].isChecked()
    assert ui.apply_rule_changes(again) == 0
    win.controller.stack.undo()
    assert not win.doc.model.rules
    qtbot.waitUntil(lambda: any(f.rule == "GAP-TOPIC-UNPLAYED" for f in ui.findings.findings), timeout=5000)


def test_a_finding_row_has_its_text_as_tooltip(win) -> None:
    from commarch.gui.analysis_ui.findings_panel import finding_text

    panel = win.analysis_ui.findings
    items = panel.finding_items()
    assert items
    for item in items[:5]:
        finding = item.data(0, Qt.ItemDataRole.UserRole)
        tip = item.toolTip(0)
        assert tip.startswith("<p>") and tip.endswith("</p>")
        assert finding.message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in tip
        assert tip.count("<br>") == finding_text(finding, panel.language()).count("\n")
        assert item.data(0, Qt.ItemDataRole.DisplayRole).endswith(finding.message)
