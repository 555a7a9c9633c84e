"""The import finds a register's columns by the id each header cell is named with, never by the
heading text: renamed, translated, moved and deleted columns import the same (issue 11, item 4)."""

from __future__ import annotations

import functools
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string, get_column_letter

from ot62443_desktop.api import Project
from ot62443_desktop.domain.model import ItemState
from ot62443_desktop.exports import register_rows as rr
from ot62443_desktop.exports.progress import ExportError
from ot62443_desktop.exports.register_import import ImportReport
from ot62443_desktop.exports.xlsx_register import REGISTER_SHEET, REGISTER_TABLE
from tests.exports.test_register_import import Register, export, import_register

FRENCH = {
    "scope": "Périmètre", "scope_name": "Nom du périmètre", "standard": "Norme", "requirement": "Exigence",
    "title": "Titre", "level": "Niveau", "target": "Cible", "achieved": "Atteint", "status": "Statut",
    "finding": "Constat", "action": "Action recommandée", "priority": "Priorité", "owner": "Responsable",
    "due_date": "Échéance", "effort": "Charge", "state": "État", "justification": "Motif", "key": "Clé",
}
RESHAPE = Path(__file__).with_name("lo_reshape_register.py")


def named_columns(path: Path) -> dict[str, str]:
    """Column id -> the cell its defined name points at."""
    wb = openpyxl.load_workbook(path, read_only=True)
    return {name.removeprefix(rr.COLUMN_NAME_PREFIX): defined.attr_text
            for name, defined in wb.defined_names.items() if name.startswith(rr.COLUMN_NAME_PREFIX)}


def edited(plant: Project, tmp_path: Path) -> Path:
    """The plant's register with an edit in each kind of editable column."""
    register = Register(export(plant, tmp_path / "register.xlsx"))
    register.set("Z1", "SR 1.1", owner="Jane Doe", due=datetime(2026, 12, 31), state="In progress", effort="L",
                 priority="P3")
    register.set("Z2", "SR 1.4", state="Risk accepted", justification="Replaced in the 2027 upgrade")
    register.set("Z2", "SR 1.5", action="Put the HMI behind the new firewall", finding="Flat network")
    return register.save()


def reshaped(source: Path, target: Path, order: list[str], headings: dict[str, str]) -> Path:
    """`source` with its register columns in `order` (column ids; the ones left out are deleted) and
    their headings replaced, each defined name following its column as Excel moves it."""
    wb = openpyxl.load_workbook(source)
    ws = wb[REGISTER_SHEET]
    names = {cid: column_index_from_string(ref.split("$")[1]) for cid, ref in named_columns(source).items()}
    cells = {cid: [ws.cell(r, col).value for r in range(1, ws.max_row + 1)] for cid, col in names.items()}
    ws.delete_cols(1, ws.max_column)
    del ws.tables[REGISTER_TABLE]  # its column list names the old headings
    ws.data_validations.dataValidation = []
    for cid in names:
        wb.defined_names[rr.column_name(cid)].attr_text = "#REF!"
    for index, cid in enumerate(order, 1):
        for row, value in enumerate(cells[cid], 1):
            ws.cell(row, index).value = value
        ws.cell(1, index).value = headings.get(cid, cid)
        wb.defined_names[rr.column_name(cid)].attr_text = f"'{REGISTER_SHEET}'!${get_column_letter(index)}$1"
    wb.save(target)
    return target


def summary(report: ImportReport) -> list[tuple[int, str, str, tuple[str, ...]]]:
    return [(c.row, c.scope_id, c.requirement_id, c.changes) for c in report.changed]


def test_each_column_s_header_cell_is_named_by_the_column_s_id(plant: Project, tmp_path: Path) -> None:
    names = named_columns(export(plant, tmp_path / "register.xlsx"))
    assert names == {c.id: f"'{REGISTER_SHEET}'!${get_column_letter(i)}$1" for i, c in enumerate(rr.COLUMNS, 1)}
    assert len({c.id for c in rr.COLUMNS}) == len(rr.COLUMNS) and rr.KEY_ID == "key"


def test_renamed_headings_and_reordered_columns_import_the_same_edits(plant: Project, tmp_path: Path) -> None:
    source = edited(plant, tmp_path)
    expected = import_register(plant.store, plant.catalogues, source, dry_run=True)
    assert len(expected.changed) == 3 and expected.ok
    order = [c.id for c in reversed(rr.COLUMNS)]
    french = reshaped(source, tmp_path / "french.xlsx", order, FRENCH)
    assert [c.value for c in openpyxl.load_workbook(french)[REGISTER_SHEET][1]][:2] == ["Clé", "Motif"]
    # English headings over the wrong columns mean nothing either (they once made a column "appear twice").
    misleading = {"scope_name": rr.OWNER, "title": rr.OWNER, "finding": rr.KEY, "owner": rr.FINDING}
    english = reshaped(source, tmp_path / "misleading.xlsx", [c.id for c in rr.COLUMNS], misleading)
    for path in (french, english):
        report = import_register(plant.store, plant.catalogues, path, dry_run=True)
        assert summary(report) == summary(expected) and report.notes == [] and report.ok

    before = plant.store.snapshot()
    report = import_register(plant.store, plant.catalogues, french)
    assert report.applied and summary(report) == summary(expected)
    item = plant.store.remediation("Z1", "SR 1.1")
    assert item is not None and (item.owner, item.due_date, item.state) == (
        "Jane Doe", date(2026, 12, 31), ItemState.IN_PROGRESS)
    answer = plant.store.answer("Z2", "SR 1.5")
    assert answer is not None and answer.finding == "Flat network" != before.answers[("Z2", "SR 1.5")].finding


def test_a_deleted_column_is_missing_whatever_the_headings_say(plant: Project, tmp_path: Path) -> None:
    source = edited(plant, tmp_path)
    order = [c.id for c in rr.COLUMNS if c.id != "finding"]
    headings = {c.id: c.heading for c in rr.COLUMNS} | {"status": rr.FINDING}  # a "Finding" heading, not the column
    report = import_register(plant.store, plant.catalogues, reshaped(source, tmp_path / "r.xlsx", order, headings),
                             dry_run=True)
    assert report.notes == ["the 'Finding' column is missing, so its values were not imported"]
    assert [c.changes for c in report.changed if c.requirement_id == "SR 1.5"] == [
        ("action -> 'Put the HMI behind the new firewall'",)]


def test_a_register_whose_columns_carry_no_ids_is_refused(plant: Project, tmp_path: Path) -> None:
    """Registers exported before columns carried ids: matching them by heading could mix columns up."""
    register = Register(edited(plant, tmp_path))
    for column in rr.COLUMNS:
        del register.wb.defined_names[rr.column_name(column.id)]
    old = register.save("old.xlsx")
    before = plant.store.snapshot()
    with pytest.raises(ExportError) as error:
        import_register(plant.store, plant.catalogues, old)
    assert str(error.value) == (
        f"{old}: this register does not name its columns (it was exported by an earlier OT 62443 Workbook, "
        "which matched columns by their headings), so its columns cannot be matched for certain; nothing was "
        "imported. Export the register again and copy the edits into it.")
    assert plant.store.snapshot() == before


@functools.cache
def _uno_python() -> str | None:
    """A Python with LibreOffice's UNO bridge (the system's, not this virtual environment's), if any."""
    if shutil.which("soffice") is None:
        return None
    for python in (shutil.which("python3"), "/usr/bin/python3", "/usr/local/bin/python3"):
        if python and subprocess.run([python, "-c", "import uno"], capture_output=True, check=False).returncode == 0:
            return python
    return None


@pytest.mark.slow
@pytest.mark.skipif(_uno_python() is None, reason="LibreOffice with its Python UNO bridge is not installed")
def test_columns_moved_deleted_and_renamed_in_libreoffice_import(plant: Project, tmp_path: Path) -> None:
    """Calc itself cuts the Owner column to the front, deletes one column, inserts another and
    renames every heading in French; the edits made before still import, and only they."""
    source = edited(plant, tmp_path)
    expected = import_register(plant.store, plant.catalogues, source, dry_run=True)
    target = tmp_path / "calc.xlsx"
    result = subprocess.run([str(_uno_python()), str(RESHAPE), str(source), str(target), str(tmp_path / "lo")],
                            capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr
    shown = result.stdout.splitlines()
    assert shown[:3] == ["Responsable", "Périmètre", ""] and "Owner" not in shown and "Nom du périmètre" not in shown
    assert named_columns(target)["owner"] == f"'{REGISTER_SHEET}'!$A$1"
    report = import_register(plant.store, plant.catalogues, target)
    assert report.applied and report.ok and report.notes == []
    assert summary(report) == summary(expected)
    item = plant.store.remediation("Z1", "SR 1.1")
    assert item is not None and item.owner == "Jane Doe" and item.due_date == date(2026, 12, 31)


def test_a_renamed_register_sheet_is_found_by_its_columns_names(plant: Project, tmp_path: Path) -> None:
    """Excel renames the sheet inside every name that points at it; the sheet is found through them."""
    register = Register(edited(plant, tmp_path))
    register.ws.title = "Registre des écarts"
    for column in rr.COLUMNS:
        defined = register.wb.defined_names[rr.column_name(column.id)]
        defined.attr_text = defined.attr_text.replace(f"'{REGISTER_SHEET}'", "'Registre des écarts'")
    register.set("Z1", "SR 1.3", due="31/02/2027")
    report = import_register(plant.store, plant.catalogues, register.save("renamed.xlsx"), dry_run=True)
    assert len(report.changed) == 3 and [(r.sheet, r.reason.split(":")[0]) for r in report.refused] == [
        ("Registre des écarts", rr.DUE_DATE)]
