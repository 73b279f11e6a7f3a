"""Assertions shared by the diff tests: two diffs are mirror images of each other."""

from __future__ import annotations

from commarch.diff import ModelDiff


def _changes(items, old_side: bool) -> set[tuple]:
    """(id seen from the given side, key, old, new) for every property change."""
    return {((c.old_id if old_side else c.id), p.key, repr(p.old), repr(p.new))
            for c in items for p in c.changes}


def _flip(changes: set[tuple]) -> set[tuple]:
    return {(ident, key, new, old) for ident, key, old, new in changes}


def assert_mirror(forward: ModelDiff, backward: ModelDiff) -> None:
    """diff(A, B) and diff(B, A): added <-> removed, old <-> new, deltas negated."""
    assert {e.id for e in forward.added} == {e.id for e in backward.removed}
    assert {e.id for e in forward.removed} == {e.id for e in backward.added}
    assert {(c.id, c.old_id) for c in forward.changed} == {(c.old_id, c.id) for c in backward.changed}
    # Forward change ids are new ids; backward's old ids are those same (new-model) ids.
    assert _changes(forward.changed, False) == _flip(_changes(backward.changed, True))
    assert {(m.id, m.old_x, m.old_y, m.new_x, m.new_y) for m in forward.moved} == {
        (m.old_id, m.new_x, m.new_y, m.old_x, m.old_y) for m in backward.moved}
    assert {r.id for r in forward.relations_added} == {r.id for r in backward.relations_removed}
    assert {r.id for r in forward.relations_removed} == {r.id for r in backward.relations_added}
    relation_changes = {(c.id, p.key) for c in forward.relations_changed for p in c.changes
                        if p.key not in ("source", "target")}
    assert relation_changes == {(c.old_id, p.key) for c in backward.relations_changed for p in c.changes
                                if p.key not in ("source", "target")}
    assert {(c.key, repr(c.old), repr(c.new)) for c in forward.meta} == {
        (c.key, repr(c.new), repr(c.old)) for c in backward.meta}
    assert {(r.rule, repr(r.old), repr(r.new)) for r in forward.rules} == {
        (r.rule, repr(r.new), repr(r.old)) for r in backward.rules}
    flipped = {"added": "removed", "removed": "added", "changed": "changed"}
    assert {(w.status, w.rule, frozenset(w.subjects)) for w in forward.waivers} == {
        (flipped[w.status], w.rule, frozenset(w.subjects)) for w in backward.waivers}
    if forward.findings is not None and backward.findings is not None:
        def keys(refs):
            return {(f.rule, frozenset(f.subjects)) for f in refs}
        assert keys(forward.findings.resolved) == keys(backward.findings.introduced)
        assert keys(forward.findings.introduced) == keys(backward.findings.resolved)
        assert len(forward.findings.unchanged) == len(backward.findings.unchanged)
    if forward.metrics is not None and backward.metrics is not None:
        back = {m.key: m for m in backward.metrics if not m.key.startswith("brokerage.")}
        for metric in forward.metrics:
            if metric.key.startswith("brokerage."):
                continue
            other = back[metric.key]
            assert (metric.old, metric.new) == (other.new, other.old)
            assert metric.changed == other.changed
            if metric.delta is not None:
                assert metric.delta == -other.delta
