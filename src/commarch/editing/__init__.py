"""The one way a model changes: a `Document`, undoable Qt-free commands, typed change events.

Usage (see docs/dev/editing.md for the whole contract)::

    doc = Document.open("as-is.comm")            # or Document() for a new, empty model
    unsubscribe = doc.subscribe(print)            # called with one event per kind of change
    press = new_element(doc, "stakeholder", "Press", 100, 50, priority="high")
    doc.execute(AddElements(doc, [press]))        # -> ElementsAdded(("stakeholder-1",))
    doc.execute(Connect(doc, "c-web", press.id))  # kind picked when only one fits; else ValueError
    doc.undo(); doc.redo(); doc.is_dirty          # History semantics match QUndoStack
    doc.save()                                    # CommFileError on failure, document stays dirty

Rules:
- Build a command right before executing it. Its constructor validates against the current model
  and raises ValueError with a readable reason, changing nothing; `redo()`/`undo()` never fail and
  are exact inverses (`fileformat.dumps(doc.model)` is byte-identical after redo -> undo -> redo).
- Each command has `text` (menus) and `merge_key`/`merge_with` (like QUndoCommand.id/mergeWith).
- Every redo/undo sends its events after it finished, joined per command (a 50-element move is one
  `ElementsMoved`); nested commands of a `Macro` are delivered together at its end.
- A GUI may drive commands through `doc.history` or wrap them in QUndoCommands on a QUndoStack;
  `doc.is_dirty` is right either way (it tracks which commands are applied).
- Never mutate `doc.model` or its objects: commands replace objects, listeners look them up by id.

Commands: AddElements, RemoveElements, Move, SetElementProperty, Connect, RemoveRelations
(= Disconnect), SetRelationProperty, SetMeta, SetRuleSetting, AddWaiver, RemoveWaiver, Paste, Macro.
Helpers: new_element, align, distribute, duplicate, to_clipboard, from_clipboard, parse_clipboard.
Events: ElementsAdded, ElementsRemoved, ElementsChanged, ElementsMoved, RelationsAdded,
RelationsRemoved, RelationsChanged, MetaChanged, RulesChanged, WaiversChanged, ModelReset, Saved.
"""

from .arrange import ALIGN_EDGES, DISTRIBUTE_AXES, align, distribute
from .clipboard import (
    CLIPBOARD_FORMAT,
    CLIPBOARD_MIME,
    ClipboardPayload,
    Paste,
    duplicate,
    from_clipboard,
    parse_clipboard,
    selection_payload,
    to_clipboard,
)
from .command import Command, Macro
from .document import Document, Listener, utc_now
from .element_commands import AddElements, Move, RemoveElements, SetElementProperty, new_element
from .events import (
    Change,
    ElementsAdded,
    ElementsChanged,
    ElementsMoved,
    ElementsRemoved,
    MetaChanged,
    ModelReset,
    RelationsAdded,
    RelationsChanged,
    RelationsRemoved,
    RulesChanged,
    Saved,
    WaiversChanged,
)
from .history import History
from .relation_commands import Connect, Disconnect, RemoveRelations, SetRelationProperty
from .settings_commands import AddWaiver, RemoveWaiver, SetMeta, SetRuleSetting

__all__ = [
    "ALIGN_EDGES", "DISTRIBUTE_AXES", "align", "distribute",
    "CLIPBOARD_FORMAT", "CLIPBOARD_MIME", "ClipboardPayload", "Paste", "duplicate", "from_clipboard",
    "parse_clipboard", "selection_payload", "to_clipboard",
    "Command", "Macro", "Document", "Listener", "utc_now", "History",
    "AddElements", "Move", "RemoveElements", "SetElementProperty", "new_element",
    "Connect", "Disconnect", "RemoveRelations", "SetRelationProperty",
    "AddWaiver", "RemoveWaiver", "SetMeta", "SetRuleSetting",
    "Change", "ElementsAdded", "ElementsChanged", "ElementsMoved", "ElementsRemoved", "MetaChanged",
    "ModelReset", "RelationsAdded", "RelationsChanged", "RelationsRemoved", "RulesChanged", "Saved",
    "WaiversChanged",
]
