"""`ot62443 merge` killed with SIGKILL at any moment leaves the project as it was before the merge or
fully merged, never half of it: the merge is one batch (one journal record, one sync)."""

from __future__ import annotations

import dataclasses
import os
import random
import shutil
import textwrap
from pathlib import Path
from typing import Any

import pytest

from ot62443_desktop.demo import write_demo
from ot62443_desktop.domain.model import Status
from ot62443_desktop.storage import ProjectStore
from ot62443_desktop.storage.merge import merge_into
from tests.storage.test_kill_anywhere import run_round

WORKER = textwrap.dedent("""
    import sys
    from ot62443_desktop.cli import main
    print("ready", flush=True)  # imports done: the clock of the kill starts here
    sys.exit(main(["merge", sys.argv[1], sys.argv[2]]))
""")


def state(path: Path) -> tuple[Any, ...]:
    """What a person sees of a project: details, zones, answers, plan and conflicts."""
    with ProjectStore.open(path) as store:
        assert not store.read_only, store.read_only_reason
        data = store.snapshot()
        return data.info, data.zones, data.answers, data.remediation, store.conflicts()


def run_merge(script: Path, project: Path, other: Path, kill_after: float) -> float:
    """Merge `other` into `project` in a process killed `kill_after` seconds after it is ready; how long it ran."""
    return run_round(script, project, other, kill_after=kill_after)[1]


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_a_merge_killed_at_any_moment_leaves_the_project_before_or_after(tmp_path: Path) -> None:
    rounds = int(os.environ.get("OT62443_KILL_RUNS", "16"))
    rng = random.Random(os.environ.get("OT62443_KILL_SEED", "13"))
    pristine = tmp_path / "pristine" / "plant.ot62443"
    pristine.parent.mkdir()
    write_demo(pristine, zones=12)
    other = tmp_path / "stick" / "plant.ot62443"
    other.parent.mkdir()
    shutil.copy(pristine, other)
    with ProjectStore.open(other) as theirs, theirs.batch():  # a colleague's week: every answer changed
        for answer in theirs.answers().values():
            theirs.set_answer(dataclasses.replace(answer, notes=answer.notes + " (checked)"))
    with ProjectStore.open(pristine) as mine:  # and one answer changed here too: a conflict
        answer = next(iter(mine.answers().values()))
        mine.set_answer(dataclasses.replace(answer, status=Status.NOT_APPLICABLE, notes="not on site"))
    before = state(pristine)
    merged = tmp_path / "merged" / "plant.ot62443"
    merged.parent.mkdir()
    shutil.copy(pristine, merged)
    with ProjectStore.open(merged) as store:
        report = merge_into(store, other)
    after = state(merged)
    assert len(report.conflicts) == 1 and report.taken > 500 and before != after
    script = tmp_path / "merge.py"
    script.write_text(WORKER)
    work = tmp_path / "work" / "plant.ot62443"
    work.parent.mkdir()
    shutil.copy(pristine, work)
    full = run_merge(script, work, other, kill_after=60.0)  # a whole merge, to time it
    assert state(work) == after
    seen = {"before": 0, "after": 0}
    for n in range(rounds):
        shutil.copy(pristine, work)
        for leftover in work.parent.glob("plant.ot62443.*"):
            leftover.unlink()
        run_merge(script, work, other, kill_after=rng.uniform(0.0, full * 1.05))
        now = state(work)
        assert now in (before, after), f"round {n}: half merged"
        seen["before" if now == before else "after"] += 1
    print(f"{rounds} merges killed at random: {seen}")
