"""The outline patches its tree (rows of unchanged elements are kept); the result must always be the tree a
fresh outline builds, for any sequence of models and filter texts."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commarch.editing.document import Document
from commarch.gui.docks.outline import ID_ROLE, Outline
from commarch.model import CommModel

KINDS = ("stakeholder", "channel", "department", "goal")


def models() -> st.SearchStrategy[CommModel]:
    element = st.fixed_dictionaries({
        "id": st.sampled_from([f"e{i}" for i in range(10)]),
        "kind": st.sampled_from(KINDS),
        "label": st.sampled_from(["Alpha", "alpha", "Beta", "beta 2", "Gamma", "Zeta"]),
        "tags": st.lists(st.sampled_from(["core", "web"]), max_size=1),
    })
    return st.lists(element, max_size=10, unique_by=lambda e: e["id"]).map(
        lambda es: CommModel.model_validate({"format": "comm", "version": 1, "elements": es, "relations": []}))


def shown(outline: Outline) -> list[tuple[object, ...]]:
    tree = outline.tree
    out: list[tuple[object, ...]] = []
    for n in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(n)
        out.append((top.text(0), top.isExpanded()))
        out += [(top.child(i).text(0), top.child(i).data(0, ID_ROLE)) for i in range(top.childCount())]
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(models(), st.sampled_from(["", "a", "BETA", "web", "e1"])), min_size=1,
                      max_size=5))
def test_patched_outline_equals_a_fresh_one(qapp: object, steps: list[tuple[CommModel, str]]) -> None:
    outline = Outline(Document(CommModel.empty()))
    try:
        for model, needle in steps:
            outline.set_document(Document(model))
            outline.filter.setText(needle)
            outline.rebuild()
            fresh = Outline(Document(model))
            fresh.filter.setText(needle)
            fresh.rebuild()
            assert shown(outline) == shown(fresh)
            assert {i for i, row in outline._rows.items() if row.treeWidget() is outline.tree} == {
                row.data(0, ID_ROLE) for row in fresh._rows.values()}
            fresh.close_document()
            fresh.deleteLater()
    finally:
        outline.close_document()
        outline.deleteLater()


def test_an_unchanged_row_is_kept(qapp: object) -> None:
    model = CommModel.model_validate({"format": "comm", "version": 1, "relations": [], "elements": [
        {"id": "a", "kind": "stakeholder", "label": "Kunden"},
        {"id": "b", "kind": "stakeholder", "label": "Presse"}]})
    doc = Document(model)
    outline = Outline(doc)
    top = outline.tree.topLevelItem(0)
    presse = top.child(1)
    from commarch.editing import SetElementProperty

    doc.execute(SetElementProperty(doc, "a", "label", "Anleger"))
    outline.rebuild()
    assert [top.child(i).text(0) for i in range(top.childCount())] == ["Anleger", "Presse"]
    assert top.child(1) is presse  # the very same row
    outline.close_document()
