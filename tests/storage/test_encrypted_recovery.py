"""Recovering an encrypted project: a damaged header is not a wrong passphrase, and recovery never
makes an encrypted project plain (SPEC 5, 12.6).

Every file sealed with one key has the same 55-byte header (format, scrypt parameters, salt, key
check), so a backup holds a spare copy of the file's header: with it, a file whose header took a
flipped bit opens again exactly as it was, journal and all, and AES-GCM proves the repair right.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ot62443_desktop.domain.model import Answer, Status
from ot62443_desktop.passphrase import VARIABLE
from ot62443_desktop.storage import (
    ProjectStore,
    StoreError,
    WrongPassphraseError,
    is_encrypted,
    sealed,
)
from ot62443_desktop.storage.backups import SET_ASIDE, backup_dir, list_backups
from ot62443_desktop.storage.journal import journal_path
from tests.storage.test_encrypted_store import PASS, make
from tests.test_cli import run

SALT_AT = len(sealed.MAGIC) + 5
CHECK_AT = SALT_AT + sealed.SALT_BYTES


def crashed_with_a_journal(path: Path) -> None:
    """The encrypted project `path` as a crash leaves it: one change in its journal, not yet in the file
    (whose version a backup holds)."""
    make(path)
    with ProjectStore.open(path, passphrase=PASS) as store:
        store.set_answer(Answer("Z1", "SR 1.2", Status.IMPLEMENTED, notes="journaled only"))
        crashed = path.read_bytes(), journal_path(path).read_bytes()
    path.write_bytes(crashed[0])
    journal_path(path).write_bytes(crashed[1])


def damaged_with_a_journal(path: Path, where: int) -> bytes:
    """`crashed_with_a_journal`, then a bit of the file's byte `where` flipped; returns its bytes before."""
    crashed_with_a_journal(path)
    good = path.read_bytes()
    path.write_bytes(good[:where] + bytes([good[where] ^ 0x10]) + good[where + 1:])
    return good


@pytest.mark.parametrize("where", [SALT_AT, SALT_AT + 9, CHECK_AT, CHECK_AT + 15])
def test_a_flipped_bit_in_the_salt_or_key_check_is_repaired_not_taken_for_a_wrong_passphrase(
        project_path: Path, where: int) -> None:
    good = damaged_with_a_journal(project_path, where)
    with pytest.raises(WrongPassphraseError):  # the file alone cannot tell damage from another passphrase
        ProjectStore.open(project_path, passphrase=PASS)
    message = ProjectStore.recover(project_path, passphrase=PASS)
    assert "header was damaged" in message and "repaired" in message
    assert project_path.read_bytes() == good  # exactly the file it was
    aside = list((backup_dir(project_path) / SET_ASIDE).iterdir())
    assert len(aside) == 1 and aside[0].read_bytes() != good  # the damaged one, kept for a person
    with ProjectStore.open(project_path, passphrase=PASS) as store:
        assert store.warnings == ["recovered 1 change(s) from the journal"]  # the journal fits the file again
        assert store.answer("Z1", "SR 1.2").notes == "journaled only"  # type: ignore[union-attr]


@pytest.mark.parametrize("where", [0, len(sealed.MAGIC), len(sealed.MAGIC) + 2])
def test_a_damaged_mark_or_parameter_is_repaired_too(project_path: Path, where: int) -> None:
    good = damaged_with_a_journal(project_path, where)
    with pytest.raises(StoreError):  # damaged, or (its format byte) from a newer release
        ProjectStore.open(project_path, passphrase=PASS)
    assert "repaired" in ProjectStore.recover(project_path, passphrase=PASS)
    assert project_path.read_bytes() == good


def test_a_wrong_passphrase_repairs_nothing_and_changes_nothing(project_path: Path) -> None:
    damaged_with_a_journal(project_path, CHECK_AT)
    before = project_path.read_bytes()
    with pytest.raises(WrongPassphraseError):
        ProjectStore.recover(project_path, passphrase="not it")
    assert project_path.read_bytes() == before and not (backup_dir(project_path) / SET_ASIDE).exists()


def plant_plain_backup(path: Path) -> Path:
    """A plain project file planted as the newest backup of `path` (or one of an earlier project there)."""
    plain = path.with_name("other.ot62443")
    make(plain, passphrase=None)
    newest = list_backups(path)[0]
    sequence, rest = newest.name.split("-", 1)
    planted = newest.with_name(f"{int(sequence) + 1:08d}-{rest}")
    planted.write_bytes(plain.read_bytes())
    return planted


def test_recovery_never_restores_a_plain_backup_over_an_encrypted_project(project_path: Path) -> None:
    make(project_path)
    ProjectStore.open(project_path, passphrase=PASS).close()
    plant_plain_backup(project_path)
    data = bytearray(project_path.read_bytes())
    data[-5] ^= 0xFF
    project_path.write_bytes(bytes(data))
    message = ProjectStore.recover(project_path, passphrase=PASS)
    assert is_encrypted(project_path)
    assert "plain backup" in message  # said, not silently skipped
    with ProjectStore.open(project_path, passphrase=PASS) as store:
        assert store.encrypted and store.answer("Z1", "SR 1.1") is not None


def test_an_encrypted_project_whose_only_good_backups_are_plain_is_left_as_it_is(project_path: Path) -> None:
    make(project_path)
    planted = plant_plain_backup(project_path)
    for backup in list_backups(project_path):
        if backup != planted:
            backup.unlink()
    damaged = project_path.read_bytes()[:-20]
    project_path.write_bytes(damaged)
    with pytest.raises(StoreError, match="plain backup.* not restored over an encrypted project"):
        ProjectStore.recover(project_path, passphrase=PASS)
    assert project_path.read_bytes() == damaged


def test_a_sealed_journal_marks_a_missing_file_as_encrypted_too(project_path: Path) -> None:
    crashed_with_a_journal(project_path)
    assert json.loads(journal_path(project_path).read_bytes().split(b" ", 1)[1].split(b"\n")[0])["sealed"]
    plant_plain_backup(project_path)
    project_path.unlink()
    ProjectStore.recover(project_path, passphrase=PASS)
    assert is_encrypted(project_path)


def test_ot62443_recover_repairs_a_damaged_header_with_the_passphrase_from_the_environment(
        project_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    good = damaged_with_a_journal(project_path, SALT_AT + 3)
    monkeypatch.setenv(VARIABLE, PASS)
    code, out, err = run(capsys, "summary", str(project_path))
    assert code == 1 and "wrong passphrase" in err
    code, out, _ = run(capsys, "recover", str(project_path))
    assert code == 0 and "repaired" in out and project_path.read_bytes() == good
    assert run(capsys, "summary", str(project_path))[0] == 0
