"""What an empty main window shows at its first paint, built from Qt and the preferences alone (no model)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QDockWidget,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from commarch.render.grid import MIN_GRID_PIXELS, SCENE_MARGIN, draw_grid
from commarch.render.style import get_theme

if TYPE_CHECKING:
    from .mainwindow import MainWindow


_Area = Qt.DockWidgetArea
# Every dock of a main window, in the order of View ▸ Panels: (object name, area, starts hidden). The
# window's own ones first, then the analysis UI's (gui/analysis_ui/install.py puts their panels in).
DOCKS = (("palette", _Area.LeftDockWidgetArea, False), ("outline", _Area.LeftDockWidgetArea, False),
         ("inspector", _Area.RightDockWidgetArea, False), ("minimap", _Area.RightDockWidgetArea, False),
         ("history", _Area.RightDockWidgetArea, False), ("findings", _Area.RightDockWidgetArea, False),
         ("metrics", _Area.RightDockWidgetArea, False), ("matrices", _Area.BottomDockWidgetArea, True),
         ("find", _Area.LeftDockWidgetArea, True))


def dock_titles() -> dict[str, str]:
    """The docks' titles in the contexts they always had: the window's (its self.tr) and the analysis
    UI's (bare tr, the empty context)."""
    translate = QCoreApplication.translate
    return {"palette": translate("MainWindow", "Palette"), "outline": translate("MainWindow", "Outline"),
            "inspector": translate("MainWindow", "Properties"), "minimap": translate("MainWindow", "Overview"),
            "history": translate("MainWindow", "History"), "findings": translate("", "Findings"),
            "metrics": translate("", "Metrics"), "matrices": translate("", "Matrices"),
            "find": translate("", "Find and Filter")}


# What each panel asks for (sizeHint, minimumSizeHint), measured with the English texts and the default
# style: the docks hold stand-ins of these sizes until the panels are built, so the docks have the size at
# the first paint that the panels give them (the layout does not jump when they arrive; another language
# or style may shift it by a few pixels).
PANEL_SIZES = {"palette": ((125, 224), (125, 224)), "outline": ((264, 228), (78, 106)),
               "inspector": ((351, 242), (70, 70)), "minimap": ((220, 160), (120, 90)),
               "history": ((256, 192), (70, 70)),
               "findings": ((264, 239), (123, 121)), "metrics": ((274, 336), (68, 68))}


class _Reserve(QWidget):
    """An empty stand-in for a panel not built yet, as large as the panel will ask to be."""

    def __init__(self, hint: tuple[int, int], minimum: tuple[int, int]):
        super().__init__()
        self._hint, self._minimum = QSize(*hint), QSize(*minimum)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self._hint

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self._minimum


def fill_dock(dock: QDockWidget, panel: QWidget) -> None:
    """Put the panel in the dock, in place of the stand-in (deleted)."""
    old = dock.widget()
    dock.setWidget(panel)
    if dock.isVisible():
        panel.show()  # QDockWidget.setWidget on a visible dock leaves the widget hidden
    if isinstance(old, _Reserve):
        old.deleteLater()


def tr(text: str) -> str:
    # the analysis UI's context (bare tr calls: lupdate files them under the empty context)
    return QCoreApplication.translate("", text)


def build_docks(window: MainWindow) -> dict[str, QDockWidget]:
    """All docks, holding stand-ins; the panels go in when the window is completed. Made up front so the
    first paint already has the final layout."""
    docks: dict[str, QDockWidget] = {}
    titles = dock_titles()
    for name, area, hidden in DOCKS:
        dock = QDockWidget(titles[name], window)
        dock.setObjectName(name)
        dock.setAccessibleName(dock.windowTitle())
        window.addDockWidget(area, dock)
        window.docks_menu.addAction(dock.toggleViewAction())
        if hidden:
            dock.hide()
        if name in PANEL_SIZES:
            dock.setWidget(_Reserve(*PANEL_SIZES[name]))
        docks[name] = dock
    window.tabifyDockWidget(docks["minimap"], docks["history"])
    docks["minimap"].raise_()
    return docks


def analysis_menu(window: MainWindow) -> QMenu:
    """The (empty) Analysis menu in its place before Help; the analysis UI fills it."""
    menu = QMenu(tr("A&nalysis"), window)
    bar = window.menuBar()
    help_menu = bar.actions()[-1] if bar.actions() else None
    if help_menu is not None:
        bar.insertMenu(help_menu, menu)
    else:
        bar.addMenu(menu)
    return menu


def score_label(window: MainWindow) -> QLabel:
    label = QLabel(tr("Integration score: …"))
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName(tr("Integration score"))
    return label


def holder(widget: QWidget) -> QWidget:
    """A plain widget showing `widget` edge to edge (the canvas's place while it is being built)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    return box


class CanvasStandIn(QGraphicsView):
    """The central widget until the canvas is built: what an empty canvas paints (background and grid,
    the same scene rect, hence the same scroll bars and grid phase), nothing to interact with."""

    def __init__(self, theme: str, grid: bool, grid_size: float, parent: QWidget | None = None):
        scene = QGraphicsScene()
        # CanvasScene's rect for no elements
        scene.setSceneRect(QRectF(-SCENE_MARGIN, -SCENE_MARGIN, 2 * SCENE_MARGIN, 2 * SCENE_MARGIN))
        super().__init__(scene, parent)
        scene.setParent(self)  # goes with the stand-in
        colours = get_theme(theme)
        self.background, self.grid_colour = QColor(colours.background), QColor(colours.grid)
        self.grid, self.grid_size = grid, float(grid_size)
        self.setAccessibleName(QCoreApplication.translate("MainWindow", "Canvas"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def zoom(self) -> float:
        return self.transform().m11()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 (Qt override)
        painter.fillRect(rect, self.background)
        if self.grid and self.grid_size * self.zoom() >= MIN_GRID_PIXELS:  # as CanvasView draws it
            draw_grid(painter, rect, self.grid_size, self.grid_colour)
