"""An empty start paints the window's shell first and completes it right after (MainWindow(deferred=True),
MainWindow.complete): nothing may be lost on the way — actions, undo, file opening, drops, recovery."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QFileOpenEvent
from PySide6.QtWidgets import QApplication, QDockWidget

from commarch.gui import shell

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "avantgarde-as-is.comm"


@pytest.fixture
def gui_app(gui_app):
    """The shared fixture; windows a test left as shells are completed before it closes them."""
    yield gui_app
    for window in gui_app.windows:
        window.ensure_complete()


def run_main(tmp_path: Path, script: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COMMARCH_SETTINGS=str(tmp_path / "settings.ini"),
               COMMARCH_RECOVERY_DIR=str(tmp_path / "recovery"), COMMARCH_BACKUP_DIR=str(tmp_path / "backups"))
    env.pop("COMMARCH_EXIT_AFTER_PAINT", None)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(script), *args], capture_output=True, text=True,
                          env=env, timeout=60, cwd=tmp_path)


def test_empty_start_paints_the_shell_then_completes_it_without_moving_anything(tmp_path: Path) -> None:
    """The first paint: menus, toolbar, every dock and the status bar, before pydantic, the model and the
    canvas are imported; a moment later the same window with its canvas and panels, the layout as it was,
    the collector on again and recovery offered."""
    out = run_main(tmp_path, """
        import gc, os, sys
        import commarch.main  # the entry point's path: nothing of the model layers preloaded
        from commarch.gui import startup
        import commarch.gui.app as A
        from PySide6.QtWidgets import QDockWidget

        real_when_started, real_offer = A.when_started, A.App.offer_recovery
        seen = {}

        def geometry(window):
            docks = {d.objectName(): d.geometry().getRect() for d in window.findChildren(QDockWidget)}
            return docks, window.centralWidget().geometry().getRect()

        def offer(self):
            seen["offered when complete"] = all(w.ready for w in self.windows)
            real_offer(self)

        def when_started(window, then):
            def at_first_paint():
                seen["ready at first paint"] = window.ready
                layers = ("pydantic", "commarch.model", "commarch.editing", "commarch.gui.canvas")
                seen["model layers at first paint"] = sorted(m for m in layers if m in sys.modules)
                seen["menus"] = [a.text() for a in window.menuBar().actions()]
                seen["status"] = window.status_counts.text()
                seen["layout"] = geometry(window)
                then()

            def at_end():
                from commarch.gui.canvas import CanvasView
                ui = window.analysis_ui
                print(seen["ready at first paint"], seen["model layers at first paint"], seen["menus"], seen["status"])
                print(window.ready, isinstance(window.view, CanvasView), window.palette.isVisible(),
                      ui.findings.isVisible(), ui.score_label is window.score_label_shell,
                      seen["offered when complete"])
                print(geometry(window) == seen["layout"], gc.isenabled(), window.canvas_stand_in is None)
                sys.stdout.flush()
                os._exit(0)

            if not window.ready:
                real_when_started(window, at_first_paint)
            else:  # the completed window's canvas has painted: where start-up switches the collector on
                real_when_started(window, lambda: (then(), at_end()))

        A.when_started = when_started
        A.App.offer_recovery = offer
        A.main([])
    """)
    assert out.returncode == 0, out.stderr[-800:]
    lines = out.stdout.splitlines()
    assert lines[0] == "False [] ['&File', '&Edit', '&Arrange', '&View', 'A&nalysis', '&Help'] 0 elements, 0 relations"
    assert lines[1] == "True True True True True True"
    assert lines[2] == "True True True"


def test_a_file_given_at_start_is_open_with_its_findings_at_the_first_paint(tmp_path: Path) -> None:
    out = run_main(tmp_path, """
        import os, sys
        import commarch.gui.app as A

        real_when_started = A.when_started

        def when_started(window, then):
            def check():
                ui = window.analysis_ui
                print(window.ready, os.path.basename(window.doc.path), len(ui.findings.finding_items()) > 0,
                      len(window.scene.element_items()) == len(window.doc.model.elements) > 0)
                sys.stdout.flush()
                os._exit(0)
            real_when_started(window, lambda: (then(), check()))

        A.when_started = when_started
        A.main(sys.argv[1:])
    """, str(EXAMPLE))
    assert out.returncode == 0, out.stderr[-800:]
    assert out.stdout.strip() == f"True {EXAMPLE.name} True True"


def test_actions_used_before_completion_complete_the_window_first(gui_app, qtbot) -> None:
    window = gui_app.new_window(deferred=True)
    assert not window.ready and window.is_pristine()
    assert window.windowTitle().startswith("Untitled")
    window.actions_by_name["zoom_in"].trigger()  # Ctrl++ pressed at once
    assert window.ready and window.view.zoom() > 1.0
    window.controller.add_element("stakeholder", 10, 10, label="Presse")
    undo, redo = window.actions_by_name["undo"], window.actions_by_name["redo"]
    assert undo.isEnabled() and "Presse" in undo.text()
    undo.trigger()
    assert window.doc.model.elements == [] and redo.isEnabled()
    redo.trigger()
    assert [e.label for e in window.doc.model.elements] == ["Presse"]
    assert window.history_view.stack() is window.controller.stack


def test_grid_toggled_before_completion_stays_toggled(gui_app) -> None:
    window = gui_app.new_window(deferred=True)
    assert window.actions_by_name["grid"].isChecked() == gui_app.prefs.show_grid is True
    window.actions_by_name["grid"].trigger()  # off, before the canvas exists
    assert window.ready
    assert not window.actions_by_name["grid"].isChecked()
    assert gui_app.prefs.show_grid is False and window.view.grid_visible is False


def test_opening_a_file_into_the_shell_window_completes_it(gui_app) -> None:
    window = gui_app.new_window(deferred=True)
    assert gui_app.open_path(str(EXAMPLE)) is window  # a shell is a pristine window: reused
    assert window.ready and window.doc.path == str(EXAMPLE)
    assert len(window.scene.element_items()) == len(window.doc.model.elements) > 0


def test_file_open_event_and_drop_reach_a_shell_window(gui_app) -> None:
    from commarch.gui.app import FileOpenFilter

    window = gui_app.new_window(deferred=True)
    assert FileOpenFilter(gui_app).eventFilter(gui_app.qapp, QFileOpenEvent(str(EXAMPLE)))
    assert window.ready and window.doc.path == str(EXAMPLE)

    other = gui_app.new_window(deferred=True)
    src = EXAMPLE.with_name("avantgarde-to-be.comm")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(src))])
    other.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                               Qt.KeyboardModifier.NoModifier))
    assert other.ready and other.doc.path == str(src)


def test_closing_a_shell_window_and_the_exception_guard(gui_app) -> None:
    window = gui_app.new_window(deferred=True)
    assert gui_app.open_models() == []  # the guard's emergency copies skip a window with no document yet
    assert window.close()
    assert window not in gui_app.windows


def test_shell_docks_are_the_panels_docks_once_complete(gui_app, qtbot) -> None:
    window = gui_app.new_window(deferred=True)
    qtbot.waitExposed(window)
    docks = {d.objectName(): d for d in window.findChildren(QDockWidget)}
    assert set(docks) == {"palette", "outline", "inspector", "minimap", "history", "findings", "metrics",
                          "matrices", "find"}
    # View ▸ Panels lists them in the order they always had: the window's, then the analysis UI's
    assert [a.text() for a in window.docks_menu.actions()] == [window.shell_docks[name].windowTitle()
                                                               for name, _area, _hidden in shell.DOCKS]
    window.complete()
    QApplication.processEvents()
    ui = window.analysis_ui
    assert {d.objectName(): d for d in window.findChildren(QDockWidget)} == docks  # no second set
    assert (window.dock_palette.widget(), ui.dock_findings.widget()) == (window.palette, ui.findings)
    assert ui.dock_matrices.widget() is None and not ui.dock_matrices.isVisible()  # still built on first use
    assert ui.dock_matrices.toggleViewAction() in ui.analysis_menu.actions()
    assert window.tabifiedDockWidgets(ui.dock_findings) == [ui.dock_metrics]


def test_qt_free_imports_skips_the_source_look_only_outside_gui_and_render_and_is_undone() -> None:
    import types

    from shibokensupport import feature

    from commarch.gui import startup

    original = feature._mod_uses_pyside
    pydantic_like = types.ModuleType("pydantic_like")  # no source to read: the original answers by itself
    with startup.qt_free_imports():
        assert feature._mod_uses_pyside is not original
        assert feature._mod_uses_pyside(pydantic_like) is False
        assert feature._mod_uses_pyside(shell) is True  # gui/: read as before (it imports PySide6)
    assert feature._mod_uses_pyside is original
