"""kill -9 at random moments of opening, writing, compaction and closing loses no acknowledged answer.

Each round starts a worker that opens the project (replaying whatever the previous killed
worker left), writes a few answers with compaction made frequent, closes it, and is killed
at a random instant of all that. `OT62443_KILL_RUNS` sets the number of rounds (default 16).
The worker opens an encrypted project with the passphrase in OT62443_PASSPHRASE, as the
command line does (test_encrypted_kill runs the same rounds on one).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from ot62443_desktop.api import open_project
from ot62443_desktop.storage.versions import answer_key

WORKER = textwrap.dedent("""
    import os, sys
    from ot62443_desktop.storage import store
    store.COMPACT_AFTER_BYTES = 3000  # compaction every few answers
    from ot62443_desktop.api import open_project
    from ot62443_desktop.catalogues import builtin_catalogues
    from ot62443_desktop.domain.catalogue import Scale

    ids = [r.id for r in builtin_catalogues().requirements(Scale.SECURITY_LEVEL)][:40]
    start, count = int(sys.argv[2]), int(sys.argv[3])
    print("ready", flush=True)  # imports done: the clock of the kill starts here
    project = open_project(sys.argv[1], passphrase=os.environ.get("OT62443_PASSPHRASE") or None)
    print("opened", flush=True)
    for n in range(start, start + count):
        zone, req = f"Z{n % 3}", ids[n * 7 % len(ids)]
        project.set_answer(zone, req, "partial", notes=f"n {n}")
        print(f"{zone}|{req}|{n}", flush=True)  # acknowledged: set_answer has returned
        if n % 4 == 0:  # a removal: a tombstone, and the removed version in the history
            project.store.clear_answer(zone, req)
            print(f"cleared|{zone}|{req}|{n}", flush=True)
    project.close()
    print("closed", flush=True)
""")


def run_round(script: Path, *args: object, kill_after: float) -> tuple[list[str], float]:
    """Run the worker with `args`; kill it `kill_after` seconds after it says it is ready (if still alive)."""
    child = subprocess.Popen([sys.executable, str(script), *map(str, args)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    assert child.stdout is not None
    reader = threading.Thread(target=lambda: lines.extend(line.rstrip("\n") for line in child.stdout))  # type: ignore[union-attr]
    reader.start()
    deadline = time.monotonic() + 30
    while "ready" not in lines and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    ready = time.monotonic()
    try:
        child.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    worked = time.monotonic() - ready
    reader.join(timeout=30)
    assert child.stderr is not None
    errors = child.stderr.read()
    assert "Traceback" not in errors, errors
    return lines, worked


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_kill_at_random_moments_of_open_compaction_and_close(
        project_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OT62443_PASSPHRASE", raising=False)
    kill_at_random_moments(project_path, tmp_path, None)


def kill_at_random_moments(project_path: Path, tmp_path: Path, passphrase: str | None) -> None:
    """The rounds on a project created with `passphrase` (the workers take it from OT62443_PASSPHRASE)."""
    rounds = int(os.environ.get("OT62443_KILL_RUNS", "16"))
    rng = random.Random(os.environ.get("OT62443_KILL_SEED", "62443"))
    with open_project(project_path, create=True, passphrase=passphrase) as project:
        for z in range(3):
            project.add_zone(f"Z{z}", f"Zone {z}", 4)
    script = tmp_path / "worker.py"
    script.write_text(WORKER)
    lines, full = run_round(script, project_path, 0, 12, kill_after=30.0)  # a whole round, to time it
    assert lines[-1] == "closed"
    acked: dict[tuple[str, str], int] = {}
    cleared: dict[tuple[str, str], int] = {}
    n, outcomes = 100, {"while opening": 0, "open": 0, "closed": 0}
    for _ in range(rounds):
        count = rng.randint(0, 24)
        lines, _ = run_round(script, project_path, n, count, kill_after=rng.uniform(0.0, full * 1.2))
        for line in lines:
            if line.count("|") == 2:
                zone, req, number = line.split("|")
                acked[(zone, req)] = int(number)
                cleared.pop((zone, req), None)
            elif line.startswith("cleared|"):
                _, zone, req, number = line.split("|")
                cleared[(zone, req)] = int(number)
                del acked[(zone, req)]
        outcomes["closed" if "closed" in lines else "open" if "opened" in lines else "while opening"] += 1
        n += count
    with open_project(project_path, passphrase=passphrase) as project:
        assert not project.store.read_only, project.store.read_only_reason
        for (zone, req), number in acked.items():
            answer = project.answer(zone, req)
            if answer is None and number % 4 == 0:  # killed after its removal was saved, before it was told
                assert project.store.removed(answer_key(zone, req)) is not None
                continue
            assert answer is not None, f"{zone} {req} lost"
            assert int(answer["notes"].split()[1]) >= number  # the acknowledged value or a later one
        for (zone, req), number in cleared.items():
            answer = project.answer(zone, req)
            assert answer is None or int(answer["notes"].split()[1]) > number, f"{zone} {req} came back"
            if answer is None:
                assert project.store.removed(answer_key(zone, req)) is not None
    print(f"{rounds} rounds killed: {outcomes}; {len(acked)} acknowledged answers and {len(cleared)} "
          "removals checked")
