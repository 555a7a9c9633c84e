"""Merge figures (issue 13): two copies of a 100-zone demo, 1,000 records changed on one of them
(and a few on both, which conflict), merged; printed beside a plain load of both files.

Run: python tests/benchmarks/bench_merge.py [--zones 100] [--changes 1000]
Budget: the merge under 2 s. The merge opens the other copy (read-only), compares every record's
version, and writes what it takes as one batch; a plain load is opening both files read-only.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from ot62443_desktop.demo import write_demo
from ot62443_desktop.domain.model import Status
from ot62443_desktop.storage import ProjectStore
from ot62443_desktop.storage.identity import user
from ot62443_desktop.storage.merge import merge_into, plan_merge
from ot62443_desktop.storage.versions import now

sys.path.insert(0, str(Path(__file__).parent))
from timing import timed  # noqa: E402

CONFLICTS = 10  # of the changed records, this many are also changed differently on the first copy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--zones", type=int, default=100)
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-merge-"))
    os.environ.setdefault("OT62443_DATA_DIR", str(work / "appdata"))
    try:
        ours, theirs = work / "ours" / "plant.ot62443", work / "theirs" / "plant.ot62443"
        ours.parent.mkdir()
        theirs.parent.mkdir()
        write_demo(ours, zones=args.zones, seed=1)
        shutil.copy(ours, theirs)
        changed = change(theirs, args.changes, "seen on the colleague's laptop")
        change(ours, CONFLICTS, "seen here", among=changed)
        pristine = work / "pristine.ot62443"
        shutil.copy(ours, pristine)

        loads = timed(lambda: [ProjectStore.open(p, read_only=True).close() for p in (ours, theirs)], args.runs)
        with ProjectStore.open(ours, read_only=True) as a, ProjectStore.open(theirs, read_only=True) as b:
            plans = timed(lambda: plan_merge(a.document(), b.document(), copy_id=a.copy_id, by=user(), at=now()),
                          args.runs)
            records = len(a.answers()) + len(a.snapshot().remediation) + len(a.zones()) + 1

        merges, report = [], None
        for _ in range(args.runs):
            shutil.copy(pristine, ours)  # the same merge each time
            with ProjectStore.open(ours) as store:
                start = time.perf_counter()
                report = merge_into(store, theirs)
                merges.append(time.perf_counter() - start)
        assert report is not None
        load, merge, plan = statistics.median(loads), statistics.median(merges), statistics.median(plans)
        print(f"two copies of {args.zones} zones ({records:,} records each); {args.changes} records changed on "
              f"one, {CONFLICTS} of them also here")
        print(f"merged: {report.taken} taken, {len(report.conflicts)} conflicts, {report.unchanged:,} unchanged")
        print(f"plain load of both files (read-only open)  median {load * 1e3:6.0f} ms")
        print(f"merge (open the other, compare, one batch)  median {merge * 1e3:6.0f} ms   budget 2000 ms   "
              f"ratio to the plain load {merge / load:.2f}")
        print(f"  of which comparing the versions (the plan) median {plan * 1e3:6.0f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def change(path: Path, count: int, notes: str, among: list[tuple[str, str]] | None = None) -> list[tuple[str, str]]:
    """Change `count` answers of the project at `path` (chosen among `among`, if given) as one batch."""
    rng = random.Random(count)
    with ProjectStore.open(path) as store, store.batch():
        answers = store.answers()
        keys = rng.sample(among or sorted(answers), count)
        for key in keys:
            answer = answers[key]
            store.set_answer(dataclasses.replace(answer, notes=notes, status=Status.PARTIAL
                                                 if answer.status is not Status.PARTIAL else Status.IMPLEMENTED))
    return keys


if __name__ == "__main__":
    main()
