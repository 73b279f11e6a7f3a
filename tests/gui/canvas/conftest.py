"""Fixtures for canvas tests: the as-is example in a Document, a scene and a shown view (offscreen)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from commarch.editing.document import Document
from commarch.gui.canvas import CanvasScene, CanvasView

EXAMPLE = Path(__file__).resolve().parents[3] / "resources" / "examples" / "avantgarde-as-is.comm"


@pytest.fixture
def doc() -> Document:
    return Document.open(EXAMPLE)


@pytest.fixture
def scene(qapp: object, doc: Document) -> Iterator[CanvasScene]:
    scene = CanvasScene(doc)
    yield scene
    scene.close()


@pytest.fixture
def view(qtbot: object, scene: CanvasScene) -> CanvasView:
    view = CanvasView(scene)
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)  # type: ignore[attr-defined]
    return view
