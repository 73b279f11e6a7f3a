"""What the view shows: fit, centre, zoom to selection, level of detail, plain-text labels, themes."""

from __future__ import annotations

import pytest

import commarch.render.painter as painter_module
from commarch.editing.document import Document
from commarch.editing.element_commands import AddElements, new_element
from commarch.gui.canvas import CanvasView


def _visible(view: CanvasView):  # type: ignore[no-untyped-def]
    return view.mapToScene(view.viewport().rect()).boundingRect()


def test_fit_to_view_shows_every_element(view: CanvasView) -> None:
    view.zoom_reset()
    view.fit_to_view()
    visible = _visible(view)
    for item in view.canvas_scene.element_items():
        assert visible.contains(item.scene_rect()), item.element_id


def test_center_on_ids_and_zoom_to_selection(view: CanvasView, doc: Document) -> None:
    view.set_zoom(2.0)
    far = max(doc.model.elements, key=lambda e: (e.x, e.y))
    view.center_on_ids([far.id])
    assert _visible(view).contains(view.canvas_scene.element_item(far.id).scene_rect())  # type: ignore[union-attr]
    ids = [e.id for e in doc.model.elements[:6]]
    view.canvas_scene.select_ids(ids)
    view.zoom_to_selection()
    visible = _visible(view)
    assert all(visible.contains(view.canvas_scene.element_item(i).scene_rect()) for i in ids)  # type: ignore[union-attr]


@pytest.fixture
def drawn_labels(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts of every label render/ draws (paint_element calls painter.draw_label)."""
    seen: list[str] = []
    original = painter_module.draw_label

    def spy(painter, layout, color):  # type: ignore[no-untyped-def]
        seen.extend(line.text for line in layout.lines)
        original(painter, layout, color)

    monkeypatch.setattr(painter_module, "draw_label", spy)
    return seen


def test_level_of_detail_hides_labels_when_zoomed_out(view: CanvasView, drawn_labels: list[str]) -> None:
    view.set_zoom(0.2)
    drawn_labels.clear()  # the first paint of the shown view may have happened at 100 %
    view.grab()
    assert drawn_labels == []
    view.zoom_reset()
    view.grab()
    assert drawn_labels


def test_hostile_label_is_drawn_as_plain_text(view: CanvasView, doc: Document, drawn_labels: list[str]) -> None:
    hostile = new_element(doc, "topic", "<img src=x>", 0, 0)
    doc.execute(AddElements(doc, [hostile]))
    view.zoom_reset()
    view.center_on_ids([hostile.id])
    drawn_labels.clear()
    view.grab()
    assert "<img src=x>" in drawn_labels


def test_theme_switch_and_grid(view: CanvasView) -> None:
    view.set_theme("dark")
    assert view.canvas_scene.ctx.theme.dark
    view.set_grid(False)
    view.grab()
    view.set_grid(True, 40)
    assert view.grid_size == 40
    view.grab()
    view.set_theme("light")
    assert not view.canvas_scene.ctx.theme.dark


def test_scene_pos_under_cursor_is_inside_the_view(view: CanvasView) -> None:
    assert _visible(view).contains(view.scene_pos_under_cursor())
