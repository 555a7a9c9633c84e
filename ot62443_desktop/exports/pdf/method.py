"""The method appendix of the plan, in our own words, and the plan's own rules it explains.

The due windows and theme weights are defined here, beside the text that states them, and
read by the roadmap and the urgent themes (content.py); every other figure in the text comes
from the domain rules, so the appendix cannot describe a rule the program does not apply.
"""

from __future__ import annotations

from dataclasses import dataclass

from ot62443_desktop.domain.model import Priority, Status
from ot62443_desktop.domain.priority import CRITICALITY_POINTS, DUE_MONTHS, PROGRAM_BASICNESS, THRESHOLDS
from ot62443_desktop.domain.scoring import MAX_LEVEL
from ot62443_desktop.exports.labels import CRITICALITY_LABELS, MATURITY_LABELS, STATUS_LABELS
from ot62443_desktop.exports.wording import N_, Translator

#: Roadmap windows: (months after the assessment date, label); later dates fall in the last one.
DUE_WINDOWS: tuple[tuple[int | None, str], ...] = (
    (3, N_("Within 3 months")),
    (6, N_("3 to 6 months")),
    (12, N_("6 to 12 months")),
    (24, N_("12 to 24 months")),
    (None, N_("More than 24 months")),
)
#: How much one open gap of each priority weighs when the urgent themes are ranked.
THEME_WEIGHTS = {Priority.P1: 8, Priority.P2: 4, Priority.P3: 2, Priority.P4: 1}


@dataclass(frozen=True)
class MethodSection:
    """A part of the method appendix: Markdown paragraphs and an optional table (first row = header)."""

    title: str
    paragraphs: tuple[str, ...]
    table: tuple[tuple[str, ...], ...] = ()


def method_sections(target_ml: int, tr: Translator) -> tuple[MethodSection, ...]:
    """The method appendix, in our own words, with the figures taken from the domain rules."""
    met, gap = tr("Met"), tr("Gap")
    status_rows = (
        (tr("Status"), tr("Meaning"), tr("Counts as")),
        (tr(STATUS_LABELS[Status.IMPLEMENTED]), tr("The assessor saw the measure in place and working."), met),
        (tr(STATUS_LABELS[Status.COMPENSATED]), tr(
            "The requirement is not met as written, but another documented measure gives equivalent "
            "protection; the countermeasure is recorded with the answer."), met),
        (tr(STATUS_LABELS[Status.NOT_APPLICABLE]), tr(
            "The requirement has no object in this scope (for example no wireless in the zone); the reason "
            "is recorded in the notes."), tr("Met (2-1: left out)")),
        (tr(STATUS_LABELS[Status.PARTIAL]), tr("The measure exists but does not cover every system, user or case."),
         gap),
        (tr(STATUS_LABELS[Status.NOT_IMPLEMENTED]), tr("The measure is absent."), gap),
        (tr(STATUS_LABELS[Status.NOT_ASSESSED]), tr("No answer yet (or explicitly left open)."),
         tr("Not met for SL-A; reported as not assessed, never as a gap or as met")),
    )
    criticality = ", ".join(f"{tr(CRITICALITY_LABELS[c]).lower()} {p}" for c, p in CRITICALITY_POINTS.items())
    levels = ", ".join(f"SL{level} {MAX_LEVEL - level}" for level in range(1, MAX_LEVEL + 1))
    bands = []
    # the highest total: criticality, shortfall 2, basicness of SL1 (or a program baseline), not implemented 2
    lower = max(CRITICALITY_POINTS.values()) + 2 + max(MAX_LEVEL - 1, PROGRAM_BASICNESS) + 2
    for threshold, priority in THRESHOLDS:
        points = tr("{low} to {high}", low=threshold, high=lower) if threshold < lower else str(threshold)
        bands.append((priority.value, points))
        lower = threshold - 1
    bands.append((Priority.P4.value, tr("{points} or fewer", points=lower)))
    priority_rows = ((tr("Priority"), tr("Points"), tr("Default due date")),) + tuple(
        (p, pts, tr("{months} months after the assessment", months=DUE_MONTHS[Priority(p)])) for p, pts in bands
    )
    window_labels = ", ".join(tr(label).lower() for _m, label in DUE_WINDOWS)
    maturity = "; ".join(f"ML{n} {tr(name).lower()}" for n, name in enumerate(MATURITY_LABELS, start=1))
    weights = ", ".join(f"{p.value} {w}" for p, w in THEME_WEIGHTS.items())
    return (
        MethodSection(tr("Security levels: SL-T and SL-A"), (
            tr("IEC 62443-3-3 describes the protection of a zone or conduit with a *security level* (SL 0 to 4) "
               "for each of its seven foundational requirements (FR 1 to FR 7). Each higher level is meant to "
               "withstand a more capable attacker: SL1 casual or accidental misuse, SL2 deliberate attacks with "
               "simple means, SL3 deliberate attacks with moderate, system-specific skills and resources, SL4 "
               "deliberate attacks with extensive skills and resources."),
            tr("**SL-T (target)** is the vector the asset owner needs for the zone, decided from its risk "
               "assessment and recorded at the start of the assessment. **SL-A (achieved)** is the vector the "
               "zone reaches today according to the answers recorded on site. The plan compares the two for "
               "every zone and FR."),
            tr("A system requirement (SR) or requirement enhancement (RE) *applies* to a zone when the lowest "
               "security level that selects it is not above the zone's SL-T for its FR. Only applicable "
               "requirements are asked, scored as gaps and planned."),
        )),
        MethodSection(tr("Answer statuses"), (
            tr("Every requirement in every scope carries one of the following statuses."),
        ), status_rows),
        MethodSection(tr("How SL-A is computed"), (
            tr("For each FR, SL-A is the highest level L from 0 to 4 such that every requirement of that FR "
               "whose level is L or lower is met. A single unmet requirement at SL1 therefore keeps the FR at "
               "SL-A 0, however much is in place above it."),
            tr("A requirement that has not been answered is not met for this purpose: SL-A only credits what the "
               "assessor has seen. Requirements above the zone's SL-T are credited only when they were assessed "
               "and met, so SL-A can exceed SL-T only on evidence."),
            tr("The shortfall of an FR is SL-T minus SL-A, or zero when the target is reached. Table cells are "
               "red where SL-A is below SL-T (darker for a shortfall of two levels or more), green where the "
               "target is reached and grey where the target is 0."),
        )),
        MethodSection(tr("What counts as a gap"), (
            tr("In a zone or conduit, a gap is an applicable requirement answered *partially implemented* or "
               "*not implemented*. Applicable requirements with no answer are listed apart, in each zone's "
               "section, as not assessed: they are neither gaps nor met, and they keep SL-A down until assessed."),
            tr("For the IEC 62443-2-1 security program the assessor records an achieved maturity from 0 to 4 "
               "({maturity}). A requirement is a gap when its achieved maturity is below the project's target, "
               "here ML{target_ml}. Requirements marked not applicable are left out; not implemented without a "
               "maturity counts as maturity 0. The program is assessed once for the site, and also for any zone "
               "marked as having a program of its own (for example a contractor-run station).",
               maturity=maturity, target_ml=target_ml),
        )),
        MethodSection(tr("How priorities are set"), (
            tr("Each gap receives points from four factors; more points mean more urgent:"),
            tr("- **Criticality** of the scope: {criticality}. Program gaps of the site count as high, because "
               "a weak program weakens every zone.\n"
               "- **Shortfall** in the FR of the requirement (SL-T minus SL-A) or, for the program, the target "
               "maturity minus the achieved maturity: 1 point for one level, 2 points for two or more.\n"
               "- **Basicness**: lower levels are the foundations the higher ones build on, so they come first: "
               "{levels}. Program requirements count {program}.\n"
               "- **Status**: not implemented (or maturity 0) 2, partially implemented 1.",
               criticality=criticality, levels=levels, program=PROGRAM_BASICNESS),
            tr("The total gives the computed priority and, from it, the default due date counted from the last "
               "day of the assessment. The assessor or the asset owner may override the priority or set a date; "
               "the plan then shows the computed priority beside the chosen one."),
        ), priority_rows),
        MethodSection(tr("Roadmap, states and themes"), (
            tr("The roadmap lists every gap that is open or in progress, grouped by priority and by due window "
               "({windows}, counted from the assessment date). Gaps with the same requirement, action, owner "
               "and due date are merged into one action with the scopes it covers.", windows=window_labels),
            tr("A remediation item is *open* (nothing started), *in progress*, *done* (the fix is in place but "
               "has not yet been re-assessed, so the gap stays in the zone's section), or *risk accepted*: the "
               "asset owner decided not to act, with a written justification that the roadmap lists apart."),
            tr("The three most urgent themes in the executive summary are the system requirements (counted with "
               "their enhancements) or program requirements with the heaviest load of open gaps over all scopes, "
               "weighting each gap by {weights}.", weights=weights),
            tr("Recommended actions default to the catalogue's corrective action for the requirement, printed "
               "once in the appendix of recommended actions. Where the assessor wrote a specific action for a "
               "scope, that action is printed with the gap instead."),
        )),
    )
