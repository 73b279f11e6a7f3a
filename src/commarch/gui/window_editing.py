"""The main window's editing commands: menu and canvas intents handed to its EditController."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from .mainwindow import MainWindow


class WindowEditing:
    """Mixed into MainWindow (whose controller, scene, view and document these use)."""

    def selected_ids(self: MainWindow) -> list[str]:
        return self.scene.selected_element_ids()

    def _selection_changed(self: MainWindow) -> None:
        elements, relations = self.scene.selected_element_ids(), self.scene.selected_relation_ids()
        self.inspector.show_selection(elements, relations)
        self.outline.select_ids(set(elements))

    def _context_menu(self: MainWindow, ids: list[str], global_pos: QPoint) -> None:
        a = self.actions_by_name
        menu = QMenu(self)
        if ids:
            menu.addActions([a["rename"], a["connect"], a["duplicate"]])
            menu.addSeparator()
            menu.addActions([a["cut"], a["copy"], a["paste"], a["delete"]])
        else:
            menu.addActions([a["paste"], a["quick_add"], a["select_all"]])
        for hook in self.context_menu_hooks:
            hook(menu, ids)
        menu.exec(global_pos)

    def _select_added(self: MainWindow, ids: list[str]) -> None:
        self.scene.select_ids(ids)

    def _palette_clicked(self: MainWindow, kind: str) -> None:
        """Add at the view centre (shifted while that spot is taken), then type the label in place."""
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        x, y = round(centre.x()), round(centre.y())
        taken = {(round(e.x), round(e.y)) for e in self.doc.model.elements}
        while (x, y) in taken:
            x, y = x + 30, y + 30
        element_id = self.controller.add_element(kind, x, y)
        if element_id is not None:
            self.view.edit_label(element_id)

    def _quick_add_accepted(self: MainWindow, kind: str, label: str, pos: QPointF) -> None:
        self.controller.add_element(kind, round(pos.x()), round(pos.y()), label=label)
        self.view.setFocus()  # keep typing on the canvas (next Ctrl+E, arrows, F2), not in a dock

    def edit_cut(self: MainWindow) -> None:
        self.controller.cut(self.selected_ids())

    def edit_copy(self: MainWindow) -> None:
        self.controller.copy(self.selected_ids())

    def edit_paste(self: MainWindow) -> None:
        pos = self.view.scene_pos_under_cursor()
        self.controller.paste((pos.x(), pos.y()) if pos is not None else None)

    def edit_duplicate(self: MainWindow) -> None:
        self.controller.duplicate(self.selected_ids())

    def edit_delete(self: MainWindow) -> None:
        self.controller.delete(self.scene.selected_element_ids(), self.scene.selected_relation_ids())

    def edit_select_all(self: MainWindow) -> None:
        self.scene.select_ids([e.id for e in self.doc.model.elements])

    def edit_rename(self: MainWindow) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.view.edit_label(ids[0])

    def edit_quick_add(self: MainWindow) -> None:
        self.quick_add.popup(self.view)

    def edit_connect_keyboard(self: MainWindow) -> None:
        self.view.start_keyboard_connect()

    def set_connect_mode(self: MainWindow, on: bool) -> None:
        self.view.set_connect_mode(on)

    def _size_of(self: MainWindow, element_id: str) -> tuple[float, float]:
        from commarch.render.style import element_size

        return element_size(self.doc.element(element_id).kind)

    def arrange_align(self: MainWindow, edge: str) -> None:
        self.controller.align(self.selected_ids(), edge, self._size_of)

    def arrange_distribute(self: MainWindow, axis: str) -> None:
        self.controller.distribute(self.selected_ids(), axis, self._size_of)

