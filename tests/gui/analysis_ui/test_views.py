"""Matrices, metrics, search/filter/focus and presentation mode, driven as a user would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from commarch.analysis import analyze
from commarch.gui.analysis_ui.canvas_filters import FADED_OPACITY, neighbourhood
from commarch.gui.analysis_ui.search import search_ids
from commarch.interchange.matrices import coverage_matrix


def test_coverage_cell_click_selects_channel_and_stakeholder(win, qtbot) -> None:
    ui = win.analysis_ui
    ui.dock_matrices.show()
    matrices = ui.matrices
    qtbot.waitUntil(lambda: matrices.coverage_model.rowCount() > 0, timeout=3000)
    matrix = coverage_matrix(win.doc.model)
    row = next(r for r, cells in enumerate(matrix.cells) if any(cells))
    column = matrix.cells[row].index(1)
    view = matrices.coverage
    index = matrices.coverage_model.index(row, column)
    view.scrollTo(index)
    assert index.data() == "✓"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert set(win.scene.selected_element_ids()) == {matrix.row_ids[row], matrix.column_ids[column]}


def test_unreached_stakeholder_is_a_visible_gap(win) -> None:
    ui = win.analysis_ui
    ui.dock_matrices.show()
    model = ui.matrices.coverage_model
    matrix = coverage_matrix(win.doc.model)
    gaps = {matrix.column_ids[c] for c in model.empty_columns}
    unreached = {f.subjects[0] for f in analyze(win.doc.model).findings if f.rule == "GAP-UNREACHED"}
    assert gaps == unreached and gaps
    column = matrix.column_ids.index(next(iter(gaps)))
    assert isinstance(model.data(model.index(0, column), Qt.ItemDataRole.BackgroundRole), QBrush)
    assert model.headerData(column, Qt.Orientation.Horizontal).startswith("⚠")


def test_responsibility_matrix_and_power_grid(win) -> None:
    ui = win.analysis_ui
    ui.dock_matrices.show()
    ui.matrices.setCurrentWidget(ui.matrices.roles)  # tabs are filled when shown
    roles = ui.matrices.roles_model
    texts = {roles.index(r, c).data() for r in range(roles.rowCount()) for c in range(roles.columnCount())}
    assert "lead" in texts and texts - {""} <= {"lead", "contributor"}
    ui.matrices.setCurrentWidget(ui.matrices.grid)
    grid = ui.matrices.grid
    stakeholders = [e.id for e in win.doc.model.elements if e.kind == "stakeholder"]
    assert sorted(grid.markers) == sorted(stakeholders)
    high = next(e for e in win.doc.model.elements if e.kind == "stakeholder" and e.priority == "high")
    low = next((e for e in win.doc.model.elements if e.kind == "stakeholder" and e.priority != "high"), None)
    if low is not None:
        assert grid.markers[high.id].rect().width() > grid.markers[low.id].rect().width()
    grid.click_marker(high.id)
    assert win.scene.selected_element_ids() == [high.id]


def test_metrics_dock_candidate_and_silos(win, qtbot) -> None:
    ui = win.analysis_ui
    ui.dock_metrics.show()
    ui.dock_metrics.raise_()
    expected = analyze(win.doc.model).metrics
    panel = ui.metrics
    qtbot.waitUntil(lambda: panel.score.text() == str(expected["integration_score"]), timeout=5000)
    assert panel.silos.topLevelItemCount() == expected["silos"]
    assert panel.brokers.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole) == expected["coordinator_candidate"]
    assert panel.chart.canvas is not None and len(panel.chart.rows) == 5
    panel.show_candidate.click()
    assert win.scene.selected_element_ids() == [expected["coordinator_candidate"]]


def test_search_by_tag_and_enter_selects(win, qtbot) -> None:
    ui = win.analysis_ui
    win.controller.set_property("element", "c-website", "tags", ["Kampagne-2026"])
    win.controller.set_property("element", "s-presse", "notes", "wants the kampagne-2026 press kit")
    ui.actions["find"].trigger()
    panel = ui.find_panel
    assert ui.dock_find.isVisible()
    qtbot.keyClicks(panel.query, "#kampagne")
    assert panel.results == ["c-website"] == search_ids(win.doc.model, "#kampagne")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert win.scene.selected_element_ids() == ["c-website"]
    panel.query.setText("kampagne-2026")  # without '#': labels, notes and tags
    assert set(panel.results) == {"c-website", "s-presse"}
    panel.next_result()
    first = win.scene.selected_element_ids()
    panel.next_result()
    assert win.scene.selected_element_ids() != first
    panel.next_result()
    assert win.scene.selected_element_ids() == first  # wraps around


def opacity(win, element_id: str) -> float:
    return win.scene.element_item(element_id).opacity()


def test_filter_by_kind_and_tag_fades_and_hides(win) -> None:
    ui = win.analysis_ui
    panel = ui.find_panel
    for kind, box in panel.kind_boxes.items():
        box.setChecked(kind == "department")
    departments = {e.id for e in win.doc.model.elements if e.kind == "department"}
    for item in win.scene.element_items():
        assert item.opacity() == (1.0 if item.element_id in departments else FADED_OPACITY)
    assert all(not r.isVisible() or r.opacity() == FADED_OPACITY or
               (r.source.element_id in departments and r.target.element_id in departments)
               for r in win.scene.relation_items())
    panel.hide_others.setChecked(True)
    assert not win.scene.element_item("c-website").isVisible()
    assert win.scene.element_item("d-pr").isVisible()
    # a new element of a filtered-out kind obeys the filter at once
    new_id = win.controller.add_element("stakeholder", 0, 0, label="Later")
    assert not win.scene.element_item(new_id).isVisible()
    ui.actions["clear_filters"].trigger()
    assert all(i.isVisible() and i.opacity() == 1.0 for i in win.scene.element_items())
    assert all(box.isChecked() for box in panel.kind_boxes.values())
    win.controller.set_property("element", "d-pr", "tags", ["core"])
    ui.filter.set_tag("CORE")
    assert opacity(win, "d-pr") == 1.0 and opacity(win, "d-marketing") == FADED_OPACITY


def test_focus_mode_shows_a_neighbourhood(win) -> None:
    ui = win.analysis_ui
    win.scene.select_ids(["d-pr"])
    ui.find_panel.focus_steps.setValue(1)
    ui.actions["focus_mode"].trigger()
    near = neighbourhood(win.doc.model, "d-pr", 1)
    assert ui.find_panel.focus_button.isChecked()
    for item in win.scene.element_items():
        assert item.opacity() == (1.0 if item.element_id in near else FADED_OPACITY)
    ui.find_panel.focus_steps.setValue(2)
    wider = neighbourhood(win.doc.model, "d-pr", 2)
    assert wider > near
    assert sum(1 for i in win.scene.element_items() if i.opacity() == 1.0) == len(wider)
    ui.actions["focus_mode"].trigger()
    assert all(i.opacity() == 1.0 for i in win.scene.element_items())


def test_presentation_walks_all_findings_and_esc_restores(win, qtbot) -> None:
    ui = win.analysis_ui
    was_fullscreen = win.isFullScreen()
    docks_before = {d.objectName(): d.isVisible() for d in (ui.dock_findings, win.dock_palette, win.dock_outline)}
    open_findings = [f for f in ui.runner.findings if not f.waived]
    assert open_findings
    ui.actions["presentation"].trigger()
    p = ui.presentation
    assert p.active and not win.menuBar().isVisible() and not win.dock_palette.isVisible()
    seen = []
    for n, finding in enumerate(open_findings):
        if n:
            qtbot.keyClick(win.view, Qt.Key.Key_Right if n % 2 else Qt.Key.Key_Space)
        seen.append(p.index)
        present = {s for s in finding.subjects if win.doc.get_element(s) is not None}
        assert set(win.scene.selected_element_ids()) == present
        assert p.caption is not None and finding.message in p.caption.text()
        assert finding.recommendation in p.caption.text()
    assert seen == list(range(len(open_findings)))
    qtbot.keyClick(win.view, Qt.Key.Key_Right)  # past the end it stays on the last one
    assert p.index == len(open_findings) - 1
    qtbot.keyClick(win.view, Qt.Key.Key_Left)
    assert p.index == len(open_findings) - 2
    positions = {e.id: (e.x, e.y) for e in win.doc.model.elements}
    qtbot.keyClick(win.view, Qt.Key.Key_Escape)
    assert not p.active and win.menuBar().isVisible() and win.isFullScreen() == was_fullscreen
    qtbot.waitUntil(lambda: {d.objectName(): d.isVisible() for d in (ui.dock_findings, win.dock_palette,
                                                                      win.dock_outline)} == docks_before)
    # arrows stepped through findings; they did not nudge the selected elements
    assert {e.id: (e.x, e.y) for e in win.doc.model.elements} == positions


def test_no_filter_means_no_pass_over_the_items(win, monkeypatch) -> None:
    """Without a filter an edit must not visit every item (O(n) per edit on large models)."""
    from commarch.gui.analysis_ui import canvas_filters

    calls: list[object] = []
    real = canvas_filters.apply_visibility
    monkeypatch.setattr(canvas_filters, "apply_visibility", lambda *a, **k: (calls.append(a[1]), real(*a, **k)))
    win.controller.add_element("stakeholder", 0, 0, label="One")
    assert calls == []
    ui = win.analysis_ui
    for kind, box in ui.find_panel.kind_boxes.items():
        box.setChecked(kind == "department")
    assert calls and calls[-1] is not None
    ui.actions["clear_filters"].trigger()
    assert calls[-1] is None  # the pass that restores every item
    assert all(i.isVisible() and i.opacity() == 1.0 for i in win.scene.element_items())
    calls.clear()
    new_id = win.controller.add_element("stakeholder", 50, 0, label="Two")
    assert calls == [] and win.scene.element_item(new_id).opacity() == 1.0
