"""Which rows and columns the Excel gap register shows, as plain values; no openpyxl here.

The layout (xlsx_register.py), the reader (register_reader.py) and the planner
(register_import.py) all start from these definitions, so the import compares an edited
row with exactly what the register would show for the project today. Every figure comes
from the one scored view of the project (domain/report.py), computed once per export.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from ot62443_desktop.domain.catalogue import FR_IDS, CatalogueSet, Requirement, Scale
from ot62443_desktop.domain.model import (
    SITE_SCOPE,
    Answer,
    Effort,
    ItemState,
    Priority,
    ProjectData,
    ProjectInfo,
    Status,
)
from ot62443_desktop.domain.progress import GapChange, Progress
from ot62443_desktop.domain.report import ScoredProject
from ot62443_desktop.domain.rules import achieved_ml, classify
from ot62443_desktop.domain.scoring import Gap
from ot62443_desktop.exports.catalogue_text import catalogues_used, missing_note
from ot62443_desktop.exports.cell_text import plain_text
from ot62443_desktop.exports.changes import CHANGE_LABELS, Change, all_changes, requirement_of
from ot62443_desktop.exports.labels import RESULT_LABELS, STATE_LABELS, STATUS_LABELS, confidentiality, scope_names
from ot62443_desktop.exports.wording import N_, Translator

REGISTER_FORMAT = "ot62443-gap-register"
# 2: the keys sheet carries the project id, row keys a tag made from it. Registers of format 2
# also name each column by its id (COLUMN_NAME_PREFIX); the import refuses those that do not.
REGISTER_VERSION = 2
KEY_SEPARATOR = "|"

# The sheets a reader sees, named in the report language; the hidden keys sheet keeps its name,
# which is how the import finds it (and, in it, the register sheet's name).
SUMMARY_SHEET = N_("Summary")
REGISTER_SHEET = N_("Gap register")
ANSWERS_SHEET = N_("All answers")
PROGRAM_SHEET = N_("2-1 Program")
CHANGES_SHEET = N_("Changes")  # only in the register of a project carried forward; never imported
KEYS_SHEET = "Register keys"

PRIORITY_VALUES: tuple[str, ...] = tuple(p.value for p in Priority)
EFFORT_VALUES: tuple[str, ...] = tuple(e.value for e in Effort)
STATE_VALUES: tuple[str, ...] = tuple(STATE_LABELS.values())

# Column headings of the gap register: what a reader sees (in English here, translated on export).
SCOPE, SCOPE_NAME, STANDARD, REQUIREMENT, TITLE = N_("Scope"), N_("Scope name"), N_("Standard"), N_("Requirement"), \
    N_("Title")
LEVEL, TARGET, ACHIEVED, STATUS = N_("Level"), N_("Target"), N_("Achieved"), N_("Status")
FINDING, ACTION, PRIORITY, OWNER = N_("Finding"), N_("Recommended action"), N_("Priority"), N_("Owner")
DUE_DATE, EFFORT, STATE, JUSTIFICATION, KEY = N_("Due date"), N_("Effort"), N_("State"), N_("Justification"), \
    N_("Key")


@dataclass(frozen=True)
class Column:
    """A register column: its id is stored in the workbook and is what the import matches;
    its heading is only shown, so a renamed or translated heading still imports."""

    id: str
    heading: str


COLUMNS: tuple[Column, ...] = tuple(Column(i, h) for i, h in (
    ("scope", SCOPE), ("scope_name", SCOPE_NAME), ("standard", STANDARD), ("requirement", REQUIREMENT),
    ("title", TITLE), ("level", LEVEL), ("target", TARGET), ("achieved", ACHIEVED), ("status", STATUS),
    ("finding", FINDING), ("action", ACTION), ("priority", PRIORITY), ("owner", OWNER), ("due_date", DUE_DATE),
    ("effort", EFFORT), ("state", STATE), ("justification", JUSTIFICATION), ("key", KEY),
))
REGISTER_COLUMNS: tuple[str, ...] = tuple(c.heading for c in COLUMNS)
COLUMN_ID: dict[str, str] = {c.heading: c.id for c in COLUMNS}  # heading -> id
HEADING: dict[str, str] = {c.id: c.heading for c in COLUMNS}  # id -> heading
EDITABLE_COLUMNS: tuple[str, ...] = (FINDING, ACTION, PRIORITY, OWNER, DUE_DATE, EFFORT, STATE, JUSTIFICATION)
KEY_ID = COLUMN_ID[KEY]
# Each column's header cell carries a workbook-level defined name made of this prefix and its id.
# Excel and LibreOffice move a name with its cells, so columns may be reordered, inserted or renamed.
COLUMN_NAME_PREFIX = "ot62443_col_"


def column_name(column_id: str) -> str:
    """The defined name of a column's header cell."""
    return COLUMN_NAME_PREFIX + column_id


def project_tag(project: ProjectData) -> str:
    """A short fingerprint of the project's id; every row key carries it, so rows pasted in from
    another project's register are recognised, even one of the same client and site. (A snapshot
    made outside a store has no id: client and site stand in.)"""
    info = project.info
    identity = project.project_id or f"{info.client.strip().casefold()}\x1f{info.site.strip().casefold()}"
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:12]


def row_key(tag: str, scope_id: str, requirement_id: str) -> str:
    return KEY_SEPARATOR.join((tag, scope_id, requirement_id))


def parse_key(text: str) -> tuple[str, str, str] | None:
    """(tag, scope id, requirement id) of a key, or None if the text is not shaped like one."""
    parts = text.strip().split(KEY_SEPARATOR, 2)
    if len(parts) != 3 or not all(part.strip() for part in parts):
        return None
    return parts[0], parts[1], parts[2]


@dataclass(frozen=True)
class GapRow:
    """One row of the gap register: how the register shows one gap of the scored project."""

    key: str
    scope_id: str
    scope_name: str
    standard: str
    requirement_id: str
    level: str  # "SL2" for 3-3, "" for 2-1
    target: str  # "SL-T 3" or "ML2"
    achieved: str  # "SL-A 1" or "ML1"
    finding: str
    action: str
    priority: Priority
    due_date: date
    state: ItemState
    gap: Gap

    def values(self, tr: Translator) -> tuple[object, ...]:
        """The row's cells in COLUMNS order, labels in `tr`'s language."""
        gap, item = self.gap, self.gap.item
        return (
            self.scope_id, self.scope_name, self.standard, self.requirement_id, gap.requirement.title, self.level,
            self.target, self.achieved, tr(STATUS_LABELS[gap.answer.status]), self.finding, self.action,
            self.priority.value, item.owner, self.due_date, item.effort.value if item.effort else None,
            tr(STATE_LABELS[self.state]), item.justification, self.key,
        )


class _Names:
    """Catalogue and scope names looked up once per export instead of once per row."""

    def __init__(self, project: ProjectData, catalogues: CatalogueSet, tr: Translator) -> None:
        self.scopes = scope_names(project, tr)
        self.standards = {c.id: c.short_title for c in catalogues}
        self.scales = {c.id: c.scale for c in catalogues}


def _gap_row(gap: Gap, names: _Names, tag: str, scored: ScoredProject) -> GapRow:
    requirement = gap.requirement
    if names.scales[requirement.catalogue] is Scale.SECURITY_LEVEL:
        level, target, achieved = f"SL{requirement.level}", f"SL-T {gap.target}", f"SL-A {gap.achieved}"
    else:
        level, target, achieved = "", f"ML{gap.target}", f"ML{gap.achieved}"
    return GapRow(
        key=row_key(tag, gap.scope_id, requirement.id), scope_id=gap.scope_id,
        scope_name=names.scopes.get(gap.scope_id, gap.scope_id), standard=names.standards[requirement.catalogue],
        requirement_id=requirement.id, level=level, target=target, achieved=achieved,
        finding=plain_text(gap.answer.finding), action=plain_text(gap.action), priority=gap.priority,
        due_date=scored.due_date(gap), state=gap.item.state, gap=gap,
    )


def gap_rows(scored: ScoredProject, catalogues: CatalogueSet, tr: Translator) -> list[GapRow]:
    """Exactly the gaps `summary()` counts, in its order: zones (3-3, then their 2-1), then the site;
    `catalogues` and `tr` in the report language."""
    names = _Names(scored.data, catalogues, tr)
    tag = project_tag(scored.data)
    return [_gap_row(gap, names, tag, scored) for gap in scored.gaps]


def fr_averages(scored: ScoredProject, catalogues: CatalogueSet) -> list[tuple[str, str, float, float]]:
    """(FR, its title, mean SL-T, mean SL-A) over all zones: the series of the summary chart."""
    titles = {s.id: f"{s.code}: {s.title}" for c in catalogues.by_scale(Scale.SECURITY_LEVEL) for s in c.sections}
    zones = scored.zones
    count = len(zones) or 1
    return [
        (fr, titles.get(fr, ""), round(sum(z.zone.sl_t[i] for z in zones) / count, 2),
         round(sum(z.sl_a[i] for z in zones) / count, 2))
        for i, fr in enumerate(FR_IDS)
    ]


def not_assessed(scored: ScoredProject) -> int:
    """Requirements without an answer yet: applicable 3-3 ones of every zone, and every 2-1 scope's."""
    return sum(z.not_assessed for z in scored.zones) + sum(p.not_assessed for p in scored.programs)


def project_facts(info: ProjectInfo, catalogues: CatalogueSet, exported_at: datetime,
                  tr: Translator) -> list[tuple[str, str]]:
    """Label and value lines for the top of the summary sheet; the catalogues it comes from, and those
    the project names that were missing where it was exported."""
    if info.start_date and info.end_date and info.start_date != info.end_date:
        dates = tr("{start} to {end}", start=tr.date(info.start_date), end=tr.date(info.end_date))
    else:
        when = info.start_date or info.end_date
        dates = tr.date(when) if when else tr("not recorded")
    return [
        (tr("Client"), info.client),
        (tr("Site"), info.site),
        (tr("Assessors"), ", ".join(info.assessors) or tr("not recorded")),
        (tr("Assessment dates"), dates),
        (tr("Confidentiality"), confidentiality(info, tr)),
        (tr("Target maturity (2-1)"), f"ML{info.target_ml}"),
        (tr("Catalogues"), catalogues_used(catalogues)),
        *([(tr("Catalogues missing"), note)] if (note := missing_note(info, catalogues, tr)) else []),
        (tr("Exported"), f"{tr.short_date(exported_at)} {exported_at:%H:%M}"),
        (tr("Scope"), info.scope_note),
    ]


@dataclass(frozen=True)
class AnswerRow:
    scope_id: str
    scope_name: str
    standard: str
    requirement_id: str
    title: str
    level: str
    status: str
    ml: int | None
    notes: str
    finding: str
    countermeasure: str
    evidence: str
    answered_by: str
    answered_at: datetime | None


def _scope_requirements(project: ProjectData, catalogues: CatalogueSet) -> Iterator[tuple[str, list[Requirement]]]:
    """Each scope with the requirements it is assessed on, in the order of find_gaps."""
    security = list(catalogues.requirements(Scale.SECURITY_LEVEL))
    program = list(catalogues.requirements(Scale.MATURITY))
    for zone in project.zones:
        yield zone.id, security + program if zone.assess_program else security
    yield SITE_SCOPE, program


def answer_rows(project: ProjectData, catalogues: CatalogueSet, tr: Translator) -> list[AnswerRow]:
    """Every recorded answer, per scope in catalogue order; answers to requirements the scope
    no longer assesses (or the catalogues no longer hold) follow their scope, not dropped."""
    names = _Names(project, catalogues, tr)
    by_scope: dict[str, dict[str, Answer]] = {}
    for (scope_id, requirement_id), answer in project.answers.items():
        by_scope.setdefault(scope_id, {})[requirement_id] = answer
    rows: list[AnswerRow] = []
    for scope_id, requirements in _scope_requirements(project, catalogues):
        answers = by_scope.pop(scope_id, {})
        for requirement in requirements:
            if requirement.id in answers:
                rows.append(_answer_row(answers.pop(requirement.id), names, requirement, tr))
        for requirement_id in sorted(answers):
            other = catalogues.requirement(requirement_id) if requirement_id in catalogues else None
            rows.append(_answer_row(answers[requirement_id], names, other, tr))
    return rows


def _answer_row(answer: Answer, names: _Names, requirement: Requirement | None, tr: Translator) -> AnswerRow:
    evidence = "\n".join(
        f"{e.path}" + (f" ({e.description})" if e.description else "") + f" SHA-256 {e.sha256}"
        for e in answer.evidence
    )
    return AnswerRow(
        scope_id=answer.scope_id, scope_name=names.scopes.get(answer.scope_id, answer.scope_id),
        standard=names.standards[requirement.catalogue] if requirement else "",
        requirement_id=answer.requirement_id,
        title=requirement.title if requirement else tr("(not in the loaded catalogues)"),
        level=f"SL{requirement.level}" if requirement and requirement.level is not None else "",
        status=tr(STATUS_LABELS[answer.status]), ml=answer.ml, notes=plain_text(answer.notes),
        finding=plain_text(answer.finding), countermeasure=plain_text(answer.countermeasure),
        evidence=evidence, answered_by=answer.answered_by,
        answered_at=answer.answered_at,
    )


@dataclass(frozen=True)
class ProgramRow:
    scope_id: str
    scope_name: str
    element: str
    group: str
    requirement_id: str
    title: str
    target_ml: int
    achieved_ml: int | None
    status: str
    result: str  # Met, Gap, Not assessed, Not applicable


def program_rows(project: ProjectData, catalogues: CatalogueSet, tr: Translator) -> list[ProgramRow]:
    """2-1 maturity per requirement: the site first, then each zone that assesses the program."""
    names = scope_names(project, tr)
    target = project.info.target_ml
    scopes = [SITE_SCOPE, *(z.id for z in project.zones if z.assess_program)]
    labels: list[tuple[Requirement, str, str]] = []
    for catalogue in catalogues.by_scale(Scale.MATURITY):
        sections = {s.id: f"{s.code} {s.title}" for s in catalogue.sections}
        groups = {g.id: g.title for g in catalogue.groups}
        for requirement in catalogue:
            group = groups.get(requirement.group or "", requirement.group or "")
            labels.append((requirement, sections.get(requirement.section, requirement.section), group))
    rows = []
    for scope_id in scopes:
        for requirement, element, group in labels:
            answer = project.answer(scope_id, requirement.id)
            rows.append(ProgramRow(
                scope_id, names[scope_id], element, group, requirement.id, requirement.title, target,
                achieved_ml(answer), tr(STATUS_LABELS[answer.status if answer else Status.NOT_ASSESSED]),
                tr(RESULT_LABELS[classify(answer, requirement, None, target)]),
            ))
    return rows


@dataclass(frozen=True)
class ChangeRow:
    """One gap closed, new or persisting since the previous assessment, with both sides' figures."""

    change: Change
    scope_id: str
    scope_name: str
    requirement_id: str
    title: str
    status_then: Status | None  # None: the zone was not assessed then
    status_now: Status
    achieved_then: str  # "SL-A 1" (the zone's in the requirement's FR) or "ML1"; "" when unknown
    achieved_now: str
    priority_now: Priority | None  # None for a closed gap

    def values(self, tr: Translator) -> tuple[object, ...]:
        """The row's cells in CHANGE_COLUMNS order, labels in `tr`'s language."""
        return (
            tr(CHANGE_LABELS[self.change]), self.scope_id, self.scope_name, self.requirement_id, self.title,
            tr(STATUS_LABELS[self.status_then]) if self.status_then is not None else None,
            tr(STATUS_LABELS[self.status_now]), self.achieved_then or None, self.achieved_now or None,
            self.priority_now.value if self.priority_now is not None else None,
        )


def change_rows(progress: Progress, tr: Translator) -> list[ChangeRow]:
    """Every gap closed, new or persisting, scope by scope (zones, then the site), as in `compare`;
    the progress scored with the catalogues in the report language."""
    names = scope_names(progress.now.data, tr)
    rows = []
    for change, scope, gap_change in all_changes(progress):
        requirement = requirement_of(gap_change)
        was_there = scope.scope_id == SITE_SCOPE or scope.sl_a_then is not None
        rows.append(ChangeRow(
            change=change, scope_id=scope.scope_id, scope_name=names.get(scope.scope_id, scope.name),
            requirement_id=requirement.id, title=requirement.title,
            status_then=_status(progress.then.data, gap_change) if was_there else None,
            status_now=_status(progress.now.data, gap_change),
            achieved_then=_achieved(progress.then.data, scope.sl_a_then, gap_change, requirement) if was_there else "",
            achieved_now=_achieved(progress.now.data, scope.sl_a_now, gap_change, requirement),
            priority_now=gap_change.now.priority if gap_change.now is not None else None,
        ))
    return rows


def _status(project: ProjectData, change: GapChange) -> Status:
    answer = project.answer(change.scope_id, change.requirement_id)
    return answer.status if answer is not None else Status.NOT_ASSESSED


def _achieved(project: ProjectData, sl_a: tuple[int, ...] | None, change: GapChange, requirement: Requirement) -> str:
    """What the scope achieved in the requirement: its zone's SL-A in the FR, or the maturity rated."""
    if requirement.level is not None:
        return f"SL-A {sl_a[requirement.fr_index]}" if sl_a is not None else ""
    ml = achieved_ml(project.answer(change.scope_id, change.requirement_id))
    return f"ML{ml}" if ml is not None else ""
