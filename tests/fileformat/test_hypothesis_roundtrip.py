"""Property: any valid model (unicode labels, extreme numbers, unknown keys) survives a round trip."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commarch.fileformat import dumps, loads
from commarch.model import RELATION_TABLE

KINDS = ["stakeholder", "channel", "department", "goal", "topic", "note"]
ids = st.from_regex(r"[A-Za-z0-9_.:-]{1,12}", fullmatch=True)
# printable unicode without lone surrogates (which JSON can carry but UTF-8 cannot)
labels = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=200)
numbers = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
)
unknown = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=5)),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=6,
)
EXTRA = {
    "stakeholder": {"priority": st.sampled_from(["high", "medium", "low"]), "needs_dialog": st.booleans(),
                    "internal": st.booleans(), "influence": st.integers(1, 5), "interest": st.integers(1, 5)},
    "channel": {"channel_type": st.sampled_from(["social", "owned", "paid", "earned", "event", "personal",
                                                 "service", "print"]),
                "platform": st.text(max_size=20), "two_way": st.booleans()},
    "department": {"function": st.sampled_from(["pr", "marketing", "hr", "other"]), "coordinator": st.booleans()},
    "goal": {"kpi": st.text(max_size=20)},
    "topic": {},
    "note": {},
}


@st.composite
def documents(draw: st.DrawFn) -> dict:
    element_ids = draw(st.lists(ids, min_size=0, max_size=12, unique=True))
    elements = []
    for element_id in element_ids:
        kind = draw(st.sampled_from(KINDS))
        element = {"id": element_id, "kind": kind, "label": draw(labels), "x": draw(numbers), "y": draw(numbers)}
        for key, strategy in EXTRA[kind].items():
            if draw(st.booleans()):
                element[key] = draw(strategy)
        if draw(st.booleans()):
            element["tags"] = draw(st.lists(st.text(max_size=8), max_size=3))
        if draw(st.integers(0, 5)) == 0:
            element["x-unknown"] = draw(unknown)
        elements.append(element)
    relations = []
    used = set(element_ids)
    pairs = set()
    kinds = {e["id"]: e["kind"] for e in elements}
    for _ in range(draw(st.integers(0, 15))):
        if len(element_ids) < 2:
            break
        source, target = draw(st.sampled_from(element_ids)), draw(st.sampled_from(element_ids))
        options = [k for k, (s, t) in RELATION_TABLE.items() if kinds[source] in s and kinds[target] in t]
        if source == target or not options:
            continue
        kind = draw(st.sampled_from(options))
        key = (kind, *sorted((source, target))) if kind == "coordinates" else (kind, source, target)
        rel_id = "r" + str(len(relations)) + "_"
        if key in pairs or rel_id in used:
            continue
        pairs.add(key)
        relations.append({"id": rel_id, "kind": kind, "source": source, "target": target})
    doc = {"format": "comm", "version": 1, "elements": elements, "relations": relations}
    if draw(st.booleans()):
        doc["meta"] = {"title": draw(labels), "language": draw(st.sampled_from(["de", "en"]))}
    if draw(st.booleans()):
        doc["x-top"] = draw(unknown)
    return doc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_documents_round_trip(doc: dict) -> None:
    data = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    model = loads(data)
    text = dumps(model)
    assert json.loads(text) == doc
    again = dumps(loads(text.encode("utf-8")))
    assert again == text
