"""Gap rules: each fires on a minimal model and stays silent on its nearest miss."""

from __future__ import annotations

from commarch.analysis import find

from .builders import chan, dept, el, hits, model, rel, sh


def _reached(*extra_elements, relations=(), s_props=None, c_props=None):  # type: ignore[no-untyped-def]
    """d runs c, c reaches s."""
    return model([dept("d"), chan("c", **(c_props or {})), sh("s", **(s_props or {})), *extra_elements],
                 [rel("operates", "d", "c"), rel("reaches", "c", "s"), *relations])


def test_unreached_is_error_for_high_priority_and_warning_otherwise() -> None:
    m = model([sh("s-high", priority="high"), sh("s-low", priority="low"), sh("s-med")], [])
    found = {f.subjects: f.severity for f in find(m) if f.rule == "GAP-UNREACHED"}
    assert found == {("s-high",): "error", ("s-low",): "warning", ("s-med",): "warning"}


def test_unreached_nearest_miss_one_channel_without_operator_still_reaches() -> None:
    m = model([chan("c"), sh("s")], [rel("reaches", "c", "s")])
    assert hits(m, "GAP-UNREACHED") == []


def test_unowned_channel() -> None:
    m = model([chan("c"), sh("s")], [rel("reaches", "c", "s")])
    assert hits(m, "GAP-UNOWNED-CHANNEL") == [("c",)]
    assert hits(_reached(), "GAP-UNOWNED-CHANNEL") == []


def test_unowned_channel_contributor_only_still_owns() -> None:
    m = model([dept("d"), chan("c"), sh("s")], [rel("operates", "d", "c", role="contributor"),
                                                 rel("reaches", "c", "s")])
    assert hits(m, "GAP-UNOWNED-CHANNEL") == []


def test_dead_channel() -> None:
    m = model([dept("d"), chan("c")], [rel("operates", "d", "c")])
    assert hits(m, "GAP-DEAD-CHANNEL") == [("c",)]
    assert hits(_reached(), "GAP-DEAD-CHANNEL") == []


def test_idle_department_fires_without_any_of_the_four_relations() -> None:
    m = model([dept("d"), dept("busy"), chan("c")], [rel("operates", "busy", "c")])
    assert hits(m, "GAP-IDLE-DEPARTMENT") == [("d",)]


def test_idle_department_nearest_misses_each_relation_kind_counts() -> None:
    base = [dept("d"), dept("e"), sh("s"), el("goal", "g"), chan("c")]
    for relation in (rel("operates", "d", "c"), rel("responsible_for", "d", "s"),
                     rel("coordinates", "e", "d"), rel("serves", "d", "g")):
        found = hits(model(base, [relation]), "GAP-IDLE-DEPARTMENT")
        assert ("d",) not in found, relation.kind
    # coordinates counts for both ends, whichever direction it is drawn
    assert hits(model(base, [rel("coordinates", "e", "d")]), "GAP-IDLE-DEPARTMENT") == []


def test_no_dialog() -> None:
    assert hits(_reached(s_props={"needs_dialog": True}), "GAP-NO-DIALOG") == [("s",)]


def test_no_dialog_nearest_misses() -> None:
    # one two-way channel among several is enough
    m = _reached(chan("c2", two_way=True), s_props={"needs_dialog": True},
                 relations=[rel("reaches", "c2", "s")])
    assert hits(m, "GAP-NO-DIALOG") == []
    # an unreached stakeholder is GAP-UNREACHED, not GAP-NO-DIALOG
    m = model([sh("s", needs_dialog=True)], [])
    assert hits(m, "GAP-NO-DIALOG") == []
    assert hits(_reached(s_props={"needs_dialog": False}), "GAP-NO-DIALOG") == []


def _two_departments(*relations):  # type: ignore[no-untyped-def]
    return model([dept("d1"), dept("d2"), chan("c1"), chan("c2"), sh("s")],
                 [rel("operates", "d1", "c1"), rel("operates", "d2", "c2"), rel("reaches", "c1", "s"),
                  rel("reaches", "c2", "s"), *relations])


def test_no_responsible_subjects_are_stakeholder_then_departments() -> None:
    assert hits(_two_departments(), "GAP-NO-RESPONSIBLE") == [("s", "d1", "d2")]


def test_no_responsible_nearest_misses() -> None:
    # any responsible department, even one that does not reach s, is the last word
    m = _two_departments(rel("responsible_for", "d2", "s"))
    assert hits(m, "GAP-NO-RESPONSIBLE") == []
    # one department with two channels is not "two or more departments"
    m = model([dept("d"), chan("c1"), chan("c2"), sh("s")],
              [rel("operates", "d", "c1"), rel("operates", "d", "c2"), rel("reaches", "c1", "s"),
               rel("reaches", "c2", "s")])
    assert hits(m, "GAP-NO-RESPONSIBLE") == []


def test_unserved_goal() -> None:
    m = model([el("goal", "g"), el("goal", "g2"), el("topic", "t")], [rel("serves", "t", "g2")])
    assert hits(m, "GAP-UNSERVED-GOAL") == [("g",)]


def test_unserved_goal_served_by_channel_or_department() -> None:
    for source in (chan("x"), dept("x")):
        m = model([el("goal", "g"), source], [rel("serves", "x", "g")])
        assert hits(m, "GAP-UNSERVED-GOAL") == []


def test_single_channel() -> None:
    assert hits(_reached(s_props={"priority": "high"}), "GAP-SINGLE-CHANNEL") == [("s", "c")]


def test_single_channel_nearest_misses() -> None:
    assert hits(_reached(s_props={"priority": "medium"}), "GAP-SINGLE-CHANNEL") == []
    m = _reached(chan("c2"), s_props={"priority": "high"}, relations=[rel("reaches", "c2", "s")])
    assert hits(m, "GAP-SINGLE-CHANNEL") == []
    assert hits(model([sh("s", priority="high")], []), "GAP-SINGLE-CHANNEL") == []


def test_topic_unplayed() -> None:
    m = model([el("topic", "t"), el("topic", "t2"), chan("c")], [rel("carries", "c", "t2")])
    assert hits(m, "GAP-TOPIC-UNPLAYED") == [("t",)]


def test_topic_aimless_only_in_models_with_goals() -> None:
    m = model([el("topic", "t"), el("topic", "t2"), el("goal", "g")], [rel("serves", "t2", "g")])
    assert hits(m, "GAP-TOPIC-AIMLESS") == [("t",)]
    assert hits(model([el("topic", "t")], []), "GAP-TOPIC-AIMLESS") == []


def test_no_coordinator_subjects_are_active_departments() -> None:
    m = _two_departments()
    m.elements.append(dept("d0-idle"))
    assert hits(m, "GAP-NO-COORDINATOR") == [("d1", "d2")]


def test_no_coordinator_nearest_misses() -> None:
    # any department marked coordinator silences it, even an inactive, unlinked one
    m = _two_departments()
    m.elements.append(dept("hub", coordinator=True))
    assert hits(m, "GAP-NO-COORDINATOR") == []
    # one active department (the other only responsible) is not "two or more"
    m = model([dept("d1"), dept("d2"), chan("c"), sh("s")],
              [rel("operates", "d1", "c"), rel("responsible_for", "d2", "s")])
    assert hits(m, "GAP-NO-COORDINATOR") == []


def test_silos_lists_groups_of_active_departments() -> None:
    m = model([dept(i) for i in ("a", "b", "c", "x-idle")] + [chan(f"k{i}") for i in range(3)],
              [rel("operates", "a", "k0"), rel("operates", "b", "k1"), rel("operates", "c", "k2"),
               rel("coordinates", "a", "x-idle")])
    findings = [f for f in find(m, "en") if f.rule == "GAP-SILOS"]
    assert [f.subjects for f in findings] == [("a", "b", "c")]
    assert "3 groups" in findings[0].message
    assert "group 1: \u201ca\u201d; group 2: \u201cb\u201d; group 3: \u201cc\u201d" in findings[0].message


def test_silos_joined_through_an_inactive_department_is_one_group() -> None:
    # a and b only meet through x, which runs no channel: still one coordinates group
    m = model([dept("a"), dept("b"), dept("x"), chan("k0"), chan("k1")],
              [rel("operates", "a", "k0"), rel("operates", "b", "k1"),
               rel("coordinates", "x", "a"), rel("coordinates", "b", "x")])
    assert hits(m, "GAP-SILOS") == []


def test_silos_need_two_groups_with_active_departments() -> None:
    # the second group has no active department
    m = model([dept("a"), dept("b"), dept("z"), chan("k0"), chan("k1")],
              [rel("operates", "a", "k0"), rel("operates", "b", "k1"), rel("coordinates", "a", "b")])
    assert hits(m, "GAP-SILOS") == []
