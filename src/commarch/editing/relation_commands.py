"""Commands on relations: Connect, RemoveRelations (Disconnect), SetRelationProperty; relation checks."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from commarch.model import RELATION_CLASSES, RelationBase, allowed_relation_kinds, relation_key

from .command import Command, ids_of, label_of, validated
from .events import RelationsAdded, RelationsChanged, RelationsRemoved
from .property_command import SetProperty

if TYPE_CHECKING:
    from .document import Document


def resolve_kind(doc: Document, source: str, target: str, kind: str | None,
                 new_kinds: Mapping[str, str] | None = None) -> str:
    """The relation kind to use between two elements, or ValueError saying why none fits.

    `new_kinds` gives the kinds of elements that are about to be added with the relation.
    """
    kinds = {}
    for end, element_id in (("source", source), ("target", target)):
        element = doc.get_element(element_id)
        found = element.kind if element is not None else (new_kinds or {}).get(element_id)
        if found is None:
            raise ValueError(f"cannot connect: there is no element {element_id!r} ({end})")
        kinds[end] = found
    if source == target:
        raise ValueError(f"cannot connect {label_of(doc, source)} to itself")
    allowed = allowed_relation_kinds(kinds["source"], kinds["target"])
    if not allowed:
        raise ValueError(f"a {kinds['source']} cannot be connected to a {kinds['target']} "
                         f"(no relation kind fits)")
    if kind is None:
        if len(allowed) > 1:
            raise ValueError(f"choose the relation kind: {', '.join(allowed)}")
        return allowed[0]
    if kind not in allowed:
        known = "" if kind in RELATION_CLASSES else " (unknown relation kind)"
        raise ValueError(f"{kind!r} cannot connect a {kinds['source']} to a {kinds['target']}{known}; "
                         f"allowed here: {', '.join(allowed)}")
    return kind


def check_new_relation(doc: Document, relation: RelationBase, new_kinds: Mapping[str, str] | None = None,
                       taken_ids: Collection[str] = (), taken_keys: Collection[tuple[str, str, str]] = ()
                       ) -> RelationBase:
    """A private, validated copy of `relation` if it may be added to `doc`, else ValueError."""
    if RELATION_CLASSES.get(getattr(relation, "kind", None)) is not type(relation):  # type: ignore[arg-type]
        raise ValueError(f"not a relation: {relation!r:.80}")
    copy = validated(type(relation), relation.model_dump(exclude_unset=True), f"relation {relation.id!r}")
    if doc.has_id(copy.id) or copy.id in taken_ids:
        raise ValueError(f"the id {copy.id!r} is already used")
    resolve_kind(doc, copy.source, copy.target, copy.kind, new_kinds)
    key = relation_key(copy.kind, copy.source, copy.target)
    existing = doc.find_relation(copy.kind, copy.source, copy.target)
    if existing is not None or key in taken_keys:
        already = f" ({existing.id})" if existing is not None else ""
        raise ValueError(f"there already is a {copy.kind!r} relation between {label_of(doc, copy.source)} "
                         f"and {label_of(doc, copy.target)}{already}")
    return copy


class Connect(Command):
    """Add one relation. `kind=None` picks the only allowed kind (ValueError if there are several).

    Refuses, before changing anything, with a ValueError saying why: unknown elements, self-loops,
    kinds the format does not allow for this pair, duplicates, bad property values. `props` are
    written explicitly (e.g. role="contributor", label="...", notes="..."). `relation_id` is the new id.
    """

    def __init__(self, doc: Document, source: str, target: str, kind: str | None = None, *,
                 id: str | None = None, text: str | None = None, **props: Any):
        kind = resolve_kind(doc, source, target, kind)
        unknown = [key for key in props if key not in RELATION_CLASSES[kind].model_fields]
        if unknown:
            raise ValueError(f"a {kind!r} relation has no property {unknown[0]!r}")
        relation_id = id if id is not None else doc.new_id(kind)
        data = {"id": relation_id, "kind": kind, "source": source, "target": target, **props}
        relation = validated(RELATION_CLASSES[kind], data, "relation")
        self.relation = check_new_relation(doc, relation)
        self.relation_id = relation_id
        super().__init__(doc, text or f"Connect ({kind})")

    def _redo(self) -> None:
        self.doc._index.insert_relation(len(self.doc.model.relations), self.relation)
        self.doc._emit(RelationsAdded((self.relation_id,)))

    def _undo(self) -> None:
        self.doc._index.remove_relation(self.relation_id)
        self.doc._emit(RelationsRemoved((self.relation_id,)))


class RemoveRelations(Command):
    """Remove relations by id; undo puts them back at their original positions."""

    def __init__(self, doc: Document, ids: str | Sequence[str], text: str | None = None):
        wanted = ids_of(ids)
        if not wanted:
            raise ValueError("nothing to delete")
        missing = [r for r in wanted if doc.get_relation(r) is None]
        if missing:
            raise ValueError(f"there is no relation {missing[0]!r}")
        self.removed = sorted(((doc.relation_position(r), doc.relation(r)) for r in wanted),
                              key=lambda pair: pair[0])
        super().__init__(doc, text or ("Delete relation" if len(wanted) == 1 else "Delete relations"))

    def _redo(self) -> None:
        for _, relation in reversed(self.removed):
            self.doc._index.remove_relation(relation.id)
        self.doc._emit(RelationsRemoved(tuple(r.id for _, r in self.removed)))

    def _undo(self) -> None:
        for position, relation in self.removed:
            self.doc._index.insert_relation(position, relation)
        self.doc._emit(RelationsAdded(tuple(r.id for _, r in self.removed)))


Disconnect = RemoveRelations


class SetRelationProperty(SetProperty):
    """Set one property (label, notes, role, cadence, …) of one or more relations, validated.

    `value=None` removes the key so the default applies. Endpoints and kind cannot be changed:
    remove the relation and connect again.
    """

    what = "relation"
    fixed = frozenset({"id", "kind", "source", "target"})
    event = RelationsChanged

    def _table(self):  # type: ignore[no-untyped-def]
        return self.doc._index.relations

    def _describe(self, item: Any) -> str:
        return f"relation {item.id!r}"
