"""Document: dirty state vs history, save/open/reload, ids, events, macros, driving without History."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from commarch import fileformat
from commarch.editing import (
    AddElements,
    Connect,
    Document,
    ElementsAdded,
    ElementsMoved,
    Macro,
    MetaChanged,
    ModelReset,
    Move,
    RelationsAdded,
    RemoveElements,
    Saved,
    SetElementProperty,
    new_element,
)
from commarch.fileformat import CommFileError
from commarch.model import CommModel, Topic

from .support import COMPLETE, sample, text

CLOCK = "2030-01-02T03:04:05Z"


def _doc() -> Document:
    doc = Document(clock=lambda: CLOCK)
    return doc


def _add(doc: Document, label: str = "T") -> None:
    doc.execute(AddElements(doc, [new_element(doc, "topic", label)]))


def test_dirty_follows_history_position_versus_clean_position(tmp_path: Path) -> None:
    doc = _doc()
    assert not doc.is_dirty and not doc.history.can_undo
    _add(doc, "a")
    _add(doc, "b")
    assert doc.is_dirty
    doc.save(tmp_path / "x.comm")
    assert not doc.is_dirty and doc.history.clean_position == 2
    doc.undo()
    assert doc.is_dirty                      # undo past the save
    doc.redo()
    assert not doc.is_dirty                  # back at the save
    doc.undo()
    _add(doc, "c")                           # the saved state can no longer be reached
    assert doc.is_dirty and doc.history.clean_position is None
    doc.undo()
    assert doc.is_dirty
    doc.undo()
    doc.undo()
    assert doc.is_dirty and not doc.history.can_undo


def test_undo_back_to_the_opened_state_is_clean() -> None:
    doc = sample()
    _add(doc)
    doc.undo()
    assert not doc.is_dirty
    doc.redo()
    assert doc.is_dirty


def test_save_stamps_modified_only_when_needed(tmp_path: Path) -> None:
    target = tmp_path / "copy.comm"
    doc = Document.open(COMPLETE, clock=lambda: CLOCK)
    assert doc.path == os.fspath(COMPLETE)
    original = COMPLETE.read_text(encoding="utf-8")
    doc.save(target)                          # clean and has `modified`: the text is kept as it is
    assert doc.model.meta.modified == "2026-11-20T10:30:00+01:00"  # type: ignore[union-attr]
    assert target.read_text(encoding="utf-8") == text(doc)
    assert fileformat.loads(original.encode()) == fileformat.load(target)
    assert doc.path == os.fspath(target)
    events: list[object] = []
    doc.subscribe(events.append)
    doc.execute(SetElementProperty(doc, "d-pr", "label", "Presse"))
    doc.save()
    assert doc.model.meta.modified == CLOCK  # type: ignore[union-attr]
    assert events[-2:] == [MetaChanged(frozenset({"modified"})), Saved(os.fspath(target))]
    assert fileformat.load(target).meta.modified == CLOCK  # type: ignore[union-attr]


def test_save_of_a_new_document_adds_meta_modified(tmp_path: Path) -> None:
    doc = _doc()
    doc.save(tmp_path / "new.comm")
    assert fileformat.load(tmp_path / "new.comm").meta.modified == CLOCK  # type: ignore[union-attr]


def test_real_clock_is_iso_utc_with_z(tmp_path: Path) -> None:
    doc = Document()
    doc.save(tmp_path / "n.comm")
    stamp = doc.model.meta.modified  # type: ignore[union-attr]
    assert stamp is not None and stamp.endswith("Z") and len(stamp) == 20


def test_failed_save_leaves_the_document_dirty_and_unchanged(tmp_path: Path) -> None:
    doc = _doc()
    _add(doc)
    before = text(doc)
    with pytest.raises(CommFileError, match="could not be saved"):
        doc.save(tmp_path / "missing-folder" / "x.comm")
    assert doc.is_dirty and text(doc) == before and doc.path is None
    with pytest.raises(ValueError, match="no file name"):
        doc.save()


def test_failed_save_over_an_existing_file_keeps_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "keep.comm"
    doc = _doc()
    _add(doc)
    doc.save(target)
    saved = target.read_bytes()
    _add(doc, "second")
    before = text(doc)

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(CommFileError, match="No space left"):
        doc.save()
    monkeypatch.undo()
    assert doc.is_dirty and target.read_bytes() == saved and text(doc) == before
    assert [p.name for p in tmp_path.iterdir()] == ["keep.comm"]


def test_reload_and_reset(tmp_path: Path) -> None:
    target = tmp_path / "r.comm"
    target.write_bytes(COMPLETE.read_bytes())
    doc = Document.open(target)
    events: list[object] = []
    doc.subscribe(events.append)
    doc.execute(RemoveElements(doc, ["d-pr"]))
    doc.reload()
    assert events[-1] == ModelReset()
    assert not doc.is_dirty and not doc.history.can_undo and doc.get_element("d-pr") is not None
    assert doc.index_problems() == []
    with pytest.raises(ValueError, match="no file"):
        Document().reload()


def test_open_refuses_bad_files_and_document_refuses_invalid_models(tmp_path: Path) -> None:
    bad = tmp_path / "bad.comm"
    bad.write_text('{"format": "comm", "version": 1, "elements": 5, "relations": []}')
    with pytest.raises(CommFileError):
        Document.open(bad)
    twice = CommModel(elements=[Topic(id="t", label="a"), Topic(id="t", label="b")], relations=[])
    with pytest.raises(ValueError, match="duplicate id"):
        Document(twice)


def test_new_id_is_fresh_and_never_reused() -> None:
    doc = sample()
    assert doc.new_id("r") == "r-1"
    first = doc.new_id("stakeholder")
    second = doc.new_id("stakeholder")
    assert first != second and not doc.has_id(first)
    doc.execute(AddElements(doc, [new_element(doc, "topic", "x", id="topic-41")]))
    assert doc.new_id("topic") == "topic-42"
    doc.undo()
    assert doc.new_id("topic") == "topic-43"      # not handed out twice, even after undo
    for prefix in ("", "bad prefix", "x" * 41):
        with pytest.raises(ValueError):
            doc.new_id(prefix)


def test_events_are_batched_per_command_and_unsubscribe_works() -> None:
    doc = _doc()
    events: list[object] = []
    unsubscribe = doc.subscribe(events.append)
    dept, chan = new_element(doc, "department", "D"), new_element(doc, "channel", "C")
    doc.execute(AddElements(doc, [dept, chan]))
    assert events == [ElementsAdded((dept.id, chan.id))]
    with doc.macro("Add and connect") as macro:
        topic = new_element(doc, "topic", "T")
        macro.run(AddElements(doc, [topic]))
        relation = macro.run(Connect(doc, chan.id, topic.id))
        macro.run(Move(doc, {topic.id: (1, 1)}))
        macro.run(Move(doc, {dept.id: (2, 2)}))
    assert events[1:] == [ElementsAdded((topic.id,)), RelationsAdded((relation.relation_id,)),  # type: ignore[attr-defined]
                          ElementsMoved((topic.id, dept.id))]
    assert doc.history.undo_text == "Add and connect" and len(doc.history) == 2
    unsubscribe()
    doc.undo()
    assert len(events) == 4 and doc.get_element(topic.id) is None


def test_listener_errors_do_not_break_the_document() -> None:
    doc = _doc()
    seen: list[object] = []

    def broken(change: object) -> None:
        raise RuntimeError("view bug")

    doc.subscribe(broken)
    doc.subscribe(seen.append)
    with pytest.raises(RuntimeError):
        _add(doc)
    assert len(seen) == 1 and doc.history.position == 1 and doc.index_problems() == []


def test_macro_rolls_back_when_a_step_fails() -> None:
    doc = sample()
    before = text(doc)
    with pytest.raises(ValueError):
        with doc.macro("broken") as macro:
            macro.run(RemoveElements(doc, ["d-pr"]))
            macro.run(Connect(doc, "d-pr", "c-news"))   # d-pr is gone: refused
    assert text(doc) == before and not doc.history.can_undo and not doc.is_dirty


def test_empty_commands_and_macros_are_refused_or_not_recorded() -> None:
    doc = sample()
    for make in (lambda: AddElements(doc, []), lambda: RemoveElements(doc, []), lambda: Move(doc, {})):
        with pytest.raises(ValueError, match="nothing to"):
            make()
    with doc.macro("nothing") as macro:
        pass
    assert macro.commands == [] and not doc.history.can_undo and not doc.is_dirty


def test_prebuilt_macro_is_one_undo_step() -> None:
    doc = sample()
    before = text(doc)
    macro = Macro(doc, "Tidy", [Move(doc, {"d-pr": (1, 1)}), SetElementProperty(doc, "c-fb", "label", "FB")])
    doc.execute(macro)
    after = text(doc)
    doc.undo()
    assert text(doc) == before
    doc.redo()
    assert text(doc) == after


def test_driving_commands_directly_like_a_qundostack(tmp_path: Path) -> None:
    """Without doc.history (a QUndoStack calls redo/undo itself), is_dirty still tracks the saved state."""
    doc = _doc()
    first = AddElements(doc, [new_element(doc, "topic", "a")])
    first.redo()
    doc.save(tmp_path / "q.comm")
    second = Move(doc, {first.ids[0]: (5, 5)})
    second.redo()
    assert doc.is_dirty
    second.undo()
    assert not doc.is_dirty
    first.undo()
    assert doc.is_dirty
    first.redo()
    assert not doc.is_dirty
    nudge = Move(doc, {first.ids[0]: (6, 6)})
    nudge.redo()
    more = Move(doc, {first.ids[0]: (7, 7)})
    more.redo()
    assert nudge.merge_with(more)                     # what QUndoStack.push does after redo
    assert doc.is_dirty
    nudge.undo()
    assert not doc.is_dirty and doc.element(first.ids[0]).x == 0


def test_history_limit_and_texts() -> None:
    doc = Document(history_limit=3)
    for n in range(5):
        _add(doc, f"t{n}")
    assert len(doc.history) == 3 and doc.history.texts() == ["Add topic"] * 3
    assert doc.history.clean_position is None and doc.is_dirty
    assert doc.history.undo_text == "Add topic" and doc.history.redo_text == ""
    while doc.history.can_undo:
        doc.undo()
    assert len(doc.model.elements) == 2 and doc.history.redo_text == "Add topic"
