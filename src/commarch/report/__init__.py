"""commarch.report (in progress)."""
