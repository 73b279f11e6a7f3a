"""Tests of commarch.diff and `commarch diff`."""
