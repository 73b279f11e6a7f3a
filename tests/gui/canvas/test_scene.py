"""The scene is a projection of the Document: one item per element/relation, updated incrementally."""

from __future__ import annotations

from commarch.editing.document import Document
from commarch.editing.element_commands import AddElements, Move, RemoveElements, SetElementProperty, new_element
from commarch.editing.relation_commands import Connect
from commarch.gui.canvas import CanvasScene, ElementItem, RelationItem


def test_one_item_per_element_and_relation(scene: CanvasScene, doc: Document) -> None:
    elements = [i for i in scene.items() if isinstance(i, ElementItem)]
    relations = [i for i in scene.items() if isinstance(i, RelationItem)]
    assert sorted(i.element_id for i in elements) == sorted(e.id for e in doc.model.elements)
    assert sorted(i.relation_id for i in relations) == sorted(r.id for r in doc.model.relations)
    for element in doc.model.elements:
        item = scene.element_item(element.id)
        assert item is not None and (item.pos().x(), item.pos().y()) == (element.x, element.y)
    for relation in doc.model.relations:
        item = scene.relation_item(relation.id)
        assert item is not None
        assert (item.source.element_id, item.target.element_id) == (relation.source, relation.target)


def test_add_and_remove_touch_only_those_items(scene: CanvasScene, doc: Document) -> None:
    before = {id(i) for i in scene.items()}
    element = new_element(doc, "stakeholder", "Presse", 900, 900)
    doc.execute(AddElements(doc, [element]))
    item = scene.element_item(element.id)
    assert item is not None and item.pos().x() == 900
    assert {id(i) for i in scene.items()} - before == {id(item)}  # the others were kept, not rebuilt
    channel = next(e for e in doc.model.elements if e.kind == "channel")
    doc.execute(Connect(doc, channel.id, element.id))
    relation = doc.relations_of(element.id)[0]
    assert scene.relation_item(relation.id) is not None
    doc.execute(RemoveElements(doc, [element.id]))
    assert scene.element_item(element.id) is None and scene.relation_item(relation.id) is None
    assert {id(i) for i in scene.items()} == before
    doc.undo()  # the delete: element and relation come back
    assert scene.element_item(element.id) is not None and scene.relation_item(relation.id) is not None


def test_move_and_label_change_update_items(scene: CanvasScene, doc: Document) -> None:
    first = doc.model.elements[1]
    relation = doc.relations_of(first.id)[0]
    rel_item = scene.relation_item(relation.id)
    assert rel_item is not None
    old_path = rel_item.path().boundingRect()
    doc.execute(Move(doc, {first.id: (first.x + 500, first.y + 40)}))
    item = scene.element_item(first.id)
    assert item is not None and (item.pos().x(), item.pos().y()) == (first.x + 500, first.y + 40)
    assert rel_item.path().boundingRect() != old_path  # the relation followed its end
    doc.execute(SetElementProperty(doc, first.id, "label", "Renamed"))
    assert item.element.label == "Renamed"
    doc.undo()
    assert item.element.label == first.label


def test_reset_rebuilds(scene: CanvasScene, doc: Document) -> None:
    from commarch.model import CommModel

    doc.reset(CommModel.empty())
    assert scene.items() == []


def test_select_ids_and_queries(scene: CanvasScene, doc: Document) -> None:
    element_ids = [e.id for e in doc.model.elements[:3]]
    relation_id = doc.model.relations[0].id
    seen = []
    scene.selectionChanged.connect(lambda: seen.append(1))
    scene.select_ids([*element_ids, relation_id, "no-such-id"])
    assert scene.selected_element_ids() == element_ids
    assert scene.selected_relation_ids() == [relation_id]
    assert len(seen) == 1
    scene.select_ids([])
    assert scene.selected_element_ids() == [] and scene.selected_relation_ids() == []


def test_badges_highlights_and_theme(scene: CanvasScene, doc: Document) -> None:
    element_id = doc.model.elements[2].id
    scene.set_badges({element_id: "error", "unknown": "warning"})
    assert scene.ctx.badges[element_id] == "error"
    scene.set_badges_visible(False)
    assert not scene.ctx.badges_visible
    relation_ids = [r.id for r in doc.model.relations[:2]]
    scene.highlight_relations(relation_ids)
    assert all(scene.relation_item(r).highlighted for r in relation_ids)  # type: ignore[union-attr]
    scene.highlight_relations([])
    assert not any(r.highlighted for r in scene.relation_items())
    scene.set_theme("dark")
    assert scene.ctx.theme.dark


def test_hover_highlights_relations(scene: CanvasScene, doc: Document) -> None:
    element = doc.model.elements[1]
    item = scene.element_item(element.id)
    assert item is not None
    item._set_hover(True)
    attached = {r.id for r in doc.relations_of(element.id)}
    assert attached and {r.relation_id for r in scene.relation_items() if r.hovered} == attached
    item._set_hover(False)
    assert not any(r.hovered for r in scene.relation_items())


def test_tooltips_are_escaped(scene: CanvasScene, doc: Document) -> None:
    element = new_element(doc, "note", "<img src=x onerror=alert(1)>", 0, 0)
    doc.execute(AddElements(doc, [element]))
    text = scene.tooltip_text(scene.element_item(element.id))
    assert text.startswith("<p>") and "<img" not in text and "&lt;img src=x" in text
