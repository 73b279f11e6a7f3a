"""Shared output helpers for the subcommands: error lines and reading models."""

from __future__ import annotations

import sys

from commarch.fileformat import CommFileError, load
from commarch.model import CommModel


def error(message: str) -> None:
    """One line on stderr: `commarch: message`."""
    print(f"commarch: {message}", file=sys.stderr)


def report_file_error(exc: CommFileError) -> None:
    for line in exc.lines():
        error(line)


def load_or_report(path: str) -> CommModel | None:
    """The model in `path`, or None after printing every problem (one line each) to stderr."""
    try:
        return load(path)
    except CommFileError as exc:
        report_file_error(exc)
        return None
