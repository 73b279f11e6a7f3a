"""Presentation mode: full screen, clean canvas, step through the open findings with a large caption."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from commarch.analysis import Finding

from .common import fill, severity_name, tr
from .findings_panel import rule_title

MAX_PRESENTATION_ZOOM = 2.0
NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Down}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Backspace, Qt.Key.Key_PageUp, Qt.Key.Key_Up}


class Caption(QLabel):
    """A large plain-text caption laid over the bottom of the canvas."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet("QLabel { background: rgba(27, 38, 49, 220); color: white; padding: 18px;"
                           " border-radius: 10px; }")
        font = self.font()
        font.setPointSize(max(font.pointSize(), 10) * 2)
        self.setFont(font)
        self.hide()

    def place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        width = int(parent.width() * 0.86)
        self.setFixedWidth(width)
        # a word-wrapped label does not know its height from adjustSize(); ask for the wrapped height
        self.setFixedHeight(min(self.heightForWidth(width), int(parent.height() * 0.6)))
        self.move((parent.width() - width) // 2, parent.height() - self.height() - 24)


class Presentation(QObject):
    """Drives one window's presentation. `findings` supplies the open findings when it starts.

    While active it filters key presses application-wide: arrows must step through findings, not
    nudge the selected elements on the canvas.
    """

    def __init__(self, window: Any, findings: Callable[[], list[Finding]], language: Callable[[], str],
                 show_finding: Callable[[Finding], None]):
        super().__init__(window)
        self.window = window
        self.findings_source = findings
        self.language = language
        self.show_finding = show_finding
        self.active = False
        self.findings: list[Finding] = []
        self.index = -1
        self.caption: Caption | None = None
        self._saved: dict[str, Any] = {}

    # entering and leaving --------------------------------------------------------------------
    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def enter(self) -> None:
        if self.active:
            return
        w = self.window
        self._saved = {
            "state": w.saveState(), "geometry": w.saveGeometry(), "window_state": w.windowState(),
            "menu": w.menuBar().isVisible(), "status": w.statusBar().isVisible(),
            "grid": w.app.prefs.show_grid,
            "scrollbars": (w.view.horizontalScrollBarPolicy(), w.view.verticalScrollBarPolicy()),
        }
        self.active = True
        for dock in w.findChildren(QWidget):
            if dock.metaObject().className() in ("QDockWidget", "QToolBar") and dock.parent() is w:
                dock.hide()
        w.menuBar().hide()
        w.statusBar().hide()
        w.view.set_grid(False)
        w.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        w.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        w.showFullScreen()
        self.caption = Caption(w.view)
        self.findings = [f for f in self.findings_source() if not f.waived]
        self.index = -1
        QApplication.instance().installEventFilter(self)
        if self.findings:
            self.step(1)
        else:
            w.scene.select_ids([])
            w.view.fit_to_view()
            self._show_caption(tr("No open findings. Press Esc to leave."))

    def leave(self) -> None:
        if not self.active:
            return
        QApplication.instance().removeEventFilter(self)
        self.active = False
        w, saved = self.window, self._saved
        if self.caption is not None:
            self.caption.deleteLater()
            self.caption = None
        w.setWindowState(saved["window_state"])
        w.restoreGeometry(saved["geometry"])
        w.restoreState(saved["state"])
        w.menuBar().setVisible(saved["menu"])
        w.statusBar().setVisible(saved["status"])
        w.view.set_grid(saved["grid"], w.app.prefs.grid_size)
        w.view.setHorizontalScrollBarPolicy(saved["scrollbars"][0])
        w.view.setVerticalScrollBarPolicy(saved["scrollbars"][1])
        w.scene.highlight_relations([])

    # stepping --------------------------------------------------------------------------------
    def step(self, delta: int) -> None:
        if not self.findings:
            return
        self.index = max(0, min(len(self.findings) - 1, self.index + delta))
        finding = self.findings[self.index]
        self.show_finding(finding)
        self._show_caption(self.caption_text(finding))
        self.frame(finding.subjects)

    def frame(self, ids: Any) -> None:
        """Zoom to the subjects and centre them in the canvas area above the caption."""
        view, scene = self.window.view, self.window.scene
        rect = QRectF()
        for element_id in ids:
            item = scene.element_item(element_id)
            if item is not None:
                rect = rect.united(item.scene_rect())
        if rect.isEmpty():
            return
        covered = self.caption.height() + 48 if self.caption is not None and self.caption.isVisible() else 0
        width, height = view.viewport().width(), max(80, view.viewport().height() - covered)
        zoom = min(width / (rect.width() + 120), height / (rect.height() + 120), MAX_PRESENTATION_ZOOM)
        view.set_zoom(zoom)
        view.centerOn(rect.center().x(), rect.center().y() + covered / 2 / view.zoom())

    def caption_text(self, finding: Finding) -> str:
        head = fill(tr("%1 of %2 · %3 · %4"), self.index + 1, len(self.findings), severity_name(finding.severity),
                    rule_title(finding.rule, self.language()))
        return f"{head}\n{finding.message}\n→ {finding.recommendation}"

    def _show_caption(self, text: str) -> None:
        if self.caption is not None:
            self.caption.setText(text)
            self.caption.show()
            self.caption.raise_()
            self.caption.place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if (event.type() == QEvent.Type.KeyPress and self.active and isinstance(event, QKeyEvent)
                and isinstance(watched, QWidget) and watched.window() is self.window):
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.leave()
                return True
            if key in NEXT_KEYS:
                self.step(1)
                return True
            if key in PREVIOUS_KEYS:
                self.step(-1)
                return True
        elif event.type() == QEvent.Type.Resize and watched is self.window.view and self.caption is not None:
            # after the full-screen switch the view grows: keep the caption at its bottom
            self.caption.place()
        return False
