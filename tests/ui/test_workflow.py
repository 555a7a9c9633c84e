"""The consultant's day, driven by clicks and keys: create, add a zone, answer, undo, plan, reopen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from ot62443_desktop.domain.model import Status
from ot62443_desktop.domain.scoring import score_zone
from ot62443_desktop.storage import ProjectStore
from ot62443_desktop.ui.main_window import MainWindow
from ot62443_desktop.ui.project_dialog import ProjectDialog
from ot62443_desktop.ui.remediation_view import OWNER
from ot62443_desktop.ui.zones_view import ZoneDialog
from tests.ui.conftest import when_dialog_opens


def click_ok(qtbot: QtBot, dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_full_day_by_keyboard_and_mouse(qtbot: QtBot, window: MainWindow, project_path: Path) -> None:
    def fill_project(dialog: QDialog) -> None:
        assert isinstance(dialog, ProjectDialog)
        qtbot.keyClicks(dialog.client, "ACME Water")
        qtbot.keyClicks(dialog.site, "North works")
        click_ok(qtbot, dialog)

    window.ask_new_path = lambda: str(project_path)  # type: ignore[method-assign]
    when_dialog_opens(fill_project)
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)
    assert window.session is not None and project_path.exists()
    assert "all changes saved" in window.windowTitle()

    def fill_zone(dialog: QDialog) -> None:
        assert isinstance(dialog, ZoneDialog)
        qtbot.keyClicks(dialog.id_edit, "Z1")
        qtbot.keyClicks(dialog.name_edit, "Control network")
        dialog.uniform_level.setValue(2)
        click_ok(qtbot, dialog)

    assert window.view is not None
    when_dialog_opens(fill_zone)
    qtbot.mouseClick(window.view.zones.add_button, Qt.MouseButton.LeftButton)
    assert [z.id for z in window.session.store.zones()] == ["Z1"]

    walkthrough = window.view.walkthrough
    window.show_tab(1)
    nodes = [n for n in walkthrough.model.requirement_nodes() if n.scope_id == "Z1"]
    assert len(nodes) == 60 and all(n.requirement and (n.requirement.level or 0) <= 2 for n in nodes)

    with qtbot.waitActive(window):  # back from the dialog, as the window manager would do
        window.activateWindow()
    walkthrough.tree.setFocus()
    qtbot.keyClick(walkthrough.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert walkthrough.current_key() == ("Z1", "SR 1.1")
    qtbot.keyClick(walkthrough.tree, Qt.Key.Key_4)  # not implemented
    qtbot.keyClick(walkthrough.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert walkthrough.current_key() == ("Z1", "SR 1.1 RE 1")
    qtbot.keyClick(walkthrough.tree, Qt.Key.Key_3)  # partial
    page = walkthrough.page
    page.notes.setFocus()
    qtbot.keyClicks(page.notes, "Operators share *one* account")
    qtbot.keyClick(page.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # save and next
    assert walkthrough.current_key() == ("Z1", "SR 1.2")
    store = window.session.store
    assert store.answer("Z1", "SR 1.1").status is Status.NOT_IMPLEMENTED  # type: ignore[union-attr]
    re1 = store.answer("Z1", "SR 1.1 RE 1")
    assert re1 is not None and re1.status is Status.PARTIAL and re1.notes == "Operators share *one* account"

    qtbot.keyClick(walkthrough.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the note
    assert store.answer("Z1", "SR 1.1 RE 1").notes == ""  # type: ignore[union-attr]
    qtbot.keyClick(walkthrough.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo "partial"
    assert store.answer("Z1", "SR 1.1 RE 1") is None
    qtbot.keyClick(walkthrough.tree, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert store.answer("Z1", "SR 1.1 RE 1").status is Status.PARTIAL  # type: ignore[union-attr]

    window.show_tab(2)
    dashboard = window.view.dashboard
    dashboard.refresh()
    expected = score_zone(store.snapshot(), window.session.catalogues, store.zone("Z1"))
    model = dashboard.zones
    shown = [model.index(0, 1 + fr).data() for fr in range(7)]
    assert shown == [f"{t} / {a}" for t, a in zip(expected.zone.sl_t, expected.sl_a, strict=True)]
    assert model.index(0, 8).data() == expected.gaps == 2

    window.show_tab(3)
    plan = window.view.plan
    plan.refresh()
    assert plan.proxy.rowCount() == 2
    row = next(r for r in range(2) if plan.proxy.index(r, 2).data() == "SR 1.1")
    cell = plan.proxy.index(row, OWNER)
    plan.table.setFocus()
    plan.table.setCurrentIndex(cell)
    qtbot.keyClick(plan.table, Qt.Key.Key_F2)
    editor = plan.table.focusWidget()
    qtbot.keyClicks(editor, "OT engineering lead")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event-loop turn
    qtbot.waitUntil(lambda: store.remediation("Z1", "SR 1.1") is not None)
    assert store.remediation("Z1", "SR 1.1").owner == "OT engineering lead"  # type: ignore[union-attr]

    window.close()
    with ProjectStore.open(project_path) as reopened:
        assert reopened.info.client == "ACME Water"
        assert reopened.answer("Z1", "SR 1.1").status is Status.NOT_IMPLEMENTED  # type: ignore[union-attr]
        assert reopened.answer("Z1", "SR 1.1 RE 1").status is Status.PARTIAL  # type: ignore[union-attr]
        assert reopened.remediation("Z1", "SR 1.1").owner == "OT engineering lead"  # type: ignore[union-attr]
