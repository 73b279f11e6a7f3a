"""Fixtures of the translation tests: an App with throw-away settings, English again after each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def gui_app(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    monkeypatch.setenv("COMMARCH_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setenv("COMMARCH_RECOVERY_DIR", str(tmp_path / "recovery"))
    monkeypatch.setenv("COMMARCH_BACKUP_DIR", str(tmp_path / "backups"))
    from commarch.gui.app import App
    from commarch.gui.i18n import install_translator
    from commarch.gui.recovery import RecoveryStore

    install_translator(qapp, "en")  # as main() does before the first window: texts are noted from the start
    app = App(qapp, recovery=RecoveryStore(tmp_path / "recovery"), show_dialogs=False)
    app.recovery.start()
    yield app
    for window in list(app.windows):
        window.controller.stack.setClean()
        window.doc.mark_clean()
        window.close()
    app.shutdown()
    install_translator(qapp, "en")  # later tests (in this process) expect the English UI
