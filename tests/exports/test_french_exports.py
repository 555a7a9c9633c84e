"""Both documents in French: every heading, label, date and number; a French register edited
by a French-speaking manager imports back into a project whatever language its GUI speaks."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader

from ot62443_desktop.api import Project, open_project
from ot62443_desktop.demo import write_demo
from ot62443_desktop.domain.catalogue import CatalogueSet
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import ItemState, ProjectData
from ot62443_desktop.exports import register_rows as rr
from ot62443_desktop.exports.french import FRENCH
from ot62443_desktop.exports.pdf import write_plan
from ot62443_desktop.exports.xlsx_register import KEYS_SHEET, write_register

FR = Language.FR


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[ProjectData, CatalogueSet, Path]:
    folder = tmp_path_factory.mktemp("french")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OT62443_DATA_DIR", str(folder / "appdata"))
        write_demo(folder / "demo.ot62443", zones=3, seed=4)
        with open_project(folder / "demo.ot62443", read_only=True) as project:
            return project.store.snapshot(), project.catalogues, folder


@pytest.fixture(scope="module")
def plans(demo: tuple[ProjectData, CatalogueSet, Path]) -> dict[Language, PdfReader]:
    data, catalogues, folder = demo
    readers = {}
    for language in Language:
        path = folder / f"plan-{language.value}.pdf"
        write_plan(data, catalogues, path, language=language)
        readers[language] = PdfReader(path)
    return readers


def text_of(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def titles(reader: PdfReader) -> list[str]:
    found: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append(item.title)
    walk(reader.outline)
    return found


def test_the_french_plan_has_none_of_the_english_headings(plans: dict[Language, PdfReader]) -> None:
    french = text_of(plans[FR])
    # every heading the English plan prints that is ours (not a zone name or a requirement title)
    ours = [t for t in titles(plans[Language.EN]) if t in FRENCH or re.sub(r"^[0-9.]+ |\(\d+\)$", "", t).strip()
            in {re.sub(r"^[0-9.]+ ", "", k) for k in FRENCH}]
    assert len(ours) >= 10
    left = [t for t in ours if t in french]
    assert not left, left
    for heading in ("Synthèse pour la direction", "Feuille de route", "Annexe A", "Contrôle du document"):
        assert heading in french, heading


def test_the_french_plan_writes_dates_and_numbers_the_french_way(
        demo: tuple[ProjectData, CatalogueSet, Path], plans: dict[Language, PdfReader]) -> None:
    french = text_of(plans[FR])
    months = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    assert re.search(rf"\b(1er|\d{{1,2}}) ({months}) 20\d\d\b", french)
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", french.replace("SHA-256", ""))
    assert re.search(r"\b\d,\d\b", french)  # the chart's and the program's means
    assert plans[FR].metadata is not None and "Plan de remédiation" in (plans[FR].metadata.title or "")


def test_the_french_plan_prints_the_french_catalogue(
        demo: tuple[ProjectData, CatalogueSet, Path], plans: dict[Language, PdfReader]) -> None:
    _data, catalogues, _folder = demo
    french, english = text_of(plans[FR]), text_of(plans[Language.EN])
    sr = catalogues.in_language(FR).requirement("SR 1.1")
    assert sr.title in french and catalogues.requirement("SR 1.1").title not in french
    assert "exigence" in french and "écart" in french and "œ" in french
    assert "Identification et authentification" not in english


# --- the register -------------------------------------------------------------------------------

def export(project: Project, path: Path, language: Language) -> Path:
    write_register(project.store.snapshot(), project.catalogues, path, language=language)
    return path


def register_sheet(wb: Any) -> Any:
    return wb[dict(wb[KEYS_SHEET].iter_rows(values_only=True, max_col=2))["register sheet"]]


def test_the_french_register_names_its_sheets_columns_and_choices_in_french(plant: Project, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(export(plant, tmp_path / "registre.xlsx", FR))
    assert wb.sheetnames[:4] == [FRENCH[rr.SUMMARY_SHEET], FRENCH[rr.REGISTER_SHEET], FRENCH[rr.ANSWERS_SHEET],
                                 FRENCH[rr.PROGRAM_SHEET]]
    ws = register_sheet(wb)
    headings = [cell.value for cell in ws[1]]
    assert headings == [FRENCH[c.heading] for c in rr.COLUMNS]
    states = next(dv for dv in ws.data_validations.dataValidation if FRENCH[rr.STATE] == dv.promptTitle)
    assert states.formula1 == '"' + ",".join(FRENCH[label] for label in rr.STATE_VALUES) + '"'
    assert ws.cell(2, headings.index(FRENCH[rr.DUE_DATE]) + 1).number_format == "dd/mm/yyyy"
    assert {"Open", "Done", "Gap register"}.isdisjoint({c.value for row in ws.iter_rows() for c in row})


def edit_french(path: Path) -> Path:
    """What a French-speaking manager does: owner, due date, and a state from the drop-down."""
    wb = openpyxl.load_workbook(path)
    ws = register_sheet(wb)
    column = {cell.value: cell.column for cell in ws[1]}
    row = next(r for r in range(2, ws.max_row + 1)
               if (ws.cell(r, column[FRENCH[rr.SCOPE]]).value, ws.cell(r, column[FRENCH[rr.REQUIREMENT]]).value)
               == ("Z1", "SR 1.1"))
    ws.cell(row, column[FRENCH[rr.OWNER]]).value = "Jeanne Tremblay"
    ws.cell(row, column[FRENCH[rr.DUE_DATE]]).value = datetime(2027, 2, 20)
    ws.cell(row, column[FRENCH[rr.STATE]]).value = FRENCH["Done"]
    out = path.with_name("modifié.xlsx")
    wb.save(out)
    return out


def test_a_french_register_imports_back_with_its_edits_and_nothing_else(plant: Project, tmp_path: Path) -> None:
    edited = edit_french(export(plant, tmp_path / "registre.xlsx", FR))
    report = plant.import_register(edited)  # the project's catalogues are English, as in an English GUI
    assert report.ok, report
    assert [(c.scope_id, c.requirement_id) for c in report.changed] == [("Z1", "SR 1.1")]
    item = plant.store.remediation("Z1", "SR 1.1")
    assert item is not None and (item.owner, item.due_date, item.state, item.action) == (
        "Jeanne Tremblay", date(2027, 2, 20), ItemState.DONE, None)  # the French default action is not an edit


def test_a_state_in_either_language_is_understood(plant: Project, tmp_path: Path) -> None:
    path = export(plant, tmp_path / "register.xlsx", Language.EN)
    wb = openpyxl.load_workbook(path)
    ws = register_sheet(wb)
    column = {cell.value: cell.column for cell in ws[1]}
    ws.cell(2, column[rr.STATE]).value = FRENCH["Risk accepted"].upper()
    ws.cell(2, column[rr.JUSTIFICATION]).value = "Arrêt prévu en 2028"
    wb.save(path)
    report = plant.import_register(path)
    assert report.ok and [c.item_after.state for c in report.changed if c.item_after] == [ItemState.RISK_ACCEPTED]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_french_register_saved_by_libreoffice_imports_back(plant: Project, tmp_path: Path) -> None:
    edited = edit_french(export(plant, tmp_path / "registre.xlsx", FR))
    outdir = tmp_path / "lo"
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless", "--convert-to",
         "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), str(edited)],
        capture_output=True, text=True, timeout=180, check=False,
    )
    assert result.returncode == 0, result.stderr
    report = plant.import_register(outdir / edited.name)
    assert report.ok and [(c.scope_id, c.requirement_id) for c in report.changed] == [("Z1", "SR 1.1")]
    item = plant.store.remediation("Z1", "SR 1.1")
    assert item is not None and (item.owner, item.state) == ("Jeanne Tremblay", ItemState.DONE)


def test_a_register_naming_an_unknown_language_is_refused(plant: Project, tmp_path: Path) -> None:
    path = export(plant, tmp_path / "register.xlsx", FR)
    wb = openpyxl.load_workbook(path)
    keys = wb[KEYS_SHEET]
    for row in keys.iter_rows(max_col=2):
        if row[0].value == "language":
            row[1].value = "xx"
    wb.save(path)
    before = plant.store.snapshot()
    with pytest.raises(Exception, match="unknown language 'xx'"):
        plant.import_register(path)
    assert plant.store.snapshot() == before

