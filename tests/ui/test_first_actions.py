"""The walkthrough opens without its requirement page (built when a requirement is first shown): whatever the
person does first, by key or menu, works as it did when the page was there from the start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ot62443_desktop.api import open_project
from ot62443_desktop.domain.model import Answer, Status
from ot62443_desktop.ui.actions import Act
from ot62443_desktop.ui.commands import SetAnswerCommand
from ot62443_desktop.ui.main_window import MainWindow
from tests.ui.test_walkthrough import open_walkthrough


def test_a_status_key_before_any_requirement_changes_nothing_then_ctrl_return_starts(
        qtbot: QtBot, window: MainWindow, zone_project: Path) -> None:
    open_walkthrough(window, zone_project)
    w = window.view.walkthrough  # type: ignore[union-attr]
    w.tree.setFocus()
    qtbot.keyClick(w.tree, Qt.Key.Key_4)
    qtbot.keyClick(w.tree, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.session.store.answers() == {}  # type: ignore[union-attr]
    qtbot.keyClick(w.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert w.current_key() == ("Z1", "SR 1.1") and w.stack.currentWidget() is w.page
    qtbot.keyClick(w.tree, Qt.Key.Key_4)
    answer = window.session.store.answer("Z1", "SR 1.1")  # type: ignore[union-attr]
    assert answer is not None and answer.status is Status.NOT_IMPLEMENTED


def test_find_first_then_a_search_result_shows_its_page(qtbot: QtBot, window: MainWindow, zone_project: Path) -> None:
    open_walkthrough(window, zone_project)
    w = window.view.walkthrough  # type: ignore[union-attr]
    window.action(Act.FIND).trigger()
    assert w.search.hasFocus()
    qtbot.keyClicks(w.search, "SR 2.1")
    assert w.go_next() and w.current_key() is not None and w.current_key()[1].startswith("SR 2.1")  # type: ignore[index]
    assert w.page.heading.text().startswith("SR 2.1")


def test_undo_first_takes_back_an_answer_made_elsewhere_and_the_page_shows_it_gone(
        qtbot: QtBot, window: MainWindow, zone_project: Path) -> None:
    """An answer recorded before the page exists (as a register import does), undone and redone before it does."""
    open_walkthrough(window, zone_project)
    session = window.session
    assert session is not None
    after = Answer("Z1", "SR 1.1", Status.IMPLEMENTED)
    session.undo_stack.push(SetAnswerCommand(session, None, after, scope_id="Z1", requirement_id="SR 1.1",
                                             text="answer"))
    assert session.store.answer("Z1", "SR 1.1") == after
    window.action(Act.UNDO).trigger()
    assert session.store.answer("Z1", "SR 1.1") is None
    w = window.view.walkthrough  # type: ignore[union-attr]
    assert w.show_requirement("Z1", "SR 1.1") and w.page.heading.text().startswith("SR 1.1")
    window.action(Act.REDO).trigger()
    assert session.store.answer("Z1", "SR 1.1") == after


def test_f1_first_lists_the_page_keys(qtbot: QtBot, window: MainWindow, zone_project: Path) -> None:
    open_walkthrough(window, zone_project)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    rows = window.keyboard_help.rows()  # type: ignore[union-attr]
    assert ("4", "Status: Not implemented") in rows
    window.keyboard_help.close()  # type: ignore[union-attr]


def test_a_project_closed_before_its_first_page_is_left_whole_and_unlocked(
        window: MainWindow, zone_project: Path) -> None:
    with open_project(zone_project) as project:
        project.set_answer("Z1", "SR 1.1", "partial")
    open_walkthrough(window, zone_project)
    assert Path(f"{zone_project}.lock").exists()
    assert window.confirm_close()  # nothing typed on a page that was never built
    window.close_project()
    assert window.session is None and not Path(f"{zone_project}.lock").exists()
    with open_project(zone_project, read_only=True) as project:
        assert project.store.answer("Z1", "SR 1.1").status is Status.PARTIAL  # type: ignore[union-attr]
