"""Next year's assessment for a 100-zone demo (issue 14, SPEC 12.3): carry forward and compare.

Run: python tests/benchmarks/bench_progress.py [--zones 100] [--runs 3] [--export-runs 1]
Builds the demo in a temporary folder as last year's assessment, then times, in the same run:
`carry_forward` (read last year's file, write a new project with its zones, plan and baseline),
and `compare_projects` of last year's file and this year's (answered again in full, a few gaps
fixed and a few new): both open, both scored, the gaps matched. Beside each, as baseline, a plain
open (read-only open and snapshot) of the same file(s), and the ratio. Budget: 2 s each.
Then times the plan and the register of this year's project (with the progress section and the
Changes sheet) beside the same exports of last year's, which has neither.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import statistics
import sys
import tempfile
from functools import partial
from pathlib import Path

from ot62443_desktop.api import carry_forward, compare_projects, open_project
from ot62443_desktop.catalogues import builtin_catalogues
from ot62443_desktop.demo import write_demo
from ot62443_desktop.domain.model import ProjectData, Status
from ot62443_desktop.exports.pdf import write_plan
from ot62443_desktop.exports.xlsx_register import write_register

sys.path.insert(0, str(Path(__file__).parent))
from timing import timed  # noqa: E402

BUDGET = 2.0  # seconds, for carry-forward and for compare


def snapshot(path: Path) -> ProjectData:
    """The plain open the figures are measured against: the file read, the project as data."""
    with open_project(path, read_only=True) as project:
        return project.store.snapshot()


def answer_again(path: Path) -> int:
    """This year's answers: last year's, with every third gap fixed and every eleventh measure lapsed."""
    with open_project(path) as project:
        previous = project.store.snapshot().previous
        assert previous is not None
        with project.store.batch():
            for n, (_key, answer) in enumerate(sorted(previous.answers.items())):
                if answer.status in (Status.PARTIAL, Status.NOT_IMPLEMENTED) and n % 3 == 0:
                    answer = dataclasses.replace(answer, status=Status.IMPLEMENTED,
                                                 ml=4 if answer.ml is not None else None)
                elif answer.status is Status.IMPLEMENTED and n % 11 == 0:
                    answer = dataclasses.replace(answer, status=Status.PARTIAL, ml=1 if answer.ml is not None else None)
                project.store.set_answer(answer)
        return len(previous.answers)


def line(label: str, samples: list[float], baseline: list[float], baseline_label: str) -> None:
    ours, base = statistics.median(samples), statistics.median(baseline)
    verdict = "within" if ours <= BUDGET else "OVER"
    print(f"{label:<34} median {ours * 1e3:7.0f} ms   max {max(samples) * 1e3:7.0f} ms   budget "
          f"{BUDGET * 1e3:.0f} ms ({verdict})")
    print(f"  {baseline_label:<32} median {base * 1e3:7.0f} ms   ratio {ours / base:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--zones", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--export-runs", type=int, default=1, help="runs of each export (0: none)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-progress-"))
    os.environ.setdefault("OT62443_DATA_DIR", str(work / "appdata"))
    try:
        old = work / "2026.ot62443"
        write_demo(old, zones=args.zones, seed=1)
        targets = iter(range(10_000))

        def carry() -> None:
            carry_forward(old, work / f"carried-{next(targets)}.ot62443").close()

        open_old, carried = [], []
        for _ in range(args.runs):  # alternately, so both see the same machine state
            open_old += timed(lambda: snapshot(old), 1)
            carried += timed(carry, 1)

        new = work / "2027.ot62443"
        carry_forward(old, new).close()
        answers = answer_again(new)
        open_both, compared = [], []
        for _ in range(args.runs):
            open_both += timed(lambda: (snapshot(old), snapshot(new)), 1)
            compared += timed(lambda: compare_projects(old, new), 1)
        closed, fresh, persisting = compare_projects(old, new).totals()

        print(f"project: {args.zones} zones, {answers} answers last year and again this year "
              f"({old.stat().st_size / 1e6:.1f} MB; this year's file with its baseline "
              f"{new.stat().st_size / 1e6:.1f} MB); compare finds {closed} closed, {fresh} new, "
              f"{persisting} persisting")
        line("carry forward", carried, open_old, "plain open of last year's file")
        line("compare (both files)", compared, open_both, "plain open of both files")

        last_year, this_year, catalogues = snapshot(old), snapshot(new), builtin_catalogues()
        exports = (("plan", write_plan, ".pdf"), ("register", write_register, ".xlsx"))
        for name, export, suffix in exports if args.export_runs > 0 else ():
            plain, ours = [], []
            for _ in range(args.export_runs):
                plain += timed(partial(export, last_year, catalogues, work / f"last{suffix}"), 1)
                ours += timed(partial(export, this_year, catalogues, work / f"this{suffix}"), 1)
            print(f"{name:<8} of this year's project (with its progress) median {statistics.median(ours):5.2f} s; "
                  f"of last year's (none) {statistics.median(plain):5.2f} s; ratio "
                  f"{statistics.median(ours) / statistics.median(plain):.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
