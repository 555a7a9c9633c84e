"""A register is matched to its project by the project's id, not by client and site (issue 10, item 8)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import openpyxl
import pytest

from ot62443_desktop.api import Project, open_project
from ot62443_desktop.exports import register_rows as rr
from ot62443_desktop.exports.progress import ExportError
from ot62443_desktop.exports.xlsx_register import KEYS_SHEET
from tests.exports.test_register_import import Register, export, import_register


def twin(tmp_path: Path, plant: Project) -> Path:
    """Another project of the same client and site, with the same zones and gaps."""
    path = tmp_path / "twin.ot62443"
    info = plant.store.info
    with open_project(path, create=True, client=info.client, site=info.site) as other:
        other.store.set_info(info)
        other.add_zone("Z1", "Control network", 1, criticality="high")
        other.set_answer("Z1", "SR 1.1", "not_implemented")
    return path


def test_the_register_names_its_project_id(plant: Project, tmp_path: Path) -> None:
    keys = openpyxl.load_workbook(export(plant, tmp_path / "register.xlsx"))[KEYS_SHEET]
    meta = {row[0]: row[1] for row in keys.iter_rows(max_col=2, values_only=True) if row[0]}
    assert meta["project id"] == plant.store.project_id and len(plant.store.project_id) == 32
    assert meta["client"] == "ACME Water" and meta["site"] == "North works"
    assert meta["version"] == str(rr.REGISTER_VERSION) == "2"


def test_a_register_of_another_project_of_the_same_client_and_site_is_refused(plant: Project,
                                                                              tmp_path: Path) -> None:
    with open_project(twin(tmp_path, plant)) as other:
        register = Register(export(other, tmp_path / "twin.xlsx"))
        theirs = other.store.project_id
    register.set("Z1", "SR 1.1", owner="Jane")
    edited = register.save()
    before = plant.store.snapshot()
    with pytest.raises(ExportError) as error:
        import_register(plant.store, plant.catalogues, edited)
    message = str(error.value)
    assert re.search(
        rf"this register belongs to project 'ACME Water / North works' \(id {theirs[:8]}…\), not to "
        rf"'ACME Water / North works' \(id {plant.store.project_id[:8]}…\); nothing was imported", message)
    assert plant.store.snapshot() == before


def test_a_row_pasted_from_a_twin_projects_register_is_refused(plant: Project, tmp_path: Path) -> None:
    with open_project(twin(tmp_path, plant)) as other:
        pasted = rr.row_key(rr.project_tag(other.store.snapshot()), "Z1", "SR 1.1")
    register = Register(export(plant, tmp_path / "register.xlsx"))
    row = register.set("Z1", "SR 1.1", key=pasted, owner="Jane")
    before = plant.store.snapshot()
    report = import_register(plant.store, plant.catalogues, register.save())
    assert [(r.row, r.reason) for r in report.refused] == [
        (row, "the row comes from another project's register (copied in?)")]
    assert plant.store.snapshot() == before


def test_a_copy_of_the_same_project_takes_its_register(plant: Project, tmp_path: Path) -> None:
    """A copy of the project file keeps the id: the register matches the copy too."""
    register = Register(export(plant, tmp_path / "register.xlsx"))
    register.set("Z1", "SR 1.1", owner="Jane")
    edited = register.save()
    plant.close()
    copy = tmp_path / "copy.ot62443"
    shutil.copyfile(plant.store.path, copy)
    with open_project(copy) as same:
        report = import_register(same.store, same.catalogues, edited)
        assert report.applied and same.store.remediation("Z1", "SR 1.1").owner == "Jane"


def _keys(register: Register) -> dict[str, int]:
    keys = register.wb[KEYS_SHEET]
    return {keys.cell(r, 1).value: r for r in range(1, keys.max_row + 1) if keys.cell(r, 1).value}


@pytest.mark.parametrize("damage", ["written before ids", "id cleared"])
def test_a_register_without_a_project_id_is_refused(plant: Project, tmp_path: Path, damage: str) -> None:
    """Before registers carried the id, two projects of one client and site could not be told apart:
    such a register is refused rather than guessed at."""
    register = Register(export(plant, tmp_path / "register.xlsx"))
    register.set("Z1", "SR 1.1", owner="Jane")
    keys, rows = register.wb[KEYS_SHEET], _keys(register)
    if damage == "written before ids":
        keys.cell(rows["version"], 2).value = "1"
        keys.delete_rows(rows["project id"])
    else:
        keys.cell(rows["project id"], 2).value = None
    edited = register.save()
    before = plant.store.snapshot()
    with pytest.raises(ExportError, match="does not say which project it belongs to") as error:
        import_register(plant.store, plant.catalogues, edited)
    assert "Export the register again from this project" in str(error.value)
    assert "nothing was imported" in str(error.value)
    assert plant.store.snapshot() == before
