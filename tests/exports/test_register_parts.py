"""The register import in its parts (issue 11, item 4): a reader that knows no project, a planner
that knows no file, and the api's apply, which writes a plan as one batch and undoes it as one."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from ot62443_desktop.api import Project
from ot62443_desktop.domain.catalogue import CatalogueSet
from ot62443_desktop.domain.model import (
    Answer,
    ItemState,
    Priority,
    ProjectData,
    ProjectInfo,
    RemediationItem,
    Status,
    Zone,
)
from ot62443_desktop.domain.scoring import find_gaps
from ot62443_desktop.exports import register_rows as rr
from ot62443_desktop.exports.progress import ExportError
from ot62443_desktop.exports.register_import import plan_import
from ot62443_desktop.exports.register_reader import RegisterCell, RegisterRow, RegisterSheet, read_register
from ot62443_desktop.storage import SaveError
from ot62443_desktop.storage.journal import journal_path, read_journal
from tests.exports.test_register_import import Register, export, import_register


def test_the_reader_reads_a_register_whose_project_is_gone(plant: Project, tmp_path: Path) -> None:
    register = Register(export(plant, tmp_path / "register.xlsx"))
    row = register.set("Z1", "SR 1.1", owner="Jane Doe", due=datetime(2027, 1, 31), finding="=1+1")
    edited = register.save()
    project_id, gaps = plant.store.project_id, len(plant.gaps())
    plant.close()
    for path in plant.store.path.parent.glob(plant.store.path.name + "*"):
        path.unlink()  # the project file, its journal and its lock: the reader never needs them

    sheet = read_register(edited)
    assert (sheet.source, sheet.sheet, sheet.meta["project id"], sheet.meta["client"]) == (
        edited, rr.REGISTER_SHEET, project_id, "ACME Water")
    assert sheet.columns == {c.id: chr(ord("A") + i) for i, c in enumerate(rr.COLUMNS)}
    assert len(sheet.rows) == len(sheet.exported_keys) == gaps
    read = next(r for r in sheet.rows if r.number == row)
    assert rr.parse_key(read.text(rr.KEY_ID))[1:] == ("Z1", "SR 1.1")  # type: ignore[index]
    assert read.cells["owner"] == RegisterCell("Jane Doe", "s")
    assert read.cells["due_date"].value == datetime(2027, 1, 31)
    assert read.cells["finding"] == RegisterCell("=1+1", "f")  # judged by the planner, not here
    assert set(read.cells) <= {"key", *(rr.COLUMN_ID[c] for c in rr.EDITABLE_COLUMNS)}


def _project() -> ProjectData:
    """A project held in memory only: one zone with one gap."""
    zone = Zone("Z1", "Control", Zone.uniform(1))
    answer = Answer("Z1", "SR 1.1", Status.NOT_IMPLEMENTED, finding="Shared accounts")
    return ProjectData(ProjectInfo("ACME", "North", start_date=date(2026, 3, 2)), (zone,),
                       {("Z1", "SR 1.1"): answer}, {}, project_id="0123456789abcdef")


def _sheet(project: ProjectData, cells: dict[str, Any], **meta: str) -> RegisterSheet:
    """What a reader would have read: one row with `cells` (by column id) beside the row's key."""
    key = rr.row_key(rr.project_tag(project), "Z1", "SR 1.1")
    row = RegisterRow(2, {"key": RegisterCell(key, "s")} | {cid: RegisterCell(v, "s") for cid, v in cells.items()})
    return RegisterSheet(Path("edited.xlsx"), "Gap register", {"project id": project.project_id} | meta, [key],
                         {cid: "A" for cid in ("key", *cells)}, [row])


def test_the_planner_plans_rows_against_a_project_without_any_file(catalogues: CatalogueSet) -> None:
    project = _project()
    report = plan_import(_sheet(project, {"owner": "Jane", "state": "Done", "priority": "P4"}), project, catalogues,
                         dry_run=True)
    (change,) = report.changed
    (gap,) = find_gaps(project, catalogues)
    assert change.changes[:3] == ("owner '' -> 'Jane'", "state Open -> Done",
                                  f"priority {gap.computed_priority.value} -> P4")
    assert change.item_before is None and change.answer_after is None
    assert change.item_after == RemediationItem("Z1", "SR 1.1", priority=Priority.P4, owner="Jane",
                                                state=ItemState.DONE)
    missing = {"Finding", "Recommended action", "Due date", "Effort", "Justification"}
    assert report.notes == [f"the {c!r} column is missing, so its values were not imported"
                            for c in rr.EDITABLE_COLUMNS if c in missing]
    assert project == _project()  # planning changes nothing


def test_the_planner_refuses_a_register_of_another_project(catalogues: CatalogueSet) -> None:
    project = _project()
    sheet = _sheet(project, {"owner": "Jane"}, client="Other", site="Elsewhere")
    other = dataclasses.replace(project, project_id="fedcba9876543210")
    with pytest.raises(ExportError, match=r"belongs to project 'Other / Elsewhere' \(id 01234567…\), not to "
                                          r"'ACME / North' \(id fedcba98…\); nothing was imported"):
        plan_import(sheet, other, catalogues)


def records(project: Project) -> int:
    return len(read_journal(journal_path(project.store.path)).records)


def test_the_api_applies_a_plan_as_one_batch_and_undoes_it_as_one(plant: Project, tmp_path: Path) -> None:
    register = Register(export(plant, tmp_path / "register.xlsx"))
    for requirement in ("SR 1.1", "SR 1.3", "SR 1.5"):
        register.set("Z1", requirement, owner="Jane", finding=f"seen {requirement}")
    plan = import_register(plant.store, plant.catalogues, register.save(), dry_run=True)
    assert len(plan.changed) == 3 and not plan.applied
    before, journal = plant.store.snapshot(), records(plant)

    plant.apply_register_plan(plan.changed)
    assert records(plant) == journal + 1
    after = plant.store.snapshot()
    assert {after.remediation[("Z1", r)].owner for r in ("SR 1.1", "SR 1.3", "SR 1.5")} == {"Jane"}
    assert after.answers[("Z1", "SR 1.5")].finding == "seen SR 1.5"

    plant.apply_register_plan(plan.changed, undo=True)
    assert records(plant) == journal + 2 and plant.store.snapshot() == before


def test_an_apply_that_fails_half_way_writes_nothing_and_says_so_as_a_store_error(
        plant: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    register = Register(export(plant, tmp_path / "register.xlsx"))
    for requirement in ("SR 1.1", "SR 1.3", "SR 1.5"):
        register.set("Z2", requirement, owner="Jane")
    plan = import_register(plant.store, plant.catalogues, register.save(), dry_run=True)
    real, calls = plant.store.set_remediation, []

    def set_remediation(item: RemediationItem) -> RemediationItem | None:
        calls.append(item)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(item)

    monkeypatch.setattr(plant.store, "set_remediation", set_remediation)
    before, journal = plant.store.snapshot(), records(plant)
    with pytest.raises(SaveError, match="the import could not be saved \\(No space left on device\\)"):
        plant.apply_register_plan(plan.changed)  # a StoreError: the GUI knows the store holds none of it
    assert plant.store.snapshot() == before and records(plant) == journal
