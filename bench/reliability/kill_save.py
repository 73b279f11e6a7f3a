"""Kill during save: SIGKILL a process that saves a ~5 MB model in a loop; the file must stay old-or-new.

Run: .venv/bin/python bench/reliability/kill_save.py [--kills 200] [--elements 12000] [--seed 7]
Prints: kills, corrupted files (goal 0), leftover temp files found and removed by clean_stale_temp_files.
The fast variant (about 20 kills) is tests/reliability/test_kill_during_save.py.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # bench/ for generate.py

from generate import generate  # noqa: E402

ELEMENTS = 12000  # about 5 MB of canonical .comm text


@dataclass
class KillStats:
    kills: int = 0
    corrupted: int = 0           # target missing, or bytes equal to neither version, or not loadable
    old_or_new: dict[str, int] = field(default_factory=lambda: {"A": 0, "B": 0})
    leftovers_found: int = 0     # temp files present right after a kill
    leftovers_cleaned: int = 0   # of those, removed by clean_stale_temp_files
    leftovers_remaining: int = 0  # temp files still there after cleaning (goal 0)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def figure(self) -> str:
        return (f"kill during save: {self.kills} kills, {self.corrupted} corrupted files, "
                f"file was old/new version {self.old_or_new['A']}/{self.old_or_new['B']} times, "
                f"{self.leftovers_found} leftover temp files found, {self.leftovers_cleaned} cleaned by "
                f"clean_stale_temp_files, {self.leftovers_remaining} remaining ({self.seconds:.0f} s)")


def make_versions(folder: Path, elements: int = ELEMENTS) -> tuple[Path, Path]:
    """Two different valid models of about the same size, as canonical .comm bytes on disk."""
    from commarch import fileformat

    paths = []
    for name, seed in (("A", 1), ("B", 2)):
        model = fileformat.loads(json.dumps(generate(elements, seed)).encode("utf-8"), name)
        path = folder / f"version-{name}.bytes"
        path.write_bytes(fileformat.dumps(model).encode("utf-8"))
        paths.append(path)
    return paths[0], paths[1]


def child(target: str, version_a: str, version_b: str) -> None:
    """Save A, B, A, B ... to `target` through the real atomic writer until killed."""
    from commarch.fileformat import write_atomic

    versions = [Path(version_a).read_bytes(), Path(version_b).read_bytes()]
    print("ready", flush=True)
    turn = 1  # the parent wrote A first
    while True:
        write_atomic(target, versions[turn])
        turn ^= 1


def _temp_files(folder: Path) -> list[Path]:
    from commarch.fileformat.cleanup import is_temp_name

    return [p for p in folder.iterdir() if is_temp_name(p.name)]


def run(kills: int, folder: Path, elements: int = ELEMENTS, seed: int = 7, max_delay: float = 0.6,
        versions: tuple[Path, Path] | None = None, log: bool = False) -> KillStats:
    """Spawn the saving child `kills` times and SIGKILL it after a random delay; check the file each time."""
    from commarch.fileformat import CommFileError, load
    from commarch.fileformat.cleanup import clean_stale_temp_files

    rng = random.Random(seed)
    version_a, version_b = versions or make_versions(folder, elements)
    expected = {hashlib.sha256(version_a.read_bytes()).hexdigest(): "A",
                hashlib.sha256(version_b.read_bytes()).hexdigest(): "B"}
    work = folder / "work"
    work.mkdir(exist_ok=True)
    target = work / "model.comm"
    target.write_bytes(version_a.read_bytes())
    loaded: dict[str, bool] = {}   # digest -> loads (load is deterministic, so once per distinct content)
    stats = KillStats()
    start = time.monotonic()
    for number in range(kills):
        proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--child", str(target),
                                 str(version_a), str(version_b)], stdout=subprocess.PIPE)
        assert proc.stdout is not None
        if proc.stdout.readline().strip() != b"ready":
            proc.kill()
            proc.wait()
            raise RuntimeError("the saving child did not start")
        time.sleep(rng.uniform(0.0, max_delay))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        if proc.returncode != -signal.SIGKILL:
            stats.problems.append(f"kill {number}: child exited by itself ({proc.returncode})")
        stats.kills += 1
        verdict = _check(target, expected, loaded, load, CommFileError)
        if verdict in ("A", "B"):
            stats.old_or_new[verdict] += 1
        else:
            stats.corrupted += 1
            stats.problems.append(f"kill {number}: {verdict}")
            target.write_bytes(version_a.read_bytes())
        found = _temp_files(work)
        stats.leftovers_found += len(found)
        # The writer is dead, so no temp file here is in use: clean with no minimum age ("next start").
        removed = clean_stale_temp_files(work, max_age=0.0)
        stats.leftovers_cleaned += len(removed)
        stats.leftovers_remaining += len(_temp_files(work))
        if log and (number + 1) % 25 == 0:
            print(f"  {number + 1} kills, {stats.corrupted} corrupted", flush=True)
    stats.seconds = time.monotonic() - start
    return stats


def _check(target: Path, expected: dict[str, str], loaded: dict[str, bool], load, error) -> str:  # type: ignore[no-untyped-def]
    try:
        data = target.read_bytes()
    except FileNotFoundError:
        return "the file is missing"
    digest = hashlib.sha256(data).hexdigest()
    if digest not in expected:
        return f"the file ({len(data)} bytes) is neither the old nor the new version"
    if digest not in loaded:
        try:
            load(target)
            loaded[digest] = True
        except error as exc:
            loaded[digest] = False
            return f"does not load: {exc.lines()[0]}"
    return expected[digest] if loaded[digest] else "does not load"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--elements", type=int, default=ELEMENTS)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--max-delay", type=float, default=0.6, help="seconds; kills land uniformly in [0, this]")
    parser.add_argument("--child", nargs=3, metavar=("TARGET", "A", "B"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    with tempfile.TemporaryDirectory(prefix="commarch-kill-") as folder:
        versions = make_versions(Path(folder), args.elements)
        size = versions[0].stat().st_size / 1e6
        print(f"model: {args.elements} elements, {size:.1f} MB; {args.kills} kills", flush=True)
        stats = run(args.kills, Path(folder), args.elements, args.seed, args.max_delay, versions, log=True)
    print(stats.figure())
    for problem in stats.problems[:20]:
        print(f"  {problem}")
    return 0 if stats.corrupted == 0 and stats.leftovers_remaining == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
