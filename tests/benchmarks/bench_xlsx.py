"""Excel register export for a 100-zone demo (SPEC 10): ours vs openpyxl writing the same cells plainly.

Run: python tests/benchmarks/bench_xlsx.py [--zones 100] [--rounds 5]
Builds the demo in a temporary folder, then alternates our `write_register` (scoring, styles,
tables, validation, conditional formats, chart, hidden key sheet, atomic write) with
openpyxl's write-only mode appending the same cell values to the same sheets with no
styling at all. Prints both and their ratio; budget 1.5x.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from ot62443_desktop.catalogues import builtin_catalogues
from ot62443_desktop.demo import write_demo
from ot62443_desktop.domain.catalogue import CatalogueSet
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import ProjectData
from ot62443_desktop.domain.report import score_project
from ot62443_desktop.exports import register_rows as rr
from ot62443_desktop.exports.wording import translator
from ot62443_desktop.exports.xlsx_register import write_register
from ot62443_desktop.storage import ProjectStore

ENGLISH = translator(Language.EN)


def sheets(project: ProjectData, catalogues: CatalogueSet) -> dict[str, list[Sequence[Any]]]:
    """The values our export writes on its big sheets, as plain rows (empty text as None)."""

    def values(row: Iterable[Any]) -> list[Any]:
        return [None if v == "" else v for v in row]

    scored = score_project(project, catalogues)
    gaps = [values(g.values(ENGLISH)) for g in rr.gap_rows(scored, catalogues, ENGLISH)]
    answers = [values((
        a.scope_id, a.scope_name, a.standard, a.requirement_id, a.title, a.level, a.status, a.ml,
        a.notes, a.finding, a.countermeasure, a.evidence, a.answered_by, a.answered_at,
    )) for a in rr.answer_rows(project, catalogues, ENGLISH)]
    program = [values((
        p.scope_id, p.scope_name, p.element, p.group, p.requirement_id, p.title, p.target_ml, p.achieved_ml,
        p.status, p.result,
    )) for p in rr.program_rows(project, catalogues, ENGLISH)]
    programs = scored.zone_programs
    zones = [values((z.zone.id, z.zone.name, z.zone.kind.value, z.zone.criticality.value, *z.zone.sl_t, *z.sl_a,
                     z.applicable, z.met, z.gaps, z.not_assessed,
                     programs[z.zone.id].gaps if z.zone.id in programs else None)) for z in scored.zones]
    keys = [[g[-1]] for g in gaps]
    return {"Summary": zones, "Gap register": [list(rr.REGISTER_COLUMNS), *gaps], "All answers": answers,
            "2-1 Program": program, "Register keys": keys}


def plain_openpyxl(data: dict[str, list[Sequence[Any]]], path: Path) -> None:
    wb = Workbook(write_only=True)
    for title, rows in data.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds; CPU time leaves out any time the process waited for a processor."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--zones", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-xlsx-"))
    os.environ.setdefault("OT62443_DATA_DIR", str(work / "appdata"))
    try:
        path = work / "demo.ot62443"
        write_demo(path, zones=args.zones, seed=1)
        with ProjectStore.open(path, read_only=True) as store:
            project = store.snapshot()
        catalogues = builtin_catalogues()
        rows_time, _ = timed(lambda: sheets(project, catalogues))
        data = sheets(project, catalogues)
        ours: list[tuple[float, float]] = []
        plain: list[tuple[float, float]] = []
        for _ in range(args.rounds):
            ours.append(timed(lambda: write_register(project, catalogues, work / "ours.xlsx")))
            plain.append(timed(lambda: plain_openpyxl(data, work / "plain.xlsx")))
        cells = sum(sum(v is not None for v in row) for rows in data.values() for row in rows)
        print(f"project: {args.zones} zones, {len(project.answers)} answers, "
              f"{len(data['Gap register']) - 1} gaps, {cells} non-empty cells")
        for name, runs, note in (
            ("our register export", ours, f"includes scoring and rows, {rows_time:.2f} s of it"),
            ("openpyxl plain     ", plain, "write-only, same values, no styles"),
        ):
            wall, cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
            print(f"{name}  wall median {wall:6.2f} s (min {min(r[0] for r in runs):.2f})   "
                  f"CPU median {cpu:6.2f} s   ({note})")
        wall_ratio = statistics.median(r[0] for r in ours) / statistics.median(r[0] for r in plain)
        cpu_ratio = statistics.median(r[1] for r in ours) / statistics.median(r[1] for r in plain)
        print(f"ratio ours / plain: {wall_ratio:.2f} wall, {cpu_ratio:.2f} CPU (medians of {args.rounds})   "
              "budget 1.5")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
