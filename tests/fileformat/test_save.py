"""Atomic saving: a failure at any step leaves the old file untouched and no temp file behind."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from commarch.fileformat import CommFileError, load, save, writer

from .helpers import DATA


@pytest.fixture
def model_and_file(tmp_path: Path):
    model = load(DATA / "v1-complete.comm")
    target = tmp_path / "model.comm"
    target.write_text("old content\n", encoding="utf-8")
    return model, target


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(writer.TEMP_SUFFIX)]


@pytest.mark.parametrize("step", ["replace", "fsync", "write"])
def test_failure_between_write_and_replace_keeps_old_file(model_and_file, monkeypatch, step: str) -> None:
    model, target = model_and_file

    def boom(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    if step == "replace":
        monkeypatch.setattr(writer.os, "replace", boom)
    elif step == "fsync":
        monkeypatch.setattr(writer.os, "fsync", boom)
    else:
        monkeypatch.setattr(writer.os, "fdopen", boom)
    with pytest.raises(CommFileError) as info:
        save(model, target)
    assert "No space left on device" in str(info.value)
    assert str(target) in str(info.value)
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert leftovers(target.parent) == []


def test_transient_lock_on_replace_is_retried(model_and_file, monkeypatch) -> None:
    model, target = model_and_file
    real_replace = os.replace
    calls = []

    def flaky(src, dst):
        calls.append(1)
        if len(calls) < 3:
            raise PermissionError(errno.EACCES, "file is locked")
        real_replace(src, dst)

    monkeypatch.setattr(writer.os, "replace", flaky)
    save(model, target)
    assert len(calls) == 3
    assert load(target) == model


def test_persistent_lock_gives_up_and_keeps_old_file(model_and_file, monkeypatch) -> None:
    model, target = model_and_file

    def locked(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(writer.os, "replace", locked)
    with pytest.raises(CommFileError, match="Permission denied"):
        save(model, target)
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert leftovers(target.parent) == []


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root ignores folder permissions")
def test_read_only_folder_is_reported(model_and_file) -> None:
    model, target = model_and_file
    folder = target.parent
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(CommFileError):
            save(model, target)
    finally:
        folder.chmod(stat.S_IRWXU)
    assert target.read_text(encoding="utf-8") == "old content\n"


def test_save_keeps_file_mode_and_follows_symlinks(model_and_file) -> None:
    model, target = model_and_file
    target.chmod(0o640)
    link = target.parent / "link.comm"
    link.symlink_to(target)
    save(model, link)
    assert link.is_symlink()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert load(target) == model


def test_save_into_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    model = load(DATA / "v1-complete.comm")
    with pytest.raises(CommFileError, match="could not be saved"):
        save(model, tmp_path / "missing" / "x.comm")
