"""The answer rules (SPEC 4), in one place: what an answer counts as, and which maturity fits a status.

Every view, export and count asks these functions instead of re-deriving the rule from
statuses, because copies drift: the navigator once counted a gap above SL-T that the
dashboard, the register and the plan did not.
"""

from __future__ import annotations

from enum import StrEnum

from ot62443_desktop.domain.catalogue import Requirement
from ot62443_desktop.domain.model import Answer, Status, Zone


class Result(StrEnum):
    """What one requirement counts as in one scope."""

    MET = "met"
    GAP = "gap"
    NOT_ASSESSED = "not_assessed"  # asked but not answered yet: neither met nor a gap
    NOT_APPLICABLE = "not_applicable"  # 2-1 answered not applicable: left out of the counts
    OUT_OF_SCOPE = "out_of_scope"  # 3-3 above the zone's SL-T: not asked, whatever was recorded

    @property
    def label(self) -> str:
        return _RESULT_LABELS[self]


_RESULT_LABELS = {
    Result.MET: "Met",
    Result.GAP: "Gap",
    Result.NOT_ASSESSED: "Not assessed",
    Result.NOT_APPLICABLE: "Not applicable",
    Result.OUT_OF_SCOPE: "Above SL-T",
}

# 3-3: met when in place, covered by a countermeasure, or without object in the scope.
MET_STATUSES = frozenset({Status.IMPLEMENTED, Status.COMPENSATED, Status.NOT_APPLICABLE})
# 3-3: the measure is there in part or not at all; both are gaps to plan.
GAP_STATUSES = frozenset({Status.PARTIAL, Status.NOT_IMPLEMENTED})
# 2-1: statuses that say how far the practice goes, so they cannot be scored without a maturity.
NEEDS_ML = frozenset({Status.IMPLEMENTED, Status.PARTIAL, Status.COMPENSATED})
# Statuses that say nothing was rated, so a maturity would contradict them.
FORBIDS_ML = frozenset({Status.NOT_ASSESSED, Status.NOT_APPLICABLE})


def is_applicable(zone: Zone, requirement: Requirement) -> bool:
    """A 3-3 requirement applies to a zone when its level is within the zone's SL-T for its FR."""
    return requirement.level is not None and requirement.level <= zone.sl_t[requirement.fr_index]


def is_met(answer: Answer | None) -> bool:
    """Whether a 3-3 answer meets its requirement, in scope or not (SL-A looks above SL-T too)."""
    return answer is not None and answer.status in MET_STATUSES


def achieved_ml(answer: Answer | None) -> int | None:
    """Achieved maturity of a 2-1 answer; None when not rated (not assessed, not applicable, no ml).

    "Not implemented" without a maturity is ML0: the practice is absent, there is nothing to rate.
    """
    if answer is None or answer.status in FORBIDS_ML:
        return None
    if answer.ml is None and answer.status is Status.NOT_IMPLEMENTED:
        return 0
    return answer.ml


def classify(answer: Answer | None, requirement: Requirement, zone: Zone | None, target_ml: int) -> Result:
    """What `answer` counts as for `requirement` in `zone` (None: the site scope).

    3-3 (a requirement with a level) needs the zone, because its SL-T decides whether the
    requirement is asked at all; 2-1 is judged on the achieved maturity against `target_ml`.
    """
    if requirement.level is None:
        return _classify_maturity(answer, target_ml)
    if zone is None:
        raise ValueError(f"{requirement.id} is assessed per zone or conduit, not for the site")
    if not is_applicable(zone, requirement):
        return Result.OUT_OF_SCOPE
    if is_met(answer):
        return Result.MET
    if answer is not None and answer.status in GAP_STATUSES:
        return Result.GAP
    return Result.NOT_ASSESSED


def _classify_maturity(answer: Answer | None, target_ml: int) -> Result:
    """2-1: a gap when the achieved maturity is below the target; the status alone decides nothing."""
    if answer is not None and answer.status is Status.NOT_APPLICABLE:
        return Result.NOT_APPLICABLE
    ml = achieved_ml(answer)
    if ml is None:
        return Result.NOT_ASSESSED
    return Result.GAP if ml < target_ml else Result.MET


def maturity_conflict(status: Status, ml: int | None) -> str | None:
    """Why a 2-1 status and maturity cannot be recorded together, or None when they can."""
    if ml is None and status in NEEDS_ML:
        return f"status {status.value} needs an achieved maturity 0-4 (ml)"
    if ml is not None and status in FORBIDS_ML:
        return f"a maturity (ml) does not go with status {status.value}"
    return None


def status_for_ml(ml: int | None, target_ml: int, current: Status | None = None) -> Status:
    """The status a newly chosen maturity implies, so status and maturity never tell two stories.

    A countermeasure that reaches the target stays a countermeasure: the maturity does not say
    how the target was reached.
    """
    if ml is None:
        return Status.NOT_ASSESSED
    if ml == 0:
        return Status.NOT_IMPLEMENTED
    if ml < target_ml:
        return Status.PARTIAL
    return Status.COMPENSATED if current is Status.COMPENSATED else Status.IMPLEMENTED


def ml_for_status(status: Status, ml: int | None, target_ml: int) -> int | None:
    """A maturity that fits a newly chosen 2-1 status, keeping the assessor's value when it fits.

    Partial keeps a maturity between 1 and below target; at target ML1 no such level exists and
    ML1 is used, which meets the target: the maturity, not the status, decides a 2-1 gap.
    """
    if status in FORBIDS_ML:
        return None
    if status is Status.NOT_IMPLEMENTED:
        return 0
    if status is Status.PARTIAL:
        return ml if ml is not None and 0 < ml < target_ml else max(1, target_ml - 1)
    return ml if ml is not None and ml >= target_ml else target_ml
