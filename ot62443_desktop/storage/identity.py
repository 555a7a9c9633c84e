"""Who is writing, and which copy of a project a file is.

A project copied to another laptop (or split into work packages) must not go on counting
its versions under the copy id of the original: two copies writing under one id would
make a merge take one side's change for an older version of the other's. So a copy id is
bound to where the file lives: `copy_home` is a digest of this computer's id and the
file's absolute path. A file opened for writing where its `copy_home` does not match was
copied (or moved) there, and takes a new copy id. No network call is ever made.
"""

from __future__ import annotations

import functools
import getpass
import hashlib
import os
import platform
import secrets
import sys
from pathlib import Path

COPY_ID_HEX = 16
_MACHINE_ID_FILES = (Path("/etc/machine-id"), Path("/var/lib/dbus/machine-id"))


def user() -> str:
    """The login name of whoever is writing; "" where the system cannot tell."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def new_copy_id() -> str:
    return secrets.token_hex(COPY_ID_HEX // 2)


def is_copy_id(value: object) -> bool:
    return (isinstance(value, str) and len(value) == COPY_ID_HEX
            and all(ch in "0123456789abcdef" for ch in value))


def place_of(path: Path) -> str:
    """The fingerprint of this computer and the file's absolute path (16 hex digits)."""
    where = os.path.normcase(str(path.resolve()))
    seed = f"{machine_id()}\0{where}".encode("utf-8", "surrogateescape")
    return hashlib.sha256(seed).hexdigest()[:COPY_ID_HEX]


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import winreg

    def _windows_machine_guid() -> str:
        try:
            with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r"SOFTWARE\Microsoft\Cryptography") as key:
                value, _kind = winreg.QueryValueEx(key, "MachineGuid")
        except OSError:
            return ""
        return str(value)


@functools.cache
def machine_id() -> str:
    """This computer's stable id: systemd's machine id, Windows' MachineGuid, else its network name."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        return _windows_machine_guid() or platform.node()
    for candidate in _MACHINE_ID_FILES:
        try:
            text = candidate.read_text("ascii", "replace").strip()
        except OSError:
            continue
        if text:
            return text
    return platform.node()
