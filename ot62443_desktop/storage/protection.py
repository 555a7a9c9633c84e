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

Backups are kept per path, so a project that was moved, renamed or copied has backups under its
other names too: sealing (protect, a new passphrase) takes in those of the same project id, which
else stayed readable in the data folder after protect said it had encrypted them; unprotect never
makes them plainer. Only the program's own files are touched, known by their names (backups,
set-aside copies, its temporary files) and never through a link: a link planted as a backup folder
must not make protect seal, or remove, whatever the folder it names holds.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from ot62443_desktop.storage import backups
from ot62443_desktop.storage.errors import describe_os_error
from ot62443_desktop.storage.fsutil import fsync_dir, mode_for, new_temp, open_regular, read_all, write_all
from ot62443_desktop.storage.sealed import (
    MIN_SEALED_BYTES,
    Key,
    SealError,
    is_sealed,
    read_header,
    seal_document,
    unseal_document,
)

_TEMP = re.compile(r"\..+\.[0-9a-f]{12}\.tmp")  # what fsutil.new_temp names
_SET_ASIDE = re.compile(r"\d{8}T\d{12}-[a-z-]+(?:\.[A-Za-z0-9]+)?")  # what backups.set_aside names


def convert_backups(project_path: Path, old: Key | None, new: Key | None, *,
                    project_id: str | None = None) -> list[Path]:
    """Bring every backup and set-aside copy of the project from the form of `old` to that of `new`
    (None: plain); with `project_id`, those kept for it under other names or folders too. Returns
    the files rewritten. Every new version is written and synced beside its file before any is
    renamed in, so a full disk (OSError) changes none of them."""
    kept = list(_kept_files(backups.backup_dir(project_path)))
    for path in kept:
        if _TEMP.fullmatch(path.name):
            path.unlink(missing_ok=True)
    kept = [path for path in kept if not _TEMP.fullmatch(path.name)]
    others = [] if project_id is None else [path for path in _elsewhere(project_path) if path not in kept]
    staged: list[tuple[Path, Path]] = []  # (written beside, the file it replaces)
    try:
        for path, owner in [(path, None) for path in kept] + [(path, project_id) for path in others]:
            if (changed := _converted(path, old, new, owner)) is not None:
                staged.append((_written_beside(path, changed), path))
        converted = [path for _tmp, path in staged]
        while staged:
            tmp, path = staged[0]
            os.replace(tmp, path)
            staged.pop(0)
    finally:
        for tmp, _path in staged:  # not renamed in: a failure came first
            tmp.unlink(missing_ok=True)
    for folder in {path.parent for path in converted}:
        fsync_dir(folder)
    return converted


def convert_back(project_path: Path, current: Key | None, wanted: Key | None, *, still: str,
                 project_id: str | None = None) -> list[str]:
    """`convert_backups` where a failure must not stop what was done (a switch undone, or made to plain):
    what could not be converted is said (`still`: which passphrase opens them)."""
    try:
        convert_backups(project_path, current, wanted, project_id=project_id)
    except OSError as exc:
        return [f"the backups of {project_path} could not be converted ({describe_os_error(exc)}); they stay "
                f"encrypted and open with {still}"]
    return []


def elsewhere(project_path: Path, converted: list[Path]) -> list[Path]:
    """Those of `converted` kept for the project under another name or folder."""
    own = backups.backup_dir(project_path)
    return [path for path in converted if own not in (path.parent, path.parent.parent)]


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


def _converted(path: Path, old: Key | None, new: Key | None, project_id: str | None) -> bytes | None:
    """The file at `path` in the form of `new`, or None if it is in that form already, cannot be read,
    or (with `project_id`) is not a copy of that project."""
    if is_sealed(head := _read(path, MIN_SEALED_BYTES)):
        try:
            header = read_header(head)  # the contents are read only if the key fits
        except SealError:
            return None
        if old is None or not old.fits(header) or (new is not None and new.fits(header)):
            return None
        try:
            plain = unseal_document(_read(path), old)
        except SealError:  # damaged: kept as it is for a person to look at
            return None
    elif new is None:
        return None
    else:
        plain = _read(path)
    if project_id is not None and (project_id.encode() not in plain or _project_id(plain) != project_id):
        return None  # (the search first: another project's file is not parsed)
    return plain if new is None else seal_document(new, plain)


def _project_id(plain: bytes) -> str | None:
    """The project id a project file or a journal (its header line) names; None if neither."""
    first = plain.split(b"\n", 1)[0]
    for text in (plain, first.partition(b" ")[2]):
        try:
            doc = json.loads(text)
        except (ValueError, RecursionError):
            continue
        meta = doc.get("meta", {}).get("1", {}) if isinstance(doc, dict) else {}
        found = meta.get("project_id") if isinstance(meta, dict) else None
        found = doc.get("project_id") if found is None and isinstance(doc, dict) else found
        if isinstance(found, str):
            return found
    return None


def _kept_files(folder: Path) -> Iterator[Path]:
    """The program's own files (by name) in a backup folder and its set-aside folder: regular files only."""
    for where in (folder, folder / backups.SET_ASIDE):
        try:
            entries = sorted(os.scandir(where), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            ours = backups.is_backup_name(entry.name) or _TEMP.fullmatch(entry.name) or (
                where != folder and _SET_ASIDE.fullmatch(entry.name))
            if ours and stat.S_ISREG(entry.stat(follow_symlinks=False).st_mode):
                yield Path(entry.path)


def _elsewhere(project_path: Path) -> Iterator[Path]:
    """Backups and set-aside copies kept for other paths (any project's: the caller checks whose)."""
    own = backups.backup_dir(project_path)
    try:
        folders = sorted(os.scandir(backups.backups_root()), key=lambda e: e.name)
    except OSError:
        return
    for entry in folders:
        if entry.path != str(own) and entry.is_dir(follow_symlinks=False):
            yield from (path for path in _kept_files(Path(entry.path)) if not _TEMP.fullmatch(path.name))


def _read(path: Path, size: int = -1) -> bytes:
    fd = open_regular(path)
    try:
        return read_all(fd) if size < 0 else os.read(fd, size)
    finally:
        os.close(fd)
