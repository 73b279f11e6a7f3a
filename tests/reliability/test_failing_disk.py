"""Failing disk: errors injected at every step of a save; the old file survives, the reason is shown,
the document stays unsaved. (tests/fileformat/test_save.py covers the basic ENOSPC cases already.)"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from commarch import fileformat
from commarch.editing import Document, Move, SetElementProperty
from commarch.fileformat import CommFileError, writer
from commarch.fileformat.cleanup import is_temp_name

from .support import EXAMPLES

EXAMPLE = EXAMPLES / "avantgarde-as-is.comm"
# what the user must read in the message, as the OS words it (strerror)
ERRORS = {
    "disk full": errno.ENOSPC,
    "permission denied": errno.EACCES,
    "read-only": errno.EROFS,
    "i/o error": errno.EIO,
    "quota exceeded": errno.EDQUOT,
}
STEPS = ["create", "write", "fsync", "chmod", "replace"]


def _error(code: int) -> OSError:
    cls = PermissionError if code == errno.EACCES else OSError
    return cls(code, os.strerror(code))


class _HalfWriter:
    """A file handle that writes half of what it is given, then fails like a full disk does."""

    def __init__(self, handle: Any, code: int):
        self._handle, self._code = handle, code

    def write(self, data: bytes) -> int:
        self._handle.write(data[: len(data) // 2])
        self._handle.flush()
        raise _error(self._code)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __enter__(self) -> _HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


def inject(monkeypatch: pytest.MonkeyPatch, step: str, code: int) -> None:
    """Make `step` of writer.write_atomic fail with `code` (every time)."""
    real_fdopen = os.fdopen

    def fail(*args: Any, **kwargs: Any) -> Any:
        raise _error(code)

    if step == "create":
        monkeypatch.setattr(writer.tempfile, "mkstemp", fail)
    elif step == "write":
        monkeypatch.setattr(writer.os, "fdopen", lambda fd, mode: _HalfWriter(real_fdopen(fd, mode), code))
    elif step == "fsync":
        monkeypatch.setattr(writer.os, "fsync", fail)
    elif step == "chmod":
        monkeypatch.setattr(writer.os, "chmod", fail)
    else:
        monkeypatch.setattr(writer.os, "replace", fail)


def temp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if is_temp_name(p.name)]


@pytest.fixture
def edited(tmp_path: Path) -> tuple[Document, Path, bytes]:
    """A document opened from disk with one unsaved edit; the original bytes of its file."""
    target = tmp_path / "workshop.comm"
    target.write_bytes(EXAMPLE.read_bytes())
    doc = Document.open(target)
    first = doc.model.elements[0]
    doc.execute(Move(doc, {first.id: (first.x + 40, first.y - 10)}))
    assert doc.is_dirty
    return doc, target, target.read_bytes()


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("reason", list(ERRORS))
def test_failed_save_keeps_file_reason_and_dirty_flag(edited, monkeypatch: pytest.MonkeyPatch,
                                                      step: str, reason: str) -> None:
    doc, target, original = edited
    live = fileformat.dumps(doc.model)
    modified = doc.model.meta.modified if doc.model.meta else None
    inject(monkeypatch, step, ERRORS[reason])
    with pytest.raises(CommFileError) as info:
        doc.save()
    lines = info.value.lines()
    assert len(lines) == 1 and str(target) in lines[0]
    assert lines[0].endswith(f"could not be saved: {os.strerror(ERRORS[reason])}")   # the user sees why
    assert target.read_bytes() == original                  # nothing on disk changed
    assert temp_files(target.parent) == []                  # and nothing was left behind
    assert doc.is_dirty                                     # still unsaved
    assert fileformat.dumps(doc.model) == live              # the model (meta.modified too) is untouched
    assert (doc.model.meta.modified if doc.model.meta else None) == modified
    monkeypatch.undo()                                      # the disk recovers: saving works again
    doc.save()
    assert not doc.is_dirty
    assert fileformat.load(target) == doc.model


def test_transient_lock_is_retried_briefly_then_saves(edited, monkeypatch: pytest.MonkeyPatch) -> None:
    doc, target, _ = edited
    real_replace = os.replace
    calls: list[float] = []

    def locked_for_a_moment(src: str, dst: str) -> None:
        calls.append(time.monotonic())
        if len(calls) <= 2:   # a virus scanner holding the file for ~0.15 s
            raise PermissionError(errno.EACCES, "The process cannot access the file")
        real_replace(src, dst)

    monkeypatch.setattr(writer.os, "replace", locked_for_a_moment)
    doc.save()
    assert len(calls) == 3 and not doc.is_dirty
    assert calls[-1] - calls[0] < 1.0
    assert fileformat.load(target) == doc.model


def test_persistent_lock_gives_up_within_a_second(edited, monkeypatch: pytest.MonkeyPatch) -> None:
    doc, target, original = edited
    calls: list[float] = []

    def locked(src: str, dst: str) -> None:
        calls.append(time.monotonic())
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(writer.os, "replace", locked)
    started = time.monotonic()
    with pytest.raises(CommFileError, match="cannot access the file"):
        doc.save()
    assert 2 <= len(calls) <= 10                 # retried, but bounded
    assert time.monotonic() - started < 2.0      # the user is not kept waiting
    assert target.read_bytes() == original and doc.is_dirty and temp_files(target.parent) == []


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES])
def test_other_errors_on_replace_are_not_retried(edited, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    doc, target, original = edited
    calls: list[int] = []

    def full(src: str, dst: str) -> None:
        calls.append(1)
        raise OSError(code, os.strerror(code)) if code != errno.EACCES else _error(code)

    monkeypatch.setattr(writer.os, "replace", full)
    with pytest.raises(CommFileError):
        doc.save()
    # PermissionError (EACCES) is the lock case and is retried; a full disk fails at once.
    assert len(calls) == (1 if code == errno.ENOSPC else writer._REPLACE_TRIES)
    assert target.read_bytes() == original and doc.is_dirty


def test_failure_after_replace_reports_but_file_is_complete(edited, monkeypatch: pytest.MonkeyPatch) -> None:
    """fsync of the folder fails after the rename: the save is reported as failed (the document stays
    unsaved, so the user saves again), and the file on disk is the complete new version, never a mix."""
    doc, target, _ = edited
    real_fsync = os.fsync
    calls: list[int] = []

    def folder_fsync_fails(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise _error(errno.EIO)
        real_fsync(fd)

    monkeypatch.setattr(writer.os, "fsync", folder_fsync_fails)
    with pytest.raises(CommFileError, match=os.strerror(errno.EIO).replace("/", ".")):
        doc.save()
    assert doc.is_dirty
    on_disk = fileformat.load(target)
    assert fileformat.dumps(on_disk).replace(on_disk.meta.modified or "", "") == \
        fileformat.dumps(doc.model).replace(doc.model.meta.modified or "", "")


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_real_file_size_limit_in_a_subprocess(tmp_path: Path) -> None:
    """No mocks: the kernel refuses the write (EFBIG), as a full quota or disk would."""
    target = tmp_path / "workshop.comm"
    target.write_bytes(EXAMPLE.read_bytes())
    script = textwrap.dedent(f"""
        import resource, signal, sys
        from commarch.editing import Document, Move, SetElementProperty
        from commarch.fileformat import CommFileError
        doc = Document.open({str(target)!r})
        first = doc.model.elements[0]
        doc.execute(Move(doc, {{first.id: (first.x + 1, first.y)}}))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        try:
            doc.save()
        except CommFileError as exc:
            print(exc.lines()[0]); print("dirty" if doc.is_dirty else "clean"); sys.exit(0)
        sys.exit(1)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    message, state = result.stdout.splitlines()
    assert "file too large" in message.lower() and state == "dirty"
    assert target.read_bytes() == EXAMPLE.read_bytes()
    assert temp_files(tmp_path) == []


def test_unwritable_model_is_refused_before_touching_disk(edited, monkeypatch: pytest.MonkeyPatch) -> None:
    doc, target, original = edited
    created: list[int] = []
    real_mkstemp = writer.tempfile.mkstemp
    monkeypatch.setattr(writer.tempfile, "mkstemp", lambda *a, **k: created.append(1) or real_mkstemp(*a, **k))
    element = doc.model.elements[0]
    doc.execute(SetElementProperty(doc, [element.id], "notes", "half a surrogate \ud800"))  # not encodable
    with pytest.raises(CommFileError, match="cannot be written"):
        doc.save()
    assert created == [] and target.read_bytes() == original and doc.is_dirty
