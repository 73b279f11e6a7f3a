"""commarch.gui (in progress)."""
