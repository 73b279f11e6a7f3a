"""Make the screenshots in docs/screenshots/ from the real main window (offscreen): `python scripts/screenshots.py`."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="commarch-shots-"))
    os.environ["COMMARCH_SETTINGS"] = str(tmp / "settings.ini")
    os.environ["COMMARCH_RECOVERY_DIR"] = str(tmp / "recovery")
    from PySide6.QtWidgets import QApplication

    from commarch.gui.app import App

    qapp = QApplication.instance() or QApplication([])
    app = App(qapp, show_dialogs=False)
    app.recovery.start()
    window = app.new_window()
    window.resize(1600, 1000)
    window.load_path(str(ROOT / "resources" / "examples" / "avantgarde-as-is.comm"))
    OUT.mkdir(parents=True, exist_ok=True)
    shots = []

    def settle() -> None:
        for _ in range(20):
            qapp.processEvents()

    settle()
    window.view.fit_to_view()
    settle()
    shots.append(("main-window-as-is.png", window.grab()))
    window.view.zoom_reset()
    window.scene.select_ids(["d-social"])
    window.view.center_on_ids(["d-social"])
    settle()
    shots.append(("canvas-100-percent.png", window.grab()))
    for name, pixmap in shots:
        pixmap.save(str(OUT / name))
        print(OUT / name)
    window.controller.stack.setClean()
    window.close()
    app.recovery.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
