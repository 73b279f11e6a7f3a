"""Recovery copies: a live instance's copies are never offered, a killed instance's copies are."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from commarch.gui.recovery import RecoveryStore, emergency_copy
from commarch.model import CommModel, Topic

CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from commarch.gui.recovery import RecoveryStore
    from commarch.model import CommModel, Topic
    store = RecoveryStore(Path(sys.argv[1]))
    store.start()
    model = CommModel.empty(title="Workshop")
    model.elements.append(Topic(id="t1", label="Nachhaltigkeit"))
    store.write("doc1", model, "Workshop", "/somewhere/w.comm")
    print("ready", flush=True)
    time.sleep(60)
    """
)


def test_live_instance_is_not_recovered_but_a_killed_one_is(tmp_path: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        other = RecoveryStore(tmp_path)
        other.start()
        assert other.orphans() == []  # the first instance is alive: hands off
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        copies = other.orphans()
        assert len(copies) == 1
        assert copies[0].title == "Workshop" and copies[0].original_path == "/somewhere/w.comm"
        assert time.time() - copies[0].saved_at < 60
        from commarch.fileformat import load

        assert load(copies[0].model_path).elements[0].label == "Nachhaltigkeit"
        copies[0].discard()
        other.forget_dead_instances()
        assert other.orphans() == []
        assert len(list(tmp_path.glob("instance-*.lock"))) == 1  # only ours
        other.stop()
        assert list(tmp_path.iterdir()) == []
    finally:
        if child.poll() is None:
            child.kill()


def test_clean_close_removes_copies(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.start()
    store.write("a", CommModel.empty(), "A", None)
    store.remove("a")
    assert not list(tmp_path.glob("*.comm"))
    store.stop()


def test_emergency_copy_never_raises(tmp_path: Path) -> None:
    model = CommModel.empty()
    model.elements.append(Topic(id="t", label="x"))
    path = emergency_copy(tmp_path / "e", model, "x")
    assert path is not None and path.exists()
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert emergency_copy(blocker / "sub", model, "x") is None
