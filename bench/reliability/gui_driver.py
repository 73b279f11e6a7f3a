"""Drives the real MainWindow offscreen in a subprocess: crash + recovery, a fault in a slot, a long session.

Modes (each prints one JSON line on stdout; used by tests/reliability/test_gui_reliability.py):
  crash FOLDER            edit, let the autosave timer fire, edit once more, print the states, wait to be killed
  restart FOLDER          a new instance: list orphaned copies, restore the newest, print what came back
  fault FOLDER            an exception inside a slot: dialog requested, emergency copy written, app keeps working
  long FOLDER STEPS REPS  a scripted workshop through the window's controller, saved via File > Save's code path
Run the long one by hand: .venv/bin/python bench/reliability/gui_driver.py long /tmp/x 500 5
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _app(folder: Path) -> Any:
    os.environ["COMMARCH_SETTINGS"] = str(folder / "settings.ini")
    os.environ["COMMARCH_RECOVERY_DIR"] = str(folder / "recovery")
    os.environ["COMMARCH_BACKUP_DIR"] = str(folder / "backups")
    from PySide6.QtWidgets import QApplication

    from commarch.gui.app import App
    from commarch.gui.recovery import RecoveryStore

    qapp = QApplication.instance() or QApplication([sys.argv[0]])
    app = App(qapp, recovery=RecoveryStore(folder / "recovery"), show_dialogs=False)
    app.recovery.start()
    return app


def _digest(model: Any) -> str:
    from commarch.fileformat import dumps

    return hashlib.sha256(dumps(model).encode("utf-8")).hexdigest()


def _pump(app: Any, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.qapp.processEvents()
        time.sleep(0.01)


def _say(**info: Any) -> None:
    print(json.dumps(info), flush=True)


def crash(folder: Path) -> None:
    app = _app(folder)
    window = app.new_window()
    c = window.controller
    press = c.add_element("stakeholder", 100, 50, "Presse")
    web = c.add_element("channel", 300, 50, "Website")
    c.connect(web, press)
    c.rename(press, "Fachpresse")
    copy = app.recovery.copy_path(window.doc_key)
    window.autosave_timer.setInterval(200)   # the real timer and slot; 60 s in the app
    _pump(app, 0.6)
    autosaved = _digest(window.doc.model) if copy.exists() else None
    window.autosave_timer.stop()             # what happens after the last autosave is lost by design
    c.add_element("department", 0, 0, "Nach dem Autosave")
    _say(autosaved=autosaved, latest=_digest(window.doc.model), pid=os.getpid())
    while True:
        _pump(app, 1.0)


def restart(folder: Path) -> None:
    app = _app(folder)
    copies = app.recovery.orphans()
    info: dict[str, Any] = {"copies": len(copies)}
    if copies:
        window = app.new_window()
        window.restore_copy(copies[0])
        info.update(restored=_digest(window.doc.model), unsaved=not window.controller.stack.isClean(),
                    left=len(app.recovery.orphans()))
    _say(**info)
    for window in list(app.windows):
        window.controller.stack.setClean()
        window.doc.mark_clean()
        window.close()
    app.shutdown()


def fault(folder: Path) -> None:
    from PySide6.QtCore import QTimer

    from commarch.gui import controller as controller_module

    app = _app(folder)
    app.guard.install()
    dialogs: list[str] = []
    app.guard._dialog = lambda exc, saved: dialogs.append(str(exc))   # what the user would see
    app.guard.show_dialog = True
    window = app.new_window()
    c = window.controller
    first = c.add_element("stakeholder", 0, 0, "Kunden")
    before = _digest(window.doc.model)
    real_push = controller_module.push

    def broken(stack: Any, command: Any) -> None:
        raise RuntimeError("injected fault in a slot")

    controller_module.push = broken
    QTimer.singleShot(0, lambda: c.add_element("channel", 10, 10, "Kaputt"))   # a slot that raises
    _pump(app, 0.3)
    controller_module.push = real_push
    after_fault = _digest(window.doc.model)
    still_works = c.add_element("channel", 20, 20, "Website") is not None and c.connect(
        window.doc.model.elements[-1].id, first)
    emergency = sorted(str(p) for p in Path(app.guard.folder).glob("*.comm"))
    _say(handled=len(app.guard.handled), dialogs=dialogs, emergency=emergency, unchanged=before == after_fault,
         still_works=bool(still_works), elements=len(window.doc.model.elements))
    for window in list(app.windows):
        window.controller.stack.setClean()
        window.doc.mark_clean()
        window.close()
    app.shutdown()


def _rss() -> int:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def long(folder: Path, steps: int, repeats: int) -> None:
    from commarch.gui import files
    from commarch.model import allowed_relation_kinds

    app = _app(folder)
    rng = random.Random(5)
    samples, edits = [], 0
    kinds = ["stakeholder", "channel", "department", "goal", "topic"]
    for repeat in range(repeats):
        window = app.new_window()
        c = window.controller
        path = str(folder / f"workshop-{repeat}.comm")
        for step in range(steps):
            elements = window.doc.model.elements
            roll = rng.random()
            if roll < 0.3 or len(elements) < 2:
                c.add_element(rng.choice(kinds), rng.uniform(-900, 900), rng.uniform(-600, 600), f"E {step} <b>")
            elif roll < 0.5:
                pairs = [(a.id, b.id) for a in elements[-10:] for b in elements[:10]
                         if a.id != b.id and allowed_relation_kinds(a.kind, b.kind)]
                if pairs:
                    source, target = rng.choice(pairs)
                    kind = allowed_relation_kinds(window.doc.element(source).kind,
                                                  window.doc.element(target).kind)[0]
                    c.connect(source, target, kind=kind)
            elif roll < 0.65:
                c.rename(rng.choice(elements).id, f"Umbenannt {step}")
            elif roll < 0.8:
                e = rng.choice(elements)
                c.move({e.id: (e.x + 30, e.y - 20)})
            elif roll < 0.85:
                c.delete([rng.choice(elements).id])
            elif roll < 0.92:
                c.stack.undo()
            elif roll < 0.97:
                c.stack.redo()
            else:
                files.write(window, path)
            edits += 1
            if step % 10 == 0:
                app.qapp.processEvents()
        files.write(window, path)
        window.close()
        _pump(app, 0.05)
        samples.append((edits, _rss()))
    _say(edits=edits, samples=samples, windows=len(app.windows))
    app.shutdown()


if __name__ == "__main__":
    mode, target = sys.argv[1], Path(sys.argv[2])
    target.mkdir(parents=True, exist_ok=True)
    if mode == "crash":
        crash(target)
    elif mode == "restart":
        restart(target)
    elif mode == "fault":
        fault(target)
    elif mode == "long":
        long(target, int(sys.argv[3]), int(sys.argv[4]))
    else:
        raise SystemExit(f"commarch: gui_driver: unknown mode {mode!r}")
