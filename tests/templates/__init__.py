"""Tests of the starting templates and the new/templates commands."""
