"""Long session: a scripted 500-step workshop on an editing.Document in a subprocess, repeated; clean exits and
bounded memory (MB per 1,000 edits, with and without the undo history kept).

Run: .venv/bin/python bench/reliability/long_session.py [--processes 5] [--sessions 10] [--steps 500]
Each process runs `--sessions` workshops one after the other (a new Document each, like File > New), then
one long document over all of them (history kept, as in a full-day session). Live analysis runs every
10th step, as the app does after edits. The fast variant is tests/reliability/test_long_session.py.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

STEPS = 500
MB = 1024 * 1024
# step -> weight: what a consultant does in a live workshop
WEIGHTS = {"add": 24, "connect": 20, "rename": 14, "move": 20, "delete": 5, "undo": 8, "redo": 5, "save": 4}
MAX_ELEMENTS = 120  # a workshop model; beyond this the script deletes more than it adds
KINDS = ["stakeholder", "channel", "department", "goal", "topic", "note"]
WORDS = ["Presse", "Kunden", "Newsletter", "HR", "Instagram", "Messe", "Vertrieb", "Bewerber", "Ziel", "Thema",
         "<b>fett</b>", "$x$", "Ünïcødé 😀"]


def _rss() -> int:
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def workshop(doc, rng: random.Random, steps: int, analyze_every: int = 10) -> int:  # type: ignore[no-untyped-def]
    """Run `steps` scripted steps on `doc`; returns how many edits (commands) were executed."""
    from commarch.analysis import analyze
    from commarch.editing import AddElements, Connect, Move, RemoveElements, SetElementProperty, new_element
    from commarch.model import allowed_relation_kinds

    edits = 0
    names, weights = list(WEIGHTS), list(WEIGHTS.values())
    for step in range(steps):
        action = rng.choices(names, weights)[0]
        elements = doc.model.elements
        if action == "add" and len(elements) >= MAX_ELEMENTS:
            action = "delete"
        try:
            if action == "add":
                kind = rng.choice(KINDS)
                label = f"{rng.choice(WORDS)} {step}"
                doc.execute(AddElements(doc, [new_element(doc, kind, label, rng.uniform(-2000, 2000),
                                                          rng.uniform(-1500, 1500))]))
            elif action == "connect" and len(elements) >= 2:
                pairs = [(a.id, b.id) for a in rng.sample(elements, min(12, len(elements)))
                         for b in rng.sample(elements, min(12, len(elements)))
                         if a.id != b.id and allowed_relation_kinds(a.kind, b.kind)]
                if pairs:
                    source, target = rng.choice(pairs)
                    doc.execute(Connect(doc, source, target))
            elif action == "rename" and elements:
                element = rng.choice(elements)
                doc.execute(SetElementProperty(doc, [element.id], "label", f"{rng.choice(WORDS)} {step}"))
            elif action == "move" and elements:
                moved = rng.sample(elements, min(len(elements), rng.randint(1, 5)))
                doc.execute(Move(doc, {e.id: (e.x + rng.uniform(-80, 80), e.y + rng.uniform(-80, 80))
                                       for e in moved}))
            elif action == "delete" and elements:
                doc.execute(RemoveElements(doc, [rng.choice(elements).id]))
            elif action == "undo" and doc.history.can_undo:
                doc.undo()
                continue
            elif action == "redo" and doc.history.can_redo:
                doc.redo()
                continue
            elif action == "save":
                doc.save()
                continue
            else:
                continue
        except ValueError:
            continue  # refused by the command (e.g. a duplicate relation): nothing changed
        edits += 1
        if analyze_every and step % analyze_every == 0:
            analyze(doc.model)
    return edits


def child(folder: str, sessions: int, steps: int, seed: int, trace: bool, fsync: bool = True) -> None:
    """One process: `sessions` separate workshops, then one long document; prints a JSON summary."""
    from commarch.editing import Document

    if not fsync:  # the quick suite variant: durability is test_kill_during_save's business, not this one's
        os.fsync = lambda fd: None

    rng = random.Random(seed)
    if trace:
        tracemalloc.start()
    samples = []   # after each separate workshop: (edits so far, rss, traced)
    edits_total = 0
    path = os.path.join(folder, f"workshop-{seed}.comm")
    for _ in range(sessions):
        doc = Document(path=path)
        edits_total += workshop(doc, rng, steps)
        doc.save()
        del doc
        gc.collect()
        traced = tracemalloc.get_traced_memory()[0] if trace else 0
        samples.append((edits_total, _rss(), traced))
    # one long document: the undo history of every edit is kept, as in a full-day session
    long_doc = Document(path=path)
    before = tracemalloc.get_traced_memory()[0] if trace else _rss()
    long_edits = 0
    for _ in range(sessions):
        long_edits += workshop(long_doc, rng, steps)
    long_doc.save()
    gc.collect()
    after = tracemalloc.get_traced_memory()[0] if trace else _rss()
    print(json.dumps({"samples": samples, "long_edits": long_edits, "long_growth": after - before,
                      "history": len(long_doc.history), "elements": len(long_doc.model.elements)}))


@dataclass
class SessionStats:
    processes: int = 0
    clean_exits: int = 0
    edits: int = 0
    leak_mb_per_1000: float = 0.0      # separate workshops: memory after the last vs after the first, per 1000 edits
    rss_mb_per_1000: float = 0.0
    history_mb_per_1000: float = 0.0   # one long document, undo history kept
    seconds: float = 0.0
    problems: list[str] | None = None

    def figure(self) -> str:
        return (f"long session: {self.processes} processes, {self.clean_exits} clean exits, {self.edits} edits; "
                f"memory after closing each workshop grows {self.leak_mb_per_1000:.3f} MB (traced) / "
                f"{self.rss_mb_per_1000:.2f} MB (RSS) per 1,000 edits; one long document with its undo history "
                f"grows {self.history_mb_per_1000:.2f} MB per 1,000 edits ({self.seconds:.0f} s)")


def run(processes: int, sessions: int, steps: int, seed: int = 1, trace: bool = True,
        timeout: float = 600, fsync: bool = True) -> SessionStats:
    stats = SessionStats(problems=[])
    leaks, rss_leaks, history = [], [], []
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="commarch-session-") as folder:
        for number in range(processes):
            command = [sys.executable, str(Path(__file__).resolve()), "--child", folder, str(sessions),
                       str(steps), str(seed + number), "1" if trace else "0", "1" if fsync else "0"]
            result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
            stats.processes += 1
            if result.returncode != 0 or result.stderr.strip():
                stats.problems.append(f"process {number}: exit {result.returncode}: {result.stderr.strip()[-300:]}")
                continue
            stats.clean_exits += 1
            info = json.loads(result.stdout)
            samples = info["samples"]
            stats.edits += samples[-1][0] + info["long_edits"]
            if len(samples) >= 2:
                span = (samples[-1][0] - samples[0][0]) / 1000
                leaks.append((samples[-1][2] - samples[0][2]) / MB / span)
                rss_leaks.append((samples[-1][1] - samples[0][1]) / MB / span)
            history.append(info["long_growth"] / MB / (info["long_edits"] / 1000))
    stats.seconds = time.monotonic() - start
    stats.leak_mb_per_1000 = max(leaks, default=0.0)
    stats.rss_mb_per_1000 = max(rss_leaks, default=0.0)
    stats.history_mb_per_1000 = max(history, default=0.0)
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--processes", type=int, default=5)
    parser.add_argument("--sessions", type=int, default=10, help="500-step workshops per process")
    parser.add_argument("--steps", type=int, default=STEPS)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", nargs=6, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        folder, sessions, steps, seed, trace, fsync = args.child
        child(folder, int(sessions), int(steps), int(seed), trace == "1", fsync == "1")
        return 0
    stats = run(args.processes, args.sessions, args.steps, args.seed)
    print(stats.figure())
    for problem in stats.problems or []:
        print(f"  FAIL {problem}")
    return 0 if stats.clean_exits == stats.processes else 1


if __name__ == "__main__":
    sys.exit(main())
