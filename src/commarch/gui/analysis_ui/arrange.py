"""Arrange ▸ Auto-layout (one undoable Move; big models laid out off the UI thread) and File ▸ New from template."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from commarch.editing import Document, events
from commarch.model import CommModel

from .common import fill, tr, ui_language
from .runner import snapshot

THREAD_THRESHOLD = 300  # elements: above this a layout runs in a worker so the window stays responsive
# QT_TR_NOOP marks texts for lupdate (empty context, like tr()); tr() translates them in the menu
LAYOUT_NAMES = {"layered": QT_TR_NOOP("&Layered (departments → channels → stakeholders)"),
                "force": QT_TR_NOOP("&Force-directed"), "circular": QT_TR_NOOP("&Circular")}


class _Relay(QObject):
    done = Signal(int, str, object)


class _LayoutJob(QRunnable):
    def __init__(self, ticket: int, name: str, model: CommModel, ids: list[str] | None, relay: _Relay):
        super().__init__()
        self.ticket, self.name, self.model, self.ids, self.relay = ticket, name, model, ids, relay

    def run(self) -> None:
        from commarch.layout import auto_layout  # numpy, networkx: loaded on the first layout, not at start-up

        try:
            result: Any = auto_layout(self.model, self.name, self.ids)
        except Exception as exc:  # reported in the status bar, never a crash in a worker
            result = exc
        self.relay.done.emit(self.ticket, self.name, result)


class AutoLayout(QObject):
    """Runs a layout for a window and records the result as one Move (one undo step).

    A threaded result is dropped when the model changed while it ran (the positions would be stale).
    """

    finished = Signal(str)

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.ticket = 0
        self.running = False
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._done)
        self._doc: Document | None = None
        self._unsubscribe = lambda: None

    def target_ids(self) -> list[str] | None:
        selected = self.window.scene.selected_element_ids()
        return selected if len(selected) >= 2 else None

    def run(self, name: str) -> None:
        window = self.window
        model = window.doc.model
        ids = self.target_ids()
        if not model.elements:
            return
        self.ticket += 1
        count = len(ids) if ids is not None else len(model.elements)
        if count <= THREAD_THRESHOLD:
            from commarch.layout import auto_layout  # numpy, networkx: loaded on the first layout

            self._apply(name, auto_layout(model, name, ids))
            return
        self.running = True
        self._follow(window.doc)
        window.statusBar().showMessage(fill(tr("Arranging %1 elements…"), count))
        self.pool.start(_LayoutJob(self.ticket, name, snapshot(model), ids, self._relay))

    def _follow(self, doc: Document) -> None:
        self._unsubscribe()

        def changed(change: events.Change) -> None:
            if not isinstance(change, events.Saved):
                self.ticket += 1  # any edit makes a running layout stale

        self._unsubscribe = doc.subscribe(changed)

    def _done(self, ticket: int, name: str, result: Any) -> None:
        self.running = False
        self._unsubscribe()
        self._unsubscribe = lambda: None
        if ticket != self.ticket:
            self.window.statusBar().showMessage(tr("The model changed while arranging; nothing was moved."), 6000)
            return
        if isinstance(result, Exception):
            self.window.statusBar().showMessage(fill(tr("Auto-layout failed: %1"), result), 8000)
            return
        self._apply(name, result)

    def _apply(self, name: str, positions: dict[str, tuple[float, float]]) -> None:
        doc = self.window.doc
        changed = {i: (float(x), float(y)) for i, (x, y) in positions.items()
                   if (e := doc.get_element(i)) is not None and (float(e.x), float(e.y)) != (float(x), float(y))}
        if changed:
            self.window.controller.move(changed)
        self.window.statusBar().clearMessage()
        self.finished.emit(name)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)


def build_layout_menu(window: Any, layouts: AutoLayout) -> QMenu:
    menu = QMenu(tr("Auto-&layout"), window)
    menu.setToolTipsVisible(True)
    for name, text in LAYOUT_NAMES.items():
        action = QAction(tr(text), window)
        action.setObjectName(f"layout_{name}")
        action.setToolTip(tr("Arranges the selection (two or more elements), otherwise everything."))
        action.triggered.connect(lambda _checked=False, n=name: layouts.run(n))
        menu.addAction(action)
    return menu


def new_from_template(window: Any, name: str) -> Any:
    """Open a new window holding a fresh model built from template `name` in the UI language."""
    from commarch.templates import build_template

    model = build_template(name, ui_language(window))
    target = window.app.new_window()
    target.set_document(Document(model))
    return target


def build_template_menu(window: Any) -> QMenu:
    """File ▸ New from Template. Its entries are made when it is first opened: the templates package
    (~5–9 ms to import and list) is not needed before the window's first paint."""
    menu = QMenu(tr("New from &Template"), window)
    menu.aboutToShow.connect(lambda: fill_template_menu(window, menu))
    return menu


def fill_template_menu(window: Any, menu: QMenu) -> None:
    """One action per template (object name `template_<name>`), once."""
    if menu.actions():
        return
    from commarch.templates import list_templates

    for name, _title, _description in list_templates(ui_language(window)):
        action = QAction(window)
        action.setObjectName(f"template_{name}")
        action.triggered.connect(lambda _checked=False, n=name: new_from_template(window, n))
        menu.addAction(action)
    retranslate_template_menu(window, menu)


def retranslate_template_menu(window: Any, menu: QMenu) -> None:
    """Template titles come from the templates package (not Qt's catalogue): reset them per language."""
    if not menu.actions():
        return  # not opened yet: filled in the language of the day when it is
    from commarch.templates import list_templates

    texts = {name: (title, description) for name, title, description in list_templates(ui_language(window))}
    for action in menu.actions():
        name = action.objectName().removeprefix("template_")
        if name in texts:
            action.setText(texts[name][0])
            action.setStatusTip(texts[name][1])
