"""Hostile files: the corpus (small + generated large) and a mutation fuzzer; each refused cleanly, fast, lean.

Run: .venv/bin/python bench/reliability/hostile.py [--fuzz 100000] [--seed 1] [--no-large]
Prints: inputs tried, refused cleanly, accepted (still valid), failures, worst time, worst memory.
The fast variant is tests/reliability/test_hostile_files.py.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

ROOT = HERE.parents[1]
BASES = sorted((ROOT / "resources" / "examples").glob("*.comm")) + [ROOT / "tests" / "data" / "v1-complete.comm"]
TIME_LIMIT = 2.0               # seconds per input
LINE_LIMIT = 1000              # characters per message line: longer is not a readable message
MB = 1024 * 1024


def memory_limit(size: int) -> int:
    """Allowed extra peak memory for a file of `size` bytes."""
    return 4 * size + 200 * MB


@dataclass
class Outcome:
    name: str
    accepted: bool
    lines: list[str]
    seconds: float
    peak_bytes: int = 0          # extra resident memory at the peak (subprocess checks only)
    size: int = 0
    failure: str = ""            # empty when the input was handled cleanly

    @property
    def clean(self) -> bool:
        return not self.failure


def judge(name: str, data: bytes | None = None, path: Path | None = None) -> Outcome:
    """Load `data` (or the file at `path`) and say whether it was accepted or refused cleanly."""
    from commarch.fileformat import CommFileError, dumps, load, loads

    start = time.perf_counter()
    accepted, lines, failure = False, [], ""
    try:
        model = load(path) if path is not None else loads(data or b"", name)
        accepted = True
    except CommFileError as exc:
        lines = exc.lines()
    except BaseException as exc:  # noqa: BLE001 - anything else is exactly what we are looking for
        failure = f"{type(exc).__name__}: {str(exc)[:200]}"
    seconds = time.perf_counter() - start
    label = str(path) if path is not None else name
    if not failure and not accepted:
        failure = _bad_lines(label, lines)
    if not failure and accepted:
        try:  # accepted means really valid: it must survive a round trip
            if loads(dumps(model).encode("utf-8"), name) != model:
                failure = "accepted, but a save/load round trip changes it"
        except Exception as exc:  # noqa: BLE001
            failure = f"accepted, but saving it fails: {type(exc).__name__}: {str(exc)[:200]}"
    if not failure and seconds > TIME_LIMIT:
        failure = f"took {seconds:.2f} s"
    return Outcome(name, accepted, lines, seconds, failure=failure)


def _bad_lines(label: str, lines: list[str]) -> str:
    if not lines:
        return "refused without a message"
    for line in lines:
        if not line.startswith(f"{label}: ") or len(line) <= len(label) + 2:
            return f"message does not name the file: {line[:120]!r}"
        if "\n" in line or "\r" in line:
            return f"message spans several lines: {line[:120]!r}"
        if "Traceback" in line:
            return f"message contains a traceback: {line[:120]!r}"
        if len(line) > LINE_LIMIT:
            return f"message line is {len(line)} characters long (unreadable): {line[:100]!r}…"
    return ""


# --- one file in a fresh process: time, peak memory, and a watchdog against hangs -----------------
def _status_kb(key: str) -> int:
    # VmHWM is this process image's peak; ru_maxrss is not used because Linux carries it over from the
    # (possibly large) parent across fork + exec.
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    return 0


def _check_child(path: str) -> None:
    from commarch.fileformat import load  # noqa: F401 - import before measuring the baseline

    base = _status_kb("VmRSS")
    outcome = judge(Path(path).name, path=Path(path))
    peak = _status_kb("VmHWM") - base
    print(json.dumps({"accepted": outcome.accepted, "lines": outcome.lines[:50], "n_lines": len(outcome.lines),
                      "seconds": outcome.seconds, "peak": max(peak, 0), "failure": outcome.failure}))


def judge_in_subprocess(path: Path, timeout: float = 30.0) -> Outcome:
    """Check one file in its own process (exact peak memory; a hang or crash is caught, not suffered)."""
    size = path.stat().st_size
    try:
        result = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--check", str(path)],
                                capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return Outcome(path.name, False, [], timeout, size=size, failure=f"hung (> {timeout:.0f} s)")
    if result.returncode != 0:
        tail = (result.stderr.strip().splitlines() or ["?"])[-1]
        return Outcome(path.name, False, [], 0.0, size=size, failure=f"process died ({result.returncode}): {tail}")
    info = json.loads(result.stdout)
    outcome = Outcome(path.name, info["accepted"], info["lines"], info["seconds"], info["peak"], size,
                      info["failure"])
    if outcome.clean and outcome.peak_bytes > memory_limit(size):
        outcome.failure = f"peak memory {outcome.peak_bytes / MB:.0f} MB for a {size / MB:.1f} MB file"
    return outcome


# --- mutation fuzzer -------------------------------------------------------------------------------
TOKENS = [b"NaN", b"Infinity", b"-Infinity", b"1e999", b'"', b"{", b"}", b"[", b"]", b",", b":", b"null",
          b"\\ud800", b'"\\ud800"', b"\x00", b"\xff", b"\xef\xbb\xbf", b"9" * 400, b"[" * 200, b'{"a":' * 50,
          b'"x": 1, "x": 2', b"/*", b"'", b"\\", b"\xed\xa0\x80", "ü".encode(), b"\r\n", b"true"]
VALUES: list[Any] = [None, True, False, 0, -1, 6, 10**30, -(10**300), 1e308, -0.0, 0.5, "", " ", "x" * 201,
                     "<script>alert(1)</script>", "\u202e", "\u0000", "$\\frac{a}{b}$", [], [[]], {}, {"a": {}},
                     ["x"] * 3, "high", "channel", "operates", "d-pr", "#zzzzzz", "2026-13-45", 2, "1"]


def _byte_flip(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if buf:
            buf[rng.randrange(len(buf))] ^= 1 << rng.randrange(8)
    return bytes(buf)


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def _insert(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.choice(TOKENS) + data[at:]


def _delete_span(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + data[at + rng.randint(1, 64):]


def _duplicate_span(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    span = data[at: at + rng.randint(1, 200)]
    return data[:at] + span + data[at:]


def _nodes(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found.extend(_nodes(child, (*path, key)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found.extend(_nodes(child, (*path, index)))
    return found


def _json_edit(rng: random.Random, data: bytes) -> bytes:
    try:
        raw = json.loads(data)
    except ValueError:
        return _byte_flip(rng, data)
    paths = [p for p in _nodes(raw) if p]
    if not paths:
        return data
    path = rng.choice(paths)
    parent = raw
    for part in path[:-1]:
        parent = parent[part]
    key = path[-1]
    action = rng.randrange(5)
    if action == 0:
        del parent[key]
    elif action == 1:
        parent[key] = rng.choice(VALUES)
    elif action == 2 and isinstance(parent, dict):
        parent[f"{key}\u0000" if rng.random() < 0.2 else f"x-{key}"] = parent.pop(key)
    elif action == 3 and isinstance(parent, list):
        parent.append(parent[key])   # duplicates an element/relation: same id twice
    else:
        parent[key] = parent[key] if not isinstance(parent[key], str) else parent[key] * rng.randint(2, 4)
    text = json.dumps(raw, ensure_ascii=rng.random() < 0.5)   # allow_nan: NaN may appear on purpose
    if rng.random() < 0.1:   # a duplicated key, which json.dumps cannot produce
        text = text.replace('"label": ', '"label": "dup", "label": ', 1)
    return text.encode("utf-8", "surrogatepass")


MUTATORS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "byte_flip": _byte_flip, "truncate": _truncate, "insert": _insert, "delete_span": _delete_span,
    "duplicate_span": _duplicate_span, "json_edit": _json_edit,
}


def mutate(rng: random.Random, data: bytes, steps: int) -> bytes:
    for _ in range(steps):
        data = MUTATORS[rng.choice(sorted(MUTATORS))](rng, data)
    return data


@dataclass
class Tally:
    tried: int = 0
    refused: int = 0
    accepted: int = 0
    failures: list[str] = field(default_factory=list)
    worst_seconds: float = 0.0
    worst_name: str = ""
    worst_peak: float = 0.0      # MB, subprocess checks only

    def add(self, outcome: Outcome) -> None:
        self.tried += 1
        if outcome.failure:
            self.failures.append(f"{outcome.name}: {outcome.failure}")
        elif outcome.accepted:
            self.accepted += 1
        else:
            self.refused += 1
        if outcome.seconds >= self.worst_seconds:
            self.worst_seconds, self.worst_name = outcome.seconds, outcome.name
        self.worst_peak = max(self.worst_peak, outcome.peak_bytes / MB)

    def figure(self, what: str) -> str:
        peak = f", worst extra memory {self.worst_peak:.0f} MB" if self.worst_peak else ""
        return (f"{what}: {self.tried} inputs tried, {self.refused} refused cleanly, {self.accepted} accepted "
                f"(still valid), {len(self.failures)} failures, worst time {self.worst_seconds * 1000:.0f} ms "
                f"({self.worst_name}){peak}")


def fuzz(count: int, seed: int) -> Tally:
    rng = random.Random(seed)
    bases = [p.read_bytes() for p in BASES]
    tally = Tally()
    for number in range(count):
        data = mutate(rng, rng.choice(bases), rng.randint(1, 4))
        tally.add(judge(f"fuzz-{seed}-{number}", data))
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fuzz", type=int, default=100000, help="mutated inputs to try")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-large", action="store_true", help="skip the generated 50-100 MB files")
    parser.add_argument("--check", metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.check:
        _check_child(args.check)
        return 0
    files = Tally()
    with tempfile.TemporaryDirectory(prefix="commarch-hostile-") as folder:
        committed = ROOT / "tests" / "data" / "hostile"
        paths = sorted(committed.glob("*"))  # the committed corpus and anyone's additions
        if not paths:
            paths = corpus.write_small(Path(folder) / "small")
        if not args.no_large:
            paths += corpus.write_large(Path(folder) / "large")
        for path in paths:
            if path.is_file() and path.suffix != ".md":
                files.add(judge_in_subprocess(path))
    print(files.figure("hostile files"), flush=True)
    start = time.monotonic()
    fuzzed = fuzz(args.fuzz, args.seed)
    print(fuzzed.figure("mutation fuzzer") + f" ({time.monotonic() - start:.0f} s)")
    for failure in (files.failures + fuzzed.failures)[:30]:
        print(f"  FAIL {failure}")
    return 0 if not files.failures and not fuzzed.failures else 1


if __name__ == "__main__":
    sys.exit(main())
