"""A hypothesis state machine over editing, undo, redo and save, checked against the history after every step."""

from __future__ import annotations

import os
import shutil
import tempfile

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from commarch import fileformat
from commarch.editing import (
    AddElements,
    AddWaiver,
    Command,
    Connect,
    Document,
    Move,
    Paste,
    RemoveElements,
    RemoveWaiver,
    SetElementProperty,
    SetMeta,
    SetRelationProperty,
    SetRuleSetting,
    align,
    from_clipboard,
    new_element,
    to_clipboard,
)
from commarch.fileformat import CommFileError
from commarch.model import ELEMENT_KINDS, RELATION_KINDS, allowed_relation_kinds

from .support import COMPLETE

# The example's own meta.modified: saving stamps it again, so a save never changes the text and
# "undo everything gives the initial text" holds exactly.
STAMP = "2026-11-20T10:30:00+01:00"

values = st.one_of(
    st.none(), st.booleans(), st.integers(-2, 8), st.floats(allow_nan=True), st.text(max_size=12),
    st.sampled_from(["high", "low", "social", "pr", "lead", "contributor", "#12aBef", "de", "error"]),
    st.lists(st.text(max_size=6), max_size=3), st.lists(st.integers(), max_size=2),
)
coordinates = st.one_of(st.integers(-10**6, 10**6), st.floats(-1e6, 1e6), st.just(float("nan")))
ELEMENT_KEYS = ["label", "notes", "tags", "color", "priority", "influence", "needs_dialog", "channel_type",
                "platform", "two_way", "function", "coordinator", "kpi", "x", "id", "unknown"]
RELATION_KEYS = ["label", "notes", "role", "cadence", "source", "kind", "unknown"]


class EditingMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.mkdtemp(prefix="commarch-editing-")
        self.doc = Document(fileformat.load(COMPLETE), clock=lambda: STAMP)
        self.initial = self.text()
        self.texts = [self.initial]          # texts[i]: the model's text at history position i

    def text(self) -> str:
        return fileformat.dumps(self.doc.model)

    def teardown(self) -> None:
        while self.doc.history.can_undo:
            self.doc.undo()
        assert self.text() == self.initial
        shutil.rmtree(self.folder, ignore_errors=True)

    # helpers ---------------------------------------------------------------------------------
    def attempt(self, make: object) -> None:
        """Build and execute a command; a refusal must leave the model and history untouched."""
        before, position = self.text(), self.doc.history.position
        try:
            command = make()  # type: ignore[operator]
        except ValueError:
            assert self.text() == before and self.doc.history.position == position
            return
        if command is None:
            return
        assert isinstance(command, Command)
        self.doc.execute(command)
        self.recorded()

    def recorded(self) -> None:
        position = self.doc.history.position
        self.texts = self.texts[:position] + [self.text()]

    def element_ids(self) -> list[str]:
        return [e.id for e in self.doc.model.elements]

    def pick(self, data: st.DataObject, minimum: int = 1) -> list[str]:
        ids = self.element_ids()
        return data.draw(st.lists(st.sampled_from(ids), min_size=minimum, max_size=6)) if ids else []

    # edits -----------------------------------------------------------------------------------
    @rule(kind=st.sampled_from(ELEMENT_KINDS), label=st.text(max_size=8), x=coordinates, y=coordinates,
          at_start=st.booleans())
    def add(self, kind: str, label: str, x: float, y: float, at_start: bool) -> None:
        def make() -> Command:
            element = new_element(self.doc, kind, label, x, y)
            return AddElements(self.doc, [element], indexes=[0] if at_start else None)
        self.attempt(make)

    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        ids = self.pick(data)
        if ids:
            self.attempt(lambda: RemoveElements(self.doc, ids))

    @rule(data=st.data(), kind=st.sampled_from([None, *RELATION_KINDS]))
    def connect(self, data: st.DataObject, kind: str | None) -> None:
        ids = self.element_ids()
        if ids:
            source, target = data.draw(st.sampled_from(ids)), data.draw(st.sampled_from(ids))
            self.attempt(lambda: Connect(self.doc, source, target, kind))

    @rule(data=st.data())
    def connect_allowed(self, data: st.DataObject) -> None:
        elements = self.doc.model.elements
        pairs = [(a.id, b.id) for a in elements for b in elements
                 if a.id != b.id and allowed_relation_kinds(a.kind, b.kind)]
        if pairs:
            source, target = data.draw(st.sampled_from(pairs))
            self.attempt(lambda: Connect(self.doc, source, target))

    @rule(data=st.data(), x=coordinates, y=coordinates, repeat=st.integers(1, 3))
    def move(self, data: st.DataObject, x: float, y: float, repeat: int) -> None:
        ids = self.pick(data)
        for step in range(repeat if ids else 0):   # repeated nudges of the same ids merge
            self.attempt(lambda step=step: Move(self.doc, {i: (x + step, y) for i in ids}))

    @rule(data=st.data(), key=st.sampled_from(ELEMENT_KEYS), value=values)
    def set_element_property(self, data: st.DataObject, key: str, value: object) -> None:
        ids = self.pick(data)
        if ids:
            self.attempt(lambda: SetElementProperty(self.doc, ids, key, value))

    @rule(data=st.data(), key=st.sampled_from(RELATION_KEYS), value=values)
    def set_relation_property(self, data: st.DataObject, key: str, value: object) -> None:
        ids = [r.id for r in self.doc.model.relations]
        if ids:
            relation_id = data.draw(st.sampled_from(ids))
            self.attempt(lambda: SetRelationProperty(self.doc, relation_id, key, value))

    @rule(key=st.sampled_from(["title", "language", "description", "created", "client"]), value=values)
    def set_meta(self, key: str, value: object) -> None:
        self.attempt(lambda: SetMeta(self.doc, {key: value}))

    @rule(rule_id=st.sampled_from(["GAP-SILOS", "OVL-PARALLEL", "X-FUTURE-RULE"]),
          changes=st.none() | st.dictionaries(st.sampled_from(["enabled", "severity"]), values, max_size=2))
    def set_rule(self, rule_id: str, changes: dict[str, object] | None) -> None:
        self.attempt(lambda: SetRuleSetting(self.doc, rule_id, changes))

    @rule(data=st.data(), add=st.booleans())
    def waiver(self, data: st.DataObject, add: bool) -> None:
        subjects = sorted(set(self.pick(data)))
        make = AddWaiver if add else RemoveWaiver
        self.attempt(lambda: make(self.doc, "GAP-UNREACHED", subjects))

    @rule(data=st.data())
    def copy_paste(self, data: st.DataObject) -> None:
        payload = from_clipboard(to_clipboard(self.doc, self.pick(data)))
        assert payload is not None
        self.attempt(lambda: Paste(self.doc, payload))

    @rule(data=st.data(), edge=st.sampled_from(["left", "bottom", "center"]))
    def align(self, data: st.DataObject, edge: str) -> None:
        ids = self.pick(data)
        self.attempt(lambda: align(self.doc, ids, edge))

    @rule(label=st.text(min_size=1, max_size=5))
    def add_channel_and_connect(self, label: str) -> None:
        departments = [e.id for e in self.doc.model.elements if e.kind == "department"]
        if not departments:
            return
        with self.doc.macro("Add channel") as macro:
            channel = new_element(self.doc, "channel", label)
            macro.run(AddElements(self.doc, [channel]))
            macro.run(Connect(self.doc, departments[0], channel.id))
        self.recorded()

    # history ---------------------------------------------------------------------------------
    @precondition(lambda self: self.doc.history.can_undo)
    @rule()
    def undo(self) -> None:
        self.doc.undo()

    @precondition(lambda self: self.doc.history.can_redo)
    @rule()
    def redo(self) -> None:
        self.doc.redo()

    @rule()
    def undo_all_and_back(self) -> None:
        position = self.doc.history.position
        while self.doc.history.can_undo:
            self.doc.undo()
        assert self.text() == self.initial
        while self.doc.history.position < position:
            self.doc.redo()

    @rule(fail=st.booleans())
    def save(self, fail: bool) -> None:
        before, dirty = self.text(), self.doc.is_dirty
        if fail:
            try:
                self.doc.save(os.path.join(self.folder, "no-such-folder", "x.comm"))
            except CommFileError:
                assert self.doc.is_dirty == dirty and self.text() == before
                return
            raise AssertionError("saving into a missing folder succeeded")
        path = os.path.join(self.folder, "model.comm")
        self.doc.save(path)
        assert not self.doc.is_dirty and self.text() == before
        assert fileformat.dumps(fileformat.load(path)) == before

    # checks ----------------------------------------------------------------------------------
    @invariant()
    def text_matches_history_position(self) -> None:
        assert self.text() == self.texts[self.doc.history.position]

    @invariant()
    def document_validates(self) -> None:
        text = self.text()
        assert fileformat.dumps(fileformat.loads(text.encode("utf-8"))) == text

    @invariant()
    def dirty_flag_matches_history(self) -> None:
        history = self.doc.history
        assert self.doc.is_dirty == (history.position != history.clean_position) == history.is_dirty

    @invariant()
    def indexes_match_model(self) -> None:
        assert self.doc.index_problems() == []


EditingMachine.TestCase.settings = settings(
    max_examples=int(os.environ.get("COMMARCH_EDITING_EXAMPLES", "40")),
    stateful_step_count=40, deadline=None, suppress_health_check=[HealthCheck.too_slow],
)
TestEditing = EditingMachine.TestCase
