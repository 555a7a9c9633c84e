"""PDF export figure for a 100-zone demo (SPEC 10): our plan beside reportlab's plain layout.

Run: python tests/benchmarks/bench_pdf.py [--zones 100] [--runs 3] [--page-size A4]
Builds the demo in a temporary folder, then times, in the same run and alternately,
`write_plan` end to end (rows, layout, save) and reportlab setting the same text (every
heading, paragraph and table row of the plan, one plain Paragraph each, in the same embedded
Vera font, as reportlab ships it) in a SimpleDocTemplate. Prints both medians and the ratio. Budget: 1.5x.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]
from reportlab.platypus import Paragraph, SimpleDocTemplate  # type: ignore[import-untyped]

from ot62443_desktop.api import open_project
from ot62443_desktop.demo import write_demo
from ot62443_desktop.domain.catalogue import CatalogueSet
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import ProjectData
from ot62443_desktop.domain.scoring import Gap
from ot62443_desktop.exports.pdf import PAGE_SIZES, write_plan
from ot62443_desktop.exports.pdf.content import PlanContent, build_plan, evidence_text, gap_status
from ot62443_desktop.exports.wording import translator

ENGLISH = translator(Language.EN)


def _gap(c: PlanContent, g: Gap) -> Iterator[str]:
    item = g.item
    yield " ".join((g.requirement.id, g.requirement.title, gap_status(g, ENGLISH), g.priority.value, item.owner,
                    c.scored.due_date(g).isoformat(), item.state.value, g.answer.finding, g.answer.countermeasure,
                    item.justification))
    if item.action is not None:
        yield from g.action.split("\n")


def plain_texts(c: PlanContent) -> Iterator[str]:
    """Every text the plan prints, as plain strings: one per heading, paragraph or table row."""
    f = c.facts
    yield from (f.title, f.info.client, f.info.site, f.assessment_period, ", ".join(f.info.assessors),
                f.confidentiality, f.info.scope_note)
    e = c.executive
    for z in c.scored.zones:
        yield f"{z.zone.id} {z.zone.name} " + " ".join(f"{a}/{t}" for t, a in zip(z.zone.sl_t, z.sl_a, strict=True))
    for row in (*e.counts, e.total):
        yield f"{row.label} " + " ".join(map(str, row.by_priority))
    for check in e.design.checks if e.design else ():
        yield f"{check.scope_id} {check.scope_name} {check.check} {check.text}"
    for theme in e.themes:
        requirement = theme.requirement
        yield f"{requirement.id} {requirement.title} {theme.context} {theme.gaps} {theme.scopes} {theme.lead}"
    for bucket in c.roadmap.buckets:
        yield bucket.priority.value
        for window in bucket.windows:
            yield window.label
            for r in window.rows:
                yield f"{r.requirement.id} {r.requirement.title} " + ", ".join(s.scope_id for s in r.scopes) + \
                    f" {r.owner} {r.due.isoformat()}"
    for g in c.roadmap.accepted:
        yield f"{g.scope_id} {g.requirement.id} {g.requirement.title} {g.item.owner} {g.item.justification}"
    programs = [z.program for z in c.zones if z.program] + ([c.site_program] if c.site_program else [])
    for z in c.zones:
        zone = z.score.zone
        yield from (f"{zone.id} {zone.name}", zone.kind.value.capitalize(), zone.description,
                    "; ".join(asset.line() for asset in zone.assets),
                    " ".join(map(str, zone.sl_t)), " ".join(map(str, z.score.sl_a)), ", ".join(z.not_assessed))
        for g in z.gaps:
            yield from _gap(c, g)
        for requirement, answer in z.compensated:
            yield f"{requirement.id} {requirement.title} {answer.countermeasure}"
    for p in programs:
        for el in p.elements:
            yield f"{el.element.code} {el.element.title} {el.assessed} {el.gaps} {el.mean_ml} {el.lowest_ml}"
        for g in p.gaps:
            yield from _gap(c, g)
        yield ", ".join(p.not_assessed)
    for section in c.method:
        yield section.title
        for paragraph in section.paragraphs:
            yield from paragraph.split("\n")
        yield from (" ".join(row) for row in section.table)
    for action in c.actions:
        yield f"{action.requirement.id} {action.requirement.title} " + ", ".join(action.scopes)
        yield from action.requirement.remediation.split("\n")
    for scope in c.answers:
        yield f"{scope.scope_id} {scope.scope_name}"
        for title, a in scope.rows:
            yield " ".join((a.requirement_id, title, a.status.label, a.notes, a.finding, a.countermeasure,
                            *map(evidence_text, a.evidence), a.answered_by, str(a.answered_at or "")))


PLAIN_FONT = "BenchVera"


def plain_font() -> str:
    """The same Vera font, registered as reportlab ships it (our plan's fonts memoise widths)."""
    if PLAIN_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(PLAIN_FONT, str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")))
    return PLAIN_FONT


def plain_layout(project: ProjectData, catalogues: CatalogueSet, path: Path, page_size: str) -> int:
    """reportlab laying out the plan's text plainly: the reference the budget is measured against."""
    content = build_plan(project, catalogues)
    style = ParagraphStyle("plain", fontName=plain_font(), fontSize=9, leading=12)
    story = [Paragraph(escape(text), style) for text in plain_texts(content) if text.strip()]
    doc = SimpleDocTemplate(str(path), pagesize=PAGE_SIZES[page_size])
    count = len(story)
    doc.build(story)  # consumes the list
    return count


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def page_count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--zones", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--page-size", default="A4", choices=sorted(PAGE_SIZES))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-pdf-"))
    os.environ.setdefault("OT62443_DATA_DIR", str(work / "appdata"))
    try:
        source = work / "demo.ot62443"
        write_demo(source, zones=args.zones, seed=1)
        with open_project(source, read_only=True) as project:
            data, catalogues = project.store.snapshot(), project.catalogues
        ours_pdf, plain_pdf = work / "plan.pdf", work / "plain.pdf"
        write_plan(data, catalogues, ours_pdf, page_size=args.page_size)  # warm-up: fonts, caches, imports
        paragraphs = plain_layout(data, catalogues, plain_pdf, args.page_size)
        ours, plain = [], []
        for _ in range(args.runs):
            ours.append(timed(lambda: write_plan(data, catalogues, ours_pdf, page_size=args.page_size)))
            plain.append(timed(lambda: plain_layout(data, catalogues, plain_pdf, args.page_size)))
        content = timed(lambda: build_plan(data, catalogues))
        ours_s, plain_s = statistics.median(ours), statistics.median(plain)
        print(f"demo: {args.zones} zones, {len(data.answers)} answers, {args.page_size}, median of {args.runs} runs")
        print(f"our PDF plan (write_plan):           {ours_s:7.2f} s  {page_count(ours_pdf):5d} pages  "
              f"{ours_pdf.stat().st_size / 1e6:6.1f} MB")
        print(f"plain reportlab, same text:          {plain_s:7.2f} s  {page_count(plain_pdf):5d} pages  "
              f"{plain_pdf.stat().st_size / 1e6:6.1f} MB  ({paragraphs} paragraphs)")
        print(f"  of which building the rows (both): {content:7.2f} s")
        print(f"ratio: {ours_s / plain_s:.2f}x (budget 1.5x)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
