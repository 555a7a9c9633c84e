"""Next year's assessment in the GUI: File > New from previous assessment, last time's answer beside
this one (Ctrl+L copies it), and the Progress view, driven by keys and clicks."""

from __future__ import annotations

import dataclasses
import errno
import getpass
import os
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ot62443_desktop.api import carry_forward, open_project
from ot62443_desktop.domain.model import Status
from ot62443_desktop.storage import ProjectStore
from ot62443_desktop.ui.main_window import MainWindow
from ot62443_desktop.ui.new_from_previous import suggested_name
from ot62443_desktop.ui.progress_model import CLOSED, NEW, PERSISTING, THEN_NOW, Change, GapChangesModel
from ot62443_desktop.ui.walkthrough import Walkthrough
from tests.test_carry_forward import last_year
from tests.ui import test_french_gui
from tests.ui.boxes import Boxes
from tests.ui.test_french_gui import assert_french

CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                   Qt.KeyboardModifier.AltModifier)
PROGRESS_TAB = 4
LAST_YEARS_ASSESSOR = "A. Previous"
# the French translator, compiled from today's .ts, and the English that must not be left on a French screen
compiled, french, french_window = test_french_gui.compiled, test_french_gui.french, test_french_gui.french_window
english_left_behind = test_french_gui.english_left_behind


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


class Dialogs:
    """The two file dialogs, answered as the person would; records what each was offered."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, old: Path | str, new: Path | str) -> None:
        self.old, self.new = str(old), str(new)
        self.offered: list[str] = []
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(self._open))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(self._save))

    def _open(self, *_args: object) -> tuple[str, str]:
        return self.old, ""

    def _save(self, _parent: object, _title: str, offered: str, *_args: object) -> tuple[str, str]:
        self.offered.append(offered)
        return self.new, ""


@pytest.fixture
def old(tmp_path: Path) -> Path:
    """Last year's project (tests/test_carry_forward.py), every answer given by last year's assessor."""
    path = last_year(tmp_path / "plant-2025.ot62443")
    with open_project(path) as project:
        for answer in project.store.snapshot().answers.values():
            project.store.set_answer(dataclasses.replace(answer, answered_by=LAST_YEARS_ASSESSOR,
                                                         answered_at=datetime(2025, 3, 5, 10, 30)))
    return path


@pytest.fixture
def carried(window: MainWindow, old: Path, tmp_path: Path) -> Iterator[MainWindow]:
    """Last year's project carried forward and open in the window, on the walkthrough."""
    with carry_forward(old, tmp_path / "plant-2026.ot62443"):
        pass
    assert window.open_path(str(tmp_path / "plant-2026.ot62443"))
    window.show_tab(1)
    yield window


def walkthrough_at(window: MainWindow, scope_id: str, requirement_id: str) -> Walkthrough:
    w = window.view.walkthrough  # type: ignore[union-attr]
    assert w.select(scope_id, requirement_id)
    w.tree.setFocus()
    return w


# -- File > New from previous assessment ------------------------------------------------------------


def test_new_from_previous_by_its_key_opens_next_years_project(qtbot: QtBot, window: MainWindow, old: Path,
                                                                tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                boxes: Boxes) -> None:
    before = old.read_bytes()
    dialogs = Dialogs(monkeypatch, old, tmp_path / "next")  # typed without the suffix
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | SHIFT)
    session = window.session
    assert session is not None and session.store.path == tmp_path / "next.ot62443"
    assert dialogs.offered == [str(suggested_name(old, date.today()))]
    data = session.snapshot()
    assert [z.id for z in data.zones] == ["Z1", "Z2"] and data.answers == {}
    assert data.previous is not None and data.previous.answer("Z1", "SR 1.1") is not None
    assert old.read_bytes() == before  # last year's file is only read
    assert window.view is not None and window.view.isTabVisible(PROGRESS_TAB)
    assert "every answer starts not assessed" in window.statusBar().currentMessage()
    assert boxes.shown == []


def test_the_menu_entry_is_in_the_file_menu(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    texts = [action.text() for action in file_menu.actions()]  # type: ignore[union-attr]
    assert texts.index("New &from previous assessment…") == texts.index("&New project…") + 1


def test_the_new_file_is_offered_beside_the_old_one_named_for_this_year() -> None:
    today = date(2026, 2, 1)
    assert suggested_name(Path("/p/plant-2025.ot62443"), today) == Path("/p/plant-2026.ot62443")
    assert suggested_name(Path("/p/plant.ot62443"), today) == Path("/p/plant-2026.ot62443")
    assert suggested_name(Path("/p/plant-2026.ot62443"), today) == Path("/p/plant-2026-next.ot62443")
    assert suggested_name(Path("/p/unit-0042.ot62443"), today) == Path("/p/unit-0042-2026.ot62443")


@pytest.mark.parametrize(("case", "said"), [
    ("missing", "no such project file"),
    ("damaged", "damaged or truncated"),
    ("same file", "is the previous assessment itself"),
    ("same file by another path", "is the previous assessment itself"),
    ("existing", "never written over an existing file"),
    ("no folder", "no such folder"),
    ("folder not writable", "Permission denied"),
])
def test_a_refused_carry_forward_says_why_and_changes_nothing(
        qtbot: QtBot, window: MainWindow, old: Path, zone_project: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, boxes: Boxes, case: str, said: str) -> None:
    assert window.open_path(str(zone_project))  # the project open now stays open
    session = window.session
    previous, new = old, tmp_path / "plant-2026.ot62443"
    if case == "missing":
        previous = tmp_path / "gone.ot62443"
    elif case == "damaged":
        previous = tmp_path / "damaged.ot62443"
        previous.write_bytes(b'{"meta": {"1": {')
    elif case == "same file":
        new = old
    elif case == "same file by another path":
        (tmp_path / "sub").mkdir()
        new = tmp_path / "sub" / ".." / old.name
    elif case == "existing":
        new = zone_project
    elif case == "no folder":
        new = tmp_path / "nowhere" / "plant-2026.ot62443"
    else:  # as a read-only share refuses it (the tests run as any user, root included)
        def refuse(path: Path, _data: bytes) -> None:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        monkeypatch.setattr("ot62443_desktop.storage.store.atomic_write", refuse)
    files = {p: p.read_bytes() for p in tmp_path.rglob("*.ot62443")}
    Dialogs(monkeypatch, previous, new)
    file_menu = window.menuBar().actions()[0].menu()
    entry = next(a for a in file_menu.actions() if a.text() == "New &from previous assessment…")  # type: ignore[union-attr]
    entry.trigger()
    shown = boxes.last()
    assert said in shown.text and "Nothing was changed." in shown.text and shown.plain
    assert shown.icon == shown.icon.Critical and len(boxes.shown) == 1
    assert window.session is session and session.store.path == zone_project  # type: ignore[union-attr]
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.ot62443")} == files  # no file made, none changed


def test_cancelling_either_dialog_changes_nothing(window: MainWindow, old: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch, boxes: Boxes) -> None:
    for previous, new in (("", tmp_path / "a.ot62443"), (old, "")):
        Dialogs(monkeypatch, previous, new)
        window.new_from_previous()
        assert window.session is None and boxes.shown == []
    assert sorted(p.name for p in tmp_path.glob("*.ot62443")) == [old.name]


# -- last time, in the walkthrough -------------------------------------------------------------------


def test_last_time_is_shown_beside_the_answer_as_plain_text(carried: MainWindow, tmp_path: Path) -> None:
    w = walkthrough_at(carried, "Z1", "SR 1.1")
    panel = w.page.last_time
    assert panel.isVisibleTo(w.page)
    assert panel.head.text() == "Last time (7 March 2025): Not implemented"
    assert panel.label.text() == "Notes: shared operator login"
    assert panel.label.textFormat() == Qt.TextFormat.PlainText
    assert "Ctrl+L" in panel.use_button.toolTip()
    assert carried.session.store.answer("Z1", "SR 1.1") is None  # type: ignore[union-attr]
    assert w.model.index(0, 1).data() != "Not implemented"  # never counted as this year's answer
    walkthrough_at(carried, "Z1", "SR 1.3")  # nothing recorded there last time
    assert not panel.isVisibleTo(w.page)
    walkthrough_at(carried, "site", "ORG 1.1")
    assert panel.head.text() == "Last time (7 March 2025): Partially implemented, ML1 · Initial"
    assert not panel.label.isVisibleTo(panel)  # no notes, no finding: no empty line


def test_user_text_of_last_time_is_shown_literally(window: MainWindow, tmp_path: Path) -> None:
    old = tmp_path / "2025.ot62443"
    with open_project(old, create=True, client="ACME", site="North") as project:
        project.add_zone("Z1", "<b>Control</b>", 2)
        project.set_answer("Z1", "SR 1.1", "partial", notes='<img src="/dev/zero"> and\n\nmore', finding="x" * 5000)
    carry_forward(old, tmp_path / "2026.ot62443").close()
    assert window.open_path(str(tmp_path / "2026.ot62443"))
    panel = walkthrough_at(window, "Z1", "SR 1.1").page.last_time
    lines = panel.label.text().splitlines()
    assert lines[0].startswith("Finding: xxx") and len(lines[0]) < 300  # cut short on the page
    assert lines[1] == 'Notes: <img src="/dev/zero"> and more'
    assert "x" * 500 in panel.label.toolTip() and "&lt;img" in panel.label.toolTip()  # more of each, escaped


def test_ctrl_l_records_last_times_answer_as_a_new_answer_and_undo_takes_it_back(
        qtbot: QtBot, carried: MainWindow) -> None:
    store = carried.session.store  # type: ignore[union-attr]
    previous = carried.session.snapshot().previous  # type: ignore[union-attr]
    assert previous is not None
    w = walkthrough_at(carried, "Z1", "SR 1.1")
    qtbot.keyClick(w.tree, Qt.Key.Key_L, CTRL)
    answer = store.answer("Z1", "SR 1.1")
    last = previous.answer("Z1", "SR 1.1")
    assert answer is not None and last is not None
    assert (answer.status, answer.notes, answer.finding) == (Status.NOT_IMPLEMENTED, "shared operator login", "")
    assert last.answered_by == LAST_YEARS_ASSESSOR and answer.answered_by == getpass.getuser()  # a new answer
    assert answer.answered_at is not None and answer.answered_at.date() != last.answered_at.date()  # type: ignore[union-attr]
    assert w.page.notes.toPlainText() == "shared operator login"
    assert w.page.status_group.checkedId() == 4  # "4 Not implemented"
    assert "use last time's answer" in carried.session.undo_stack.undoText()  # type: ignore[union-attr]
    with open_project(store.path, read_only=True) as reopened:  # saved like any answer
        assert reopened.store.answer("Z1", "SR 1.1") == answer
    qtbot.keyClick(w.tree, Qt.Key.Key_Z, CTRL)
    assert store.answer("Z1", "SR 1.1") is None and w.page.notes.toPlainText() == ""
    qtbot.keyClick(w.tree, Qt.Key.Key_Z, CTRL | SHIFT)
    assert store.answer("Z1", "SR 1.1") == answer


def test_the_button_copies_a_maturity_and_keeps_todays_evidence_and_edits_after(qtbot: QtBot,
                                                                               carried: MainWindow) -> None:
    store = carried.session.store  # type: ignore[union-attr]
    w = walkthrough_at(carried, "site", "ORG 1.1")
    qtbot.keyClick(w.tree, Qt.Key.Key_3, ALT)  # rated ML3 first, then last time's taken instead
    qtbot.mouseClick(w.page.last_time.use_button, Qt.MouseButton.LeftButton)
    answer = store.answer("site", "ORG 1.1")
    assert answer is not None and (answer.status, answer.ml) == (Status.PARTIAL, 1)
    assert w.page.ml_combo.currentData() == 1
    steps = carried.session.undo_stack.count()  # type: ignore[union-attr]
    qtbot.mouseClick(w.page.last_time.use_button, Qt.MouseButton.LeftButton)  # the same again: no new step
    assert carried.session.undo_stack.count() == steps  # type: ignore[union-attr]


def test_ctrl_l_where_nothing_was_recorded_says_so_and_changes_nothing(qtbot: QtBot, carried: MainWindow,
                                                                      zone_project: Path) -> None:
    w = walkthrough_at(carried, "Z1", "SR 1.3")
    qtbot.keyClick(w.tree, Qt.Key.Key_L, CTRL)
    assert carried.session.store.answer("Z1", "SR 1.3") is None  # type: ignore[union-attr]
    assert "has no answer to this requirement here" in carried.statusBar().currentMessage()
    assert carried.open_path(str(zone_project))  # a project started afresh: no panel, and the key says why
    w = walkthrough_at(carried, "Z1", "SR 1.1")
    assert not w.page.last_time.isVisibleTo(w.page)
    qtbot.keyClick(w.tree, Qt.Key.Key_L, CTRL)
    assert carried.session.store.answer("Z1", "SR 1.1") is None  # type: ignore[union-attr]
    assert "not carried forward" in carried.statusBar().currentMessage()


def test_a_read_only_project_shows_last_time_but_takes_nothing_from_it(qtbot: QtBot, window: MainWindow, old: Path,
                                                                       tmp_path: Path) -> None:
    carry_forward(old, tmp_path / "2026.ot62443").close()
    with ProjectStore.open(tmp_path / "2026.ot62443"):  # another instance holds it: opened read-only
        assert window.open_path(str(tmp_path / "2026.ot62443"))
        w = walkthrough_at(window, "Z1", "SR 1.1")
        assert w.page.last_time.isVisibleTo(w.page) and not w.page.last_time.use_button.isEnabled()
        qtbot.keyClick(w.tree, Qt.Key.Key_L, CTRL)
        assert window.session.store.answer("Z1", "SR 1.1") is None  # type: ignore[union-attr]
        assert "read-only" in window.statusBar().currentMessage()


# -- the Progress view ----------------------------------------------------------------------------------


def test_progress_view_on_a_worked_example(qtbot: QtBot, carried: MainWindow) -> None:
    """Z1: SR 1.1 fixed, SR 1.2 still partial (taken from last time), SR 6.2 no longer in place (FR 6
    falls from SL-A 2 to 1); the site's ORG 1.1 reaches the target ML2. All answered by keys."""
    w = walkthrough_at(carried, "Z1", "SR 1.1")
    qtbot.keyClick(w.tree, Qt.Key.Key_2)  # implemented: corrected
    w = walkthrough_at(carried, "Z1", "SR 1.2")
    qtbot.keyClick(w.tree, Qt.Key.Key_L, CTRL)  # partial again: persisting
    for requirement in ("SR 6.1", "SR 6.2"):
        w = walkthrough_at(carried, "Z1", requirement)
        qtbot.keyClick(w.tree, Qt.Key.Key_2 if requirement == "SR 6.1" else Qt.Key.Key_4)  # SR 6.2: new gap

    qtbot.keyClick(carried, Qt.Key.Key_5, ALT | SHIFT)  # View > Progress
    view = carried.view.progress  # type: ignore[union-attr]
    assert carried.view.currentWidget().isAncestorOf(view)  # type: ignore[union-attr]
    assert view.heading.text() == "Since the last assessment (7 March 2025)"
    assert view.counts.text().startswith("Gaps corrected: 1 · new: 1 · persisting: 1")
    assert view.zones_label.text() == "No zone added or removed."
    z1, z2 = view.grid.rows
    assert (z1.sl_a_then, z1.sl_a_now) == ((0, 0, 0, 0, 0, 2, 0), (0, 0, 0, 0, 0, 1, 0))
    assert view.grid.describe(0, 5) == "Z1, FR 6: SL-A 2 last time, 1 now"
    assert z2.sl_a_then == z2.sl_a_now
    model = view.model
    z1_row = model.scope_index("Z1")
    assert [model.index(0, c).data() for c in (CLOSED, NEW, PERSISTING)] == [1, 1, 1]
    assert [model.index(r, 0, z1_row).data() for r in range(3)] == ["Corrected (1)", "New (1)", "Persisting (1)"]
    closed = model.scope_index("Z1", Change.CLOSED)
    assert model.index(0, 0, closed).data().startswith("SR 1.1  ")
    assert model.index(0, THEN_NOW, closed).data() == "Not implemented → Implemented"
    new = model.scope_index("Z1", Change.NEW)
    assert model.index(0, THEN_NOW, new).data() == "Implemented → Not implemented"
    bars = {row.element: (row.then, row.now) for row in view.bars.rows}
    assert bars["ORG"] == (1.0, None) and bars["CM"] == (None, None)  # nothing of it rated yet this year

    qtbot.mouseClick(view.grid, Qt.MouseButton.LeftButton, pos=QPoint(20, view.grid.header_height() + 4))
    assert view.tree.isExpanded(z1_row) and view.tree.isExpanded(new)  # the zone clicked in the grid opens

    carried.show_tab(1)  # the site program reaches its target; the view shows it when it is back
    w = walkthrough_at(carried, "site", "ORG 1.1")
    qtbot.keyClick(w.tree, Qt.Key.Key_2, ALT)
    carried.show_tab(PROGRESS_TAB)
    assert view.counts.text().startswith("Gaps corrected: 2 · new: 1 · persisting: 1")
    assert model.index(model.rowCount() - 1, CLOSED).data() == 1  # the site program's row
    assert {row.element: row.now for row in view.bars.rows}["ORG"] == 2.0
    assert view.tree.isExpanded(model.scope_index("Z1", Change.NEW))  # what was open stays open


def test_progress_follows_an_undo_while_it_is_shown(qtbot: QtBot, carried: MainWindow) -> None:
    w = walkthrough_at(carried, "Z1", "SR 1.1")
    qtbot.keyClick(w.tree, Qt.Key.Key_2)
    carried.show_tab(PROGRESS_TAB)
    view = carried.view.progress  # type: ignore[union-attr]
    assert view.counts.text().startswith("Gaps corrected: 1 ")
    carried.session.undo_stack.undo()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: view.counts.text().startswith("Gaps corrected: 0 "))


def test_zones_added_and_removed_are_named(qtbot: QtBot, window: MainWindow, old: Path, tmp_path: Path) -> None:
    with carry_forward(old, tmp_path / "2026.ot62443") as project:
        project.store.remove_zone("Z2")
        project.add_zone("Z3", "Vendor remote access", 1)
        project.set_answer("Z3", "SR 1.1", "partial")
    assert window.open_path(str(tmp_path / "2026.ot62443"))
    window.show_tab(PROGRESS_TAB)
    view = window.view.progress  # type: ignore[union-attr]
    assert view.zones_label.text() == "Zones added: Z3 · Zones removed: Z2"
    assert [(row.scope_id, row.sl_a_then, row.sl_a_now) for row in view.grid.rows] == [
        ("Z1", (0, 0, 0, 0, 0, 2, 0), (0,) * 7), ("Z3", None, (0,) * 7), ("Z2", (0,) * 7, None)]
    assert "not in the previous assessment" in view.grid.describe(1, 0)
    model = view.model
    assert model.scope_index("Z3").data() == "Z3  Vendor remote access (added since)"
    new = model.scope_index("Z3", Change.NEW)
    assert model.index(0, THEN_NOW, new).data() == "— → Partial"


def test_a_project_not_carried_forward_has_no_progress_tab_until_asked(qtbot: QtBot, window: MainWindow,
                                                                        zone_project: Path) -> None:
    assert window.open_path(str(zone_project))
    view = window.view
    assert view is not None and not view.isTabVisible(PROGRESS_TAB) and PROGRESS_TAB not in view._pages
    qtbot.keyClick(window, Qt.Key.Key_5, ALT | SHIFT)
    assert view.isTabVisible(PROGRESS_TAB) and view.currentIndex() == PROGRESS_TAB
    progress = view.progress
    assert progress.stack.currentWidget() is progress.not_carried
    assert progress.not_carried.text().startswith("This project was not carried forward from a previous assessment.")


def test_the_gap_changes_model_passes_the_model_tester(qtmodeltester: ModelTester, carried: MainWindow) -> None:
    walkthrough_at(carried, "Z1", "SR 6.2").page.set_status(Status.NOT_IMPLEMENTED)
    carried.show_tab(PROGRESS_TAB)
    progress = carried.view.progress.progress  # type: ignore[union-attr]
    assert progress is not None
    model = GapChangesModel()
    model.show_progress(progress)
    qtmodeltester.check(model)


# -- in French ----------------------------------------------------------------------------------------------


def test_the_carried_forward_gui_speaks_french(qtbot: QtBot, french_window: MainWindow, old: Path, tmp_path: Path,
                                               english_left_behind: set[str]) -> None:
    window = french_window
    file_menu = window.menuBar().actions()[0].menu()
    assert "Nouvelle é&valuation à partir de la précédente…" in [a.text() for a in file_menu.actions()]  # type: ignore[union-attr]
    carry_forward(old, tmp_path / "plant-2026.ot62443").close()
    assert window.open_path(str(tmp_path / "plant-2026.ot62443"))
    assert window.view is not None and window.view.tabText(PROGRESS_TAB) == "Évolution"
    w = walkthrough_at(window, "Z1", "SR 1.1")
    panel = w.page.last_time
    assert panel.head.text() == "La dernière fois (7 mars 2025)\u00a0: Non mis en œuvre"
    assert panel.label.text() == "Notes\u00a0: shared operator login"
    assert panel.use_button.text() == "Reprendre la réponse précédente" and "Ctrl+L" in panel.use_button.toolTip()
    assert_french(panel, english_left_behind)
    qtbot.keyClick(w.tree, Qt.Key.Key_2)  # corrected

    qtbot.keyClick(window, Qt.Key.Key_5, ALT | SHIFT)
    view = window.view.progress
    assert view.heading.text() == "Depuis la dernière évaluation (7 mars 2025)"
    assert view.counts.text().startswith("Écarts corrigés\u00a0: 1 · nouveaux\u00a0: 0 · persistants\u00a0: 0")
    assert view.zones_label.text() == "Aucune zone ajoutée ni retirée."
    assert view.grid.describe(0, 5) == "Z1, FR 6\u00a0: SL-A 2 la dernière fois, 0 aujourd'hui"
    model = view.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (CLOSED, NEW, PERSISTING)] == [
        "Corrigés", "Nouveaux", "Persistants"]
    closed = model.scope_index("Z1", Change.CLOSED)
    assert closed.data() == "Corrigés (1)"
    assert model.index(0, THEN_NOW, closed).data() == "Non mis en œuvre → Mis en œuvre"
    assert model.index(model.rowCount() - 1, 0).data() == "Programme du site"
    assert_french(view, english_left_behind)
