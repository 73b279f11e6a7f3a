"""The canvas: a QGraphicsScene projecting the Document, its view (zoom, pan, grid) and a minimap."""

from .items import CanvasContext, ElementItem, RelationItem
from .keys import FINE_STEP, NUDGE_STEP
from .minimap import Minimap
from .scene import CanvasScene
from .view import KIND_MIME, CanvasView

__all__ = ["CanvasContext", "CanvasScene", "CanvasView", "ElementItem", "FINE_STEP", "KIND_MIME", "Minimap",
           "NUDGE_STEP", "RelationItem"]
