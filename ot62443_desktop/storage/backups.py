"""Backups of the last good versions of each project, kept in the user's data folder.

Nothing but the project, its lock and its journal may sit beside a project file, so the
backups live in the user's data folder (see paths.data_dir).
"""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path

from ot62443_desktop.paths import data_dir

KEEP = 5


def backup_dir(project_path: Path) -> Path:
    """One folder per project path: stem plus a short hash of the absolute path."""
    resolved = str(project_path.resolve())
    digest = hashlib.sha256(resolved.encode()).hexdigest()[:12]
    return data_dir() / "backups" / f"{project_path.stem}-{digest}"


def list_backups(project_path: Path) -> list[Path]:
    """Backups of this project, newest first."""
    folder = backup_dir(project_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.ot62443"), reverse=True)


def save_backup(project_path: Path, data: bytes, generation: int) -> Path | None:
    """Keep `data` as a backup unless the newest backup is the same generation."""
    newest = list_backups(project_path)[:1]
    if newest and newest[0].stem.endswith(f"-g{generation}"):
        return None
    folder = backup_dir(project_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
    target = folder / f"{stamp}-g{generation}.ot62443"
    target.write_bytes(data)
    for old in list_backups(project_path)[KEEP:]:
        old.unlink(missing_ok=True)
    return target


def set_aside(project_path: Path, source: Path, label: str) -> Path:
    """Move a damaged or stale file into the backup folder so it no longer sits beside."""
    folder = backup_dir(project_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{datetime.now().strftime('%Y%m%dT%H%M%S%f')}-{label}{source.suffix}"
    try:
        os.replace(source, target)
    except OSError:  # another file system: copy, then remove
        target.write_bytes(source.read_bytes())
        source.unlink()
    return target
