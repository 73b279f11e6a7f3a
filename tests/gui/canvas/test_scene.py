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


def test_index_depth_follows_the_area_not_qts_item_count() -> None:
    from commarch.gui.canvas.scene import index_depth

    assert index_depth(400.0 * 400.0 * 2**14, 150_000) == 14  # 50,000 elements: Qt's own choice is 18
    assert index_depth(400.0 * 400.0 * 2**11, 9_000) == 11
    assert index_depth(1e14, 3) == 3  # a sparse scene: no more leaves than items
    assert index_depth(1e20, 10**9) == 16
    assert index_depth(0.0, 0) == 3


def test_a_wide_scene_gets_a_shallow_index_that_still_finds_items(qapp: object) -> None:
    from commarch.model import CommModel

    elements = [{"id": f"s{i}", "kind": "stakeholder", "label": f"S {i}", "x": (i % 100) * 230.0,
                 "y": (i // 100) * 160.0} for i in range(3000)]
    relations = [{"id": f"r{i}", "kind": "influences", "source": f"s{i}", "target": f"s{(i * 7919) % 3000}"}
                 for i in range(3000) if (i * 7919) % 3000 != i]
    doc = Document(CommModel.model_validate({"format": "comm", "version": 1, "elements": elements,
                                             "relations": relations}))
    scene = CanvasScene(doc)
    try:
        rect = scene.sceneRect()
        assert rect.contains(99 * 230.0, 29 * 160.0)
        assert scene.bspTreeDepth() == 10  # ~26,000 x 7,700 units: leaves of ~400 x 400
        for i in (0, 1234, 2999):
            item = scene.element_item(f"s{i}")
            assert item is not None and item in scene.items(item.sceneBoundingRect().center())
        doc.execute(AddElements(doc, [new_element(doc, "stakeholder", "Far", 200_000, 200_000)]))
        assert scene.sceneRect().contains(200_000, 200_000)
        assert scene.bspTreeDepth() == 13  # the rect grew 150-fold: deeper, capped by the ~6,000 items
        far = next(i for i in scene.items() if isinstance(i, ElementItem) and i.element.label == "Far")
        assert far in scene.items(far.sceneBoundingRect().center())
    finally:
        scene.close()


def test_a_scene_made_for_a_view_scale_is_what_set_view_scale_makes(qapp: object, doc: Document) -> None:
    def state(scene: CanvasScene) -> tuple[object, ...]:
        ctx = scene.ctx
        return (ctx.far, ctx.layered, ctx.cached, type(ctx.shared).__name__,
                sorted((i.relation_id, i.drawn, i.flags().value) for i in scene.items() if isinstance(i, RelationItem)),
                sorted((i.element_id, i.cacheMode().value) for i in scene.items() if isinstance(i, ElementItem)))

    for zoom in (1.0, 0.3, 0.05):
        preset = CanvasScene(doc, view_scale=zoom)
        later = CanvasScene(doc)
        try:
            before = state(preset)
            preset.set_view_scale(zoom)  # what the view does when it is given the scene: nothing left to do
            later.set_view_scale(zoom)
            assert state(preset) == before == state(later)
        finally:
            preset.close()
            later.close()
