"""Round trip and undo state machines: extreme documents survive save/reload with an empty diff, and over
edit/undo/redo/save/load/compare the unsaved flag equals "undo position != position of the last save"."""

from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from commarch import fileformat
from commarch.diff import diff_models, is_empty
from commarch.editing import AddElements, Connect, Document, Move, RemoveElements, SetElementProperty, new_element
from commarch.fileformat import CommFileError, writer
from commarch.model import ELEMENT_KINDS, allowed_relation_kinds
from fileformat.test_hypothesis_roundtrip import documents  # tests/ is on sys.path (rootdir import mode)

from .support import EXAMPLES

EXTREME_NUMBERS = [1.7976931348623157e308, -1.7976931348623157e308, 5e-324, -0.0, 2.0**53 + 1, -(10**20), 0.1]
extreme_labels = st.one_of(
    st.text(st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF, exclude_categories=("Cs",)),
            min_size=200, max_size=200),                                  # 200 astral characters (400 UTF-16)
    st.just('<script>alert("x")</script>'), st.just("$\\alpha$ \\\\ \\n"), st.just("\u202eevil\u202c"),
    st.just("a\u0000b"), st.just(" leading and trailing "), st.just("\u0301"),
)


@st.composite
def extreme_documents(draw: st.DrawFn) -> dict[str, Any]:
    doc = draw(documents())
    for element in doc["elements"]:
        if draw(st.booleans()):
            element["x"] = draw(st.sampled_from(EXTREME_NUMBERS))
            element["y"] = draw(st.sampled_from(EXTREME_NUMBERS))
        if draw(st.booleans()):
            element["label"] = draw(extreme_labels)
        if draw(st.integers(0, 4)) == 0:
            element["notes"] = "n\r\n\t" * draw(st.integers(1, 5000))
    return doc


@settings(max_examples=int(os.environ.get("COMMARCH_ROUNDTRIP_EXAMPLES", "60")), deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(raw=extreme_documents())
def test_extreme_documents_save_reload_with_empty_diff(raw: dict[str, Any], tmp_path_factory: Any) -> None:
    live = fileformat.loads(json.dumps(raw, ensure_ascii=False).encode("utf-8"))
    doc = Document(live)
    path = tmp_path_factory.mktemp("rt") / "model.comm"
    doc.save(path)
    assert not doc.is_dirty
    reloaded = fileformat.load(path)
    assert reloaded == doc.model
    diff = diff_models(reloaded, doc.model)
    assert is_empty(diff, positions=True) and not diff.meta
    assert fileformat.dumps(reloaded) == path.read_text("utf-8")        # canonical, byte for byte
    assert fileformat.dumps(fileformat.load(path)) == fileformat.dumps(doc.model)


def content(model: Any) -> str:
    """The model's text without the save time stamp (which only saving changes)."""
    raw = fileformat.to_dict(model)
    if isinstance(raw.get("meta"), dict):
        raw["meta"].pop("modified", None)
    return json.dumps(raw, ensure_ascii=False, sort_keys=True)


labels = st.one_of(st.text(max_size=12), extreme_labels)
coordinates = st.one_of(st.integers(-10**6, 10**6), st.sampled_from(EXTREME_NUMBERS))


class SessionMachine(RuleBasedStateMachine):
    """The user's session: edits, undo, redo, save (also failing), reopen, compare with the file."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.mkdtemp(prefix="commarch-session-")
        self.path = os.path.join(self.folder, "workshop.comm")
        shutil.copy(EXAMPLES / "avantgarde-as-is.comm", self.path)
        self.open()

    def open(self) -> None:
        self.doc = Document.open(self.path)
        self.saved: int | None = 0                     # our own record of the position of the last save
        self.saved_content = content(self.doc.model)

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def run(self, make: Any) -> None:
        before = self.doc.history.position
        try:
            command = make()
        except ValueError:
            assert self.doc.history.position == before
            return
        self.doc.execute(command)
        after = self.doc.history.position
        if after == before:                            # merged into the previous command (e.g. nudges)
            assert self.saved != before, "a command merged into the saved state"
        else:
            assert after == before + 1
            if self.saved is not None and self.saved > before:
                self.saved = None                      # the saved state was in the discarded redo branch

    def ids(self) -> list[str]:
        return [e.id for e in self.doc.model.elements]

    @rule(kind=st.sampled_from(ELEMENT_KINDS), label=labels, x=coordinates, y=coordinates)
    def add(self, kind: str, label: str, x: float, y: float) -> None:
        self.run(lambda: AddElements(self.doc, [new_element(self.doc, kind, label, x, y)]))

    @rule(data=st.data())
    def connect(self, data: st.DataObject) -> None:
        elements = self.doc.model.elements
        pairs = [(a.id, b.id) for a in elements[:40] for b in elements[:40]
                 if a.id != b.id and allowed_relation_kinds(a.kind, b.kind)]
        if pairs:
            source, target = data.draw(st.sampled_from(pairs))
            self.run(lambda: Connect(self.doc, source, target))

    @rule(data=st.data(), label=labels)
    def rename(self, data: st.DataObject, label: str) -> None:
        if self.ids():
            element_id = data.draw(st.sampled_from(self.ids()))
            self.run(lambda: SetElementProperty(self.doc, [element_id], "label", label))

    @rule(data=st.data(), x=coordinates, y=coordinates)
    def move(self, data: st.DataObject, x: float, y: float) -> None:
        if self.ids():
            element_id = data.draw(st.sampled_from(self.ids()))
            self.run(lambda: Move(self.doc, {element_id: (x, y)}))

    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        if self.ids():
            ids = data.draw(st.lists(st.sampled_from(self.ids()), min_size=1, max_size=3, unique=True))
            self.run(lambda: RemoveElements(self.doc, ids))

    @precondition(lambda self: self.doc.history.can_undo)
    @rule()
    def undo(self) -> None:
        self.doc.undo()

    @precondition(lambda self: self.doc.history.can_redo)
    @rule()
    def redo(self) -> None:
        self.doc.redo()

    @rule()
    def save(self) -> None:
        self.doc.save()
        self.saved = self.doc.history.position
        self.saved_content = content(self.doc.model)
        assert content(fileformat.load(self.path)) == self.saved_content

    @rule(code=st.sampled_from([errno.ENOSPC, errno.EROFS, errno.EIO]))  # EACCES: retried, see failing_disk
    def save_fails(self, code: int) -> None:
        on_disk = open(self.path, "rb").read()  # noqa: SIM115 - read in one go
        dirty, live = self.doc.is_dirty, fileformat.dumps(self.doc.model)
        real = writer.os.replace

        def fail(src: str, dst: str) -> None:
            raise OSError(code, os.strerror(code))

        writer.os.replace = fail  # type: ignore[assignment]
        try:
            self.doc.save()
            raise AssertionError("the injected failure did not fail the save")
        except CommFileError as exc:
            assert os.strerror(code) in str(exc)
        finally:
            writer.os.replace = real  # type: ignore[assignment]
        assert open(self.path, "rb").read() == on_disk  # noqa: SIM115
        assert self.doc.is_dirty == dirty and fileformat.dumps(self.doc.model) == live

    @precondition(lambda self: not self.doc.is_dirty)
    @rule()
    def reopen(self) -> None:
        before = content(self.doc.model)
        self.open()
        assert content(self.doc.model) == before and not self.doc.is_dirty

    @rule()
    def compare_with_file(self) -> None:
        on_disk = fileformat.load(self.path)
        diff = diff_models(on_disk, self.doc.model)
        same = content(on_disk) == content(self.doc.model)
        assert is_empty(diff, positions=True) == same, (same, diff)

    @invariant()
    def unsaved_flag_is_position_against_last_save(self) -> None:
        assert self.doc.is_dirty == (self.doc.history.position != self.saved)

    @invariant()
    def clean_means_the_file_holds_the_model(self) -> None:
        if not self.doc.is_dirty:
            assert content(self.doc.model) == self.saved_content


SessionMachine.TestCase.settings = settings(
    max_examples=int(os.environ.get("COMMARCH_SESSION_EXAMPLES", "25")), stateful_step_count=30,
    deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow],
)
TestSession = SessionMachine.TestCase


@pytest.fixture(autouse=True)
def _no_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    # These tests are about states, not durability (test_kill_during_save covers that); fsync on a
    # shared disk costs ~0.1 s per save and would make them ten times slower.
    monkeypatch.setattr(writer.os, "fsync", lambda fd: None)
