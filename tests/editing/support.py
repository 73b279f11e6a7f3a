"""Shared helpers for the editing tests: sample documents and the redo/undo/redo round-trip check."""

from __future__ import annotations

from pathlib import Path

from commarch import fileformat
from commarch.editing import Command, Document

DATA = Path(__file__).resolve().parent.parent / "data"
COMPLETE = DATA / "v1-complete.comm"


def text(doc: Document) -> str:
    return fileformat.dumps(doc.model)


def sample() -> Document:
    """The every-kind example file (unknown keys at every level included), not attached to a path."""
    return Document(fileformat.load(COMPLETE))


def check_round_trip(doc: Document, command: Command) -> tuple[str, str]:
    """Execute `command`; undo and redo must restore the exact texts; the result must load again."""
    before = text(doc)
    doc.execute(command)
    after = text(doc)
    assert doc.index_problems() == []
    doc.undo()
    assert text(doc) == before
    assert doc.index_problems() == []
    doc.redo()
    assert text(doc) == after
    assert doc.index_problems() == []
    assert fileformat.dumps(fileformat.loads(after.encode("utf-8"))) == after
    return before, after
