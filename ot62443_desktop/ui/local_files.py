"""Whether a named file is there, asked without reaching the network.

A path like `//host/share/x` (or `\\\\host\\share\\x`, `\\\\?\\UNC\\...`, `\\\\.\\pipe\\x`) is a
network or device path on Windows: merely looking at it makes Windows connect to that host
with the user's login (handing over a hash of it), and wait half a minute if the host is
offline. A project from elsewhere may name such a path as evidence, and a recent project may
sit on a share that is gone; neither is looked at.
"""

from __future__ import annotations

from pathlib import Path

from ot62443_desktop.domain.file_names import network_path

__all__ = ["network_path", "present"]


def present(path: str) -> bool | None:
    """Whether a file is there; None for a network or device path, which is not looked at."""
    if network_path(path):
        return None
    try:
        return Path(path).exists()
    except (OSError, ValueError):  # too long for the file system, or a NUL in it
        return False
