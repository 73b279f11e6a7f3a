"""The findings dock patches its tree (rows of unchanged findings are kept); the result must always be the
tree a full rebuild makes, for any sequence of finding lists."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commarch.analysis import Finding, sort_key
from commarch.gui.analysis_ui.findings_panel import ROLE, FindingsPanel

RULES = ("GAP-UNREACHED", "GAP-OWNERLESS", "OVL-PARALLEL", "GAP-NO-LEAD")


def finding_lists() -> st.SearchStrategy[list[Finding]]:
    one = st.builds(
        Finding,
        rule=st.sampled_from(RULES),
        severity=st.sampled_from(("error", "warning", "info")),
        subjects=st.lists(st.sampled_from("abcdef"), min_size=1, max_size=2, unique=True).map(tuple),
        message=st.sampled_from(("m1", "m2 <b>&", "m3")),
        recommendation=st.sampled_from(("r1", "r2")),
        waived=st.booleans(),
    )
    # one finding per rule and subjects, in the spec's order (what analysis.find returns)
    return st.lists(one, max_size=14, unique_by=lambda f: (f.rule, f.subjects)).map(
        lambda fs: sorted(fs, key=sort_key))


def shown(panel: FindingsPanel) -> list[tuple[object, ...]]:
    tree = panel.tree
    out: list[tuple[object, ...]] = []
    for n in range(tree.topLevelItemCount()):
        head = tree.topLevelItem(n)
        out.append(("head", head.text(0), head.isExpanded()))
        for i in range(head.childCount()):
            row = head.child(i)
            advice = [(row.child(k).text(0), row.child(k).data(0, ROLE)) for k in range(row.childCount())]
            out.append((row.text(0), row.data(0, ROLE), row.foreground(0).color().name(), row.toolTip(0),
                        tuple(advice)))
    return out + [("summary", panel.summary.text())]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(finding_lists(), min_size=1, max_size=6), waived_toggles=st.lists(st.booleans(),
                                                                                      max_size=6))
def test_patched_tree_equals_a_fresh_one(qapp: object, steps: list[list[Finding]],
                                         waived_toggles: list[bool]) -> None:
    panel = FindingsPanel(lambda: "en")
    try:
        for n, findings in enumerate(steps):
            if n < len(waived_toggles):
                panel.show_waived.setChecked(waived_toggles[n])
            panel.set_findings(findings)
            fresh = FindingsPanel(lambda: "en")
            fresh.show_waived.setChecked(panel.show_waived.isChecked())
            fresh.set_findings(findings)
            assert shown(panel) == shown(fresh)
            fresh.deleteLater()
    finally:
        panel.deleteLater()


def test_an_unchanged_row_is_kept_and_stays_current(qapp: object) -> None:
    a = Finding("GAP-UNREACHED", "error", ("a",), "about a", "reach a")
    b = Finding("GAP-UNREACHED", "error", ("b",), "about b", "reach b")
    c = Finding("OVL-PARALLEL", "warning", ("c",), "about c", "coordinate c")
    panel = FindingsPanel(lambda: "en")
    panel.set_findings([a, b, c])
    row_b = panel.finding_items()[1]
    panel.tree.setCurrentItem(row_b)
    b2 = Finding("GAP-UNREACHED", "error", ("b",), "about b, renamed", "reach b")
    panel.set_findings([b2, c])  # a went, b changed its text: b's row is replaced and stays current
    assert [item.data(0, ROLE) for item in panel.finding_items()] == [b2, c]
    assert panel.current_finding() == b2
    row_c = panel.finding_items()[1]
    d = Finding("OVL-PARALLEL", "warning", ("d",), "about d", "coordinate d")
    panel.set_findings([b2, c, d])
    assert panel.finding_items()[1] is row_c  # unchanged: the very same row object
    assert panel.tree.topLevelItem(1).text(0).endswith("(2)")
    panel.deleteLater()
