"""Tests of the auto-layouts."""
