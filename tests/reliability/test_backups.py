"""Backups (fileformat/backups.py): each save keeps the previous bytes; count respected; newest first;
restoring one means loading it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from commarch import fileformat
from commarch.editing import Document, SetMeta
from commarch.fileformat.backups import backup_root, keep_backup, list_backups

from .support import EXAMPLES


def save_with_backup(doc: Document, count: int, root: Path) -> None:
    """What the app does on save (gui/files.py): back up the file on disk, then save over it."""
    assert doc.path is not None
    keep_backup(doc.path, count, root)
    doc.save()


@pytest.fixture
def doc(tmp_path: Path) -> Document:
    target = tmp_path / "workshop.comm"
    target.write_bytes((EXAMPLES / "avantgarde-as-is.comm").read_bytes())
    return Document.open(target)


def retitle(doc: Document, title: str) -> None:
    doc.execute(SetMeta(doc, {"title": title}))


@pytest.mark.parametrize("count", [1, 3, 5])
def test_count_is_respected_and_newest_first(doc: Document, tmp_path: Path, count: int) -> None:
    check_newest_first(doc, tmp_path, count)


def test_newest_first_for_many_saves_within_one_second(doc: Document, tmp_path: Path) -> None:
    # Names once sorted wrongly within a second (and pruning could drop the newest backup); fixed in ab92306.
    for attempt in range(5):
        check_newest_first(doc, tmp_path / f"try{attempt}", 3)


def check_newest_first(doc: Document, tmp_path: Path, count: int) -> None:
    root = tmp_path / "backups"
    titles = [f"version {i}" for i in range(8)]
    for title in titles:
        retitle(doc, title)
        save_with_backup(doc, count, root)
    backups = list_backups(str(doc.path), root)
    assert len(backups) == count
    # Backup k (newest first) holds the file as it was before the k-th most recent save.
    before_each_save = ["Avantgarde"] + titles[:-1]
    seen = [fileformat.load(b).meta.title for b in backups]
    expected = list(reversed(before_each_save))[:count]
    assert [t if t.startswith("version") else "Avantgarde" for t in seen] == expected


def test_restore_is_loading_the_backup(doc: Document, tmp_path: Path) -> None:
    root = tmp_path / "backups"
    original = fileformat.load(doc.path)
    retitle(doc, "overwritten by mistake")
    doc.execute(SetMeta(doc, {"description": "a bad afternoon"}))
    save_with_backup(doc, 3, root)
    newest = list_backups(str(doc.path), root)[0]
    assert fileformat.load(newest) == original
    restored = Document.open(newest)
    assert restored.model == original and not restored.is_dirty
    # Restoring as the working file: save the backup's model back over the damaged one.
    restored.save(doc.path)
    assert fileformat.load(doc.path) == original


def test_no_backup_for_a_new_file_or_count_zero(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    assert keep_backup(str(tmp_path / "new.comm"), 5, root) is None
    existing = tmp_path / "x.comm"
    existing.write_bytes((EXAMPLES / "avantgarde-as-is.comm").read_bytes())
    assert keep_backup(str(existing), 0, root) is None
    assert list_backups(str(existing), root) == []


def test_backups_are_separate_per_file_even_with_the_same_name(tmp_path: Path) -> None:
    root = tmp_path / "backups"
    paths = []
    for folder in ("client-a", "client-b"):
        (tmp_path / folder).mkdir()
        path = tmp_path / folder / "as-is.comm"
        path.write_text(f"{folder}\n", encoding="utf-8")
        keep_backup(str(path), 3, root)
        paths.append(path)
    a, b = (list_backups(str(p), root) for p in paths)
    assert len(a) == len(b) == 1 and a[0].read_text("utf-8") == "client-a\n" and b[0].read_text("utf-8") == "client-b\n"


def test_backup_failure_never_stops_the_save(doc: Document, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")          # the backup root cannot be created
    assert keep_backup(str(doc.path), 3, blocker / "sub") is None
    retitle(doc, "still saved")
    doc.save()
    assert fileformat.load(doc.path).meta.title == "still saved"


def test_backup_root_can_be_redirected(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COMMARCH_BACKUP_DIR", str(tmp_path / "elsewhere"))
    assert backup_root() == tmp_path / "elsewhere"
    source = tmp_path / "m.comm"
    source.write_text("{}\n", encoding="utf-8")
    made = keep_backup(str(source), 2)
    assert made is not None and os.path.commonpath([made, tmp_path / "elsewhere"]) == str(tmp_path / "elsewhere")
