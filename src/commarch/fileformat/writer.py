"""Writing `.comm` files: canonical JSON text and atomic replacement of the file on disk."""

from __future__ import annotations

import json
import os
import tempfile
import time
from typing import Any

from commarch.model import CommModel, Problem

from .errors import CommFileError

TEMP_SUFFIX = ".commtmp"
_REPLACE_TRIES = 5


def to_dict(model: CommModel) -> dict[str, Any]:
    """The file's JSON object: keys that were read or set, in declaration order, unknown keys last."""
    return model.model_dump(exclude_unset=True, warnings=False)


def dumps(model: CommModel) -> str:
    """Canonical text: 2-space indent, stable key order, UTF-8 characters kept, trailing newline."""
    return json.dumps(to_dict(model), indent=2, ensure_ascii=False) + "\n"


def encode(model: CommModel, name: str = "<memory>") -> bytes:
    try:
        return dumps(model).encode("utf-8")
    except (UnicodeEncodeError, ValueError, TypeError) as exc:
        raise CommFileError(name, [Problem("", f"cannot be written: {exc}")]) from None


def save(model: CommModel, path: str | os.PathLike[str]) -> None:
    """Write `model` to `path` atomically; on failure the old file is untouched."""
    name = os.fspath(path)
    write_atomic(name, encode(model, name))


def write_atomic(path: str, data: bytes) -> None:
    """Temp file in the same folder, flush + fsync, os.replace, fsync the folder."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    base = os.path.basename(target)
    temp = None
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{base}.", suffix=TEMP_SUFFIX, dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_mode(target, temp)
        _replace(temp, target)
        temp = None
        _fsync_folder(folder)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise CommFileError(path, [Problem("", f"could not be saved: {reason}")]) from None
    finally:
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass


def _copy_mode(existing: str, temp: str) -> None:
    try:
        mode = os.stat(existing).st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    os.chmod(temp, mode)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _replace(temp: str, target: str) -> None:
    # On Windows a virus scanner or indexer may hold the target for a moment: retry briefly.
    for attempt in range(_REPLACE_TRIES):
        try:
            os.replace(temp, target)
            return
        except PermissionError:
            if attempt == _REPLACE_TRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _fsync_folder(folder: str) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
