"""File > Import edited register in a French GUI: the report of what would change and what is refused is
French (the register's columns named as the workbook names them), and the English GUI's stays English."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from ot62443_desktop.exports import register_rows as rr
from ot62443_desktop.exports.french import FRENCH
from ot62443_desktop.ui.actions import Act
from ot62443_desktop.ui.main_window import MainWindow
from tests.exports.test_french_edge_cases import register_sheet
from tests.exports.test_register_report_language import english_left
from tests.ui import test_french_gui
from tests.ui.boxes import Boxes
from tests.ui.conftest import demo_with_register

compiled, french, french_window = test_french_gui.compiled, test_french_gui.french, test_french_gui.french_window


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


def edit_register(xlsx: Path, owners: dict[int, str], heading: str) -> None:
    wb = openpyxl.load_workbook(xlsx)
    ws = register_sheet(wb)
    column = [cell.value for cell in ws[1]].index(heading) + 1
    for row, owner in owners.items():
        ws.cell(row, column).value = owner
    wb.save(xlsx)


def checked_report(window: MainWindow, xlsx: Path) -> str:
    """What the confirmation before applying says (the import is then not applied)."""
    shown: list[str] = []
    window.transfer.ask_open = lambda *a: str(xlsx)  # type: ignore[method-assign]
    window.transfer.confirm = lambda title, text: shown.append(text) and False  # type: ignore[method-assign]
    window.action(Act.IMPORT_REGISTER).trigger()
    assert len(shown) == 1
    return shown[0]


def test_a_french_gui_reads_the_changes_and_refusals_in_french(french_window: MainWindow, tmp_path: Path) -> None:
    xlsx = demo_with_register(french_window, tmp_path)  # in French: the demo names no report language
    edit_register(xlsx, {2: "Chef de quart", 3: "=1+1"}, FRENCH[rr.OWNER])
    text = checked_report(french_window, xlsx)
    assert "-> 'Chef de quart'" in text and "Responsable\u00a0: une formule (=1+1) n'est pas acceptée" in text
    assert text.splitlines()[-1].startswith("Lignes modifiées\u00a0: 1, refusées\u00a0: 1, inchangées\u00a0: ")
    assert english_left(text.replace(str(xlsx), "")) == []
    assert french_window.session is not None and not french_window.session.undo_stack.count()


def test_a_french_gui_is_told_in_french_that_the_register_is_another_projects(
        french_window: MainWindow, tmp_path: Path, boxes: Boxes) -> None:
    (tmp_path / "other").mkdir()
    xlsx = demo_with_register(french_window, tmp_path / "other")  # another demo: another project id
    demo_with_register(french_window, tmp_path)
    french_window.transfer.ask_open = lambda *a: str(xlsx)  # type: ignore[method-assign]
    french_window.action(Act.IMPORT_REGISTER).trigger()
    assert "ce registre appartient au projet" in boxes.last() and "rien n'a été importé" in boxes.last()


def test_an_english_gui_reads_the_report_in_english(window: MainWindow, tmp_path: Path) -> None:
    xlsx = demo_with_register(window, tmp_path)
    edit_register(xlsx, {2: "Shift supervisor", 3: "=1+1"}, rr.OWNER)
    text = checked_report(window, xlsx)
    assert "-> 'Shift supervisor'" in text and "Owner: a formula (=1+1) is not accepted" in text
    assert text.splitlines()[-1].startswith("1 row(s) changed, 1 refused, ")
