"""The priority rule and default due dates (documented in the PDF's method appendix).

Points are added from four factors; more points mean more urgent:

* criticality of the scope: high 3, medium 2, low 1 (the site scope counts as high,
  since a program gap weakens every zone);
* shortfall: how far the scope is below target in that FR (SL-T - SL-A) or, for 2-1,
  target ML - achieved ML: 1 point for 1, 2 points for 2 or more;
* basicness: lower security levels are more basic, so more urgent: SL1 3, SL2 2, SL3 1,
  SL4 0; 2-1 requirements are program baselines and count 2;
* status: not implemented (or maturity 0) 2, partially implemented 1.

Total 9-10 is P1, 7-8 P2, 5-6 P3, up to 4 P4. Due: P1 3 months, P2 6, P3 12, P4 24.
"""

from __future__ import annotations

from datetime import date

from ot62443_desktop.domain.model import Criticality, Priority

CRITICALITY_POINTS = {Criticality.HIGH: 3, Criticality.MEDIUM: 2, Criticality.LOW: 1}
PROGRAM_BASICNESS = 2
THRESHOLDS = ((9, Priority.P1), (7, Priority.P2), (5, Priority.P3))
DUE_MONTHS = {Priority.P1: 3, Priority.P2: 6, Priority.P3: 12, Priority.P4: 24}


def priority_points(criticality: Criticality, shortfall: int, level: int | None, missing: bool) -> int:
    """Points of the rule above; level None means a 2-1 requirement."""
    basicness = PROGRAM_BASICNESS if level is None else 4 - level
    return CRITICALITY_POINTS[criticality] + min(max(shortfall, 0), 2) + basicness + (2 if missing else 1)


def compute_priority(criticality: Criticality, shortfall: int, level: int | None, missing: bool) -> Priority:
    """The computed priority of one gap (`missing`: not implemented rather than partial)."""
    points = priority_points(criticality, shortfall, level, missing)
    for threshold, priority in THRESHOLDS:
        if points >= threshold:
            return priority
    return Priority.P4


def add_months(start: date, months: int) -> date:
    """Same day `months` later, clamped to the end of a shorter month."""
    import calendar  # here: only due dates need it, not every start (~2 ms)

    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def default_due_date(priority: Priority, assessment_date: date) -> date:
    return add_months(assessment_date, DUE_MONTHS[priority])
