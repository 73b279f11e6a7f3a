"""Small shared helpers of the analysis UI: translation, UI language, severity names and colours."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from commarch.render.style import badge_color, get_theme

if TYPE_CHECKING:
    from commarch.gui.mainwindow import MainWindow

CONTEXT = ""  # bare tr() calls: lupdate files them under the empty context
SEVERITY_ORDER = ("error", "warning", "info")


def tr(text: str) -> str:
    """Translate `text` in this package's context (Qt's tr mechanism; lupdate finds the calls)."""
    return QCoreApplication.translate(CONTEXT, text)


def fill(text: str, *values: object) -> str:
    """Replace %1, %2 … in a translated text (done by hand: labels may contain '%')."""
    for number in range(len(values), 0, -1):  # %10 before %1
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


def ui_language(window: MainWindow | Any) -> str:
    """'de' or 'en': the language the UI is shown in (findings are read by the user)."""
    from ..i18n import current_language

    return current_language()


def severity_name(severity: str) -> str:
    return {"error": tr("Error"), "warning": tr("Warning"), "info": tr("Info")}.get(severity, severity)


def severity_heading(severity: str) -> str:
    return {"error": tr("Errors"), "warning": tr("Warnings"), "info": tr("Notes")}.get(severity, severity)


def severity_color(severity: str, theme: str = "light") -> QColor:
    return QColor(badge_color(severity, get_theme(theme)))


def element_label(model: Any, element_id: str, labels: dict[str, str] | None = None) -> str:
    if labels is not None:
        return labels.get(element_id, element_id)
    for element in model.elements:
        if element.id == element_id:
            return str(element.label)
    return element_id
