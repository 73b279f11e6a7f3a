"""Removing the temp files an interrupted atomic save (crash, kill, power loss) leaves next to a `.comm` file."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from .writer import TEMP_SUFFIX

# A temp file younger than this may belong to a save still running in another commarch instance
# (a slow network drive can take seconds between writes); only older ones are abandoned.
STALE_AFTER_SECONDS = 10.0


def is_temp_name(name: str) -> bool:
    """True for names `write_atomic` gives its temp files: `.<name>.<random>.commtmp`."""
    return name.startswith(".") and name.endswith(TEMP_SUFFIX) and len(name) > len(TEMP_SUFFIX) + 1


def clean_stale_temp_files(folder: str | os.PathLike[str], max_age: float = STALE_AFTER_SECONDS,
                           now: float | None = None) -> list[Path]:
    """Delete leftover `.*.commtmp` regular files in `folder` older than `max_age` seconds.

    Returns the paths removed. Never raises: cleaning up is a courtesy at start/open and must not
    stop the user from opening a file (unreadable folders and vanished files are skipped). Symlinks
    and folders with a matching name are left alone, so nothing outside `folder` is ever deleted.
    """
    removed: list[Path] = []
    moment = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not is_temp_name(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or moment - info.st_mtime < max_age:
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed
