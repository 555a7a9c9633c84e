"""A table that fails to make its new rows keeps its old ones: the reset starts only once they are made.

Between beginResetModel and endResetModel a view holds no rows; an error raised there left it so, and
Qt crashed at the next paint (the Diagram tab's checks did, on a conduit none of whose zones existed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ot62443_desktop.api import open_project
from ot62443_desktop.ui.main_window import MainWindow


class Broken(Exception):
    pass


def fail(*_args: object) -> None:
    raise Broken("the rows could not be made")


@pytest.fixture
def opened(window: MainWindow, project_path: Path) -> MainWindow:
    with open_project(project_path, create=True, client="ACME", site="North") as project:
        project.add_zone("SCADA", "SCADA", 2, level=2)
        project.add_zone("PLC", "Controllers", 2, level=1)
        project.set_answer("SCADA", "SR 1.1", "not_implemented")
    assert window.open_path(str(project_path))
    return window


def test_each_table_keeps_its_rows_when_new_ones_cannot_be_made(
        qtbot: QtBot, opened: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    view = opened.view
    assert view is not None
    for tab in range(view.count()):
        opened.show_tab(tab)
    session = opened.session
    assert session is not None
    models = [(view.dashboard.zones.reload, view.dashboard.zones, "snapshot"),
              (view.dashboard.program.reload, view.dashboard.program, "snapshot"),
              (view.plan.model.reload, view.plan.model, "gaps"),
              (view.walkthrough.model.rebuild, view.walkthrough.model, "store")]
    for reload, model, attribute in models:
        before = model.rowCount()
        with monkeypatch.context() as patch:
            if attribute == "store":
                patch.setattr(session.store, "zones", fail)
            else:
                patch.setattr(session, attribute, fail)
            with pytest.raises(Broken):
                reload()
        assert model.rowCount() == before > 0, model
        for tab in range(view.count()):  # the views paint what they had
            opened.show_tab(tab)
            view.grab()
