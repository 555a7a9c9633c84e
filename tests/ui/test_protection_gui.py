"""File > Protect with a passphrase, Change passphrase, Remove protection, used as a person would; the lock
in the status bar; and a failure (a full disk, the lock file lost) told, with nothing changed."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from ot62443_desktop.api import open_project
from ot62443_desktop.storage import WrongPassphraseError, is_encrypted, sealed
from ot62443_desktop.storage.backups import list_backups
from ot62443_desktop.ui.actions import Act
from ot62443_desktop.ui.main_window import MainWindow
from ot62443_desktop.ui.theme import MARK_CONTRAST, TEXT_CONTRAST, contrast_ratio
from tests.ui.boxes import Boxes
from tests.ui.conftest import when_dialog_opens
from tests.ui.passphrases import CANCEL, Typist

FIRST, SECOND = "river bend pumping 26", "ozone tower seven 27"
SECRET = b"Control network"  # the zone's name in zone_project


def state(window: MainWindow) -> tuple[bool, bool, bool, bool]:
    """Protect, Change and Remove enabled, and the lock shown."""
    return (window.action(Act.PROTECT).isEnabled(), window.action(Act.CHANGE_PASSPHRASE).isEnabled(),
            window.action(Act.UNPROTECT).isEnabled(), window.protection.badge.isVisible())


def remove_protection(qtbot: QtBot, window: MainWindow, *, confirm: bool) -> list[str]:
    """File > Remove protection, its question answered by a click; returns what the question said."""
    said: list[str] = []

    def answer(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        wanted = "&Remove protection" if confirm else "Cancel"
        qtbot.mouseClick(next(b for b in box.buttons() if b.text() == wanted), Qt.MouseButton.LeftButton)

    when_dialog_opens(answer)
    window.action(Act.UNPROTECT).trigger()
    return said


def test_protect_change_and_remove_through_the_file_menu(qtbot: QtBot, window: MainWindow, zone_project: Path) -> None:
    assert not [a for a in (Act.PROTECT, Act.CHANGE_PASSPHRASE, Act.UNPROTECT) if window.action(a).isEnabled()]
    assert window.open_path(str(zone_project))
    assert state(window) == (True, False, False, False)
    typist = Typist(qtbot, [FIRST])
    window.action(Act.PROTECT).trigger()
    assert typist.done() and typist.asked[0].title == "Protect with a passphrase"
    assert state(window) == (False, True, True, True)
    assert is_encrypted(zone_project) and SECRET not in zone_project.read_bytes()
    assert all(is_encrypted(backup) for backup in list_backups(zone_project))
    assert "and its backups are encrypted" in window.statusBar().currentMessage()

    Typist(qtbot, [SECOND])
    window.action(Act.CHANGE_PASSPHRASE).trigger()
    assert "now open with the new passphrase only" in window.statusBar().currentMessage()
    window.close_project()
    Typist(qtbot, [FIRST, SECOND])  # the old passphrase no longer opens it; the new one does
    assert window.open_path(str(zone_project))
    assert window.session is not None and window.session.store.zone("Z1").name == "Control network"

    said = remove_protection(qtbot, window, confirm=False)
    assert "readable" in said[0] and "backups" in said[0]
    assert is_encrypted(zone_project) and state(window) == (False, True, True, True)  # Cancel: as it was
    remove_protection(qtbot, window, confirm=True)
    assert not is_encrypted(zone_project) and SECRET in zone_project.read_bytes()
    assert state(window) == (True, False, False, False)
    window.close_project()
    assert window.open_path(str(zone_project))  # no passphrase asked: a dialog would block here


def test_the_old_passphrase_fails_after_a_change(qtbot: QtBot, window: MainWindow, zone_project: Path) -> None:
    assert window.open_path(str(zone_project))
    Typist(qtbot, [FIRST])
    window.action(Act.PROTECT).trigger()
    Typist(qtbot, [SECOND])
    window.action(Act.CHANGE_PASSPHRASE).trigger()
    window.close_project()
    with pytest.raises(WrongPassphraseError):
        open_project(zone_project, read_only=True, passphrase=FIRST)
    with open_project(zone_project, read_only=True, passphrase=SECOND) as project:
        assert project.store.encrypted


def test_a_cancelled_passphrase_protects_nothing(qtbot: QtBot, window: MainWindow, zone_project: Path) -> None:
    assert window.open_path(str(zone_project))
    Typist(qtbot, [CANCEL])
    window.action(Act.PROTECT).trigger()
    assert not is_encrypted(zone_project) and state(window) == (True, False, False, False)


def test_a_full_disk_is_told_and_changes_nothing(qtbot: QtBot, window: MainWindow, zone_project: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    boxes = Boxes(monkeypatch)
    assert window.open_path(str(zone_project))
    before = zone_project.read_bytes()
    real = os.write

    def full(fd: int, data: bytes) -> int:  # the disk fills as the encrypted copies are written
        if bytes(data[:len(sealed.MAGIC)]) == sealed.MAGIC:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(fd, data)

    monkeypatch.setattr(os, "write", full)
    Typist(qtbot, [FIRST])
    window.action(Act.PROTECT).trigger()
    monkeypatch.setattr(os, "write", real)
    assert boxes.last().title == "Protect with a passphrase" and boxes.last().plain
    assert "No space left on device" in boxes.last().text
    assert "Nothing was changed: the project keeps the protection it had." in boxes.last().text
    assert zone_project.read_bytes() == before and state(window) == (True, False, False, False)
    window.session.store.set_info(window.session.store.info)  # type: ignore[union-attr]  # still writable


def test_a_lost_lock_is_told_and_changes_nothing(qtbot: QtBot, window: MainWindow, zone_project: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    boxes = Boxes(monkeypatch)
    assert window.open_path(str(zone_project))
    zone_project.with_name(zone_project.name + ".lock").unlink()  # another program removed it
    Typist(qtbot, [FIRST])
    window.action(Act.PROTECT).trigger()
    assert "lock file was removed" in boxes.last().text and not is_encrypted(zone_project)


def test_a_read_only_project_offers_none_of_the_three(qtbot: QtBot, window: MainWindow, zone_project: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    Boxes(monkeypatch)
    with open_project(zone_project):  # another instance holds it: this window opens it read-only
        assert window.open_path(str(zone_project))
        assert window.session is not None and window.session.read_only
        assert state(window) == (False, False, False, False)


def test_the_lock_badge_is_readable_and_says_why_it_is_there(qtbot: QtBot, window: MainWindow,
                                                             zone_project: Path) -> None:
    assert window.open_path(str(zone_project))
    Typist(qtbot, [FIRST])
    window.action(Act.PROTECT).trigger()
    badge = window.protection.badge
    assert badge.badge.text() == "Encrypted" and "open only with its passphrase" in badge.toolTip()
    assert badge.parent() is window.statusBar() or window.statusBar().isAncestorOf(badge)
    pair = badge.badge.colours()
    assert contrast_ratio(pair.background, pair.text) >= TEXT_CONTRAST
    lock = badge.lock.pixmap().toImage()  # drawn in the palette's ink, which stands out from the status bar
    inked = [lock.pixelColor(x, y) for x in range(lock.width()) for y in range(lock.height())
             if lock.pixelColor(x, y).alpha() == 255]
    assert inked and max(contrast_ratio(colour, badge.palette().window().color()) for colour in inked) >= MARK_CONTRAST
    window.close_project()
    assert not badge.isVisible()
