"""What a bilingual team does that the French documents must survive: a project made in one language and
reported in the other, a long list of assessors, and a French register edited on any keyboard."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader

from ot62443_desktop.api import Project
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import ItemState
from ot62443_desktop.exports import register_rows as rr
from ot62443_desktop.exports.french import FRENCH
from ot62443_desktop.exports.pdf import write_plan
from ot62443_desktop.exports.wording import translator
from ot62443_desktop.exports.xlsx_register import KEYS_SHEET, write_register

FR, EN = Language.FR, Language.EN


def plan_text(project: Project, path: Path, language: Language) -> str:
    write_plan(project.store.snapshot(), project.catalogues, path, language=language)
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def register_texts(project: Project, path: Path, language: Language) -> tuple[str, set[str]]:
    """The summary sheet's printed header and every text cell of it."""
    write_register(project.store.snapshot(), project.catalogues, path, language=language)
    ws = openpyxl.load_workbook(path).worksheets[0]
    return ws.oddHeader.center.text or "", {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}


def set_info(project: Project, **changes: Any) -> None:
    project.store.set_info(dataclasses.replace(project.store.info, **changes))


@pytest.mark.parametrize(("stored", "language", "shown", "not_shown"), [
    ("Confidential", FR, "Confidentiel", "Confidential"),  # a project made by the CLI or an English GUI
    ("Confidentiel", EN, "Confidential", "Confidentiel"),  # a project made in a French GUI
    ("", FR, "Confidentiel", "Confidential"),
])
def test_the_default_classification_is_written_in_the_documents_language(
        plant: Project, tmp_path: Path, stored: str, language: Language, shown: str, not_shown: str) -> None:
    set_info(plant, confidentiality=stored)
    words = set(re.findall(r"\w+", plan_text(plant, tmp_path / "plan.pdf", language)))
    assert shown in words and not_shown not in words  # "Confidentialité" is another word
    header, cells = register_texts(plant, tmp_path / "register.xlsx", language)
    assert header == shown and shown in cells and not_shown not in cells


def test_a_classification_of_the_persons_own_is_printed_as_typed(plant: Project, tmp_path: Path) -> None:
    set_info(plant, confidentiality="Diffusion restreinte <RWA>")
    for language in Language:
        assert "Diffusion restreinte <RWA>" in plan_text(plant, tmp_path / f"plan-{language}.pdf", language)
        header, cells = register_texts(plant, tmp_path / f"register-{language}.xlsx", language)
        assert "Diffusion restreinte <RWA>" in cells and "Confidentiel" not in cells


def test_a_long_list_of_assessors_is_cut_short_in_the_documents_language(plant: Project, tmp_path: Path) -> None:
    set_info(plant, assessors=tuple(f"Évaluateur {n}" for n in range(1, 36)))
    french = plan_text(plant, tmp_path / "plan.pdf", FR)
    assert "Évaluateur 30 et 5 autres" in french and "others" not in french
    assert "Évaluateur 30 and 5 others" in plan_text(plant, tmp_path / "plan-en.pdf", EN)
    set_info(plant, assessors=tuple(f"Évaluateur {n}" for n in range(1, 32)))
    assert "Évaluateur 30 et 1 autre" in plan_text(plant, tmp_path / "plan.pdf", FR)


# --- a French register edited by hand ---------------------------------------------------------------


def export_in(project: Project, tmp_path: Path, language: Language) -> Path:
    path = tmp_path / f"register-{language}.xlsx"
    write_register(project.store.snapshot(), project.catalogues, path, language=language)
    return path


def register_sheet(wb: Any) -> Any:
    return wb[dict(wb[KEYS_SHEET].iter_rows(values_only=True, max_col=2))["register sheet"]]


def edited_state(project: Project, tmp_path: Path, state: str, reason: str = "Remplacement prévu en 2028") -> Path:
    """A French register with `state` typed into the first row's État (and a reason, for Risque accepté)."""
    path = export_in(project, tmp_path, FR)
    wb = openpyxl.load_workbook(path)
    ws = register_sheet(wb)
    column = {cell.value: cell.column for cell in ws[1]}
    ws.cell(2, column[FRENCH[rr.STATE]]).value = state
    ws.cell(2, column[FRENCH[rr.JUSTIFICATION]]).value = reason
    wb.save(path)
    return path


@pytest.mark.parametrize(("typed", "state"), [
    ("Termine", ItemState.DONE),  # a keyboard without accents
    (unicodedata.normalize("NFD", "Terminé"), ItemState.DONE),  # é as e + combining accent (macOS pastes)
    ("Risque\u00a0accepté", ItemState.RISK_ACCEPTED),  # a non-breaking space, as French autocorrect types
    ("risque  accepte", ItemState.RISK_ACCEPTED),
    ("EN\u202fCOURS", ItemState.IN_PROGRESS),
])
def test_a_state_typed_by_hand_is_understood(plant: Project, tmp_path: Path, typed: str, state: ItemState) -> None:
    report = plant.import_register(edited_state(plant, tmp_path, typed), dry_run=True)
    assert report.ok, report
    assert [change.item_after.state for change in report.changed if change.item_after] == [state]


def test_a_refused_cell_of_a_french_register_is_named_as_the_register_shows_it(
        plant: Project, tmp_path: Path) -> None:
    report = plant.import_register(edited_state(plant, tmp_path, "Terminée"), dry_run=True)
    assert len(report.refused) == 1
    reason = report.refused[0].reason
    assert reason == "État: 'Terminée' is not one of Ouvert, En cours, Terminé, Risque accepté", reason
    report = plant.import_register(edited_state(plant, tmp_path, "risque accepte", reason=""), dry_run=True)
    assert [r.reason for r in report.refused] == [
        "État: 'Risque accepté' needs a justification; fill in the Motif column"]


def edited_due(project: Project, tmp_path: Path, language: Language, typed: str) -> Path:
    """A register with `typed` as text in the first row's due date (a spreadsheet of another locale keeps
    "20/02/2027" as text: to it, 20 is no month)."""
    path = export_in(project, tmp_path, language)
    wb = openpyxl.load_workbook(path)
    ws = register_sheet(wb)
    cell = ws.cell(2, next(c.column for c in ws[1] if c.value == translator(language)(rr.DUE_DATE)))
    cell.value, cell.number_format = typed, "@"
    wb.save(path)
    return path


def test_a_due_date_typed_as_the_french_register_shows_it_is_read(plant: Project, tmp_path: Path) -> None:
    report = plant.import_register(edited_due(plant, tmp_path, FR, "20/02/2027"), dry_run=True)
    assert report.ok, report
    assert [change.item_after.due_date for change in report.changed if change.item_after] == [date(2027, 2, 20)]
    report = plant.import_register(edited_due(plant, tmp_path, FR, "31/02/2027"), dry_run=True)
    assert [r.reason for r in report.refused] == [
        "Échéance: '31/02/2027' is not a date (use a date cell or DD/MM/YYYY or YYYY-MM-DD)"]
    # an English register shows ISO dates, and 03/04/2027 could be either day first or month first
    report = plant.import_register(edited_due(plant, tmp_path, EN, "20/02/2027"), dry_run=True)
    assert [r.reason for r in report.refused] == [
        "Due date: '20/02/2027' is not a date (use a date cell or YYYY-MM-DD)"]


@pytest.mark.parametrize(("pasted_from", "into"), [(EN, FR), (FR, EN)])
def test_a_row_pasted_from_the_other_languages_register_keeps_the_catalogues_action(
        plant: Project, tmp_path: Path, pasted_from: Language, into: Language) -> None:
    """The catalogue's recommendation in the other language is still the catalogue's, not the assessor's own."""
    source = openpyxl.load_workbook(export_in(plant, tmp_path, pasted_from))
    target = openpyxl.load_workbook(export_in(plant, tmp_path, into))
    source_sheet, target_sheet = register_sheet(source), register_sheet(target)
    for cell in source_sheet[2]:
        target_sheet.cell(2, cell.column).value = cell.value
    owner = next(c.column for c in target_sheet[1] if c.value == translator(into)(rr.OWNER))
    target_sheet.cell(2, owner).value = "Jeanne Tremblay"  # and an owner typed in
    target.save(tmp_path / "pasted.xlsx")
    report = plant.import_register(tmp_path / "pasted.xlsx")
    assert report.ok and len(report.changed) == 1, report
    assert [c for c in report.changed[0].changes if "action" in c] == []
    item = plant.store.remediation(report.changed[0].scope_id, report.changed[0].requirement_id)
    assert item is not None and item.action is None and item.owner == "Jeanne Tremblay"

