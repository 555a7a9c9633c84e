"""Where the program keeps its own files: backups, settings, caches, demo copies."""

from __future__ import annotations

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
