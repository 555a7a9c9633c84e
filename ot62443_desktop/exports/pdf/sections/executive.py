"""Section 1, the executive summary: key figures, the SL chart and matrix, gaps by priority
and area, the most urgent themes, the site's security program, for a project carried forward
the progress since the previous assessment (sections/progress.py) and, last, the zones-and-conduits
drawing with the design checks (sections/design.py)."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.platypus import CondPageBreak  # type: ignore[import-untyped]

from ot62443_desktop.domain.model import ItemState, Priority
from ot62443_desktop.domain.scoring import ZoneScore
from ot62443_desktop.exports.pdf.composer import Composer
from ot62443_desktop.exports.pdf.content import ExecutiveSummary, fr_label
from ot62443_desktop.exports.pdf.figures import add_legend, area_table, kpi_tiles, level_chart
from ot62443_desktop.exports.pdf.fonts import BOLD, FONT
from ot62443_desktop.exports.pdf.markup import chunks, name, names, para, text_markup
from ot62443_desktop.exports.pdf.sections import design, progress
from ot62443_desktop.exports.pdf.tables import table
from ot62443_desktop.exports.pdf.textlayout import run
from ot62443_desktop.exports.pdf.theme import (
    BAR_MET,
    BAR_SHORT,
    BAR_TARGET,
    MUTED_HEX,
    PRIORITY_COLOURS,
    SL_FAR,
    SL_MET,
    SL_NONE,
    SL_SHORT,
    sl_colour,
)


def executive(k: Composer) -> list[Any]:
    """The whole of section 1."""
    s, f, e, scored, tr = k.s, k.facts, k.content.executive, k.content.scored, k.tr
    info = f.info
    zones = scored.zones
    states = scored.by_state()
    not_assessed = sum(z.not_assessed for z in zones)
    story: list[Any] = [k.heading(tr("1 Executive summary"), s.h1, "sec-exec", 0, toc=True)]
    total = e.total.total
    assessors = names(info.assessors, ", ", tr) or tr("the assessors")
    facts = dict(assessors=text_markup(assessors), zones=k.zones_phrase(f.zone_count),
                 site=text_markup(name(info.site)), client=text_markup(name(info.client)), target_ml=info.target_ml)
    if f.has_period:
        scope = tr("During {period}, {assessors} assessed {zones} of {site} ({client}) against IEC 62443-3-3, and "
                   "the security program against IEC 62443-2-1 with a target maturity of ML{target_ml}.",
                   period=text_markup(f.assessment_period), **facts)
    else:  # dates never recorded: no period to name
        scope = tr("This assessment by {assessors} covered {zones} of {site} ({client}) against IEC 62443-3-3, and "
                   "the security program against IEC 62443-2-1 with a target maturity of ML{target_ml}.", **facts)
    found = tr(
        "{answers} answers were recorded. The assessment found <b>{gaps} gaps</b>: {open} open, {in_progress} in "
        "progress, {done} done but not yet re-assessed and {accepted} with the risk accepted. {not_assessed} "
        "applicable requirements of the zones remain not assessed.",
        answers=tr.count(f.answer_count), gaps=tr.count(total), open=tr.count(states[ItemState.OPEN]),
        in_progress=tr.count(states[ItemState.IN_PROGRESS]), done=tr.count(states[ItemState.DONE]),
        accepted=tr.count(states[ItemState.RISK_ACCEPTED]), not_assessed=tr.count(not_assessed))
    story.append(para(f"{scope} {found}", s.body))
    if info.scope_note.strip():
        for n, piece in enumerate(chunks(" ".join(info.scope_note.split()))):
            lead = tr("<b>Scope.</b> {text}", text=text_markup(piece))
            story.append(para(lead if n == 0 else text_markup(piece), s.body))
    below = sum(1 for z in zones if any(z.sl_gap))
    p1 = e.total.by_priority[0]
    tiles = [(tr.count(total), tr("gaps in total"), s.kpi),
             (tr.count(p1), tr("P1 gaps, due within 3 months"), s.kpi_alert if p1 else s.kpi),
             (f"{below} / {len(zones)}", tr("zones below SL-T in at least one FR"), s.kpi),
             (tr.count(not_assessed), tr("applicable requirements not assessed"), s.kpi)]
    story.append(kpi_tiles(k, tiles))

    story += [CondPageBreak(70 * mm),
              k.heading(tr("1.1 Target and achieved security levels"), s.h2, "exec-levels", 1, toc=True)]
    if zones:
        story.append(para(tr(
            "Mean SL-T and SL-A over all zones and conduits, per foundational requirement; under each FR, how "
            "many zones fall short of their target in it."), s.small))
        story.append(fr_chart(k, e))
        story += [sl_matrix(k, e, zones), sl_legend(k)]
    else:
        story.append(para(tr("No zones or conduits are defined in this project."), s.body))
    story += counts_table(k, e)
    story += themes(k, e)
    site = k.content.site_program
    if site:
        score = site.score
        story += [CondPageBreak(30 * mm),
                  k.heading(tr("1.4 Security program"), s.h2, "exec-program", 1, toc=True),
                  para(tr("Of the {requirements} IEC 62443-2-1 requirements for the site, {met} reach the target "
                          "maturity ML{target_ml}, <b>{gaps} fall short</b>, {not_assessed} are not assessed and "
                          "{not_applicable} do not apply. Section 4 gives the maturity per program element.",
                          requirements=score.requirements, met=score.met, target_ml=score.target_ml,
                          gaps=score.gaps, not_assessed=score.not_assessed, not_applicable=score.not_applicable),
                       s.body)]
    number = 4 if site else 3
    if e.progress is not None:
        number += 1
        story += progress.progress(k, f"1.{number}", e.progress)
    if e.design is not None:
        number += 1
        story += design.design(k, f"1.{number}", e.design)
    return story


def counts_table(k: Composer, e: ExecutiveSummary) -> list[Any]:
    """1.2: gaps per priority, per FR and for the program, with the priority colours as headings."""
    tr = k.tr
    story: list[Any] = [CondPageBreak(60 * mm),
                        k.heading(tr("1.2 Gaps by priority and requirement area"), k.s.h2, "exec-counts", 1,
                                  toc=True)]
    headings = [(p.value, *PRIORITY_COLOURS[p]) for p in Priority]
    story.append(area_table(k, headings, [(row.label, row.by_priority) for row in e.counts],
                            (e.total.label, e.total.by_priority), (0.5, 0.09, 0.09, 0.09, 0.09, 0.14), tr("Total")))
    return story


def themes(k: Composer, e: ExecutiveSummary) -> list[Any]:
    """1.3: the requirements with the heaviest load of open gaps, as a numbered list."""
    s, tr = k.s, k.tr
    story: list[Any] = [CondPageBreak(40 * mm),
                        k.heading(tr("1.3 Most urgent themes"), s.h2, "exec-themes", 1, toc=True)]
    if not e.themes:
        story.append(para(tr("No open gaps: there is no urgent theme."), s.body))
    for n, theme in enumerate(e.themes, start=1):
        counts = ", ".join(tr("{count} at {priority}", count=c, priority=p.value)
                           for p, c in zip(Priority, theme.by_priority, strict=True) if c)
        load = tr("{gaps} in {scopes}", gaps=tr.n("{n} open gap", "{n} open gaps", theme.gaps),
                  scopes=tr.n("{n} scope", "{n} scopes", theme.scopes))
        story.append(para(
            f"<b>{text_markup(theme.requirement.id)} {text_markup(theme.requirement.title)}</b> "
            f"<font color='{MUTED_HEX}'>({text_markup(theme.context)})</font>: {load} "
            f"({counts}). {text_markup(theme.lead)}", s.bullet, f"{n}."))
    return story


def fr_chart(k: Composer, e: ExecutiveSummary) -> Any:
    """Mean SL-T and SL-A per FR over the zones, as bars; under each FR how many zones fall short."""
    tr = k.tr
    drawing, chart = level_chart(
        k, [[f.mean_target for f in e.fr_figures], [f.mean_achieved for f in e.fr_figures]],
        [tr("{fr}\n{count} below", fr=fr_label(f.fr), count=f.zones_below) for f in e.fr_figures],
        (BAR_TARGET, BAR_MET))
    for i, figure in enumerate(e.fr_figures):
        if figure.mean_achieved < figure.mean_target:
            chart.bars[(1, i)].fillColor = BAR_SHORT
    add_legend(drawing, [(BAR_TARGET, tr("Mean SL-T")), (BAR_MET, tr("Mean SL-A, target met")),
                         (BAR_SHORT, tr("Mean SL-A, below target"))])
    return drawing


def sl_matrix(k: Composer, e: ExecutiveSummary, zones: tuple[ZoneScore, ...]) -> Any:
    """One row per zone: SL-A / SL-T per FR, coloured by the shortfall, then gaps and not assessed."""
    tr = k.tr
    head = [tr("Zone or conduit"), *[f"{fr.id}\n{fr.code}" for fr in e.frs], tr("Gaps"), tr("Not\nassessed")]
    widths = k.cols(0.28, *([0.075] * 7), 0.085, 0.11)
    rows: list[list[Any]] = [head]
    commands: list[tuple[Any, ...]] = [("ALIGN", (1, 0), (-1, -1), "CENTER"),
                                       ("VALIGN", (1, 1), (-1, -1), "MIDDLE"),
                                       ("FONTNAME", (1, 1), (7, -1), BOLD)]
    for r, z in enumerate(zones, start=1):
        rows.append([k.t(run(z.zone.id, BOLD), f"  {name(z.zone.name)}"),
                     *[f"{a} / {t}" for t, a in zip(z.zone.sl_t, z.sl_a, strict=True)],
                     str(z.gaps), str(z.not_assessed)])
        for i, (t, a) in enumerate(zip(z.zone.sl_t, z.sl_a, strict=True), start=1):
            commands.append(("BACKGROUND", (i, r), (i, r), sl_colour(t, a)))
    return table(rows, widths, commands)


def sl_legend(k: Composer) -> Any:
    """The SL colour key, as swatches in a one-row table (no symbol font needed)."""
    tr = k.tr
    keys = [(SL_FAR, tr("SL-A two or more levels below SL-T")), (SL_SHORT, tr("one level below")),
            (SL_MET, tr("target reached")), (SL_NONE, tr("no target (SL-T 0)"))]
    cells: list[Any] = []
    widths: list[float] = []
    commands: list[tuple[Any, ...]] = [("LINEBELOW", (0, 0), (-1, -1), 0, colors.white),
                                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                       ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]
    for colour, text in keys:
        column = len(cells) + 1  # after the introduction
        commands.append(("BACKGROUND", (column, 0), (column, 0), colour))
        cells += ["", k.t(text, colour=MUTED_HEX, size=7)]
        widths += [10, pdfmetrics.stringWidth(text, FONT, 7) + 14]
    caption = tr("Cells show SL-A / SL-T:")
    intro = pdfmetrics.stringWidth(caption, FONT, 7) + 10
    return table([[k.t(caption, colour=MUTED_HEX, size=7), *cells]], [intro, *widths],
                 commands, header=False, long=False)
