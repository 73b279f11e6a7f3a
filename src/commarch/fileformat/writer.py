"""Writing `.comm` files: canonical JSON text and atomic replacement of the file on disk."""

from __future__ import annotations

import json
import math
import operator
import os
import tempfile
import time
from typing import Any

from commarch.model import CommModel, Problem

from .errors import CommFileError

TEMP_SUFFIX = ".commtmp"
_X, _Y = operator.attrgetter("x"), operator.attrgetter("y")
_EXTRA = operator.attrgetter("__pydantic_extra__")
_REPLACE_TRIES = 5


def to_dict(model: CommModel) -> dict[str, Any]:
    """The file's JSON object: keys that were read or set, in declaration order, unknown keys last."""
    return model.model_dump(exclude_unset=True, warnings=False)


def dumps(model: CommModel) -> str:
    """Canonical text: 2-space indent, stable key order, UTF-8 characters kept, trailing newline."""
    fast = _fast_bytes(model)
    if fast is not None:
        return fast.decode("utf-8")
    return _reference_text(model)


def _reference_text(model: CommModel) -> str:
    # The definition of the canonical text; the fast path below must produce exactly these bytes.
    return json.dumps(to_dict(model), indent=2, ensure_ascii=False) + "\n"


def encode(model: CommModel, name: str = "<memory>") -> bytes:
    fast = _fast_bytes(model)
    if fast is not None:
        return fast
    try:
        return _reference_text(model).encode("utf-8")
    except (UnicodeEncodeError, ValueError, TypeError) as exc:
        raise CommFileError(name, [Problem("", f"cannot be written: {exc}")]) from None


# --- fast path ---------------------------------------------------------------------------------
# json.dumps with indent runs the pure-Python encoder (~4x slower than pydantic's Rust serializer).
# pydantic's indented JSON is byte-identical to it for str/int/bool/None, lists and dicts, and for
# floats except non-finite ones and those below 1e-4 in magnitude (Python writes 1e-05, Rust 0.00001).
# So the Rust serializer is used when every float in the model is in the safe range; anything
# unusual (other types in unknown keys, lone surrogates) takes the reference path.

def _fast_bytes(model: CommModel) -> bytes | None:
    body = _fast_body(model)
    return None if body is None else body + b"\n"


def _fast_body(model: CommModel) -> bytes | None:
    """The canonical text without its final newline, or None where the reference path must write it."""
    if not _safe_model(model):
        return None
    try:
        return model.__pydantic_serializer__.to_json(model, indent=2, exclude_unset=True, warnings=False)
    except Exception:  # e.g. an unpaired surrogate: the reference path reports it
        return None


def _safe_number(value: object) -> bool:
    kind = type(value)
    if kind is float:
        return value == 0.0 or (math.isfinite(value) and abs(value) >= 1e-4)  # type: ignore[arg-type]
    return kind is int


def _safe_value(value: object, depth: int = 0) -> bool:
    """Plain JSON data (as read from a file) whose floats pydantic writes as Python does."""
    kind = type(value)
    if kind is str or kind is bool or value is None or kind is int:
        return True
    if kind is float:
        return _safe_number(value)
    if depth > 64:
        return False
    if kind is list:
        return all(_safe_value(v, depth + 1) for v in value)  # type: ignore[attr-defined]
    if kind is dict:
        return all(type(k) is str and _safe_value(v, depth + 1)
                   for k, v in value.items())  # type: ignore[attr-defined]
    return False


def _safe_coordinates(values: list[Any]) -> bool:
    """`_safe_number` for every value; all-float lists (the usual case) in C-level passes."""
    if set(map(type, values)) != {float}:
        return all(map(_safe_number, values))
    return all(map(math.isfinite, values)) and min(map(abs, filter(None, values)), default=1.0) >= 1e-4


def _safe_extra(obj: Any) -> bool:
    extra = obj.__pydantic_extra__
    return not extra or _safe_value(extra)


def _safe_model(model: CommModel) -> bool:
    if not _safe_extra(model) or (model.meta is not None and not _safe_extra(model.meta)):
        return False
    elements, relations = model.elements, model.relations
    if not _safe_coordinates(list(map(_X, elements)) + list(map(_Y, elements))):
        return False
    for items in (elements, relations):
        if any(map(_EXTRA, items)):  # unknown keys are rare: look at them one by one only if there are any
            if not all(_safe_value(extra) for extra in map(_EXTRA, items) if extra):
                return False
    return (all(_safe_extra(setting) for setting in (model.rules or {}).values())
            and all(_safe_extra(waiver) for waiver in model.waivers or ()))


def save(model: CommModel, path: str | os.PathLike[str]) -> None:
    """Write `model` to `path` atomically; on failure the old file is untouched."""
    name = os.fspath(path)
    body = _fast_body(model)
    if body is not None:
        write_atomic(name, body, b"\n")  # written in two pieces: no copy of the whole text for one byte
    else:
        write_atomic(name, encode(model, name))


def write_atomic(path: str, data: bytes, *more: bytes) -> None:
    """Temp file in the same folder (`data`, then `more`), flush + fsync, os.replace, fsync the folder."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    base = os.path.basename(target)
    temp = None
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{base}.", suffix=TEMP_SUFFIX, dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            for chunk in more:
                handle.write(chunk)
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
