"""Team work in the GUI (issue 13): File > Merge another copy, File > Split work package, the Conflicts
tab (side by side, take mine / take theirs / edit), the counts in the status bar and the walkthrough,
and an answer's history from the navigator's context menu."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ot62443_desktop.api import open_project
from ot62443_desktop.domain.model import Answer, Status
from ot62443_desktop.storage import ProjectStore
from ot62443_desktop.ui.actions import Act
from ot62443_desktop.ui.main_window import CONFLICTS_TAB, MainWindow
from ot62443_desktop.ui.split_dialog import SplitDialog
from tests.ui.boxes import Boxes
from tests.ui.test_french_gui import assert_french, compiled, english_left_behind, french, french_window  # noqa: F401


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


@pytest.fixture
def copies(zone_project: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The project (zone Z1) and a colleague's copy: one answer only there, one answered differently on both."""
    with open_project(zone_project) as project:
        project.set_answer("Z1", "SR 1.1", "partial", notes="first look")
    other = tmp_path / "stick" / zone_project.name
    other.parent.mkdir()
    shutil.copy(zone_project, other)
    with open_project(other) as theirs:
        theirs.set_answer("Z1", "SR 1.2", "implemented", notes="only on the stick")
        theirs.set_answer("Z1", "SR 1.1", "implemented", notes="fixed, says Ben")
    with open_project(zone_project) as mine:
        mine.set_answer("Z1", "SR 1.1", "not_implemented", notes="still shared, says Anna")
    return zone_project, other


def merge_in(window: MainWindow, other: Path) -> list[str]:
    """File > Merge another copy of `other`, confirmed; what the confirmation said."""
    asked: list[str] = []
    window.runner.synchronous = True
    window.team.ask_other = lambda: str(other)  # type: ignore[method-assign]
    window.team.confirm = lambda text: asked.append(text) or True  # type: ignore[method-assign]
    window.action(Act.MERGE).trigger()
    return asked


def test_merge_shows_what_comes_then_the_conflicts_with_their_count(
        window: MainWindow, copies: tuple[Path, Path]) -> None:
    mine, other = copies
    assert window.open_path(str(mine))
    session = window.session
    assert session is not None and not window.conflicts_label.isVisible()
    (asked,) = merge_in(window, other)
    assert "1 change" in asked and "1 conflict" in asked
    assert session.store.answer("Z1", "SR 1.2").notes == "only on the stick"  # type: ignore[union-attr]
    assert window.view is not None and window.view.currentIndex() == CONFLICTS_TAB
    assert window.view.tabText(CONFLICTS_TAB) == "Conflicts (1)"
    assert window.conflicts_label.isVisible() and window.conflicts_label.text().startswith("1 merge conflict")
    assert "Merged" in window.statusBar().currentMessage()
    assert window.view.walkthrough.conflicts_note.text().startswith("1 merge conflict")
    view = window.view.conflicts
    assert view.model.rows[0].key == "a|Z1|SR 1.1"
    assert "still shared, says Anna" in view.mine.toPlainText() and "Not implemented" in view.mine.toPlainText()
    assert "fixed, says Ben" in view.theirs.toPlainText()
    assert not session.undo_stack.canUndo()


def test_take_theirs_settles_it_and_the_counts_go(qtbot: QtBot, window: MainWindow, copies: tuple[Path, Path]) -> None:
    mine, other = copies
    assert window.open_path(str(mine))
    merge_in(window, other)
    view = window.view.conflicts  # type: ignore[union-attr]
    qtbot.mouseClick(view.take_theirs, Qt.MouseButton.LeftButton)
    assert window.session.store.answer("Z1", "SR 1.1").notes == "fixed, says Ben"  # type: ignore[union-attr]
    assert view.model.rows == [] and not view.take_mine.isEnabled()
    assert not window.conflicts_label.isVisible() and view.summary.text().startswith("No conflicts")
    assert window.view.tabText(CONFLICTS_TAB) == "Conflicts"  # type: ignore[union-attr]
    assert not window.view.walkthrough.conflicts_note.isVisible()  # type: ignore[union-attr]
    window.close_project()
    with ProjectStore.open(mine) as store:  # durable
        assert store.conflicts() == [] and store.answer("Z1", "SR 1.1").notes == "fixed, says Ben"  # type: ignore[union-attr]


def test_edit_opens_the_requirement_and_take_mine_keeps_the_edit(
        qtbot: QtBot, window: MainWindow, copies: tuple[Path, Path]) -> None:
    mine, other = copies
    assert window.open_path(str(mine))
    merge_in(window, other)
    view = window.view.conflicts  # type: ignore[union-attr]
    qtbot.mouseClick(view.edit, Qt.MouseButton.LeftButton)
    walkthrough = window.view.walkthrough  # type: ignore[union-attr]
    assert window.view.currentIndex() == 1 and walkthrough.current_key() == ("Z1", "SR 1.1")  # type: ignore[union-attr]
    session = window.session
    assert session is not None
    answer = session.store.answer("Z1", "SR 1.1")
    assert answer is not None
    session.apply_answer("Z1", "SR 1.1", dataclasses.replace(answer, notes="agreed on Friday"))
    assert session.conflict_count() == 1  # an edit alone does not settle it
    window.show_tab(CONFLICTS_TAB)
    qtbot.mouseClick(view.take_mine, Qt.MouseButton.LeftButton)
    assert session.conflict_count() == 0 and session.store.answer("Z1", "SR 1.1").notes == "agreed on Friday"  # type: ignore[union-attr]


def test_the_conflicts_model_passes_the_model_tester(
        qtmodeltester: ModelTester, window: MainWindow, copies: tuple[Path, Path]) -> None:
    mine, other = copies
    assert window.open_path(str(mine))
    merge_in(window, other)
    qtmodeltester.check(window.view.conflicts.model)  # type: ignore[union-attr]


def test_merging_another_project_says_why_and_changes_nothing(
        window: MainWindow, zone_project: Path, tmp_path: Path, boxes: Boxes) -> None:
    other = tmp_path / "other.ot62443"
    open_project(other, create=True).close()
    assert window.open_path(str(zone_project))
    before = window.session.store.snapshot()  # type: ignore[union-attr]
    assert merge_in(window, other) == []  # refused before anything is asked
    assert "copy of another project" in boxes.shown[-1].text and boxes.shown[-1].plain
    assert window.session.store.snapshot() == before  # type: ignore[union-attr]


def test_merge_is_not_offered_on_a_read_only_project(window: MainWindow, zone_project: Path) -> None:
    holder = ProjectStore.open(zone_project)
    try:
        assert window.open_path(str(zone_project))
        assert not window.action(Act.MERGE).isEnabled() and window.action(Act.SPLIT).isEnabled()
    finally:
        holder.close()


def test_split_writes_a_work_package_that_merges_back(window: MainWindow, zone_project: Path, tmp_path: Path) -> None:
    assert window.open_path(str(zone_project))
    package = tmp_path / "anna.ot62443"
    window.team.ask_split = lambda session: (["Z1"], True, str(package))  # type: ignore[method-assign]
    window.action(Act.SPLIT).trigger()
    assert "anna.ot62443" in window.statusBar().currentMessage()
    with ProjectStore.open(package) as store:
        assert [z.id for z in store.zones()] == ["Z1"]
        store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL, notes="from the package"))
    (asked,) = merge_in(window, package)
    assert "1 change" in asked and "0 conflict" in asked
    assert window.session.store.answer("Z1", "SR 1.1").notes == "from the package"  # type: ignore[union-attr]


def test_the_split_dialog_needs_a_zone_and_a_file(qtbot: QtBot, window: MainWindow, zone_project: Path) -> None:
    assert window.open_path(str(zone_project))
    dialog = SplitDialog(window.session.store.zones(), "", window)  # type: ignore[union-attr]
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.zone_list.item(0).setCheckState(Qt.CheckState.Checked)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.target, "/tmp/anna")
    assert ok.isEnabled() and dialog.zones() == ["Z1"] and dialog.path() == "/tmp/anna.ot62443"


def test_an_answers_history_from_the_navigators_context_menu(
        qtbot: QtBot, window: MainWindow, copies: tuple[Path, Path]) -> None:
    mine, other = copies
    assert window.open_path(str(mine))
    merge_in(window, other)
    window.show_tab(1)
    walkthrough = window.view.walkthrough  # type: ignore[union-attr]
    assert walkthrough.select("Z1", "SR 1.1")
    rect = walkthrough.tree.visualRect(walkthrough.tree.currentIndex())
    menu = walkthrough.context_menu_at(rect.center())
    assert menu is not None and [a.text() for a in menu.actions()] == ["Answer &history…"]
    menu.actions()[0].trigger()
    assert walkthrough.context_menu_at(walkthrough.tree.visualRect(walkthrough.tree.currentIndex().parent())
                                       .center()) is None  # a section has no answer
    dialog = walkthrough.history_dialog
    assert dialog is not None and dialog.isVisible()
    rows = dialog.model.rows  # type: ignore[attr-defined]
    notes = [r["doc"]["notes"] for r in rows]
    assert notes[0] == "first look" and sorted(notes[1:]) == ["fixed, says Ben", "still shared, says Anna"]
    model = dialog.model  # type: ignore[attr-defined]
    assert model.index(len(rows) - 1, 2).data().endswith("(this copy)")
    dialog.close()


def test_the_team_views_are_french(french_window: MainWindow, copies: tuple[Path, Path],  # noqa: F811
                                   english_left_behind: set[str]) -> None:  # noqa: F811 - the French fixtures
    window = french_window
    mine, other = copies
    assert window.open_path(str(mine))
    (asked,) = merge_in(window, other)
    assert "1 modification à reprendre" in asked and "1 conflit\u00a0:" in asked
    view = window.view
    assert view is not None and view.tabText(CONFLICTS_TAB) == "Conflits (1)"
    assert window.conflicts_label.text() == "1 conflit de fusion"
    assert "Statut : Non mis en œuvre" in view.conflicts.mine.toPlainText()  # Qt gives the no-break space as one
    assert_french(view.conflicts, english_left_behind)
    history = view.walkthrough.show_history("Z1", "SR 1.1")
    assert_french(history, english_left_behind)
    history.close()
    dialog = SplitDialog(window.session.store.zones(), "", window)  # type: ignore[union-attr]
    assert_french(dialog, english_left_behind)
    dialog.deleteLater()
