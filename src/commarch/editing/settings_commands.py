"""Commands on the document's meta, per-rule settings and waivers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from commarch.model import Meta, RuleSetting, Waiver

from .command import Command, set_field, validated
from .events import MetaChanged, RulesChanged, WaiversChanged

if TYPE_CHECKING:
    from .document import Document

_MISSING = object()


class SetMeta(Command):
    """Set meta keys (title, client, author, created, modified, language, description); None removes one.

    Undo restores just these keys, so a `modified` stamp written by a save in between survives.
    Consecutive edits of the same keys merge (typing a title).
    """

    def __init__(self, doc: Document, changes: Mapping[str, Any], text: str | None = None):
        unknown = [key for key in changes if key not in Meta.model_fields]
        if unknown:
            raise ValueError(f"meta has no key {unknown[0]!r} (keys: {', '.join(Meta.model_fields)})")
        if not changes:
            raise ValueError("no meta key to change")
        super().__init__(doc, text or "Edit document properties")
        meta = doc.model.meta
        self.was_none = meta is None
        self.field_was_set = "meta" in doc.model.model_fields_set
        self.before = {key: (getattr(meta, key) if meta is not None and key in meta.model_fields_set
                             else _MISSING) for key in changes}
        self.changes = dict(changes)
        self._build(self.changes)  # validates now, so redo cannot fail
        self.merge_key = ("meta", frozenset(changes))

    def _build(self, values: Mapping[str, Any], none_removes: bool = True) -> Meta | None:
        meta = self.doc.model.meta
        data = meta.model_dump(exclude_unset=True) if meta is not None else {}
        for key, value in values.items():
            if value is _MISSING or (value is None and none_removes):
                data.pop(key, None)
            else:
                data[key] = value
        if not data and self.was_none:
            return None
        return validated(Meta, data, "meta")

    def _set(self, values: Mapping[str, Any], none_removes: bool) -> None:
        meta = self._build(values, none_removes)
        set_field(self.doc.model, "meta", meta, meta is not None or self.field_was_set)
        self.doc._emit(MetaChanged(frozenset(values)))

    def _redo(self) -> None:
        self._set(self.changes, True)

    def _undo(self) -> None:
        self._set(self.before, False)

    def _absorb(self, other: Command) -> bool:
        assert isinstance(other, SetMeta)
        self.changes = other.changes
        return True


class SetRuleSetting(Command):
    """Change a rule's settings: `changes` like {"enabled": False} or {"severity": "error"}.

    A value of None removes that key (the rule's default applies); `changes=None` removes the rule's
    whole entry. The rule id is not checked against the analysis catalogue (that layer is above us).
    """

    def __init__(self, doc: Document, rule: str, changes: Mapping[str, Any] | None,
                 text: str | None = None):
        if not isinstance(rule, str) or not rule.strip() or len(rule) > 64:
            raise ValueError("a rule id must be a non-empty string of at most 64 characters")
        model = doc.model
        self.old = model.rules
        self.old_set = "rules" in model.model_fields_set
        rules = dict(model.rules or {})
        if changes is None:
            rules.pop(rule, None)
        else:
            unknown = [key for key in changes if key not in RuleSetting.model_fields]
            if unknown:
                raise ValueError(f"a rule setting has no key {unknown[0]!r} (keys: enabled, severity)")
            data = rules[rule].model_dump(exclude_unset=True) if rule in rules else {}
            for key, value in changes.items():
                if value is None:
                    data.pop(key, None)
                else:
                    data[key] = value
            rules[rule] = validated(RuleSetting, data, f"rules.{rule}")
        self.new = rules
        self.rule = rule
        super().__init__(doc, text or f"Change rule {rule}")

    def _redo(self) -> None:
        set_field(self.doc.model, "rules", self.new, True)
        self.doc._emit(RulesChanged((self.rule,)))

    def _undo(self) -> None:
        set_field(self.doc.model, "rules", self.old, self.old_set)
        self.doc._emit(RulesChanged((self.rule,)))


def _waiver_key(rule: str, subjects: Sequence[str]) -> tuple[str, frozenset[str]]:
    return (rule, frozenset(subjects))


class _WaiverCommand(Command):
    def _swap_in(self, doc: Document, waivers: list[Waiver]) -> None:
        self.old = doc.model.waivers
        self.old_set = "waivers" in doc.model.model_fields_set
        self.new = waivers

    def _redo(self) -> None:
        set_field(self.doc.model, "waivers", self.new, True)
        self.doc._emit(WaiversChanged())

    def _undo(self) -> None:
        set_field(self.doc.model, "waivers", self.old, self.old_set)
        self.doc._emit(WaiversChanged())


class AddWaiver(_WaiverCommand):
    """Accept a finding: rule + subject ids (+ note); refuses a second waiver for the same finding."""

    def __init__(self, doc: Document, rule: str, subjects: Sequence[str], note: str = "",
                 text: str | None = None):
        data: dict[str, Any] = {"rule": rule, "subjects": list(subjects) if not isinstance(subjects, str)
                                else subjects}
        if note:
            data["note"] = note
        waiver = validated(Waiver, data, "waiver")
        existing = doc.model.waivers or []
        if any(_waiver_key(w.rule, w.subjects) == _waiver_key(rule, waiver.subjects) for w in existing):
            raise ValueError(f"this finding of {rule} is already waived")
        self._swap_in(doc, [*existing, waiver])
        super().__init__(doc, text or f"Waive {rule}")


class RemoveWaiver(_WaiverCommand):
    """Remove the waiver with this rule and subject set; undo puts it back in its place."""

    def __init__(self, doc: Document, rule: str, subjects: Sequence[str], text: str | None = None):
        existing = list(doc.model.waivers or [])
        key = _waiver_key(rule, subjects)
        for index, waiver in enumerate(existing):
            if _waiver_key(waiver.rule, waiver.subjects) == key:
                del existing[index]
                break
        else:
            raise ValueError(f"there is no waiver of {rule} for these subjects")
        self._swap_in(doc, existing)
        super().__init__(doc, text or f"Remove waiver of {rule}")
