"""Which rows the PDF remediation plan shows: plain values built from a project snapshot.

Kept apart from the layout (pdf_plan.py) so that what an auditor reads can be tested
without reportlab, and so another renderer could reuse it. Nothing here formats markup:
texts stay as the user or the catalogue wrote them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from ot62443_desktop import __version__
from ot62443_desktop.domain.catalogue import FR_IDS, MATURITY_NAMES, CatalogueSet, Requirement, Scale
from ot62443_desktop.domain.model import (
    SITE_SCOPE,
    Answer,
    ItemState,
    Priority,
    ProjectData,
    Status,
    Zone,
)
from ot62443_desktop.domain.priority import (
    CRITICALITY_POINTS,
    DUE_MONTHS,
    PROGRAM_BASICNESS,
    THRESHOLDS,
    add_months,
)
from ot62443_desktop.domain.rules import Result, achieved_ml, classify
from ot62443_desktop.domain.scoring import (
    MAX_LEVEL,
    Gap,
    ProgramScore,
    ZoneScore,
    find_gaps,
    score_program,
    score_zone,
)

PRIORITIES: tuple[Priority, ...] = tuple(Priority)
STATE_LABELS = {
    ItemState.OPEN: "Open",
    ItemState.IN_PROGRESS: "In progress",
    ItemState.DONE: "Done",
    ItemState.RISK_ACCEPTED: "Risk accepted",
}
#: Roadmap windows: (months after the assessment date, label); later dates fall in the last one.
DUE_WINDOWS: tuple[tuple[int | None, str], ...] = (
    (3, "Within 3 months"),
    (6, "3 to 6 months"),
    (12, "6 to 12 months"),
    (24, "12 to 24 months"),
    (None, "More than 24 months"),
)
#: How much one open gap of each priority weighs when the urgent themes are ranked.
THEME_WEIGHTS = {Priority.P1: 8, Priority.P2: 4, Priority.P3: 2, Priority.P4: 1}
THEME_COUNT = 3


@dataclass(frozen=True)
class DocumentFacts:
    """Cover, header and document-control facts."""

    title: str
    client: str
    site: str
    assessors: tuple[str, ...]
    start_date: date | None
    end_date: date | None
    reference_date: date  # due dates count from here
    report_date: date
    confidentiality: str
    scope_note: str
    program_version: str
    target_ml: int
    zone_count: int
    answer_count: int

    @property
    def assessment_period(self) -> str:
        if self.start_date and self.end_date and self.start_date != self.end_date:
            return f"{self.start_date.isoformat()} to {self.end_date.isoformat()}"
        day = self.start_date or self.end_date
        return day.isoformat() if day else "not recorded"


@dataclass(frozen=True)
class FrInfo:
    id: str
    code: str
    title: str

    @property
    def label(self) -> str:
        return f"{self.id} {self.code}".strip()


@dataclass(frozen=True)
class FrFigure:
    """Per FR over all zones: mean SL-T, mean SL-A and how many zones fall short (the chart)."""

    fr: FrInfo
    mean_target: float
    mean_achieved: float
    zones_below: int


@dataclass(frozen=True)
class CountRow:
    label: str
    by_priority: tuple[int, ...]  # P1..P4

    @property
    def total(self) -> int:
        return sum(self.by_priority)


@dataclass(frozen=True)
class Theme:
    """A recurring weakness: one system requirement (with its enhancements) or one 2-1 requirement."""

    ref: str
    title: str
    context: str
    gaps: int
    scopes: int
    by_priority: tuple[int, ...]
    lead: str  # what the requirement is about, first sentence of the catalogue summary


@dataclass(frozen=True)
class ProgramOverview:
    scope_id: str
    target_ml: int
    requirements: int
    met: int
    gaps: int
    not_assessed: int
    not_applicable: int


@dataclass(frozen=True)
class ExecutiveSummary:
    zones: tuple[ZoneScore, ...]  # one row of the executive SL table per zone
    frs: tuple[FrInfo, ...]
    fr_figures: tuple[FrFigure, ...]
    counts: tuple[CountRow, ...]  # per FR, then the 2-1 program
    total: CountRow
    themes: tuple[Theme, ...]
    open_gaps: int
    in_progress: int
    done: int
    risk_accepted: int
    not_assessed: int
    site_program: ProgramOverview | None


@dataclass(frozen=True)
class GapRow:
    """One gap as the auditor reads it: what is missing, why, what to do, by whom, by when."""

    scope_id: str
    scope_name: str
    requirement_id: str
    title: str
    section: str
    level: int | None  # SL of a 3-3 requirement; None for 2-1
    status: str
    achieved: int  # SL-A of the FR or achieved ML
    target: int  # SL-T of the FR or target ML
    finding: str
    countermeasure: str
    action: str  # Markdown; the catalogue's default or the assessor's own
    custom_action: bool
    priority: Priority
    computed_priority: Priority
    owner: str
    due: date
    due_set: bool  # the assessor set the date (else the default for the priority)
    effort: str
    state: ItemState
    justification: str

    @property
    def priority_overridden(self) -> bool:
        return self.priority is not self.computed_priority

    @property
    def is_program(self) -> bool:
        return self.level is None

    @property
    def is_closed(self) -> bool:
        return self.state in (ItemState.DONE, ItemState.RISK_ACCEPTED)


@dataclass(frozen=True)
class ScopeRef:
    scope_id: str
    in_progress: bool


@dataclass(frozen=True)
class RoadmapRow:
    """One action: the same requirement, action, owner and date across the scopes it fixes."""

    requirement_id: str
    title: str
    custom_action: bool
    scopes: tuple[ScopeRef, ...]
    owner: str
    due: date


@dataclass(frozen=True)
class RoadmapWindow:
    label: str
    until: date | None  # last due date in the window; None for the open-ended last window
    rows: tuple[RoadmapRow, ...]

    @property
    def gap_count(self) -> int:
        return sum(len(row.scopes) for row in self.rows)


@dataclass(frozen=True)
class RoadmapBucket:
    priority: Priority
    windows: tuple[RoadmapWindow, ...]

    @property
    def gap_count(self) -> int:
        return sum(w.gap_count for w in self.windows)


@dataclass(frozen=True)
class Roadmap:
    buckets: tuple[RoadmapBucket, ...]
    accepted: tuple[GapRow, ...]
    done: int


@dataclass(frozen=True)
class CompensatedRow:
    requirement_id: str
    title: str
    countermeasure: str


@dataclass(frozen=True)
class ElementRow:
    """Maturity of one security program element (2-1) against the target."""

    code: str
    title: str
    requirements: int
    assessed: int
    gaps: int
    not_assessed: int
    not_applicable: int
    mean_ml: float | None
    lowest_ml: int | None
    target_ml: int


@dataclass(frozen=True)
class ProgramSection:
    scope_id: str
    scope_name: str
    overview: ProgramOverview
    elements: tuple[ElementRow, ...]
    gaps: tuple[GapRow, ...]
    not_assessed: tuple[str, ...]


@dataclass(frozen=True)
class ZoneSection:
    zone_id: str
    name: str
    kind: str
    criticality: str
    description: str
    assets: str
    sl_t: tuple[int, ...]
    sl_a: tuple[int, ...]
    applicable: int
    met: int
    gap_count: int
    gaps: tuple[GapRow, ...]
    not_assessed: tuple[str, ...]
    compensated: tuple[CompensatedRow, ...]
    program: ProgramSection | None


@dataclass(frozen=True)
class ActionText:
    """A catalogue default action, printed once and referred to by every gap that uses it."""

    requirement_id: str
    title: str
    markdown: str
    scopes: tuple[str, ...]


@dataclass(frozen=True)
class AnswerRow:
    requirement_id: str
    title: str
    status: str
    ml: int | None
    notes: str
    finding: str
    countermeasure: str
    evidence: tuple[str, ...]
    answered_by: str
    answered_at: datetime | None


@dataclass(frozen=True)
class AnswerScope:
    scope_id: str
    scope_name: str
    rows: tuple[AnswerRow, ...]


@dataclass(frozen=True)
class MethodSection:
    """A part of the method appendix: Markdown paragraphs and an optional table (first row = header)."""

    title: str
    paragraphs: tuple[str, ...]
    table: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class PlanContent:
    facts: DocumentFacts
    executive: ExecutiveSummary
    roadmap: Roadmap
    zones: tuple[ZoneSection, ...]
    site_program: ProgramSection | None
    actions: tuple[ActionText, ...]
    answers: tuple[AnswerScope, ...]
    method: tuple[MethodSection, ...]

    @property
    def gap_rows(self) -> Iterable[GapRow]:
        for zone in self.zones:
            yield from zone.gaps
            if zone.program:
                yield from zone.program.gaps
        if self.site_program:
            yield from self.site_program.gaps


def build_plan(project: ProjectData, catalogues: CatalogueSet, *, today: date | None = None) -> PlanContent:
    """Everything the plan shows, computed once from the snapshot."""
    today = today or date.today()
    facts = document_facts(project, today)
    names = scope_names(project)
    order = _requirement_order(catalogues)
    gap_rows = [gap_row(gap, names, facts.reference_date) for gap in find_gaps(project, catalogues)]
    by_scope: dict[str, list[GapRow]] = defaultdict(list)
    for row in gap_rows:
        by_scope[row.scope_id].append(row)
    zones = tuple(zone_section(project, catalogues, zone, by_scope) for zone in project.zones)
    site = (program_section(project, catalogues, SITE_SCOPE, names[SITE_SCOPE], by_scope)
            if catalogues.by_scale(Scale.MATURITY) else None)
    return PlanContent(
        facts=facts,
        executive=executive_summary(project, catalogues, gap_rows),
        roadmap=roadmap(gap_rows, facts.reference_date, order),
        zones=zones,
        site_program=site,
        actions=action_texts(gap_rows, catalogues),
        answers=answer_scopes(project, catalogues, names),
        method=method_sections(project.info.target_ml),
    )


def document_facts(project: ProjectData, today: date) -> DocumentFacts:
    info = project.info
    return DocumentFacts(
        title="OT security remediation plan",
        client=info.client, site=info.site, assessors=info.assessors,
        start_date=info.start_date, end_date=info.end_date,
        reference_date=info.assessment_date or today, report_date=today,
        confidentiality=info.confidentiality.strip() or "Confidential",
        scope_note=info.scope_note, program_version=__version__, target_ml=info.target_ml,
        zone_count=len(project.zones), answer_count=len(project.answers),
    )


def scope_names(project: ProjectData) -> dict[str, str]:
    names = {zone.id: zone.name for zone in project.zones}
    names[SITE_SCOPE] = f"Site: {project.info.site}"
    return names


def fr_infos(catalogues: CatalogueSet) -> tuple[FrInfo, ...]:
    """FR ids with code and title from the first security-level catalogue that names them."""
    known: dict[str, FrInfo] = {}
    for catalogue in catalogues.by_scale(Scale.SECURITY_LEVEL):
        for section in catalogue.sections:
            known.setdefault(section.id, FrInfo(section.id, section.code, section.title))
    return tuple(known.get(fr, FrInfo(fr, "", "")) for fr in FR_IDS)


def gap_row(gap: Gap, names: dict[str, str], reference: date) -> GapRow:
    requirement, answer, item = gap.requirement, gap.answer, gap.item
    status = answer.status.label
    if requirement.level is None:
        status = f"{status}, ML{gap.achieved} of ML{gap.target}"
    return GapRow(
        scope_id=gap.scope_id, scope_name=names.get(gap.scope_id, gap.scope_id),
        requirement_id=requirement.id, title=requirement.title, section=requirement.section,
        level=requirement.level, status=status, achieved=gap.achieved, target=gap.target,
        finding=answer.finding, countermeasure=answer.countermeasure,
        action=gap.action, custom_action=item.action is not None,
        priority=gap.priority, computed_priority=gap.computed_priority,
        owner=item.owner, due=gap.due_date(reference), due_set=item.due_date is not None,
        effort=item.effort.value if item.effort else "", state=item.state, justification=item.justification,
    )


def executive_summary(project: ProjectData, catalogues: CatalogueSet, gaps: Sequence[GapRow]) -> ExecutiveSummary:
    frs = fr_infos(catalogues)
    levels = [score_zone(project, catalogues, zone) for zone in project.zones]
    figures = []
    for i, fr in enumerate(frs):
        n = len(levels) or 1
        figures.append(FrFigure(
            fr, sum(z.zone.sl_t[i] for z in levels) / n, sum(z.sl_a[i] for z in levels) / n,
            sum(1 for z in levels if z.sl_gap[i]),
        ))
    rows: dict[str, list[int]] = {fr.id: [0] * len(PRIORITIES) for fr in frs}
    program_counts = [0] * len(PRIORITIES)
    for gap in gaps:
        target = program_counts if gap.is_program else rows.setdefault(gap.section, [0] * len(PRIORITIES))
        target[PRIORITIES.index(gap.priority)] += 1
    counts = [CountRow(f"{fr.label} {fr.title}".strip(), tuple(rows[fr.id])) for fr in frs]
    if catalogues.by_scale(Scale.MATURITY):
        counts.append(CountRow("IEC 62443-2-1 security program", tuple(program_counts)))
    total = CountRow("All gaps", tuple(sum(row.by_priority[i] for row in counts) for i in range(len(PRIORITIES))))
    site = None
    if catalogues.by_scale(Scale.MATURITY):
        site = _overview(score_program(project, catalogues, SITE_SCOPE))
    return ExecutiveSummary(
        zones=tuple(levels), frs=frs, fr_figures=tuple(figures), counts=tuple(counts), total=total,
        themes=urgent_themes(gaps, catalogues),
        open_gaps=sum(1 for g in gaps if g.state is ItemState.OPEN),
        in_progress=sum(1 for g in gaps if g.state is ItemState.IN_PROGRESS),
        done=sum(1 for g in gaps if g.state is ItemState.DONE),
        risk_accepted=sum(1 for g in gaps if g.state is ItemState.RISK_ACCEPTED),
        not_assessed=sum(z.not_assessed for z in levels), site_program=site,
    )


def _overview(score: ProgramScore) -> ProgramOverview:
    return ProgramOverview(score.scope_id, score.target_ml, score.requirements, score.met, score.gaps,
                           score.not_assessed, score.not_applicable)


def urgent_themes(gaps: Sequence[GapRow], catalogues: CatalogueSet, count: int = THEME_COUNT) -> tuple[Theme, ...]:
    """The weaknesses that recur most urgently: open gaps weighted by priority, per SR or 2-1 requirement."""
    weight: dict[str, int] = defaultdict(int)
    members: dict[str, list[GapRow]] = defaultdict(list)
    first_seen: dict[str, int] = {}
    for n, gap in enumerate(gaps):
        if gap.is_closed:
            continue
        key = _theme_key(catalogues.requirement(gap.requirement_id))
        weight[key] += THEME_WEIGHTS[gap.priority]
        members[key].append(gap)
        first_seen.setdefault(key, n)
    ranked = sorted(weight, key=lambda k: (-weight[k], -len(members[k]), first_seen[k]))
    themes = []
    for key in ranked[:count]:
        rows = members[key]
        by_priority = tuple(sum(1 for g in rows if g.priority is p) for p in PRIORITIES)
        scopes = len({g.scope_id for g in rows})
        themes.append(_theme(key, catalogues, len(rows), scopes, by_priority))
    return tuple(themes)


def _theme_key(requirement: Requirement) -> str:
    """An RE belongs to the theme of its SR; a 2-1 requirement is its own theme."""
    return requirement.parent or requirement.id if requirement.level is not None else requirement.id


def _theme(key: str, catalogues: CatalogueSet, gaps: int, scopes: int, by_priority: tuple[int, ...]) -> Theme:
    base = catalogues.requirement(key)
    if base.level is not None:
        fr = next((f for f in fr_infos(catalogues) if f.id == base.section), FrInfo(base.section, "", ""))
        context = f"{fr.label} {fr.title}".strip()
    else:
        section = catalogues.catalogue(base.catalogue).section(base.section)
        context = f"{section.code} {section.title} (security program)"
    return Theme(base.id, base.title, context, gaps, scopes, by_priority, first_sentence(base.summary))


_MARKS = re.compile(r"[*_`#>]+")


def first_sentence(markdown: str, limit: int = 260) -> str:
    """The first sentence of a catalogue text, without Markdown marks, for one-line context."""
    text = " ".join(_MARKS.sub("", markdown).split())
    match = re.search(r"(?<=[.!?])\s", text)
    sentence = text[: match.start()] if match else text
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "\u2026"


def due_window(due: date, reference: date) -> int:
    """Index into DUE_WINDOWS of the window a due date falls in."""
    for i, (months, _label) in enumerate(DUE_WINDOWS):
        if months is None or due <= add_months(reference, months):
            return i
    return len(DUE_WINDOWS) - 1


def roadmap(gaps: Sequence[GapRow], reference: date, order: dict[str, int]) -> Roadmap:
    """Open and in-progress gaps, by priority then due window, merged into actions across scopes."""
    grouped: dict[tuple[Priority, int, str, str | None, str, date], list[GapRow]] = defaultdict(list)
    for gap in gaps:
        if gap.is_closed:
            continue
        key = (gap.priority, due_window(gap.due, reference), gap.requirement_id,
               gap.action if gap.custom_action else None, gap.owner.strip(), gap.due)
        grouped[key].append(gap)
    buckets = []
    for priority in PRIORITIES:
        windows = []
        for w, (months, label) in enumerate(DUE_WINDOWS):
            keys = [k for k in grouped if k[0] is priority and k[1] == w]
            if not keys:
                continue
            keys.sort(key=lambda k: (k[5], order.get(k[2], len(order)), k[2], k[4].casefold(), k[3] or ""))
            rows = tuple(
                RoadmapRow(k[2], grouped[k][0].title, k[3] is not None,
                           tuple(ScopeRef(g.scope_id, g.state is ItemState.IN_PROGRESS) for g in grouped[k]),
                           k[4], k[5])
                for k in keys
            )
            until = add_months(reference, months) if months is not None else None
            windows.append(RoadmapWindow(label, until, rows))
        if windows:
            buckets.append(RoadmapBucket(priority, tuple(windows)))
    accepted = tuple(g for g in gaps if g.state is ItemState.RISK_ACCEPTED)
    done = sum(1 for g in gaps if g.state is ItemState.DONE)
    return Roadmap(tuple(buckets), accepted, done)


def zone_section(
    project: ProjectData, catalogues: CatalogueSet, zone: Zone, gaps: dict[str, list[GapRow]]
) -> ZoneSection:
    score = score_zone(project, catalogues, zone)
    not_assessed, compensated = [], []
    for requirement in catalogues.requirements(Scale.SECURITY_LEVEL):
        answer = project.answer(zone.id, requirement.id)
        result = classify(answer, requirement, zone, project.info.target_ml)
        if result is Result.NOT_ASSESSED:
            not_assessed.append(requirement.id)
        elif result is Result.MET and answer is not None and answer.status is Status.COMPENSATED:
            compensated.append(CompensatedRow(requirement.id, requirement.title, answer.countermeasure))
    sl_gaps = [g for g in gaps.get(zone.id, []) if not g.is_program]
    program = None
    if zone.assess_program and catalogues.by_scale(Scale.MATURITY):
        program = program_section(project, catalogues, zone.id, zone.name, gaps)
    return ZoneSection(
        zone_id=zone.id, name=zone.name, kind=zone.kind.value.capitalize(),
        criticality=zone.criticality.value.capitalize(), description=zone.description, assets=zone.assets,
        sl_t=zone.sl_t, sl_a=score.sl_a, applicable=score.applicable, met=score.met, gap_count=score.gaps,
        gaps=tuple(sl_gaps), not_assessed=tuple(not_assessed), compensated=tuple(compensated), program=program,
    )


def program_section(
    project: ProjectData, catalogues: CatalogueSet, scope_id: str, scope_name: str, gaps: dict[str, list[GapRow]]
) -> ProgramSection:
    """2-1 for one scope: maturity per element against the target, its gaps, what is unanswered."""
    target = project.info.target_ml
    elements = []
    not_assessed = []
    for catalogue in catalogues.by_scale(Scale.MATURITY):
        for section in catalogue.sections:
            levels: list[int] = []
            total = gap_count = unanswered = not_applicable = 0
            for requirement in catalogue:
                if requirement.section != section.id:
                    continue
                total += 1
                answer = project.answer(scope_id, requirement.id)
                result, ml = classify(answer, requirement, None, target), achieved_ml(answer)
                if result is Result.NOT_APPLICABLE:
                    not_applicable += 1
                elif result is Result.NOT_ASSESSED or ml is None:
                    unanswered += 1
                    not_assessed.append(requirement.id)
                else:
                    levels.append(ml)
                    gap_count += result is Result.GAP
            if total:
                elements.append(ElementRow(
                    section.code, section.title, total, len(levels), gap_count, unanswered, not_applicable,
                    sum(levels) / len(levels) if levels else None, min(levels) if levels else None, target,
                ))
    return ProgramSection(
        scope_id, scope_name, _overview(score_program(project, catalogues, scope_id)), tuple(elements),
        tuple(g for g in gaps.get(scope_id, []) if g.is_program), tuple(not_assessed),
    )


def action_texts(gaps: Sequence[GapRow], catalogues: CatalogueSet) -> tuple[ActionText, ...]:
    """The catalogue actions that gaps rely on, once each, in catalogue order."""
    scopes: dict[str, list[str]] = defaultdict(list)
    for gap in gaps:
        if not gap.custom_action and gap.scope_id not in scopes[gap.requirement_id]:
            scopes[gap.requirement_id].append(gap.scope_id)
    texts = []
    for catalogue in catalogues:
        for requirement in catalogue:
            if requirement.id in scopes:
                texts.append(ActionText(requirement.id, requirement.title, requirement.remediation,
                                        tuple(scopes[requirement.id])))
    return tuple(texts)


def answer_scopes(project: ProjectData, catalogues: CatalogueSet, names: dict[str, str]) -> tuple[AnswerScope, ...]:
    """Every recorded answer, per scope (zones in order, then the site), in catalogue order."""
    by_scope: dict[str, dict[str, Answer]] = defaultdict(dict)
    for (scope_id, requirement_id), answer in project.answers.items():
        by_scope[scope_id][requirement_id] = answer
    order = [zone.id for zone in project.zones] + [SITE_SCOPE]
    order += sorted(set(by_scope) - set(order))
    catalogue_order = [r for c in catalogues for r in c]
    scopes = []
    for scope_id in order:
        answers = by_scope.get(scope_id)
        if not answers:
            continue
        rows = [answer_row(answers[r.id], r.title) for r in catalogue_order if r.id in answers]
        known = {r.id for r in catalogue_order}
        rows += [answer_row(answers[rid], "(not in the loaded catalogues)") for rid in sorted(set(answers) - known)]
        scopes.append(AnswerScope(scope_id, names.get(scope_id, scope_id), tuple(rows)))
    return tuple(scopes)


def answer_row(answer: Answer, title: str) -> AnswerRow:
    evidence = tuple(
        " ".join(part for part in (
            e.description or e.path,
            f"({e.path})" if e.description and e.path else "",
            f"SHA-256 {e.sha256}" if e.sha256 else "",
            e.added.isoformat() if e.added else "",
        ) if part)
        for e in answer.evidence
    )
    return AnswerRow(answer.requirement_id, title, answer.status.label, answer.ml, answer.notes, answer.finding,
                     answer.countermeasure, evidence, answer.answered_by, answer.answered_at)


def _requirement_order(catalogues: CatalogueSet) -> dict[str, int]:
    return {r.id: n for n, r in enumerate(r for c in catalogues for r in c)}


def method_sections(target_ml: int) -> tuple[MethodSection, ...]:
    """The method appendix, in our own words, with the figures taken from the domain rules."""
    status_rows = (
        ("Status", "Meaning", "Counts as"),
        (Status.IMPLEMENTED.label, "The assessor saw the measure in place and working.", "Met"),
        (Status.COMPENSATED.label, "The requirement is not met as written, but another documented measure "
         "gives equivalent protection; the countermeasure is recorded with the answer.", "Met"),
        (Status.NOT_APPLICABLE.label, "The requirement has no object in this scope (for example no wireless "
         "in the zone); the reason is recorded in the notes.", "Met (2-1: left out)"),
        (Status.PARTIAL.label, "The measure exists but does not cover every system, user or case.", "Gap"),
        (Status.NOT_IMPLEMENTED.label, "The measure is absent.", "Gap"),
        (Status.NOT_ASSESSED.label, "No answer yet (or explicitly left open).", "Not met for SL-A; reported "
         "as not assessed, never as a gap or as met"),
    )
    criticality = ", ".join(f"{c.value} {p}" for c, p in CRITICALITY_POINTS.items())
    levels = ", ".join(f"SL{level} {MAX_LEVEL - level}" for level in range(1, MAX_LEVEL + 1))
    bands = []
    # the highest total: criticality, shortfall 2, basicness of SL1 (or a program baseline), not implemented 2
    lower = max(CRITICALITY_POINTS.values()) + 2 + max(MAX_LEVEL - 1, PROGRAM_BASICNESS) + 2
    for threshold, priority in THRESHOLDS:
        bands.append((priority.value, f"{threshold} to {lower}" if threshold < lower else str(threshold)))
        lower = threshold - 1
    bands.append((Priority.P4.value, f"{lower} or fewer"))
    priority_rows = (("Priority", "Points", "Default due date"),) + tuple(
        (p, pts, f"{DUE_MONTHS[Priority(p)]} months after the assessment") for p, pts in bands
    )
    window_labels = ", ".join(label.lower() for _m, label in DUE_WINDOWS)
    maturity = "; ".join(f"ML{n} {name.lower()}" for n, name in enumerate(MATURITY_NAMES, start=1))
    return (
        MethodSection("Security levels: SL-T and SL-A", (
            "IEC 62443-3-3 describes the protection of a zone or conduit with a *security level* (SL 0 to 4) "
            "for each of its seven foundational requirements (FR 1 to FR 7). Each higher level is meant to "
            "withstand a more capable attacker: SL1 casual or accidental misuse, SL2 deliberate attacks with "
            "simple means, SL3 deliberate attacks with moderate, system-specific skills and resources, SL4 "
            "deliberate attacks with extensive skills and resources.",
            "**SL-T (target)** is the vector the asset owner needs for the zone, decided from its risk "
            "assessment and recorded at the start of the assessment. **SL-A (achieved)** is the vector the zone "
            "reaches today according to the answers recorded on site. The plan compares the two for every zone "
            "and FR.",
            "A system requirement (SR) or requirement enhancement (RE) *applies* to a zone when the lowest "
            "security level that selects it is not above the zone's SL-T for its FR. Only applicable "
            "requirements are asked, scored as gaps and planned.",
        )),
        MethodSection("Answer statuses", (
            "Every requirement in every scope carries one of the following statuses.",
        ), status_rows),
        MethodSection("How SL-A is computed", (
            "For each FR, SL-A is the highest level L from 0 to 4 such that every requirement of that FR "
            "whose level is L or lower is met. A single unmet requirement at SL1 therefore keeps the FR at "
            "SL-A 0, however much is in place above it.",
            "A requirement that has not been answered is not met for this purpose: SL-A only credits what the "
            "assessor has seen. Requirements above the zone's SL-T are credited only when they were assessed and "
            "met, so SL-A can exceed SL-T only on evidence.",
            "The shortfall of an FR is SL-T minus SL-A, or zero when the target is reached. Table cells are "
            "red where SL-A is below SL-T (darker for a shortfall of two levels or more), green where the "
            "target is reached and grey where the target is 0.",
        )),
        MethodSection("What counts as a gap", (
            "In a zone or conduit, a gap is an applicable requirement answered *partially implemented* or "
            "*not implemented*. Applicable requirements with no answer are listed apart, in each zone's "
            "section, as not assessed: they are neither gaps nor met, and they keep SL-A down until assessed.",
            f"For the IEC 62443-2-1 security program the assessor records an achieved maturity from 0 to 4 "
            f"({maturity}). A requirement is a gap when its achieved maturity is below the project's target, "
            f"here ML{target_ml}. Requirements marked not applicable are left out; not implemented without a "
            "maturity counts as maturity 0. The program is assessed once for the site, and also for any zone "
            "marked as having a program of its own (for example a contractor-run station).",
        )),
        MethodSection("How priorities are set", (
            "Each gap receives points from four factors; more points mean more urgent:",
            f"- **Criticality** of the scope: {criticality}. Program gaps of the site count as high, because "
            "a weak program weakens every zone.\n"
            "- **Shortfall** in the FR of the requirement (SL-T minus SL-A) or, for the program, the target "
            "maturity minus the achieved maturity: 1 point for one level, 2 points for two or more.\n"
            f"- **Basicness**: lower levels are the foundations the higher ones build on, so they come first: "
            f"{levels}. Program requirements count {PROGRAM_BASICNESS}.\n"
            "- **Status**: not implemented (or maturity 0) 2, partially implemented 1.",
            "The total gives the computed priority and, from it, the default due date counted from the last day "
            "of the assessment. The assessor or the asset owner may override the priority or set a date; the "
            "plan then shows the computed priority beside the chosen one.",
        ), priority_rows),
        MethodSection("Roadmap, states and themes", (
            f"The roadmap lists every gap that is open or in progress, grouped by priority and by due window "
            f"({window_labels}, counted from the assessment date). Gaps with the same requirement, action, owner "
            f"and due date are merged into one action with the scopes it covers.",
            "A remediation item is *open* (nothing started), *in progress*, *done* (the fix is in place but has "
            "not yet been re-assessed, so the gap stays in the zone's section), or *risk accepted*: the asset "
            "owner decided not to act, with a written justification that the roadmap lists apart.",
            "The three most urgent themes in the executive summary are the system requirements (counted with "
            "their enhancements) or program requirements with the heaviest load of open gaps over all scopes, "
            "weighting each gap by "
            + ", ".join(f"{p.value} {w}" for p, w in THEME_WEIGHTS.items()) + ".",
            "Recommended actions default to the catalogue's corrective action for the requirement, printed once "
            "in the appendix of recommended actions. Where the assessor wrote a specific action for a scope, that "
            "action is printed with the gap instead.",
        )),
    )


__all__ = [
    "DUE_WINDOWS", "STATE_LABELS",
    "ActionText", "AnswerRow", "AnswerScope", "CompensatedRow", "CountRow", "DocumentFacts", "ElementRow",
    "ExecutiveSummary", "FrFigure", "FrInfo", "GapRow", "MethodSection", "PlanContent", "ProgramOverview",
    "ProgramSection", "Roadmap", "RoadmapBucket", "RoadmapRow", "RoadmapWindow", "ScopeRef", "Theme",
    "ZoneSection", "build_plan",
]
