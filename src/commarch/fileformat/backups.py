"""Backups of previous versions: before a save replaces a file, its old bytes are kept (newest N)."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

import platformdirs


def backup_root() -> Path:
    override = os.environ.get("COMMARCH_BACKUP_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("commarch", appauthor=False)) / "backups"


def _folder_for(path: str, root: Path | None) -> Path:
    real = os.path.realpath(path)
    digest = hashlib.sha256(real.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return (root or backup_root()) / f"{Path(real).stem[:40]}-{digest}"


def keep_backup(path: str, count: int, root: Path | None = None) -> Path | None:
    """Copy the current file (if any) into the backup folder and keep the newest `count` copies.

    Never raises: a backup is a convenience, it must not stop the save itself.
    """
    if count <= 0 or not os.path.isfile(path):
        return None
    try:
        folder = _folder_for(path, root)
        folder.mkdir(parents=True, exist_ok=True)
        now = time.time_ns()  # one reading: seconds and fraction from the same instant, so names sort by time
        target = folder / _name(now)
        while target.exists():  # two saves within one clock tick
            now += 1
            target = folder / _name(now)
        shutil.copy2(path, target)
        for old in list_backups(path, root)[count:]:
            old.unlink(missing_ok=True)
        return target
    except OSError:
        return None


def _name(now_ns: int) -> str:
    seconds = datetime.fromtimestamp(now_ns // 1_000_000_000, tz=UTC).strftime("%Y%m%d-%H%M%S")
    return f"{seconds}-{now_ns % 1_000_000_000:09d}.comm"


def list_backups(path: str, root: Path | None = None) -> list[Path]:
    """The backups of `path`, newest first."""
    folder = _folder_for(path, root)
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.comm"), key=lambda p: p.name, reverse=True)
