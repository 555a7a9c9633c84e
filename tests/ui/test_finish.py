"""The GUI's finish (issue 16): toolbar, icons in menus, About, the keyboard reference (F1),
recent projects in the File menu, and File > Import catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QToolButton
from pytestqt.qtbot import QtBot

from ot62443_desktop import __version__, user_catalogues
from ot62443_desktop.api import open_project
from ot62443_desktop.domain.model import Status
from ot62443_desktop.ui.about import AboutDialog
from ot62443_desktop.ui.actions import ICONS, TOOLBAR, Act
from ot62443_desktop.ui.import_catalogue import CatalogueLibrary
from ot62443_desktop.ui.keyboard_help import native
from ot62443_desktop.ui.main_window import MainWindow
from tests.ui.boxes import Boxes, Button
from tests.ui.conftest import when_dialog_opens

ENGLISH_ONLY = ('[catalogue]\nid = "water-utility"\ntitle = "Water utility checks"\nscale = "security_level"\n'
                '[[section]]\nid = "FR 1"\ntitle = "IAC"\n'
                '[[requirement]]\nid = "WU 1"\ntitle = "Pump station logins"\nsection = "FR 1"\nlevel = 1\n'
                'summary = "Every pump station HMI asks who is there."\n')


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


def button(window: MainWindow, act: Act) -> QToolButton:
    widget = window.toolbar.widgetForAction(window.action(act))
    assert isinstance(widget, QToolButton)
    return widget


def test_the_toolbar_holds_the_most_used_actions_each_with_an_icon(window: MainWindow) -> None:
    on_toolbar = [a for a in window.toolbar.actions() if not a.isSeparator()]
    assert on_toolbar == [window.action(act) for act in TOOLBAR if act is not None]
    assert [act for act in TOOLBAR if act] == [Act.NEW, Act.OPEN, Act.EXPORT_XLSX, Act.EXPORT_PDF, Act.UNDO,
                                               Act.REDO, Act.FIND]
    for action in on_toolbar:
        assert not action.icon().isNull() and not action.icon().pixmap(24, 24).isNull()
    assert window.action(Act.EXPORT_PDF).toolTip() == "Export PDF remediation plan (Ctrl+Shift+R)"
    assert button(window, Act.EXPORT_XLSX).toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon


def test_menus_show_the_same_icons(window: MainWindow) -> None:
    for act in ICONS:
        assert not window.action(act).icon().isNull(), act
        assert window.action(act) in window.menus[act].actions()


def test_toolbar_buttons_do_what_their_menu_entries_do(qtbot: QtBot, window: MainWindow, zone_project: Path,
                                                        tmp_path: Path) -> None:
    pdf = tmp_path / "plan.pdf"
    assert not button(window, Act.EXPORT_PDF).isEnabled()  # nothing to export before a project is open
    assert window.open_path(str(zone_project))
    window.runner.synchronous = True
    window.transfer.ask_save = lambda *a: (str(pdf), "")  # type: ignore[method-assign]
    qtbot.mouseClick(button(window, Act.EXPORT_PDF), Qt.MouseButton.LeftButton)
    assert pdf.read_bytes()[:5] == b"%PDF-"

    walkthrough = window.view.walkthrough  # type: ignore[union-attr]
    assert walkthrough.select("Z1", "SR 1.1")
    walkthrough.page.set_status(Status.NOT_APPLICABLE)
    assert window.session.store.answer("Z1", "SR 1.1").status is Status.NOT_APPLICABLE  # type: ignore
    qtbot.mouseClick(button(window, Act.UNDO), Qt.MouseButton.LeftButton)
    assert window.session.store.answer("Z1", "SR 1.1") is None  # type: ignore[union-attr]
    assert button(window, Act.REDO).isEnabled()

    window.show_tab(2)
    qtbot.mouseClick(button(window, Act.FIND), Qt.MouseButton.LeftButton)
    assert window.view.currentIndex() == 1  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    assert QApplication.focusWidget() is walkthrough.search


def close_next_dialog() -> list[str]:
    """The title of the next modal dialog, which is then closed as Cancel would."""
    titles: list[str] = []

    def close(dialog: QDialog) -> None:
        titles.append(dialog.windowTitle())
        dialog.reject()

    when_dialog_opens(close)
    return titles


def test_the_new_button_asks_for_the_project_details(qtbot: QtBot, window: MainWindow) -> None:
    titles = close_next_dialog()
    qtbot.mouseClick(button(window, Act.NEW), Qt.MouseButton.LeftButton)
    assert titles == ["Project details"] and window.session is None


def test_about_names_the_version_and_the_licence_of_each_bundled_library(window: MainWindow) -> None:
    about = AboutDialog(window)
    shown = about.details()
    assert f"OT 62443 Workbook {__version__}" in shown
    licences = {about.table.topLevelItem(i).text(0): about.table.topLevelItem(i).text(2)
                for i in range(about.table.topLevelItemCount())}
    assert licences["Qt for Python (PySide6) and Qt"].startswith("LGPL-3.0")
    assert licences["openpyxl"] == "MIT" and licences["ReportLab"] == "BSD" and licences["TinyDB"] == "MIT"
    assert licences["defusedxml"] == "PSF License 2.0"
    assert licences["Bitstream Vera fonts (in ReportLab)"] == "Bitstream Vera Fonts licence"
    qt_texts = about.table.topLevelItem(0).data(3, Qt.ItemDataRole.UserRole)
    assert [Path(t).name for t in qt_texts] == ["LGPL-3.0.txt", "GPL-3.0.txt"]
    assert all("GNU" in Path(t).read_text(encoding="utf-8")[:200] for t in qt_texts)
    vera = about.table.topLevelItem(5).data(3, Qt.ItemDataRole.UserRole)
    assert vera and "Bitstream" in Path(vera[0]).read_text(encoding="utf-8", errors="replace")


def test_help_about_opens_the_dialog(qtbot: QtBot, window: MainWindow) -> None:
    titles = close_next_dialog()
    window.action(Act.ABOUT).trigger()
    assert titles == ["About OT 62443 Workbook"]


def test_f1_opens_the_keyboard_reference_with_the_walkthrough_keys(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    help_window = window.keyboard_help
    assert help_window is not None and help_window.isVisible() and not help_window.isModal()
    rows = help_window.rows()  # type: ignore[attr-defined]
    assert ("1", "Status: Not assessed") in rows and ("4", "Status: Not implemented") in rows
    assert (native("Alt+2"), "Achieved maturity ML2 · Managed") in rows
    assert (native("Ctrl+L"), "Use last time's answer (a carried-forward assessment)") in rows
    for act in (Act.NEXT, Act.PREVIOUS, Act.NEXT_UNANSWERED, Act.FIND, Act.UNDO, Act.REDO, Act.KEYBOARD_HELP):
        keys = ", ".join(k.toString() for k in window.action(act).shortcuts())
        assert any(row[0] == keys for row in rows), act
    assert ("Ctrl+Return, Ctrl+Down", "Next requirement") in rows
    help_window.close()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.keyboard_help is help_window and help_window.isVisible()  # the same one, brought back
    help_window.close()


def recent_project(tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.ot62443"
    with open_project(path, create=True, client="ACME", site=name) as project:
        project.add_zone("Z1", "Cell", 2)
    return path


def test_open_recent_lists_the_start_pages_projects_and_opens_one(qtbot: QtBot, window: MainWindow,
                                                                    tmp_path: Path) -> None:
    first, second = recent_project(tmp_path, "north"), recent_project(tmp_path, "south")
    for path in (first, second):
        assert window.open_path(str(path))
        window.close_project()
    window.recent_menu.refill()
    entries = [a for a in window.recent_menu.actions() if a.data()]
    assert [a.data() for a in entries] == [str(second.resolve()), str(first.resolve())]
    assert [window.start_page.recent.item(i).data(Qt.ItemDataRole.UserRole) for i in range(2)] == \
        [a.data() for a in entries]
    assert entries[1].text().startswith("&2  north.ot62443")
    entries[1].trigger()
    assert window.session is not None and window.session.store.path == first.resolve()


def test_a_recent_project_not_found_is_greyed_and_one_gone_since_is_taken_off(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, boxes: Boxes) -> None:
    here, stick = recent_project(tmp_path, "here"), tmp_path / "usb" / "plant.ot62443"
    window.settings.setValue("recent", [str(stick), str(here)])
    window.recent_menu.refill()
    on_stick, present = [a for a in window.recent_menu.actions() if a.data()]
    assert not on_stick.isEnabled() and on_stick.text().endswith("(not found)")
    window.start_page.set_recent(window.recent.entries())
    assert window.start_page.recent.item(0).flags() == Qt.ItemFlag.NoItemFlags
    here.unlink()  # gone between drawing the menu and choosing it
    present.trigger()
    assert window.session is None and boxes.last().title == "Project not found"
    assert str(here) in boxes.last().text and boxes.last().plain
    assert window.recent.stored() == [str(stick)]  # taken off; the stick's project waits for the stick
    window.recent_menu.refill()
    clear = [a for a in window.recent_menu.actions() if a.text() == "&Clear this list"]
    clear[0].trigger()
    assert window.recent.stored() == [] and window.start_page.recent.count() == 0


def test_an_invalid_catalogue_is_refused_with_its_reason_and_nothing_is_kept(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, boxes: Boxes) -> None:
    library = CatalogueLibrary(window)
    bad = tmp_path / "levels.toml"
    bad.write_text(ENGLISH_ONLY.replace("level = 1", "level = 7"), encoding="utf-8")
    assert not library.import_path(bad)
    assert boxes.last().title == "Catalogue refused" and boxes.last().plain
    assert str(bad) in boxes.last().text and "WU 1" in boxes.last().text and "level" in boxes.last().text
    clash = tmp_path / "clash.toml"
    clash.write_text(ENGLISH_ONLY.replace('id = "WU 1"', 'id = "SR 1.1"'), encoding="utf-8")
    assert not library.import_path(clash)
    assert "'SR 1.1' is already defined by catalogue 'iec62443-3-3'" in boxes.last().text
    builtin = tmp_path / "builtin.toml"
    builtin.write_text(ENGLISH_ONLY.replace('id = "water-utility"', 'id = "iec62443-3-3"'), encoding="utf-8")
    assert not library.import_path(builtin)
    assert "is a built-in catalogue's" in boxes.last().text
    assert not user_catalogues.folder().exists() or list(user_catalogues.folder().iterdir()) == []
    assert library.table.topLevelItemCount() == 0


def test_a_valid_catalogue_is_kept_listed_and_its_missing_french_reported(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, boxes: Boxes) -> None:
    source = tmp_path / "mine.toml"
    source.write_text(ENGLISH_ONLY, encoding="utf-8")

    def import_it(dialog: QDialog) -> None:
        assert isinstance(dialog, CatalogueLibrary)
        dialog.ask_file = lambda: str(source)  # type: ignore[method-assign]
        dialog.import_button.click()
        rows.append([dialog.table.topLevelItem(0).text(c) for c in range(4)])
        dialog.reject()

    rows: list[list[str]] = []
    when_dialog_opens(import_it)
    window.action(Act.IMPORT_CATALOGUE).trigger()
    assert boxes.last().title == "Catalogue imported"
    assert "The catalogue water-utility (Water utility checks) is valid: 1 requirement(s)." in boxes.last().text
    assert "no French text for 4 field(s), shown in English instead: [catalogue]: title, section FR 1: title, " \
           "WU 1: title, WU 1: summary" in boxes.last().text
    kept = list(user_catalogues.folder().glob("*.toml"))
    assert len(kept) == 1 and kept[0].read_bytes() == source.read_bytes()
    assert rows == [["water-utility", "Water utility checks", "1", "4 field(s) missing"]]

    library = CatalogueLibrary(window)
    source.write_text(ENGLISH_ONLY.replace("Pump station logins", "Pump station log-ins"), encoding="utf-8")
    boxes.answers.append(Button.No)
    assert not library.import_path(source)  # the same id again: asked first, and No keeps the old one
    assert boxes.last().title == "Replace catalogue?" and "Pump station logins" in kept[0].read_text("utf-8")
    boxes.answers.append(Button.Yes)
    assert library.import_path(source) and "Pump station log-ins" in kept[0].read_text("utf-8")
    assert library.table.topLevelItemCount() == 1
