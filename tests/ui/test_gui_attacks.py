"""The GUI attacked, and used by a very unlucky person: each test is something that once broke."""

from __future__ import annotations

import hashlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QPushButton, QTextEdit
from pytestqt.qtbot import QtBot

from ot62443_desktop.api import open_project
from ot62443_desktop.domain.model import Status
from ot62443_desktop.storage import ProjectStore
from ot62443_desktop.ui.labels import field_label
from ot62443_desktop.ui.main_window import MainWindow
from tests.ui.boxes import Boxes, Button
from tests.ui.conftest import when_dialog_opens
from tests.ui.faults import FullDisk

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


class Unprintable(Exception):
    def __str__(self) -> str:
        raise RuntimeError("a broken __str__")


@pytest.mark.qt_no_exception_capture
def test_an_error_while_showing_the_error_dialog_is_logged_not_looped(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from ot62443_desktop.ui import errors

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    reporter = errors.ErrorReporter(window)
    reporter.install()
    attempts: list[str] = []

    def broken_box(*args: object) -> None:
        attempts.append(str(args[3]))
        raise RuntimeError("the dialog itself failed")

    monkeypatch.setattr(errors, "show_message", broken_box)
    try:
        QTimer.singleShot(0, lambda: {"Z1": "Control network"}["Z9"])
        qtbot.wait(200)
        assert len(attempts) == 1
        logged = errors.log_path().read_text(encoding="utf-8")
        assert "KeyError: 'Z9'" in logged and "the dialog itself failed" in logged
    finally:
        for handler in list(errors.log.handlers):
            errors.log.removeHandler(handler)
            handler.close()


def test_an_error_whose_message_cannot_be_made_is_still_reported(qtbot: QtBot, window: MainWindow, boxes: Boxes,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from ot62443_desktop.ui import errors

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    reporter = errors.ErrorReporter(window)
    reporter.install()
    try:
        try:
            raise Unprintable()
        except Unprintable:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: bool(boxes.shown))
        assert boxes.last().title == "Unexpected error" and "Unprintable" in boxes.last()
    finally:
        for handler in list(errors.log.handlers):
            errors.log.removeHandler(handler)
            handler.close()


def test_an_unsaved_note_with_a_long_run_is_offered_without_freezing_the_box(
        qtbot: QtBot, walk: MainWindow, disk: FullDisk, boxes: Boxes) -> None:
    page = walk.view.walkthrough.page  # type: ignore[union-attr]
    run = "x" * 1_000_000  # word wrap would take minutes to lay this out in the details
    disk.fill()
    QApplication.clipboard().setText(run)
    page.notes.setFocus()
    page.notes.paste()
    page.notes.flush()
    qtbot.waitUntil(lambda: bool(boxes.shown))
    box = walk.failure_box
    assert box is not None and box.detailedText() == "SR 1.1: edit notes\nNotes:\n" + run
    assert [view.wordWrapMode() for view in box.findChildren(QTextEdit)] == [QTextOption.WrapMode.WrapAnywhere]


@pytest.fixture
def deadline() -> Iterator[None]:
    """Fail, rather than hang, if the GUI thread is still busy after 10 s."""
    def expired(*_args: object) -> None:
        raise TimeoutError("the GUI thread was still busy after 10 s")
    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_evidence_that_is_not_a_regular_file_is_refused_with_a_message(
        qtbot: QtBot, walk: MainWindow, boxes: Boxes, tmp_path: Path, special: str,
        monkeypatch: pytest.MonkeyPatch, deadline: None) -> None:
    if special == "fifo":
        chosen = tmp_path / "camera.jpg"
        os.mkfifo(chosen)
    else:
        chosen = Path(special)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(chosen), ""))
    page = walk.view.walkthrough.page  # type: ignore[union-attr]
    qtbot.mouseClick(page.evidence_add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(boxes.shown))
    assert "not a regular file" in boxes.last() and str(chosen) in boxes.last()
    assert walk.session.store.answer("Z1", "SR 1.1") is None  # type: ignore[union-attr]


def test_the_page_of_a_removed_zone_gives_way_and_its_keys_write_nothing(
        qtbot: QtBot, walk: MainWindow, boxes: Boxes) -> None:
    view = walk.view
    assert view is not None
    w = view.walkthrough
    walk.show_tab(0)
    view.zones.table.selectRow(0)
    boxes.answers.append(Button.Yes)
    view.zones.remove_zone()
    walk.show_tab(1)
    assert w.stack.currentWidget() is w.placeholder and w.current_key() is None
    w.tree.setFocus()
    qtbot.keyClick(w.tree, Qt.Key.Key_3)  # nothing shown, nothing to set
    qtbot.wait(10)
    assert [b.title for b in boxes.shown] == ["Remove zone"]
    walk.session.undo_stack.undo()  # type: ignore[union-attr]
    assert walk.session.store.answers() == {}  # type: ignore[union-attr]


def test_typed_notes_survive_a_status_key_that_fails_too(qtbot: QtBot, walk: MainWindow, disk: FullDisk,
                                                         boxes: Boxes) -> None:
    page = walk.view.walkthrough.page  # type: ignore[union-attr]
    disk.fill()
    page.notes.setFocus()
    qtbot.keyClicks(page.notes, "Door propped open")
    page.notes.flush()
    qtbot.keyClick(walk.view.walkthrough.tree, Qt.Key.Key_3)  # type: ignore[union-attr]
    assert page.notes.toPlainText() == "Door propped open"
    qtbot.waitUntil(lambda: bool(boxes.shown))
    qtbot.wait(20)
    assert "Door propped open" in boxes.last().details


def test_typed_notes_are_saved_with_the_next_change_once_the_disk_has_room(
        qtbot: QtBot, walk: MainWindow, disk: FullDisk, boxes: Boxes) -> None:
    page, store = walk.view.walkthrough.page, walk.session.store  # type: ignore[union-attr]
    disk.fill()
    page.notes.setFocus()
    qtbot.keyClicks(page.notes, "Door propped open")
    page.notes.flush()
    disk.free()
    qtbot.keyClick(walk.view.walkthrough.tree, Qt.Key.Key_3)  # type: ignore[union-attr]
    assert page.notes.toPlainText() == "Door propped open"
    answer = store.answer("Z1", "SR 1.1")
    assert answer is not None and answer.status is Status.PARTIAL and answer.notes == "Door propped open"


def _edit_zone(window: MainWindow) -> None:
    window.show_tab(0)
    zones = window.view.zones  # type: ignore[union-attr]
    zones.table.selectRow(0)
    zones.edit_zone()


@pytest.mark.parametrize(("field", "open_dialog"), [
    ("description", _edit_zone),  # the zone dialog
    ("scope_note", MainWindow.edit_project),  # project details
])
def test_a_dialog_whose_change_fails_gives_back_what_was_typed(
        qtbot: QtBot, window: MainWindow, zone_project: Path, disk: FullDisk, boxes: Boxes, field: str,
        open_dialog: Callable[[MainWindow], None]) -> None:
    assert window.open_path(str(zone_project))
    disk.fill()
    typed = "Three PLCs behind the north firewall"
    when_dialog_opens(lambda dialog: (getattr(dialog, field).setPlainText(typed), dialog.accept()))
    open_dialog(window)  # the dialog is gone once its change fails: the box carries the text
    qtbot.waitUntil(lambda: bool(boxes.shown))
    assert boxes.last().title == "Change not saved" and f"{field_label(field)}:\n{typed}" in boxes.last().details


def open_with_gap(window: MainWindow, path: Path, requirement_id: str, tab: int) -> None:
    """Open the project with a gap at Z1 / `requirement_id` (a remediation item to edit), on `tab`."""
    with open_project(path) as project:
        project.set_answer("Z1", requirement_id, "not_implemented")
    assert window.open_path(str(path))
    window.show_tab(tab)


def test_a_plan_cell_edited_on_a_full_disk_shows_the_stored_value(
        qtbot: QtBot, window: MainWindow, zone_project: Path, disk: FullDisk, boxes: Boxes) -> None:
    open_with_gap(window, zone_project, "SR 1.2", 3)
    view = window.view.plan  # type: ignore[union-attr]
    table, proxy = view.table, view.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 2).data() == "SR 1.2")
    cell = proxy.index(row, 6)
    disk.fill()
    table.setCurrentIndex(cell)
    table.edit(cell)
    editor = table.focusWidget()
    editor.setText("Maintenance lead")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(boxes.shown))
    assert cell.data() == ""
    assert "Maintenance lead" in boxes.last().details
    assert "still in its field" not in boxes.last()


def test_an_owner_whose_save_failed_stays_typed_and_is_never_saved_to_another_requirement(
        qtbot: QtBot, window: MainWindow, zone_project: Path, disk: FullDisk, boxes: Boxes) -> None:
    open_with_gap(window, zone_project, "SR 1.1", 1)
    w = window.view.walkthrough  # type: ignore[union-attr]
    store, page = window.session.store, w.page  # type: ignore[union-attr]
    assert w.select("Z1", "SR 1.1") and page.remediation_box.isVisibleTo(page)
    disk.fill()
    page.owner.setFocus()
    qtbot.keyClicks(page.owner, "Maintenance lead")
    page.action.setFocus()  # editing the owner finished: its save fails
    qtbot.keyClick(page.action, Qt.Key.Key_A, CTRL)  # over the catalogue's default action
    qtbot.keyClicks(page.action, "Replace the shared HMI login")
    page.action.flush()
    w.tree.setFocus()
    qtbot.keyClick(w.tree, Qt.Key.Key_3)  # fails too
    assert (page.owner.text(), page.action.toPlainText()) == ("Maintenance lead", "Replace the shared HMI login")
    assert store.remediation("Z1", "SR 1.1") is None
    assert w.select("Z1", "SR 1.2")  # moving on tries once more, and fails: the text is in the box
    disk.free()
    qtbot.keyClick(w.tree, Qt.Key.Key_2)
    answer = store.answer("Z1", "SR 1.2")
    assert answer is not None and answer.status is Status.IMPLEMENTED
    assert store.remediation("Z1", "SR 1.1") is None and store.remediation("Z1", "SR 1.2") is None
    qtbot.waitUntil(lambda: bool(boxes.shown))
    assert "Maintenance lead" in boxes.last().details and "Replace the shared HMI login" in boxes.last().details


def test_a_project_that_turns_read_only_disables_every_editor(
        qtbot: QtBot, window: MainWindow, zone_project: Path, boxes: Boxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from ot62443_desktop.storage import store as store_module
    from ot62443_desktop.storage.journal import Journal

    with open_project(zone_project) as project:
        project.set_answer("Z1", "SR 1.2", "not_implemented")
    assert window.open_path(str(zone_project))
    view = window.view
    assert view is not None
    zones, page = view.zones, view.walkthrough.page
    window.show_tab(1)
    assert view.walkthrough.select("Z1", "SR 1.1")

    def no_new_journal(*_args: object) -> Journal:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_module, "COMPACT_AFTER_BYTES", 0)
    monkeypatch.setattr(Journal, "start", no_new_journal)
    window.show_tab(3)
    plan = view.plan.model
    row = next(r for r in range(plan.rowCount()) if plan.index(r, 2).data() == "SR 1.2")
    assert plan.setData(plan.index(row, 6), "Maintenance lead")  # saved; then the project turns read-only
    assert window.session.read_only  # type: ignore[union-attr]
    window.show_tab(1)
    editors = [page.ml_combo, page.evidence_add, page.evidence_remove, page.priority, page.due_default, page.effort,
               page.state, *page.status_group.buttons()]
    assert [e for e in editors if e.isEnabled()] == []
    fields = [page.notes, page.finding, page.countermeasure, page.action, page.owner, page.justification]
    assert [f for f in fields if not f.isReadOnly()] == []  # their text can still be selected and copied
    assert [b.text() for b in (zones.add_button, zones.edit_button, zones.remove_button) if b.isEnabled()] == []


def test_every_edit_of_a_read_only_project_says_why_it_changed_nothing(
        qtbot: QtBot, window: MainWindow, zone_project: Path, boxes: Boxes) -> None:
    def refused() -> bool:
        message = window.statusBar().currentMessage()
        window.statusBar().clearMessage()
        return message.startswith("Nothing was changed: this project is read-only (open in another instance")

    with open_project(zone_project) as project:
        project.set_answer("Z1", "SR 1.2", "not_implemented")
    with ProjectStore.open(zone_project):  # another instance holds it
        assert window.open_path(str(zone_project))
        view = window.view
        assert view is not None
        window.show_tab(1)
        w = view.walkthrough
        assert w.select("Z1", "SR 1.1")
        w.tree.setFocus()
        qtbot.keyClick(w.tree, Qt.Key.Key_2)
        assert refused()
        assert w.select("site", "ORG 1.1")
        qtbot.keyClick(w.tree, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # a 2-1 maturity key
        assert refused()
        window.show_tab(0)
        cell = view.zones.table.visualRect(view.zones.model.index(0, 1)).center()
        qtbot.mouseClick(view.zones.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        qtbot.mouseDClick(view.zones.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # edits a zone
        assert refused()
        window.show_tab(3)
        plan = view.plan.model
        row = next(r for r in range(plan.rowCount()) if plan.index(r, 2).data() == "SR 1.2")
        assert not plan.flags(plan.index(row, 6)) & Qt.ItemFlag.ItemIsEditable
        assert not plan.setData(plan.index(row, 6), "Maintenance lead") and refused()
        assert window.session.store.answers().keys() == {("Z1", "SR 1.2")}  # type: ignore[union-attr]
        assert [b.title for b in boxes.shown] == ["Opened read-only"]


def test_the_window_title_shows_the_file_name_as_written(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "plant[*] north.ot62443"  # "[*]" is Qt's placeholder for "modified"
    with open_project(path, create=True) as project:
        project.add_zone("Z1", "Cell", 2)
    assert window.open_path(str(path))
    assert window.windowHandle().title().startswith("plant[*] north.ot62443 [all changes saved]")


def test_a_status_key_does_not_render_the_notes_preview_again(qtbot: QtBot, walk: MainWindow) -> None:
    """Rendering a long note takes seconds (10 MB: 7 s); a status change leaves the note as it was."""
    page = walk.view.walkthrough.page  # type: ignore[union-attr]
    page.notes.setPlainText("pump station valve " * 1000)
    page.notes.flush()
    page.preview_box.setChecked(True)
    shown = page.notes_preview.document()
    qtbot.keyClick(walk.view.walkthrough.tree, Qt.Key.Key_3)  # type: ignore[union-attr]
    assert walk.session.store.answer("Z1", "SR 1.1").status is Status.PARTIAL  # type: ignore[union-attr]
    assert page.notes_preview.document() is shown


def test_undo_and_redo_pressed_again_and_again_on_a_full_disk_keep_the_stack_where_the_store_is(
        qtbot: QtBot, walk: MainWindow, disk: FullDisk, boxes: Boxes) -> None:
    w, store = walk.view.walkthrough, walk.session.store  # type: ignore[union-attr]
    stack = walk.session.undo_stack  # type: ignore[union-attr]
    for key in (Qt.Key.Key_2, Qt.Key.Key_3):
        qtbot.keyClick(w.tree, key)
    qtbot.keyClick(w.tree, Qt.Key.Key_Z, CTRL)  # back to "implemented"
    disk.fill()
    qtbot.keyClick(w.tree, Qt.Key.Key_Y, CTRL)  # a redo that fails...
    for _ in range(5):  # ...then undo after undo
        qtbot.keyClick(w.tree, Qt.Key.Key_Z, CTRL)
    assert (stack.index(), stack.count()) == (1, 2)
    assert store.answer("Z1", "SR 1.1").status is Status.IMPLEMENTED  # type: ignore[union-attr]
    assert w.page.status_group.checkedId() == 2  # the page shows what is stored
    qtbot.waitUntil(lambda: bool(boxes.shown))
    qtbot.wait(20)
    assert len(boxes.shown) == 1 and "Undo: SR 1.1: Implemented" in boxes.last()
    disk.free()
    qtbot.keyClick(w.tree, Qt.Key.Key_Z, CTRL)
    assert store.answer("Z1", "SR 1.1") is None and stack.index() == 0
    for _ in range(2):
        qtbot.keyClick(w.tree, Qt.Key.Key_Y, CTRL)
    assert store.answer("Z1", "SR 1.1").status is Status.PARTIAL and stack.index() == 2  # type: ignore[union-attr]
    assert "all changes saved" in walk.windowTitle()


def test_moving_on_while_the_disk_is_full_keeps_the_typed_note_in_the_box(
        qtbot: QtBot, walk: MainWindow, disk: FullDisk, boxes: Boxes) -> None:
    page = walk.view.walkthrough.page  # type: ignore[union-attr]
    disk.fill()
    page.notes.setFocus()
    qtbot.keyClicks(page.notes, "Firewall rules never reviewed")
    qtbot.keyClick(page.notes, Qt.Key.Key_Down, CTRL)  # next requirement: the note is committed first, and fails
    assert walk.view.walkthrough.current_key() == ("Z1", "SR 1.1 RE 1")  # type: ignore[union-attr]
    assert walk.session.store.answers() == {}  # type: ignore[union-attr]
    assert "NOT SAVED" in walk.windowTitle()
    qtbot.waitUntil(lambda: bool(boxes.shown))
    assert "SR 1.1: edit notes\nNotes:\nFirewall rules never reviewed" in boxes.last().details


def test_recent_projects_on_a_network_share_are_listed_without_reaching_the_share(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Looking at //host/share/x makes Windows connect to that host, and wait half a minute for it
    if it is offline: the start page must not do that for each recent project."""
    local = tmp_path / "plant.ot62443"
    local.write_text("{}", encoding="utf-8")
    shares = ["//fileserver/audits/plant.ot62443", "\\\\fileserver\\audits\\mill.ot62443"]
    window.settings.setValue("recent", [*shares, str(local), str(tmp_path / "gone.ot62443")])
    looked_at: list[str] = []
    exists = Path.exists
    monkeypatch.setattr(Path, "exists", lambda self, **kw: looked_at.append(str(self)) or exists(self, **kw))
    assert window.recent_files() == [*shares, str(local)]
    assert not any(path.startswith(("//", "\\\\")) for path in looked_at)


def large_file(path: Path, mebibytes: int) -> Path:
    with path.open("wb") as fh:
        fh.truncate(mebibytes << 20)  # sparse: no time spent writing it
    return path


def test_a_large_evidence_file_is_hashed_in_the_background_for_the_requirement_it_was_chosen_for(
        qtbot: QtBot, walk: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ot62443_desktop.ui import evidence

    monkeypatch.setattr(evidence, "INLINE_BYTES", 1 << 20)
    capture = large_file(tmp_path / "plant-network.pcap", 3)
    w, store = walk.view.walkthrough, walk.session.store  # type: ignore[union-attr]
    w.page.add_evidence(capture)
    assert store.answer("Z1", "SR 1.1") is None  # the window goes on while the file is read
    assert w.select("Z1", "SR 1.2")
    qtbot.waitUntil(lambda: store.answer("Z1", "SR 1.1") is not None, timeout=30000)
    recorded = store.answer("Z1", "SR 1.1").evidence  # type: ignore[union-attr]
    assert [(e.path, e.sha256) for e in recorded] == [(str(capture), hashlib.sha256(bytes(3 << 20)).hexdigest())]
    assert store.answer("Z1", "SR 1.2") is None


def test_cancelling_the_hash_of_a_large_evidence_file_adds_nothing(
        qtbot: QtBot, walk: MainWindow, tmp_path: Path, boxes: Boxes, monkeypatch: pytest.MonkeyPatch) -> None:
    from ot62443_desktop.ui import evidence

    monkeypatch.setattr(evidence, "INLINE_BYTES", 1 << 20)
    page = walk.view.walkthrough.page  # type: ignore[union-attr]
    page.add_evidence(large_file(tmp_path / "historian-backup.bak", 64))
    progress = page.findChild(QProgressDialog)
    assert progress is not None
    progress.findChild(QPushButton).click()  # Cancel
    qtbot.waitUntil(lambda: page.findChild(QProgressDialog) is None, timeout=30000)  # the job has ended
    assert walk.session.store.answer("Z1", "SR 1.1") is None and boxes.shown == []


def test_evidence_hashed_for_a_zone_removed_meanwhile_says_it_was_not_added(
        qtbot: QtBot, walk: MainWindow, tmp_path: Path, boxes: Boxes, monkeypatch: pytest.MonkeyPatch) -> None:
    from ot62443_desktop.ui import evidence

    monkeypatch.setattr(evidence, "INLINE_BYTES", 1 << 20)
    view = walk.view
    assert view is not None
    view.walkthrough.page.add_evidence(large_file(tmp_path / "plant-network.pcap", 3))
    walk.show_tab(0)
    view.zones.table.selectRow(0)
    boxes.answers.append(Button.Yes)
    view.zones.remove_zone()
    qtbot.waitUntil(lambda: boxes.last().title == "Evidence not added", timeout=30000)
    assert "zone Z1 was removed meanwhile" in boxes.last()
    walk.session.undo_stack.undo()  # type: ignore[union-attr]
    assert walk.session.store.answers() == {}  # type: ignore[union-attr]


@pytest.mark.parametrize("damage", ["recent=@Rect(1 2 3 4)\n[window]\ngeometry=@Size(3 4)",
                                    "recent=1, 2, @Rect(1 2 3 4)\n[window]\ngeometry=@Rect(1 2 3 4)",
                                    "recent=@ByteArray(\\0\\xff)\n[window]\ngeometry=12"])
def test_a_damaged_settings_file_does_not_stop_the_program_from_starting(
        qtbot: QtBot, data_dir: Path, tmp_path: Path, damage: str) -> None:
    (data_dir / "settings.ini").write_text("[General]\n" + damage + "\n", encoding="utf-8")
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.recent_files() == []
    project = tmp_path / "plant.ot62443"
    with open_project(project, create=True) as created:
        created.add_zone("Z1", "Cell", 2)
    assert window.open_path(str(project))
    window.close_project()
    assert window.recent_files() == [str(project.resolve())]
