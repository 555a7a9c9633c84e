"""Applying an edited register from the GUI is one write and one undo step: every row or none."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from ot62443_desktop.ui.actions import Act
from ot62443_desktop.ui.main_window import MainWindow
from tests.ui.boxes import Boxes
from tests.ui.conftest import demo_with_register
from tests.ui.faults import FullDisk

OWNER = "Maintenance lead"
ROWS = (2, 3, 4, 5)


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


@pytest.fixture
def edited_register(window: MainWindow, tmp_path: Path) -> Path:
    """The demo project open in the window, and its register with a new owner on four rows."""
    xlsx = demo_with_register(window, tmp_path)
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["Gap register"]
    owner = [c.value for c in ws[1]].index("Owner") + 1
    for row in ROWS:
        ws.cell(row=row, column=owner, value=OWNER)
    wb.save(xlsx)
    window.transfer.ask_open = lambda *a: str(xlsx)  # type: ignore[method-assign]
    window.transfer.confirm = lambda title, text: True  # type: ignore[method-assign]
    return xlsx


def owners(window: MainWindow) -> int:
    return [i.owner for i in window.session.store.snapshot().remediation.values()].count(OWNER)  # type: ignore[union-attr]


def test_import_is_one_record_and_one_undo_step(window: MainWindow, edited_register: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    disk = FullDisk(monkeypatch)
    disk.fill(spare=1)  # room for one record only: a row-by-row import would stop after the first row
    stack = window.session.undo_stack  # type: ignore[union-attr]
    window.action(Act.IMPORT_REGISTER).trigger()
    assert owners(window) == len(ROWS) and stack.count() == 1
    assert "Imported 4 row(s)" in window.statusBar().currentMessage()
    disk.free()
    stack.undo()
    assert owners(window) == 0


def test_import_on_a_full_disk_imports_nothing_and_says_so(qtbot: QtBot, window: MainWindow,
                                                          edited_register: Path, boxes: Boxes,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    disk = FullDisk(monkeypatch)
    disk.fill()
    window.action(Act.IMPORT_REGISTER).trigger()
    assert owners(window) == 0 and window.session.undo_stack.count() == 0  # type: ignore[union-attr]
    assert "Imported" not in window.statusBar().currentMessage() and "NOT SAVED" in window.windowTitle()
    qtbot.waitUntil(lambda: bool(boxes.shown))
    assert "Import register (4 row(s))" in boxes.last() and "No space left on device" in boxes.last()


def test_undo_and_redo_of_an_import_are_one_write_each_and_refresh_the_views(
        window: MainWindow, edited_register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Redo and undo go through the api's apply too: each is one journal write, every row or none."""
    window.action(Act.IMPORT_REGISTER).trigger()
    session = window.session
    assert session is not None and owners(window) == len(ROWS)
    changed: list[tuple[str, str]] = []
    session.remediation_changed.connect(lambda scope, requirement: changed.append((scope, requirement)))
    disk = FullDisk(monkeypatch)
    for step, expected in ((session.undo_stack.undo, 0), (session.undo_stack.redo, len(ROWS))):
        disk.fill(spare=1)  # room for one record only
        step()
        assert owners(window) == expected and disk.writes == 1
        disk.free()
        disk.writes = 0
    assert len(changed) == 2 * len(ROWS)  # each step told the views about every row it wrote
