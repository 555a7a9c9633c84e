"""A save that fails is told at once, keeps the typed text, and never leaves the undo stack lying.

The disk fills up under the real store (tests/ui/faults.py): the journal's write stores half
a record and fails with ENOSPC, exactly as on a full USB stick.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ot62443_desktop.api import open_project
from ot62443_desktop.domain.model import Status
from ot62443_desktop.storage import ProjectStore
from ot62443_desktop.ui.main_window import MainWindow
from tests.ui.boxes import Boxes, Button
from tests.ui.faults import FullDisk

NO_SPACE = "No space left on device"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


def on_disk(path: Path) -> ProjectStore:
    """What the project file and its journal hold, read as another program would."""
    return ProjectStore.open(path, read_only=True)


def test_failed_status_key_is_told_and_not_recorded_then_the_next_edit_saves(
        qtbot: QtBot, walk: MainWindow, disk: FullDisk, boxes: Boxes, zone_project: Path) -> None:
    w, store = walk.view.walkthrough, walk.session.store  # type: ignore[union-attr]
    disk.fill()
    qtbot.keyClick(w.tree, Qt.Key.Key_3)  # "partial"
    assert store.answer("Z1", "SR 1.1") is None
    assert walk.session.undo_stack.count() == 0  # type: ignore[union-attr]
    assert "NOT SAVED" in walk.windowTitle() and "all changes saved" not in walk.windowTitle()
    assert walk.saved_label.text() == "NOT SAVED"
    assert NO_SPACE in walk.statusBar().currentMessage()
    assert w.page.status_group.checkedId() == 1  # the page shows what is stored: not assessed
    qtbot.waitUntil(lambda: bool(boxes.shown))
    box = boxes.last()
    assert box.title == "Change not saved" and box.plain and not box.waited
    assert "SR 1.1: Partially implemented" in box and NO_SPACE in box and "Free some disk space" in box
    with on_disk(zone_project) as disk_view:
        assert disk_view.answer("Z1", "SR 1.1") is None

    disk.free()
    qtbot.keyClick(w.tree, Qt.Key.Key_3)
    assert store.answer("Z1", "SR 1.1").status is Status.PARTIAL  # type: ignore[union-attr]
    assert walk.session.undo_stack.count() == 1  # type: ignore[union-attr]
    assert "all changes saved" in walk.windowTitle() and walk.saved_label.text().startswith("Saved")
    assert walk.statusBar().currentMessage() == ""
    assert len(boxes.shown) == 1
    with on_disk(zone_project) as disk_view:
        assert disk_view.answer("Z1", "SR 1.1").status is Status.PARTIAL  # type: ignore[union-attr]


def test_typed_notes_stay_on_screen_and_in_the_box_when_they_cannot_be_saved(
        qtbot: QtBot, walk: MainWindow, disk: FullDisk, boxes: Boxes) -> None:
    page, store = walk.view.walkthrough.page, walk.session.store  # type: ignore[union-attr]
    page.notes.setFocus()
    qtbot.keyClicks(page.notes, "HMI login shared")
    page.notes.flush()  # typing paused
    assert store.answer("Z1", "SR 1.1").notes == "HMI login shared"  # type: ignore[union-attr]
    disk.fill()
    qtbot.keyClicks(page.notes, " by all operators")
    qtbot.keyClick(page.notes, Qt.Key.Key_Tab)  # focus leaves the field: the text is committed
    typed = "HMI login shared by all operators"
    assert page.notes.toPlainText() == typed  # still there to copy
    assert store.answer("Z1", "SR 1.1").notes == "HMI login shared"  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: bool(boxes.shown))
    assert typed in boxes.last().details and "under Show Details" in boxes.last()
    stack = walk.session.undo_stack  # type: ignore[union-attr]
    assert stack.count() == 1  # the failed edit was not merged into the saved one either
    stack.undo()  # the disk is still full: the undo fails too...
    assert store.answer("Z1", "SR 1.1").notes == "HMI login shared"  # type: ignore[union-attr]
    assert stack.index() == 1  # ...and the stack stays where the store is
    disk.free()
    stack.undo()
    assert store.answer("Z1", "SR 1.1") is None and stack.index() == 0
    stack.redo()
    assert store.answer("Z1", "SR 1.1").notes == "HMI login shared"  # type: ignore[union-attr]


def test_failed_undo_and_redo_leave_the_stack_where_the_store_is(
        qtbot: QtBot, walk: MainWindow, disk: FullDisk, boxes: Boxes) -> None:
    w, store = walk.view.walkthrough, walk.session.store  # type: ignore[union-attr]
    stack = walk.session.undo_stack  # type: ignore[union-attr]
    qtbot.keyClick(w.tree, Qt.Key.Key_2)
    assert store.answer("Z1", "SR 1.1").status is Status.IMPLEMENTED  # type: ignore[union-attr]
    disk.fill()
    qtbot.keyClick(w.tree, Qt.Key.Key_Z, CTRL)
    assert (stack.index(), stack.count()) == (1, 1)
    assert store.answer("Z1", "SR 1.1").status is Status.IMPLEMENTED  # type: ignore[union-attr]
    assert "NOT SAVED" in walk.windowTitle()
    qtbot.waitUntil(lambda: bool(boxes.shown))
    assert "Undo: SR 1.1: Implemented" in boxes.last()

    disk.free()
    qtbot.keyClick(w.tree, Qt.Key.Key_Z, CTRL)
    assert store.answer("Z1", "SR 1.1") is None and stack.index() == 0
    assert "all changes saved" in walk.windowTitle()
    disk.fill()
    qtbot.keyClick(w.tree, Qt.Key.Key_Y, CTRL)
    assert store.answer("Z1", "SR 1.1") is None and (stack.index(), stack.count()) == (0, 1)
    qtbot.waitUntil(lambda: len(boxes.shown) == 2)
    assert "Redo: SR 1.1: Implemented" in boxes.last()
    disk.free()
    qtbot.keyClick(w.tree, Qt.Key.Key_Y, CTRL)
    assert store.answer("Z1", "SR 1.1").status is Status.IMPLEMENTED and stack.index() == 1  # type: ignore[union-attr]


def test_failures_in_a_row_open_one_box(qtbot: QtBot, walk: MainWindow, disk: FullDisk, boxes: Boxes) -> None:
    w = walk.view.walkthrough  # type: ignore[union-attr]
    disk.fill()
    for key in (Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4):
        qtbot.keyClick(w.tree, key)
    qtbot.waitUntil(lambda: bool(boxes.shown))
    qtbot.wait(50)
    assert len(boxes.shown) == 1 and "Not implemented" in boxes.last()  # the latest failure is the one told


def test_removed_lock_is_reported_with_what_to_do(qtbot: QtBot, walk: MainWindow, boxes: Boxes,
                                                   zone_project: Path) -> None:
    zone_project.with_name(zone_project.name + ".lock").unlink()  # another program cleaned up the folder
    qtbot.keyClick(walk.view.walkthrough.tree, Qt.Key.Key_2)  # type: ignore[union-attr]
    assert walk.session.store.answer("Z1", "SR 1.1") is None  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: bool(boxes.shown))
    assert "lock file was removed" in boxes.last() and "open it again" in boxes.last()


def test_project_that_turns_read_only_while_open_says_so(
        qtbot: QtBot, walk: MainWindow, boxes: Boxes, monkeypatch: pytest.MonkeyPatch) -> None:
    from ot62443_desktop.storage import store as store_module
    from ot62443_desktop.storage.journal import Journal

    def no_new_journal(*_args: object) -> Journal:
        raise OSError(28, NO_SPACE)

    monkeypatch.setattr(store_module, "COMPACT_AFTER_BYTES", 0)  # compaction after the next change
    monkeypatch.setattr(Journal, "start", no_new_journal)
    qtbot.keyClick(walk.view.walkthrough.tree, Qt.Key.Key_2)  # type: ignore[union-attr]
    assert walk.session.store.answer("Z1", "SR 1.1").status is Status.IMPLEMENTED  # type: ignore[union-attr]
    assert "read-only" in walk.windowTitle() and NO_SPACE in walk.windowTitle()
    assert boxes.last().title == "Project now read-only" and boxes.last().plain
    assert "Every change so far is saved" in boxes.last()


def _remove_zone_with_answers(window: MainWindow, zone_project: Path, boxes: Boxes) -> None:
    with open_project(zone_project) as project:
        for rid in ("SR 1.1", "SR 1.2", "SR 2.1"):
            project.set_answer("Z1", rid, "partial", notes=f"seen at {rid}")
    assert window.open_path(str(zone_project))
    window.show_tab(0)
    window.view.zones.table.selectRow(0)  # type: ignore[union-attr]
    boxes.answers.append(Button.Yes)
    window.view.zones.remove_zone()  # type: ignore[union-attr]
    assert window.session.store.zones() == ()  # type: ignore[union-attr]


def test_undoing_a_zone_removal_is_one_record(window: MainWindow, zone_project: Path, disk: FullDisk,
                                              boxes: Boxes) -> None:
    _remove_zone_with_answers(window, zone_project, boxes)
    store, stack = window.session.store, window.session.undo_stack  # type: ignore[union-attr]
    written = disk.writes
    disk.fill(spare=1)  # room for one more record: without a batch the zone would come back bare
    stack.undo()
    assert [z.id for z in store.zones()] == ["Z1"] and len(store.answers()) == 3
    assert disk.writes == written + 1 and stack.index() == 0


def test_undoing_a_zone_removal_on_a_full_disk_restores_nothing(qtbot: QtBot, window: MainWindow,
                                                                zone_project: Path, disk: FullDisk,
                                                                boxes: Boxes) -> None:
    _remove_zone_with_answers(window, zone_project, boxes)
    store, stack = window.session.store, window.session.undo_stack  # type: ignore[union-attr]
    disk.fill()
    stack.undo()
    qtbot.waitUntil(lambda: boxes.last().title == "Change not saved")
    assert "Undo: Remove zone Z1" in boxes.last() and NO_SPACE in boxes.last()
    assert store.zones() == () and store.answers() == {} and stack.index() == 1
    disk.free()
    with on_disk(zone_project) as disk_view:
        assert disk_view.zones() == () and disk_view.answers() == {}
