"""File > Hand off evidence (SPEC 12.6): the bundle made off the GUI thread, and its report."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from ot62443_desktop.api import open_project
from ot62443_desktop.exports.evidence_files import hash_file, new_evidence
from ot62443_desktop.exports.progress import Hooks
from ot62443_desktop.ui.actions import Act
from ot62443_desktop.ui.handoff_dialog import HandOffDialog
from ot62443_desktop.ui.main_window import MainWindow
from ot62443_desktop.ui.passphrase_dialog import PassphraseDialog
from tests.ui.boxes import Boxes
from tests.ui.conftest import when_dialog_opens
from tests.ui.test_french_gui import assert_french, compiled, english_left_behind, french, french_window  # noqa: F401


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


@pytest.fixture
def evidence_project(zone_project: Path, tmp_path: Path) -> Path:
    """Z1 with two evidence files: one still as attached, one deleted since."""
    kept, gone = tmp_path / "rules.txt", tmp_path / "switch-config.txt"
    kept.write_text("permit tcp any host 10.0.0.5 eq 502")
    gone.write_text("hostname sw1")
    with open_project(zone_project) as project:
        project.set_answer("Z1", "SR 1.1", "partial", evidence=(new_evidence(kept, hash_file(str(kept), Hooks())),))
        project.set_answer("Z1", "SR 1.2", "partial", evidence=(new_evidence(gone, hash_file(str(gone), Hooks())),))
    gone.unlink()
    return zone_project


def answer(fill: Callable[[QDialog], None]) -> None:
    """when_dialog_opens, but a check that fails closes the dialog: a modal one left open would hang the test."""
    def safely(dialog: QDialog) -> None:
        try:
            fill(dialog)
        except BaseException:
            dialog.reject()
            raise

    when_dialog_opens(safely)


def hand_off_through_the_dialog(qtbot: QtBot, window: MainWindow, target: Path, *, encrypt: bool = False,
                                then: Callable[[QDialog], None] | None = None) -> None:
    """File > Hand off evidence, the file typed and the box ticked in the dialog as a person would;
    `then` answers the dialog that follows (the passphrase)."""
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, HandOffDialog)
        assert dialog.target.text().endswith("plant-evidence.zip")  # a name beside the project, suggested
        dialog.target.setText(str(target.with_suffix("")))  # the .zip is added
        if encrypt:
            qtbot.mouseClick(dialog.encrypt, Qt.MouseButton.LeftButton)
            assert dialog.note.isVisible()
        if then is not None:
            answer(then)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    answer(fill)
    window.action(Act.HAND_OFF).trigger()


def test_the_bundle_is_written_and_the_report_names_what_was_left_out(
        qtbot: QtBot, window: MainWindow, evidence_project: Path, tmp_path: Path, boxes: Boxes) -> None:
    assert window.open_path(str(evidence_project))
    window.runner.synchronous = True
    target = tmp_path / "for-the-auditor.zip"
    hand_off_through_the_dialog(qtbot, window, target)
    qtbot.waitUntil(lambda: bool(boxes.shown))
    [box] = boxes.shown
    assert box.title == "Hand off evidence" and box.plain and box.icon == QMessageBox.Icon.Warning
    assert f"Wrote {target}: the register, the plan and 1 evidence file" in box.text
    assert "1 evidence file" in box.text.split("\n\n")[1] and "missing: left out" in box.text
    assert "evidence/Z1/SR 1.1/rules.txt  (Z1 SR 1.1)" in box.details
    assert f"Missing (left out):\n  {tmp_path / 'switch-config.txt'} (Z1 SR 1.2): no such file" in box.details
    with zipfile.ZipFile(target) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert zf.read("evidence/Z1/SR 1.1/rules.txt").startswith(b"permit tcp")
    assert "SHA-256 of the manifest: " in box.text
    assert [m["reason"] for m in manifest["missing"]] == ["gone"]


def test_an_encrypted_bundle_asks_for_a_passphrase(qtbot: QtBot, window: MainWindow, evidence_project: Path,
                                                   tmp_path: Path, boxes: Boxes) -> None:
    import pyzipper

    assert window.open_path(str(evidence_project))
    window.runner.synchronous = True
    asked: list[str] = []

    def type_it_twice(dialog: QDialog) -> None:
        assert isinstance(dialog, PassphraseDialog)
        asked.append(dialog.windowTitle())
        qtbot.keyClicks(dialog.entry, "a long phrase of several words")
        assert not dialog.ok.isEnabled()  # not before it is confirmed
        qtbot.keyClicks(dialog.confirm, "a long phrase of several words")
        dialog.ok.click()

    target = tmp_path / "sealed.zip"
    hand_off_through_the_dialog(qtbot, window, target, encrypt=True, then=type_it_twice)
    qtbot.waitUntil(lambda: bool(boxes.shown))
    assert asked == ["Encrypt the bundle"] and "encrypted with AES-256" in boxes.shown[0].text
    with pyzipper.AESZipFile(target) as zf:
        zf.setpassword(b"a long phrase of several words")
        assert json.loads(zf.read("manifest.json"))["encrypted"] is True


def test_no_passphrase_no_bundle(qtbot: QtBot, window: MainWindow, evidence_project: Path, tmp_path: Path,
                                 boxes: Boxes) -> None:
    assert window.open_path(str(evidence_project))
    window.runner.synchronous = True
    cancelled: list[bool] = []

    def cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, PassphraseDialog)
        cancelled.append(True)
        dialog.reject()

    hand_off_through_the_dialog(qtbot, window, tmp_path / "sealed.zip", encrypt=True, then=cancel)
    qtbot.waitUntil(lambda: bool(cancelled))
    qtbot.wait(50)
    assert not (tmp_path / "sealed.zip").exists() and boxes.shown == []


def test_a_bundle_that_cannot_be_written_says_why(qtbot: QtBot, window: MainWindow, evidence_project: Path,
                                                  boxes: Boxes) -> None:
    assert window.open_path(str(evidence_project))
    window.runner.synchronous = True
    window.handoff.ask_bundle = lambda session: (str(evidence_project), False)  # type: ignore[method-assign]
    before = evidence_project.read_bytes()
    window.action(Act.HAND_OFF).trigger()
    [box] = boxes.shown
    assert box.icon == QMessageBox.Icon.Critical and "that is a project file" in box.text
    assert evidence_project.read_bytes() == before


def test_the_bundle_is_made_in_a_child_process(qtbot: QtBot, window: MainWindow, evidence_project: Path,
                                               tmp_path: Path, boxes: Boxes) -> None:
    assert window.open_path(str(evidence_project))
    target = tmp_path / "child.zip"
    window.handoff.ask_bundle = lambda session: (str(target), False)  # type: ignore[method-assign]
    window.action(Act.HAND_OFF).trigger()
    assert not target.exists()  # the window is free while the child works
    qtbot.waitUntil(lambda: bool(boxes.shown), timeout=60000)
    assert "the register, the plan and 1 evidence file" in boxes.shown[0].text and target.exists()
    assert QApplication.activeModalWidget() is None


def test_the_action_needs_a_project(window: MainWindow) -> None:
    assert not window.action(Act.HAND_OFF).isEnabled()


def test_the_hand_off_speaks_french(qtbot: QtBot, french_window: MainWindow, evidence_project: Path,  # noqa: F811
                                    tmp_path: Path, boxes: Boxes,
                                    english_left_behind: set[str]) -> None:  # noqa: F811 - the French fixtures
    window = french_window
    assert window.open_path(str(evidence_project))
    window.runner.synchronous = True
    assert window.action(Act.HAND_OFF).text() == "Tr&ansmettre les éléments de preuve…"

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, HandOffDialog)
        dialog.encrypt.setChecked(True)
        assert_french(dialog, english_left_behind)
        dialog.encrypt.setChecked(False)
        dialog.target.setText(str(tmp_path / "remise.zip"))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    answer(fill)
    window.action(Act.HAND_OFF).trigger()
    qtbot.waitUntil(lambda: bool(boxes.shown))
    [box] = boxes.shown
    assert box.title == "Transmettre les éléments de preuve"
    assert "le registre, le plan et 1 élément de preuve." in box.text
    assert "1 élément de preuve manquant\u00a0: laissé de côté" in box.text
    details = box.details.replace("\u00a0", " ")  # Qt's details box gives no-break spaces back as spaces
    assert "Manquants (laissés de côté) :" in details
    assert "switch-config.txt (Z1 SR 1.2) : fichier introuvable" in details
