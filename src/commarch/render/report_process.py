"""Writing a report in a child process, for the desktop app.

In a worker thread of the window the report crashed the app now and then (segmentation fault, about one
export in three in tests/gui/exports, with the code of every round so far): Qt's text layout and font
objects made by the worker were freed by garbage collections run on the window's thread. A child process
shares no Qt objects with the window; it also leaves the window's Python alone (the analysis, and for large
models the brokerage, hold the GIL for seconds). The child starts in ~1 s; a report takes seconds anyway.
In the bundle the child runs the bundle's own executable (freeze_support in packaging/commarch_entry.py;
tests/packaging/test_bundle.py checks it).
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Any

from commarch.model import CommModel

POLL_SECONDS = 0.1


def _child(conn: Any, model: CommModel, path: str, lang: str | None) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the child never shows a window
    try:
        from commarch.analysis import analyze
        from commarch.report import build_report

        from .report_export import export_report

        data = build_report(model, analyze(model, lang), lang=lang)
        answer: tuple[str, str] = ("ok", str(export_report(data, path, model)))
    except OSError as exc:
        answer = ("oserror", exc.strerror or str(exc))
    except Exception as exc:  # told to the window, which says why the report could not be made
        answer = ("error", str(exc) or type(exc).__name__)
    conn.send(answer)
    conn.close()


def write_report_in_child(model: CommModel, path: str, lang: str | None) -> str | None:
    """The written file's path; None when no child process can be made here (the caller writes the report
    itself then). OSError when the file cannot be written, RuntimeError for any other failure."""
    context = multiprocessing.get_context("spawn")  # never fork a process running Qt threads
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(send, model, path, lang), daemon=True,
                              name="commarch-report")
    try:
        process.start()
    except OSError:
        return None
    send.close()
    try:
        while not receive.poll(POLL_SECONDS):
            if not process.is_alive() and not receive.poll(0):
                raise RuntimeError(f"the report process ended unexpectedly (exit code {process.exitcode})")
        kind, value = receive.recv()
    finally:
        receive.close()
        process.join(5)
        if process.is_alive():
            process.terminate()
    if kind == "ok":
        return value
    if kind == "oserror":
        raise OSError(value)
    raise RuntimeError(value)
