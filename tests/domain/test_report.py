"""The scored project: one result that every view and export reads (worked example)."""

from __future__ import annotations

from datetime import date

from ot62443_desktop.domain.catalogue import CatalogueSet
from ot62443_desktop.domain.model import (
    SITE_SCOPE,
    Answer,
    ItemState,
    Priority,
    ProjectData,
    ProjectInfo,
    RemediationItem,
    Status,
    Zone,
)
from ot62443_desktop.domain.report import reference_date, score_project

INFO = ProjectInfo("ACME", "North", start_date=date(2026, 3, 2), end_date=date(2026, 3, 6))


def test_one_scoring_gives_zones_programs_gaps_and_the_summary(catalogues: CatalogueSet) -> None:
    ctrl = Zone("CTRL", "Control", Zone.uniform(1), assess_program=True)
    dmz = Zone("DMZ", "DMZ", Zone.uniform(2))
    answers = {
        ("CTRL", "SR 1.1"): Answer("CTRL", "SR 1.1", Status.NOT_IMPLEMENTED),
        ("CTRL", "SR 1.2"): Answer("CTRL", "SR 1.2", Status.IMPLEMENTED),
        ("CTRL", "SR 1.1 RE 1"): Answer("CTRL", "SR 1.1 RE 1", Status.PARTIAL),  # above SL-T 1: no gap
        ("DMZ", "SR 2.1"): Answer("DMZ", "SR 2.1", Status.PARTIAL),
        ("CTRL", "ORG 1.1"): Answer("CTRL", "ORG 1.1", Status.PARTIAL, ml=1),
        (SITE_SCOPE, "ORG 1.1"): Answer(SITE_SCOPE, "ORG 1.1", Status.IMPLEMENTED, ml=3),
        (SITE_SCOPE, "ORG 1.2"): Answer(SITE_SCOPE, "ORG 1.2", Status.NOT_IMPLEMENTED, ml=0),
    }
    items = {("DMZ", "SR 2.1"): RemediationItem("DMZ", "SR 2.1", state=ItemState.DONE, priority=Priority.P4)}
    scored = score_project(ProjectData(INFO, (ctrl, dmz), answers, items), catalogues, today=date(2027, 1, 1))

    assert [(g.scope_id, g.requirement.id) for g in scored.gaps] == [
        ("CTRL", "SR 1.1"), ("CTRL", "ORG 1.1"), ("DMZ", "SR 2.1"), (SITE_SCOPE, "ORG 1.2")]
    assert [g.requirement.id for g in scored.gaps_in("CTRL")] == ["SR 1.1", "ORG 1.1"]
    assert [z.gaps for z in scored.zones if z.zone.id == "CTRL"] == [1] and scored.zone_programs["CTRL"].gaps == 1
    assert scored.site.gaps == 1 and scored.site.met == 1
    assert scored.by_state()[ItemState.DONE] == 1 and sum(scored.by_priority().values()) == 4
    assert scored.reference == date(2026, 3, 6)  # the assessment's end, not the export day
    summary = scored.summary()
    assert summary["gaps_total"] == 4 == scored.gaps_total
    assert summary["zones"][0]["program"] == {"gaps": 1, "not_assessed": scored.zone_programs["CTRL"].not_assessed}
    assert "program" not in summary["zones"][1]


def test_due_dates_count_from_the_assessment_or_else_today() -> None:
    assert reference_date(INFO, date(2030, 1, 1)) == date(2026, 3, 6)
    assert reference_date(ProjectInfo("ACME", "North"), date(2030, 1, 1)) == date(2030, 1, 1)
