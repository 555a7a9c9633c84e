"""Importing an edited gap register: edits apply, bad rows and bad files are refused, and
nothing the workbook does not name (or a refused workbook) ever changes the project."""

from __future__ import annotations

import shutil
import subprocess
import time
import xml.etree.ElementTree as stdlib_etree
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.xml import functions as openpyxl_xml

from ot62443_desktop.api import Project, open_project
from ot62443_desktop.domain import report as domain_report
from ot62443_desktop.domain.catalogue import CatalogueSet
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import Effort, ItemState, Priority, RemediationItem
from ot62443_desktop.domain.priority import default_due_date
from ot62443_desktop.domain.report import score_project
from ot62443_desktop.exports import cell_text, xlsx_guard, xlsx_stream
from ot62443_desktop.exports import register_rows as rr
from ot62443_desktop.exports.progress import ExportCancelled, ExportError, Hooks
from ot62443_desktop.exports.register_import import ImportReport
from ot62443_desktop.exports.wording import translator
from ot62443_desktop.exports.xlsx_register import KEYS_SHEET, REGISTER_SHEET, write_register
from ot62443_desktop.storage import ProjectStore
from tests.exports.conftest import START

ENGLISH = translator(Language.EN)


def export(project: Project, path: Path) -> Path:
    write_register(project.store.snapshot(), project.catalogues, path)
    return path


def import_register(store: ProjectStore, catalogues: CatalogueSet, xlsx: Path, **options: Any) -> ImportReport:
    """The api's import of a register into the project open in `store`."""
    return Project(store, catalogues).import_register(xlsx, **options)


class Register:
    """The register sheet of an exported file, opened for editing as management would."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.wb = openpyxl.load_workbook(path)
        self.ws = self.wb[REGISTER_SHEET]
        self.col = {cell.value: cell.column for cell in self.ws[1]}

    def row(self, scope: str, requirement: str) -> int:
        for r in range(2, self.ws.max_row + 1):
            if (self.get(r, rr.SCOPE), self.get(r, rr.REQUIREMENT)) == (scope, requirement):
                return r
        raise KeyError((scope, requirement))

    def get(self, row: int, column: str) -> Any:
        return self.ws.cell(row, self.col[column]).value

    def set(self, scope: str, requirement: str, **values: Any) -> int:
        r = self.row(scope, requirement)
        for name, value in values.items():
            self.ws.cell(r, self.col[COLUMN[name]]).value = value
        return r

    def save(self, name: str = "edited.xlsx") -> Path:
        out = self.path.with_name(name)
        self.wb.save(out)
        # openpyxl writes a loaded picture (the summary's diagram) once: it closes the picture's data as it
        # copies it. Further edits and saves go on from the file just written, which holds the same cells.
        self.wb = openpyxl.load_workbook(out)
        self.ws = self.wb[self.ws.title]
        return out

    def delete_column(self, heading: str) -> None:
        """Delete a column as Excel does: the defined names of the columns after it move left with
        them, and its own name is left pointing at #REF! (openpyxl moves the cells only)."""
        index = self.col[heading]
        self.ws.delete_cols(index)
        self._move_names(lambda col: None if col == index else col - 1 if col > index else col)

    def insert_column(self, index: int) -> None:
        """Insert an empty column as Excel does: the defined names of the columns from `index` on move right."""
        self.ws.insert_cols(index)
        self._move_names(lambda col: col + 1 if col >= index else col)

    def _move_names(self, move: Callable[[int], int | None]) -> None:
        for name, defined in self.wb.defined_names.items():
            if not name.startswith(rr.COLUMN_NAME_PREFIX) or "#REF!" in defined.attr_text:
                continue
            ((sheet, ref),) = defined.destinations
            moved = move(openpyxl.utils.column_index_from_string(ref.split("$")[1]))
            target = "#REF!" if moved is None else f"${openpyxl.utils.get_column_letter(moved)}$1"
            defined.attr_text = f"'{sheet}'!{target}"
        self.col = {cell.value: cell.column for cell in self.ws[1]}


COLUMN = {"owner": rr.OWNER, "due": rr.DUE_DATE, "state": rr.STATE, "priority": rr.PRIORITY,
          "effort": rr.EFFORT, "action": rr.ACTION, "finding": rr.FINDING, "justification": rr.JUSTIFICATION,
          "key": rr.KEY, "scope": rr.SCOPE}


def shown(project: Project, scope: str, requirement: str) -> rr.GapRow:
    """The register row the project shows today for one gap."""
    rows = rr.gap_rows(score_project(project.store.snapshot(), project.catalogues), project.catalogues, ENGLISH)
    return next(g for g in rows if (g.scope_id, g.requirement_id) == (scope, requirement))


def test_round_trip_edits_apply_and_show_in_the_next_export(plant: Project, tmp_path: Path) -> None:
    old = shown(plant, "Z1", "SR 1.1")
    assert old.priority is Priority.P1
    register = Register(export(plant, tmp_path / "register.xlsx"))
    r1 = register.set("Z1", "SR 1.1", owner="Jane Doe", due=datetime(2026, 12, 31), state="In progress",
                      effort="L", priority="P3")
    register.set("Z2", "SR 1.4", state="Risk accepted", justification="Replaced in the 2027 upgrade")
    register.set("Z2", "SR 1.5", action="Put the HMI behind the new firewall", finding="Flat network")
    edited = register.save()

    report = import_register(plant.store, plant.catalogues, edited)
    assert report.ok and report.applied and len(report.changed) == 3 and report.unchanged == report.rows - 3
    first = next(c for c in report.changed if c.row == r1)
    assert first.changes == (
        "owner '' -> 'Jane Doe'", "effort (none) -> L", "state Open -> In progress",
        f"priority {old.priority.value} -> P3", f"due date {old.due_date.isoformat()} -> 2026-12-31",
    )
    assert first.item_before is None and first.answer_after is None

    item = plant.store.remediation("Z1", "SR 1.1")
    assert item == RemediationItem("Z1", "SR 1.1", priority=Priority.P3, owner="Jane Doe",
                                   due_date=date(2026, 12, 31), effort=Effort.L, state=ItemState.IN_PROGRESS)
    accepted = plant.store.remediation("Z2", "SR 1.4")
    assert accepted is not None and accepted.state is ItemState.RISK_ACCEPTED
    assert accepted.justification == "Replaced in the 2027 upgrade"
    action = plant.store.remediation("Z2", "SR 1.5")
    assert action is not None and action.action == "Put the HMI behind the new firewall"
    answer = plant.store.answer("Z2", "SR 1.5")
    assert answer is not None and answer.finding == "Flat network" and answer.notes == "note SR 1.5"

    again = Register(export(plant, tmp_path / "again.xlsx"))
    r = again.row("Z1", "SR 1.1")
    assert (again.get(r, rr.OWNER), again.get(r, rr.DUE_DATE), again.get(r, rr.STATE), again.get(r, rr.PRIORITY),
            again.get(r, rr.EFFORT)) == ("Jane Doe", datetime(2026, 12, 31), "In progress", "P3", "L")
    r = again.row("Z2", "SR 1.5")
    assert again.get(r, rr.FINDING) == "Flat network"
    assert again.get(r, rr.ACTION) == "Put the HMI behind the new firewall"
    assert import_register(plant.store, plant.catalogues, again.path).changed == []


def test_an_untouched_register_changes_nothing(plant: Project, tmp_path: Path) -> None:
    before = plant.store.snapshot()
    report = import_register(plant.store, plant.catalogues, export(plant, tmp_path / "register.xlsx"))
    assert report.ok and report.changed == [] and report.unchanged == report.rows == 11
    assert plant.store.snapshot() == before
    assert str(report).endswith("0 row(s) changed, 0 refused, 11 unchanged (nothing to change)")


def test_text_the_export_had_to_clean_is_no_edit(plant: Project, tmp_path: Path) -> None:
    long = "x" * (cell_text.EXCEL_CELL_LIMIT + 10)
    plant.set_answer("Z1", "SR 1.1", "not_implemented", finding="bell\x07 and **bold**\r\nnext line")
    plant.store.set_remediation(RemediationItem("Z1", "SR 1.4", action=long, owner="  padded  "))
    before = plant.store.snapshot()
    report = import_register(plant.store, plant.catalogues, export(plant, tmp_path / "register.xlsx"))
    assert report.changed == [] and report.refused == []
    assert plant.store.snapshot() == before


def test_dry_run_reports_and_changes_nothing(plant: Project, tmp_path: Path) -> None:
    register = Register(export(plant, tmp_path / "register.xlsx"))
    register.set("Z1", "SR 1.1", owner="Jane Doe")
    before = plant.store.snapshot()
    report = import_register(plant.store, plant.catalogues, register.save(), dry_run=True)
    assert [c.changes for c in report.changed] == [("owner '' -> 'Jane Doe'",)]
    assert not report.applied and plant.store.snapshot() == before
    lines = report.lines()
    assert any(line.startswith(f"row {register.row('Z1', 'SR 1.1')} Z1 SR 1.1: owner") for line in lines)
    assert lines[-1] == "1 row(s) changed, 0 refused, 10 unchanged (dry run: nothing was changed)"


def test_a_priority_change_moves_a_default_due_date(plant: Project, tmp_path: Path) -> None:
    old = shown(plant, "Z2", "SR 1.3")
    assert old.priority is not Priority.P4
    register = Register(export(plant, tmp_path / "register.xlsx"))
    register.set("Z2", "SR 1.3", priority="P4")
    report = import_register(plant.store, plant.catalogues, register.save())
    (change,) = report.changed
    assert change.changes == (
        f"priority {old.priority.value} -> P4",
        f"due date follows the priority: {old.due_date} -> {default_due_date(Priority.P4, START)}",
    )
    item = plant.store.remediation("Z2", "SR 1.3")
    assert item is not None and item.priority is Priority.P4 and item.due_date is None


def test_emptied_cells_return_to_the_computed_defaults(plant: Project, tmp_path: Path) -> None:
    plant.store.set_remediation(RemediationItem("Z1", "SR 1.4", action="Custom", priority=Priority.P4,
                                                due_date=date(2030, 1, 1)))
    register = Register(export(plant, tmp_path / "register.xlsx"))
    register.set("Z1", "SR 1.4", action=None, priority=None, due=None)
    report = import_register(plant.store, plant.catalogues, register.save())
    (change,) = report.changed
    assert "action reset to the catalogue's recommendation" in change.changes
    assert "due date reset to the default for its priority" in change.changes
    assert plant.store.remediation("Z1", "SR 1.4") == RemediationItem("Z1", "SR 1.4")


def test_columns_may_be_moved_and_a_column_deleted(plant: Project, tmp_path: Path) -> None:
    register = Register(export(plant, tmp_path / "register.xlsx"))
    register.set("Z1", "SR 1.1", owner="Jane Doe", finding="changed but its column goes")
    register.delete_column(rr.FINDING)
    register.insert_column(1)
    register.ws.cell(1, 1).value = "Management comment"
    report = import_register(plant.store, plant.catalogues, register.save())
    assert [c.changes for c in report.changed] == [("owner '' -> 'Jane Doe'",)]
    assert report.notes == ["the 'Finding' column is missing, so its values were not imported"]
    answer = plant.store.answer("Z1", "SR 1.1")
    assert answer is not None and answer.finding == "finding SR 1.1"


def test_a_sheet_that_understates_its_size_still_imports_every_row(plant: Project, tmp_path: Path) -> None:
    register = Register(export(plant, tmp_path / "register.xlsx"))
    last = register.ws.max_row
    register.set(register.get(last, rr.SCOPE), register.get(last, rr.REQUIREMENT), owner="Last row")
    edited = register.save()
    lying = tmp_path / "lying.xlsx"
    with zipfile.ZipFile(edited) as src, zipfile.ZipFile(lying, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                assert f'<dimension ref="A1:R{last}"'.encode() in data
                data = data.replace(f'<dimension ref="A1:R{last}"'.encode(), b'<dimension ref="A1:R2"')
            dst.writestr(item, data)
    report = import_register(plant.store, plant.catalogues, lying)
    assert [c.row for c in report.changed] == [last] and report.rows == last - 1


def test_only_named_answers_and_items_change(plant: Project, tmp_path: Path) -> None:
    register = Register(export(plant, tmp_path / "register.xlsx"))
    register.set("Z1", "SR 1.5", finding="New finding")
    register.ws.delete_rows(register.row("Z2", "SR 1.1"))  # a deleted row leaves its gap alone
    before = plant.store.snapshot()
    report = import_register(plant.store, plant.catalogues, register.save())
    after = plant.store.snapshot()
    assert [(c.scope_id, c.requirement_id) for c in report.changed] == [("Z1", "SR 1.5")]
    changed = {k for k in before.answers if before.answers[k] != after.answers[k]}
    assert changed == {("Z1", "SR 1.5")}
    assert after.remediation == before.remediation
    assert report.notes == ["1 gap(s) of the register are not in the workbook any more (rows deleted?); "
                            "they were left as they are"]


# -- refused rows: the reason is reported, the row changes nothing --------------------------------


def _other_project_key(tmp_path: Path) -> str:
    with open_project(tmp_path / "other.ot62443", create=True, client="Other Co", site="Elsewhere") as other:
        other.add_zone("Z1", "Control", 1)
        other.set_answer("Z1", "SR 1.1", "partial")
        return rr.row_key(rr.project_tag(other.store.snapshot()), "Z1", "SR 1.1")


BAD_ROWS: list[tuple[str, Callable[[Register, Path], None], str]] = [
    ("bad date text", lambda r, _: r.set("Z1", "SR 1.1", due="31/02/2027"),
     "Due date: '31/02/2027' is not a date (use a date cell or YYYY-MM-DD)"),
    ("impossible date", lambda r, _: r.set("Z1", "SR 1.1", due="2027-02-30"), "'2027-02-30' is not a date"),
    ("number as date", lambda r, _: _number_in_due_date(r), "46000 is a number, not a date"),
    ("date out of range", lambda r, _: r.set("Z1", "SR 1.1", due=datetime(1999, 1, 1)), "outside 2000-2100"),
    ("priority outside the list", lambda r, _: r.set("Z1", "SR 1.1", priority="High"),
     "Priority: 'High' is not one of P1, P2, P3, P4"),
    ("state outside the list", lambda r, _: r.set("Z1", "SR 1.1", state="Closed"),
     "State: 'Closed' is not one of Open, In progress, Done, Risk accepted"),
    ("effort outside the list", lambda r, _: r.set("Z1", "SR 1.1", effort="huge"),
     "Effort: 'huge' is not one of S, M, L, XL"),
    ("formula in owner", lambda r, _: r.set("Z1", "SR 1.1", owner='=HYPERLINK("http://evil","x")'),
     'Owner: a formula (=HYPERLINK("http://evil","x")) is not accepted'),
    ("formula in finding", lambda r, _: r.set("Z1", "SR 1.1", finding="=1+1"), "Finding: a formula (=1+1)"),
    ("formula in due date", lambda r, _: r.set("Z1", "SR 1.1", due="=TODAY()+30"), "Due date: a formula"),
    ("formula as key", lambda r, _: r.set("Z1", "SR 1.1", key="=A1"), "Key: a formula, not a register key"),
    ("risk accepted without justification", lambda r, _: r.set("Z1", "SR 1.1", state="Risk accepted"),
     "State: 'Risk accepted' needs a justification"),
    ("edited key", lambda r, _: r.set("Z1", "SR 1.1", key="Z1 SR 1.1"), "'Z1 SR 1.1' is not a register key"),
    ("unknown scope", lambda r, _: r.set("Z1", "SR 1.1", key=_retag(r, "Z9", "SR 1.1"), owner="x"),
     "unknown scope 'Z9'"),
    ("unknown requirement", lambda r, _: r.set("Z1", "SR 1.1", key=_retag(r, "Z1", "SR 99.9"), owner="x"),
     "unknown requirement 'SR 99.9'"),
    ("not a gap any more", lambda r, _: r.set("Z1", "SR 1.1", key=_retag(r, "Z1", "SR 1.2"), owner="x"),
     "no longer a gap in the project"),
    ("row of another project", lambda r, tmp: r.set("Z1", "SR 1.1", key=_other_project_key(tmp), owner="x"),
     "the row comes from another project's register"),
    ("row added by hand", lambda r, _: _append_row(r), "no key: rows added by hand cannot be imported"),
]


def _number_in_due_date(register: Register) -> None:
    """A serial number pasted without its date format (a date-formatted number reads as a date)."""
    cell = register.ws.cell(register.set("Z1", "SR 1.1", due=46000), register.col[rr.DUE_DATE])
    cell.number_format = "General"


def _retag(register: Register, scope: str, requirement: str) -> str:
    tag = rr.parse_key(register.get(2, rr.KEY))
    assert tag is not None
    return rr.row_key(tag[0], scope, requirement)


def _append_row(register: Register) -> None:
    row = register.ws.max_row + 1
    register.ws.cell(row, register.col[rr.SCOPE]).value = "Z1"
    register.ws.cell(row, register.col[rr.OWNER]).value = "New owner"


@pytest.mark.parametrize(("case", "edit", "message"), BAD_ROWS, ids=[case for case, _, _ in BAD_ROWS])
def test_a_bad_row_is_refused_with_its_reason_and_changes_nothing(
    plant: Project, tmp_path: Path, case: str, edit: Callable[[Register, Path], None], message: str
) -> None:
    register = Register(export(plant, tmp_path / "register.xlsx"))
    edit(register, tmp_path)
    edited = register.save()
    before = plant.store.snapshot()
    report = import_register(plant.store, plant.catalogues, edited)
    assert not report.ok and report.changed == []
    assert len(report.refused) == 1, report.refused
    refusal = report.refused[0]
    assert message in refusal.reason
    assert refusal.sheet == REGISTER_SHEET and refusal.row >= 2
    assert f"{REGISTER_SHEET!r} row {refusal.row}" in str(refusal) and "refused" in str(report)
    assert plant.store.snapshot() == before


def test_duplicated_keys_refuse_every_copy_and_good_rows_still_apply(plant: Project, tmp_path: Path) -> None:
    register = Register(export(plant, tmp_path / "register.xlsx"))
    copy_from, copy_to = register.row("Z1", "SR 1.1"), register.row("Z1", "SR 1.3")
    register.ws.cell(copy_to, register.col[rr.KEY]).value = register.get(copy_from, rr.KEY)
    register.set("Z1", "SR 1.1", owner="Twice")
    register.set("Z2", "SR 1.1", owner="Single")
    report = import_register(plant.store, plant.catalogues, register.save())
    assert sorted(r.row for r in report.refused) == sorted([copy_from, copy_to])
    assert all(f"the same key is in rows {min(copy_from, copy_to)}, {max(copy_from, copy_to)}" in r.reason
               for r in report.refused)
    assert [(c.scope_id, c.requirement_id) for c in report.changed] == [("Z2", "SR 1.1")]
    assert plant.store.remediation("Z1", "SR 1.1") is None
    item = plant.store.remediation("Z2", "SR 1.1")
    assert item is not None and item.owner == "Single"


def test_several_problems_in_one_row_are_all_reported(plant: Project, tmp_path: Path) -> None:
    register = Register(export(plant, tmp_path / "register.xlsx"))
    register.set("Z1", "SR 1.1", owner="ok", priority="P0", due="soon")
    before = plant.store.snapshot()
    report = import_register(plant.store, plant.catalogues, register.save())
    assert [r.reason.split(":")[0] for r in report.refused] == ["Priority", "Due date"]
    assert plant.store.snapshot() == before


# -- refused workbooks: ExportError, and the project exactly as it was ------------------------------


def _write_xlsx_without_keys(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.append(["Scope", "Owner"])
    wb.active.append(["Z1", "Bob"])
    wb.save(path)
    return path


def _delete_key_sheet(plant: Project, tmp_path: Path) -> Path:
    register = Register(export(plant, tmp_path / "register.xlsx"))
    del register.wb[KEYS_SHEET]
    return register.save()


def _delete_key_column(plant: Project, tmp_path: Path) -> Path:
    register = Register(export(plant, tmp_path / "register.xlsx"))
    register.set("Z1", "SR 1.1", owner="Jane")
    register.delete_column(rr.KEY)
    return register.save()


def _column_named_twice(plant: Project, tmp_path: Path) -> Path:
    """Two column ids on one column (a heading that merely reads like another column's is no problem)."""
    register = Register(export(plant, tmp_path / "register.xlsx"))
    owner = openpyxl.utils.get_column_letter(register.col[rr.OWNER])
    register.wb.defined_names[rr.column_name("scope_name")].attr_text = f"'{REGISTER_SHEET}'!${owner}$1"
    return register.save()


def _other_project(plant: Project, tmp_path: Path) -> Path:
    with open_project(tmp_path / "other.ot62443", create=True, client="Other Co", site="Elsewhere") as other:
        other.add_zone("Z1", "Control", 1)
        other.set_answer("Z1", "SR 1.1", "partial")
        return export(other, tmp_path / "other.xlsx")


def _newer_format(plant: Project, tmp_path: Path) -> Path:
    register = Register(export(plant, tmp_path / "register.xlsx"))
    keys = register.wb[KEYS_SHEET]
    assert keys["A2"].value == "version"
    keys["B2"].value = str(rr.REGISTER_VERSION + 1)
    return register.save()


def _text_file(plant: Project, tmp_path: Path) -> Path:
    path = tmp_path / "notes.xlsx"
    path.write_text("Scope;Owner\nZ1;Bob\n")
    return path


def _old_xls(plant: Project, tmp_path: Path) -> Path:
    path = tmp_path / "old.xls"
    path.write_bytes(xlsx_guard.OLE_MAGIC + b"\0" * 600)
    return path


def _odt_like_zip(plant: Project, tmp_path: Path) -> Path:
    path = tmp_path / "sheet.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return path


def _oversized(plant: Project, tmp_path: Path) -> Path:
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as f:
        f.truncate(xlsx_guard.MAX_FILE_BYTES + 1)  # sparse: no disk space used
    return path


def _zip_bomb(plant: Project, tmp_path: Path) -> Path:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (xlsx_guard.MAX_UNPACKED_BYTES + 1))
    return path


def _damaged_zip(plant: Project, tmp_path: Path) -> Path:
    data = export(plant, tmp_path / "register.xlsx").read_bytes()
    path = tmp_path / "truncated.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return path


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
    + "]>\n"
)


def _bomb_in_shared_strings(plant: Project, tmp_path: Path) -> Path:
    source = export(plant, tmp_path / "register.xlsx")
    path = tmp_path / "laughs.xlsx"
    sst = BILLION_LAUGHS + ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
                            'uniqueCount="1"><si><t>&lol9;</t></si></sst>')
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="'
                                    b'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"'
                                    b"/></Types>")
            dst.writestr(item, data)
        dst.writestr("xl/sharedStrings.xml", sst)
    return path


def _bomb_in_the_register_sheet(plant: Project, tmp_path: Path) -> Path:
    source = export(plant, tmp_path / "register.xlsx")
    path = tmp_path / "laughs.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                assert b"<t>Scope</t>" in data
                data = BILLION_LAUGHS.encode() + data.replace(b"<t>Scope</t>", b"<t>&lol9;</t>", 1)
            dst.writestr(item, data)
    return path


BAD_FILES: list[tuple[str, Callable[[Project, Path], Path], str]] = [
    ("no such file", lambda p, tmp: tmp / "missing.xlsx", "no such file"),
    ("a folder", lambda p, tmp: tmp, "is a folder"),
    ("not our workbook", lambda p, tmp: _write_xlsx_without_keys(tmp / "theirs.xlsx"),
     "not a gap register exported by OT 62443 Workbook (its hidden sheet 'Register keys' is missing)"),
    ("key sheet deleted", _delete_key_sheet, "its hidden sheet 'Register keys' is missing"),
    ("key column deleted", _delete_key_column, "has no 'Key' column (deleted?)"),
    ("column named twice", _column_named_twice,
     "the register's columns 'Scope name' and 'Owner' are both named on column M of the 'Gap register' sheet"),
    ("another project", _other_project,
     "this register belongs to project 'Other Co / Elsewhere' (id "),
    ("newer format", _newer_format, "written by a newer OT 62443 Workbook (register format 3"),
    ("text file", _text_file, "not an Excel .xlsx workbook"),
    ("old xls", _old_xls, "an old Excel .xls file or a password-protected workbook"),
    ("OpenDocument", _odt_like_zip, "an OpenDocument file (save it as .xlsx)"),
    ("oversized", _oversized, "larger than a gap register can be (limit 50 MB)"),
    ("zip bomb", _zip_bomb, "(a zip bomb?)"),
    ("truncated", _damaged_zip, "not an Excel .xlsx workbook (or a damaged one)"),
    ("XML bomb in sharedStrings.xml", _bomb_in_shared_strings, "XML entity or DTD declarations"),
    ("XML bomb in a worksheet", _bomb_in_the_register_sheet, "XML entity or DTD declarations"),
]


@pytest.mark.parametrize(("case", "make", "message"), BAD_FILES, ids=[case for case, _, _ in BAD_FILES])
def test_a_bad_workbook_is_refused_whole_and_changes_nothing(
    plant: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str,
    make: Callable[[Project, Path], Path], message: str,
) -> None:
    monkeypatch.setattr(xlsx_guard, "MAX_UNPACKED_BYTES", 4 * 2**20)  # a small bomb is enough to test
    path = make(plant, tmp_path)
    before = plant.store.snapshot()
    started = time.monotonic()
    for dry_run in (True, False):
        with pytest.raises(ExportError) as error:
            import_register(plant.store, plant.catalogues, path, dry_run=dry_run)
        assert message in str(error.value)
        assert str(path) in str(error.value) and "nothing was imported" in str(error.value)
    assert time.monotonic() - started < 30  # a bomb is refused, not expanded
    assert plant.store.snapshot() == before


def test_import_refuses_to_run_without_defusedxml(plant: Project, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = export(plant, tmp_path / "register.xlsx")
    assert xlsx_stream.xml_is_defused()
    monkeypatch.setattr(openpyxl_xml, "iterparse", stdlib_etree.iterparse)
    before = plant.store.snapshot()
    with pytest.raises(ExportError, match="openpyxl is not using defusedxml"):
        import_register(plant.store, plant.catalogues, path)
    assert plant.store.snapshot() == before


def test_a_read_only_project_refuses_an_import_but_allows_a_dry_run(plant: Project, tmp_path: Path) -> None:
    register = Register(export(plant, tmp_path / "register.xlsx"))
    register.set("Z1", "SR 1.1", owner="Jane")
    edited = register.save()
    with ProjectStore.open(plant.store.path, read_only=True) as store:
        assert [c.changes for c in import_register(store, plant.catalogues, edited, dry_run=True).changed] == [
            ("owner '' -> 'Jane'",)]
        with pytest.raises(ExportError, match="opened read-only; nothing was imported"):
            import_register(store, plant.catalogues, edited)
    assert plant.store.remediation("Z1", "SR 1.1") is None


def test_cancel_while_reading_changes_nothing(plant: Project, tmp_path: Path) -> None:
    register = Register(export(plant, tmp_path / "register.xlsx"))
    register.set("Z1", "SR 1.1", owner="Jane")
    edited = register.save()
    before = plant.store.snapshot()
    with pytest.raises(ExportCancelled):
        import_register(plant.store, plant.catalogues, edited, hooks=Hooks(cancelled=lambda: True))
    assert plant.store.snapshot() == before


def test_the_project_without_assessment_dates_uses_the_export_day_for_defaults(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.add_zone("Z1", "Control", 1)
    project.set_answer("Z1", "SR 1.1", "partial")
    out = export(project, tmp_path / "register.xlsx")

    class Tomorrow(date):
        @classmethod
        def today(cls) -> date:
            return date.fromordinal(datetime.now().date().toordinal() + 1)

    monkeypatch.setattr(domain_report, "date", Tomorrow)  # importing a day later must not "edit" every due date
    report = import_register(project.store, project.catalogues, out)
    assert report.changed == [] and report.unchanged == 1


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_register_saved_again_by_libreoffice_imports_with_its_edits(plant: Project, tmp_path: Path) -> None:
    register = Register(export(plant, tmp_path / "register.xlsx"))
    register.set("Z1", "SR 1.1", owner="Jane Doe", due=datetime(2026, 12, 31), state="Done")
    edited = register.save()
    outdir = tmp_path / "lo"
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless", "--convert-to",
         "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), str(edited)],
        capture_output=True, text=True, timeout=180, check=False,
    )
    assert result.returncode == 0, result.stderr
    report = import_register(plant.store, plant.catalogues, outdir / edited.name)
    assert report.ok and [(c.scope_id, c.requirement_id) for c in report.changed] == [("Z1", "SR 1.1")]
    item = plant.store.remediation("Z1", "SR 1.1")
    assert item is not None and (item.owner, item.due_date, item.state) == (
        "Jane Doe", date(2026, 12, 31), ItemState.DONE)
