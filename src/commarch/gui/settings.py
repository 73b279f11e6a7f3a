"""Preferences persisted with QSettings: autosave, grid, theme, language, backups, recent files."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from PySide6.QtCore import QSettings

MAX_RECENT = 10


def open_settings() -> QSettings:
    """The app's QSettings; tests point COMMARCH_SETTINGS to a throw-away ini file."""
    path = os.environ.get("COMMARCH_SETTINGS")
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings("commarch", "commarch")


@dataclass
class Preferences:
    autosave_seconds: int = 60
    show_grid: bool = True
    snap_to_grid: bool = False
    grid_size: int = 20
    theme: str = "system"  # light | dark | system
    language: str = "system"  # de | en | system
    backups: int = 3
    show_badges: bool = True
    recent_files: list[str] = field(default_factory=list)

    @classmethod
    def load(cls) -> Preferences:
        s = open_settings()
        prefs = cls()
        prefs.autosave_seconds = _int(s.value("autosave_seconds"), prefs.autosave_seconds, 5, 3600)
        prefs.show_grid = _bool(s.value("show_grid"), prefs.show_grid)
        prefs.snap_to_grid = _bool(s.value("snap_to_grid"), prefs.snap_to_grid)
        prefs.grid_size = _int(s.value("grid_size"), prefs.grid_size, 5, 200)
        prefs.theme = _choice(s.value("theme"), ("light", "dark", "system"), prefs.theme)
        prefs.language = _choice(s.value("language"), ("de", "en", "system"), prefs.language)
        prefs.backups = _int(s.value("backups"), prefs.backups, 0, 50)
        prefs.show_badges = _bool(s.value("show_badges"), prefs.show_badges)
        recent = s.value("recent_files")
        if isinstance(recent, str):
            recent = [recent]
        prefs.recent_files = [str(p) for p in (recent or []) if isinstance(p, str)][:MAX_RECENT]
        return prefs

    def save(self) -> None:
        s = open_settings()
        for key in ("autosave_seconds", "show_grid", "snap_to_grid", "grid_size", "theme", "language",
                    "backups", "show_badges"):
            s.setValue(key, getattr(self, key))
        s.setValue("recent_files", list(self.recent_files))
        s.sync()

    def add_recent(self, path: str) -> None:
        path = os.path.abspath(path)
        self.recent_files = [path] + [p for p in self.recent_files if p != path]
        del self.recent_files[MAX_RECENT:]


def _int(value: object, default: int, low: int, high: int) -> int:
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return default
    return min(max(number, low), high)


def _bool(value: object, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return default


def _choice(value: object, choices: tuple[str, ...], default: str) -> str:
    return value if isinstance(value, str) and value in choices else default
