"""Kill during save (fast variant, ~20 SIGKILLs): the file is always the old or the new version."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from commarch.fileformat.cleanup import clean_stale_temp_files, is_temp_name

from .support import bench_module, figure

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def test_sigkill_during_save_never_corrupts_the_file(tmp_path: Path) -> None:
    kill_save = bench_module("kill_save")
    seed = int(os.environ.get("COMMARCH_KILL_SEED", "11"))
    stats = kill_save.run(kills=20, folder=tmp_path, max_delay=0.4, seed=seed)
    figure(stats.figure())
    assert stats.kills == 20
    assert stats.corrupted == 0, stats.problems
    assert stats.problems == []
    assert stats.leftovers_remaining == 0
    assert stats.leftovers_cleaned == stats.leftovers_found
    # Kills land before, during and after writes: both versions were seen, so saves really completed.
    assert stats.old_or_new["A"] > 0 and stats.old_or_new["B"] > 0


def _temp(folder: Path, name: str, age: float) -> Path:
    path = folder / name
    path.write_bytes(b"{partial")
    stamp = time.time() - age
    os.utime(path, (stamp, stamp))
    return path


def test_cleanup_removes_only_old_temp_files(tmp_path: Path) -> None:
    old = _temp(tmp_path, ".model.comm.ab12cd.commtmp", age=60)
    young = _temp(tmp_path, ".model.comm.ef34gh.commtmp", age=0)   # maybe another instance saving now
    model = _temp(tmp_path, "model.comm", age=60)
    visible = _temp(tmp_path, "notes.commtmp", age=60)             # not a name the writer makes
    removed = clean_stale_temp_files(tmp_path)
    assert removed == [old]
    assert not old.exists() and young.exists() and model.exists() and visible.exists()


def test_cleanup_leaves_symlinks_and_folders_alone(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    precious = _temp(outside, "precious.comm", age=60)
    work = tmp_path / "work"
    work.mkdir()
    link = work / ".x.comm.1.commtmp"
    link.symlink_to(precious)
    (work / ".y.comm.2.commtmp").mkdir()
    assert clean_stale_temp_files(work, max_age=0) == []
    assert precious.exists() and link.is_symlink()


def test_cleanup_never_raises(tmp_path: Path) -> None:
    assert clean_stale_temp_files(tmp_path / "missing") == []
    file = _temp(tmp_path, "plain.comm", age=0)
    assert clean_stale_temp_files(file) == []


def test_temp_name_matches_what_the_writer_creates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from commarch.fileformat import writer

    seen: list[str] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        seen.append(os.path.basename(src))
        real_replace(src, dst)

    monkeypatch.setattr(writer.os, "replace", spy)
    writer.write_atomic(str(tmp_path / "Plan für 2027.comm"), b"{}\n")
    assert len(seen) == 1 and is_temp_name(seen[0])
