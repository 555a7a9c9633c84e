"""File > Export with the file type "encrypted with a password": a new password typed twice, then only the
encrypted document is written, by the export's child process."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from ot62443_desktop.demo import write_demo
from ot62443_desktop.ui.about import AboutDialog
from ot62443_desktop.ui.actions import Act
from ot62443_desktop.ui.main_window import MainWindow
from ot62443_desktop.ui.passphrase_dialog import PassphraseDialog
from tests.exports.sealed import decrypted_workbook
from tests.ui import test_french_gui
from tests.ui.conftest import when_dialog_opens

PASSWORD = "river-bend 2026"


@pytest.fixture
def demo(window: MainWindow, tmp_path: Path) -> MainWindow:
    project = tmp_path / "demo.ot62443"
    write_demo(project, zones=2)
    assert window.open_path(str(project))
    return window


def choose(window: MainWindow, target: Path, encrypted: bool) -> list[list[str]]:
    """The save dialog answered: `target`, as the plain or the encrypted file type; returns the types offered."""
    offered: list[list[str]] = []

    def ask_save(title: str, suggestion: str, patterns: list[str]) -> tuple[str, str]:
        offered.append(patterns)
        return str(target), patterns[1 if encrypted else 0]

    window.transfer.ask_save = ask_save  # type: ignore[method-assign]
    return offered


def type_twice(qtbot: QtBot, password: str) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, PassphraseDialog)
        qtbot.keyClicks(dialog.entry, password)
        qtbot.keyClick(dialog.entry, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.confirm, password)
        qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)

    when_dialog_opens(fill)


def test_an_encrypted_register_is_written_by_the_export_process(qtbot: QtBot, demo: MainWindow,
                                                                 tmp_path: Path) -> None:
    target = tmp_path / "register.xlsx"
    offered = choose(demo, target, encrypted=True)
    type_twice(qtbot, PASSWORD)
    demo.action(Act.EXPORT_XLSX).trigger()
    assert offered == [["Excel workbooks (*.xlsx)", "Excel workbooks encrypted with a password (*.xlsx)"]]
    qtbot.waitUntil(lambda: "Wrote" in demo.statusBar().currentMessage(), timeout=60000)
    assert demo.statusBar().currentMessage() == f"Wrote {target}, encrypted with a password"
    workbook = decrypted_workbook(target.read_bytes(), PASSWORD)
    assert workbook["Gap register"]["A1"].value == "Scope"


def test_an_encrypted_plan_takes_only_a_password_pdf_readers_can_type(qtbot: QtBot, demo: MainWindow,
                                                                      tmp_path: Path) -> None:
    target = tmp_path / "plan.pdf"
    choose(demo, target, encrypted=True)
    demo.runner.synchronous = True
    seen: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, PassphraseDialog)
        for field in (dialog.entry, dialog.confirm):
            qtbot.keyClicks(field, "s")
            field.insert("é")  # as an input method types it (QTest types ASCII only)
            qtbot.keyClicks(field, "curite-2026")
        seen.append(dialog.error.text())
        assert not dialog.ok.isEnabled()
        for field in (dialog.entry, dialog.confirm):
            field.clear()
            qtbot.keyClicks(field, PASSWORD)
        assert dialog.ok.isEnabled()
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    when_dialog_opens(fill)
    demo.action(Act.EXPORT_PDF).trigger()
    assert seen == ["A PDF password may only hold ASCII letters, digits, spaces and punctuation: PDF readers do "
                    "not all read other characters (such as é) alike."]
    plan = PdfReader(io.BytesIO(target.read_bytes()))
    assert plan.is_encrypted and not plan.decrypt("sécurité-2026") and plan.decrypt(PASSWORD)
    assert demo.statusBar().currentMessage() == f"Wrote {target}, encrypted with a password"


def test_cancelling_the_password_writes_nothing(qtbot: QtBot, demo: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "register.xlsx"
    choose(demo, target, encrypted=True)
    demo.runner.synchronous = True
    when_dialog_opens(lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    demo.action(Act.EXPORT_XLSX).trigger()
    assert not target.exists()
    assert demo.statusBar().currentMessage() == "Cancelled; nothing was written."


def test_the_plain_file_type_asks_for_no_password(qtbot: QtBot, demo: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "plan.pdf"
    offered = choose(demo, target, encrypted=False)
    demo.runner.synchronous = True
    demo.action(Act.EXPORT_PDF).trigger()
    assert offered == [["PDF documents (*.pdf)", "PDF documents encrypted with a password (*.pdf)"]]
    assert not PdfReader(target).is_encrypted
    assert demo.statusBar().currentMessage() == f"Wrote {target}"


compiled, french, french_window = test_french_gui.compiled, test_french_gui.french, test_french_gui.french_window


def test_in_french_the_file_types_and_the_password_dialog_speak_french(
        qtbot: QtBot, french_window: MainWindow, tmp_path: Path) -> None:
    project = tmp_path / "demo.ot62443"
    write_demo(project, zones=1)
    assert french_window.open_path(str(project))
    offered = choose(french_window, tmp_path / "plan.pdf", encrypted=True)
    shown: list[tuple[str, ...]] = []

    def read_and_cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, PassphraseDialog)
        qtbot.keyClicks(dialog.entry, "abc")
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None]
        shown.append((dialog.windowTitle(), *labels, dialog.show_text.text(), dialog.hint.text()))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_dialog_opens(read_and_cancel)
    french_window.action(Act.EXPORT_PDF).trigger()
    assert offered == [["Documents PDF (*.pdf)", "Documents PDF chiffrés par mot de passe (*.pdf)"]]
    assert shown == [("Chiffrer le plan de remédiation (PDF)", "&Mot de passe\u00a0:",
                      "&Confirmer le mot de passe\u00a0:", "A&fficher les caractères",
                      "Robustesse\u00a0: faible. Utilisez au moins 12 caractères mêlant lettres, chiffres et signes, "
                      "ou une phrase de plusieurs mots.")]
    assert french_window.statusBar().currentMessage() == "Annulé\u00a0; rien n'a été écrit."


def test_help_about_names_the_libraries_that_encrypt_the_exports_and_finds_their_licences(
        window: MainWindow) -> None:
    about = AboutDialog(window)
    rows = {about.table.topLevelItem(i).text(0): about.table.topLevelItem(i)
            for i in range(about.table.topLevelItemCount())}
    for name, licence in (("pypdf", "BSD-3-Clause"), ("msoffcrypto-tool", "MIT"),
                          ("olefile (used by msoffcrypto-tool)", "BSD-2-Clause"),
                          ("cryptography", "Apache-2.0 or BSD-3-Clause")):
        assert rows[name].text(2) == licence
        texts = rows[name].data(3, Qt.ItemDataRole.UserRole)
        assert texts and all(Path(text).is_file() for text in texts), name
