"""The compare view: markers match the diff, ghosts, focus from the change list, swap sides, modes, menu."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from commarch.analysis import analyze
from commarch.diff import diff_models
from commarch.fileformat import load

EXAMPLES = Path(__file__).resolve().parents[3] / "resources" / "examples"
AS_IS, TO_BE = EXAMPLES / "avantgarde-as-is.comm", EXAMPLES / "avantgarde-to-be.comm"


@pytest.fixture
def compare(gui_app, qtbot):
    """The window holds the to-be model; the compare view is opened against the as-is file (OLD)."""
    from commarch.gui.compare import install_compare_ui, open_compare

    window = gui_app.new_window()
    qtbot.addWidget(window)
    install_compare_ui(window)
    assert window.load_path(str(TO_BE))
    view = open_compare(window, str(AS_IS))
    assert view is not None
    qtbot.addWidget(view)
    return view


def statuses(items, cls_name: str | None = None) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in items:
        if cls_name is None or type(item).__name__ == cls_name:
            counts[item.status] = counts.get(item.status, 0) + 1
    return counts


def expected(old_path: Path, new_path: Path):
    return diff_models(load(old_path), load(new_path), analyzer=analyze)


def test_marker_counts_equal_the_diff(compare):
    diff = expected(AS_IS, TO_BE)
    assert compare.mode == "overlay"
    rings = statuses(compare.visible_marks(), "ElementMarkItem")
    assert rings.get("added", 0) == len(diff.added) == 2
    assert rings.get("changed", 0) == len(diff.changed)
    assert statuses(compare.visible_marks(), "GhostItem").get("removed", 0) == len(diff.removed)
    relations = statuses(compare.visible_marks(), "RelationMarkItem")
    assert relations.get("added", 0) == len(diff.relations_added)
    assert relations.get("removed", 0) == len(diff.relations_removed)
    assert relations.get("changed", 0) == len(diff.relations_changed)
    # every marker is in the scene the canvas shows
    assert all(item.scene() is compare.view.scene() for item in compare.visible_marks())


def test_coordinator_is_added_and_removed_facebook_page_is_a_ghost(compare):
    added = {i.target_id for i in compare.visible_marks() if i.status == "added" and hasattr(i, "kind")}
    assert "d-kommunikation" in added
    coordinator = compare.new_scene.element_item("d-kommunikation")
    assert coordinator is not None and coordinator.element.coordinator
    ghosts = [i for i in compare.visible_marks() if type(i).__name__ == "GhostItem"]
    by_id = {g.target_id: g for g in ghosts}
    assert "c-fb-hr" in by_id
    ghost = by_id["c-fb-hr"]
    old = {e.id: e for e in load(AS_IS).elements}["c-fb-hr"]
    assert ghost.label == old.label and "Facebook" in ghost.label
    assert ghost.boundingRect().contains(float(old.x), float(old.y))
    assert compare.new_scene.element_item("c-fb-hr") is None  # not on the new canvas, only its ghost


def test_change_list_rows_match_and_clicking_centres_and_selects(compare, qtbot):
    diff = compare.diff
    rows = compare.changes.rows()
    assert len(rows) == (len(diff.added) + len(diff.removed) + len(diff.changed) + len(diff.moved)
                         + len(diff.relations_added) + len(diff.relations_removed) + len(diff.relations_changed))
    row = next(r for r in rows if r.data(0, Qt.ItemDataRole.UserRole) == ("added", "d-kommunikation"))
    compare.changes.scrollToItem(row)
    rect = compare.changes.visualItemRect(row)
    qtbot.mouseClick(compare.changes.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert compare.new_scene.selected_element_ids() == ["d-kommunikation"]
    item = compare.new_scene.element_item("d-kommunikation")
    centre = compare.view.mapFromScene(item.scene_rect().center())
    viewport = compare.view.viewport().rect()
    assert viewport.contains(centre)
    assert abs(centre.x() - viewport.center().x()) < viewport.width() / 4
    assert abs(centre.y() - viewport.center().y()) < viewport.height() / 4


def test_clicking_a_removed_element_selects_its_ghost(compare):
    compare.set_mode("new")
    compare.focus_change("removed", "c-fb-hr")
    assert compare.mode == "overlay"
    ghost = next(i for i in compare.visible_marks() if type(i).__name__ == "GhostItem" and i.target_id == "c-fb-hr")
    assert ghost.isSelected()
    centre = compare.view.mapFromScene(ghost.boundingRect().center())
    assert compare.view.viewport().rect().contains(centre)


def test_swap_sides_mirrors_the_counts(compare):
    before = compare.diff
    compare.swap_sides()
    after = compare.diff
    assert (len(after.added), len(after.removed), len(after.changed)) == (
        len(before.removed), len(before.added), len(before.changed))
    assert (len(after.relations_added), len(after.relations_removed)) == (
        len(before.relations_removed), len(before.relations_added))
    mirrored = expected(TO_BE, AS_IS)
    compare.set_mode("overlay")
    assert statuses(compare.visible_marks(), "ElementMarkItem").get("added", 0) == len(mirrored.added)
    assert statuses(compare.visible_marks(), "GhostItem").get("removed", 0) == len(mirrored.removed) == 2
    ghosts = {i.target_id for i in compare.visible_marks() if type(i).__name__ == "GhostItem"}
    assert "d-kommunikation" in ghosts  # the coordinator is now what was removed
    # what the to-be resolved, going back to the as-is introduces again
    assert not compare.findings.refs("old")
    assert len(compare.findings.refs("new")) == len(after.findings.introduced) == len(before.findings.resolved)
    assert "avantgarde-as-is" in compare.sides.text().split("\n")[1]


def test_toggling_old_new_overlay_changes_what_is_shown(compare):
    diff = compare.diff
    overlay = compare.visible_marks()
    assert any(type(i).__name__ == "GhostItem" for i in overlay)

    compare.set_mode("new")
    assert compare.view.scene() is compare.new_scene
    shown = compare.visible_marks()
    assert not any(type(i).__name__ in ("GhostItem", "MoveItem") for i in shown)
    assert statuses(shown, "ElementMarkItem").get("added", 0) == len(diff.added)
    ids = {i.element_id for i in compare.view.scene().items() if hasattr(i, "element_id")}
    assert "d-kommunikation" in ids and "c-fb-hr" not in ids

    compare.mode_actions["old"].trigger()
    assert compare.mode == "old" and compare.view.scene() is compare.old_scene
    ids = {i.element_id for i in compare.view.scene().items() if hasattr(i, "element_id")}
    assert "c-fb-hr" in ids and "d-kommunikation" not in ids
    old_marks = statuses(compare.visible_marks(), "ElementMarkItem")
    assert old_marks.get("removed", 0) == len(diff.removed) and "added" not in old_marks
    assert len(overlay) != len(compare.visible_marks())

    compare.mode_actions["overlay"].trigger()
    assert compare.view.scene() is compare.new_scene and compare.visible_marks() == overlay


def test_resolved_finding_focuses_the_old_side(compare):
    ref = compare.findings.refs("old")[0]
    compare.focus_finding("old", ref)
    assert compare.mode == "old"
    assert set(compare.old_scene.selected_element_ids()) == set(ref.subjects) & {
        e.id for e in compare.old_model.elements}


def test_summary_and_metrics_show_the_score(compare):
    assert "58" in compare.summary.text() and "100" in compare.summary.text()
    table = compare.metrics
    cells = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert any(row[1:3] == ["58", "100"] and row[3] == "+42" for row in cells)


def test_view_is_read_only(compare, qtbot):
    item = compare.new_scene.element_item("d-pr")
    before = item.pos()
    assert not compare.view.edit_label("d-pr")
    assert not (item.flags() & item.GraphicsItemFlag.ItemIsMovable)
    assert item.pos() == before
    assert load(TO_BE).model_dump() == compare.new_model.model_dump()


def test_menu_action_and_bad_file(gui_app, qtbot, tmp_path):
    from commarch.gui.compare import install_compare_ui, open_compare

    window = gui_app.new_window()
    qtbot.addWidget(window)
    action = install_compare_ui(window)
    file_menu = next(a.menu() for a in window.menuBar().actions()
                     if a.menu() is not None and window.actions_by_name["open"] in a.menu().actions())
    assert action in file_menu.actions()
    broken = tmp_path / "broken.comm"
    broken.write_text("{not json", encoding="utf-8")
    assert open_compare(window, str(broken)) is None
    assert "broken.comm" in window.statusBar().currentMessage()


def test_export_report_from_the_view(compare, tmp_path):
    out = tmp_path / "what-changed.html"
    assert compare.export_report(str(out))
    text = out.read_text(encoding="utf-8")
    assert "<script" not in text.lower() and "d-kommunikation" not in text  # labels, not ids
    assert "Kommunikationsleitung" in text


def test_open_compare_window_follows_a_language_switch(gui_app, compare):
    """The compare window belongs to its main window: a live switch re-words the comparison too."""
    from commarch.diff import summary_line

    assert compare.lang == "en"
    english = compare.summary.text()
    changes_tab = compare.tabs.tabText(0)
    try:
        gui_app.set_language("de")
        assert compare.lang == "de"
        assert compare.summary.text() == summary_line(compare.diff, "de", arrow="\u2192") != english
        assert compare.tabs.tabText(0) != changes_tab  # "Änderungen"
    finally:
        gui_app.set_language("en")
    assert compare.summary.text() == english and compare.tabs.tabText(0) == changes_tab
