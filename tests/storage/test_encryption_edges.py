"""Edges of encrypted projects found by trying to break them (issue 15): passphrases no prompt would
give, backups kept for another place of the project, a link planted as its backup folder, and a
merge that stores an encrypted copy's findings in a plain file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ot62443_desktop.domain.model import Answer, Status
from ot62443_desktop.storage import ProjectStore, StoreError, is_encrypted, sealed
from ot62443_desktop.storage.backups import backup_dir, list_backups
from ot62443_desktop.storage.merge import merge_into
from tests.storage.test_encrypted_store import INFO, PASS, files_under, make, readable


@pytest.mark.parametrize("action", ["create", "protect", "change"])
def test_an_empty_passphrase_is_refused_and_nothing_is_changed(project_path: Path, action: str) -> None:
    """No prompt gives one (it asks again), so a project sealed with it would open nowhere but in a script."""
    if action == "create":
        with pytest.raises(StoreError, match="empty passphrase"):
            ProjectStore.create(project_path, INFO, passphrase="")
        assert not project_path.exists()
        return
    make(project_path, passphrase=None if action == "protect" else PASS)
    before = project_path.read_bytes()
    with ProjectStore.open(project_path, passphrase=PASS) as store:
        with pytest.raises(StoreError, match="empty passphrase"):
            store.protect("") if action == "protect" else store.change_passphrase("")
        assert store.encrypted == (action == "change")
    assert project_path.read_bytes()[:len(sealed.MAGIC)] == before[:len(sealed.MAGIC)]


@pytest.mark.parametrize("passphrase", ["\ud800 half a pair", "x" * (1 << 20), "\udcff escaped byte"])
def test_any_string_is_a_passphrase_even_one_no_keyboard_types(project_path: Path, passphrase: str) -> None:
    """A lone surrogate (an undecodable name from Windows' environment) raised UnicodeEncodeError, a crash
    with the passphrase inside the exception; a megabyte is as good as a word."""
    make(project_path, passphrase=passphrase)
    with ProjectStore.open(project_path, passphrase=passphrase) as store:
        assert store.zone("Z1").name == "Chlorine dosing"


def test_protect_seals_the_backups_kept_while_the_project_was_in_another_place(
        tmp_path: Path, data_dir: Path) -> None:
    """Backups are kept per path: moving or renaming the file left its plain backups under the old name,
    and protect said it had encrypted 'its backups' while they stayed readable in the data folder."""
    old = tmp_path / "old" / "plant.ot62443"
    old.parent.mkdir()
    make(old, passphrase=None)
    ProjectStore.open(old).close()
    moved = tmp_path / "plant-2025.ot62443"
    shutil.move(old, moved)
    stranger = tmp_path / "stranger.ot62443"  # another project's plain backups are none of its business
    make(stranger, passphrase=None)
    with ProjectStore.open(moved) as store:
        store.protect(PASS)
        assert any("another name or folder" in warning for warning in store.warnings)
    still_readable = {name.split(":")[0] for name in readable(files_under(data_dir))}
    assert still_readable and still_readable <= {backup.name for backup in list_backups(stranger)}
    old_backups = list_backups(old)
    assert old_backups and all(is_encrypted(backup) for backup in old_backups)
    ProjectStore.open(moved, passphrase=PASS).close()


def test_protect_converts_only_the_programs_own_files_in_a_linked_backup_folder(
        project_path: Path, tmp_path: Path) -> None:
    """A link planted as the project's backup folder must not make protect seal (or remove) whatever the
    folder it names holds."""
    make(project_path, passphrase=None)
    elsewhere = tmp_path / "documents"
    elsewhere.mkdir()
    theirs = {"letter.txt": b"a plain letter", "draft.tmp": b"a draft", ".x.tmp": b"another"}
    for name, data in theirs.items():
        (elsewhere / name).write_bytes(data)
    folder = backup_dir(project_path)
    for backup in folder.iterdir():
        shutil.move(backup, elsewhere / backup.name)
    folder.rmdir()
    os.symlink(elsewhere, folder)
    with ProjectStore.open(project_path) as store:
        store.protect(PASS)
    assert {name: (elsewhere / name).read_bytes() for name in theirs} == theirs
    assert all(is_encrypted(backup) for backup in list_backups(project_path))


def test_merging_an_encrypted_copy_into_a_plain_project_says_its_findings_are_now_readable(
        project_path: Path, tmp_path: Path) -> None:
    make(project_path)
    theirs = tmp_path / "laptop-2.ot62443"
    shutil.copy(project_path, theirs)
    with ProjectStore.open(theirs, passphrase=PASS) as other:
        other.set_answer(Answer("Z1", "SR 1.2", Status.PARTIAL, notes="jump host shared"))
    with ProjectStore.open(project_path, passphrase=PASS) as store:
        store.unprotect()
        merge_into(store, theirs, dry_run=True, passphrase=PASS)
        assert not [w for w in store.warnings if "unencrypted" in w]  # a dry run stores nothing
        merge_into(store, theirs, passphrase=PASS)
        assert any(str(theirs) in w and "stored unencrypted" in w for w in store.warnings)
