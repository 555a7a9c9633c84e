"""An imported catalogue in the GUI: ticked in Project details, it joins the walkthrough, the dashboard's
figures and the exports; unticked (or undone) it leaves them, its answers kept; a project naming one this
computer lacks opens with a warning, and importing it brings it back into the open project."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from ot62443_desktop import user_catalogues
from ot62443_desktop.api import open_project
from ot62443_desktop.domain.model import Status
from ot62443_desktop.ui.actions import Act
from ot62443_desktop.ui.import_catalogue import CatalogueLibrary
from ot62443_desktop.ui.main_window import MainWindow
from ot62443_desktop.ui.navigator_model import NodeKind
from ot62443_desktop.ui.project_dialog import ProjectDialog
from tests.test_user_catalogues import WATER
from tests.ui.boxes import Boxes
from tests.ui.conftest import when_dialog_opens
from tests.ui.test_zones_and_details import press_ok


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


@pytest.fixture
def water_file(tmp_path: Path) -> Path:
    source = tmp_path / "water.toml"
    source.write_text(WATER, encoding="utf-8")
    return source


@pytest.fixture
def water(water_file: Path) -> Path:
    return user_catalogues.keep(*user_catalogues.check(water_file))


def sections(window: MainWindow, scope_id: str) -> list[str]:
    model = window.view.walkthrough.model  # type: ignore[union-attr]
    scope = next(n for n in model.root.children if n.scope_id == scope_id)
    return [n.label for n in scope.children if n.kind is NodeKind.SECTION]


def tick(qtbot: QtBot, window: MainWindow, title: str) -> None:
    """Project details > Catalogues: move to the catalogue, Space ticks its box, then OK."""
    def details(dialog: QDialog) -> None:
        assert isinstance(dialog, ProjectDialog)
        listed = dialog.catalogues
        listed.setFocus()
        listed.setCurrentRow(next(r for r in range(listed.count()) if listed.item(r).text().startswith(title)))
        qtbot.keyClick(listed, Qt.Key.Key_Space)
        press_ok(qtbot, dialog)

    when_dialog_opens(details)
    window.edit_project()
    window.activateWindow()  # keys reach the walkthrough in the active window, as after any dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_ticking_a_catalogue_in_project_details_brings_its_requirements_into_the_walkthrough(
        qtbot: QtBot, window: MainWindow, zone_project: Path, water: Path) -> None:
    assert window.open_path(str(zone_project))
    window.show_tab(1)
    assert not any("Water utility" in label for label in sections(window, "Z1"))
    tick(qtbot, window, "Water utility checks 2025")
    store = window.session.store  # type: ignore[union-attr]
    assert store.info.catalogues == ("water-utility",)
    assert "Water utility checks 2025 · FR 1 IAC  Identification and authentication control" in sections(window,
                                                                                                          "Z1")
    w = window.view.walkthrough  # type: ignore[union-attr]
    assert w.select("Z1", "WU 1.1")
    w.tree.setFocus()
    qtbot.keyClick(w.tree, Qt.Key.Key_4)  # not implemented: a gap, with the catalogue's own remediation
    assert store.answer("Z1", "WU 1.1").status is Status.NOT_IMPLEMENTED  # type: ignore[union-attr]
    assert w.page.action.value() == "Give every operator a personal account on the pump-station HMI."
    gaps = [g.requirement.id for g in window.session.gaps()]  # type: ignore[union-attr]
    assert "WU 1.1" in gaps

    window.session.undo_stack.undo()  # type: ignore[union-attr]  # the answer
    window.session.undo_stack.undo()  # type: ignore[union-attr]  # the details: the catalogue is no longer used
    assert store.info.catalogues == () and not any("Water utility" in s for s in sections(window, "Z1"))
    assert w.current_key() is None and w.stack.currentWidget() is w.placeholder  # not a page of a dropped one
    window.session.undo_stack.redo()  # type: ignore[union-attr]
    assert w.select("Z1", "WU 1.1")


def test_a_project_naming_a_catalogue_not_imported_here_opens_with_a_warning_and_gets_it_back_on_import(
        qtbot: QtBot, window: MainWindow, zone_project: Path, water: Path, water_file: Path,
        boxes: Boxes) -> None:
    with open_project(zone_project) as project:
        project.use_catalogue("water-utility")
        project.set_answer("Z1", "WU 1.1", "partial", notes="two of five stations")
    water.unlink()
    raw = zone_project.read_bytes()

    assert window.open_path(str(zone_project))
    assert boxes.last().title == "Catalogue missing" and boxes.last().plain
    assert "also assessed against water-utility, which is not imported on this computer" in boxes.last().text
    assert "the answers recorded against it stay in the project file untouched" in boxes.last().text
    window.show_tab(1)
    assert not any("Water utility" in s for s in sections(window, "Z1"))

    def import_it(dialog: QDialog) -> None:
        assert isinstance(dialog, CatalogueLibrary)
        dialog.ask_file = lambda: str(water_file)  # type: ignore[method-assign]
        dialog.import_button.click()
        dialog.reject()

    when_dialog_opens(import_it)
    window.action(Act.IMPORT_CATALOGUE).trigger()
    assert any("Water utility" in s for s in sections(window, "Z1"))
    answer = window.session.store.answer("Z1", "WU 1.1")  # type: ignore[union-attr]
    assert answer is not None and answer.notes == "two of five stations"
    assert zone_project.read_bytes() == raw  # opening and importing changed nothing in the project


def test_project_details_list_the_built_in_catalogues_as_always_used_and_keep_what_they_do_not_show(
        qtbot: QtBot, project_path: Path, water: Path) -> None:
    from ot62443_desktop.domain.model import ProjectInfo

    info = ProjectInfo("ACME", "North", layers=("Field", "Control", "Site"), catalogues=("gone-catalogue",))
    dialog = ProjectDialog(info)
    qtbot.addWidget(dialog)
    listed = [(dialog.catalogues.item(r).text(), dialog.catalogues.item(r).checkState(),
               bool(dialog.catalogues.item(r).flags() & Qt.ItemFlag.ItemIsEnabled))
              for r in range(dialog.catalogues.count())]
    checked, unchecked = Qt.CheckState.Checked, Qt.CheckState.Unchecked
    assert listed == [
        ("IEC 62443-3-3:2013 System security requirements and security levels (built in, always used)", checked,
         False),
        ("IEC 62443-2-1:2024 Security program requirements for IACS asset owners (built in, always used)", checked,
         False),
        ("Water utility checks 2025: pump stations (water-utility)", unchecked, True),
        ("gone-catalogue: not imported on this computer; its answers are kept", checked, True),
    ]
    dialog.accept()
    assert dialog.result_info is not None
    assert dialog.result_info.layers == ("Field", "Control", "Site")  # the details dialog does not show them
    assert dialog.result_info.catalogues == ("gone-catalogue",)
