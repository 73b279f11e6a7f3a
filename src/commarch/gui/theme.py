"""Light or dark: the preference, or the system's colour scheme when it says 'system'."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette


def system_is_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if scheme is not None:
        value = scheme()
        if value == Qt.ColorScheme.Dark:
            return True
        if value == Qt.ColorScheme.Light:
            return False
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def resolve_theme(preference: str) -> str:
    """'light' or 'dark' for the canvas and exports."""
    if preference in ("light", "dark"):
        return preference
    return "dark" if system_is_dark() else "light"


def apply_app_theme(preference: str) -> str:
    """Colour the widgets to match: a dark Fusion palette for 'dark', the platform's own look otherwise.

    'system' leaves the platform style alone (Windows 11 and macOS follow their own dark mode);
    an explicit 'light' on a dark system gets Fusion's light palette. Returns the canvas theme.
    """
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QApplication, QStyleFactory

    app = QApplication.instance()
    resolved = resolve_theme(preference)
    if not isinstance(app, QApplication):
        return resolved
    if preference == "system":
        return resolved
    app.setStyle(QStyleFactory.create("Fusion"))
    if resolved == "light":
        app.setPalette(app.style().standardPalette())
        return resolved
    palette = QPalette()
    role = QPalette.ColorRole
    colours = {
        role.Window: "#262B31", role.WindowText: "#E8ECF0", role.Base: "#1E2227", role.AlternateBase: "#2C323A",
        role.ToolTipBase: "#2C323A", role.ToolTipText: "#E8ECF0", role.Text: "#E8ECF0", role.Button: "#2C323A",
        role.ButtonText: "#E8ECF0", role.BrightText: "#F07A3A", role.Link: "#56B4E9", role.Highlight: "#0072B2",
        role.HighlightedText: "#FFFFFF", role.PlaceholderText: "#8C97A3",
    }
    for colour_role, value in colours.items():
        palette.setColor(colour_role, QColor(value))
    for colour_role in (role.Text, role.ButtonText, role.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, colour_role, QColor("#6B7580"))
    app.setPalette(palette)
    return resolved
