"""An encrypted project: the same store, opened only with its passphrase; a wrong one changes nothing."""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest

from ot62443_desktop.domain.model import Answer, ProjectInfo, Status, Zone
from ot62443_desktop.storage import (
    PassphraseNeededError,
    ProjectDamagedError,
    ProjectStore,
    SaveError,
    StoreError,
    WrongPassphraseError,
    fsutil,
    is_encrypted,
    sealed,
)
from ot62443_desktop.storage.backups import backup_dir, list_backups
from ot62443_desktop.storage.journal import encode, file_digest, journal_path
from ot62443_desktop.storage.lock import lock_path

PASS = "correct horse battery staple"
INFO = ProjectInfo("Stadtwerke Nordhafen", "Klärwerk Ost")
ZONE = Zone("Z1", "Chlorine dosing", Zone.uniform(2))
SECRETS = (b"Nordhafen", b"Chlorine dosing", b"shared admin password")


def make(path: Path, passphrase: str | None = PASS) -> None:
    with ProjectStore.create(path, INFO, passphrase=passphrase) as store:
        store.add_zone(ZONE)
        store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL, notes="shared admin password on the HMI"))


def files_under(*folders: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()}


def readable(files: dict[Path, bytes]) -> list[str]:
    """The files in which a secret of the project can be read as it is."""
    return [f"{path.name}: {secret!r}" for path, data in files.items() for secret in SECRETS
            if secret.lower() in data.lower()]


def crash_copy(store: ProjectStore, target: Path) -> None:
    """What a power cut leaves: the file and its journal as they are on disk."""
    shutil.copy(store.path, target)
    shutil.copy(journal_path(store.path), journal_path(target))


def crashed_after(path: Path, *answers: tuple[str, Status]) -> Path:
    """The encrypted project `path` with `answers` (requirement, status) in its journal, as a crash leaves it."""
    make(path)
    crashed = path.with_name("crashed.ot62443")
    with ProjectStore.open(path, passphrase=PASS) as store:
        for req, status in answers:
            store.set_answer(Answer("Z1", req, status))
        crash_copy(store, crashed)
    return crashed


def test_an_encrypted_project_opens_with_its_passphrase_and_shows_no_text(project_path: Path) -> None:
    make(project_path)
    assert is_encrypted(project_path) and project_path.read_bytes().startswith(sealed.MAGIC)
    assert readable(files_under(project_path.parent)) == []
    with ProjectStore.open(project_path, passphrase=PASS) as store:
        assert store.encrypted and store.info == INFO and store.zone("Z1") == ZONE
        assert store.answer("Z1", "SR 1.1").notes == "shared admin password on the HMI"  # type: ignore[union-attr]


def test_a_plain_project_is_not_encrypted(project_path: Path, tmp_path: Path) -> None:
    make(project_path, passphrase=None)
    assert not is_encrypted(project_path) and not is_encrypted(tmp_path / "absent.ot62443")
    with ProjectStore.open(project_path, passphrase="ignored for a plain file") as store:
        assert not store.encrypted and store.key is None


@pytest.mark.parametrize("read_only", [False, True])
def test_without_its_passphrase_it_says_it_is_encrypted_and_changes_nothing(
        project_path: Path, read_only: bool) -> None:
    make(project_path)
    before = files_under(project_path.parent)
    with pytest.raises(PassphraseNeededError, match="encrypted") as caught:
        ProjectStore.open(project_path, read_only=read_only)
    assert str(project_path) in str(caught.value)
    assert files_under(project_path.parent) == before and not lock_path(project_path).exists()


def test_a_wrong_passphrase_is_a_clear_error_and_reads_or_changes_nothing(
        project_path: Path, tmp_path: Path, data_dir: Path) -> None:
    make(project_path)
    crashed = tmp_path / "crashed.ot62443"
    store = ProjectStore.open(project_path, passphrase=PASS)
    store.set_answer(Answer("Z1", "SR 1.2", Status.IMPLEMENTED))
    crash_copy(store, crashed)
    store.close()
    before = files_under(tmp_path, data_dir)
    for read_only in (False, True):
        with pytest.raises(WrongPassphraseError, match="wrong passphrase") as caught:
            ProjectStore.open(crashed, read_only=read_only, passphrase="correct horse battery stapler")
        assert str(crashed) in str(caught.value) and "nothing was read or changed" in str(caught.value)
    assert files_under(tmp_path, data_dir) == before  # the journal is still there; no backup was made


def test_a_crashed_session_replays_its_sealed_journal(project_path: Path, tmp_path: Path) -> None:
    make(project_path)
    crashed = tmp_path / "crashed.ot62443"
    with ProjectStore.open(project_path, passphrase=PASS) as store:
        store.set_answer(Answer("Z1", "SR 1.2", Status.IMPLEMENTED, notes="firewall rules reviewed"))
        store.clear_answer("Z1", "SR 1.1")
        journal = journal_path(project_path).read_bytes()
        assert journal.count(b"\n") == 3 and b"firewall" not in journal and b'"ops"' not in journal
        crash_copy(store, crashed)
    with ProjectStore.open(crashed, passphrase=PASS) as store:
        assert store.answer("Z1", "SR 1.2").notes == "firewall rules reviewed"  # type: ignore[union-attr]
        assert store.answer("Z1", "SR 1.1") is None
        assert store.warnings == ["recovered 2 change(s) from the journal"]


def test_a_torn_sealed_tail_is_cut_and_every_whole_record_kept(project_path: Path, tmp_path: Path) -> None:
    crashed = crashed_after(project_path, ("SR 1.2", Status.IMPLEMENTED), ("SR 1.3", Status.IMPLEMENTED))
    journal = journal_path(crashed)
    journal.write_bytes(journal.read_bytes()[:-30])  # the last append was cut by the crash
    with ProjectStore.open(crashed, passphrase=PASS) as store:
        assert store.answer("Z1", "SR 1.2") is not None and store.answer("Z1", "SR 1.3") is None
        store.set_answer(Answer("Z1", "SR 1.4", Status.IMPLEMENTED))
        crash_copy(store, tmp_path / "again.ot62443")
    with ProjectStore.open(tmp_path / "again.ot62443", passphrase=PASS) as store:
        assert store.answer("Z1", "SR 1.4") is not None  # appended after the cut, never after the torn bytes


def _lines(path: Path) -> list[bytes]:
    return journal_path(path).read_bytes().split(b"\n")[:-1]


def _write_lines(path: Path, lines: list[bytes]) -> None:
    journal_path(path).write_bytes(b"".join(line + b"\n" for line in lines))


def test_a_sealed_record_damaged_in_the_middle_ends_the_replay_there_and_is_set_aside(
        project_path: Path) -> None:
    crashed = crashed_after(project_path, *((req, Status.IMPLEMENTED) for req in ("SR 1.2", "SR 1.3", "SR 1.4")))
    lines = _lines(crashed)
    body = bytearray(lines[2][9:])
    body[40] ^= 1 if body[40] != ord("A") else 2  # still base64, checksum made to match: only GCM sees it
    lines[2] = encode_line(bytes(body))
    _write_lines(crashed, lines)
    with ProjectStore.open(crashed, passphrase=PASS) as store:
        assert store.answer("Z1", "SR 1.2") is not None
        assert store.answer("Z1", "SR 1.3") is None and store.answer("Z1", "SR 1.4") is None
        assert any("1 after it could not be read" in warning for warning in store.warnings)


def encode_line(body: bytes) -> bytes:
    return b"%08x %s" % (zlib.crc32(body), body)


def test_sealed_records_swapped_in_place_do_not_open(project_path: Path) -> None:
    crashed = crashed_after(project_path, ("SR 1.2", Status.IMPLEMENTED), ("SR 1.3", Status.NOT_IMPLEMENTED))
    header, first, second = _lines(crashed)
    _write_lines(crashed, [header, second, first])
    with ProjectStore.open(crashed, passphrase=PASS) as store:
        assert store.answer("Z1", "SR 1.2") is None and store.answer("Z1", "SR 1.3") is None


def test_a_plain_journal_planted_beside_an_encrypted_file_is_never_replayed(project_path: Path) -> None:
    make(project_path)
    data = project_path.read_bytes()
    with ProjectStore.open(project_path, passphrase=PASS, read_only=True) as store:
        generation, project_id = store.generation, store.project_id
    header = {"journal": 1, "generation": generation, "project_id": project_id, "file_sha256": file_digest(data)}
    forged = {"ops": [["answers:Z1", 1, {"req": "SR 1.1", "status": "implemented", "notes": "forged"}]]}
    journal_path(project_path).write_bytes(encode(header) + encode(forged))
    with ProjectStore.open(project_path, passphrase=PASS) as store:
        assert store.answer("Z1", "SR 1.1").notes == "shared admin password on the HMI"  # type: ignore[union-attr]
        assert any("set aside" in warning for warning in store.warnings)


def test_protect_encrypts_the_file_its_journal_and_every_backup(project_path: Path, data_dir: Path) -> None:
    make(project_path, passphrase=None)
    with ProjectStore.open(project_path) as store:
        store.set_answer(Answer("Z1", "SR 1.2", Status.IMPLEMENTED, notes="shared admin password reset"))
        assert readable(files_under(data_dir / "backups"))  # plain backups, before
        store.protect(PASS)
        assert store.encrypted and is_encrypted(project_path)
        store.set_answer(Answer("Z1", "SR 1.3", Status.IMPLEMENTED, notes="shared admin password removed"))
        assert readable(files_under(project_path.parent, data_dir / "backups")) == []
    assert readable(files_under(project_path.parent, data_dir / "backups")) == []
    assert all(is_encrypted(backup) for backup in list_backups(project_path))
    with pytest.raises(PassphraseNeededError):
        ProjectStore.open(project_path)
    with ProjectStore.open(project_path, passphrase=PASS) as store:
        assert store.answer("Z1", "SR 1.3").notes == "shared admin password removed"  # type: ignore[union-attr]


def test_a_new_passphrase_reseals_everything_and_the_old_one_no_longer_opens(
        project_path: Path, data_dir: Path) -> None:
    make(project_path)
    with ProjectStore.open(project_path, passphrase=PASS) as store:
        store.set_answer(Answer("Z1", "SR 1.2", Status.IMPLEMENTED))
        old_salt = store.key.salt  # type: ignore[union-attr]
        store.change_passphrase("tr0ub4dor & 3")
        assert store.key.salt != old_salt  # type: ignore[union-attr]
        store.set_answer(Answer("Z1", "SR 1.3", Status.IMPLEMENTED))
    for path in (project_path, *list_backups(project_path)):
        with pytest.raises(WrongPassphraseError):
            ProjectStore.open(path, read_only=True, passphrase=PASS)
        ProjectStore.open(path, read_only=True, passphrase="tr0ub4dor & 3").close()
    with ProjectStore.open(project_path, passphrase="tr0ub4dor & 3") as store:
        assert store.answer("Z1", "SR 1.3") is not None
    assert readable(files_under(project_path.parent, data_dir / "backups")) == []


def test_unprotect_stores_the_file_and_its_backups_plain_again(project_path: Path) -> None:
    make(project_path)
    with ProjectStore.open(project_path, passphrase=PASS) as store:
        store.set_answer(Answer("Z1", "SR 1.2", Status.IMPLEMENTED))
        store.unprotect()
        store.set_answer(Answer("Z1", "SR 1.3", Status.IMPLEMENTED))
    assert not is_encrypted(project_path) and not any(is_encrypted(b) for b in list_backups(project_path))
    with ProjectStore.open(project_path) as store:
        assert store.answer("Z1", "SR 1.2") is not None and store.answer("Z1", "SR 1.3") is not None


def test_each_protection_change_refuses_the_wrong_starting_form(project_path: Path) -> None:
    make(project_path)
    with ProjectStore.open(project_path, passphrase=PASS) as store:
        with pytest.raises(StoreError, match="encrypted already"):
            store.protect("another")
        store.unprotect()
        with pytest.raises(StoreError, match="not encrypted"):
            store.unprotect()
        with pytest.raises(StoreError, match="not encrypted"):
            store.change_passphrase("another")


def test_a_failed_switch_leaves_the_plain_form_and_its_backups_as_they_were(
        project_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make(project_path, passphrase=None)
    store = ProjectStore.open(project_path)
    store.set_answer(Answer("Z1", "SR 1.2", Status.IMPLEMENTED))
    real = fsutil.atomic_write

    def full_disk_for_the_project(path: Path, data: bytes, *, durable: bool = True) -> None:
        if path == project_path and sealed.is_sealed(data):
            raise OSError(28, "No space left on device", str(path))
        real(path, data, durable=durable)

    monkeypatch.setattr("ot62443_desktop.storage.store.atomic_write", full_disk_for_the_project)
    with pytest.raises(SaveError, match="not encrypted .*No space left.*nothing was changed"):
        store.protect(PASS)
    assert not store.encrypted and not is_encrypted(project_path)
    assert not any(is_encrypted(backup) for backup in list_backups(project_path))
    store.set_answer(Answer("Z1", "SR 1.3", Status.IMPLEMENTED))  # the project goes on as it was
    store.close()
    with ProjectStore.open(project_path) as again:
        assert again.answer("Z1", "SR 1.2") is not None and again.answer("Z1", "SR 1.3") is not None


def test_a_full_disk_while_the_backups_are_sealed_leaves_them_and_the_file_plain(
        project_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make(project_path, passphrase=None)
    for _ in range(3):  # three backups of three generations
        with ProjectStore.open(project_path) as store:
            store.set_answer(Answer("Z1", "SR 1.2", Status.IMPLEMENTED))
    assert len(list_backups(project_path)) >= 3
    real, written = os.write, []

    def full_after_one_backup(fd: int, data: bytes) -> int:
        if sealed.is_sealed(bytes(data[:len(sealed.MAGIC)])):
            if written:
                raise OSError(28, "No space left on device")
            written.append(fd)
        return real(fd, data)

    with ProjectStore.open(project_path) as store:
        monkeypatch.setattr(os, "write", full_after_one_backup)  # the disk stays full
        with pytest.raises(SaveError, match="No space left.*nothing was changed"):
            store.protect(PASS)
        monkeypatch.setattr(os, "write", real)
        assert written and not store.encrypted
    assert not is_encrypted(project_path)
    assert not any(is_encrypted(backup) for backup in list_backups(project_path))
    assert not [p for p in backup_dir(project_path).iterdir() if p.name.endswith(".tmp")]


def test_a_damaged_encrypted_file_is_recovered_from_its_encrypted_backup_with_the_passphrase(
        project_path: Path) -> None:
    make(project_path)
    ProjectStore.open(project_path, passphrase=PASS).close()  # a backup of the current version
    data = bytearray(project_path.read_bytes())
    data[-5] ^= 0xFF
    project_path.write_bytes(bytes(data))
    with pytest.raises(ProjectDamagedError, match="damaged .*authentication") as caught:
        ProjectStore.open(project_path, passphrase=PASS)
    assert caught.value.recoverable
    with pytest.raises(PassphraseNeededError):
        ProjectStore.recover(project_path)
    with pytest.raises(WrongPassphraseError):  # the header still tells the passphrase is wrong
        ProjectStore.recover(project_path, passphrase="not it")
    project_path.write_bytes(bytes(data[:20]))  # now nothing of the file says which passphrase it takes
    with pytest.raises(StoreError, match="no backup opens with this passphrase"):
        ProjectStore.recover(project_path, passphrase="not it")
    assert project_path.read_bytes() == bytes(data[:20])
    assert "restored from backup" in ProjectStore.recover(project_path, passphrase=PASS)
    with ProjectStore.open(project_path, passphrase=PASS) as store:
        assert store.answer("Z1", "SR 1.1") is not None


def test_recovery_never_takes_a_wrong_passphrase_for_damage(project_path: Path) -> None:
    make(project_path)
    before = project_path.read_bytes()
    with pytest.raises(WrongPassphraseError):
        ProjectStore.recover(project_path, passphrase="not it")
    assert project_path.read_bytes() == before and not (backup_dir(project_path) / "set-aside").exists()


def _sealed_header(log2_n: int, r: int, p: int) -> bytes:
    return sealed.MAGIC + struct.pack(">BBBBB", 1, 1, log2_n, r, p) + bytes(32) + bytes(64)


@pytest.mark.parametrize(("data", "error", "message"), [
    (_sealed_header(24, 64, 16), ProjectDamagedError, "damaged or forged .*too costly"),
    (_sealed_header(15, 8, 1)[:40], ProjectDamagedError, "truncated"),
    (sealed.MAGIC + b"\x09" + bytes(100), StoreError, "newer format"),
])
def test_a_hostile_encrypted_file_gets_one_clear_error_naming_it(
        project_path: Path, data: bytes, error: type[Exception], message: str) -> None:
    project_path.write_bytes(data)
    with pytest.raises(error, match=message) as caught:
        ProjectStore.open(project_path, passphrase=PASS)
    assert str(caught.value).startswith(str(project_path))
    assert project_path.read_bytes() == data and not lock_path(project_path).exists()
