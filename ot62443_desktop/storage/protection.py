"""What becomes of a project's backups when it is encrypted, decrypted or given a new passphrase.

Backups (and the copies set aside for a person) follow the file's form: protect seals every
plain one with the new key, a new passphrase re-seals those the old key opens, unprotect turns
them back into plain files. Why re-seal rather than delete: the backups are the recovery
promise of SPEC 5 and must still open with the one passphrase the person knows; why not
leave them: a plain backup beside an encrypted project defeats the encryption, and one
sealed with an old passphrase stays readable by whoever learnt it, which is why a passphrase
gets changed. The store seals them before it switches the file to a (new) key, and unseals
them only after it switched the file to plain (see `ProjectStore._rekey`): a crash at any
instant leaves no backup plainer than the file, nor one under the old key once the file has
the new one; a failed switch converts them back. Each new version is written and synced
beside its file before any is renamed in, so a full disk converts none. Leftover temporary
files in the backup folder (a backup write cut by a crash) may hold plain text and are
removed. A file sealed with yet another key (or damaged) cannot be read and is left as it
is: it holds no readable text either.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ot62443_desktop.storage import backups
from ot62443_desktop.storage.errors import describe_os_error
from ot62443_desktop.storage.fsutil import fsync_dir, mode_for, new_temp, open_regular, read_all, write_all
from ot62443_desktop.storage.sealed import Key, SealError, is_sealed, read_header, seal_document, unseal_document

_TEMP_SUFFIX = ".tmp"


def convert_backups(project_path: Path, old: Key | None, new: Key | None) -> int:
    """Bring every backup and set-aside copy of the project from the form of `old` to that of `new`
    (None: plain); returns how many were rewritten. Every new version is written and synced beside
    its file before any is renamed in, so a full disk (OSError) changes none of them."""
    kept = list(_kept_files(project_path))
    for path in kept:
        if path.name.endswith(_TEMP_SUFFIX):
            path.unlink(missing_ok=True)
    staged: list[tuple[Path, Path]] = []  # (written beside, the file it replaces)
    try:
        for path in kept:
            if not path.name.endswith(_TEMP_SUFFIX) and (changed := _converted(_read(path), old, new)) is not None:
                staged.append((_written_beside(path, changed), path))
        converted = len(staged)
        while staged:
            tmp, path = staged[0]
            os.replace(tmp, path)
            staged.pop(0)
    finally:
        for tmp, _path in staged:  # not renamed in: a failure came first
            tmp.unlink(missing_ok=True)
    for folder in {path.parent for path in kept}:
        fsync_dir(folder)
    return converted


def convert_back(project_path: Path, current: Key | None, wanted: Key | None, *, still: str) -> list[str]:
    """`convert_backups` where a failure must not stop what was done (a switch undone, or made to plain):
    what could not be converted is said (`still`: which passphrase opens them)."""
    try:
        convert_backups(project_path, current, wanted)
    except OSError as exc:
        return [f"the backups of {project_path} could not be converted ({describe_os_error(exc)}); they stay "
                f"encrypted and open with {still}"]
    return []


def _written_beside(path: Path, data: bytes) -> Path:
    """`data` in a new synced file beside `path`, to be renamed over it."""
    fd, tmp = new_temp(path)
    try:
        with contextlib.suppress(OSError):
            os.fchmod(fd, mode_for(path))
        write_all(fd, data)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    return tmp


def _converted(data: bytes, old: Key | None, new: Key | None) -> bytes | None:
    """`data` in the form of `new`, or None if it is in that form already or cannot be read."""
    if not is_sealed(data):
        return None if new is None else seal_document(new, data)
    try:
        header = read_header(data)
    except SealError:
        return None
    if old is None or not old.fits(header) or (new is not None and new.fits(header)):
        return None
    try:
        plain = unseal_document(data, old)
    except SealError:  # damaged: kept as it is for a person to look at
        return None
    return plain if new is None else seal_document(new, plain)


def _kept_files(project_path: Path) -> Iterator[Path]:
    """The regular files of the project's backup folder and of its set-aside folder (never through a link)."""
    folder = backups.backup_dir(project_path)
    for where in (folder, folder / backups.SET_ASIDE):
        with contextlib.suppress(FileNotFoundError, NotADirectoryError):
            for entry in sorted(os.scandir(where), key=lambda e: e.name):
                if entry.name != backups.RETIRED and stat.S_ISREG(entry.stat(follow_symlinks=False).st_mode):
                    yield Path(entry.path)


def _read(path: Path) -> bytes:
    fd = open_regular(path)
    try:
        return read_all(fd)
    finally:
        os.close(fd)
