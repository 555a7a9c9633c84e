"""Backups of the last good versions of each project, kept in the user's data folder.

Nothing but the project, its lock and its journal may sit beside a project file, so the
backups live in the user's data folder (see paths.data_dir). Damaged or stale files the
program moves out of the way go to a `set-aside` folder beside the backups: they are kept
for a person to look at, never rotated away and never mistaken for a backup.

Backups are ordered by a sequence number in their names, not by the clock: a laptop
whose clock once ran ahead must not have every later backup rotated away at once and
an old one restored. Names of earlier releases (no number) count as older than any.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from datetime import datetime
from pathlib import Path

from ot62443_desktop.paths import data_dir
from ot62443_desktop.storage.fsutil import atomic_copy, atomic_write

KEEP = 5
SET_ASIDE = "set-aside"
RETIRED = "retired-copies.txt"
_BACKUP_NAME = re.compile(r"^(?:(\d+)-)?(\d{8}T\d{12})-g(\d+)\.ot62443$")


def backups_root() -> Path:
    """The folder that holds every project's backups (and the set-aside copies)."""
    return data_dir() / "backups"


def backup_dir(project_path: Path) -> Path:
    """One folder per project path: stem plus a short hash of the absolute path."""
    resolved = str(project_path.resolve())
    digest = hashlib.sha256(resolved.encode()).hexdigest()[:12]
    return backups_root() / f"{project_path.stem}-{digest}"


def list_backups(project_path: Path) -> list[Path]:
    """Backups of this project, newest first (set-aside files are not backups)."""
    folder = backup_dir(project_path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if _BACKUP_NAME.match(p.name) and p.is_file() and not p.is_symlink()]
    return sorted(found, key=_order, reverse=True)


def is_backup_name(name: str) -> bool:
    """Whether `name` is one the program gives a backup."""
    return _BACKUP_NAME.match(name) is not None


def _order(backup: Path) -> tuple[int, str]:
    match = _BACKUP_NAME.match(backup.name)
    assert match is not None
    return int(match.group(1) or -1), match.group(2)


def backup_generation(backup: Path) -> int:
    match = _BACKUP_NAME.match(backup.name)
    return int(match.group(3)) if match else -1


def save_backup(project_path: Path, data: bytes, generation: int) -> Path | None:
    """Keep `data` as a backup unless the newest backup is the same generation."""
    newest = list_backups(project_path)[:1]
    if newest and backup_generation(newest[0]) == generation:
        return None
    folder = backup_dir(project_path)
    folder.mkdir(parents=True, exist_ok=True)
    sequence = max(_order(newest[0])[0], 0) + 1 if newest else 1
    target = folder / f"{sequence:08d}-{_stamp()}-g{generation}.ot62443"
    atomic_write(target, data, durable=False)  # a torn backup is skipped by recover, never used
    for old in list_backups(project_path)[KEEP:]:
        old.unlink(missing_ok=True)
    return target


def retire_copy(project_path: Path, copy_id: str) -> None:
    """Never again write under `copy_id` at this path: a recovered file's version counters may
    already be known to other copies (a merge read its journal), so counting on would repeat them."""
    folder = backup_dir(project_path)
    folder.mkdir(parents=True, exist_ok=True)
    ids = sorted(retired_copies(project_path) | {copy_id})
    atomic_write(folder / RETIRED, "".join(f"{i}\n" for i in ids).encode("ascii", "replace"))


def retired_copies(project_path: Path) -> set[str]:
    try:
        text = (backup_dir(project_path) / RETIRED).read_text("ascii", "replace")
    except OSError:
        return set()
    return set(text.split())


def newest_generation(project_path: Path) -> int:
    """The generation of the newest backup of this path; -1 if none."""
    newest = list_backups(project_path)[:1]
    return backup_generation(newest[0]) if newest else -1


def set_aside(project_path: Path, source: Path, label: str, *, move: bool = True) -> Path:
    """Move (or copy) a damaged or stale file out of the project's folder, into the set-aside folder."""
    folder = backup_dir(project_path) / SET_ASIDE
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{_stamp()}-{label}{source.suffix}"
    if not move:
        _copy_regular(source, target)
        return target
    try:
        os.replace(source, target)
    except OSError:  # another file system: copy (never through a link, nor from a FIFO), then remove
        _copy_regular(source, target)
        source.unlink()
    return target


def _copy_regular(source: Path, target: Path) -> None:
    """A durable copy of `source` if it is a regular file; a link, FIFO or device is not copied."""
    if stat.S_ISREG(os.lstat(source).st_mode):
        atomic_copy(source, target)


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%dT%H%M%S%f")
