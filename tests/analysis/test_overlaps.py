"""Overlap rules: each fires on a minimal model and stays silent on its nearest miss."""

from __future__ import annotations

from commarch.analysis import find

from .builders import chan, dept, el, hits, model, rel, sh


def _audience(departments=("d1", "d2"), extra=(), relations=()):  # type: ignore[no-untyped-def]
    """Each department runs its own channel, every channel reaches s."""
    elements = [sh("s"), *extra]
    relations = list(relations)
    for d in departments:
        elements += [dept(d), chan(f"c-{d}")]
        relations += [rel("operates", d, f"c-{d}"), rel("reaches", f"c-{d}", "s")]
    return model(elements, relations)


def test_parallel_fires_for_two_uncoordinated_departments() -> None:
    assert hits(_audience(), "OVL-PARALLEL") == [("s", "d1", "d2")]


def test_parallel_nearest_miss_coordinator_hub_between_them() -> None:
    hub = dept("hub", coordinator=True)
    m = _audience(extra=[hub], relations=[rel("coordinates", "hub", "d1"), rel("coordinates", "d2", "hub")])
    assert hits(m, "OVL-PARALLEL") == []


def test_parallel_hub_must_be_a_coordinator() -> None:
    m = _audience(extra=[dept("hub")],
                  relations=[rel("coordinates", "hub", "d1"), rel("coordinates", "hub", "d2")])
    assert hits(m, "OVL-PARALLEL") == [("s", "d1", "d2")]


def test_parallel_coordination_is_not_transitive_without_a_hub() -> None:
    # d1-d2 and d2-d3 coordinate; d1-d3 do not (d2 is no coordinator)
    m = _audience(("d1", "d2", "d3"),
                  relations=[rel("coordinates", "d1", "d2"), rel("coordinates", "d3", "d2")])
    findings = [f for f in find(m, "en") if f.rule == "OVL-PARALLEL"]
    assert [f.subjects for f in findings] == [("s", "d1", "d3")]
    assert "\u201cd1\u201d with \u201cd3\u201d" in findings[0].message


def test_parallel_coordinates_is_symmetric() -> None:
    for source, target in (("d1", "d2"), ("d2", "d1")):
        assert hits(_audience(relations=[rel("coordinates", source, target)]), "OVL-PARALLEL") == []


def test_parallel_subjects_only_departments_in_uncoordinated_pairs() -> None:
    # d1, d2 coordinated; d3 coordinated with nobody -> pairs (d1,d3), (d2,d3)
    m = _audience(("d3", "d1", "d2"), relations=[rel("coordinates", "d1", "d2")])
    assert hits(m, "OVL-PARALLEL") == [("s", "d1", "d2", "d3")]
    m = _audience(("d1", "d2", "d3", "d4"), relations=[rel("coordinates", "d1", "d2"),
                                                        rel("coordinates", "d1", "d3"),
                                                        rel("coordinates", "d2", "d3")])
    assert hits(m, "OVL-PARALLEL") == [("s", "d1", "d2", "d3", "d4")]


def test_parallel_shared_channel_counts_its_operators() -> None:
    m = model([dept("d1"), dept("d2"), chan("c"), sh("s")],
              [rel("operates", "d1", "c"), rel("operates", "d2", "c", role="contributor"),
               rel("reaches", "c", "s")])
    assert hits(m, "OVL-PARALLEL") == [("s", "d1", "d2")]


def _shared(*roles):  # type: ignore[no-untyped-def]
    elements = [chan("c")] + [dept(f"d{i}") for i in range(len(roles))]
    relations = [rel("operates", f"d{i}", "c", **({"role": r} if r else {})) for i, r in enumerate(roles)]
    return model(elements, relations)


def test_shared_channel_two_leads_and_role_default_is_lead() -> None:
    assert hits(_shared("lead", None), "OVL-SHARED-CHANNEL") == [("c", "d0", "d1")]
    assert hits(_shared(None, None), "OVL-SHARED-CHANNEL") == [("c", "d0", "d1")]


def test_shared_channel_no_lead() -> None:
    assert hits(_shared("contributor", "contributor", "contributor"), "OVL-SHARED-CHANNEL") == [
        ("c", "d0", "d1", "d2")]


def test_shared_channel_nearest_misses() -> None:
    assert hits(_shared(None, "contributor"), "OVL-SHARED-CHANNEL") == []  # default lead + contributor
    assert hits(_shared("contributor"), "OVL-SHARED-CHANNEL") == []  # one operator is clearly owned
    assert hits(_shared("lead", "contributor", "contributor"), "OVL-SHARED-CHANNEL") == []


def _platforms(p1, p2, ops1=("d1",), ops2=("d2",), common=True):  # type: ignore[no-untyped-def]
    elements = [dept("d1"), dept("d2"), sh("s"), sh("t"),
                chan("fb-b", platform=p1), chan("fb-a", platform=p2)]
    relations = [rel("operates", d, "fb-b") for d in ops1] + [rel("operates", d, "fb-a") for d in ops2]
    relations += [rel("reaches", "fb-b", "s"), rel("reaches", "fb-a", "s" if common else "t")]
    return model(elements, relations)


def test_duplicate_channel_platforms_trimmed_and_case_insensitive() -> None:
    assert hits(_platforms("Facebook", " facebook  "), "OVL-DUPLICATE-CHANNEL") == [("fb-a", "fb-b")]
    assert hits(_platforms("STRASSE", "strasse"), "OVL-DUPLICATE-CHANNEL") == [("fb-a", "fb-b")]


def test_duplicate_channel_nearest_misses() -> None:
    assert hits(_platforms("Facebook", "Facebook", common=False), "OVL-DUPLICATE-CHANNEL") == []
    assert hits(_platforms("Facebook", "Facebook", ops2=("d1",)), "OVL-DUPLICATE-CHANNEL") == []
    assert hits(_platforms("Facebook", "Facebook", ops2=()), "OVL-DUPLICATE-CHANNEL") == []
    assert hits(_platforms("", ""), "OVL-DUPLICATE-CHANNEL") == []
    assert hits(_platforms("  ", " "), "OVL-DUPLICATE-CHANNEL") == []
    assert hits(_platforms("Facebook", "Instagram"), "OVL-DUPLICATE-CHANNEL") == []


def test_duplicate_channel_overlapping_but_different_operator_sets() -> None:
    m = _platforms("LinkedIn", "linkedin", ops1=("d1",), ops2=("d1", "d2"))
    assert hits(m, "OVL-DUPLICATE-CHANNEL") == [("fb-a", "fb-b")]


def _topic(*relations, extra=()):  # type: ignore[no-untyped-def]
    elements = [el("topic", "t"), dept("d1"), dept("d2"), chan("c1"), chan("c2"), sh("s"), sh("u"), *extra]
    return model(elements, [rel("operates", "d1", "c1"), rel("operates", "d2", "c2"),
                            rel("carries", "c1", "t"), rel("carries", "c2", "t"), *relations])


def test_topic_collision_same_stakeholder() -> None:
    m = _topic(rel("reaches", "c1", "s"), rel("reaches", "c2", "s"))
    assert hits(m, "OVL-TOPIC-COLLISION") == [("t", "d1", "d2")]


def test_topic_collision_nearest_misses() -> None:
    # different audiences
    assert hits(_topic(rel("reaches", "c1", "s"), rel("reaches", "c2", "u")), "OVL-TOPIC-COLLISION") == []
    # coordinated through a hub
    m = _topic(rel("reaches", "c1", "s"), rel("reaches", "c2", "s"), rel("coordinates", "h", "d1"),
               rel("coordinates", "h", "d2"), extra=[dept("h", coordinator=True)])
    assert hits(m, "OVL-TOPIC-COLLISION") == []
    # c2 reaches s but does not carry the topic
    m = model([el("topic", "t"), dept("d1"), dept("d2"), chan("c1"), chan("c2"), sh("s")],
              [rel("operates", "d1", "c1"), rel("operates", "d2", "c2"), rel("carries", "c1", "t"),
               rel("reaches", "c1", "s"), rel("reaches", "c2", "s")])
    assert hits(m, "OVL-TOPIC-COLLISION") == []


def test_topic_collision_on_one_shared_channel() -> None:
    m = model([el("topic", "t"), dept("d1"), dept("d2"), chan("c"), sh("s")],
              [rel("operates", "d1", "c"), rel("operates", "d2", "c", role="contributor"),
               rel("carries", "c", "t"), rel("reaches", "c", "s")])
    assert hits(m, "OVL-TOPIC-COLLISION") == [("t", "d1", "d2")]


def test_responsibility_conflict_for_stakeholders_and_topics() -> None:
    m = model([dept("d2"), dept("d1"), sh("s"), el("topic", "t"), dept("d3")],
              [rel("responsible_for", "d2", "s"), rel("responsible_for", "d1", "s"),
               rel("responsible_for", "d1", "t"), rel("responsible_for", "d2", "t"),
               rel("responsible_for", "d3", "t")])
    assert hits(m, "OVL-RESPONSIBILITY-CONFLICT") == [("s", "d1", "d2"), ("t", "d1", "d2", "d3")]
    m = model([dept("d1"), sh("s")], [rel("responsible_for", "d1", "s")])
    assert hits(m, "OVL-RESPONSIBILITY-CONFLICT") == []
