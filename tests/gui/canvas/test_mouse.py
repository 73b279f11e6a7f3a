"""Mouse gestures on the canvas: drag = one move intent, selection, connect, drop, pan, context menu."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QDragEnterEvent, QDropEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from commarch.editing.document import Document
from commarch.editing.element_commands import Move
from commarch.gui.canvas import KIND_MIME, CanvasView, ElementItem, Minimap
from commarch.model import allowed_relation_kinds

from .helpers import click, drag, mouse, on_screen

_Mods = Qt.KeyboardModifier


def _element(view: CanvasView, kind: str) -> ElementItem:
    return next(i for i in view.canvas_scene.element_items() if i.element.kind == kind)


def test_drag_emits_one_move_with_new_positions(view: CanvasView, doc: Document) -> None:
    scene = view.canvas_scene
    item = _element(view, "channel")
    other = _element(view, "stakeholder")
    scene.select_ids([item.element_id, other.element_id])
    moves: list[dict] = []
    scene.move_requested.connect(moves.append)
    start = on_screen(view, item)
    x0, y0 = item.element.x, item.element.y
    drag(view, start, start + QPoint(40, 30), steps=10)
    assert len(moves) == 1
    assert set(moves[0]) == {item.element_id, other.element_id}
    dx, dy = 40 / view.zoom(), 30 / view.zoom()
    nx, ny = moves[0][item.element_id]
    assert abs(nx - (x0 + dx)) <= 1 and abs(ny - (y0 + dy)) <= 1
    # nobody recorded the move: the scene shows the document again
    assert (item.pos().x(), item.pos().y()) == (x0, y0)


def test_drag_recorded_by_controller_stays(view: CanvasView, doc: Document) -> None:
    scene = view.canvas_scene
    scene.move_requested.connect(lambda positions: doc.execute(Move(doc, positions)))
    view.set_grid(True, 20)
    view.set_snap(True)
    item = _element(view, "department")
    scene.select_ids([item.element_id])
    start = on_screen(view, item)
    drag(view, start, start + QPoint(57, 23))
    element = doc.element(item.element_id)
    assert element.x % 20 == 0 and element.y % 20 == 0  # snapped
    assert (item.pos().x(), item.pos().y()) == (element.x, element.y)


def test_click_without_moving_emits_nothing(view: CanvasView) -> None:
    moves: list[dict] = []
    view.canvas_scene.move_requested.connect(moves.append)
    click(view, on_screen(view, _element(view, "goal")))
    assert moves == []


def test_ctrl_and_shift_click_multi_select(view: CanvasView) -> None:
    scene = view.canvas_scene
    a, b, c = (_element(view, k) for k in ("channel", "stakeholder", "department"))
    click(view, on_screen(view, a))
    assert scene.selected_element_ids() == [a.element_id]
    click(view, on_screen(view, b), _Mods.ControlModifier)
    click(view, on_screen(view, c), _Mods.ShiftModifier)
    assert set(scene.selected_element_ids()) == {a.element_id, b.element_id, c.element_id}
    click(view, on_screen(view, a), _Mods.ControlModifier)
    assert set(scene.selected_element_ids()) == {b.element_id, c.element_id}


def test_rubber_band_selects_items_in_the_band(view: CanvasView) -> None:
    view.fit_to_view()
    scene = view.canvas_scene
    corner = QPoint(3, 3)
    assert view.itemAt(corner) is None
    end = QPoint(view.viewport().width() // 2, view.viewport().height() // 2)
    drag(view, corner, end, steps=12)
    band = view.mapToScene(view.viewport().rect().adjusted(3, 3, -view.viewport().width() // 2,
                                                           -view.viewport().height() // 2)).boundingRect()
    inside = {i.element_id for i in scene.element_items() if band.contains(i.scene_rect())}
    selected = set(scene.selected_element_ids())
    assert len(inside) >= 2 and inside <= selected


def test_alt_drag_connects_allowed_pairs_only(view: CanvasView) -> None:
    scene = view.canvas_scene
    view.fit_to_view()
    view.set_zoom(0.6)
    department = _element(view, "department")
    channel = next(i for i in scene.element_items() if i.element.kind == "channel")
    note = _element(view, "note")
    view.centerOn(department)
    view.ensureVisible(channel)
    requested: list[tuple[str, str]] = []
    refused: list[tuple[str, str]] = []
    scene.connect_requested.connect(lambda s, t: requested.append((s, t)))
    scene.connect_refused.connect(lambda s, t: refused.append((s, t)))
    start, end = on_screen(view, department), on_screen(view, channel)
    mouse(view, QEvent.Type.MouseButtonPress, start, mods=_Mods.AltModifier)
    mouse(view, QEvent.Type.MouseMove, end, buttons=Qt.MouseButton.LeftButton, mods=_Mods.AltModifier)
    assert channel.connect_hint == "current" and view.connect_tool is not None
    hinted = {i.element_id for i in scene.element_items() if i.connect_hint}
    assert all(allowed_relation_kinds("department", scene.element_item(h).element.kind) for h in hinted)
    mouse(view, QEvent.Type.MouseButtonRelease, end, mods=_Mods.AltModifier)
    assert requested == [(department.element_id, channel.element_id)]
    assert not any(i.connect_hint for i in scene.element_items())
    # connect mode, onto a note: refused
    view.set_connect_mode(True)
    view.centerOn(note)
    drag(view, on_screen(view, note), on_screen(view, department))
    assert refused == [(note.element_id, department.element_id)]
    assert len(requested) == 1


def test_palette_drop_emits_add_requested(view: CanvasView) -> None:
    added: list[tuple[str, QPointF]] = []
    view.canvas_scene.add_requested.connect(lambda kind, pos: added.append((kind, pos)))
    for kind in ("stakeholder", "nonsense"):
        mime = QMimeData()
        mime.setData(KIND_MIME, kind.encode("utf-8"))
        point = QPointF(200, 150)
        enter = QDragEnterEvent(QPoint(200, 150), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                _Mods.NoModifier)
        QApplication.sendEvent(view.viewport(), enter)
        assert enter.isAccepted()
        event = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, _Mods.NoModifier)
        QApplication.sendEvent(view.viewport(), event)
    assert len(added) == 1 and added[0][0] == "stakeholder"
    expected = view.mapToScene(QPoint(200, 150))
    assert abs(added[0][1].x() - expected.x()) < 1 and abs(added[0][1].y() - expected.y()) < 1


def test_middle_drag_pans(view: CanvasView) -> None:
    view.zoom_reset()
    h, v = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    drag(view, QPoint(500, 350), QPoint(400, 300), button=Qt.MouseButton.MiddleButton)
    assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) == (h + 100, v + 50)


def test_wheel_scrolls_and_ctrl_wheel_zooms(view: CanvasView) -> None:
    view.zoom_reset()
    zooms: list[float] = []
    view.zoom_changed.connect(zooms.append)
    v = view.verticalScrollBar().value()

    def wheel(mods: Qt.KeyboardModifier) -> None:
        pos = QPointF(300, 300)
        event = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(0, 0), QPoint(0, -120),
                            Qt.MouseButton.NoButton, mods, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(view.viewport(), event)

    wheel(_Mods.NoModifier)
    assert view.verticalScrollBar().value() > v and view.zoom() == 1.0 and zooms == []
    wheel(_Mods.ControlModifier)
    assert view.zoom() < 1.0 and zooms == [view.zoom()]


def test_context_menu_requested_with_ids(view: CanvasView) -> None:
    item = _element(view, "topic")
    requests: list[tuple[list, QPoint]] = []
    view.canvas_scene.context_menu_requested.connect(lambda ids, pos: requests.append((ids, pos)))
    pos = on_screen(view, item)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    assert requests and requests[0][0] == [item.element_id]


def test_minimap_click_pans_the_view(view: CanvasView) -> None:
    minimap = Minimap(view)
    minimap.resize(220, 160)
    minimap.refresh()
    view.zoom_reset()
    before = view.mapToScene(view.viewport().rect().center())
    frame = minimap.visible_rect()
    assert frame.width() > 0
    target = QPointF(20, 20)
    press = QMouseEvent(QEvent.Type.MouseButtonPress, target, minimap.mapToGlobal(target), Qt.MouseButton.LeftButton,
                        Qt.MouseButton.LeftButton, _Mods.NoModifier)
    QApplication.sendEvent(minimap, press)
    after = view.mapToScene(view.viewport().rect().center())
    assert after != before
    assert minimap.visible_rect().center() != frame.center()


def test_space_drag_pans_and_double_click_renames(view: CanvasView, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.zoom_reset()
    h = view.horizontalScrollBar().value()
    qtbot.keyPress(view, Qt.Key.Key_Space)
    drag(view, QPoint(500, 350), QPoint(440, 350))
    qtbot.keyRelease(view, Qt.Key.Key_Space)
    assert view.horizontalScrollBar().value() == h + 60
    assert view.canvas_scene.selected_element_ids() == []  # panning neither selected nor moved anything
    item = _element(view, "goal")
    view.centerOn(item)
    mouse(view, QEvent.Type.MouseButtonDblClick, on_screen(view, item))
    assert view.editor is not None and view.editor.text() == item.element.label
    qtbot.keyClick(view.editor, Qt.Key.Key_Escape)
    assert view.editor is None
