"""The answer rules (SPEC 4) as worked examples: one row per case, edge cases included."""

from __future__ import annotations

import pytest

from ot62443_desktop.domain.catalogue import Requirement
from ot62443_desktop.domain.model import Answer, Status, Zone
from ot62443_desktop.domain.rules import (
    FORBIDS_ML,
    NEEDS_ML,
    Result,
    achieved_ml,
    classify,
    maturity_conflict,
    ml_for_status,
    status_for_ml,
)

ZONE = Zone("Z1", "Control network", (2, 0, 2, 2, 2, 2, 2))  # SL-T 2, but 0 for FR 2
TARGET_ML = 2


def sr(rid: str, level: int, fr: str = "FR 1") -> Requirement:
    return Requirement("iec62443-3-3", rid, rid, fr, "", level=level)


def program(rid: str = "ORG 1.1") -> Requirement:
    return Requirement("iec62443-2-1", rid, rid, "ORG", "", group="ORG 1")


SL1, SL2, SL3 = sr("SR 1.1", 1), sr("SR 1.2", 2), sr("SR 1.1 RE 2", 3)
FR2_SL1 = sr("SR 2.1", 1, "FR 2")

P, IM, N = Status.PARTIAL, Status.IMPLEMENTED, Status.NOT_IMPLEMENTED
C, NA, NS = Status.COMPENSATED, Status.NOT_APPLICABLE, Status.NOT_ASSESSED

CASES = [
    # 3-3, zone SL-T 2: met when implemented or compensated; N/A counts as met
    ("implemented", SL1, IM, None, Result.MET),
    ("compensating countermeasure", SL1, C, None, Result.MET),
    ("3-3 not applicable counts as met", SL1, NA, None, Result.MET),
    ("partial is a gap", SL1, P, None, Result.GAP),
    ("not implemented is a gap", SL1, N, None, Result.GAP),
    ("explicitly not assessed", SL1, NS, None, Result.NOT_ASSESSED),
    ("never answered", SL1, None, None, Result.NOT_ASSESSED),
    ("level equal to SL-T is asked", SL2, P, None, Result.GAP),
    ("above SL-T with a partial answer is no gap", SL3, P, None, Result.OUT_OF_SCOPE),
    ("above SL-T implemented is not counted as met either", SL3, IM, None, Result.OUT_OF_SCOPE),
    ("above SL-T unanswered is not awaited", SL3, None, None, Result.OUT_OF_SCOPE),
    ("FR with SL-T 0 asks nothing", FR2_SL1, N, None, Result.OUT_OF_SCOPE),
    # 2-1, target ML2: the achieved maturity decides
    ("ML equal to target", program(), IM, 2, Result.MET),
    ("ML above target", program(), IM, 4, Result.MET),
    ("compensated at target", program(), C, 2, Result.MET),
    ("ML below target", program(), P, 1, Result.GAP),
    ("ML0", program(), N, 0, Result.GAP),
    ("not implemented without ml is ML0", program(), N, None, Result.GAP),
    ("implemented without ml yet", program(), IM, None, Result.NOT_ASSESSED),
    ("partial without ml yet", program(), P, None, Result.NOT_ASSESSED),
    ("2-1 not applicable is left out", program(), NA, None, Result.NOT_APPLICABLE),
    ("2-1 explicitly not assessed", program(), NS, None, Result.NOT_ASSESSED),
    ("2-1 never answered", program(), None, None, Result.NOT_ASSESSED),
    ("partial whose maturity reaches the target", program(), P, 2, Result.MET),
    ("implemented whose maturity falls short", program(), IM, 1, Result.GAP),
]


@pytest.mark.parametrize(("requirement", "status", "ml", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_classify_worked_examples(requirement: Requirement, status: Status | None, ml: int | None,
                                  expected: Result) -> None:
    answer = None if status is None else Answer("Z1", requirement.id, status, ml=ml)
    assert classify(answer, requirement, ZONE, TARGET_ML) is expected


def test_program_requirements_need_no_zone() -> None:
    answer = Answer("site", "ORG 1.1", Status.PARTIAL, ml=1)
    assert classify(answer, program(), None, TARGET_ML) is Result.GAP
    assert classify(answer, program(), None, 1) is Result.MET  # the target is the project's


def test_a_security_level_requirement_without_a_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="per zone or conduit"):
        classify(None, SL1, None, TARGET_ML)


def test_achieved_ml_is_none_unless_rated() -> None:
    assert achieved_ml(Answer("site", "ORG 1.1", Status.NOT_APPLICABLE)) is None
    assert achieved_ml(Answer("site", "ORG 1.1", Status.IMPLEMENTED)) is None
    assert achieved_ml(Answer("site", "ORG 1.1", Status.NOT_IMPLEMENTED)) == 0
    assert achieved_ml(Answer("site", "ORG 1.1", Status.PARTIAL, ml=1)) == 1


@pytest.mark.parametrize(("status", "ml", "conflict"), [
    (IM, None, "needs an achieved maturity"),
    (P, None, "needs an achieved maturity"),
    (C, None, "needs an achieved maturity"),
    (N, None, None),  # not implemented alone means ML0
    (N, 0, None),
    (IM, 3, None),
    (NS, None, None),
    (NS, 2, "does not go with status not_assessed"),
    (NA, 0, "does not go with status not_applicable"),
])
def test_maturity_conflicts(status: Status, ml: int | None, conflict: str | None) -> None:
    message = maturity_conflict(status, ml)
    if conflict is None:
        assert message is None
    else:
        assert message is not None and conflict in message


@pytest.mark.parametrize(("ml", "current", "expected"), [
    (None, IM, NS),
    (0, IM, N),
    (1, None, P),
    (2, P, IM),  # equal to the target
    (3, C, C),  # a countermeasure at the target stays one
    (1, C, P),  # ... but not below it
])
def test_a_chosen_maturity_implies_a_status(ml: int | None, current: Status | None, expected: Status) -> None:
    assert status_for_ml(ml, TARGET_ML, current) is expected


@pytest.mark.parametrize(("status", "ml", "expected"), [
    (NS, 3, None), (NA, 3, None), (N, 3, 0),
    (P, None, 1), (P, 1, 1), (P, 3, 1),  # partial stays below the target
    (IM, None, 2), (IM, 1, 2), (IM, 4, 4), (C, 3, 3),  # met statuses reach it
])
def test_a_chosen_status_gets_a_fitting_maturity(status: Status, ml: int | None, expected: int | None) -> None:
    assert ml_for_status(status, ml, TARGET_ML) == expected


@pytest.mark.parametrize("target", [1, 2, 3, 4])
@pytest.mark.parametrize("status", list(Status))
def test_status_and_maturity_mappings_agree(status: Status, target: int) -> None:
    """A status chosen in the GUI gets a maturity that is allowed and implies that status again."""
    ml = ml_for_status(status, None, target)
    assert maturity_conflict(status, ml) is None
    assert (ml is None) == (status in FORBIDS_ML) and not (ml is None and status in NEEDS_ML)
    round_trip = status_for_ml(ml, target, status)
    if status is Status.NOT_APPLICABLE:
        assert round_trip is Status.NOT_ASSESSED  # no maturity: N/A is chosen by status only
    elif status is Status.PARTIAL and target == 1:
        assert round_trip is Status.IMPLEMENTED  # no level between ML0 and ML1: ML1 meets the target
    else:
        assert round_trip is status
