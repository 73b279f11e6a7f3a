"""Autosave copies and crash recovery: per-instance lock files so live instances are never mistaken for crashes.

Qt-free on purpose (tested without a display). Layout of the recovery folder:

    instance-<token>.lock             held with an OS file lock for the life of one running commarch
    <token>-<doc>.comm                the autosaved model of one open document of that instance
    <token>-<doc>.json                {"title", "path", "saved_at"} describing it

A crash or SIGKILL releases the OS lock, so at the next start an instance whose lock can be taken is
dead and its copies are offered for recovery. A clean close deletes the document's copy.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

# The file format (and through it the model and pydantic) is imported where a copy is written or cleaned
# up, not here: the app starts its recovery store before an empty window's first paint, which needs
# neither (see gui/mainwindow.py, MainWindow.complete).
if TYPE_CHECKING:
    from commarch.model import CommModel

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False


def default_folder() -> Path:
    override = os.environ.get("COMMARCH_RECOVERY_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("commarch", appauthor=False)) / "recovery"


@dataclass(frozen=True)
class RecoveredCopy:
    """An autosaved model left behind by an instance that is no longer running."""

    model_path: Path
    title: str
    original_path: str | None
    saved_at: float

    def discard(self) -> None:
        for path in (self.model_path, self.model_path.with_suffix(".json")):
            try:
                path.unlink()
            except FileNotFoundError:
                pass


class RecoveryStore:
    """One instance's recovery area: take the lock at start, autosave documents, clean up at close."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder or default_folder()
        self.token = f"{os.getpid()}-{os.urandom(4).hex()}"  # (what secrets.token_hex does; ~5 ms less to import)
        self._lock_fd: int | None = None

    # -- life cycle -------------------------------------------------------------------------
    def start(self) -> None:
        """Create the folder and hold this instance's lock (released by the OS if we die)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"instance-{self.token}.lock"
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):  # cannot happen for a fresh random token, but never share a lock
            os.close(fd)
            raise OSError(f"cannot lock {path}")
        os.write(fd, str(os.getpid()).encode())
        self._lock_fd = fd

    def stop(self) -> None:
        """Clean shutdown: drop this instance's copies and its lock file."""
        for path in self.folder.glob(f"{self.token}-*"):
            path.unlink(missing_ok=True)
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None
            (self.folder / f"instance-{self.token}.lock").unlink(missing_ok=True)

    # -- autosave -----------------------------------------------------------------------------
    def copy_path(self, doc_key: str) -> Path:
        return self.folder / f"{self.token}-{doc_key}.comm"

    def write(self, doc_key: str, model: CommModel, title: str, original_path: str | None) -> Path:
        """Atomically write the autosave copy of one document. Raises CommFileError on failure."""
        import json

        from commarch.fileformat import save, write_atomic

        path = self.copy_path(doc_key)
        save(model, path)
        info = {"title": title, "path": original_path, "saved_at": time.time()}
        write_atomic(str(path.with_suffix(".json")), json.dumps(info, ensure_ascii=False).encode("utf-8"))
        return path

    def remove(self, doc_key: str) -> None:
        path = self.copy_path(doc_key)
        path.unlink(missing_ok=True)
        path.with_suffix(".json").unlink(missing_ok=True)

    # -- recovery -----------------------------------------------------------------------------
    def orphans(self) -> list[RecoveredCopy]:
        """Copies left by instances that are not running any more (their lock can be taken)."""
        if not self.folder.is_dir():
            return []
        dead_tokens = []
        for lock in self.folder.glob("instance-*.lock"):
            token = lock.name.removeprefix("instance-").removesuffix(".lock")
            if token == self.token:
                continue
            if _lock_is_free(lock):
                dead_tokens.append(token)
        found = []
        for token in dead_tokens:
            for model_path in sorted(self.folder.glob(f"{token}-*.comm")):
                found.append(_describe(model_path))
        return sorted(found, key=lambda c: c.saved_at, reverse=True)

    def forget_dead_instances(self) -> None:
        """Remove lock files of dead instances that have no copies left, and stray temp files."""
        for lock in self.folder.glob("instance-*.lock"):
            token = lock.name.removeprefix("instance-").removesuffix(".lock")
            if token != self.token and _lock_is_free(lock) and not list(self.folder.glob(f"{token}-*.comm")):
                lock.unlink(missing_ok=True)
        from commarch.fileformat.cleanup import clean_stale_temp_files

        clean_stale_temp_files(self.folder)  # only old ones: a live instance may be mid-autosave


def _lock_is_free(lock: Path) -> bool:
    try:
        fd = os.open(lock, os.O_RDWR)
    except OSError:
        return False
    try:
        return _try_lock(fd)  # closing the fd releases the probe lock again
    finally:
        os.close(fd)


def _describe(model_path: Path) -> RecoveredCopy:
    import json

    title, original, saved_at = model_path.stem, None, model_path.stat().st_mtime
    try:
        info = json.loads(model_path.with_suffix(".json").read_text("utf-8"))
        title = str(info.get("title") or title)
        original = info.get("path") if isinstance(info.get("path"), str) else None
        saved_at = float(info.get("saved_at", saved_at))
    except (OSError, ValueError, TypeError, AttributeError):
        pass
    return RecoveredCopy(model_path, title, original, saved_at)


def emergency_copy(folder: Path, model: CommModel, title: str) -> Path | None:
    """Best-effort copy written when something went wrong; never raises."""
    from commarch.fileformat import CommFileError, save

    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"emergency-{time.strftime('%Y%m%d-%H%M%S')}-{os.urandom(2).hex()}.comm"
        save(model, path)
        return path
    except (OSError, CommFileError):
        return None
