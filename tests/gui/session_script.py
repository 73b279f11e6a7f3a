"""A scripted workshop session on the real main window (offscreen); run as a subprocess by the tests.

Usage: python session_script.py STEPS SEED WORKDIR — prints `ok <elements> <relations> <rss_kb>` at the end.
"""

from __future__ import annotations

import os
import random
import resource
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"


def main() -> int:
    steps, seed, workdir = int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    os.environ["COMMARCH_SETTINGS"] = str(workdir / "settings.ini")
    os.environ["COMMARCH_RECOVERY_DIR"] = str(workdir / "recovery")
    os.environ["COMMARCH_BACKUP_DIR"] = str(workdir / "backups")
    from PySide6.QtWidgets import QApplication

    from commarch.fileformat import load
    from commarch.gui import files
    from commarch.gui.app import App

    qapp = QApplication([])
    app = App(qapp, show_dialogs=False)
    app.recovery.start()
    window = app.new_window()
    c = window.controller
    rng = random.Random(seed)
    kinds = ["stakeholder", "channel", "department", "goal", "topic", "note"]
    path = workdir / "session.comm"
    for step in range(steps):
        ids = [e.id for e in window.doc.model.elements]
        action = rng.random()
        if action < 0.25 or len(ids) < 3:
            c.add_element(rng.choice(kinds), rng.randint(-800, 800), rng.randint(-600, 600), f"Element {step}")
        elif action < 0.45:
            c.connect(rng.choice(ids), rng.choice(ids))
        elif action < 0.55:
            c.rename(rng.choice(ids), f"Umbenannt {step} – Ä/ö/ü")
        elif action < 0.65:
            chosen = rng.sample(ids, min(len(ids), rng.randint(1, 5)))
            c.move({i: (rng.randint(-900, 900), rng.randint(-700, 700)) for i in chosen})
        elif action < 0.70:
            c.delete(rng.sample(ids, 1))
        elif action < 0.80:
            c.stack.undo()
        elif action < 0.88:
            c.stack.redo()
        elif action < 0.92:
            window.scene.select_ids(rng.sample(ids, min(3, len(ids))))
            window.edit_copy()
            window.edit_paste()
        elif action < 0.96:
            window.scene.select_ids(rng.sample(ids, 1))
            window.inspector.refresh()
        else:
            assert files.write(window, str(path)), "save failed"
            assert load(path) == window.doc.model, "saved model differs"
        qapp.processEvents()
    assert files.write(window, str(path))
    elements, relations = len(window.doc.model.elements), len(window.doc.model.relations)
    assert window.close()
    app.shutdown()
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # what exec() would do on quit
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"ok {elements} {relations} {rss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
