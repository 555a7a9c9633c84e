"""File > Export and Import from the GUI: files written off the GUI thread, import undoable as one step."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from ot62443_desktop.demo import write_demo
from ot62443_desktop.ui.actions import Act
from ot62443_desktop.ui.main_window import MainWindow
from tests.ui.conftest import demo_with_register


def test_exports_run_in_the_background_and_write_both_files(qtbot: QtBot, window: MainWindow,
                                                             tmp_path: Path) -> None:
    project = tmp_path / "demo.ot62443"
    write_demo(project, zones=3)
    assert window.open_path(str(project))
    for kind, name in (("xlsx", "register.xlsx"), ("pdf", "plan.pdf")):
        target = tmp_path / name
        window.transfer.ask_save = lambda *a, t=target: (str(t), "")  # type: ignore[method-assign]
        window.action(Act.EXPORT_XLSX if kind == "xlsx" else Act.EXPORT_PDF).trigger()
        qtbot.waitUntil(lambda t=target: t.exists() and "Wrote" in window.statusBar().currentMessage(),
                        timeout=60000)
    assert (tmp_path / "register.xlsx").read_bytes()[:2] == b"PK"
    assert (tmp_path / "plan.pdf").read_bytes()[:5] == b"%PDF-"


def test_import_is_checked_first_then_applied_as_one_undo_step(qtbot: QtBot, window: MainWindow,
                                                                tmp_path: Path) -> None:
    xlsx = demo_with_register(window, tmp_path)
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["Gap register"]
    owner = [c.value for c in ws[1]].index("Owner") + 1
    for row in (2, 3):
        ws.cell(row=row, column=owner, value="Maintenance lead")
    wb.save(xlsx)
    shown: list[str] = []
    window.transfer.ask_open = lambda *a: str(xlsx)  # type: ignore[method-assign]
    window.transfer.confirm = lambda title, text: shown.append(text) or True  # type: ignore[method-assign]
    store = window.session.store  # type: ignore[union-attr]
    before = store.snapshot().remediation
    window.action(Act.IMPORT_REGISTER).trigger()
    assert "Maintenance lead" in shown[0] and "dry run" in shown[0]
    owners = [i.owner for i in store.snapshot().remediation.values()]
    assert owners.count("Maintenance lead") == 2
    window.session.undo_stack.undo()  # type: ignore[union-attr]
    assert store.snapshot().remediation == before


def test_an_import_checked_after_its_project_was_closed_is_not_applied_and_says_so(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    xlsx = demo_with_register(window, tmp_path, zones=2)
    callbacks: list[object] = []
    window.runner.run_job = lambda parent, title, job, args, done: callbacks.append(done)  # type: ignore[method-assign]
    window.transfer.ask_open = lambda *a: str(xlsx)  # type: ignore[method-assign]
    window.action(Act.IMPORT_REGISTER).trigger()
    window.close_project()  # the consultant closes the project while the register is being read
    shown: list[str] = []
    monkeypatch.setattr("ot62443_desktop.ui.transfer.show_message",
                        lambda parent, icon, title, text: shown.append(text))
    callbacks[0](object(), None)  # type: ignore[operator]
    assert shown and "nothing was imported" in shown[0]
