"""Where an export may be written: never over a project or the files that keep it safe."""

from __future__ import annotations

import os
from pathlib import Path

from ot62443_desktop.paths import data_dir
from ot62443_desktop.storage.errors import StoreError
from ot62443_desktop.storage.journal import journal_path
from ot62443_desktop.storage.lock import lock_path
from ot62443_desktop.storage.reading import PROJECT_SUFFIX

_OWN_SUFFIXES = (PROJECT_SUFFIX, f"{PROJECT_SUFFIX}.journal", f"{PROJECT_SUFFIX}.lock")
# what the program keeps in its data folder: the backups, its settings and log, the caches, the catalogues
# imported and the user's licensed text (the demo's folder is not here: exports beside the demo are fine)
PROGRAM_ENTRIES = frozenset({"backups", "cache", "catalogues", "logs", "settings.ini", "licensed-text.json"})


def check_output_target(target: Path, project_path: Path | None = None) -> None:
    """Refuse an output path that is a project, its journal or lock, a backup or another of the program's
    own files (its settings, log, caches, imported catalogues, the licensed text); StoreError says why."""
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
    data = Path(os.path.realpath(data_dir()))
    if real.is_relative_to(data) and real != data and real.relative_to(data).parts[0] in PROGRAM_ENTRIES:
        raise StoreError(f"{target}: that is where the program keeps its own files (backups, settings, "
                         "imported catalogues, licensed text); choose another place")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
