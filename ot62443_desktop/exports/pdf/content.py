"""Which rows the PDF remediation plan shows, read from the project scored once.

Kept apart from the layout (the other modules of this package) so that what an auditor reads
can be tested without laying out a page, and so another renderer could reuse it. Figures
come from domain/report's ScoredProject and gaps are the domain's own Gap: nothing here
scores a zone again. Nothing formats markup either: texts stay as the user or the catalogue
wrote them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from ot62443_desktop import __version__
from ot62443_desktop.domain.catalogue import FR_IDS, CatalogueSet, Requirement, Scale, Section
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import (
    SITE_SCOPE,
    Answer,
    Evidence,
    ItemState,
    Priority,
    ProjectData,
    ProjectInfo,
    Status,
)
from ot62443_desktop.domain.priority import add_months
from ot62443_desktop.domain.progress import element_maturity, progress_between
from ot62443_desktop.domain.report import ScoredProject, score_project
from ot62443_desktop.domain.rules import Result, achieved_ml, classify
from ot62443_desktop.domain.scoring import Gap, ProgramScore, ZoneScore
from ot62443_desktop.domain.text import elide
from ot62443_desktop.exports.catalogue_text import catalogues_used, missing_note
from ot62443_desktop.exports.changes import Change, all_changes, requirement_of
from ot62443_desktop.exports.design_text import CheckLine, check_lines
from ot62443_desktop.exports.diagram_draw import DiagramFacts, diagram_facts
from ot62443_desktop.exports.labels import STATUS_LABELS, confidentiality, scope_names
from ot62443_desktop.exports.pdf.method import DUE_WINDOWS, THEME_WEIGHTS, MethodSection, method_sections
from ot62443_desktop.exports.wording import Translator, translator

PRIORITIES: tuple[Priority, ...] = tuple(Priority)
THEME_COUNT = 3


@dataclass(frozen=True)
class DocumentFacts:
    """Cover, header and document-control facts: the project's own, and this issue's."""

    info: ProjectInfo
    reference_date: date  # due dates count from here
    report_date: date
    zone_count: int
    answer_count: int
    tr: Translator
    catalogues: str = ""  # the catalogues assessed against, by short name
    missing_catalogues: str = ""  # those the project names that were not there (exports/catalogue_text.py)
    program_version: ClassVar[str] = __version__

    @property
    def title(self) -> str:
        return self.tr("OT security remediation plan")

    @property
    def confidentiality(self) -> str:
        return confidentiality(self.info, self.tr)

    @property
    def has_period(self) -> bool:
        return bool(self.info.start_date or self.info.end_date)

    @property
    def assessment_period(self) -> str:
        start, end, tr = self.info.start_date, self.info.end_date, self.tr
        if start and end and start != end:
            return tr("{start} to {end}", start=tr.date(start), end=tr.date(end))
        day = start or end
        return tr.date(day) if day else tr("not recorded")


def fr_label(fr: Section) -> str:
    """"FR 1 IAC": the FR's id and code."""
    return f"{fr.id} {fr.code}".strip()


@dataclass(frozen=True)
class FrFigure:
    """Per FR over all zones: mean SL-T, mean SL-A and how many zones fall short (the chart)."""

    fr: Section
    mean_target: float
    mean_achieved: float
    zones_below: int  # zones whose SL-A is below their SL-T in this FR


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

    requirement: Requirement  # the SR, or the 2-1 requirement
    context: str  # the FR or program element it belongs to
    gaps: int  # open gaps, over all scopes
    scopes: int  # scopes with at least one of them
    by_priority: tuple[int, ...]  # P1..P4

    @property
    def lead(self) -> str:
        """What the requirement is about: the first sentence of the catalogue summary."""
        return first_sentence(self.requirement.summary)


@dataclass(frozen=True)
class ChangeRow:
    """Closed, new and persisting gaps of one requirement area."""

    label: str
    by_change: tuple[int, ...]  # in Change order

    def count(self, change: Change) -> int:
        return self.by_change[list(Change).index(change)]


@dataclass(frozen=True)
class FrProgress:
    """One FR then and now: mean SL-A over the zones of each assessment, and the mean SL-T now."""

    fr: Section
    sl_a_then: float
    sl_a_now: float
    sl_t_now: float


@dataclass(frozen=True)
class ElementProgress:
    """Mean achieved maturity of one 2-1 program element at the site, then and now (None: not rated)."""

    element: Section
    ml_then: float | None
    ml_now: float | None


@dataclass(frozen=True)
class ProgressSummary:
    """What changed since the assessment this project was carried forward from (SPEC 12.3)."""

    since: date | None  # the previous assessment's date
    counts: tuple[ChangeRow, ...]  # per FR, then the 2-1 program
    total: ChangeRow
    unsettled: int  # gaps then, in scopes still assessed, now neither closed nor persisting
    added: tuple[str, ...]  # the zones added since, as "id name"
    removed: tuple[str, ...]  # the zones removed since
    zones_then: int
    frs: tuple[FrProgress, ...]
    elements: tuple[ElementProgress, ...]  # empty when the site program was rated in neither
    target_ml_then: int
    target_ml_now: int


@dataclass(frozen=True)
class DesignSummary:
    """The zones-and-conduits drawing and what the design checks found (SPEC 12.5)."""

    diagram: DiagramFacts
    checks: tuple[CheckLine, ...]


@dataclass(frozen=True)
class ExecutiveSummary:
    """What only the summary adds to the scored project: FR figures, counts per area, themes, progress,
    the zones-and-conduits drawing."""

    frs: tuple[Section, ...]
    fr_figures: tuple[FrFigure, ...]
    counts: tuple[CountRow, ...]  # per FR, then the 2-1 program
    total: CountRow
    themes: tuple[Theme, ...]
    progress: ProgressSummary | None  # None unless the project was carried forward
    design: DesignSummary | None  # None when the project has no zone or conduit


@dataclass(frozen=True)
class ScopeRef:
    scope_id: str
    in_progress: bool


@dataclass(frozen=True)
class RequirementRow:
    """A row about one requirement, which the plan refers to by its id."""

    requirement: Requirement

    @property
    def requirement_id(self) -> str:
        return self.requirement.id


@dataclass(frozen=True)
class RoadmapRow(RequirementRow):
    """One action: the same requirement, action, owner and date across the scopes it fixes."""

    action: str | None  # the assessor's own action; None for the catalogue's
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
    accepted: tuple[Gap, ...]
    done: int


@dataclass(frozen=True)
class ElementRow:
    """Maturity of one security program element (2-1); the target is the program's."""

    element: Section
    requirements: int
    assessed: int  # answered with a maturity, not counting those not applicable
    gaps: int
    not_assessed: int
    mean_ml: float | None  # None when nothing is assessed
    lowest_ml: int | None


@dataclass(frozen=True)
class ProgramSection:
    """2-1 for one scope: its score, and the rows only the plan lists."""

    name: str
    score: ProgramScore
    elements: tuple[ElementRow, ...]
    gaps: tuple[Gap, ...]
    not_assessed: tuple[str, ...]


@dataclass(frozen=True)
class ZoneSection:
    """One zone's section: its score (zone, SL-A, counts), and the rows only the plan lists."""

    score: ZoneScore
    gaps: tuple[Gap, ...]  # 3-3 gaps; the zone's own 2-1 gaps are in `program`
    not_assessed: tuple[str, ...]
    compensated: tuple[tuple[Requirement, Answer], ...]
    program: ProgramSection | None


@dataclass(frozen=True)
class ActionText(RequirementRow):
    """A catalogue default action, printed once and referred to by every gap that uses it."""

    scopes: tuple[str, ...]  # the scopes with a gap that relies on it


@dataclass(frozen=True)
class AnswerScope:
    scope_id: str
    scope_name: str
    rows: tuple[tuple[str, Answer], ...]  # (requirement title, answer), in catalogue order


@dataclass(frozen=True)
class PlanContent:
    tr: Translator  # the words of the report language; the catalogues are already in it
    scored: ScoredProject
    facts: DocumentFacts
    executive: ExecutiveSummary
    roadmap: Roadmap
    zones: tuple[ZoneSection, ...]
    site_program: ProgramSection | None  # None when no 2-1 catalogue is loaded
    actions: tuple[ActionText, ...]
    answers: tuple[AnswerScope, ...]
    method: tuple[MethodSection, ...]

    @property
    def gap_rows(self) -> Iterable[Gap]:
        for zone in self.zones:
            yield from zone.gaps
            if zone.program:
                yield from zone.program.gaps
        if self.site_program:
            yield from self.site_program.gaps


def build_plan(project: ProjectData, catalogues: CatalogueSet, *, today: date | None = None,
               language: Language = Language.EN) -> PlanContent:
    """Everything the plan shows, in `language`, from one scoring of the snapshot."""
    today = today or date.today()
    catalogues = catalogues.in_language(language)
    return plan_of(score_project(project, catalogues, today=today), catalogues, today, translator(language))


def plan_of(scored: ScoredProject, catalogues: CatalogueSet, today: date, tr: Translator) -> PlanContent:
    """Everything the plan shows, from a project already scored (with the same `today`), with
    catalogues in the report language and `tr` giving its words."""
    project = scored.data
    has_program = bool(catalogues.by_scale(Scale.MATURITY))
    names = scope_names(project, tr)
    zones = tuple(zone_section(scored, catalogues, score, has_program) for score in scored.zones)
    site = program_section(scored, catalogues, scored.site, names[SITE_SCOPE]) if has_program else None
    return PlanContent(
        tr=tr,
        scored=scored,
        facts=document_facts(scored, catalogues, today, tr),
        executive=executive_summary(scored, catalogues, has_program, tr),
        roadmap=roadmap(scored, _requirement_order(catalogues)),
        zones=zones,
        site_program=site,
        actions=action_texts(scored.gaps, catalogues),
        answers=answer_scopes(project, catalogues, names, tr),
        method=method_sections(project.info.target_ml, tr),
    )


def document_facts(scored: ScoredProject, catalogues: CatalogueSet, today: date, tr: Translator) -> DocumentFacts:
    project = scored.data
    return DocumentFacts(project.info, scored.reference, today, len(project.zones), len(project.answers), tr,
                         catalogues_used(catalogues), missing_note(project.info, catalogues, tr))


def frs(catalogues: CatalogueSet) -> tuple[Section, ...]:
    """The seven FRs, each as the first security-level catalogue that names it has it."""
    known: dict[str, Section] = {}
    for catalogue in catalogues.by_scale(Scale.SECURITY_LEVEL):
        for section in catalogue.sections:
            known.setdefault(section.id, section)
    return tuple(known.get(fr, Section(fr, "", "")) for fr in FR_IDS)


def gap_status(gap: Gap, tr: Translator) -> str:
    """The answer's status; for 2-1 with the achieved and target maturity."""
    status = tr(STATUS_LABELS[gap.answer.status])
    if gap.requirement.level is not None:
        return status
    return tr("{status}, ML{achieved} of ML{target}", status=status, achieved=gap.achieved, target=gap.target)


def is_program(gap: Gap) -> bool:
    return gap.requirement.level is None


def executive_summary(scored: ScoredProject, catalogues: CatalogueSet, has_program: bool,
                      tr: Translator) -> ExecutiveSummary:
    sections = frs(catalogues)
    zones = scored.zones
    n = len(zones) or 1
    figures = tuple(
        FrFigure(fr, sum(z.zone.sl_t[i] for z in zones) / n, sum(z.sl_a[i] for z in zones) / n,
                 sum(1 for z in zones if z.sl_gap[i]))
        for i, fr in enumerate(sections)
    )
    rows: dict[str, list[int]] = {fr.id: [0] * len(PRIORITIES) for fr in sections}
    program_counts = [0] * len(PRIORITIES)
    for gap in scored.gaps:
        section = gap.requirement.section
        target = program_counts if is_program(gap) else rows.setdefault(section, [0] * len(PRIORITIES))
        target[PRIORITIES.index(gap.priority)] += 1
    counts = [CountRow(f"{fr_label(fr)} {fr.title}".strip(), tuple(rows[fr.id])) for fr in sections]
    if has_program:
        counts.append(CountRow(tr("IEC 62443-2-1 security program"), tuple(program_counts)))
    total = CountRow(tr("All gaps"), tuple(sum(row.by_priority[i] for row in counts) for i in range(len(PRIORITIES))))
    return ExecutiveSummary(sections, figures, tuple(counts), total, urgent_themes(scored.gaps, catalogues, tr),
                            progress_summary(scored, catalogues, sections, has_program, tr),
                            DesignSummary(diagram_facts(scored, tr), check_lines(scored.data, tr)) if zones else None)


def progress_summary(scored: ScoredProject, catalogues: CatalogueSet, sections: tuple[Section, ...],
                     has_program: bool, tr: Translator) -> ProgressSummary | None:
    """The progress since the previous assessment, kept in a carried-forward project; else None."""
    previous = scored.data.previous
    if previous is None:
        return None
    progress = progress_between(previous, scored.data, catalogues)
    kinds = list(Change)
    rows: dict[str, list[int]] = {fr.id: [0] * len(kinds) for fr in sections}
    program = [0] * len(kinds)
    for kind, _scope, change in all_changes(progress):
        requirement = requirement_of(change)
        row = program if requirement.level is None else rows.setdefault(requirement.section, [0] * len(kinds))
        row[kinds.index(kind)] += 1
    counts = [ChangeRow(f"{fr_label(fr)} {fr.title}".strip(), tuple(rows[fr.id])) for fr in sections]
    if has_program:
        counts.append(ChangeRow(tr("IEC 62443-2-1 security program"), tuple(program)))
    closed, new, persisting = progress.totals()
    removed = set(progress.removed)
    still_assessed = sum(1 for gap in progress.then.gaps if gap.scope_id not in removed)
    then, now = progress.then.zones, progress.now.zones
    frs = tuple(FrProgress(fr, _mean(z.sl_a[i] for z in then), _mean(z.sl_a[i] for z in now),
                           _mean(z.zone.sl_t[i] for z in now)) for i, fr in enumerate(sections))
    named = {z.scope_id: f"{z.scope_id} {z.name}" for z in progress.zones}
    return ProgressSummary(
        since=progress.then_date, counts=tuple(counts), total=ChangeRow(tr("All gaps"), (closed, new, persisting)),
        unsettled=still_assessed - closed - persisting, added=tuple(named[z] for z in progress.added),
        removed=tuple(named[z] for z in progress.removed), zones_then=len(then), frs=frs,
        elements=_element_progress(progress.then.data, scored.data, catalogues) if has_program else (),
        target_ml_then=previous.info.target_ml, target_ml_now=scored.data.info.target_ml,
    )


def _mean(values: Iterable[int]) -> float:
    found = list(values)
    return sum(found) / len(found) if found else 0.0


def _element_progress(then: ProjectData, now: ProjectData, catalogues: CatalogueSet) -> tuple[ElementProgress, ...]:
    """Site maturity per program element then and now; none when neither assessment rated any."""
    before, after = element_maturity(then, catalogues), element_maturity(now, catalogues)
    if all(v is None for v in (*before.values(), *after.values())):
        return ()
    return tuple(ElementProgress(section, before.get(section.id), after.get(section.id))
                 for catalogue in catalogues.by_scale(Scale.MATURITY) for section in catalogue.sections)


def urgent_themes(gaps: Sequence[Gap], catalogues: CatalogueSet, tr: Translator,
                  count: int = THEME_COUNT) -> tuple[Theme, ...]:
    """The weaknesses that recur most urgently: open gaps weighted by priority, per SR or 2-1 requirement."""
    weight: dict[str, int] = defaultdict(int)
    members: dict[str, list[Gap]] = defaultdict(list)
    first_seen: dict[str, int] = {}
    for n, gap in enumerate(gaps):
        if gap.is_closed:
            continue
        key = _theme_key(gap.requirement)
        weight[key] += THEME_WEIGHTS[gap.priority]
        members[key].append(gap)
        first_seen.setdefault(key, n)
    ranked = sorted(weight, key=lambda k: (-weight[k], -len(members[k]), first_seen[k]))
    themes = []
    for key in ranked[:count]:
        found = members[key]
        by_priority = tuple(sum(1 for g in found if g.priority is p) for p in PRIORITIES)
        scopes = len({g.scope_id for g in found})
        themes.append(_theme(key, catalogues, len(found), scopes, by_priority, tr))
    return tuple(themes)


def _theme_key(requirement: Requirement) -> str:
    """An RE belongs to the theme of its SR; a 2-1 requirement is its own theme."""
    return requirement.parent or requirement.id if requirement.level is not None else requirement.id


def _theme(key: str, catalogues: CatalogueSet, gaps: int, scopes: int, by_priority: tuple[int, ...],
           tr: Translator) -> Theme:
    base = catalogues.requirement(key)
    if base.level is not None:
        fr = next((f for f in frs(catalogues) if f.id == base.section), Section(base.section, "", ""))
        context = f"{fr_label(fr)} {fr.title}".strip()
    else:
        section = catalogues.catalogue(base.catalogue).section(base.section)
        context = tr("{code} {title} (security program)", code=section.code, title=section.title)
    return Theme(base, context, gaps, scopes, by_priority)


_MARKS = re.compile(r"[*_`#>]+")


def first_sentence(markdown: str, limit: int = 260) -> str:
    """The first sentence of a catalogue text, without Markdown marks, for one-line context."""
    text = " ".join(_MARKS.sub("", markdown).split())
    match = re.search(r"(?<=[.!?])\s", text)
    sentence = text[: match.start()] if match else text
    return elide(sentence, limit)


def due_window(due: date, reference: date) -> int:
    """Index into DUE_WINDOWS of the window a due date falls in."""
    for i, (months, _label) in enumerate(DUE_WINDOWS):
        if months is None or due <= add_months(reference, months):
            return i
    return len(DUE_WINDOWS) - 1


def roadmap(scored: ScoredProject, order: dict[str, int]) -> Roadmap:
    """Open and in-progress gaps, by priority then due window, merged into actions across scopes."""
    reference = scored.reference
    grouped: dict[tuple[Priority, int, str, str | None, str, date], list[Gap]] = defaultdict(list)
    for gap in scored.gaps:
        if gap.is_closed:
            continue
        due = scored.due_date(gap)
        key = (gap.priority, due_window(due, reference), gap.requirement.id, gap.item.action,
               gap.item.owner.strip(), due)
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
                RoadmapRow(grouped[k][0].requirement, k[3],
                           tuple(ScopeRef(g.scope_id, g.item.state is ItemState.IN_PROGRESS) for g in grouped[k]),
                           k[4], k[5])
                for k in keys
            )
            until = add_months(reference, months) if months is not None else None
            windows.append(RoadmapWindow(label, until, rows))
        if windows:
            buckets.append(RoadmapBucket(priority, tuple(windows)))
    states = scored.by_state()
    accepted = tuple(g for g in scored.gaps if g.item.state is ItemState.RISK_ACCEPTED)
    return Roadmap(tuple(buckets), accepted, states[ItemState.DONE])


def zone_section(scored: ScoredProject, catalogues: CatalogueSet, score: ZoneScore, has_program: bool) -> ZoneSection:
    """The zone's score, its 3-3 gaps, what is unanswered and the countermeasures it relies on."""
    project, zone = scored.data, score.zone
    not_assessed, compensated = [], []
    for requirement in catalogues.requirements(Scale.SECURITY_LEVEL):
        answer = project.answer(zone.id, requirement.id)
        result = classify(answer, requirement, zone, project.info.target_ml)
        if result is Result.NOT_ASSESSED:
            not_assessed.append(requirement.id)
        elif result is Result.MET and answer is not None and answer.status is Status.COMPENSATED:
            compensated.append((requirement, answer))
    program = None
    if has_program and (program_score := scored.zone_programs.get(zone.id)):
        program = program_section(scored, catalogues, program_score, zone.name)
    return ZoneSection(score, tuple(g for g in scored.gaps_in(zone.id) if not is_program(g)), tuple(not_assessed),
                       tuple(compensated), program)


def program_section(scored: ScoredProject, catalogues: CatalogueSet, score: ProgramScore, name: str) -> ProgramSection:
    """2-1 for one scope: maturity per element against the target, its gaps, what is unanswered."""
    project, scope_id, target = scored.data, score.scope_id, score.target_ml
    elements = []
    not_assessed = []
    for catalogue in catalogues.by_scale(Scale.MATURITY):
        for section in catalogue.sections:
            levels: list[int] = []
            total = gap_count = unanswered = 0
            for requirement in catalogue:
                if requirement.section != section.id:
                    continue
                total += 1
                answer = project.answer(scope_id, requirement.id)
                result, ml = classify(answer, requirement, None, target), achieved_ml(answer)
                if result is Result.NOT_APPLICABLE:
                    continue
                if result is Result.NOT_ASSESSED or ml is None:
                    unanswered += 1
                    not_assessed.append(requirement.id)
                else:
                    levels.append(ml)
                    gap_count += result is Result.GAP
            if total:
                elements.append(ElementRow(
                    section, total, len(levels), gap_count, unanswered,
                    sum(levels) / len(levels) if levels else None, min(levels) if levels else None,
                ))
    gaps = tuple(g for g in scored.gaps_in(scope_id) if is_program(g))
    return ProgramSection(name, score, tuple(elements), gaps, tuple(not_assessed))


def action_texts(gaps: Sequence[Gap], catalogues: CatalogueSet) -> tuple[ActionText, ...]:
    """The catalogue actions that gaps rely on, once each, in catalogue order."""
    scopes: dict[str, list[str]] = defaultdict(list)
    for gap in gaps:
        if gap.item.action is None and gap.scope_id not in scopes[gap.requirement.id]:
            scopes[gap.requirement.id].append(gap.scope_id)
    texts = []
    for catalogue in catalogues:
        for requirement in catalogue:
            if requirement.id in scopes:
                texts.append(ActionText(requirement, tuple(scopes[requirement.id])))
    return tuple(texts)


def answer_scopes(project: ProjectData, catalogues: CatalogueSet, names: dict[str, str],
                  tr: Translator) -> tuple[AnswerScope, ...]:
    """Every recorded answer, per scope (zones in order, then the site), in catalogue order."""
    by_scope: dict[str, dict[str, Answer]] = defaultdict(dict)
    for (scope_id, requirement_id), answer in project.answers.items():
        by_scope[scope_id][requirement_id] = answer
    order = [zone.id for zone in project.zones] + [SITE_SCOPE]
    order += sorted(set(by_scope) - set(order))
    catalogue_order = [r for c in catalogues for r in c]
    known = {r.id for r in catalogue_order}
    scopes = []
    for scope_id in order:
        answers = by_scope.get(scope_id)
        if not answers:
            continue
        rows = [(r.title, answers[r.id]) for r in catalogue_order if r.id in answers]
        rows += [(tr("(not in the loaded catalogues)"), answers[rid]) for rid in sorted(set(answers) - known)]
        scopes.append(AnswerScope(scope_id, names.get(scope_id, scope_id), tuple(rows)))
    return tuple(scopes)


def evidence_text(evidence: Evidence, tr: Translator) -> str:
    """One evidence reference as the answers appendix prints it: what, where, its hash, when."""
    return " ".join(part for part in (
        evidence.description or evidence.path,
        f"({evidence.path})" if evidence.description and evidence.path else "",
        f"SHA-256 {evidence.sha256}" if evidence.sha256 else "",
        tr.short_date(evidence.added) if evidence.added else "",
    ) if part)


def _requirement_order(catalogues: CatalogueSet) -> dict[str, int]:
    return {r.id: n for n, r in enumerate(r for c in catalogues for r in c)}
