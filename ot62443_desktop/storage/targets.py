"""Where an export may be written: never over a project or the files that keep it safe."""

from __future__ import annotations

import os
from pathlib import Path

from ot62443_desktop.storage.backups import backups_root
from ot62443_desktop.storage.errors import StoreError
from ot62443_desktop.storage.journal import journal_path
from ot62443_desktop.storage.lock import lock_path
from ot62443_desktop.storage.reading import PROJECT_SUFFIX

_OWN_SUFFIXES = (PROJECT_SUFFIX, f"{PROJECT_SUFFIX}.journal", f"{PROJECT_SUFFIX}.lock")


def check_output_target(target: Path, project_path: Path | None = None) -> None:
    """Refuse an output path that is a project, its journal or lock, or a backup; StoreError says why."""
    name = target.name.lower()
    if name.endswith(_OWN_SUFFIXES):
        raise StoreError(f"{target}: that is a project file (or its journal or lock); "
                         "choose another name for the export")
    if target.is_dir():
        raise StoreError(f"{target}: is a folder; name a file to write")
    real = Path(os.path.realpath(target))
    if project_path is not None:
        project = Path(os.path.realpath(project_path))
        own = {project, journal_path(project), lock_path(project)}
        if real in own or _same_file(target, project_path):
            raise StoreError(f"{target}: that is the project itself; choose another name for the export")
    backups = Path(os.path.realpath(backups_root()))
    if real.is_relative_to(backups):
        raise StoreError(f"{target}: that folder holds the program's backups; choose another place")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
