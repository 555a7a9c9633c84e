"""Sections 3 and 4: one section per zone or conduit, and the site's security program; both
list their gaps in the same gap table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.platypus import CondPageBreak, PageBreak  # type: ignore[import-untyped]

from ot62443_desktop.domain.model import ItemState
from ot62443_desktop.domain.scoring import Gap, ZoneScore
from ot62443_desktop.exports.labels import CRITICALITY_LABELS, KIND_LABELS, PRIORITY_HEX, STATE_LABELS
from ot62443_desktop.exports.pdf.composer import Composer
from ot62443_desktop.exports.pdf.content import ProgramSection, ZoneSection, gap_status
from ot62443_desktop.exports.pdf.flowables import Badge, Meter
from ot62443_desktop.exports.pdf.fonts import BOLD
from ot62443_desktop.exports.pdf.markup import id_markup, markdown_paragraphs, para
from ot62443_desktop.exports.pdf.tables import Grid, table
from ot62443_desktop.exports.pdf.textlayout import NBSP, Run, keep, run
from ot62443_desktop.exports.pdf.theme import ACCENT_HEX, BAND, MUTED_HEX, RULE, sl_colour


def zones(k: Composer) -> list[Any]:
    """The whole of section 3: an introduction, then each zone from a new page."""
    s, sections, tr = k.s, k.content.zones, k.tr
    story: list[Any] = [PageBreak(), k.heading(tr("3 Zones and conduits"), s.h1, "sec-zones", 0, toc=True), para(tr(
        "One section per zone or conduit: its facts, target and achieved security levels, every gap with "
        "its status, finding, recommended action, priority, owner and due date, the requirements still to "
        "be assessed and the compensating countermeasures the zone relies on."), s.body)]
    if not sections:
        story.append(para(tr("No zones or conduits are defined in this project."), s.body))
    return story


def zone_section(k: Composer, n: int, z: ZoneSection) -> list[Any]:
    """Section 3.n: the zone's facts, SL vector, gaps, what is not assessed, countermeasures, program."""
    s, score, tr = k.s, z.score, k.tr
    zone = score.zone
    story: list[Any] = [PageBreak(), k.heading(f"3.{n} {zone.id}  {zone.name}", s.h2, f"zone-{n}", 1, toc=True)]
    facts = [
        (tr("Kind"), tr("{kind}, {criticality} criticality", kind=tr(KIND_LABELS[zone.kind]),
                        criticality=tr(CRITICALITY_LABELS[zone.criticality]).lower())),
        (tr("Description"), zone.description or "-"),
        (tr("Assets"), "\n".join(asset.line() for asset in zone.assets) or "-"),
        (tr("Requirements"), tr("{applicable} applicable: {met} met, {gaps} gaps, {not_assessed} not assessed",
                                applicable=score.applicable, met=score.met, gaps=score.gaps,
                                not_assessed=len(z.not_assessed))),
    ]
    story.append(table([[k.t(run(key, BOLD)), k.t(value)] for key, value in facts], k.cols(0.2, 0.8),
                       [("BACKGROUND", (0, 0), (0, -1), BAND)], header=False))
    story.append(sl_vector(k, score))
    story += [CondPageBreak(30 * mm), para(tr("<b>Gaps ({count})</b>", count=len(z.gaps)), s.h3)]
    story += gap_table(k, z.gaps) if z.gaps else [para(tr("No gap recorded in this zone."), s.body)]
    if z.not_assessed:
        story += [para(tr("<b>Not assessed ({count})</b>", count=len(z.not_assessed)), s.h3), para(tr(
            "Applicable requirements without an answer. They are neither gaps nor met, and they hold SL-A "
            "down until assessed: {ids}.", ids=", ".join(id_markup(r) for r in z.not_assessed)), s.small)]
    if z.compensated:
        story += [CondPageBreak(25 * mm), para(tr("<b>Compensating countermeasures relied on ({count})</b>",
                                                  count=len(z.compensated)), s.h3)]
        rows = [[k.t(run(keep(requirement.id), BOLD), f" {requirement.title}"),
                 k.t(answer.countermeasure) if answer.countermeasure.strip()
                 else k.t(run(tr("No countermeasure text recorded."), colour=MUTED_HEX))]
                for requirement, answer in z.compensated]
        story.append(Grid([tr("Requirement"), tr("Countermeasure recorded")], rows, k.cols(0.34, 0.66), k.texts))
    if z.program:
        story += [CondPageBreak(50 * mm), para(tr("<b>Security program of this zone (IEC 62443-2-1)</b>"), s.h3)]
        story += program_body(k, z.program)
    return story


def sl_vector(k: Composer, score: ZoneScore) -> Any:
    """SL-T, SL-A and the shortfall per FR, SL-A coloured by the shortfall."""
    sl_t, sl_a = score.zone.sl_t, score.sl_a
    rows: list[list[Any]] = [["", *[f"{fr.id} {fr.code}" for fr in k.content.executive.frs]],
                             ["SL-T", *[str(t) for t in sl_t]],
                             ["SL-A", *[str(a) for a in sl_a]],
                             [k.tr("Shortfall"), *[str(gap) if gap else "-" for gap in score.sl_gap]]]
    commands: list[tuple[Any, ...]] = [("ALIGN", (1, 0), (-1, -1), "CENTER"), ("FONTNAME", (0, 1), (0, -1), BOLD),
                                       ("FONTNAME", (1, 2), (-1, 2), BOLD),
                                       ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white]),
                                       ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE)]
    for i, (t, a) in enumerate(zip(sl_t, sl_a, strict=True), start=1):
        commands.append(("BACKGROUND", (i, 2), (i, 2), sl_colour(t, a)))
    return table(rows, k.cols(0.16, *([0.12] * 7)), commands, long=False)


def gap_table(k: Composer, gaps: Sequence[Gap]) -> list[Any]:
    """Every gap: requirement, status, priority badge, owner and due date, finding and action."""
    tr = k.tr
    widths = k.cols(0.24, 0.13, 0.07, 0.15, 0.41)
    rows = [_gap_row(k, g) for g in gaps]
    return [Grid([tr("Requirement"), tr("Status"), tr("Prio."), tr("Owner, due"), tr("Finding and action")], rows,
                 widths, k.texts, centred=(2,))]


def _gap_row(k: Composer, g: Gap) -> list[Any]:
    requirement, answer, item, tr = g.requirement, g.answer, g.item, k.tr
    level = f"SL{requirement.level}" if requirement.level is not None else "2-1"
    priority: Any = Badge(g.priority.value, *PRIORITY_HEX[g.priority], k.texts)
    if g.priority is not g.computed_priority:  # show what the rule gave beside what was decided
        priority = [priority, k.t(run(tr("rule: {priority}", priority=g.computed_priority.value), colour=MUTED_HEX),
                                  size=6.5)]
    due = [k.owner_run(item.owner), run("\n"), run(tr.short_date(k.content.scored.due_date(g)), BOLD)]
    if item.due_date is None:
        due.append(run(" " + tr("(default)"), colour=MUTED_HEX))
    state = tr(STATE_LABELS[item.state])
    if item.effort:
        state = tr("{state}, effort{nbsp}{effort}", state=state, nbsp=NBSP, effort=item.effort.value)
    due.append(run("\n" + state))
    detail: list[Run] = []
    if answer.finding.strip():
        detail += [run(tr("Finding: "), BOLD), run(answer.finding), run("\n")]
    if answer.countermeasure.strip():
        detail += [run(tr("Compensating countermeasure noted: "), BOLD), run(answer.countermeasure), run("\n")]
    if item.state is ItemState.RISK_ACCEPTED:
        detail += [run(tr("Risk accepted: "), BOLD), run(item.justification), run("\n")]
    extra: list[Any] = []
    if not g.action.strip():
        detail += [run(tr("Action: "), BOLD), run(tr("none recorded; agree one with the owner."))]
    elif item.action is not None:
        detail.append(run(tr("Action (assessor's):"), BOLD))
        extra = markdown_paragraphs(g.action, k.s.cell, k.s.cell_bullet)
    else:
        link = k.action_links.get(requirement.id)
        detail += [run(tr("Action: "), BOLD), run(tr("catalogue action, see ")),
                   run(tr("Appendix{nbsp}B, {id}", nbsp=NBSP, id=keep(requirement.id)), colour=ACCENT_HEX, link=link),
                   run(".")]
    return [
        k.t(run(keep(requirement.id), BOLD), f"\n{requirement.title}",
            run(f"\n{level} \u00b7 {requirement.section}", colour=MUTED_HEX)),
        k.t(gap_status(g, tr)),
        priority,
        k.t(*due),
        [k.t(*detail), *extra] if extra else k.t(*detail),
    ]


def program(k: Composer) -> list[Any]:
    """Section 4: the site's security program, or why there is none."""
    s, p, tr = k.s, k.content.site_program, k.tr
    story: list[Any] = [PageBreak(), k.heading(tr("4 Security program (IEC 62443-2-1)"), s.h1, "sec-program", 0,
                                               toc=True)]
    if p is None:
        return story + [para(tr("No security program catalogue is loaded."), s.body)]
    story.append(para(tr(
        "The site's security program against IEC 62443-2-1, target maturity ML{target_ml}. The bar shows the "
        "mean achieved maturity of each program element on the 0-4 scale (green when the mean reaches the "
        "target, red otherwise); the black mark is the target.", target_ml=p.score.target_ml), s.body))
    return story + program_body(k, p)


def program_body(k: Composer, p: ProgramSection) -> list[Any]:
    """2-1 of one scope: the figures, maturity per element, its gaps and what is not assessed."""
    s, o, tr = k.s, p.score, k.tr
    story: list[Any] = [para(tr(
        "{requirements} requirements: {met} at or above ML{target_ml}, <b>{gaps} below</b>, {not_assessed} not "
        "assessed, {not_applicable} not applicable.", requirements=o.requirements, met=o.met, target_ml=o.target_ml,
        gaps=o.gaps, not_assessed=o.not_assessed, not_applicable=o.not_applicable), s.small)]
    widths = k.cols(0.36, 0.1, 0.08, 0.24, 0.1, 0.12)
    rows: list[list[Any]] = [[tr("Program element"), tr("Assessed"), tr("Gaps"), tr("Mean maturity"), tr("Lowest"),
                              tr("Not assessed")]]
    for e in p.elements:
        mean = tr.decimal(e.mean_ml) if e.mean_ml is not None else "-"
        rows.append([
            k.t(run(e.element.code, BOLD), f" {e.element.title}"),
            f"{e.assessed} / {e.requirements}", str(e.gaps) if e.gaps else "-",
            [k.t(tr("{mean} (target {target})", mean=mean, target=o.target_ml)),
             Meter(e.mean_ml, o.target_ml, widths[3] - 10)],
            str(e.lowest_ml) if e.lowest_ml is not None else "-", str(e.not_assessed) if e.not_assessed else "-",
        ])
    story.append(table(rows, widths, [("ALIGN", (1, 0), (-1, -1), "CENTER"), ("ALIGN", (3, 1), (3, -1), "LEFT")],
                       long=False))
    story += [CondPageBreak(30 * mm), para(tr("<b>Program gaps ({count})</b>", count=len(p.gaps)), s.h3)]
    story += gap_table(k, p.gaps) if p.gaps else [para(tr("No program gap recorded."), s.body)]
    if p.not_assessed:
        story.append(para(tr("<b>Not assessed ({count}):</b> {ids}.", count=len(p.not_assessed),
                             ids=", ".join(id_markup(r) for r in p.not_assessed)), s.small))
    return story
