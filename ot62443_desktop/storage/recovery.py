"""Recovery: make a damaged project open again, keeping every copy it replaces.

Backups are tried newest first and only one that loads as a whole project is used; the
file or journal it replaces is set aside for a person to look at, never deleted.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from ot62443_desktop.storage import backups, schema
from ot62443_desktop.storage.errors import StoreError
from ot62443_desktop.storage.fsutil import UnsyncedRenameError, atomic_write
from ot62443_desktop.storage.journal import Relation, file_digest, journal_path
from ot62443_desktop.storage.projectfile import parse_project
from ot62443_desktop.storage.reading import exclusive_lock, journal_or_none, project_path, read_file, refuse_special
from ot62443_desktop.storage.store import ProjectStore


def recover(path: str | Path) -> str:
    """Make a damaged project open again, keeping every copy it replaces; says what it did.

    A whole file whose journal cannot be replayed keeps the file (it is newer than any
    backup) and sets the journal aside; a damaged file is replaced by the newest good
    backup, plus the journal if the journal extends exactly that backup.
    """
    path = project_path(path)
    if path.exists():
        refuse_special(path)
    lock = exclusive_lock(path, "recovered")
    try:
        if _opens(path):
            raise StoreError(f"{path}: the project opens normally; there is nothing to recover")
        if (usable := _usable(path)) is not None:
            backups.retire_copy(path, usable[1].copy_id)
            moved = backups.set_aside(path, journal_path(path), "damaged-journal")
            return (f"{path}: the file is kept as it was; its journal could not be replayed and was set "
                    f"aside as {moved}")
        return _restore_backup(path)
    finally:
        lock.release()

def _restore_backup(path: Path) -> str:
    for backup in backups.list_backups(path):
        usable = _usable(backup)
        if usable is None:
            continue
        data, checked = usable
        backups.retire_copy(path, checked.copy_id)
        if path.exists() or path.is_symlink():  # a copy: the file stays until the backup replaces it
            backups.set_aside(path, path, "damaged", move=False)
        with contextlib.suppress(UnsyncedRenameError):  # in place all the same
            atomic_write(path, data)
        journal = journal_or_none(path)
        if _opens(path):
            extends = journal is not None and journal.relation(
                checked.file_meta, file_digest(data)) is Relation.EXTENDS
            count = len(journal.records) if journal is not None and extends else 0
            note = f" and {count} journaled change(s)" if count else ""
            return f"{path}: restored from backup {backup.name}{note}"
        moved = backups.set_aside(path, journal_path(path), "stale-journal")
        return f"{path}: restored from backup {backup.name}; its journal did not fit and was set aside as {moved}"
    raise StoreError(f"{path}: no usable backup in {backups.backup_dir(path)}")

def _opens(path: Path) -> bool:
    """Whether the project opens read-only, with its journal."""
    try:
        ProjectStore.open(path, read_only=True).close()
    except (StoreError, OSError, RuntimeError):
        return False
    return True

def _usable(candidate: Path) -> tuple[bytes, ProjectStore] | None:
    """A file's bytes and its store if it loads as a whole project, without any journal; None otherwise."""
    try:
        data = read_file(candidate)
        raw, version = parse_project(candidate, data)
        if version < schema.SCHEMA_VERSION:
            raw = schema.upgrade(raw, version)
        checked = ProjectStore.from_raw(candidate, raw, lock=None, reason="checked", digest="", replayed=False)
    except (StoreError, OSError, RuntimeError):
        return None
    return data, checked
