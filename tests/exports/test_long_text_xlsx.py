"""Long user text in the Excel register: a text longer than a cell holds is cut with a marker
that says so (Excel would otherwise "repair" the file), and the import never takes such a cell
as an edit of the full text."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import openpyxl
from pypdf import PdfReader

from ot62443_desktop.api import Project
from ot62443_desktop.domain.catalogue import CatalogueSet
from ot62443_desktop.exports import cell_text
from ot62443_desktop.exports import register_rows as rr
from ot62443_desktop.exports.pdf import write_plan
from ot62443_desktop.exports.xlsx_register import ANSWERS_SHEET, REGISTER_SHEET, SUMMARY_SHEET, write_register
from tests.exports.test_long_text_pdf import long_project, squeezed, token
from tests.exports.test_register_import import Register, export, import_register


def test_a_text_longer_than_a_cell_is_cut_with_a_marker(tmp_path: Path, catalogues: CatalogueSet) -> None:
    data = long_project()
    finding = token("FINDING", 100_000)
    emoji = "\U0001f600" * 20_000  # two UTF-16 units each, as Excel counts
    data = dataclasses.replace(data, answers={
        **data.answers,
        ("Z-1", "SR 1.1"): dataclasses.replace(data.answers[("Z-1", "SR 1.1")], finding=finding, notes=emoji),
    })
    out = tmp_path / "register.xlsx"
    write_register(data, catalogues, out)
    wb = openpyxl.load_workbook(out)
    register = wb[REGISTER_SHEET]
    column = {cell.value: cell.column for cell in register[1]}
    shown = register.cell(2, column[rr.FINDING]).value
    assert shown.endswith("\u2026 [truncated: 100,007 characters in the project]")
    assert len(shown) == cell_text.EXCEL_CELL_LIMIT and finding.startswith(shown.split("\u2026")[0])
    answers = wb[ANSWERS_SHEET]
    notes = next(c.value for c in answers[2] if isinstance(c.value, str) and c.value.startswith("\U0001f600"))
    assert len(notes.encode("utf-16-le")) // 2 <= cell_text.EXCEL_CELL_LIMIT
    assert notes.endswith("[truncated: 20,000 characters in the project]")
    for ws in wb.worksheets:  # nothing anywhere is longer than Excel opens without a repair
        for row in ws.iter_rows(values_only=True):
            assert all(len(v.encode("utf-16-le")) // 2 <= cell_text.EXCEL_CELL_LIMIT for v in row if isinstance(v, str))
    assert wb[SUMMARY_SHEET]["A2"].value.startswith("CLIENT")


def test_characters_xml_cannot_hold_are_dropped_not_fatal(tmp_path: Path, catalogues: CatalogueSet) -> None:
    """A hand-edited project file can hold lone surrogates and U+FFFF; the export still works."""
    data = long_project()
    odd = "before\ud800\udfff\uffff\x01after"
    data = dataclasses.replace(data, answers={
        **data.answers,
        ("Z-1", "SR 1.1"): dataclasses.replace(data.answers[("Z-1", "SR 1.1")], finding=odd),
    })
    out = tmp_path / "register.xlsx"
    write_register(data, catalogues, out)
    register = openpyxl.load_workbook(out)[REGISTER_SHEET]
    column = {cell.value: cell.column for cell in register[1]}
    assert register.cell(2, column[rr.FINDING]).value == "beforeafter"
    write_plan(data, catalogues, tmp_path / "plan.pdf")
    assert "beforeafter" in squeezed(PdfReader(tmp_path / "plan.pdf"))


def test_a_cut_short_cell_is_no_edit_and_editing_it_is_refused(plant: Project, tmp_path: Path) -> None:
    finding = token("FINDING", 50_000)
    plant.set_answer("Z1", "SR 1.1", "not_implemented", finding=finding)
    register = Register(export(plant, tmp_path / "register.xlsx"))
    untouched = import_register(plant.store, plant.catalogues, register.save("untouched.xlsx"), dry_run=True)
    assert untouched.ok and not untouched.changed
    row = register.set("Z1", "SR 1.1", finding=register.get(register.row("Z1", "SR 1.1"), rr.FINDING)[:100])
    before = plant.store.snapshot()
    report = import_register(plant.store, plant.catalogues, register.save())
    assert [(r.row, r.reason) for r in report.refused] == [
        (row, "Finding: the project's text (50,007 characters) is longer than an Excel cell holds, so the "
              "register shows it cut short; edit it in the program")]
    assert plant.store.snapshot() == before
