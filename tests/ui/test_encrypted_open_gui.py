"""Opening an encrypted project in the GUI, every way there is: its passphrase asked (naming the file), a
wrong one told and asked again, Cancel opening nothing and changing nothing; and the ways that make a
project from another file: a new encrypted project, next year's assessment of an encrypted one, a merge
with a copy that was given another passphrase, a recovery from an encrypted backup."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot

from ot62443_desktop.api import open_project
from ot62443_desktop.storage import ProjectStore, WrongPassphraseError, is_encrypted
from ot62443_desktop.storage import sealed as sealed_format
from ot62443_desktop.storage.backups import list_backups
from ot62443_desktop.ui.actions import Act
from ot62443_desktop.ui.main_window import MainWindow
from ot62443_desktop.ui.new_from_previous import NewFromPrevious, Sealing
from ot62443_desktop.ui.passphrase_dialog import Mode
from ot62443_desktop.ui.project_dialog import ProjectDialog
from tests.ui.boxes import Boxes, Button
from tests.ui.conftest import when_dialog_opens
from tests.ui.passphrases import CANCEL, Typist
from tests.ui.test_encrypted_gui import PASS, make_sealed

OTHER = "a passphrase of its own 7"
WRONG_TOLD = "Wrong passphrase: it does not open this file."


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


@pytest.fixture
def sealed(tmp_path: Path) -> Path:
    return make_sealed(tmp_path / "site" / "plant.ot62443")


def copy_with_its_own_passphrase(sealed: Path, tmp_path: Path) -> Path:
    """A copy of the project on a stick, changed there, then given another passphrase."""
    other = tmp_path / "stick" / "plant.ot62443"
    other.parent.mkdir()
    shutil.copy(sealed, other)
    with open_project(other, passphrase=PASS) as theirs:
        theirs.set_answer("Z1", "SR 1.2", "implemented", notes="only on the stick")
        theirs.store.change_passphrase(OTHER)
    return other


def files_in(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_file_open_asks_the_passphrase_naming_the_file_and_opens_the_project(
        qtbot: QtBot, window: MainWindow, sealed: Path) -> None:
    window.ask_open_path = lambda: str(sealed)  # type: ignore[method-assign]
    typist = Typist(qtbot, [PASS])
    window.action(Act.OPEN).trigger()
    assert typist.done() and len(typist.asked) == 1
    asked = typist.asked[0]
    assert asked.mode is Mode.ASK and asked.title == "Encrypted project" and asked.error == ""
    assert asked.prompt.startswith("plant.ot62443 is encrypted. Type its passphrase to open it.")
    assert str(sealed.parent) in asked.prompt
    store = window.session.store  # type: ignore[union-attr]
    assert store.encrypted and store.zone("Z1").name == "Ozonanlage"
    assert window.protection.badge.isVisible()


def test_a_wrong_passphrase_is_told_and_asked_again_then_the_right_one_opens(
        qtbot: QtBot, window: MainWindow, sealed: Path, boxes: Boxes) -> None:
    window.ask_open_path = lambda: str(sealed)  # type: ignore[method-assign]
    before = files_in(sealed.parent)
    typist = Typist(qtbot, ["correct horse battery stapel", "Correct Horse Battery Staple", PASS])
    window.start_page.open_button.click()
    assert typist.done()
    assert [asked.error for asked in typist.asked] == ["", *[typist.asked[1].error] * 2]
    assert typist.asked[1].error.startswith(WRONG_TOLD)
    assert window.session is not None and window.session.store.zone("Z1").name == "Ozonanlage"
    assert boxes.shown == []  # told in the dialog, never in an error box (nor a traceback)
    window.close_project()
    assert files_in(sealed.parent).keys() == before.keys()  # the wrong tries left nothing behind


def test_cancel_opens_nothing_and_changes_nothing(qtbot: QtBot, window: MainWindow, sealed: Path,
                                                  boxes: Boxes) -> None:
    before = files_in(sealed.parent)
    window.ask_open_path = lambda: str(sealed)  # type: ignore[method-assign]
    typist = Typist(qtbot, ["not it", CANCEL])
    window.action(Act.OPEN).trigger()
    assert typist.done() and typist.asked[1].error.startswith(WRONG_TOLD)
    assert window.session is None and window.stack.currentWidget() is window.start_page
    assert files_in(sealed.parent) == before  # no lock, journal or backup written; the file as it was
    assert boxes.shown == [] and "was not opened: no passphrase was given" in window.statusBar().currentMessage()


def test_cancel_keeps_the_project_that_was_open(qtbot: QtBot, window: MainWindow, sealed: Path,
                                                zone_project: Path) -> None:
    assert window.open_path(str(zone_project))
    Typist(qtbot, [CANCEL])
    assert not window.open_path(str(sealed))
    assert window.session is not None and window.session.store.path == zone_project
    assert not window.protection.badge.isVisible()


def test_a_recent_project_and_the_command_line_ask_too(qtbot: QtBot, window: MainWindow, sealed: Path) -> None:
    """`ot62443 gui PROJECT` opens through open_path (ui/app.py), the recent list through open_recent."""
    typist = Typist(qtbot, [PASS])
    assert window.open_path(str(sealed))
    window.close_project()
    assert window.recent_files() == [str(sealed)]
    typist = Typist(qtbot, [PASS])
    item = window.start_page.recent.item(0)
    window.start_page.recent.itemActivated.emit(item)
    assert typist.done() and window.session is not None and window.session.store.encrypted


def test_a_plain_project_opens_without_a_question(window: MainWindow, zone_project: Path) -> None:
    assert window.open_path(str(zone_project))  # a dialog would block here
    assert not window.session.store.encrypted  # type: ignore[union-attr]
    assert not window.protection.badge.isVisible()


def test_a_damaged_encrypted_project_is_recovered_from_its_backup_with_the_one_passphrase_typed(
        qtbot: QtBot, window: MainWindow, sealed: Path, boxes: Boxes) -> None:
    with open_project(sealed, passphrase=PASS) as project:  # a second session: the first one's file is a backup
        project.set_answer("Z1", "SR 1.2", "implemented")
    assert list_backups(sealed)
    data = bytearray(sealed.read_bytes())
    data[-5] ^= 0xFF  # a changed bit in the ciphertext: the file is damaged, its header still checks the key
    sealed.write_bytes(bytes(data))
    typist = Typist(qtbot, ["wrong one", PASS])
    boxes.answers.append(Button.Yes)  # restore the last good backup
    assert window.open_path(str(sealed))
    assert typist.done() and len(typist.asked) == 2  # not asked again after the recovery
    assert "Damaged project" in [shown.title for shown in boxes.shown]
    assert window.session is not None and window.session.store.encrypted and is_encrypted(sealed)
    assert window.session.store.zone("Z1").name == "Ozonanlage"


def test_a_damaged_header_is_told_as_damage_and_repaired_not_taken_for_a_wrong_passphrase(
        qtbot: QtBot, window: MainWindow, sealed: Path, boxes: Boxes) -> None:
    """A flipped bit in the salt makes the right passphrase look wrong; asked again and again, the person
    could never reach the backup that repairs it."""
    ProjectStore.open(sealed, passphrase=PASS).close()  # a backup with the same header
    data = bytearray(sealed.read_bytes())
    data[len(sealed_format.MAGIC) + 6] ^= 0x01  # in the salt
    sealed.write_bytes(bytes(data))
    typist = Typist(qtbot, [PASS])
    boxes.answers.append(Button.Yes)
    assert window.open_path(str(sealed))
    assert typist.done() and len(typist.asked) == 1
    assert "its header is damaged" in boxes.shown[0].text and boxes.shown[0].title == "Damaged project"
    assert window.session is not None and window.session.store.zone("Z1").name == "Ozonanlage"


def test_a_new_project_is_encrypted_when_the_box_is_ticked(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "new" / "plant.ot62443"
    target.parent.mkdir()
    window.ask_new_path = lambda: str(target)  # type: ignore[method-assign]
    typist: list[Typist] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ProjectDialog)
        qtbot.keyClicks(dialog.client, "Stadtwerke")
        qtbot.keyClicks(dialog.site, "Pumpwerk Sued")
        qtbot.mouseClick(dialog.encrypt, Qt.MouseButton.LeftButton)
        typist.append(Typist(qtbot, [PASS]))  # the new passphrase, typed twice, once the details are given
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_dialog_opens(fill)
    window.action(Act.NEW).trigger()
    assert typist[0].done() and typist[0].asked[0].mode is Mode.NEW
    assert typist[0].asked[0].prompt.startswith("plant.ot62443, its journal and its backups are encrypted")
    assert window.session is not None and window.session.store.encrypted and is_encrypted(target)
    assert b"Stadtwerke" not in target.read_bytes()
    window.close_project()
    with open_project(target, read_only=True, passphrase=PASS) as project:
        assert project.store.info.client == "Stadtwerke"


def test_a_new_project_whose_passphrase_is_cancelled_is_not_created(qtbot: QtBot, window: MainWindow,
                                                                    tmp_path: Path) -> None:
    target = tmp_path / "plant.ot62443"
    window.ask_new_path = lambda: str(target)  # type: ignore[method-assign]

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ProjectDialog)
        dialog.client.setText("Stadtwerke")
        dialog.site.setText("Pumpwerk")
        dialog.encrypt.setChecked(True)
        Typist(qtbot, [CANCEL])
        dialog.accept()

    when_dialog_opens(fill)
    window.action(Act.NEW).trigger()
    assert window.session is None and not target.exists()


def test_project_details_of_an_open_project_offer_no_encryption_box(qtbot: QtBot, sealed: Path) -> None:
    with open_project(sealed, read_only=True, passphrase=PASS) as project:
        dialog = ProjectDialog(project.store.info)
    qtbot.addWidget(dialog)
    assert dialog.encrypt.parent() is None and not dialog.encrypt.isVisibleTo(dialog)  # File > Protect does it


@pytest.mark.parametrize("sealing", [Sealing.SAME, Sealing.OWN])
def test_next_years_assessment_of_an_encrypted_one_is_encrypted(
        qtbot: QtBot, window: MainWindow, sealed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        sealing: Sealing) -> None:
    new = tmp_path / "site" / "plant-next.ot62443"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(sealed), "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(new), "")))
    offered: list[str] = []
    monkeypatch.setattr(NewFromPrevious, "ask_sealing", lambda self, name: offered.append(name) or sealing)
    typist = Typist(qtbot, ["not it", PASS, *([OTHER] if sealing is Sealing.OWN else [])])
    window.action(Act.NEW_FROM_PREVIOUS).trigger()
    assert typist.done() and typist.asked[1].error.startswith(WRONG_TOLD) and offered == ["plant.ot62443"]
    assert window.session is not None and window.session.store.encrypted and is_encrypted(new)
    assert window.session.snapshot().previous is not None
    window.close_project()
    opens, fails = (PASS, OTHER) if sealing is Sealing.SAME else (OTHER, PASS)
    with open_project(new, read_only=True, passphrase=opens) as project:
        assert project.store.zone("Z1").name == "Ozonanlage"
    with pytest.raises(WrongPassphraseError):
        open_project(new, read_only=True, passphrase=fails)


def test_next_years_assessment_is_not_made_when_the_passphrase_is_cancelled(
        qtbot: QtBot, window: MainWindow, sealed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    new = tmp_path / "plant-next.ot62443"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(sealed), "")))
    asked_where: list[object] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a: asked_where.append(a) or (str(new), "")))
    Typist(qtbot, [CANCEL])
    window.action(Act.NEW_FROM_PREVIOUS).trigger()
    assert window.session is None and not new.exists() and asked_where == []


def test_a_merge_with_a_copy_given_another_passphrase_asks_for_that_copys(
        qtbot: QtBot, window: MainWindow, sealed: Path, tmp_path: Path) -> None:
    other = copy_with_its_own_passphrase(sealed, tmp_path)
    Typist(qtbot, [PASS])
    assert window.open_path(str(sealed))
    window.runner.synchronous = True
    window.team.ask_other = lambda: str(other)  # type: ignore[method-assign]
    confirmed: list[str] = []
    window.team.confirm = lambda text: confirmed.append(text) or True  # type: ignore[method-assign]
    typist = Typist(qtbot, ["still the project's?", OTHER])
    window.action(Act.MERGE).trigger()
    assert typist.done()
    first, second = typist.asked
    assert first.title == "Other copy encrypted" and first.error == ""
    assert "does not open with this project's passphrase" in first.prompt
    assert second.error.startswith(WRONG_TOLD)
    assert confirmed and "1 change(s) to take" in confirmed[0]
    assert window.session.store.answer("Z1", "SR 1.2").notes == "only on the stick"  # type: ignore[union-attr]
    with ProjectStore.open(other, read_only=True, passphrase=OTHER) as copy:  # the copy as it was
        assert copy.answer("Z1", "SR 1.2") is not None


def test_a_merge_cancelled_at_the_copys_passphrase_merges_nothing(
        qtbot: QtBot, window: MainWindow, sealed: Path, tmp_path: Path) -> None:
    other = copy_with_its_own_passphrase(sealed, tmp_path)
    Typist(qtbot, [PASS])
    assert window.open_path(str(sealed))
    window.team.ask_other = lambda: str(other)  # type: ignore[method-assign]
    Typist(qtbot, [CANCEL])
    window.action(Act.MERGE).trigger()
    assert window.session.store.answer("Z1", "SR 1.2") is None  # type: ignore[union-attr]
