"""GraphML: round trip, readable by networkx, foreign files, hostile XML refused quickly."""

from __future__ import annotations

import io
import time
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from commarch.interchange import InterchangeError, graphml_to_model, model_to_graphml
from commarch.interchange.graphml import GRAPHML_NS
from commarch.interchange.schema import ELEMENT_COLUMNS, RELATION_COLUMNS, applies

from .conftest import same_graph

NS = {"g": GRAPHML_NS}


@pytest.mark.parametrize("yed", [False, True])
def test_round_trip_keeps_everything(model, yed):
    back = graphml_to_model(model_to_graphml(model, yed=yed), "x.graphml")
    assert same_graph(back, model)
    assert back.meta == model.meta and back.rules == model.rules and back.waivers == model.waivers


@pytest.mark.parametrize("yed", [False, True])
def test_networkx_reads_kinds_labels_properties_positions(model, yed):
    graph = nx.read_graphml(io.BytesIO(model_to_graphml(model, yed=yed)))
    assert isinstance(graph, nx.DiGraph)
    assert graph.number_of_nodes() == len(model.elements)
    for element in model.elements:
        data = graph.nodes[element.id]
        assert data["kind"] == element.kind and data["label"] == element.label
        assert data["x"] == pytest.approx(element.x) and data["y"] == pytest.approx(element.y)
        for column in ELEMENT_COLUMNS[8:]:
            if applies(column, element.kind):
                assert data[column.name] == getattr(element, column.name), column.name
    edges = {d["id"]: (u, v, d) for u, v, d in graph.edges(data=True)}
    for relation in model.relations:
        u, v, data = edges[relation.id]
        assert (u, v, data["kind"]) == (relation.source, relation.target, relation.kind)
        for column in RELATION_COLUMNS[6:]:
            if applies(column, relation.kind):
                assert data[column.name] == getattr(relation, column.name)


def test_keys_are_typed_and_graph_directed(model):
    root = ET.fromstring(model_to_graphml(model))
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in root.findall("g:key", NS)}
    assert keys[("node", "kind")] == "string" and keys[("node", "x")] == "double"
    assert keys[("node", "needs_dialog")] == "boolean" and keys[("node", "influence")] == "int"
    assert keys[("edge", "role")] == "string" and keys[("edge", "cadence")] == "string"
    defaults = {k.get("attr.name"): k.findtext("g:default", namespaces=NS) for k in root.findall("g:key", NS)}
    assert defaults["priority"] == "medium" and defaults["two_way"] == "false" and defaults["interest"] == "3"
    graph = root.find("g:graph", NS)
    assert graph is not None and graph.get("edgedefault") == "directed"
    assert [e.get("id") for e in graph.findall("g:edge", NS)] == [r.id for r in model.relations]


def test_foreign_networkx_graph_is_accepted():
    graph = nx.Graph()  # undirected, some labels missing, edges without kind
    graph.add_node("marketing", kind="Department")
    graph.add_node("web", kind="channel", label="Website", two_way=True)
    graph.add_node("customers", kind="Stakeholder", priority="high", influence=4)
    graph.add_edge("web", "marketing")  # written channel->department: only the reverse fits
    graph.add_edge("web", "customers")
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer)
    model = graphml_to_model(buffer.getvalue(), "nx.graphml")
    by_id = {e.id: e for e in model.elements}
    assert by_id["marketing"].label == "marketing" and by_id["web"].label == "Website"
    assert by_id["web"].two_way is True and by_id["customers"].influence == 4
    assert sorted((r.kind, r.source, r.target) for r in model.relations) == [
        ("operates", "marketing", "web"), ("reaches", "web", "customers")]


def test_bad_nodes_and_edges_are_reported_with_lines():
    data = b"""<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k" for="node" attr.name="kind" attr.type="string"/>
  <key id="p" for="node" attr.name="priority" attr.type="string"/>
  <key id="ek" for="edge" attr.name="kind" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="s1"><data key="k">stakeholder</data><data key="p">urgent</data></node>
    <node id="x"><data key="k">gadget</data></node>
    <node id="c1"><data key="k">channel</data></node>
    <edge id="e1" source="s1" target="c1"><data key="ek">reaches</data></edge>
  </graph>
</graphml>"""
    with pytest.raises(InterchangeError) as info:
        graphml_to_model(data, "bad.graphml")
    lines = info.value.lines()
    assert ("bad.graphml: node 's1' (line 7): priority: must be one of high, medium, low (got 'urgent')"
            in lines)
    assert any(line.startswith("bad.graphml: node 'x' (line 8): kind: must be one of") for line in lines)
    edge = "bad.graphml: edge 'e1' (line 10): 'reaches' cannot connect"
    assert any(line.startswith(edge) for line in lines)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">
<node id="n"><data key="label">&lol9;</data></node></graph></graphml>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph><node id="&xxe;"/></graph></graphml>"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "external-entity"])
def test_hostile_xml_is_refused_quickly(data):
    start = time.perf_counter()
    with pytest.raises(InterchangeError) as info:
        graphml_to_model(data, "evil.graphml")
    assert time.perf_counter() - start < 1.0
    assert info.value.lines() == [
        "evil.graphml: contains a DTD (<!DOCTYPE ...>); GraphML with DTDs or entity declarations is "
        "refused for safety"]


@pytest.mark.parametrize("data, reason", [
    (b"<graphml", "is not well-formed XML"),
    (b"<html/>", "is not GraphML"),
    (b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"/>', "has no <graph>"),
    (b"", "is not well-formed XML"),
])
def test_broken_files_get_one_clear_line(data, reason):
    with pytest.raises(InterchangeError) as info:
        graphml_to_model(data, "b.graphml")
    assert len(info.value.lines()) == 1 and reason in info.value.lines()[0]


def test_control_characters_do_not_break_the_xml():
    from commarch.model import CommModel, Topic

    model = CommModel(elements=[Topic(id="t", label="bell\x07here", notes="cr\rlf\r\n")], relations=[])
    back = graphml_to_model(model_to_graphml(model))
    assert back.elements[0].label == "bell\ufffdhere"  # XML 1.0 cannot hold U+0007 at all
    assert back.elements[0].notes == "cr\rlf\r\n"
