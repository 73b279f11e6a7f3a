"""Autosave + SIGKILL + restart: the next start offers the autosaved model and restores it exactly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from commarch.fileformat import dumps

CHILD = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    from commarch.gui.app import App
    from commarch.fileformat import dumps
    qapp = QApplication([])
    app = App(qapp, show_dialogs=False)
    app.recovery.start()
    window = app.new_window()
    window.autosave_timer.setInterval(150)
    for i in range(5):
        window.controller.add_element("stakeholder", i * 200, 0, f"Zielgruppe {i}")
    ids = [e.id for e in window.doc.model.elements]
    window.controller.rename(ids[2], "Presse")
    copy = app.recovery.copy_path(window.doc_key)
    deadline = time.time() + 20
    while not copy.with_suffix(".json").exists() and time.time() < deadline:
        qapp.processEvents()
        time.sleep(0.02)
    sys.stdout.write(dumps(window.doc.model).replace("\\n", " ") + "\\n")
    sys.stdout.flush()
    while True:
        qapp.processEvents()
        time.sleep(0.05)
    """
)


def test_killed_app_is_recovered_at_next_start(gui_app, tmp_path: Path, monkeypatch) -> None:
    recovery_dir = gui_app.recovery.folder
    env = dict(os.environ, COMMARCH_RECOVERY_DIR=str(recovery_dir),
               COMMARCH_SETTINGS=str(tmp_path / "child.ini"))
    child = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("{"), line
        # the first instance is alive: its copy is not offered
        assert gui_app.recovery.orphans() == []
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    from commarch.gui import dialogs

    offered = []
    monkeypatch.setattr(dialogs, "ask_recover", lambda copy, parent=None: offered.append(copy) or "restore")
    gui_app.show_dialogs = True
    gui_app.offer_recovery()
    gui_app.show_dialogs = False
    assert len(offered) == 1 and "Untitled" in offered[0].title
    window = gui_app.windows[-1]
    assert " ".join(dumps(window.doc.model).split()) == " ".join(line.split())
    assert window.isWindowModified()  # recovered work is unsaved until saved
    assert gui_app.recovery.orphans() == []  # offered once, then gone


def test_clean_close_leaves_no_recovery_copy(gui_app) -> None:
    window = gui_app.new_window()
    window.controller.add_element("goal", 0, 0, "Umsatz")
    from commarch.gui import files

    files.autosave(window)
    copy = gui_app.recovery.copy_path(window.doc_key)
    assert copy.exists()
    window.controller.stack.setClean()
    window.doc.mark_clean()
    assert window.close()
    assert not copy.exists()


def test_exception_in_a_slot_shows_dialog_writes_copy_and_app_survives(gui_app, qtbot, monkeypatch,
                                                                       tmp_path: Path) -> None:
    from commarch.gui import errors

    window = gui_app.new_window()
    window.controller.add_element("topic", 0, 0, "Nachhaltigkeit")
    shown = []
    monkeypatch.setattr(errors.ExceptionGuard, "_dialog", lambda self, exc, saved: shown.append((exc, saved)))
    gui_app.guard.folder = tmp_path / "emergency"
    gui_app.guard.show_dialog = True
    gui_app.guard.install()

    def broken() -> None:
        raise RuntimeError("injected fault")

    window.controller.message.connect(broken)
    with qtbot.capture_exceptions() as caught:
        window.controller.message.emit("x")
    # pytest-qt captures the exception; hand it to the guard the way PySide6 would
    for kind, exc, tb in caught:
        gui_app.guard.handle(kind, exc, tb)
    assert shown and isinstance(shown[0][0], RuntimeError)
    saved = shown[0][1]
    assert saved and Path(saved[0]).exists()
    from commarch.fileformat import load

    assert load(saved[0]).elements[0].label == "Nachhaltigkeit"
    window.controller.message.disconnect(broken)
    window.controller.add_element("goal", 0, 100, "Umsatz")  # still usable
    assert len(window.doc.model.elements) == 2
