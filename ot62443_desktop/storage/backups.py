"""Backups of the last good versions of each project, kept in the user's data folder.

Nothing but the project, its lock and its journal may sit beside a project file, so the
backups live in the user's data folder (see paths.data_dir). Damaged or stale files the
program moves out of the way go to a `set-aside` folder beside the backups: they are kept
for a person to look at, never rotated away and never mistaken for a backup.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from datetime import datetime
from pathlib import Path

from ot62443_desktop.paths import data_dir
from ot62443_desktop.storage.fsutil import atomic_write

KEEP = 5
SET_ASIDE = "set-aside"
_BACKUP_NAME = re.compile(r"^\d{8}T\d{12}-g(\d+)\.ot62443$")


def backup_dir(project_path: Path) -> Path:
    """One folder per project path: stem plus a short hash of the absolute path."""
    resolved = str(project_path.resolve())
    digest = hashlib.sha256(resolved.encode()).hexdigest()[:12]
    return data_dir() / "backups" / f"{project_path.stem}-{digest}"


def list_backups(project_path: Path) -> list[Path]:
    """Backups of this project, newest first (set-aside files are not backups)."""
    folder = backup_dir(project_path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if _BACKUP_NAME.match(p.name) and p.is_file() and not p.is_symlink()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def backup_generation(backup: Path) -> int:
    match = _BACKUP_NAME.match(backup.name)
    return int(match.group(1)) if match else -1


def save_backup(project_path: Path, data: bytes, generation: int) -> Path | None:
    """Keep `data` as a backup unless the newest backup is the same generation."""
    newest = list_backups(project_path)[:1]
    if newest and backup_generation(newest[0]) == generation:
        return None
    folder = backup_dir(project_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{_stamp()}-g{generation}.ot62443"
    atomic_write(target, data, durable=False)  # a torn backup is skipped by recover, never used
    for old in list_backups(project_path)[KEEP:]:
        old.unlink(missing_ok=True)
    return target


def set_aside(project_path: Path, source: Path, label: str, *, move: bool = True) -> Path:
    """Move (or copy) a damaged or stale file out of the project's folder, into the set-aside folder."""
    folder = backup_dir(project_path) / SET_ASIDE
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{_stamp()}-{label}{source.suffix}"
    if not move:
        if not source.is_symlink():
            shutil.copyfile(source, target, follow_symlinks=False)
        return target
    try:
        os.replace(source, target)
    except OSError:  # another file system: copy (never through a link), then remove
        if source.is_symlink():
            source.unlink()
            return target
        shutil.copyfile(source, target, follow_symlinks=False)
        source.unlink()
    return target


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%dT%H%M%S%f")
