"""Zones editor and project details: inline validation, confirmation, undo across removal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from ot62443_desktop.api import open_project
from ot62443_desktop.ui.main_window import MainWindow
from ot62443_desktop.ui.project_dialog import ProjectDialog
from ot62443_desktop.ui.zones_view import ZoneDialog
from tests.ui.boxes import Boxes, Button
from tests.ui.conftest import when_dialog_opens


def press_ok(qtbot: QtBot, dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_zone_dialog_explains_bad_input_and_stays_open(qtbot: QtBot) -> None:
    dialog = ZoneDialog({"Z1"})
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.id_edit, "Z1")
    qtbot.keyClicks(dialog.name_edit, "Duplicate")
    dialog.accept()
    assert dialog.result() == 0 and "already exists" in dialog.error.text()
    dialog.id_edit.setText("bad id!")
    dialog.accept()
    assert "must be 1-40 letters" in dialog.error.text() and dialog.result_zone is None
    dialog.id_edit.setText("C-REMOTE")
    dialog.per_fr.setChecked(True)
    dialog.fr_levels[0].setValue(3)
    dialog.accept()
    assert dialog.result_zone is not None and dialog.result_zone.sl_t == (3, 2, 2, 2, 2, 2, 2)


def test_project_dialog_refuses_end_before_start(qtbot: QtBot) -> None:
    dialog = ProjectDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.client, "ACME")
    qtbot.keyClicks(dialog.site, "North")
    dialog.end.enabled.setChecked(True)
    dialog.end.edit.setDate(dialog.start.edit.date().addDays(-3))
    dialog.accept()
    assert dialog.result_info is None and "end date is before its start date" in dialog.error.text().lower()


def test_removing_a_zone_asks_first_and_undo_brings_its_answers_back(
        qtbot: QtBot, window: MainWindow, zone_project: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with open_project(zone_project) as project:
        project.set_answer("Z1", "SR 1.1", "partial", notes="kept")
    assert window.open_path(str(zone_project))
    window.show_tab(0)
    zones = window.view.zones  # type: ignore[union-attr]
    zones.table.selectRow(0)
    boxes = Boxes(monkeypatch)
    boxes.answers.append(Button.No)
    zones.remove_zone()
    assert [z.id for z in window.session.store.zones()] == ["Z1"]  # type: ignore[union-attr]
    assert "Remove Z1 (Control network) and its 1 answer(s)?" in boxes.last() and boxes.last().plain
    boxes.answers.append(Button.Yes)
    zones.remove_zone()
    store = window.session.store  # type: ignore[union-attr]
    assert store.zones() == () and store.answers() == {}
    window.session.undo_stack.undo()  # type: ignore[union-attr]
    assert [z.id for z in store.zones()] == ["Z1"] and store.answer("Z1", "SR 1.1").notes == "kept"  # type: ignore[union-attr]


def test_editing_zone_and_project_details_is_undoable(qtbot: QtBot, window: MainWindow, zone_project: Path) -> None:
    assert window.open_path(str(zone_project))
    window.show_tab(0)
    zones = window.view.zones  # type: ignore[union-attr]
    zones.table.selectRow(0)

    def rename(dialog: QDialog) -> None:
        assert isinstance(dialog, ZoneDialog) and not dialog.id_edit.isEnabled()
        dialog.name_edit.setText("Control network (north)")
        dialog.uniform_level.setValue(3)
        press_ok(qtbot, dialog)

    when_dialog_opens(rename)
    zones.edit_zone()
    store = window.session.store  # type: ignore[union-attr]
    assert store.zone("Z1").name == "Control network (north)" and store.zone("Z1").sl_t == (3,) * 7

    def details(dialog: QDialog) -> None:
        assert isinstance(dialog, ProjectDialog)
        dialog.confidentiality.setText("Restricted")
        dialog.target_ml.setCurrentIndex(2)
        press_ok(qtbot, dialog)

    when_dialog_opens(details)
    window.edit_project()
    assert store.info.confidentiality == "Restricted" and store.info.target_ml == 3
    window.session.undo_stack.undo()  # type: ignore[union-attr]
    window.session.undo_stack.undo()  # type: ignore[union-attr]
    assert store.info.target_ml == 2 and store.zone("Z1").sl_t == (2,) * 7
