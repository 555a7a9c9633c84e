"""Walkthrough behaviour: filters, search, next unanswered, 2-1 maturity, evidence, read-only."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ot62443_desktop.api import open_project
from ot62443_desktop.domain.model import Status
from ot62443_desktop.storage import ProjectStore
from ot62443_desktop.ui.main_window import MainWindow
from ot62443_desktop.ui.navigator_model import FilterMode


def open_walkthrough(window: MainWindow, path: Path) -> None:
    assert window.open_path(str(path))
    window.show_tab(1)


def test_filters_and_search_limit_what_next_visits(qtbot: QtBot, window: MainWindow, zone_project: Path) -> None:
    with open_project(zone_project) as project:
        project.set_answer("Z1", "SR 2.1", "not_implemented", notes="Shared HMI login")
        project.set_answer("Z1", "SR 3.1", "implemented")
    open_walkthrough(window, zone_project)
    w = window.view.walkthrough  # type: ignore[union-attr]
    w.set_filter(FilterMode.GAPS)
    assert w.go_next() and w.current_key() == ("Z1", "SR 2.1")
    assert not w.go_next()  # the only gap
    w.set_filter(FilterMode.ALL)
    qtbot.keyClicks(w.search, "hmi login")  # notes are searched too
    w.tree.setCurrentIndex(w.proxy.index(0, 0))
    assert w.go_next() and w.current_key() == ("Z1", "SR 2.1")
    w.search.clear()
    w.set_filter(FilterMode.UNANSWERED)
    w.tree.setCurrentIndex(w.proxy.index(0, 0))
    assert w.go_next() and w.current_key() == ("Z1", "SR 1.1")
    assert w.go_next() and w.current_key() == ("Z1", "SR 1.1 RE 1")
    assert w.go_previous() and w.current_key() == ("Z1", "SR 1.1")


def test_next_unanswered_jumps_over_answered_ones(qtbot: QtBot, window: MainWindow, zone_project: Path) -> None:
    with open_project(zone_project) as project:
        for rid in ("SR 1.1", "SR 1.1 RE 1", "SR 1.2"):
            project.set_answer("Z1", rid, "implemented")
    open_walkthrough(window, zone_project)
    w = window.view.walkthrough  # type: ignore[union-attr]
    w.tree.setFocus()
    qtbot.keyClick(w.tree, Qt.Key.Key_F8)
    assert w.current_key() == ("Z1", "SR 1.3")


def test_show_all_offers_requirements_above_sl_t(window: MainWindow, zone_project: Path) -> None:
    open_walkthrough(window, zone_project)
    w = window.view.walkthrough  # type: ignore[union-attr]
    count = len([n for n in w.model.requirement_nodes() if n.scope_id == "Z1"])
    w.show_all.setChecked(True)
    assert len([n for n in w.model.requirement_nodes() if n.scope_id == "Z1"]) == 100 > count
    assert w.select("Z1", "SR 1.1 RE 3")


def test_program_requirement_takes_maturity_by_alt_digit(qtbot: QtBot, window: MainWindow, zone_project: Path) -> None:
    open_walkthrough(window, zone_project)
    w = window.view.walkthrough  # type: ignore[union-attr]
    assert w.select("site", "ORG 1.1")
    assert w.page.ml_row.isVisibleTo(w.page)
    w.tree.setFocus()
    qtbot.keyClick(w.tree, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    store = window.session.store  # type: ignore[union-attr]
    answer = store.answer("site", "ORG 1.1")
    assert answer is not None and (answer.status, answer.ml) == (Status.IMPLEMENTED, 3)
    qtbot.keyClick(w.tree, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # below target ML2
    answer = store.answer("site", "ORG 1.1")
    assert answer is not None and (answer.status, answer.ml) == (Status.PARTIAL, 1)
    assert w.page.remediation_box.isVisibleTo(w.page)  # a gap: the plan fields appear
    qtbot.keyClick(w.tree, Qt.Key.Key_4)  # "not implemented" sets ML0
    assert store.answer("site", "ORG 1.1").ml == 0  # type: ignore[union-attr]


def test_evidence_records_sha256_and_flags_missing_files(window: MainWindow, zone_project: Path,
                                                         tmp_path: Path) -> None:
    open_walkthrough(window, zone_project)
    w = window.view.walkthrough  # type: ignore[union-attr]
    assert w.select("Z1", "SR 1.1")
    photo = tmp_path / "hmi-login.png"
    photo.write_bytes(b"not really a png")
    w.page.add_evidence(photo)
    answer = window.session.store.answer("Z1", "SR 1.1")  # type: ignore[union-attr]
    assert answer is not None
    assert answer.evidence[0].sha256 == hashlib.sha256(b"not really a png").hexdigest()
    assert "MISSING" not in w.page.evidence_list.item(0).text()
    photo.unlink()
    w.select("Z1", "SR 1.3")
    w.select("Z1", "SR 1.1")
    assert w.page.evidence_list.item(0).text().startswith("MISSING")


def test_locked_project_opens_read_only_and_refuses_edits(qtbot: QtBot, window: MainWindow, zone_project: Path,
                                                          monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.information", lambda *a: None)
    with ProjectStore.open(zone_project):  # another instance holds it
        open_walkthrough(window, zone_project)
        assert "read-only" in window.windowTitle() and "open in another instance" in window.windowTitle()
        w = window.view.walkthrough  # type: ignore[union-attr]
        assert w.select("Z1", "SR 1.1")
        assert w.page.notes.isReadOnly() and not window.view.zones.add_button.isEnabled()  # type: ignore[union-attr]
        w.tree.setFocus()
        qtbot.keyClick(w.tree, Qt.Key.Key_2)
        assert window.session.store.answer("Z1", "SR 1.1") is None  # type: ignore[union-attr]


def test_damaged_project_shows_the_reason(window: MainWindow, project_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    project_path.write_bytes(b'{"meta": {"1": {')
    shown: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda title, message: shown.append(message))
    assert not window.open_path(str(project_path))
    assert "damaged or truncated" in shown[0] and window.session is None
    assert project_path.read_bytes() == b'{"meta": {"1": {'
