"""An encrypted project in the GUI: the export and the merge check run in a child process that gets
the session's key with its arguments and writes no plain temporary file; a work package is encrypted
with the project's key; a readable export is warned about, with encryption offered; the evidence
hand-off is encrypted unless the person unticks it. (Opening: test_encrypted_open_gui.py.)"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pytest
import pyzipper
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from ot62443_desktop.api import open_project
from ot62443_desktop.storage import is_encrypted
from ot62443_desktop.ui.actions import Act
from ot62443_desktop.ui.handoff_dialog import HandOffDialog
from ot62443_desktop.ui.main_window import MainWindow
from ot62443_desktop.ui.passphrase_dialog import Mode, PassphraseDialog
from tests.exports.sealed import decrypted_workbook
from tests.ui.conftest import when_dialog_opens
from tests.ui.passphrases import Typist

PASS = "correct horse battery staple"
BUNDLE = "hand-over 2026 river"  # ASCII: a PDF password must be
SECRETS = (b"Zweckverband Quellwasser", b"Ozonanlage", b"Kennwort klebt")


def make_sealed(path: Path) -> Path:
    """An encrypted project at `path` (its folder made), holding SECRETS."""
    path.parent.mkdir()
    with open_project(path, create=True, client="Zweckverband Quellwasser", site="Nord", passphrase=PASS) as project:
        project.add_zone("Z1", "Ozonanlage", 2, criticality="high")
        project.set_answer("Z1", "SR 1.1", "not_implemented", notes="Kennwort klebt am Schrank")
    return path


@pytest.fixture
def sealed_project(tmp_path: Path) -> Path:
    return make_sealed(tmp_path / "work" / "plant.ot62443")


def open_in(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    """The project opened with File > Open, its passphrase typed in the dialog that asks for it."""
    typist = Typist(qtbot, [PASS])
    window.ask_open_path = lambda: str(path)  # type: ignore[method-assign]
    window.action(Act.OPEN).trigger()
    assert typist.done() and window.session is not None and window.session.store.encrypted


def test_an_export_of_an_encrypted_project_runs_in_the_child_with_the_key_and_leaves_no_plain_temp_file(
        qtbot: QtBot, window: MainWindow, sealed_project: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))  # the child's temporary folder
    monkeypatch.setattr(tempfile, "tempdir", None)
    open_in(qtbot, window, sealed_project)
    target = tmp_path / "exports" / "register.xlsx"
    target.parent.mkdir()
    window.transfer.ask_save = lambda *a: (str(target), "")  # type: ignore[method-assign]
    warned = answer_the_warning(qtbot, "Export &readable")
    window.action(Act.EXPORT_XLSX).trigger()
    assert warned
    qtbot.waitUntil(lambda: "Wrote" in window.statusBar().currentMessage(), timeout=60000)
    assert target.read_bytes()[:2] == b"PK"
    written = [p for folder in (temp, sealed_project.parent) for p in folder.rglob("*") if p.is_file()]
    assert not [p for p in written for secret in SECRETS if secret in p.read_bytes()]
    tempfile.tempdir = None


def test_the_merge_check_opens_an_encrypted_copy_with_the_projects_key(
        qtbot: QtBot, window: MainWindow, sealed_project: Path, tmp_path: Path) -> None:
    other = tmp_path / "stick" / "plant.ot62443"
    other.parent.mkdir()
    shutil.copy(sealed_project, other)
    with open_project(other, passphrase=PASS) as theirs:
        theirs.set_answer("Z1", "SR 1.2", "implemented", notes="only on the stick")
    open_in(qtbot, window, sealed_project)
    asked: list[str] = []
    window.team.ask_other = lambda: str(other)  # type: ignore[method-assign]
    window.team.confirm = lambda text: asked.append(text) or True  # type: ignore[method-assign]
    window.action(Act.MERGE).trigger()  # the check runs in a child process
    qtbot.waitUntil(lambda: bool(asked), timeout=60000)
    assert "1 change(s) to take" in asked[0]
    store = window.session.store  # type: ignore[union-attr]
    assert store.answer("Z1", "SR 1.2").notes == "only on the stick"  # type: ignore[union-attr]


def test_a_work_package_split_in_the_gui_is_encrypted_with_the_projects_key(
        qtbot: QtBot, window: MainWindow, sealed_project: Path, tmp_path: Path) -> None:
    package = tmp_path / "stick" / "package.ot62443"
    package.parent.mkdir()
    open_in(qtbot, window, sealed_project)
    window.team.ask_split = lambda session: (["Z1"], False, str(package))  # type: ignore[method-assign]
    window.action(Act.SPLIT).trigger()
    assert is_encrypted(package) and not [secret for secret in SECRETS if secret in package.read_bytes()]
    with open_project(package, read_only=True, passphrase=PASS) as work:
        assert [zone.name for zone in work.store.zones()] == ["Ozonanlage"]


def test_evidence_of_an_encrypted_project_is_handed_off_with_the_projects_key(
        qtbot: QtBot, window: MainWindow, sealed_project: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.ui.boxes import Boxes
    from tests.ui.test_handoff_gui import hand_off_through_the_dialog

    boxes = Boxes(monkeypatch)
    open_in(qtbot, window, sealed_project)
    target = tmp_path / "stick" / "for-the-auditor.zip"
    target.parent.mkdir()
    ticked: list[bool] = []

    def type_twice(dialog: QDialog) -> None:
        assert isinstance(dialog, PassphraseDialog) and dialog.mode is Mode.NEW
        for field in (dialog.entry, dialog.confirm):
            qtbot.keyClicks(field, BUNDLE)
        qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)

    def seen_ticked(dialog: QDialog) -> None:  # the box as the person finds it, before anything is clicked
        assert isinstance(dialog, HandOffDialog)
        ticked.append(dialog.encrypt.isChecked() and dialog.note.isVisible())

    when_dialog_opens(seen_ticked)
    hand_off_through_the_dialog(qtbot, window, target, then=type_twice)  # the bundle is made in the child process
    qtbot.waitUntil(lambda: bool(boxes.shown), timeout=60000)
    assert ticked == [True]  # an encrypted project's evidence is encrypted unless the person unticks the box
    assert f"Wrote {target}" in boxes.shown[0].text and "encrypted with AES-256" in boxes.shown[0].text
    with zipfile.ZipFile(target) as bundle:
        assert {"manifest.json", "gap-register.xlsx", "remediation-plan.pdf"} <= set(bundle.namelist())
        assert all(info.flag_bits & 1 for info in bundle.infolist())  # every entry encrypted
    with pyzipper.AESZipFile(target) as bundle:
        bundle.setpassword(BUNDLE.encode())
        files = json.loads(bundle.read("manifest.json"))["files"]  # the bundle's passphrase opens it
    assert {"gap-register.xlsx", "remediation-plan.pdf"} <= {entry["path"] for entry in files}


def test_an_encrypted_projects_bundle_is_plain_when_the_person_unticks_the_box(
        qtbot: QtBot, window: MainWindow, sealed_project: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.ui.boxes import Boxes

    boxes = Boxes(monkeypatch)
    open_in(qtbot, window, sealed_project)
    window.runner.synchronous = True
    target = tmp_path / "for-the-auditor.zip"

    def untick(dialog: QDialog) -> None:
        assert isinstance(dialog, HandOffDialog)
        dialog.target.setText(str(target))
        qtbot.mouseClick(dialog.encrypt, Qt.MouseButton.LeftButton)
        assert not dialog.encrypt.isChecked() and not dialog.note.isVisible()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()  # no passphrase asked: it would block

    when_dialog_opens(untick)
    window.action(Act.HAND_OFF).trigger()
    assert "Wrote" in boxes.last().text and "AES-256" not in boxes.last().text
    with zipfile.ZipFile(target) as bundle:
        assert not any(info.flag_bits & 1 for info in bundle.infolist())


def answer_the_warning(qtbot: QtBot, button: str) -> list[str]:
    """The warning that a readable document is about to be written, answered by a click on `button`;
    returns what it said (filled in once it was shown)."""
    said: list[str] = []

    def click(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        qtbot.mouseClick(next(b for b in box.buttons() if b.text() == button), Qt.MouseButton.LeftButton)

    when_dialog_opens(click)
    return said


@pytest.mark.parametrize("kind", ["xlsx", "pdf"])
def test_a_readable_export_of_an_encrypted_project_is_warned_about_and_cancel_writes_nothing(
        qtbot: QtBot, window: MainWindow, sealed_project: Path, tmp_path: Path, kind: str) -> None:
    open_in(qtbot, window, sealed_project)
    window.runner.synchronous = True
    target = tmp_path / f"document.{kind}"
    offered: list[list[str]] = []
    window.transfer.ask_save = lambda title, suggestion, patterns: (  # type: ignore[method-assign]
        offered.append(patterns) or (str(target), patterns[0]))
    said = answer_the_warning(qtbot, "Cancel")
    window.action(Act.EXPORT_XLSX if kind == "xlsx" else Act.EXPORT_PDF).trigger()
    document = "Excel gap register" if kind == "xlsx" else "PDF remediation plan"
    assert said == [f"This project is encrypted, but the {document} you are about to write is not: anyone who gets "
                    "the file (a mail, a USB stick, a shared folder) can read every finding in it. Encrypt it with a "
                    "password, or export it readable for a recipient who cannot open encrypted files?"]
    assert not target.exists() and window.statusBar().currentMessage() == "Cancelled; nothing was written."


def test_export_readable_writes_the_plain_register(qtbot: QtBot, window: MainWindow, sealed_project: Path,
                                                   tmp_path: Path) -> None:
    open_in(qtbot, window, sealed_project)
    window.runner.synchronous = True
    target = tmp_path / "register.xlsx"
    window.transfer.ask_save = lambda title, suggestion, patterns: (str(target), patterns[0])  # type: ignore[method-assign]
    answer_the_warning(qtbot, "Export &readable")
    window.action(Act.EXPORT_XLSX).trigger()
    assert openpyxl.load_workbook(target)["Gap register"]["A1"].value == "Scope"  # no password asked


def test_encrypt_it_asks_a_password_and_writes_only_the_encrypted_register(
        qtbot: QtBot, window: MainWindow, sealed_project: Path, tmp_path: Path) -> None:
    open_in(qtbot, window, sealed_project)
    window.runner.synchronous = True
    target = tmp_path / "register.xlsx"
    window.transfer.ask_save = lambda title, suggestion, patterns: (str(target), patterns[0])  # type: ignore[method-assign]
    answer_the_warning(qtbot, "&Encrypt it")
    typist: list[Typist] = []
    QTimer.singleShot(0, lambda: typist.append(Typist(qtbot, [BUNDLE])))  # the password, once the warning is gone
    window.action(Act.EXPORT_XLSX).trigger()
    assert typist[0].done() and typist[0].asked[0].title == "Encrypt the Excel gap register"
    assert window.statusBar().currentMessage() == f"Wrote {target}, encrypted with a password"
    assert decrypted_workbook(target.read_bytes(), BUNDLE)["Gap register"]["A1"].value == "Scope"


def test_the_encrypted_file_type_is_not_warned_about(qtbot: QtBot, window: MainWindow, sealed_project: Path,
                                                     tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.ui.boxes import Boxes

    boxes = Boxes(monkeypatch)
    open_in(qtbot, window, sealed_project)
    window.runner.synchronous = True
    target = tmp_path / "plan.pdf"
    window.transfer.ask_save = lambda title, suggestion, patterns: (str(target), patterns[1])  # type: ignore[method-assign]
    Typist(qtbot, [BUNDLE])
    window.action(Act.EXPORT_PDF).trigger()
    assert boxes.shown == [] and PdfReader(target).is_encrypted
