"""Every view and export counts the same gaps: they all ask domain/rules, never a copy of it.

Found by review: with "Show requirements above SL-T" on, the navigator counted a partial answer
above the zone's SL-T as a gap that the dashboard, the register and the plan did not count.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt

from ot62443_desktop.api import open_project
from ot62443_desktop.catalogues import builtin_catalogues
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import SITE_SCOPE, Answer, Status, Zone
from ot62443_desktop.domain.report import score_project
from ot62443_desktop.domain.rules import Result, classify
from ot62443_desktop.exports import register_rows
from ot62443_desktop.exports.pdf.content import build_plan
from ot62443_desktop.exports.pdf.method import method_sections
from ot62443_desktop.exports.wording import translator
from ot62443_desktop.storage import ProjectStore
from ot62443_desktop.ui.main_window import MainWindow
from ot62443_desktop.ui.navigator_model import AnswerState

ENGLISH = translator(Language.EN)

ZONE_GAPS, SITE_GAPS = 2, 2


@pytest.fixture
def mixed_project(project_path: Path) -> Path:
    """Zone Z1 at SL-T 1 with a partial answer at SL3, and a site program with every kind of answer."""
    with open_project(project_path, create=True, client="ACME", site="North") as project:
        project.add_zone("Z1", "Control network", 1)
        project.set_answer("Z1", "SR 1.1 RE 2", "partial")  # SL3: above SL-T, no gap
        project.set_answer("Z1", "SR 1.2", "not_implemented")  # SL2: above SL-T, no gap
        project.set_answer("Z1", "SR 1.1", "partial")  # gap
        project.set_answer("Z1", "SR 1.3", "not_implemented")  # gap
        project.set_answer("Z1", "SR 1.4", "compensated")  # met
        project.set_answer("Z1", "SR 1.5", "not_applicable")  # met
        project.set_answer("Z1", "SR 1.6", "not_assessed")  # not assessed
        project.set_answer(SITE_SCOPE, "ORG 1.1", "partial", ml=1)  # gap
        project.set_answer(SITE_SCOPE, "ORG 1.2", "not_implemented")  # ML0: gap
        project.set_answer(SITE_SCOPE, "ORG 1.3", "implemented", ml=2)  # equal to target ML2: met
        project.set_answer(SITE_SCOPE, "ORG 1.4", "not_applicable")  # left out
    return project_path


def scope_progress(window: MainWindow, scope_id: str) -> tuple[int, int, int]:
    """(answered, total, gaps) the navigator shows on a scope's node."""
    model = window.view.walkthrough.model  # type: ignore[union-attr]
    scope = next(node for node in model.root.children if node.scope_id == scope_id)
    return model.progress(scope)


def column(model: QAbstractItemModel, title: str) -> list[Any]:
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return [model.index(row, headers.index(title)).data() for row in range(model.rowCount())]


def test_navigator_dashboard_register_and_plan_count_the_same_gaps(window: MainWindow, mixed_project: Path) -> None:
    catalogues = builtin_catalogues()
    with ProjectStore.open(mixed_project) as store:
        project = store.snapshot()
    summary = score_project(project, catalogues).summary()
    assert [z["gaps"] for z in summary["zones"]] == [ZONE_GAPS]
    assert summary["site"]["gaps"] == SITE_GAPS and summary["gaps_total"] == ZONE_GAPS + SITE_GAPS

    gap_rows = register_rows.gap_rows(score_project(project, catalogues), catalogues, ENGLISH)
    assert sum(row.scope_id == "Z1" for row in gap_rows) == ZONE_GAPS
    assert sum(row.scope_id == SITE_SCOPE for row in gap_rows) == SITE_GAPS
    assert [z.gaps for z in score_project(project, catalogues).zones] == [ZONE_GAPS]  # the register's summary
    program = register_rows.program_rows(project, catalogues, ENGLISH)
    assert sum(row.result == Result.GAP.label for row in program) == SITE_GAPS

    plan = build_plan(project, catalogues)
    assert [(z.score.gaps, len(z.gaps)) for z in plan.zones] == [(ZONE_GAPS, ZONE_GAPS)]
    assert plan.site_program is not None
    assert (plan.site_program.score.gaps, len(plan.site_program.gaps)) == (SITE_GAPS, SITE_GAPS)
    assert sum(e.gaps for e in plan.site_program.elements) == SITE_GAPS

    assert window.open_path(str(mixed_project))
    window.show_tab(2)
    dashboard = window.view.dashboard  # type: ignore[union-attr]
    dashboard.refresh()
    assert column(dashboard.zones, "Gaps") == [ZONE_GAPS]
    assert sum(column(dashboard.program, "Gaps")) == SITE_GAPS

    window.show_tab(1)
    walkthrough = window.view.walkthrough  # type: ignore[union-attr]
    shown = scope_progress(window, "Z1")
    assert shown[2] == ZONE_GAPS and scope_progress(window, SITE_SCOPE)[2] == SITE_GAPS
    walkthrough.show_all.setChecked(True)  # the requirements above SL-T appear, the counts stay
    assert scope_progress(window, "Z1") == shown and scope_progress(window, SITE_SCOPE)[2] == SITE_GAPS
    model = walkthrough.model
    above = model.node(model.requirement_index("Z1", "SR 1.1 RE 2")).requirement
    assert above is not None and model.state("Z1", above) is AnswerState.OUT_OF_SCOPE

    window.show_tab(3)
    window.view.plan.refresh()  # type: ignore[union-attr]
    assert window.view.plan.proxy.rowCount() == ZONE_GAPS + SITE_GAPS  # type: ignore[union-attr]


def test_the_plan_method_appendix_states_the_rules_it_applies() -> None:
    """The PDF's "counts as" column is prose; it must still say what classify() decides."""
    catalogues = builtin_catalogues()
    zone, requirement = Zone("Z1", "Zone", Zone.uniform(1)), catalogues.requirement("SR 1.1")
    table = next(s.table for s in method_sections(2, ENGLISH) if s.table and s.table[0][0] == "Status")
    by_label = {status.label: status for status in Status}
    assert sorted(by_label[row[0]] for row in table[1:]) == sorted(Status)
    for label, _, counts_as in table[1:]:
        verdict = classify(Answer("Z1", "SR 1.1", by_label[label]), requirement, zone, 2)
        assert verdict.label.lower() in counts_as.lower().split(";")[-1], label
