"""Recovery: make a damaged project open again, keeping every copy it replaces.

Backups are tried newest first and only one that loads as a whole project is used; the
file or journal it replaces is set aside for a person to look at, never deleted. The backups
of an encrypted project are encrypted too: they open with its passphrase, and a wrong one
is said as such, never taken for damage (nothing is replaced then).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from ot62443_desktop.storage import backups, schema
from ot62443_desktop.storage.errors import PassphraseNeededError, StoreError, WrongPassphraseError
from ot62443_desktop.storage.fsutil import UnsyncedRenameError, atomic_write
from ot62443_desktop.storage.header_repair import repaired_header
from ot62443_desktop.storage.journal import Relation, file_digest, journal_path
from ot62443_desktop.storage.keys import Secret, Unlocker, is_encrypted
from ot62443_desktop.storage.projectfile import parse_project
from ot62443_desktop.storage.reading import exclusive_lock, journal_or_none, project_path, read_file, refuse_special
from ot62443_desktop.storage.store import ProjectStore


def recover(path: str | Path, *, passphrase: Secret | None = None) -> str:
    """Make a damaged project open again, keeping every copy it replaces; says what it did.

    An encrypted file whose header alone is damaged gets its header back from a backup (see
    header_repair), with nothing lost. A whole file whose journal cannot be replayed keeps the
    file (it is newer than any backup) and sets the journal aside; a damaged file is replaced by
    the newest good backup, plus the journal if the journal extends exactly that backup. An
    encrypted project is never replaced by a plain backup.
    """
    path = project_path(path)
    if path.exists():
        refuse_special(path)
    lock = exclusive_lock(path, "recovered")
    unlocker = Unlocker(passphrase)
    try:
        opens, repaired = _opens_or_repaired(path, unlocker)
        if opens:
            if repaired:
                return f"{path}: {repaired}"
            raise StoreError(f"{path}: the project opens normally; there is nothing to recover")
        if (usable := _usable(path, unlocker)) is not None:
            backups.retire_copy(path, usable[1].copy_id)
            moved = backups.set_aside(path, journal_path(path), "damaged-journal")
            return (f"{path}: {repaired}{'; ' if repaired else ''}the file is kept as it was; its journal could not "
                    f"be replayed and was set aside as {moved}")
        return _restore_backup(path, unlocker, sealed_only=_was_encrypted(path))
    finally:
        lock.release()


def _opens_or_repaired(path: Path, unlocker: Unlocker) -> tuple[bool, str]:
    """Whether the project opens, after its header was repaired from a backup if only that was damaged
    (then the second item says so). A passphrase that opens neither the file nor a repair of it is wrong."""
    try:
        if _opens(path, unlocker.secret):
            return True, ""
    except WrongPassphraseError:
        if (note := _repair_header(path, unlocker)) is None:
            raise
        return _opens(path, unlocker.secret), note
    note = _repair_header(path, unlocker)
    return (False, "") if note is None else (_opens(path, unlocker.secret), note)


def _repair_header(path: Path, unlocker: Unlocker) -> str | None:
    """Put back the header of an encrypted file from a backup of the same key (the damaged file goes aside)."""
    if (found := repaired_header(path, unlocker)) is None:
        return None
    data, backup = found
    moved = backups.set_aside(path, path, "damaged-header", move=False)
    with contextlib.suppress(UnsyncedRenameError):  # in place all the same
        atomic_write(path, data)
    return (f"its header was damaged and was repaired from backup {backup.name}, sealed with the same key; "
            f"the contents check out, nothing was lost (the damaged file was set aside as {moved})")


def _was_encrypted(path: Path) -> bool:
    """Whether what is left of the project (its file, or the header of its journal) says it is encrypted."""
    journal = journal_or_none(path)
    return is_encrypted(path) or (journal is not None and journal.sealed is not None)


def needs_passphrase(path: str | Path) -> bool:
    """Whether recovering `path` needs its passphrase: the file or one of its backups is encrypted."""
    path = Path(path)
    return is_encrypted(path) or any(is_encrypted(backup) for backup in backups.list_backups(path))


def _restore_backup(path: Path, unlocker: Unlocker, *, sealed_only: bool) -> str:
    """The newest backup that opens replaces the file. With `sealed_only` (the project is encrypted), a
    plain backup is passed over: it was not written for this project (planted, or an earlier plain
    project's of the same name), and restoring it would store every later change unencrypted."""
    refused: StoreError | None = None
    plain = [backup for backup in backups.list_backups(path) if sealed_only and not is_encrypted(backup)]
    passed = f"; {len(plain)} plain backup(s) were passed over: not restored over an encrypted project" \
        if plain else ""
    for backup in backups.list_backups(path):
        if backup in plain:
            continue
        try:
            usable = _usable(backup, unlocker, refuse=True)
        except (PassphraseNeededError, WrongPassphraseError) as exc:  # tried, in case an older one opens
            refused = refused or exc
            continue
        if usable is None:
            continue
        data, checked = usable
        backups.retire_copy(path, checked.copy_id)
        if path.exists() or path.is_symlink():  # a copy: the file stays until the backup replaces it
            backups.set_aside(path, path, "damaged", move=False)
        with contextlib.suppress(UnsyncedRenameError):  # in place all the same
            atomic_write(path, data)
        journal = journal_or_none(path, checked.key)
        if _opens(path, unlocker.secret):
            extends = journal is not None and journal.relation(
                checked.file_meta, file_digest(data), checked.key.id if checked.key else None) is Relation.EXTENDS
            count = len(journal.records) if journal is not None and extends else 0
            note = f" and {count} journaled change(s)" if count else ""
            return f"{path}: restored from backup {backup.name}{note}{passed}"
        moved = backups.set_aside(path, journal_path(path), "stale-journal")
        return (f"{path}: restored from backup {backup.name}; its journal did not fit and was set aside as "
                f"{moved}{passed}")
    if refused is not None:
        raise StoreError(f"{path}: no backup opens with this passphrase ({refused}){passed}; nothing was changed")
    if plain:
        raise StoreError(f"{path}: no encrypted backup opens, and its {len(plain)} plain backup(s) are not "
                         f"restored over an encrypted project (it would be stored unencrypted from then on); "
                         f"they stay in {backups.backup_dir(path)}; nothing was changed")
    raise StoreError(f"{path}: no usable backup in {backups.backup_dir(path)}")

def _opens(path: Path, passphrase: Secret | None) -> bool:
    """Whether the project opens read-only, with its journal; a passphrase that does not open it is an error:
    recovery must never take a wrong passphrase for a damaged file and replace it."""
    try:
        ProjectStore.open(path, read_only=True, passphrase=passphrase).close()
    except (PassphraseNeededError, WrongPassphraseError):
        raise
    except (StoreError, OSError, RuntimeError):
        return False
    return True

def _usable(candidate: Path, unlocker: Unlocker, *, refuse: bool = False) -> tuple[bytes, ProjectStore] | None:
    """A file's bytes and its store if it loads as a whole project, without any journal; None otherwise.
    With `refuse`, a file that needs another passphrase raises rather than counting as unusable."""
    try:
        data = read_file(candidate)
        document, key = unlocker.open(candidate, data)
        raw, version = parse_project(candidate, document)
        if version < schema.SCHEMA_VERSION:
            raw = schema.upgrade(raw, version)
        checked = ProjectStore.from_raw(candidate, raw, lock=None, reason="checked", digest="", replayed=False,
                                        key=key)
    except (PassphraseNeededError, WrongPassphraseError):
        if refuse:
            raise
        return None
    except (StoreError, OSError, RuntimeError):
        return None
    return data, checked
