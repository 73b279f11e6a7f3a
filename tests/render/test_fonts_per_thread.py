"""Cached fonts (and label layouts, which hold one) are per thread: copies of a QFont share private data
whose font engine Qt swaps, unsynchronised, when the font is used in another thread. A report written in a
worker thread with the canvas's cached fonts crashed the app while the UI thread's garbage collector ran."""

from __future__ import annotations

import threading

from PySide6.QtCore import QRectF

from commarch.render import labels, report_flow


def _in_thread(func):
    out = []
    thread = threading.Thread(target=lambda: out.append(func()))
    thread.start()
    thread.join()
    return out[0]


def test_label_fonts_and_layouts_are_per_thread(qapp) -> None:
    here = labels._font(14, False, False)
    assert labels._font(14, False, False) is here  # cached within a thread
    there = _in_thread(lambda: labels._font(14, False, False))
    assert there is not here and there == here  # the same font, not the same object
    box = QRectF(0, 0, 160, 50)
    layout = labels.layout_label("Kunden und Presse", box)
    assert labels.layout_label("Kunden und Presse", box) is layout
    other = _in_thread(lambda: labels.layout_label("Kunden und Presse", box))
    assert other is not layout and other.text == layout.text and other.font is not layout.font


def test_report_fonts_are_per_thread(qapp) -> None:
    here = report_flow._font(10, True, False)
    assert report_flow._font(10, True, False) is here
    assert _in_thread(lambda: report_flow._font(10, True, False)) is not here
    metrics = report_flow._metrics(10, True, False)
    assert _in_thread(lambda: report_flow._metrics(10, True, False)) is not metrics
