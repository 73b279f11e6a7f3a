"""Make the screenshots in docs/screenshots/ from the real main window (offscreen).

Usage: `.venv/bin/python scripts/screenshots.py` — every picture in the README and the user guide comes from here.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
AS_IS = ROOT / "resources" / "examples" / "avantgarde-as-is.comm"
TO_BE = ROOT / "resources" / "examples" / "avantgarde-to-be.comm"


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="commarch-shots-"))
    os.environ["COMMARCH_SETTINGS"] = str(tmp / "settings.ini")
    os.environ["COMMARCH_RECOVERY_DIR"] = str(tmp / "recovery")
    from PySide6.QtWidgets import QApplication

    from commarch.gui.app import App

    qapp = QApplication.instance() or QApplication([])
    app = App(qapp, show_dialogs=False)
    app.recovery.start()
    OUT.mkdir(parents=True, exist_ok=True)

    def settle(seconds: float = 0.3, until=None) -> None:
        deadline = time.time() + 20
        end = time.time() + seconds
        while time.time() < end or (until is not None and not until() and time.time() < deadline):
            qapp.processEvents()
            time.sleep(0.01)

    def shot(widget, name: str) -> None:
        path = OUT / name
        widget.grab().save(str(path))
        print(path)

    window = app.new_window()
    window.resize(1600, 1000)
    window.load_path(str(AS_IS))
    ui = window.analysis_ui
    settle(1.0, until=lambda: any(ch.isdigit() for ch in ui.score_label.text()))
    window.view.fit_to_view()
    settle()
    shot(window, "main-window-as-is.png")

    findings = ui.runner.findings
    parallel = next(f for f in findings if f.rule == "OVL-PARALLEL")
    ui.show_finding(parallel)
    settle()
    shot(window, "finding-selected.png")

    ui.dock_metrics.raise_()
    ui.dock_matrices.show()
    settle(1.0)
    shot(window, "metrics-and-matrices.png")
    ui.dock_matrices.hide()
    ui.dock_findings.raise_()

    window.view.zoom_reset()
    window.view.center_on_ids(["s-kunden"])
    settle()
    shot(window.view, "canvas-100-percent.png")

    app.set_language("de")
    settle(1.0, until=lambda: "Integrationswert" in ui.score_label.text())
    window.view.fit_to_view()
    settle(0.5)
    shot(window, "main-window-de.png")
    app.set_language("en")
    settle(1.0)

    app.prefs.theme = "dark"
    window.apply_preferences()
    window.view.fit_to_view()
    settle(0.5)
    shot(window, "main-window-dark.png")
    app.prefs.theme = "light"
    window.apply_preferences()

    from commarch.gui.compare import open_compare

    window.load_path(str(TO_BE))
    settle(1.0)
    compare = open_compare(window, str(AS_IS), old_name=AS_IS.name)
    if compare is not None:
        compare.resize(1600, 1000)
        compare.set_mode("overlay")
        settle(1.0)
        shot(compare, "compare-as-is-to-be.png")
        compare.close()

    window.load_path(str(AS_IS))
    settle(1.0, until=lambda: bool(ui.runner.findings))
    ui.presentation.enter()
    settle(0.5)
    ui.presentation.step(1)
    settle(0.5)
    shot(window, "presentation-mode.png")
    ui.presentation.leave()

    window.controller.stack.setClean()
    window.close()
    app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
