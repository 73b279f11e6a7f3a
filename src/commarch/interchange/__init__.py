"""commarch.interchange (in progress)."""
