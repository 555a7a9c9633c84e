"""The priority rule and default due dates."""

from __future__ import annotations

from datetime import date

import pytest

from ot62443_desktop.domain.model import Criticality, Priority
from ot62443_desktop.domain.priority import add_months, compute_priority, default_due_date, priority_points


@pytest.mark.parametrize(
    ("criticality", "shortfall", "level", "missing", "points", "priority"),
    [
        (Criticality.HIGH, 2, 1, True, 10, Priority.P1),
        (Criticality.HIGH, 1, 1, True, 9, Priority.P1),
        (Criticality.HIGH, 1, 1, False, 8, Priority.P2),
        (Criticality.MEDIUM, 1, 2, True, 7, Priority.P2),
        (Criticality.MEDIUM, 1, 3, False, 5, Priority.P3),
        (Criticality.LOW, 1, 4, False, 3, Priority.P4),
        (Criticality.LOW, 3, 3, True, 6, Priority.P3),  # shortfall counts at most 2
        (Criticality.HIGH, 2, None, True, 9, Priority.P1),  # 2-1: basicness 2
    ],
)
def test_priority_points_and_thresholds(criticality: Criticality, shortfall: int, level: int | None,
                                        missing: bool, points: int, priority: Priority) -> None:
    assert priority_points(criticality, shortfall, level, missing) == points
    assert compute_priority(criticality, shortfall, level, missing) is priority


def test_more_basic_and_more_critical_is_never_less_urgent() -> None:
    order = [Priority.P1, Priority.P2, Priority.P3, Priority.P4]
    for level in (2, 3, 4):
        for crit_hi, crit_lo in ((Criticality.HIGH, Criticality.MEDIUM), (Criticality.MEDIUM, Criticality.LOW)):
            assert order.index(compute_priority(crit_hi, 1, level, True)) <= order.index(
                compute_priority(crit_lo, 1, level, True))
            assert order.index(compute_priority(crit_hi, 1, level - 1, False)) <= order.index(
                compute_priority(crit_hi, 1, level, False))


def test_default_due_dates_count_months_from_the_assessment() -> None:
    start = date(2026, 11, 30)
    assert default_due_date(Priority.P1, start) == date(2027, 2, 28)  # clamped to month end
    assert default_due_date(Priority.P2, start) == date(2027, 5, 30)
    assert default_due_date(Priority.P3, start) == date(2027, 11, 30)
    assert default_due_date(Priority.P4, start) == date(2028, 11, 30)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
