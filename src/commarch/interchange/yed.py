"""Optional yFiles graphics in GraphML `<data>`, so yEd opens the file with shapes, labels and positions."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any, Final

from .schema import xml_text

Y_NS: Final = "http://www.yworks.com/xml/graphml"
NODE_WIDTH, NODE_HEIGHT = 160.0, 60.0
# Okabe-Ito colours (colour-blind safe), one per kind; an element's own `color` wins.
KIND_FILL: Final = {"department": "#E69F00", "channel": "#56B4E9", "stakeholder": "#009E73",
                    "goal": "#F0E442", "topic": "#CC79A7", "note": "#EEEEEE"}
KIND_SHAPE: Final = {"department": "rectangle", "channel": "roundrectangle", "stakeholder": "ellipse",
                     "goal": "hexagon", "topic": "octagon", "note": "rectangle"}
_NODE_KEY, _EDGE_KEY = "n_yed_graphics", "e_yed_graphics"


def yed_root_attributes() -> dict[str, str]:
    return {"xmlns:y": Y_NS}


def add_yed_keys(root: ET.Element) -> None:
    ET.SubElement(root, "key", {"id": _NODE_KEY, "for": "node", "yfiles.type": "nodegraphics"})
    ET.SubElement(root, "key", {"id": _EDGE_KEY, "for": "edge", "yfiles.type": "edgegraphics"})


def add_yed_node(node: ET.Element, element: Any) -> None:
    data = ET.SubElement(node, "data", {"key": _NODE_KEY})
    shape = ET.SubElement(data, "y:ShapeNode")
    # yEd positions the top-left corner; the model stores the centre.
    ET.SubElement(shape, "y:Geometry", {"x": _num(element.x - NODE_WIDTH / 2),
                                        "y": _num(element.y - NODE_HEIGHT / 2),
                                        "width": _num(NODE_WIDTH), "height": _num(NODE_HEIGHT)})
    ET.SubElement(shape, "y:Fill", {"color": element.color or KIND_FILL.get(element.kind, "#FFFFFF"),
                                    "transparent": "false"})
    ET.SubElement(shape, "y:BorderStyle", {"color": "#333333", "type": "line", "width": "1.0"})
    label = ET.SubElement(shape, "y:NodeLabel", {"autoSizePolicy": "node_width", "modelName": "internal",
                                                 "modelPosition": "c"})
    label.text = xml_text(element.label)
    ET.SubElement(shape, "y:Shape", {"type": KIND_SHAPE.get(element.kind, "rectangle")})


def add_yed_edge(edge: ET.Element, relation: Any) -> None:
    data = ET.SubElement(edge, "data", {"key": _EDGE_KEY})
    line = ET.SubElement(data, "y:PolyLineEdge")
    ET.SubElement(line, "y:LineStyle", {"color": "#555555", "type": "line", "width": "1.0"})
    target_arrow = "none" if relation.kind == "coordinates" else "standard"  # symmetric in meaning
    ET.SubElement(line, "y:Arrows", {"source": "none", "target": target_arrow})
    ET.SubElement(line, "y:EdgeLabel").text = xml_text(relation.label or relation.kind.replace("_", " "))


def _num(value: float) -> str:
    return repr(float(value))


def yed_geometry_centre(node: ET.Element, tag: str) -> tuple[float, float] | None:
    """The centre of a yEd node's Geometry (for importing files yEd wrote), if it has one."""
    for geometry in node.iter(f"{{{Y_NS}}}{tag}"):
        try:
            x, y = float(geometry.get("x", "")), float(geometry.get("y", ""))
            w, h = float(geometry.get("width", "0")), float(geometry.get("height", "0"))
        except ValueError:
            return None
        return x + w / 2, y + h / 2
    return None


def yed_label(node: ET.Element) -> str | None:
    for label in node.iter(f"{{{Y_NS}}}NodeLabel"):
        if label.text and label.text.strip():
            return label.text.strip()
    return None
