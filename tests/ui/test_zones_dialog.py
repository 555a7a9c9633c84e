"""The zone dialog's layer, connections, design note and asset table, and assets imported from CSV."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from ot62443_desktop.api import open_project
from ot62443_desktop.domain.model import Asset, ScopeKind, Zone
from ot62443_desktop.ui.assets_editor import AssetsEditor, AssetsModel
from ot62443_desktop.ui.main_window import MainWindow
from ot62443_desktop.ui.zone_dialog import ZoneDialog
from tests.ui.boxes import Boxes
from tests.ui.conftest import when_dialog_opens
from tests.ui.test_zones_and_details import press_ok

ZONES = (Zone("DMZ", "DMZ", Zone.uniform(2), level=3), Zone("SCADA", "SCADA", Zone.uniform(2), level=2),
         Zone("C-OLD", "Old modem", Zone.uniform(1), kind=ScopeKind.CONDUIT, connects=("SCADA", "GONE")))


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


def type_cell(qtbot: QtBot, text: str) -> None:
    """Type into the cell editor the table opened, and commit it as Tab does."""
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)


def show_active(qtbot: QtBot, dialog: QDialog) -> None:
    """On screen and active, as a dialog the person opened is: the table's cell editors take the keys."""
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def checked(dialog: ZoneDialog) -> list[str]:
    items = [dialog.connects.item(n) for n in range(dialog.connects.count())]
    return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]


def test_a_new_conduit_with_its_layer_zones_note_and_an_asset(qtbot: QtBot) -> None:
    dialog = ZoneDialog({z.id for z in ZONES}, zones=ZONES)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    qtbot.keyClicks(dialog.id_edit, "C-OT")
    qtbot.keyClicks(dialog.name_edit, "OT firewall")
    assert not dialog.connects.isVisible()  # a zone connects nothing
    dialog.kind.setCurrentIndex(dialog.kind.findData(ScopeKind.CONDUIT))
    assert dialog.connects.isVisible()
    assert [dialog.connects.item(n).text() for n in range(dialog.connects.count())] == ["DMZ  DMZ", "SCADA  SCADA"]
    assert [dialog.level.itemText(n) for n in range(dialog.level.count())][:3] == [
        "Not placed in a layer", "Level 0: process", "Level 1: basic control"]
    dialog.level.setCurrentIndex(dialog.level.findData(3))
    for n in (1, 0):  # SCADA first: the order the person checked them in does not matter
        dialog.connects.item(n).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(dialog.design_note, "Only OPC UA from the historian, inspected")
    qtbot.mouseClick(dialog.assets.add_button, Qt.MouseButton.LeftButton)
    type_cell(qtbot, "FW-2")
    type_cell(qtbot, "firewall")
    type_cell(qtbot, "Fortinet 100F")
    press_ok(qtbot, dialog)
    zone = dialog.result_zone
    assert zone is not None and dialog.result() == QDialog.DialogCode.Accepted
    assert (zone.kind, zone.level, zone.connects) == (ScopeKind.CONDUIT, 3, ("DMZ", "SCADA"))
    assert zone.design_note == "Only OPC UA from the historian, inspected"
    assert zone.assets == (Asset("FW-2", "firewall", "Fortinet 100F"),)


def test_editing_a_conduit_keeps_a_zone_that_is_gone_listed_and_checked(qtbot: QtBot) -> None:
    dialog = ZoneDialog({z.id for z in ZONES}, ZONES[2], zones=ZONES)
    qtbot.addWidget(dialog)
    assert checked(dialog) == ["SCADA", "GONE"]
    assert dialog.connects.item(2).text() == "GONE (not a zone of this project)"
    dialog.accept()
    assert dialog.result_zone is not None and dialog.result_zone.connects == ("SCADA", "GONE")


def test_an_asset_row_without_a_name_keeps_the_dialog_open(qtbot: QtBot) -> None:
    dialog = ZoneDialog(set(), ZONES[0], zones=ZONES)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    qtbot.mouseClick(dialog.assets.add_button, Qt.MouseButton.LeftButton)
    type_cell(qtbot, "")
    type_cell(qtbot, "PLC")
    dialog.accept()
    assert dialog.result_zone is None and dialog.error.text() == "Asset row 1 has no name."


def test_the_zones_editor_stores_layer_connections_and_assets_undoably(
        qtbot: QtBot, window: MainWindow, project_path: Path) -> None:
    with open_project(project_path, create=True, client="ACME", site="North") as project:
        project.add_zone("DMZ", "DMZ", 2)
        project.add_zone("SCADA", "SCADA", 2)
        project.add_zone("C-OT", "OT firewall", 2, kind="conduit")
    assert window.open_path(str(project_path))
    window.show_tab(0)
    zones = window.view.zones  # type: ignore[union-attr]
    zones.table.selectRow(2)

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, ZoneDialog)
        dialog.level.setCurrentIndex(dialog.level.findData(2))
        for n in range(2):
            dialog.connects.item(n).setCheckState(Qt.CheckState.Checked)
        dialog.assets.model.append((Asset("FW-1", "firewall"),))
        press_ok(qtbot, dialog)

    when_dialog_opens(edit)
    zones.edit_zone()
    store = window.session.store  # type: ignore[union-attr]
    stored = store.zone("C-OT")
    assert (stored.level, stored.connects, stored.assets) == (2, ("DMZ", "SCADA"), (Asset("FW-1", "firewall"),))
    assert [zones.model.index(2, column).data() for column in (6, 7, 8)] == [
        "FW-1", "Level 2: supervisory control", "DMZ, SCADA"]
    window.session.undo_stack.undo()  # type: ignore[union-attr]
    assert store.zone("C-OT").connects == () and store.zone("C-OT").level is None


# -- CSV import --------------------------------------------------------------------------------------


def import_file(qtbot: QtBot, editor: AssetsEditor, path: Path) -> None:
    editor.ask_csv_path = lambda: str(path)  # type: ignore[method-assign]
    qtbot.mouseClick(editor.import_button, Qt.MouseButton.LeftButton)


def test_csv_import_adds_the_rows_after_those_typed(qtbot: QtBot, tmp_path: Path) -> None:
    editor = AssetsEditor((Asset("PLC-1"),))
    qtbot.addWidget(editor)
    path = tmp_path / "inventory.csv"
    path.write_bytes("Name;Type;Vendor/Model;Firmware;Notes\r\nHMI-1;HMI;Siemens TP1500;V17;salle de contrôle\r\n"
                     .encode("cp1252"))
    import_file(qtbot, editor, path)
    assert editor.model.assets() == (Asset("PLC-1"), Asset("HMI-1", "HMI", "Siemens TP1500", "V17",
                                                           "salle de contrôle"))
    assert editor.status.text() == ("1 asset(s) imported from inventory.csv. They are saved with the zone when "
                                    "you press OK.")


def test_csv_import_with_bad_rows_reports_each_and_imports_nothing(qtbot: QtBot, tmp_path: Path,
                                                                   boxes: Boxes) -> None:
    editor = AssetsEditor((Asset("PLC-1"),))
    qtbot.addWidget(editor)
    path = tmp_path / "inventory.csv"
    path.write_text("name,type\nHMI-1,HMI\n,switch\nSW-2,switch,extra\n<b>ok</b>,PLC\n", encoding="utf-8")
    import_file(qtbot, editor, path)
    assert editor.model.assets() == (Asset("PLC-1"),)
    shown = boxes.last()
    assert shown.plain and shown.title == "Import assets"
    assert shown.text == ("Nothing was imported: 2 row(s) of the file cannot be assets. Correct them in the file "
                          "and import it again.\n\nLine 3: the name is empty.\n"
                          "Line 4: 3 fields, more than the header row has columns.")


@pytest.mark.parametrize(("content", "message"), [
    (b"name,ip address\nPLC,10.0.0.1\n",
     "The header row has a column \u201cip address\u201d; the columns can only be: name, type, vendor_model, "
     "firmware, notes.\n\nNothing was imported."),
    (b"", "The file is empty. Its first row must name the columns: name, type, vendor_model, firmware, notes."
          "\n\nNothing was imported."),
    (b"PK\x03\x04\x00", "This is not a CSV text file. In Excel, use File > Save As > CSV first.\n\n"
                        "Nothing was imported."),
])
def test_csv_that_is_no_inventory_is_refused_in_one_message(qtbot: QtBot, tmp_path: Path, boxes: Boxes,
                                                            content: bytes, message: str) -> None:
    editor = AssetsEditor()
    qtbot.addWidget(editor)
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    import_file(qtbot, editor, path)
    assert boxes.last().text == message and editor.model.rowCount() == 0


def test_a_file_that_cannot_be_read_is_named(qtbot: QtBot, tmp_path: Path, boxes: Boxes) -> None:
    editor = AssetsEditor()
    qtbot.addWidget(editor)
    import_file(qtbot, editor, tmp_path / "missing.csv")
    assert "missing.csv cannot be read" in boxes.last().text and editor.model.rowCount() == 0


def test_the_assets_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(AssetsModel((Asset("PLC-1", "PLC"), Asset("HMI-1"))))
