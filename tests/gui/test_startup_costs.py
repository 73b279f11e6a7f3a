"""Start-up costs that are easy to bring back by accident: an application-wide event filter, PySide6
imported before the Qt-free layers, the garbage collector left off, hidden panels built before the first paint."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "avantgarde-as-is.comm"


def run_script(tmp_path: Path, script: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COMMARCH_SETTINGS=str(tmp_path / "settings.ini"),
               COMMARCH_RECOVERY_DIR=str(tmp_path / "recovery"), COMMARCH_BACKUP_DIR=str(tmp_path / "backups"))
    return subprocess.run([sys.executable, "-c", textwrap.dedent(script), *args], capture_output=True, text=True,
                          env=env, timeout=60, cwd=tmp_path)


def test_file_open_events_reach_the_application_without_an_app_wide_filter(tmp_path: Path) -> None:
    out = run_script(tmp_path, """
        import os, sys
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QFileOpenEvent
        from commarch.gui.app import App, Application, FileOpenFilter

        qapp = Application(["t"])
        app = App(qapp, show_dialogs=False)
        qapp.file_opener = FileOpenFilter(app)
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(sys.argv[1]))
        print([os.path.basename(w.doc.path or "") for w in app.windows])
        os._exit(0)
    """, str(EXAMPLE))
    assert out.returncode == 0, out.stderr[-800:]
    assert out.stdout.strip() == f"[{EXAMPLE.name!r}]"


def test_main_starts_with_the_model_layers_before_pyside6_and_turns_the_collector_back_on(tmp_path: Path) -> None:
    """PySide6's import hook reads the source of every module imported after it: pydantic and the model come
    first. The collector is off until the first paint (and the findings), then on again."""
    out = run_script(tmp_path, """
        import gc, os, sys
        before = sum(s["collections"] for s in gc.get_stats())
        from commarch.gui import startup
        startup.preload_model_layers()  # what commarch.main does when a file is to be opened
        import commarch.gui.app as A
        collections = sum(s["collections"] for s in gc.get_stats()) - before < 10  # ~75 without gui/startup.py
        from PySide6.QtCore import QTimer

        order = list(sys.modules)
        print(order.index("commarch.model") < order.index("PySide6"), order.index("pydantic") < order.index("PySide6"),
              gc.isenabled(), collections)  # off while the modules loaded, on again after the import
        print(os.environ.get("PYDANTIC_DISABLE_PLUGINS"))  # no entry-point scan for pydantic plugins
        real_when_started = A.when_started

        def when_started(window, then):
            print("collector during start-up:", gc.isenabled())
            real_when_started(window, then)
            # after gc.enable (registered first), check and leave
            real_when_started(window, lambda: QTimer.singleShot(0, lambda: (print("collector after:",
                              gc.isenabled()), sys.stdout.flush(), os._exit(0))))

        A.when_started = when_started
        A.main(sys.argv[1:])
    """, str(EXAMPLE))
    assert out.returncode == 0, out.stderr[-800:]
    lines = out.stdout.split("\n")
    assert lines[:4] == ["True True True True", "__all__", "collector during start-up: False", "collector after: True"]


def test_hidden_panels_and_the_template_menu_are_built_when_first_used(gui_app, qtbot) -> None:
    window = gui_app.new_window()
    qtbot.waitExposed(window)
    ui = window.analysis_ui
    assert ui._matrices is None and ui._find_panel is None  # nothing of theirs before the first paint
    assert ui.dock_matrices.widget() is None and not ui.template_menu.actions()
    assert ui.dock_matrices.toggleViewAction() in ui.analysis_menu.actions()  # the docks themselves exist

    ui.dock_matrices.show()  # View/Analysis menu, F6 stops and window-state restore all show the dock
    assert ui.dock_matrices.widget() is ui.matrices and ui.matrices.isVisible()
    window.actions_by_name["find"].trigger()  # Ctrl+F
    panel = ui.find_panel
    assert ui.dock_find.widget() is panel and panel.isVisible()
    for widget in (panel.query, panel.list, ui.matrices.coverage, ui.matrices.roles):  # named, as when eager
        assert widget.accessibleName(), widget
    assert all(box.text() for box in panel.kind_boxes.values()) and panel.focus_button.text()


def test_focus_mode_shortcut_builds_the_find_panel_in_step_with_the_filter(gui_app, qtbot) -> None:
    window = gui_app.new_window()
    window.load_path(str(EXAMPLE))
    window.scene.select_ids(["s-kunden"])
    ui = window.analysis_ui
    ui.filter.set_kinds({"stakeholder"})  # a filter set before the panel exists
    window.actions_by_name["focus_mode"].trigger()  # Ctrl+Shift+G
    assert ui._find_panel is not None and ui.find_panel.focus_button.isChecked()
    assert ui.filter.focus_id is not None
    assert [k for k, box in ui.find_panel.kind_boxes.items() if box.isChecked()] == ["stakeholder"]


def test_template_menu_is_filled_in_the_language_of_the_moment(gui_app) -> None:
    from commarch.templates import list_templates

    window = gui_app.new_window()
    menu = window.analysis_ui.template_menu
    gui_app.set_language("de")  # before the menu was ever opened
    try:
        menu.aboutToShow.emit()
        assert [a.text() for a in menu.actions()] == [title for _n, title, _d in list_templates("de")]
        menu.aboutToShow.emit()  # opened again: the same entries, not twice
        assert len(menu.actions()) == len(list_templates("de"))
    finally:
        gui_app.set_language("en")
    assert [a.text() for a in menu.actions()] == [title for _n, title, _d in list_templates("en")]


def test_a_small_model_opened_at_start_is_painted_once_with_its_findings(tmp_path: Path) -> None:
    """Up to FIRST_RUN_INLINE_MAX elements the findings are there for the first paint (no second pass for
    the badges); start-up counts as done at that paint (COMMARCH_EXIT_AFTER_PAINT, collector back on)."""
    out = run_script(tmp_path, """
        import os, sys
        from PySide6.QtCore import QEvent, QObject
        import commarch.gui.app as A

        real_when_started = A.when_started

        def when_started(window, then):
            ui = window.analysis_ui
            paints = []

            class Count(QObject):
                def eventFilter(self, watched, event):
                    if event.type() == QEvent.Type.Paint:
                        paints.append(ui.runner.findings_current)
                    return False

            counter = Count(window)
            window.view.viewport().installEventFilter(counter)
            real_when_started(window, lambda: (print(paints, len(ui.findings.finding_items()) > 0,
                                                     ui.runner.metrics == {}), sys.stdout.flush(), os._exit(0)))

        A.when_started = when_started
        A.main(sys.argv[1:])
    """, str(EXAMPLE))
    assert out.returncode == 0, out.stderr[-800:]
    # one paint, already with the findings; the metrics worker has not started before it
    assert out.stdout.strip() == "[True] True True"
