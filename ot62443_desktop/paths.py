"""Where the program keeps its own files (backups, settings, caches, demo copies), and where it finds
the data files it ships with (icons, translations, the catalogues)."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path


def data_dir() -> Path:
    """`$OT62443_DATA_DIR` if set (tests, portable installs), else the platform's per-user data folder."""
    if env := os.environ.get("OT62443_DATA_DIR"):
        return Path(env)
    if os.name == "nt":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / "OT62443 Workbook"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "OT62443 Workbook"
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "ot62443-workbook"


def package_folder(package: str) -> Path:
    """The folder of one of our data packages, where its files are: what importlib.resources.files() gives
    for a package on disk, as ours are when installed and in the bundled app (its packages have their
    folders in the bundle), found without loading importlib.resources: a few milliseconds of every start."""
    return Path(next(iter(importlib.import_module(package).__path__)))
