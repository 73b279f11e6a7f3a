"""GraphML export: typed `<key>`s for kind, label, position and every property (yEd, Gephi, networkx)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET  # writing only; reading untrusted XML goes through defusedxml
from typing import Any, Final

from commarch.model import CommModel

from .schema import ELEMENT_COLUMNS, RELATION_COLUMNS, Column, applies, format_value, xml_text
from .yed import add_yed_edge, add_yed_keys, add_yed_node, yed_root_attributes

GRAPHML_NS: Final = "http://graphml.graphdrawing.org/xmlns"
XSI_NS: Final = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION: Final = f"{GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
META_KEYS: Final = ("title", "client", "author", "created", "modified", "language", "description")
# Document parts GraphML has no place for travel as JSON text in graph-level keys.
JSON_GRAPH_KEYS: Final = {"rules": "commarch_rules", "waivers": "commarch_waivers"}


def _key_id(domain: str, name: str) -> str:
    return f"{domain[0]}_{name}"


def _add_key(root: ET.Element, domain: str, column: Column | None, name: str, type_: str = "string") -> None:
    key = ET.SubElement(root, "key", {"id": _key_id(domain, name), "for": domain, "attr.name": name,
                                      "attr.type": column.type if column else type_})
    default = format_value(column, column.default) if column is not None else ""
    if default:  # an empty <default/> reads back as the text "None" in networkx
        ET.SubElement(key, "default").text = default


def _data(parent: ET.Element, domain: str, name: str, text: str) -> None:
    ET.SubElement(parent, "data", {"key": _key_id(domain, name)}).text = xml_text(text)


def _columns_written(columns: tuple[Column, ...], skip: tuple[str, ...]) -> list[Column]:
    return [c for c in columns if c.name not in skip]


NODE_COLUMNS: Final = _columns_written(ELEMENT_COLUMNS, ("id",))
EDGE_COLUMNS: Final = _columns_written(RELATION_COLUMNS, ("id", "source", "target"))


def model_to_graphml(model: CommModel, yed: bool = False) -> bytes:
    """The model as a directed GraphML graph: node ids = element ids, edge ids = relation ids.

    With `yed`, nodes and edges also carry yFiles graphics (shape, position, label) so yEd shows the
    diagram at once; plain GraphML (the default) validates against the GraphML schema.
    """
    attrs = {"xmlns": GRAPHML_NS, "xmlns:xsi": XSI_NS, "xsi:schemaLocation": SCHEMA_LOCATION}
    if yed:
        attrs.update(yed_root_attributes())
    root = ET.Element("graphml", attrs)
    # GraphML wants every <key> before the <graph>.
    for name in META_KEYS:
        _add_key(root, "graph", None, name)
    for name in JSON_GRAPH_KEYS.values():
        _add_key(root, "graph", None, name)
    for column in NODE_COLUMNS:
        _add_key(root, "node", column, column.name)
    for column in EDGE_COLUMNS:
        _add_key(root, "edge", column, column.name)
    if yed:
        add_yed_keys(root)
    graph = ET.SubElement(root, "graph", {"id": "G", "edgedefault": "directed"})
    _graph_data(graph, model)
    for element in model.elements:
        node = ET.SubElement(graph, "node", {"id": element.id})
        if yed:  # before x/y: networkx reads yFiles geometry into x/y, and ours (the centre) must win
            add_yed_node(node, element)
        _object_data(node, "node", element, NODE_COLUMNS)
    for relation in model.relations:
        edge = ET.SubElement(graph, "edge", {"id": relation.id, "source": relation.source,
                                             "target": relation.target})
        if yed:
            add_yed_edge(edge, relation)
        _object_data(edge, "edge", relation, EDGE_COLUMNS)
    ET.indent(root, space="  ")
    text = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    # Text content may hold CR, which parsers would fold into LF: keep it as a character reference.
    text = text.replace("\r", "&#13;")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")


def _graph_data(graph: ET.Element, model: CommModel) -> None:
    meta = model.meta.model_dump(exclude_none=True) if model.meta else {}
    for name in META_KEYS:
        if meta.get(name):
            _data(graph, "graph", name, str(meta[name]))
    dumped = model.model_dump(exclude_unset=True, include=set(JSON_GRAPH_KEYS), warnings=False)
    for field, key in JSON_GRAPH_KEYS.items():
        if dumped.get(field) is not None:
            _data(graph, "graph", key, json.dumps(dumped[field], ensure_ascii=False, sort_keys=True))


def _object_data(parent: ET.Element, domain: str, obj: Any, columns: list[Column]) -> None:
    # Every property of the object's kind is written, defaults included, so tools that ignore <default>
    # (networkx) still see it; properties of other kinds are left out.
    for column in columns:
        if not applies(column, obj.kind):
            continue
        value = getattr(obj, column.name, None)
        if value is None:
            continue
        _data(parent, domain, column.name, format_value(column, value))
