"""Ctrl+L records last time's answer by today's rules: the answer it records is one the page itself
could record. Last time's maturity may no longer fit its status (the target maturity was raised
since), and a file from elsewhere may hold a maturity on a 3-3 answer or a 2-1 status without one."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ot62443_desktop.api import carry_forward, open_project
from ot62443_desktop.domain.model import Answer, Status
from ot62443_desktop.domain.rules import Result, classify, maturity_conflict
from ot62443_desktop.ui.main_window import MainWindow
from tests.ui.boxes import Boxes
from tests.ui.test_carried_forward_gui import walkthrough_at

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


def carried(tmp_path: Path, *, target_ml: int = 2, spoil: Callable[[dict[str, Any]], None] | None = None) -> Path:
    """Last year's answers (ORG 1.1 implemented at ML2, the target then), carried forward; this year's
    target maturity `target_ml`; `spoil` edits the file's baseline as someone else's program might."""
    old = tmp_path / "2025.ot62443"
    with open_project(old, create=True, client="ACME", site="North") as project:
        project.add_zone("Z1", "Control network", 2)
        project.set_answer("Z1", "SR 1.1", "partial", notes="shared login")
        project.set_answer("site", "ORG 1.1", "implemented", ml=2, notes="policy signed")
    new = tmp_path / "2026.ot62443"
    with carry_forward(old, new) as project:
        project.store.set_info(dataclasses.replace(project.store.info, target_ml=target_ml))
    if spoil is not None:
        raw = json.loads(new.read_bytes())
        spoil(raw)
        new.write_text(json.dumps(raw))
    return new


def use_last_time(qtbot: QtBot, window: MainWindow, path: Path, scope_id: str, requirement_id: str) -> Answer:
    assert window.open_path(str(path))
    window.show_tab(1)
    w = walkthrough_at(window, scope_id, requirement_id)
    qtbot.keyClick(w.tree, Qt.Key.Key_L, CTRL)
    assert window.session is not None
    answer = window.session.store.answer(scope_id, requirement_id)
    assert answer is not None
    return answer


def counts_as(window: MainWindow, answer: Answer) -> Result:
    assert window.session is not None
    requirement = window.session.catalogues.requirement(answer.requirement_id)
    zone = window.session.store.zone(answer.scope_id) if requirement.level is not None else None
    return classify(answer, requirement, zone, window.session.store.info.target_ml)


def test_a_maturity_below_a_raised_target_is_recorded_as_partial(qtbot: QtBot, window: MainWindow,
                                                                tmp_path: Path) -> None:
    answer = use_last_time(qtbot, window, carried(tmp_path, target_ml=3), "site", "ORG 1.1")
    assert (answer.status, answer.ml, answer.notes) == (Status.PARTIAL, 2, "policy signed")
    assert counts_as(window, answer) is Result.GAP  # the status says what the maturity counts as
    page = window.view.walkthrough.page  # type: ignore[union-attr]
    assert page.last_time.head.text().endswith("Implemented, ML2 · Managed")  # last time's, as it was recorded
    steps = window.session.undo_stack.count()  # type: ignore[union-attr]
    qtbot.keyClick(window.view.walkthrough.tree, Qt.Key.Key_L, CTRL)  # type: ignore[union-attr]
    assert window.session.undo_stack.count() == steps  # type: ignore[union-attr]  # already taken: no new step


def test_at_the_same_target_last_times_answer_is_taken_as_it_was(qtbot: QtBot, window: MainWindow,
                                                                tmp_path: Path) -> None:
    answer = use_last_time(qtbot, window, carried(tmp_path), "site", "ORG 1.1")
    assert (answer.status, answer.ml) == (Status.IMPLEMENTED, 2)


def _maturity_on_a_3_3_answer(raw: dict[str, Any]) -> None:
    raw["baseline:answers:Z1"]["1"]["ml"] = 3


def _program_status_without_maturity(raw: dict[str, Any]) -> None:
    del raw["baseline:answers:site"]["1"]["ml"]


def _not_applicable_with_maturity(raw: dict[str, Any]) -> None:
    raw["baseline:answers:site"]["1"]["status"] = "not_applicable"


@pytest.mark.parametrize(("spoil", "key", "expected"), [
    (_maturity_on_a_3_3_answer, ("Z1", "SR 1.1"), (Status.PARTIAL, None)),
    (_program_status_without_maturity, ("site", "ORG 1.1"), (Status.IMPLEMENTED, 2)),  # as the key 2 would
    (_not_applicable_with_maturity, ("site", "ORG 1.1"), (Status.NOT_APPLICABLE, None)),
])
def test_an_answer_no_program_of_ours_records_is_recorded_as_the_page_would(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, spoil: Callable[[dict[str, Any]], None],
        key: tuple[str, str], expected: tuple[Status, int | None]) -> None:
    answer = use_last_time(qtbot, window, carried(tmp_path, spoil=spoil), *key)
    assert (answer.status, answer.ml) == expected
    requirement = window.session.catalogues.requirement(key[1])  # type: ignore[union-attr]
    assert maturity_conflict(answer.status, answer.ml) is None if requirement.level is None else answer.ml is None
