"""The licensed-text panel of the walkthrough and File > Licensed standard text (SPEC 12.6).

The texts are invented, never IEC wording. Text from the user's file is data: markup in it is
shown as written.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from ot62443_desktop import licensed_text
from ot62443_desktop.licensed_text import LicensedTextError, Problem, Refusal, Skipped
from ot62443_desktop.ui.actions import Act
from ot62443_desktop.ui.licensed_panel import MAX_LINES, LicensedTextPanel
from ot62443_desktop.ui.licensed_text_dialog import LicensedTextDialog
from ot62443_desktop.ui.main_window import MainWindow
from tests.test_cli import run
from tests.test_licensed_text import WATER
from tests.ui.boxes import Boxes, Button
from tests.ui.conftest import when_dialog_opens
from tests.ui.test_french_gui import compiled, french  # noqa: F401 - fixtures

HOSTILE = ('Example text imported by the user. <img src="/dev/zero"><b>not bold</b> **not strong** '
           '<para>not a paragraph</para> [link](file:///etc/passwd) &amp; %1 %2\nSecond line.')


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


def csv_file(tmp_path: Path, rows: dict[str, str], name: str = "mine.csv") -> Path:
    path = tmp_path / name
    quoted = "".join(f'{rid},"{text.replace(chr(34), chr(34) * 2)}"\n' for rid, text in rows.items())
    path.write_text("id,text\n" + quoted, encoding="utf-8")
    return path


def panel(window: MainWindow) -> LicensedTextPanel:
    assert window.view is not None
    return window.view.walkthrough.page.licensed


def test_the_panel_shows_the_users_text_as_written_and_only_where_there_is_one(
        tmp_path: Path, window: MainWindow, zone_project: Path) -> None:
    licensed_text.import_file(csv_file(tmp_path, {"SR 1.1": HOSTILE}))
    assert window.open_path(str(zone_project))
    window.show_tab(1)
    walkthrough = window.view.walkthrough  # type: ignore[union-attr]
    assert walkthrough.select("Z1", "SR 1.1")
    shown = panel(window)
    assert shown.isVisible() and shown.title.text() == "Standard text (your licensed copy)"
    assert shown.text.toPlainText() == HOSTILE  # every character, nothing taken as markup
    assert "mine.csv" in shown.source.text() and "never written into the project" in shown.source.text()
    assert shown.title.textFormat() == shown.source.textFormat() == Qt.TextFormat.PlainText
    walkthrough.tree.setFocus()
    window.action(Act.NEXT).trigger()
    assert walkthrough.page.requirement.id == "SR 1.1 RE 1"  # type: ignore[union-attr]
    assert not shown.isVisible()
    window.action(Act.PREVIOUS).trigger()
    assert shown.isVisible() and shown.text.toPlainText() == HOSTILE


def test_the_store_is_read_once_not_per_requirement(
        tmp_path: Path, window: MainWindow, zone_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    licensed_text.import_file(csv_file(tmp_path, {"SR 1.1": "Example one.", "SR 1.2": "Example two."}))
    reads: list[Path | None] = []
    real_load = licensed_text.load
    monkeypatch.setattr(licensed_text, "load", lambda path=None: reads.append(path) or real_load(path))
    assert window.open_path(str(zone_project))
    window.show_tab(1)
    walkthrough = window.view.walkthrough  # type: ignore[union-attr]
    assert walkthrough.select("Z1", "SR 1.1")
    walkthrough.tree.setFocus()
    seen = []
    for _ in range(12):
        window.action(Act.NEXT).trigger()
        seen.append(panel(window).isVisible())
    assert len(reads) <= 1 and seen.count(True) == 1  # SR 1.2 on the way, and one read at most


def test_import_from_the_file_menu_shows_at_once_and_remove_hides(
        qtbot: QtBot, tmp_path: Path, window: MainWindow, zone_project: Path, boxes: Boxes) -> None:
    assert window.open_path(str(zone_project))
    window.show_tab(1)
    assert window.view.walkthrough.select("Z1", "SR 1.1")  # type: ignore[union-attr]
    assert not panel(window).isVisible()
    source = csv_file(tmp_path, {"SR 1.1": "Example text from the menu.", "SR 9.9": "Not a requirement."})
    statuses: list[str] = []

    def import_it(dialog: QDialog) -> None:
        assert isinstance(dialog, LicensedTextDialog)
        dialog.ask_file = lambda: str(source)  # type: ignore[method-assign]
        dialog.import_button.click()
        statuses.append(dialog.status.text())
        dialog.reject()

    when_dialog_opens(import_it)
    window.action(Act.LICENSED_TEXT).trigger()
    report = boxes.last()
    assert report.title == "Licensed text imported" and report.plain
    assert "The licensed text of 1 requirement(s) was imported." in report.text
    assert "1 row(s) could not be imported:\nrow 3: SR 9.9 is not a requirement" in report.text
    assert statuses == ["You have the licensed text of 1 requirement(s), imported from mine.csv on "
                        f"{licensed_text.load().imported_at.replace('T', ' ')}."]
    assert panel(window).isVisible() and panel(window).text.toPlainText() == "Example text from the menu."

    def remove_it(dialog: QDialog) -> None:
        assert isinstance(dialog, LicensedTextDialog)
        boxes.answers.append(Button.Yes)
        dialog.remove_button.click()
        statuses.append(dialog.status.text())
        dialog.reject()

    when_dialog_opens(remove_it)
    window.action(Act.LICENSED_TEXT).trigger()
    assert boxes.last().title == "Remove licensed text?"
    assert statuses[-1] == "No licensed text is imported."
    assert not licensed_text.store_path().exists() and not panel(window).isVisible()


def test_a_refused_file_is_said_and_the_text_kept(qtbot: QtBot, tmp_path: Path, window: MainWindow,
                                                  boxes: Boxes) -> None:
    licensed_text.import_file(csv_file(tmp_path, {"SR 1.1": "Kept."}, "before.csv"))
    dialog = LicensedTextDialog(parent=window)
    bad = tmp_path / "excel.csv"
    bad.write_bytes("id;text\nSR 1.2;Exigée\n".encode("cp1252"))
    assert not dialog.import_path(bad)
    assert boxes.last().title == "Licensed text refused" and boxes.last().plain
    assert boxes.last().text == f"{bad}: not UTF-8 text (byte 19); save it as \"CSV UTF-8\" and import that; " \
                                "nothing was imported"
    nothing = csv_file(tmp_path, {"SR 9.9": "x", "SR 1.2": ""}, "nothing.csv")
    assert not dialog.import_path(nothing)
    assert "no row could be imported" in boxes.last().text and "row 2: SR 9.9" in boxes.last().text
    assert "row 3: no text for SR 1.2" in boxes.last().details
    assert licensed_text.load().texts == {"SR 1.1": "Kept."}


def test_reimport_asks_before_replacing(qtbot: QtBot, tmp_path: Path, window: MainWindow, boxes: Boxes) -> None:
    licensed_text.import_file(csv_file(tmp_path, {"SR 1.1": "Old."}, "old.csv"))
    dialog = LicensedTextDialog(parent=window)
    new = csv_file(tmp_path, {"SR 1.2": "New."}, "new.csv")
    boxes.answers.append(Button.No)
    assert not dialog.import_path(new)
    assert boxes.last().title == "Replace licensed text?" and "1 requirement(s) imported from old.csv" in boxes.last()
    assert licensed_text.load().texts == {"SR 1.1": "Old."}
    boxes.answers.append(Button.Yes)
    assert dialog.import_path(new) and licensed_text.load().texts == {"SR 1.2": "New."}


def test_a_damaged_store_is_said_in_the_panel_and_the_dialog(tmp_path: Path, window: MainWindow,
                                                             zone_project: Path) -> None:
    licensed_text.store_path().parent.mkdir(parents=True, exist_ok=True)
    licensed_text.store_path().write_text("{damaged", encoding="utf-8")
    assert window.open_path(str(zone_project))
    window.show_tab(1)
    assert window.view.walkthrough.select("Z1", "SR 1.1")  # type: ignore[union-attr]
    assert panel(window).isVisible() and not panel(window).text.isVisible()
    assert "cannot be read" in panel(window).source.text()
    dialog = LicensedTextDialog(parent=window)
    assert "your licensed text cannot be read (not the JSON this program writes)" in dialog.status.text()
    assert dialog.remove_button.isEnabled()


REFUSALS = [LicensedTextError(refusal, "/x/mine.csv", number=7, detail="SR 1.1",
                              duplicates=(("SR 1.1", (2, 5)), ("SR 2.1", (3, 4))))
            for refusal in Refusal]


@pytest.mark.parametrize("error", REFUSALS, ids=[e.refusal.value for e in REFUSALS])
def test_the_gui_says_each_refusal_as_the_command_does(qtbot: QtBot, error: LicensedTextError) -> None:
    """In English the GUI's words are the command's: one wording, said in two places."""
    dialog = LicensedTextDialog()
    qtbot.addWidget(dialog)
    assert dialog.refusal_text(error) == str(error)


@pytest.mark.parametrize("problem", list(Problem))
def test_the_gui_says_each_skipped_row_as_the_command_does(qtbot: QtBot, problem: Problem) -> None:
    dialog = LicensedTextDialog()
    qtbot.addWidget(dialog)
    skipped = Skipped(12, problem, "SR 1.1")
    assert dialog.problem_text(skipped) == licensed_text.problem_text(skipped)


@pytest.mark.usefixtures("french")  # installed before the window is made, as at start-up
def test_in_french(qtbot: QtBot, tmp_path: Path, window: MainWindow, zone_project: Path, boxes: Boxes) -> None:
    licensed_text.import_file(csv_file(tmp_path, {"SR 1.1": "Texte d'exemple importé par l'utilisateur."}))
    assert window.open_path(str(zone_project))
    window.show_tab(1)
    assert window.view.walkthrough.select("Z1", "SR 1.1")  # type: ignore[union-attr]
    assert panel(window).title.text() == "Texte de la norme (votre exemplaire sous licence)"
    assert panel(window).source.text().startswith("Importé par vous de mine.csv.")
    assert window.action(Act.LICENSED_TEXT).text() == "Te&xte de la norme sous licence…"
    dialog = LicensedTextDialog(parent=window)
    assert dialog.status.text().startswith("Vous avez le texte sous licence de 1 exigence, importé de mine.csv le ")
    assert not dialog.import_path(csv_file(tmp_path, {"SR 9.9": "x"}, "autre.csv"))
    assert "aucune ligne n'a pu être importée" in boxes.last().text
    assert "ligne 2\u00a0: SR 9.9 n'est pas une exigence des catalogues intégrés" in boxes.last().text


def test_the_panel_is_as_tall_as_a_short_text_and_a_long_one_scrolls(
        qtbot: QtBot, tmp_path: Path, window: MainWindow, zone_project: Path) -> None:
    long_text = " ".join(f"Example sentence {n} of a long imported text." for n in range(400))
    licensed_text.import_file(csv_file(tmp_path, {"SR 1.1": "Short example.", "SR 1.2": long_text,
                                                  "SR 1.3": "x" * 5000}))  # one run with nowhere to break
    assert window.open_path(str(zone_project))
    window.show_tab(1)
    walkthrough = window.view.walkthrough  # type: ignore[union-attr]
    shown = panel(window)
    line = shown.text.fontMetrics().lineSpacing()
    assert walkthrough.select("Z1", "SR 1.1")
    qtbot.waitUntil(lambda: shown.text.verticalScrollBar().maximum() == 0)  # all of it in view
    short = shown.text.height()
    assert short < 3 * line
    for rid in ("SR 1.2", "SR 1.3"):
        assert walkthrough.select("Z1", rid)
        qtbot.waitUntil(lambda: shown.text.verticalScrollBar().maximum() > 0)  # the rest by scrolling
        assert MAX_LINES * line <= shown.text.height() < (MAX_LINES + 2) * line
    assert shown.height() < walkthrough.page.height() * 2 // 3  # our summary keeps room below it


def test_an_import_from_the_command_line_shows_in_an_open_window(
        qtbot: QtBot, tmp_path: Path, window: MainWindow, zone_project: Path) -> None:
    licensed_text.import_file(csv_file(tmp_path, {"SR 1.1": "Before."}, "before.csv"))
    assert window.open_path(str(zone_project))
    window.show_tab(1)
    walkthrough = window.view.walkthrough  # type: ignore[union-attr]
    assert walkthrough.select("Z1", "SR 1.1") and panel(window).text.toPlainText() == "Before."
    licensed_text.import_file(csv_file(tmp_path, {"SR 1.1": "After, from the command line."}, "after.csv"))
    assert walkthrough.select("Z1", "SR 1.2") and walkthrough.select("Z1", "SR 1.1")
    assert panel(window).text.toPlainText() == "After, from the command line."


def test_the_panel_shows_for_a_requirement_of_an_imported_catalogue(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, window: MainWindow, zone_project: Path) -> None:
    catalogue = tmp_path / "water.toml"
    catalogue.write_text(WATER, encoding="utf-8")
    for argv in (["catalog", "import", str(catalogue)], ["catalog", "use", str(zone_project), "water-utility"]):
        assert run(capsys, *argv)[0] == 0
    licensed_text.import_file(csv_file(tmp_path, {"WU 1": "Example for the imported catalogue."}))
    assert window.open_path(str(zone_project))
    window.show_tab(1)
    assert window.view.walkthrough.select("Z1", "WU 1")  # type: ignore[union-attr]
    assert panel(window).isVisible() and panel(window).text.toPlainText() == "Example for the imported catalogue."
