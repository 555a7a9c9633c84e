"""Scoring (SPEC 4): applicability, SL-A per FR, gaps, not-assessed counts, 2-1 maturity gaps."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from ot62443_desktop.domain.catalogue import FR_IDS, CatalogueSet, Requirement, Scale
from ot62443_desktop.domain.model import (
    SITE_SCOPE,
    Answer,
    Criticality,
    ItemState,
    Priority,
    ProjectData,
    RemediationItem,
    Status,
    Zone,
)
from ot62443_desktop.domain.priority import compute_priority, default_due_date
from ot62443_desktop.domain.rules import Result, achieved_ml, classify, is_met

MAX_LEVEL = 4


def sl_achieved(project: ProjectData, catalogues: CatalogueSet, scope_id: str) -> tuple[int, ...]:
    """SL-A per FR: the highest L such that every requirement of the FR with level <= L is met."""
    lowest_unmet = [MAX_LEVEL + 1] * len(FR_IDS)
    for requirement in catalogues.requirements(Scale.SECURITY_LEVEL):
        assert requirement.level is not None
        if not is_met(project.answer(scope_id, requirement.id)):
            i = requirement.fr_index
            lowest_unmet[i] = min(lowest_unmet[i], requirement.level)
    return tuple(level - 1 for level in lowest_unmet)


@dataclass(frozen=True)
class ZoneScore:
    zone: Zone
    sl_a: tuple[int, ...]
    applicable: int
    met: int
    gaps: int
    not_assessed: int

    @property
    def sl_gap(self) -> tuple[int, ...]:
        """Gap(FR) = max(0, SL-T - SL-A)."""
        return tuple(max(0, t - a) for t, a in zip(self.zone.sl_t, self.sl_a, strict=True))

    @property
    def worst_gap(self) -> int | None:
        """The largest SL gap over the FRs, what the diagram colours a zone by; None for a zone with
        no target at all (every FR at SL-T 0), which has no gap to show."""
        return max(self.sl_gap) if any(self.zone.sl_t) else None


@dataclass(frozen=True)
class ProgramScore:
    scope_id: str
    target_ml: int
    requirements: int
    met: int
    gaps: int
    not_assessed: int
    not_applicable: int


def score_zone(project: ProjectData, catalogues: CatalogueSet, zone: Zone) -> ZoneScore:
    counts = dict.fromkeys(Result, 0)
    for requirement in catalogues.requirements(Scale.SECURITY_LEVEL):
        counts[classify(project.answer(zone.id, requirement.id), requirement, zone, project.info.target_ml)] += 1
    met, gaps, not_assessed = counts[Result.MET], counts[Result.GAP], counts[Result.NOT_ASSESSED]
    return ZoneScore(zone, sl_achieved(project, catalogues, zone.id), met + gaps + not_assessed, met, gaps,
                     not_assessed)


def score_program(project: ProjectData, catalogues: CatalogueSet, scope_id: str = SITE_SCOPE) -> ProgramScore:
    """2-1 for one scope: a gap is an achieved ML below the project's target ML."""
    target = project.info.target_ml
    counts = dict.fromkeys(Result, 0)
    for requirement in catalogues.requirements(Scale.MATURITY):
        counts[classify(project.answer(scope_id, requirement.id), requirement, None, target)] += 1
    return ProgramScore(scope_id, target, sum(counts.values()), counts[Result.MET], counts[Result.GAP],
                        counts[Result.NOT_ASSESSED], counts[Result.NOT_APPLICABLE])


@dataclass(frozen=True)
class Gap:
    """One requirement not met in one scope, with its computed and planned remediation."""

    scope_id: str
    requirement: Requirement
    answer: Answer
    target: int  # SL-T of the FR, or target ML
    achieved: int  # SL-A of the FR, or achieved ML
    computed_priority: Priority
    item: RemediationItem

    @property
    def priority(self) -> Priority:
        return self.item.priority or self.computed_priority

    @property
    def action(self) -> str:
        return self.item.action if self.item.action is not None else self.requirement.remediation

    def due_date(self, assessment_date: date) -> date:
        return self.item.due_date or default_due_date(self.priority, assessment_date)

    @property
    def is_closed(self) -> bool:
        return self.item.state in (ItemState.DONE, ItemState.RISK_ACCEPTED)


def find_gaps(project: ProjectData, catalogues: CatalogueSet) -> list[Gap]:
    """Every gap of the project, zones first (in zone order), then the site program."""
    gaps: list[Gap] = []
    for zone in project.zones:
        gaps += _zone_gaps(project, catalogues, zone, catalogues.requirements(Scale.SECURITY_LEVEL))
        if zone.assess_program:
            gaps += _program_gaps(project, catalogues, zone.id, zone.criticality,
                                  catalogues.requirements(Scale.MATURITY))
    return gaps + list(_program_gaps(project, catalogues, SITE_SCOPE, Criticality.HIGH,
                                     catalogues.requirements(Scale.MATURITY)))


def gap_for(project: ProjectData, catalogues: CatalogueSet, scope_id: str, requirement_id: str) -> Gap | None:
    """The gap of one requirement in one scope, or None when it is not a gap."""
    requirement = catalogues.requirement(requirement_id)
    if catalogues.catalogue(requirement.catalogue).scale is Scale.MATURITY:
        criticality = Criticality.HIGH if scope_id == SITE_SCOPE else project.zone(scope_id).criticality
        found = list(_program_gaps(project, catalogues, scope_id, criticality, [requirement]))
    else:
        found = list(_zone_gaps(project, catalogues, project.zone(scope_id), [requirement]))
    return found[0] if found else None


def _item(project: ProjectData, scope_id: str, requirement_id: str) -> RemediationItem:
    return project.remediation.get((scope_id, requirement_id)) or RemediationItem(scope_id, requirement_id)


def _zone_gaps(
    project: ProjectData, catalogues: CatalogueSet, zone: Zone, requirements: Iterable[Requirement]
) -> Iterator[Gap]:
    sl_a: tuple[int, ...] | None = None
    for requirement in requirements:
        answer = project.answer(zone.id, requirement.id)
        if answer is None or classify(answer, requirement, zone, project.info.target_ml) is not Result.GAP:
            continue
        assert requirement.level is not None
        sl_a = sl_a or sl_achieved(project, catalogues, zone.id)
        i = requirement.fr_index
        priority = compute_priority(
            zone.criticality, zone.sl_t[i] - sl_a[i], requirement.level,
            missing=answer.status is Status.NOT_IMPLEMENTED,
        )
        yield Gap(zone.id, requirement, answer, zone.sl_t[i], sl_a[i], priority,
                  _item(project, zone.id, requirement.id))


def _program_gaps(
    project: ProjectData, catalogues: CatalogueSet, scope_id: str, criticality: Criticality,
    requirements: Iterable[Requirement],
) -> Iterator[Gap]:
    target = project.info.target_ml
    for requirement in requirements:
        answer = project.answer(scope_id, requirement.id)
        ml = achieved_ml(answer)
        if answer is None or ml is None or classify(answer, requirement, None, target) is not Result.GAP:
            continue
        priority = compute_priority(criticality, target - ml, None, missing=ml == 0)
        yield Gap(scope_id, requirement, answer, target, ml, priority, _item(project, scope_id, requirement.id))
