"""The Excel gap register, tested by reading the written file back (STYLE 7)."""

from __future__ import annotations

import csv
import shutil
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet import _writer as openpyxl_writer

from ot62443_desktop.api import Project, open_project
from ot62443_desktop.demo import write_demo
from ot62443_desktop.domain.catalogue import CatalogueSet
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import ItemState, Priority, ProjectData, RemediationItem
from ot62443_desktop.domain.report import score_project
from ot62443_desktop.domain.scoring import find_gaps, score_program
from ot62443_desktop.exports import register_rows as rr
from ot62443_desktop.exports.progress import ExportCancelled, ExportError, Hooks
from ot62443_desktop.exports.wording import translator
from ot62443_desktop.exports.xlsx_register import (
    ANSWERS_SHEET,
    KEYS_SHEET,
    PROGRAM_SHEET,
    REGISTER_SHEET,
    REGISTER_TABLE,
    SUMMARY_SHEET,
    write_register,
)
from ot62443_desktop.storage import ProjectStore

ENGLISH = translator(Language.EN)

FORMULA_LIKE = ["=1+1", "+44 20 7946 0000", "-rm -rf", "@SUM(A1:A9)", "\tTAB", '=HYPERLINK("http://x","y")']


def demo_data(tmp_path: Path, zones: int = 12) -> ProjectData:
    path = tmp_path / "demo.ot62443"
    write_demo(path, zones=zones)
    with ProjectStore.open(path, read_only=True) as store:
        return store.snapshot()


def export(data: ProjectData, catalogues: CatalogueSet, tmp_path: Path) -> Path:
    out = tmp_path / "register.xlsx"
    write_register(data, catalogues, out)
    return out


def gap_rows(data: ProjectData, catalogues: CatalogueSet) -> list[rr.GapRow]:
    """The register rows of `data`, scored once as the export scores it."""
    return rr.gap_rows(score_project(data, catalogues), catalogues, ENGLISH)


def headers(ws: Any) -> dict[str, int]:
    return {cell.value: cell.column for cell in ws[1]}


def data_rows(ws: Any) -> list[tuple[Any, ...]]:
    return [row for row in ws.iter_rows(min_row=2, values_only=True) if any(v is not None for v in row)]


def test_register_has_one_row_per_gap_the_summary_counts(tmp_path: Path, catalogues: CatalogueSet) -> None:
    data = demo_data(tmp_path)
    wb = openpyxl.load_workbook(export(data, catalogues, tmp_path))
    ws = wb[REGISTER_SHEET]
    rows = data_rows(ws)
    summary = gap_rows(data, catalogues)
    assert len(rows) == score_project(data, catalogues).summary()["gaps_total"] == len(summary) > 100
    col = headers(ws)
    assert list(col) == list(rr.REGISTER_COLUMNS)
    keys = [row[col[rr.KEY] - 1] for row in rows]
    assert len(set(keys)) == len(keys)
    tag = rr.project_tag(data)
    expected = {rr.row_key(tag, g.scope_id, g.requirement.id) for g in find_gaps(data, catalogues)}
    assert set(keys) == expected
    first = summary[0]
    assert rows[0][col[rr.SCOPE] - 1] == first.scope_id
    assert rows[0][col[rr.REQUIREMENT] - 1] == first.requirement_id
    assert rows[0][col[rr.PRIORITY] - 1] == first.priority.value
    assert rows[0][col[rr.STATE] - 1] == rr.STATE_LABELS[first.state]


def test_register_is_a_filterable_table_with_drop_downs_and_print_setup(
    tmp_path: Path, catalogues: CatalogueSet
) -> None:
    data = demo_data(tmp_path, zones=3)
    gaps = len(gap_rows(data, catalogues))
    out = export(data, catalogues, tmp_path)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [SUMMARY_SHEET, REGISTER_SHEET, ANSWERS_SHEET, PROGRAM_SHEET, KEYS_SHEET]
    ws = wb[REGISTER_SHEET]
    col = headers(ws)
    letter = {name: openpyxl.utils.get_column_letter(index) for name, index in col.items()}

    table = ws.tables[REGISTER_TABLE]
    assert table.ref == f"A1:{letter[rr.KEY]}{gaps + 1}"
    assert table.autoFilter is not None and table.autoFilter.ref == table.ref
    assert [c.name for c in table.tableColumns] == list(rr.REGISTER_COLUMNS)
    assert ws.freeze_panes == "A2"

    validations = {dv.formula1: str(dv.sqref) for dv in ws.data_validations.dataValidation}
    assert validations['"P1,P2,P3,P4"'] == f"{letter[rr.PRIORITY]}2:{letter[rr.PRIORITY]}{gaps + 1}"
    assert validations['"Open,In progress,Done,Risk accepted"'] == f"{letter[rr.STATE]}2:{letter[rr.STATE]}{gaps + 1}"
    assert validations['"S,M,L,XL"'] == f"{letter[rr.EFFORT]}2:{letter[rr.EFFORT]}{gaps + 1}"
    assert validations["DATE(2000,1,1)"] == f"{letter[rr.DUE_DATE]}2:{letter[rr.DUE_DATE]}{gaps + 1}"

    priority_range = f"{letter[rr.PRIORITY]}2:{letter[rr.PRIORITY]}{gaps + 1}"
    rules = [rule for cf in ws.conditional_formatting for rule in cf.rules if str(cf.sqref) == priority_range]
    assert sorted(rule.formula[0] for rule in rules) == ['"P1"', '"P2"', '"P3"', '"P4"']

    assert ws.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert data.info.confidentiality[:40] in ws.oddHeader.center.text
    assert ws.column_dimensions[letter[rr.KEY]].hidden
    assert ws.column_dimensions[letter[rr.ACTION]].width >= 50
    assert ws.cell(2, col[rr.ACTION]).alignment.wrap_text

    keys = wb[KEYS_SHEET]
    assert keys.sheet_state == "veryHidden" and keys.protection.sheet
    with zipfile.ZipFile(out) as archive:  # the size is declared, so readers need not scan the sheet
        assert f'<dimension ref="A1:R{gaps + 1}" />'.encode() in archive.read("xl/worksheets/sheet2.xml")


def test_due_dates_are_real_date_cells(tmp_path: Path, catalogues: CatalogueSet) -> None:
    data = demo_data(tmp_path, zones=3)
    base = data.info.assessment_date
    assert base is not None
    wb = openpyxl.load_workbook(export(data, catalogues, tmp_path))
    ws = wb[REGISTER_SHEET]
    col = headers(ws)[rr.DUE_DATE]
    cells = [ws.cell(r, col) for r in range(2, ws.max_row + 1)]
    assert cells and all(c.is_date and isinstance(c.value, datetime) for c in cells)
    assert {c.number_format for c in cells} == {"yyyy-mm-dd"}
    expected = [g.due_date for g in gap_rows(data, catalogues)]
    assert [c.value.date() for c in cells] == expected
    assert all(d > base for d in expected)
    answered_at = headers(wb[ANSWERS_SHEET])["Answered at"]
    assert isinstance(wb[ANSWERS_SHEET].cell(2, answered_at).value, datetime)


def test_no_assessment_date_counts_due_dates_from_today(project: Project, catalogues: CatalogueSet,
                                                        tmp_path: Path) -> None:
    project.add_zone("Z1", "Control", 1)
    project.set_answer("Z1", "SR 1.1", "not_implemented")
    out = export(project.store.snapshot(), catalogues, tmp_path)
    ws = openpyxl.load_workbook(out)[REGISTER_SHEET]
    due = ws.cell(2, headers(ws)[rr.DUE_DATE]).value.date()
    gap = gap_rows(project.store.snapshot(), catalogues)[0]
    assert due == gap.due_date and date.today() < due


def formula_project(path: Path) -> Project:
    """A project whose every kind of user text starts like a formula."""
    project = open_project(path, create=True, client="=EVIL()", site="@site")
    project.add_zone("Z1", "-zone name", 1, description="+desc", assets=["=assets"])
    for text, req in zip(FORMULA_LIKE, ("SR 1.1", "SR 1.3", "SR 1.4", "SR 1.5", "SR 1.6", "SR 1.7"), strict=True):
        project.set_answer("Z1", req, "partial", notes=text, finding=text, countermeasure=text)
        project.store.set_remediation(RemediationItem(
            "Z1", req, action=text, owner=text, state=ItemState.RISK_ACCEPTED, justification=text))
    project.set_answer("site", "ORG 1.1", "partial", ml=1, notes="=SUM(1)")
    return project


def test_user_text_is_never_a_formula(tmp_path: Path, catalogues: CatalogueSet) -> None:
    with formula_project(tmp_path / "f.ot62443") as project:
        out = export(project.store.snapshot(), catalogues, tmp_path)
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name
    wb = openpyxl.load_workbook(out)
    seen: set[str] = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} became a formula: {cell.value!r}"
                if isinstance(cell.value, str) and cell.value in FORMULA_LIKE:
                    seen.add(cell.value)
                    assert cell.data_type == "s" and cell.quotePrefix, f"{ws.title}!{cell.coordinate}"
    assert seen == set(FORMULA_LIKE)
    register = wb[REGISTER_SHEET]
    col = headers(register)
    owners = {register.cell(r, col[rr.OWNER]).value for r in range(2, register.max_row + 1)}
    assert owners == {*FORMULA_LIKE, None}  # the site's 2-1 gap has no owner yet
    assert register.cell(2, col[rr.SCOPE_NAME]).value == "-zone name"
    assert wb[KEYS_SHEET]["B4"].value == "=EVIL()"


def test_control_characters_and_markdown_are_cleaned(project: Project, catalogues: CatalogueSet,
                                                     tmp_path: Path) -> None:
    project.add_zone("Z1", "Control", 1)
    project.set_answer("Z1", "SR 1.1", "partial", notes="bell\x07 and\x0bvertical tab",
                       finding="Uses **one** shared `admin` account, see [policy](http://intra/p)")
    wb = openpyxl.load_workbook(export(project.store.snapshot(), catalogues, tmp_path))
    answers = wb[ANSWERS_SHEET]
    assert answers.cell(2, headers(answers)["Notes"]).value == "bell andvertical tab"
    register = wb[REGISTER_SHEET]
    finding = register.cell(2, headers(register)[rr.FINDING]).value
    assert finding == "Uses one shared admin account, see policy (http://intra/p)"
    action = register.cell(2, headers(register)[rr.ACTION]).value
    assert "**" not in action and action == rr.plain_text(catalogues.requirement("SR 1.1").remediation)


def test_summary_sheet_has_facts_sl_table_conditional_colours_and_a_chart(
    tmp_path: Path, catalogues: CatalogueSet
) -> None:
    data = demo_data(tmp_path, zones=4)
    out = export(data, catalogues, tmp_path)
    ws = openpyxl.load_workbook(out)[SUMMARY_SHEET]
    values = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    flat = [v for row in values for v in row if v is not None]
    assert data.info.client in flat and data.info.confidentiality in flat
    counts = {row[0]: row[1] for row in values if row[0]}
    assert counts["Gaps (register rows)"] == len(gap_rows(data, catalogues))
    head = next(i for i, row in enumerate(values, 1) if row[0] == "Zone")
    for zone_row, zone in zip(score_project(data, catalogues).zones, data.zones, strict=True):
        row = values[head + data.zones.index(zone)]
        assert row[0] == zone.id and tuple(row[4:11]) == zone.sl_t and tuple(row[11:18]) == zone_row.sl_a
        assert (row[18], row[19], row[20], row[21]) == (
            zone_row.applicable, zone_row.met, zone_row.gaps, zone_row.not_assessed)
    sl_a_range = f"L{head + 1}:R{head + len(data.zones)}"
    formulas = [r.formula[0] for cf in ws.conditional_formatting if str(cf.sqref) == sl_a_range for r in cf.rules]
    assert formulas == [f"L{head + 1}<E{head + 1}", f"L{head + 1}>=E{head + 1}"]
    with zipfile.ZipFile(out) as archive:
        chart = archive.read("xl/charts/chart1.xml").decode()
    assert "<barChart>" in chart and chart.count("<ser>") == 2
    assert f"'{SUMMARY_SHEET}'!$C$" in chart and f"'{SUMMARY_SHEET}'!$D$" in chart


def test_all_answers_and_program_sheets(tmp_path: Path, catalogues: CatalogueSet) -> None:
    data = demo_data(tmp_path, zones=7)  # the seventh zone (CHEM-SKID) also assesses the 2-1 program
    wb = openpyxl.load_workbook(export(data, catalogues, tmp_path))
    answers = wb[ANSWERS_SHEET]
    col = headers(answers)
    rows = data_rows(answers)
    assert len(rows) == len(data.answers)
    assert {(r[col["Scope"] - 1], r[col["Requirement"] - 1]) for r in rows} == set(data.answers)
    noted = next(a for a in data.answers.values() if a.notes)
    assert rr.plain_text(noted.notes) in {r[col["Notes"] - 1] for r in rows}
    assert answers.tables["Answers"].ref.endswith(str(len(rows) + 1))

    program = wb[PROGRAM_SHEET]
    col = headers(program)
    rows = data_rows(program)
    program_scopes = 1 + sum(z.assess_program for z in data.zones)
    assert program_scopes == 2
    assert len(rows) == program_scopes * 87
    assert {r[col["Target ML"] - 1] for r in rows} == {data.info.target_ml}
    site_gaps = sum(1 for r in rows if r[col["Scope"] - 1] == "site" and r[col["Result"] - 1] == "Gap")
    assert site_gaps == score_program(data, catalogues).gaps


def test_an_empty_project_exports_a_valid_empty_register(project: Project, catalogues: CatalogueSet,
                                                         tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(export(project.store.snapshot(), catalogues, tmp_path))
    ws = wb[REGISTER_SHEET]
    assert data_rows(ws) == []
    assert ws.tables[REGISTER_TABLE].ref == "A1:R2"  # Excel wants one (empty) data row
    assert "No zones or conduits yet." in [row[0] for row in wb[SUMMARY_SHEET].iter_rows(values_only=True)]


def test_progress_is_reported_and_cancel_leaves_nothing(tmp_path: Path, catalogues: CatalogueSet) -> None:
    data = demo_data(tmp_path, zones=3)
    calls: list[tuple[int, int]] = []
    out = tmp_path / "register.xlsx"
    write_register(data, catalogues, out, hooks=Hooks(progress=lambda d, t: calls.append((d, t))))
    assert out.is_file() and len(calls) > 3
    assert calls[-1][0] == calls[-1][1] and [d for d, _ in calls] == sorted(d for d, _ in calls)

    before = set(tmp_path.iterdir())
    temp_files = list(openpyxl_writer.ALL_TEMP_FILES)
    cancelled = tmp_path / "cancelled.xlsx"
    steps: list[int] = []
    with pytest.raises(ExportCancelled):
        write_register(data, catalogues, cancelled,
                       hooks=Hooks(progress=lambda d, t: steps.append(d), cancelled=lambda: len(steps) > 2))
    assert not cancelled.exists()
    assert set(tmp_path.iterdir()) == before
    assert temp_files == openpyxl_writer.ALL_TEMP_FILES  # the streamed sheets' temp files are gone too


def test_an_existing_register_is_replaced_whole(tmp_path: Path, catalogues: CatalogueSet,
                                                project: Project) -> None:
    out = tmp_path / "register.xlsx"
    out.write_bytes(b"old")
    project.add_zone("Z1", "Control", 1)
    project.set_answer("Z1", "SR 1.1", "partial")
    write_register(project.store.snapshot(), catalogues, out)
    assert len(data_rows(openpyxl.load_workbook(out)[REGISTER_SHEET])) == 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("register")) == ["register.xlsx"]


def test_missing_folder_is_a_clear_error(tmp_path: Path, catalogues: CatalogueSet, project: Project) -> None:
    with pytest.raises(ExportError, match="no such folder"):
        write_register(project.store.snapshot(), catalogues, tmp_path / "nope" / "r.xlsx")


def test_priority_override_and_item_fields_are_shown(project: Project, catalogues: CatalogueSet,
                                                     tmp_path: Path) -> None:
    project.add_zone("Z1", "Control", 1)
    project.set_answer("Z1", "SR 1.1", "partial")
    project.store.set_remediation(RemediationItem("Z1", "SR 1.1", action="Replace the HMI", priority=Priority.P4,
                                                  owner="OT lead", due_date=date(2030, 1, 31),
                                                  state=ItemState.IN_PROGRESS))
    ws = openpyxl.load_workbook(export(project.store.snapshot(), catalogues, tmp_path))[REGISTER_SHEET]
    row = dict(zip(rr.REGISTER_COLUMNS, data_rows(ws)[0], strict=True))
    assert (row[rr.ACTION], row[rr.PRIORITY], row[rr.OWNER], row[rr.STATE]) == (
        "Replace the HMI", "P4", "OT lead", "In progress")
    assert row[rr.DUE_DATE] == datetime(2030, 1, 31)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reads_every_sheet_without_complaint(tmp_path: Path, catalogues: CatalogueSet) -> None:
    data = demo_data(tmp_path, zones=3)
    out = export(data, catalogues, tmp_path)
    csv_dir = tmp_path / "csv"
    # 44,34,76: comma, double quote, UTF-8; the final -1 writes every sheet to its own file.
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
         "--outdir", str(csv_dir), str(out)],
        capture_output=True, text=True, timeout=180, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr.lower()
    register = csv_dir / f"{out.stem}-{REGISTER_SHEET}.csv"
    with register.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == list(rr.REGISTER_COLUMNS)
    assert len(rows) - 1 == len(gap_rows(data, catalogues))
    due = rows[1][rr.REGISTER_COLUMNS.index(rr.DUE_DATE)]
    assert date.fromisoformat(due) == gap_rows(data, catalogues)[0].due_date
    assert {p.name for p in csv_dir.iterdir()} >= {f"{out.stem}-{name}.csv" for name in (SUMMARY_SHEET, ANSWERS_SHEET)}
