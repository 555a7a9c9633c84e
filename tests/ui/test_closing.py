"""Closing the window says what the store could not finish, asks before an unsaved change is lost,
and never raises; message boxes show names and paths as plain text."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ot62443_desktop.domain.model import Status
from ot62443_desktop.storage import ProjectStore
from ot62443_desktop.storage import store as store_module
from ot62443_desktop.storage.lock import ProjectLock
from ot62443_desktop.ui.actions import Act
from ot62443_desktop.ui.main_window import MainWindow
from tests.ui.boxes import Boxes, Button
from tests.ui.faults import FullDisk

HOSTILE = '<img src="/dev/zero"><a href="file:///etc/passwd">x</a>'


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


def answer_sr_1_1(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    assert window.open_path(str(path))
    window.show_tab(1)
    w = window.view.walkthrough  # type: ignore[union-attr]
    assert w.select("Z1", "SR 1.1")
    w.tree.setFocus()
    qtbot.keyClick(w.tree, Qt.Key.Key_2)


def test_closing_when_the_file_cannot_be_rewritten_says_the_changes_are_in_the_journal(
        qtbot: QtBot, window: MainWindow, zone_project: Path, boxes: Boxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    answer_sr_1_1(qtbot, window, zone_project)

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module, "atomic_write", disk_full)
    assert window.close()
    box = boxes.last()
    assert box.waited and box.plain and box.title == "Closing plant.ot62443"
    assert "every change is saved in its journal" in box and "No space left on device" in box
    monkeypatch.undo()
    with ProjectStore.open(zone_project) as store:
        assert store.answer("Z1", "SR 1.1").status is Status.IMPLEMENTED  # type: ignore[union-attr]


def test_closing_never_raises_even_when_the_store_does(qtbot: QtBot, window: MainWindow, zone_project: Path,
                                                      boxes: Boxes, monkeypatch: pytest.MonkeyPatch) -> None:
    answer_sr_1_1(qtbot, window, zone_project)
    real_release = ProjectLock.release

    def stale_share(lock: ProjectLock) -> None:
        raise OSError(errno.ESTALE, "Stale file handle")

    monkeypatch.setattr(ProjectLock, "release", stale_share)
    store = window.session.store  # type: ignore[union-attr]
    assert window.close() and not window.isVisible()
    assert "could not be closed cleanly" in boxes.last() and "Stale file handle" in boxes.last()
    monkeypatch.setattr(ProjectLock, "release", real_release)
    store.close()


def test_closing_after_a_failed_save_asks_first(qtbot: QtBot, window: MainWindow, zone_project: Path,
                                               boxes: Boxes, monkeypatch: pytest.MonkeyPatch) -> None:
    disk = FullDisk(monkeypatch)
    answer_sr_1_1(qtbot, window, zone_project)
    page = window.view.walkthrough.page  # type: ignore[union-attr]
    disk.fill()
    page.notes.setFocus()
    qtbot.keyClicks(page.notes, "Switch room door propped open")
    boxes.answers.append(Button.No)
    assert not window.close()  # closing commits the typed text, which fails: the person is asked first
    assert window.isVisible() and page.notes.toPlainText() == "Switch room door propped open"
    question = boxes.last()
    assert question.title == "Close without saving?" and question.waited and "No space left" in question
    assert [b.title for b in boxes.shown].count("Change not saved") == 0  # the question said it all
    boxes.answers.append(Button.Yes)
    assert window.close() and not window.isVisible()


def test_file_close_action_asks_too_and_keeps_the_project_on_no(qtbot: QtBot, window: MainWindow,
                                                               zone_project: Path, boxes: Boxes,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    disk = FullDisk(monkeypatch)
    answer_sr_1_1(qtbot, window, zone_project)
    disk.fill()
    qtbot.keyClick(window.view.walkthrough.tree, Qt.Key.Key_3)  # type: ignore[union-attr]
    window.action(Act.CLOSE).trigger()  # the default answer is No
    assert window.session is not None and boxes.last().title == "Close without saving?"
    disk.free()
    qtbot.keyClick(window.view.walkthrough.tree, Qt.Key.Key_3)  # type: ignore[union-attr]
    asked = len(boxes.shown)
    window.action(Act.CLOSE).trigger()  # saved again: closes without a question
    assert window.session is None and len(boxes.shown) == asked


def test_lock_holder_name_is_shown_as_plain_text(window: MainWindow, zone_project: Path, boxes: Boxes) -> None:
    with ProjectStore.open(zone_project):  # another instance, whose lock file names a hostile user
        lock = zone_project.with_name(zone_project.name + ".lock")
        lock.write_text(json.dumps({"user": HOSTILE, "host": "plant-pc", "pid": 1}), encoding="utf-8")
        assert window.open_path(str(zone_project))
        box = boxes.last()
        assert box.title == "Opened read-only" and box.plain and HOSTILE[:40] in box.text
        assert HOSTILE[:40] in window.windowTitle()


def test_path_with_markup_in_an_error_is_shown_as_written(window: MainWindow, tmp_path: Path,
                                                          boxes: Boxes) -> None:
    folder = tmp_path / '<img src="x">'
    folder.mkdir()
    damaged = folder / "plant.ot62443"
    damaged.write_bytes(b"not json")
    boxes.answers.append(Button.No)  # do not restore a backup (there is none anyway)
    assert not window.open_path(str(damaged))
    box = boxes.last()
    assert box.plain and str(folder) in box.text
