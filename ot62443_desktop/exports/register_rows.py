"""Which rows the Excel gap register shows, as plain values; no openpyxl here.

The layout (xlsx_register.py) and the re-import (register_import.py) both start from these
functions, so the import compares an edited row with exactly what the register would show
for the project today.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from ot62443_desktop.domain.catalogue import FR_IDS, Catalogue, CatalogueSet, Requirement, Scale
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
from ot62443_desktop.domain.rules import achieved_ml, classify
from ot62443_desktop.domain.scoring import Gap, find_gaps, score_program, score_zone

REGISTER_FORMAT = "ot62443-gap-register"
REGISTER_VERSION = 2  # 2: the keys sheet carries the project id, row keys a tag made from it
KEY_SEPARATOR = "|"

STATE_LABELS: dict[ItemState, str] = {
    ItemState.OPEN: "Open",
    ItemState.IN_PROGRESS: "In progress",
    ItemState.DONE: "Done",
    ItemState.RISK_ACCEPTED: "Risk accepted",
}
PRIORITY_VALUES: tuple[str, ...] = tuple(p.value for p in Priority)
EFFORT_VALUES: tuple[str, ...] = tuple(e.value for e in Effort)
STATE_VALUES: tuple[str, ...] = tuple(STATE_LABELS.values())

# Column headings of the gap register. The import finds columns by these names, so users
# may reorder or insert columns; the editable ones are listed in EDITABLE_COLUMNS.
SCOPE, SCOPE_NAME, STANDARD, REQUIREMENT, TITLE = "Scope", "Scope name", "Standard", "Requirement", "Title"
LEVEL, TARGET, ACHIEVED, STATUS = "Level", "Target", "Achieved", "Status"
FINDING, ACTION, PRIORITY, OWNER = "Finding", "Recommended action", "Priority", "Owner"
DUE_DATE, EFFORT, STATE, JUSTIFICATION, KEY = "Due date", "Effort", "State", "Justification", "Key"
REGISTER_COLUMNS: tuple[str, ...] = (
    SCOPE, SCOPE_NAME, STANDARD, REQUIREMENT, TITLE, LEVEL, TARGET, ACHIEVED, STATUS,
    FINDING, ACTION, PRIORITY, OWNER, DUE_DATE, EFFORT, STATE, JUSTIFICATION, KEY,
)
EDITABLE_COLUMNS: tuple[str, ...] = (FINDING, ACTION, PRIORITY, OWNER, DUE_DATE, EFFORT, STATE, JUSTIFICATION)

# Characters Excel (and CSV consumers) read as the start of a formula or a command.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Characters that XML 1.0 forbids (controls, lone surrogates from a hand-edited project file,
# U+FFFE/U+FFFF); openpyxl would refuse, or fail to encode, the whole export over one.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
EXCEL_CELL_LIMIT = 32767  # Excel's limit, counted in UTF-16 code units
TRUNCATED = "\u2026 [truncated: {:,} characters in the project]"


def clean_text(text: str) -> str:
    """User text as Excel can store it: no XML-illegal characters, \\n line ends, and no longer
    than a cell holds; a longer text is cut with a visible marker saying how long it is."""
    text = _legal(text)
    if _too_long(text):
        marker = TRUNCATED.format(len(text))
        text = _head(text, EXCEL_CELL_LIMIT - len(marker)) + marker
    return text


def too_long_for_a_cell(text: str) -> bool:
    """True when the register shows `text` cut short (see clean_text)."""
    return _too_long(_legal(text))


def _legal(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ILLEGAL_XML.search(text):
        text = _ILLEGAL_XML.sub("", text)
    return text


def _too_long(text: str) -> bool:
    return len(text) > EXCEL_CELL_LIMIT // 2 and _units(text) > EXCEL_CELL_LIMIT


def _units(text: str) -> int:
    """Length in UTF-16 code units, as Excel counts it (a letter beyond U+FFFF takes two)."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def _head(text: str, units: int) -> str:
    """The longest head of `text` of at most `units` UTF-16 code units."""
    head = text[:units]
    while (excess := _units(head) - units) > 0:  # each letter dropped frees one or two units
        head = head[: len(head) - (excess + 1) // 2]
    return head


_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\s]*)\)")


def plain_text(markdown: str) -> str:
    """Markdown as a spreadsheet cell shows it: no ** or ` markers, links as "text (url)".

    The re-import compares cells with this same rendering, so an untouched cell is no edit.
    """
    if "[" in markdown:
        markdown = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})" if m.group(2) else m.group(1), markdown)
    return markdown.replace("**", "").replace("__", "").replace("`", "")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_PREFIXES)


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


def standard_name(catalogue: Catalogue) -> str:
    """The short name of a standard ("IEC 62443-3-3" from "IEC 62443-3-3:2013 System ...")."""
    return catalogue.title.split(":", 1)[0].strip()[:40] or catalogue.id


def due_base(info: ProjectInfo, fallback: date | None = None) -> date:
    """The date default due dates count from: the assessment date, else `fallback`, else today."""
    return info.assessment_date or fallback or date.today()


def scope_names(project: ProjectData) -> dict[str, str]:
    names = {zone.id: zone.name for zone in project.zones}
    names[SITE_SCOPE] = f"Site: {project.info.site}"
    return names


@dataclass(frozen=True)
class GapRow:
    """One row of the gap register: what the project shows for one gap today."""

    key: str
    scope_id: str
    scope_name: str
    standard: str
    requirement_id: str
    title: str
    level: str  # "SL2" for 3-3, "" for 2-1
    target: str  # "SL-T 3" or "ML2"
    achieved: str  # "SL-A 1" or "ML1"
    status: str
    finding: str
    action: str
    priority: Priority
    owner: str
    due_date: date
    effort: Effort | None
    state: ItemState
    justification: str
    gap: Gap

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


class _Names:
    """Catalogue and scope names looked up once per export instead of once per row."""

    def __init__(self, project: ProjectData, catalogues: CatalogueSet) -> None:
        self.scopes = scope_names(project)
        self.standards = {c.id: standard_name(c) for c in catalogues}
        self.scales = {c.id: c.scale for c in catalogues}


def gap_row(gap: Gap, names: _Names, tag: str, base: date) -> GapRow:
    requirement = gap.requirement
    if names.scales[requirement.catalogue] is Scale.SECURITY_LEVEL:
        level, target, achieved = f"SL{requirement.level}", f"SL-T {gap.target}", f"SL-A {gap.achieved}"
    else:
        level, target, achieved = "", f"ML{gap.target}", f"ML{gap.achieved}"
    item = gap.item
    return GapRow(
        key=row_key(tag, gap.scope_id, requirement.id), scope_id=gap.scope_id,
        scope_name=names.scopes.get(gap.scope_id, gap.scope_id), standard=names.standards[requirement.catalogue],
        requirement_id=requirement.id, title=requirement.title, level=level, target=target, achieved=achieved,
        status=gap.answer.status.label, finding=plain_text(gap.answer.finding), action=plain_text(gap.action),
        priority=gap.priority, owner=item.owner, due_date=gap.due_date(base), effort=item.effort, state=item.state,
        justification=item.justification, gap=gap,
    )


def gap_rows(project: ProjectData, catalogues: CatalogueSet, *, base: date | None = None) -> list[GapRow]:
    """Exactly the gaps `summary()` counts, in its order: zones (3-3, then their 2-1), then the site."""
    names = _Names(project, catalogues)
    tag = project_tag(project)
    base = base or due_base(project.info)
    return [gap_row(gap, names, tag, base) for gap in find_gaps(project, catalogues)]


@dataclass(frozen=True)
class ZoneRow:
    zone_id: str
    name: str
    kind: str
    criticality: str
    sl_t: tuple[int, ...]
    sl_a: tuple[int, ...]
    applicable: int
    met: int
    gaps: int
    not_assessed: int
    program_gaps: int | None  # 2-1 gaps when the zone also assesses the program


def zone_rows(project: ProjectData, catalogues: CatalogueSet) -> list[ZoneRow]:
    rows = []
    for zone in project.zones:
        score = score_zone(project, catalogues, zone)
        program = score_program(project, catalogues, zone.id).gaps if zone.assess_program else None
        rows.append(ZoneRow(
            zone.id, zone.name, zone.kind.value.capitalize(), zone.criticality.value.capitalize(), zone.sl_t,
            score.sl_a, score.applicable, score.met, score.gaps, score.not_assessed, program,
        ))
    return rows


def fr_averages(rows: list[ZoneRow], catalogues: CatalogueSet) -> list[tuple[str, str, float, float]]:
    """(FR, its title, mean SL-T, mean SL-A) over all zones: the series of the summary chart."""
    titles = {s.id: f"{s.code}: {s.title}" for c in catalogues.by_scale(Scale.SECURITY_LEVEL) for s in c.sections}
    count = len(rows) or 1
    return [
        (fr, titles.get(fr, ""), round(sum(r.sl_t[i] for r in rows) / count, 2),
         round(sum(r.sl_a[i] for r in rows) / count, 2))
        for i, fr in enumerate(FR_IDS)
    ]


@dataclass(frozen=True)
class Counts:
    gaps: int
    by_priority: dict[Priority, int]
    by_state: dict[ItemState, int]
    not_assessed: int  # applicable 3-3 requirements and 2-1 requirements without an answer
    site_target_ml: int
    site_requirements: int
    site_met: int
    site_gaps: int
    site_not_assessed: int


def counts(project: ProjectData, catalogues: CatalogueSet, gaps: list[GapRow], zones: list[ZoneRow]) -> Counts:
    site = score_program(project, catalogues, SITE_SCOPE)
    program_not_assessed = sum(
        score_program(project, catalogues, z.id).not_assessed for z in project.zones if z.assess_program
    )
    return Counts(
        gaps=len(gaps),
        by_priority={p: sum(1 for g in gaps if g.priority is p) for p in Priority},
        by_state={s: sum(1 for g in gaps if g.state is s) for s in ItemState},
        not_assessed=sum(z.not_assessed for z in zones) + program_not_assessed + site.not_assessed,
        site_target_ml=site.target_ml, site_requirements=site.requirements, site_met=site.met,
        site_gaps=site.gaps, site_not_assessed=site.not_assessed,
    )


def project_facts(info: ProjectInfo, exported_at: datetime) -> list[tuple[str, str]]:
    """Label and value lines for the top of the summary sheet."""
    if info.start_date and info.end_date and info.start_date != info.end_date:
        dates = f"{info.start_date.isoformat()} to {info.end_date.isoformat()}"
    else:
        when = info.start_date or info.end_date
        dates = when.isoformat() if when else "not recorded"
    return [
        ("Client", info.client),
        ("Site", info.site),
        ("Assessors", ", ".join(info.assessors) or "not recorded"),
        ("Assessment dates", dates),
        ("Confidentiality", info.confidentiality),
        ("Target maturity (2-1)", f"ML{info.target_ml}"),
        ("Exported", exported_at.strftime("%Y-%m-%d %H:%M")),
        ("Scope", info.scope_note),
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


def answer_rows(project: ProjectData, catalogues: CatalogueSet) -> list[AnswerRow]:
    """Every recorded answer, per scope in catalogue order; answers to requirements the scope
    no longer assesses (or the catalogues no longer hold) follow their scope, not dropped."""
    names = _Names(project, catalogues)
    by_scope: dict[str, dict[str, Answer]] = {}
    for (scope_id, requirement_id), answer in project.answers.items():
        by_scope.setdefault(scope_id, {})[requirement_id] = answer
    rows: list[AnswerRow] = []
    for scope_id, requirements in _scope_requirements(project, catalogues):
        answers = by_scope.pop(scope_id, {})
        for requirement in requirements:
            if requirement.id in answers:
                rows.append(_answer_row(answers.pop(requirement.id), names, requirement))
        for requirement_id in sorted(answers):
            other = catalogues.requirement(requirement_id) if requirement_id in catalogues else None
            rows.append(_answer_row(answers[requirement_id], names, other))
    return rows


def _answer_row(answer: Answer, names: _Names, requirement: Requirement | None) -> AnswerRow:
    evidence = "\n".join(
        f"{e.path}" + (f" ({e.description})" if e.description else "") + f" SHA-256 {e.sha256}"
        for e in answer.evidence
    )
    return AnswerRow(
        scope_id=answer.scope_id, scope_name=names.scopes.get(answer.scope_id, answer.scope_id),
        standard=names.standards[requirement.catalogue] if requirement else "",
        requirement_id=answer.requirement_id,
        title=requirement.title if requirement else "(not in the loaded catalogues)",
        level=f"SL{requirement.level}" if requirement and requirement.level is not None else "",
        status=answer.status.label, ml=answer.ml, notes=plain_text(answer.notes),
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


def program_rows(project: ProjectData, catalogues: CatalogueSet) -> list[ProgramRow]:
    """2-1 maturity per requirement: the site first, then each zone that assesses the program."""
    names = scope_names(project)
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
                achieved_ml(answer), answer.status.label if answer else Status.NOT_ASSESSED.label,
                classify(answer, requirement, None, target).label,
            ))
    return rows
