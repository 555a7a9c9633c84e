"""Scoring worked examples (SPEC 4), edge cases included."""

from __future__ import annotations

from datetime import date

import pytest

from ot62443_desktop.domain.catalogue import CatalogueSet, Scale
from ot62443_desktop.domain.model import (
    SITE_SCOPE,
    Answer,
    Criticality,
    Priority,
    ProjectData,
    ProjectInfo,
    RemediationItem,
    Status,
    Zone,
)
from ot62443_desktop.domain.report import score_project
from ot62443_desktop.domain.rules import is_applicable
from ot62443_desktop.domain.scoring import find_gaps, gap_for, score_program, score_zone

INFO = ProjectInfo("ACME", "North", end_date=date(2026, 1, 31), target_ml=2)


def answers_for(zone_id: str, statuses: dict[str, Status]) -> dict[tuple[str, str], Answer]:
    return {(zone_id, rid): Answer(zone_id, rid, s) for rid, s in statuses.items()}


def fr_requirements(catalogues: CatalogueSet, fr: str, max_level: int = 4) -> list[str]:
    return [r.id for r in catalogues.requirements(Scale.SECURITY_LEVEL)
            if r.section == fr and (r.level or 0) <= max_level]


def test_applicable_requirements_follow_sl_t_per_fr(catalogues: CatalogueSet) -> None:
    zone = Zone("Z1", "Zone", (2, 0, 1, 1, 1, 1, 1))
    applicable = [r.id for r in catalogues.requirements(Scale.SECURITY_LEVEL) if is_applicable(zone, r)]
    assert "SR 1.1 RE 1" in applicable and "SR 1.1 RE 2" not in applicable
    assert not any(rid.startswith("SR 2.") for rid in applicable)  # SL-T 0 for FR 2
    assert "SR 3.4" not in applicable  # SL2 requirement, SL-T 1
    assert score_zone(ProjectData(INFO, (zone,)), catalogues, zone).applicable == len(applicable)


def test_sl_a_is_highest_level_with_every_lower_requirement_met(catalogues: CatalogueSet) -> None:
    zone = Zone("Z1", "Zone", Zone.uniform(3))
    statuses = {rid: Status.IMPLEMENTED for rid in fr_requirements(catalogues, "FR 1", 2)}
    statuses["SR 1.1"] = Status.COMPENSATED  # a countermeasure counts as met
    statuses["SR 1.6"] = Status.NOT_APPLICABLE  # N/A counts as met
    statuses["SR 1.2 RE 1"] = Status.IMPLEMENTED  # an SL3 RE met alone does not lift SL-A to 3
    statuses |= {rid: Status.IMPLEMENTED for rid in fr_requirements(catalogues, "FR 5", 1)}
    statuses["SR 5.1 RE 1"] = Status.PARTIAL  # partial is not met: FR 5 stays at SL1
    project = ProjectData(INFO, (zone,), answers_for("Z1", statuses))
    score = score_zone(project, catalogues, zone)
    assert score.sl_a == (2, 0, 0, 0, 1, 0, 0)
    assert score.sl_gap == (1, 3, 3, 3, 2, 3, 3)


def test_unanswered_requirements_are_not_assessed_never_met(catalogues: CatalogueSet) -> None:
    zone = Zone("Z1", "Zone", Zone.uniform(1))
    project = ProjectData(INFO, (zone,), answers_for("Z1", {"SR 1.1": Status.NOT_ASSESSED,
                                                             "SR 1.3": Status.NOT_IMPLEMENTED,
                                                             "SR 1.4": Status.PARTIAL}))
    score = score_zone(project, catalogues, zone)
    assert (score.applicable, score.met, score.gaps) == (37, 0, 2)
    assert score.not_assessed == 35
    assert score.sl_a == (0,) * 7


def test_all_not_applicable_reaches_sl_4_and_no_gaps(catalogues: CatalogueSet) -> None:
    zone = Zone("Z1", "Zone", Zone.uniform(4), criticality=Criticality.HIGH)
    statuses = {r.id: Status.NOT_APPLICABLE for r in catalogues.requirements(Scale.SECURITY_LEVEL)}
    project = ProjectData(INFO, (zone,), answers_for("Z1", statuses))
    score = score_zone(project, catalogues, zone)
    assert score.sl_a == (4,) * 7 and score.gaps == 0 and score.met == score.applicable == 100
    assert find_gaps(project, catalogues) == []


def test_sl_t_zero_has_nothing_applicable_and_no_gap(catalogues: CatalogueSet) -> None:
    zone = Zone("Z1", "Zone", Zone.uniform(0))
    project = ProjectData(INFO, (zone,), answers_for("Z1", {"SR 1.1": Status.NOT_IMPLEMENTED}))
    score = score_zone(project, catalogues, zone)
    assert (score.applicable, score.gaps, score.sl_gap) == (0, 0, (0,) * 7)
    assert find_gaps(project, catalogues) == []  # answered, but not applicable: not a gap


def test_gaps_carry_priority_target_and_achieved(catalogues: CatalogueSet) -> None:
    zone = Zone("Z1", "Zone", Zone.uniform(2), criticality=Criticality.HIGH)
    project = ProjectData(INFO, (zone,), answers_for("Z1", {"SR 1.1": Status.NOT_IMPLEMENTED,
                                                             "SR 2.6": Status.PARTIAL}))
    gaps = {g.requirement.id: g for g in find_gaps(project, catalogues)}
    assert set(gaps) == {"SR 1.1", "SR 2.6"}
    g = gaps["SR 1.1"]
    # high 3 + shortfall 2 (SL-T 2, SL-A 0) + SL1 basic 3 + not implemented 2 = 10
    assert (g.target, g.achieved, g.computed_priority) == (2, 0, Priority.P1)
    assert g.action == catalogues.requirement("SR 1.1").remediation
    assert g.due_date(date(2026, 1, 31)) == date(2026, 4, 30)
    # high 3 + shortfall 2 + SL2 basic 2 + partial 1 = 8
    assert gaps["SR 2.6"].computed_priority is Priority.P2


def test_user_overrides_of_priority_action_and_due_date_win(catalogues: CatalogueSet) -> None:
    zone = Zone("Z1", "Zone", Zone.uniform(1), criticality=Criticality.LOW)
    item = RemediationItem("Z1", "SR 1.1", action="Replace HMI", priority=Priority.P4, due_date=date(2027, 1, 1))
    project = ProjectData(INFO, (zone,), answers_for("Z1", {"SR 1.1": Status.NOT_IMPLEMENTED}),
                          {("Z1", "SR 1.1"): item})
    (gap,) = find_gaps(project, catalogues)
    assert gap.computed_priority is Priority.P2  # low 1 + shortfall 1 + basic 3 + missing 2 = 7
    assert (gap.priority, gap.action, gap.due_date(date(2026, 1, 1))) == (Priority.P4, "Replace HMI",
                                                                           date(2027, 1, 1))


def test_program_gap_is_achieved_ml_below_target(catalogues: CatalogueSet) -> None:
    answers = {
        (SITE_SCOPE, "ORG 1.1"): Answer(SITE_SCOPE, "ORG 1.1", Status.IMPLEMENTED, ml=3),
        (SITE_SCOPE, "ORG 1.2"): Answer(SITE_SCOPE, "ORG 1.2", Status.PARTIAL, ml=1),
        (SITE_SCOPE, "ORG 1.3"): Answer(SITE_SCOPE, "ORG 1.3", Status.NOT_IMPLEMENTED),  # ML 0
        (SITE_SCOPE, "ORG 1.4"): Answer(SITE_SCOPE, "ORG 1.4", Status.NOT_APPLICABLE),
        (SITE_SCOPE, "ORG 1.5"): Answer(SITE_SCOPE, "ORG 1.5", Status.IMPLEMENTED, ml=2),
    }
    project = ProjectData(INFO, (), answers)
    score = score_program(project, catalogues)
    assert (score.requirements, score.met, score.gaps, score.not_applicable) == (87, 2, 2, 1)
    assert score.not_assessed == 82
    priorities = {g.requirement.id: g.computed_priority for g in find_gaps(project, catalogues)}
    # site counts high 3 + shortfall 2 + program basic 2 + ML0 2 = 9 / high 3 + 1 + 2 + 1 = 7
    assert priorities == {"ORG 1.3": Priority.P1, "ORG 1.2": Priority.P2}


def test_summary_matches_the_cli_contract(catalogues: CatalogueSet) -> None:
    zone = Zone("Z1", "Zone one", (1, 1, 1, 1, 1, 1, 1))
    answers = answers_for("Z1", {"SR 1.1": Status.NOT_IMPLEMENTED}) | {
        (SITE_SCOPE, "ORG 1.1"): Answer(SITE_SCOPE, "ORG 1.1", Status.PARTIAL, ml=1)}
    data = score_project(ProjectData(INFO, (zone,), answers), catalogues).summary()
    assert data == {
        "zones": [{"id": "Z1", "name": "Zone one", "sl_t": [1] * 7, "sl_a": [0] * 7, "applicable": 37,
                   "met": 0, "gaps": 1, "not_assessed": 36}],
        "site": {"target_ml": 2, "requirements": 87, "gaps": 1, "not_assessed": 86},
        "gaps_total": 2,
    }


@pytest.mark.parametrize("target", [1, 4])
def test_program_target_moves_the_gap_line(catalogues: CatalogueSet, target: int) -> None:
    info = ProjectInfo("ACME", "North", target_ml=target)
    answers = {(SITE_SCOPE, "CM 1.1"): Answer(SITE_SCOPE, "CM 1.1", Status.PARTIAL, ml=2)}
    assert score_program(ProjectData(info, (), answers), catalogues).gaps == (1 if target == 4 else 0)


def test_gap_for_one_requirement_matches_find_gaps(catalogues: CatalogueSet) -> None:
    zone = Zone("Z1", "Zone", Zone.uniform(2), criticality=Criticality.LOW)
    answers = answers_for("Z1", {"SR 1.1": Status.PARTIAL, "SR 1.2": Status.IMPLEMENTED}) | {
        (SITE_SCOPE, "CM 1.1"): Answer(SITE_SCOPE, "CM 1.1", Status.NOT_IMPLEMENTED)}
    project = ProjectData(INFO, (zone,), answers)
    every = {(g.scope_id, g.requirement.id): g for g in find_gaps(project, catalogues)}
    assert gap_for(project, catalogues, "Z1", "SR 1.1") == every[("Z1", "SR 1.1")]
    assert gap_for(project, catalogues, SITE_SCOPE, "CM 1.1") == every[(SITE_SCOPE, "CM 1.1")]
    assert gap_for(project, catalogues, "Z1", "SR 1.2") is None
    assert gap_for(project, catalogues, "Z1", "SR 1.3") is None  # unanswered is not a gap
