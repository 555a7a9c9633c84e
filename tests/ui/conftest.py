"""GUI fixtures: a main window, and a helper to answer modal dialogs as a person would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.exceptions import TimeoutError as QtTimeoutError
from pytestqt.qtbot import QtBot

from ot62443_desktop.api import open_project
from ot62443_desktop.ui.main_window import MainWindow
from tests.ui.faults import FullDisk


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    for stray in QApplication.topLevelWidgets():  # a progress dialog a previous test left on its way out
        if stray.isVisible():
            stray.close()
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    for attempt in range(3):  # shortcuts fire only in the active window; a loaded machine may be slow to give it
        win.activateWindow()
        try:
            qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)
            break
        except QtTimeoutError:
            if attempt == 2:
                raise
    yield win
    win.close_project()


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> FullDisk:
    return FullDisk(monkeypatch)


@pytest.fixture
def walk(window: MainWindow, zone_project: Path) -> Iterator[MainWindow]:
    """The window on Z1 / SR 1.1 of the walkthrough, focus in the navigator (where status keys work)."""
    assert window.open_path(str(zone_project))
    window.show_tab(1)
    w = window.view.walkthrough  # type: ignore[union-attr]
    assert w.select("Z1", "SR 1.1")
    w.tree.setFocus()
    yield window


@pytest.fixture
def zone_project(project_path: Path) -> Path:
    """A project with one zone Z1 at SL-T 2 (high criticality)."""
    with open_project(project_path, create=True, client="ACME", site="North") as project:
        project.add_zone("Z1", "Control network", 2, criticality="high")
    return project_path


def when_dialog_opens(fill: Callable[[QDialog], None]) -> None:
    """Run `fill` on the next modal dialog, once it is on screen."""
    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            fill(dialog)
        else:
            QTimer.singleShot(20, attempt)
    QTimer.singleShot(0, attempt)


def demo_with_register(window: MainWindow, tmp_path: Path, zones: int = 3) -> Path:
    """The demo project open in the window (jobs run inline) and its register exported beside it."""
    from ot62443_desktop.demo import write_demo
    from ot62443_desktop.ui.actions import Act

    project, xlsx = tmp_path / "demo.ot62443", tmp_path / "register.xlsx"
    write_demo(project, zones=zones)
    assert window.open_path(str(project))
    window.runner.synchronous = True
    window.transfer.ask_save = lambda *a: (str(xlsx), "")  # type: ignore[method-assign]
    window.action(Act.EXPORT_XLSX).trigger()
    return xlsx
