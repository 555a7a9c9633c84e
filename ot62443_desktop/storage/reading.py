"""Finding and reading what lies beside a project, refusing whatever is not the program's own.

A project's path may be a link, and anything may sit where its journal or lock goes: a
FIFO that would block a read forever, a folder, a link to another file. These functions
read only regular files, follow a project link only to another project file, and say in
one line what they refused.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ot62443_desktop.storage.errors import ProjectDamagedError, StoreError, describe_os_error
from ot62443_desktop.storage.fsutil import open_regular, read_all
from ot62443_desktop.storage.journal import JournalContents, MalformedJournalError, journal_path, read_journal
from ot62443_desktop.storage.lock import ProjectLock
from ot62443_desktop.storage.sealed import Key

PROJECT_SUFFIX = ".ot62443"
MAX_PROJECT_BYTES = 256 * 1024 * 1024  # 100 zones take 3 MB


def project_path(path: str | Path) -> Path:
    """The project's path; a symbolic link is followed once here, so writes go to the real file.

    A link must lead to a project file too: the lock, journal and temporary files go beside
    the real file, and must never be made beside whatever a planted link names.
    """
    path = Path(path)
    if path.suffix != PROJECT_SUFFIX:
        raise StoreError(f"{path}: project files end in {PROJECT_SUFFIX}")
    if not path.is_symlink():
        return path
    real = Path(os.path.realpath(path))
    if real.suffix != PROJECT_SUFFIX:
        raise StoreError(f"{path}: a link to {real}, which is not a project file (those end in {PROJECT_SUFFIX})")
    return real


def refuse_special(path: Path) -> None:
    """A FIFO, device or folder is never read (it could block forever) nor replaced."""
    if not path.is_file():
        raise StoreError(f"{path}: not a regular file, so not a project file")


def marked_read_only(path: Path) -> str:
    """Why a project is not to be edited although the folder is writable: the user marked the file read-only."""
    try:
        writable = os.stat(path).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    except OSError:
        return ""
    return "" if writable else "the file is marked read-only; clear that in its properties to edit it"


def exclusive_lock(path: Path, action: str) -> ProjectLock:
    """The project's lock, to create or recover it; StoreError if it is open elsewhere or cannot be locked."""
    lock = ProjectLock(path)
    try:
        holder = lock.acquire()
    except OSError as exc:
        raise StoreError(f"{path}: the project could not be {action} ({describe_os_error(exc)})") from None
    if holder is not None:
        raise StoreError(f"{path}: in use by {holder}; close it there first")
    return lock


def read_file(path: Path) -> bytes:
    """The project file's bytes; StoreError for what cannot be read, is not a file, or is absurdly large."""
    try:
        fd = open_regular(path)
    except OSError as exc:
        raise StoreError(f"{path}: cannot be read ({describe_os_error(exc)})") from None
    try:
        if os.fstat(fd).st_size > MAX_PROJECT_BYTES:
            raise ProjectDamagedError(f"{path}: too large to be a project ({os.fstat(fd).st_size:,} bytes)",
                                      recoverable=False)
        return read_all(fd)
    finally:
        os.close(fd)


def read_journal_of(path: Path, key: Key | None = None) -> JournalContents:
    """The journal beside `path`; an alien one is ProjectDamagedError, which `ot62443 recover` resolves."""
    try:
        return read_journal(journal_path(path), key)
    except MalformedJournalError as exc:
        raise ProjectDamagedError(f"{exc}; `ot62443 recover {path}` sets the journal aside", recoverable=True) from None
    except OSError as exc:
        raise StoreError(f"{journal_path(path)}: cannot be read ({describe_os_error(exc)})") from None


def journal_or_none(path: Path, key: Key | None = None) -> JournalContents | None:
    """The journal beside `path`, or None if it cannot be read or is not one this program writes."""
    try:
        return read_journal(journal_path(path), key)
    except (MalformedJournalError, OSError):
        return None


def file_identity(path: Path) -> tuple[int, ...]:
    """What changes when the file is replaced or rewritten (compaction renames a new file in)."""
    st = path.stat()
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
