"""Dock widgets of the main window: palette, outline, inspector."""
