"""The import report in the reader's language: a French GUI reads what an edited register changes and why
rows are refused in French, whatever the register's own language, while the CLI and the api stay English.

The columns and choices a refusal names are those of the register (what the person sees in the
workbook); the sentences around them, the change descriptions and the totals are the reader's.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

import ot62443_desktop.exports.register_import as register_import
from ot62443_desktop.api import Project, open_project
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import Priority, RemediationItem
from ot62443_desktop.exports import register_rows as rr
from ot62443_desktop.exports.french import FRENCH
from ot62443_desktop.exports.progress import ExportError
from ot62443_desktop.exports.register_import import ImportReport
from ot62443_desktop.exports.xlsx_register import write_register
from tests.exports.test_register_identity import twin
from tests.exports.test_register_import import BAD_ROWS, Register, export
from tests.exports.test_wording import marked_texts

FR = Language.FR


def english_sentences() -> set[str]:
    """The English words of every text the import report is built from (placeholders left out), except
    those its French shares ("action ->"): none of them may be left in a French report."""
    found = set()
    for _line, text in marked_texts(Path(register_import.__file__)):
        for literal, *_ in string.Formatter().parse(text):
            words = literal.strip(" :;,.()-'>")
            if re.search(r"[a-z]{2}", words) and words not in FRENCH[text]:
                found.add(words)
    return found


def english_left(text: str) -> list[str]:
    """Our English sentences (not the quoted values, which are the person's) found in `text`."""
    ours = re.sub(r"'[^'\n]*'", "''", text)
    return sorted(words for words in english_sentences() if re.search(rf"(?<!\w){re.escape(words)}(?!\w)", ours))


def french_report(project: Project, path: Path) -> ImportReport:
    return project.import_register(path, dry_run=True, language=FR)


def test_the_report_texts_are_all_checked() -> None:
    assert {"refused", "row(s) changed", "the same key is in rows", "is not a date (use a date cell or",
            "due date follows the priority"} <= english_sentences()


@pytest.mark.parametrize(("case", "edit", "message"), BAD_ROWS, ids=[case for case, _, _ in BAD_ROWS])
def test_each_refusal_reads_in_french(plant: Project, tmp_path: Path, case: str,
                                      edit: Callable[[Register, Path], None], message: str) -> None:
    register = Register(export(plant, tmp_path / "register.xlsx"))
    edit(register, tmp_path)
    report = french_report(plant, register.save())
    (refusal,) = report.refused
    assert english_left(refusal.reason) == [] and english_left(str(refusal)) == []
    assert str(refusal).startswith(f"Feuille 'Gap register', ligne {refusal.row}")
    assert english_left(str(report).replace(str(report.source), "")) == []


def test_a_refusal_names_the_registers_columns_and_choices_in_a_french_sentence(plant: Project,
                                                                                tmp_path: Path) -> None:
    register = Register(export(plant, tmp_path / "register.xlsx"))  # an English register, a French reader
    row = register.set("Z1", "SR 1.1", due="31/02/2027", state="Closed", owner="=1+1")
    reasons = [r.reason for r in french_report(plant, register.save()).refused]
    assert reasons == [
        "Owner\u00a0: une formule (=1+1) n'est pas acceptée\u00a0; saisissez la valeur elle-même (commencez le "
        "texte par une apostrophe s'il débute par =, + ou -)",
        "Due date\u00a0: '31/02/2027' n'est pas une date (utilisez une cellule de date ou YYYY-MM-DD)",
        "State\u00a0: 'Closed' ne fait pas partie des valeurs Open, In progress, Done, Risk accepted",
    ]
    assert row >= 2


def test_the_changes_and_totals_read_in_french(plant: Project, tmp_path: Path) -> None:
    plant.store.set_remediation(RemediationItem("Z1", "SR 1.4", action="Custom", priority=Priority.P4,
                                                due_date=date(2030, 1, 1)))
    register = Register(export(plant, tmp_path / "register.xlsx"))
    register.set("Z1", "SR 1.1", owner="Jeanne Dupont", due=datetime(2026, 12, 31), state="In progress",
                 effort="L", finding="Réseau à plat")
    register.set("Z1", "SR 1.3", priority="P4")
    register.set("Z1", "SR 1.4", action=None, priority=None, due=None)
    register.set("Z1", "SR 1.5", action="Poser un pare-feu", state="Risk accepted", justification="Remplacé en 2028")
    report = french_report(plant, register.save())
    changes = {(c.scope_id, c.requirement_id): c.changes for c in report.changed}
    assert changes[("Z1", "SR 1.1")][:3] == ("responsable '' -> 'Jeanne Dupont'", "charge (aucune) -> L",
                                             "état Ouvert -> En cours")
    assert any(c.startswith("l'échéance suit la priorité\u00a0: ") for c in changes[("Z1", "SR 1.3")])
    assert "action remise à la recommandation du catalogue" in changes[("Z1", "SR 1.4")]
    assert "échéance remise à celle par défaut de sa priorité" in changes[("Z1", "SR 1.4")]
    assert "motif '' -> 'Remplacé en 2028'" in changes[("Z1", "SR 1.5")]
    text = str(report)
    assert text.splitlines()[-1] == ("Lignes modifiées\u00a0: 4, refusées\u00a0: 0, inchangées\u00a0: 7 "
                                     "(simulation\u00a0: rien n'a été modifié)")
    assert english_left(text.replace(str(report.source), "")) == []


def test_a_due_date_in_a_french_report_is_written_the_french_way(plant: Project, tmp_path: Path) -> None:
    register = Register(export(plant, tmp_path / "register.xlsx"))
    register.set("Z1", "SR 1.1", due=datetime(2026, 12, 31))
    (change,) = french_report(plant, register.save()).changed
    assert change.changes[0].startswith("échéance ") and change.changes[0].endswith(" -> 31/12/2026")


def test_the_notes_read_in_french(plant: Project, tmp_path: Path) -> None:
    register = Register(export(plant, tmp_path / "register.xlsx"))
    register.delete_column(rr.FINDING)
    register.ws.delete_rows(register.row("Z2", "SR 1.1"))
    edited = register.save()
    plant.set_answer("Z2", "SR 2.2", "not_implemented")  # a gap found after the export
    report = french_report(plant, edited)
    assert report.notes == [
        "la colonne 'Finding' est absente, ses valeurs n'ont donc pas été importées",
        "écarts du registre qui ne sont plus dans le classeur (lignes supprimées\u00a0?)\u00a0: 1\u00a0; ils sont "
        "restés tels quels",
        "écarts relevés après l'export de ce registre\u00a0: 1\u00a0; exportez-le de nouveau pour les planifier",
    ]
    assert english_left(str(report).replace(str(report.source), "")) == []


def test_a_french_register_in_a_french_report_is_french_throughout(plant: Project, tmp_path: Path) -> None:
    path = tmp_path / "registre.xlsx"
    write_register(plant.store.snapshot(), plant.catalogues, path, language=FR)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[1]
    column = {cell.value: cell.column for cell in ws[1]}
    ws.cell(2, column[FRENCH[rr.OWNER]]).value = "=1+1"
    ws.cell(3, column[FRENCH[rr.STATE]]).value = "Fermé"
    ws.cell(4, column[FRENCH[rr.OWNER]]).value = "Responsable OT"
    wb.save(path)
    text = str(french_report(plant, path))
    assert "Responsable\u00a0: une formule (=1+1)" in text
    assert "État\u00a0: 'Fermé' ne fait pas partie des valeurs Ouvert, En cours, Terminé, Risque accepté" in text
    assert "responsable '' -> 'Responsable OT'" in text
    assert english_left(text.replace(str(path), "")) == []


def test_another_projects_register_is_refused_in_french(plant: Project, tmp_path: Path) -> None:
    with open_project(twin(tmp_path, plant)) as other:
        path = export(other, tmp_path / "twin.xlsx")
    with pytest.raises(ExportError) as error:
        french_report(plant, path)
    assert re.fullmatch(rf"{re.escape(str(path))}\u00a0: ce registre appartient au projet 'ACME Water / North "
                        r"works' \(id [0-9a-f]{8}…\), pas à 'ACME Water / North works' \(id [0-9a-f]{8}…\)\u00a0; "
                        r"rien n'a été importé", str(error.value))


def test_the_api_and_the_cli_report_in_english(plant: Project, tmp_path: Path) -> None:
    register = Register(export(plant, tmp_path / "register.xlsx"))
    register.set("Z1", "SR 1.1", owner="=1+1")
    report = plant.import_register(register.save(), dry_run=True)
    assert str(report).splitlines()[-1] == "0 row(s) changed, 1 refused, 10 unchanged (dry run: nothing was changed)"
    assert report.refused[0].reason.startswith("Owner: a formula (=1+1) is not accepted")
