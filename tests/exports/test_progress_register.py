"""A carried-forward project's Excel register has a Changes sheet (SPEC 12.3): one row per gap closed,
new or persisting, exactly as `compare` counts them, with both assessments' statuses and levels, as a
filtered, coloured, printable table in the register's language; the import still works and never reads
it; LibreOffice opens it. A project not carried forward has no such sheet."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from ot62443_desktop.api import open_project
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import SITE_SCOPE, Status
from ot62443_desktop.domain.scoring import find_gaps
from ot62443_desktop.exports import register_rows as rr
from ot62443_desktop.exports.labels import STATUS_LABELS
from ot62443_desktop.exports.wording import translator
from ot62443_desktop.exports.xlsx_register import REGISTER_SHEET, write_register
from tests.exports.carried_forward import Plant, build_plant, expected_changes

EN, FR = Language.EN, Language.FR


@pytest.fixture(scope="module")
def plant(tmp_path_factory: pytest.TempPathFactory) -> Plant:
    return build_plant(tmp_path_factory.mktemp("progress-register"))


@pytest.fixture(scope="module")
def registers(plant: Plant) -> dict[Language, Path]:
    paths = {}
    for language in Language:
        paths[language] = plant.folder / f"register-{language.value}.xlsx"
        write_register(plant.data, plant.catalogues, paths[language], language=language)
    return paths


def sheet_rows(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    ws = openpyxl.load_workbook(path)[sheet]
    return list(ws.iter_rows(values_only=True))


def test_a_project_not_carried_forward_has_no_changes_sheet(plant: Plant, tmp_path: Path) -> None:
    for language in Language:
        write_register(plant.previous, plant.catalogues, tmp_path / "register.xlsx", language=language)
        names = openpyxl.load_workbook(tmp_path / "register.xlsx").sheetnames
        assert translator(language)(rr.CHANGES_SHEET) not in names and len(names) == 5


# --- the Excel register --------------------------------------------------------------------------

def test_the_changes_sheet_lists_exactly_the_compared_gaps(plant: Plant, registers: dict[Language, Path]) -> None:
    progress = plant.progress()
    rows = sheet_rows(registers[EN], rr.CHANGES_SHEET)
    assert rows[0] == ("Change", "Scope", "Scope name", "Requirement", "Title", "Status then", "Status now",
                       "SL-A / ML then", "SL-A / ML now", "Priority now")
    assert [(r[0], r[1], r[3]) for r in rows[1:]] == expected_changes(progress)
    assert len(rows) - 1 == sum(progress.totals())


def test_each_change_row_shows_both_assessments(plant: Plant, registers: dict[Language, Path]) -> None:
    progress = plant.progress()
    english = translator(EN)
    scopes = {s.scope_id: s for s in (*progress.zones, progress.site)}
    for change, scope_id, name, requirement_id, title, then, now, level_then, level_now, priority in sheet_rows(
            registers[EN], rr.CHANGES_SHEET)[1:]:
        requirement = plant.catalogues.requirement(requirement_id)
        assert title == requirement.title
        assert name == (plant.data.zone(scope_id).name if scope_id != SITE_SCOPE else f"Site: {plant.data.info.site}")
        answer_now = plant.data.answer(scope_id, requirement_id)
        assert now == english(STATUS_LABELS[answer_now.status if answer_now else Status.NOT_ASSESSED])
        scope = scopes[scope_id]
        if scope_id == "RA":  # not there last year
            assert (then, level_then) == (None, None)
        else:
            answer_then = plant.previous.answer(scope_id, requirement_id)
            assert then == english(STATUS_LABELS[answer_then.status if answer_then else Status.NOT_ASSESSED])
        if requirement.level is not None:
            assert scope.sl_a_now is not None
            assert level_now == f"SL-A {scope.sl_a_now[requirement.fr_index]}"
            if scope.sl_a_then is not None:
                assert level_then == f"SL-A {scope.sl_a_then[requirement.fr_index]}"
        gap_now = next((g for g in (*scope.new, *scope.persisting) if g.requirement_id == requirement_id), None)
        assert priority == (gap_now.now.priority.value if gap_now and gap_now.now else None)
        assert (priority is None) == (change == "Closed")


def test_the_changes_sheet_is_a_filtered_coloured_printable_table(plant: Plant,
                                                                  registers: dict[Language, Path]) -> None:
    ws = openpyxl.load_workbook(registers[EN])[rr.CHANGES_SHEET]
    assert ws.freeze_panes == "A2" and ws.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage
    (table,) = ws.tables.values()
    assert table.ref == f"A1:J{ws.max_row}" and table.autoFilter is not None
    rules = {str(cf.sqref): list(cf.rules) for cf in ws.conditional_formatting}
    change_rules = rules[f"A2:A{ws.max_row}"]
    fills = {rule.formula[0]: rule.dxf.fill.fgColor.rgb[-6:] for rule in change_rules}
    assert fills == {'"Closed"': "C6EFCE", '"New"': "FFC7CE", '"Persisting"': "FFEB9C"}  # green, red, amber
    assert f"J2:J{ws.max_row}" in rules  # the priority now, in the priority colours


def test_the_french_register_names_the_sheet_and_the_changes_in_french(plant: Plant,
                                                                       registers: dict[Language, Path]) -> None:
    wb = openpyxl.load_workbook(registers[FR])
    assert wb.sheetnames[:3] == ["Synthèse", "Registre des écarts", "Évolutions"]
    rows = list(wb["Évolutions"].iter_rows(values_only=True))
    assert rows[0][:2] == ("Évolution", "Périmètre")
    french = {"Closed": "Corrigé", "New": "Nouveau", "Persisting": "Persistant"}
    assert [(r[0], r[1], r[3]) for r in rows[1:]] == [
        (french[c], s, q) for c, s, q in expected_changes(plant.progress(plant.catalogues.in_language(FR)))]


def test_the_register_of_a_carried_forward_project_still_imports(plant: Plant, registers: dict[Language, Path],
                                                                  tmp_path: Path) -> None:
    copy = tmp_path / "2027.ot62443"
    shutil.copy(plant.new, copy)
    with open_project(copy) as project:
        for language in Language:
            report = project.import_register(registers[language], dry_run=True)
            assert report.ok and report.changed == [] and report.rows == len(find_gaps(plant.data, plant.catalogues))
        edited = tmp_path / "edited.xlsx"
        wb = openpyxl.load_workbook(registers[EN])
        ws = wb[REGISTER_SHEET]
        owner = next(c.column for c in ws[1] if c.value == rr.OWNER)
        ws.cell(2, owner, "Night shift lead")
        wb.save(edited)
        report = project.import_register(edited)
        assert report.ok and len(report.changed) == 1 and report.applied
        gap = project.gaps()[0]
        assert project.store.snapshot().remediation[(gap.scope_id, gap.requirement.id)].owner == "Night shift lead"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reads_the_changes_sheet_without_complaint(plant: Plant, registers: dict[Language, Path],
                                                               tmp_path: Path) -> None:
    csv_dir = tmp_path / "csv"
    # 44,34,76: comma, double quote, UTF-8; the final -1 writes every sheet to its own file.
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
         "--outdir", str(csv_dir), str(registers[EN])],
        capture_output=True, text=True, timeout=180, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr.lower()
    with (csv_dir / f"{registers[EN].stem}-{rr.CHANGES_SHEET}.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert [(r[0], r[1], r[3]) for r in rows[1:]] == expected_changes(plant.progress())
