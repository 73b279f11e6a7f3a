"""Tests for commarch.interchange (CSV, GraphML, matrices, file names, CLI)."""
