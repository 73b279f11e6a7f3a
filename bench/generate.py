"""Synthetic but realistic .comm models for benchmarks: all kinds, ~2 relations per element, deterministic."""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from pathlib import Path
from typing import Any

SIZES = (200, 1000, 3000, 10000, 50000)
# Share of each kind, roughly as in workshop models: many channels and audiences, fewer departments.
KIND_SHARES = (
    ("stakeholder", 0.25), ("channel", 0.28), ("department", 0.12),
    ("goal", 0.07), ("topic", 0.20), ("note", 0.08),
)
CLUSTER = 40  # elements per "business unit"; most relations stay inside one (short edges, like real drawings)
LOCAL_SHARE = 0.85
COLUMNS = 8  # grid columns inside a cluster
STEP_X, STEP_Y = 230.0, 130.0

STAKEHOLDERS = ["Customers", "Press", "Investors", "Applicants", "Employees", "Partners", "Dealers",
                "Influencers", "Authorities", "Neighbours", "Suppliers", "Trade fair visitors"]
CHANNELS = [("Facebook page", "social", "Facebook"), ("Instagram", "social", "Instagram"),
            ("LinkedIn page", "social", "LinkedIn"), ("Newsletter", "owned", ""), ("Website", "owned", ""),
            ("Press release", "earned", ""), ("Trade fair", "event", ""), ("Hotline", "service", ""),
            ("Search ads", "paid", "Google"), ("Customer magazine", "print", ""),
            ("Sales visit", "personal", ""), ("YouTube channel", "social", "YouTube")]
FUNCTIONS = ["pr", "marketing", "hr", "customer_service", "product", "social_media", "sales", "management",
             "other"]
GOALS = [("More sales", "revenue"), ("Lower churn", "churn rate"), ("Employer brand", "applications"),
         ("Reputation", "share of voice"), ("Market entry", "leads")]
TOPICS = ["Sustainability", "New product line", "Careers", "Service quality", "Innovation", "Pricing",
          "Local roots", "Safety", "Digital services", "Events"]


def _kind_counts(n: int) -> dict[str, int]:
    counts = {kind: int(n * share) for kind, share in KIND_SHARES}
    counts["stakeholder"] += n - sum(counts.values())  # rounding remainder
    return counts


def _element(rng: random.Random, kind: str, number: int, x: float, y: float) -> dict[str, Any]:
    eid = f"{kind[:2]}-{number}"
    data: dict[str, Any] = {"id": eid, "kind": kind, "x": x, "y": y}
    if kind == "stakeholder":
        data["label"] = f"{rng.choice(STAKEHOLDERS)} {number}"
        data["priority"] = rng.choices(["high", "medium", "low"], [2, 5, 3])[0]
        data["needs_dialog"] = rng.random() < 0.3
    elif kind == "channel":
        name, channel_type, platform = rng.choice(CHANNELS)
        data.update(label=f"{name} {number}", channel_type=channel_type, platform=platform,
                    two_way=channel_type in ("social", "service", "personal"))
    elif kind == "department":
        function = rng.choice(FUNCTIONS)
        data.update(label=f"{function.replace('_', ' ').title()} unit {number}", function=function,
                    coordinator=rng.random() < 0.05)
    elif kind == "goal":
        name, kpi = rng.choice(GOALS)
        data.update(label=f"{name} {number}", kpi=kpi)
    elif kind == "topic":
        data["label"] = f"{rng.choice(TOPICS)} {number}"
    else:
        data["label"] = f"Workshop remark {number}: who has the last word on this audience?"
    return data


# relation kind, source kind(s), target kind(s), relations per source element (mean)
PLAN = (
    ("operates", ("department",), ("channel",), 0.364 / 0.12),
    ("reaches", ("channel",), ("stakeholder",), 2.0),
    ("carries", ("channel",), ("topic",), 0.3 / 0.28),
    ("serves", ("topic",), ("goal",), 0.8),
    ("serves", ("channel",), ("goal",), 0.5),
    ("serves", ("department",), ("goal",), 1.0),
    ("coordinates", ("department",), ("department",), 1.0),
    ("responsible_for", ("department",), ("stakeholder", "topic"), 1.0),
    ("influences", ("stakeholder",), ("stakeholder",), 0.5),
)


def generate(n: int, seed: int = 1) -> dict[str, Any]:
    """A valid model as a raw .comm dict with `n` elements and about 2·n relations."""
    rng = random.Random(seed)
    counts = _kind_counts(n)
    kinds = [kind for kind, _ in KIND_SHARES for _ in range(counts[kind])]
    rng.shuffle(kinds)
    clusters = max(1, math.ceil(n / CLUSTER))
    per_row = max(1, math.ceil(math.sqrt(clusters)))
    block_w = COLUMNS * STEP_X + 2 * STEP_X
    block_h = math.ceil(CLUSTER / COLUMNS) * STEP_Y + 2 * STEP_Y
    elements: list[dict[str, Any]] = []
    # by_cluster[c][kind] -> ids, for picking mostly-local partners
    by_cluster: list[dict[str, list[str]]] = [{} for _ in range(clusters)]
    by_kind: dict[str, list[str]] = {}
    cluster_of: dict[str, int] = {}
    for i, kind in enumerate(kinds):
        c, slot = divmod(i, CLUSTER)
        bx, by = (c % per_row) * block_w, (c // per_row) * block_h
        row, col = divmod(slot, COLUMNS)
        el = _element(rng, kind, i + 1, bx + col * STEP_X, by + row * STEP_Y)
        elements.append(el)
        by_cluster[c].setdefault(kind, []).append(el["id"])
        by_kind.setdefault(kind, []).append(el["id"])
        cluster_of[el["id"]] = c
    relations: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()
    for kind, sources, targets, mean in PLAN:
        for source_kind in sources:
            for source in by_kind.get(source_kind, []):
                # a Poisson-like count around the mean keeps degrees varied, as in real models
                want = int(mean) + (1 if rng.random() < mean - int(mean) else 0)
                for _attempt in range(want * 3):  # a few retries when a pick would duplicate a relation
                    if want <= 0:
                        break
                    target_kind = rng.choice(targets)
                    home = cluster_of[source]
                    if rng.random() >= LOCAL_SHARE:  # the rest goes to a neighbouring unit, as in real org charts
                        home = rng.choice([c for c in (home - 1, home + 1, home - per_row, home + per_row)
                                           if 0 <= c < clusters] or [home])
                    pool = by_cluster[home].get(target_kind) or by_kind.get(target_kind)
                    if not pool:
                        continue
                    target = rng.choice(pool)
                    a, b = (min(source, target), max(source, target)) if kind == "coordinates" else (source,
                                                                                                     target)
                    if target == source or (kind, a, b) in seen:
                        continue
                    want -= 1
                    seen.add((kind, a, b))
                    rel: dict[str, Any] = {"id": f"r-{len(relations) + 1}", "kind": kind, "source": source,
                                           "target": target}
                    if kind == "operates":
                        rel["role"] = "lead" if rng.random() < 0.7 else "contributor"
                    relations.append(rel)
    return {"format": "comm", "version": 1,
            "meta": {"title": f"Synthetic model ({n} elements, seed {seed})", "language": "en"},
            "elements": elements, "relations": relations}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int, help=f"number of elements (typical: {', '.join(map(str, SIZES))})")
    parser.add_argument("-o", "--output", required=True, help="the .comm file to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-check", action="store_true", help="write without validating through commarch")
    args = parser.parse_args(argv)
    if args.n < 1:
        print("commarch: bench: n must be at least 1", file=sys.stderr)
        return 2
    data = generate(args.n, args.seed)
    raw = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    if args.no_check:
        Path(args.output).write_bytes(raw)
    else:
        from commarch import fileformat  # validates every element and relation, then writes canonically

        fileformat.save(fileformat.loads(raw, args.output), args.output)
    print(f"{args.output}: {len(data['elements'])} elements, {len(data['relations'])} relations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
