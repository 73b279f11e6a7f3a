"""GraphML import: defused parsing (no DTDs, no entities), keys mapped back by attr.name, model validation."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

from commarch.model import ELEMENT_KINDS, CommModel, Problem, allowed_relation_kinds

from .build import build_model, place_missing, raw_document
from .csvread import MAX_BYTES, read_bytes
from .errors import InterchangeError, ProblemList
from .graphml import GRAPHML_NS, JSON_GRAPH_KEYS, META_KEYS
from .schema import (
    ELEMENT_COLUMNS,
    ELEMENT_KIND_ALIASES,
    RELATION_COLUMNS,
    RELATION_KIND_ALIASES,
    Column,
    applies,
    normalise_kind,
    parse_value,
)
from .yed import yed_geometry_centre, yed_label


@dataclass(frozen=True, slots=True)
class _Key:
    domain: str
    name: str
    default: str | None


class _LineTarget:
    """Tree builder that remembers the line each element starts on, for messages."""

    def __init__(self) -> None:
        self.builder = ET.TreeBuilder()
        self.lines: dict[int, int] = {}
        self.parser: Any = None

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        element = self.builder.start(tag, attrs)
        self.lines[id(element)] = self.parser.parser.CurrentLineNumber
        return element

    def end(self, tag: str) -> ET.Element:
        return self.builder.end(tag)

    def data(self, text: str) -> None:
        self.builder.data(text)

    def close(self) -> ET.Element:
        return self.builder.close()


def _parse(data: bytes, name: str) -> tuple[ET.Element, dict[int, int]]:
    target = _LineTarget()
    parser = DefusedXMLParser(target=target, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    target.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except DTDForbidden:
        raise _refused(name, "contains a DTD (<!DOCTYPE ...>); GraphML with DTDs or entity declarations "
                             "is refused for safety") from None
    except EntitiesForbidden:
        raise _refused(name, "declares XML entities; refused for safety (entity expansion attacks)") from None
    except ExternalReferenceForbidden:
        raise _refused(name, "refers to an external entity; refused for safety") from None
    except DefusedXmlException as exc:
        raise _refused(name, f"refused for safety: {exc}") from None
    except SyntaxError as exc:  # expat's ParseError
        raise _refused(name, f"is not well-formed XML: {exc}") from None
    return root, target.lines


def _refused(name: str, reason: str) -> InterchangeError:
    return InterchangeError(name, [Problem("", reason)])


def _local(tag: str) -> str | None:
    """The GraphML local name of `tag` (namespaced or not); None for foreign elements such as yFiles."""
    if tag.startswith(f"{{{GRAPHML_NS}}}"):
        return tag[len(GRAPHML_NS) + 2:]
    return None if tag.startswith("{") else tag


def _children(parent: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in parent if _local(child.tag) == name]


def load_graphml(path: str) -> CommModel:
    name = os.fspath(path)
    return graphml_to_model(read_bytes(name), name)


def graphml_to_model(data: bytes, name: str = "<memory>") -> CommModel:
    """Build a model from GraphML bytes; raises InterchangeError naming every bad node/edge and its line."""
    if len(data) > MAX_BYTES:
        raise _refused(name, f"is larger than {MAX_BYTES // (1024 * 1024)} MiB")
    root, lines = _parse(data, name)
    if _local(root.tag) != "graphml":
        raise _refused(name, f"is not GraphML (the root element is <{root.tag}>)")
    graphs = _children(root, "graph")
    if not graphs:
        raise _refused(name, "has no <graph>")
    reader = _Reader(name, lines, _keys(root), graphs[0].get("edgedefault", "directed") == "undirected")
    return reader.read(graphs[0])


def _keys(root: ET.Element) -> dict[str, _Key]:
    keys = {}
    for key in _children(root, "key"):
        key_id = key.get("id", "")
        defaults = _children(key, "default")
        default = (defaults[0].text or "") if defaults else None
        keys[key_id] = _Key(key.get("for", "all"), key.get("attr.name") or key_id, default)
    return keys


class _Reader:
    def __init__(self, name: str, lines: dict[int, int], keys: dict[str, _Key], undirected: bool):
        self.name = name
        self.lines = lines
        self.keys = keys
        self.undirected = undirected
        self.problems = ProblemList()
        self.where: dict[str, list[str]] = {"elements": [], "relations": []}
        self.kinds: dict[str, str] = {}
        self.broken: set[str] = set()

    def _at(self, what: str, ident: str, element: ET.Element) -> str:
        return f"{what} {ident!r} (line {self.lines.get(id(element), 0)})"

    def _data(self, obj: ET.Element, domain: str) -> dict[str, str]:
        values = {k.name: k.default for k in self.keys.values()
                  if k.domain in (domain, "all") and k.default is not None}
        for data in _children(obj, "data"):
            key = self.keys.get(data.get("key", ""))
            if key is None or key.domain not in (domain, "all") or len(data):
                continue  # unknown key, or structured content such as yFiles graphics
            values[key.name] = data.text or ""
        return values

    def _typed(self, where: str, values: dict[str, str], columns: tuple[Column, ...],
               kind: str, skip: tuple[str, ...]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for column in columns:
            text = values.get(column.name)
            if column.name in skip or not text or not applies(column, kind):
                continue  # absent or empty: unset (the default); other kinds' properties are ignored
            try:
                out[column.name] = parse_value(column, text)
            except ValueError as exc:
                self.problems.add(self.name, f"{where}: {column.name}", str(exc))
        return out

    def read(self, graph: ET.Element) -> CommModel:
        elements = [e for e in (self._node(n) for n in graph.iter() if _local(n.tag) == "node") if e]
        place_missing(elements)
        edges = [e for e in graph.iter() if _local(e.tag) == "edge"]
        taken = set(self.kinds) | {e.get("id", "") for e in edges}
        counter = 0
        relations = []
        for edge in edges:
            relation = self._edge(edge)
            if relation is None:
                continue
            while not relation.get("id"):
                counter += 1
                relation["id"] = f"r{counter}" if f"r{counter}" not in taken else ""
            relations.append(relation)
        # Earlier problems are kept: the model check still runs, so every problem is reported at once.
        doc = raw_document(elements, relations, self._graph_data(graph))
        return build_model(doc, self.name, lambda part, i: (self.name, self.where[part][i]), self.problems)

    def _node(self, node: ET.Element) -> dict[str, Any] | None:
        node_id = node.get("id", "")
        where = self._at("node", node_id, node)
        values = self._data(node, "node")
        kind = normalise_kind(values.get("kind", ""), ELEMENT_KIND_ALIASES)
        if kind is None:
            got = values.get("kind")
            self.problems.add(self.name, f"{where}: kind", f"must be one of {', '.join(ELEMENT_KINDS)}"
                              + (f" (got {got!r})" if got else " (no 'kind' attribute)"))
            self.broken.add(node_id)
            return None
        label = values.get("label") or yed_label(node) or node_id
        item: dict[str, Any] = {"id": node_id, "kind": kind, "label": label}
        item.update(self._typed(where, values, ELEMENT_COLUMNS, kind, ("id", "kind", "label")))
        if "x" not in item and "y" not in item:
            centre = yed_geometry_centre(node, "Geometry")  # a file yEd wrote keeps positions there
            if centre is not None:
                item["x"], item["y"] = centre
        self.where["elements"].append(where)
        self.kinds.setdefault(node_id, kind)
        return item

    def _edge(self, edge: ET.Element) -> dict[str, Any] | None:
        source, target = edge.get("source", ""), edge.get("target", "")
        if source in self.broken or target in self.broken:
            return None  # the node was reported already
        where = self._at("edge", edge.get("id") or f"{source}->{target}", edge)
        values = self._data(edge, "edge")
        kind_text = values.get("kind", "")
        kind = normalise_kind(kind_text, RELATION_KIND_ALIASES)
        if not kind_text and source in self.kinds and target in self.kinds:
            kind = self._infer(source, target)
            if kind is None and self.undirected and self._infer(target, source):
                source, target = target, source  # an undirected edge may be read either way
                kind = self._infer(source, target)
        if kind is None:
            self.problems.add(self.name, f"{where}: kind", f"must be a relation kind (got {kind_text!r})"
                              if kind_text else "is required (no relation kind fits these endpoints)")
            return None
        item: dict[str, Any] = {"id": edge.get("id", ""), "kind": kind, "source": source, "target": target}
        item.update(self._typed(where, values, RELATION_COLUMNS, kind, ("id", "kind", "source", "target")))
        self.where["relations"].append(where)
        return item

    def _infer(self, source: str, target: str) -> str | None:
        fitting = allowed_relation_kinds(self.kinds[source], self.kinds[target])
        return fitting[0] if len(fitting) == 1 else None

    def _graph_data(self, graph: ET.Element) -> dict[str, Any]:
        values = self._data(graph, "graph")
        extra: dict[str, Any] = {}
        meta = {k: values[k] for k in META_KEYS if values.get(k)}
        if meta:
            extra["meta"] = meta
        for field, key in JSON_GRAPH_KEYS.items():
            if values.get(key):
                try:
                    extra[field] = json.loads(values[key])
                except ValueError as exc:
                    self.problems.add(self.name, f"graph: {key}", f"is not valid JSON ({exc})")
        return extra
