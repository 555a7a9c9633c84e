"""The diagram shows the client's names as text: in the boxes, the layer bands, tooltips and the checks list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ot62443_desktop.api import open_project
from ot62443_desktop.domain.model import ProjectInfo
from ot62443_desktop.ui.main_window import MainWindow
from tests.ui.test_hostile_text import Trap, hostile, show_tooltip, shown, trap  # noqa: F401 - trap: a fixture

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")  # tooltips, offscreen


def test_names_and_layers_that_look_like_markup_are_drawn_and_tipped_as_written(
        qtbot: QtBot, window: MainWindow, project_path: Path, trap: Trap) -> None:  # noqa: F811
    with open_project(project_path, create=True, client="ACME", site="North") as project:
        info = project.store.info
        project.store.set_info(ProjectInfo(info.client, info.site, layers=(hostile(trap, "Cell"), "Plant")))
        project.add_zone("Z1", hostile(trap, "Zone"), 2, level=0)
        project.add_zone("C1", hostile(trap, "Link"), 2, kind="conduit", connects=["Z1"])
    assert window.open_path(str(project_path))
    window.show_tab(5)
    view = window.view.diagram  # type: ignore[union-attr]
    tip = view.scene.boxes["Z1"].toolTip()
    assert shown(tip).startswith(f"Z1  {hostile(trap, 'Zone')}\nZone · {hostile(trap, 'Cell')}")
    show_tooltip(view.canvas, tip)
    view.grab()  # paints every box and band: text, nothing loaded
    bands = [item.name for item in view.scene.items() if hasattr(item, "band")]
    assert hostile(trap, "Cell") in bands
    row = next(r for r in range(view.findings.rowCount()) if view.findings.index(r, 0).data() == "C1")
    finding_tip = view.findings.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert shown(finding_tip).startswith(f"C1  {hostile(trap, 'Link')}\n")
    show_tooltip(view.checks, finding_tip)
