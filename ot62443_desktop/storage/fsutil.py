"""Durable file primitives: every byte the store writes goes through here.

Writes replace files by rename (write a new file, fsync, rename, fsync the folder), so a
crash or a full disk leaves the old file or the new one, whole. Nothing here follows a
symbolic link planted where a file is to be written: a rename replaces the link itself,
and files opened in place are opened with O_NOFOLLOW.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
BINARY = getattr(os, "O_BINARY", 0)
_UMASK = os.umask(0o022)
os.umask(_UMASK)


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def sync(fd: int) -> None:
    """Flush a file's data to the disk (fdatasync where the platform has it)."""
    if hasattr(os, "fdatasync"):
        os.fdatasync(fd)
    else:  # pragma: no cover - Windows and macOS
        os.fsync(fd)


def fsync_dir(directory: Path) -> None:
    """Make a rename, creation or removal in `directory` durable (no-op where unsupported)."""
    if os.name == "nt":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def open_nofollow(path: Path, flags: int, mode: int = 0o644) -> int:
    """os.open that refuses a symbolic link as the last path component (ELOOP)."""
    return os.open(path, flags | NOFOLLOW | BINARY, mode)


def new_temp(path: Path) -> tuple[int, Path]:
    """A new, exclusively created file beside `path` (never an existing file or a link)."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | NOFOLLOW | BINARY
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(tmp, flags, 0o600), tmp
        except FileExistsError:
            continue


def replace_with_temp(fd: int, tmp: Path, path: Path, *, durable: bool = True) -> None:
    """Sync and close the temporary file `fd`, then rename it over `path`; the temp goes on failure."""
    try:
        with contextlib.suppress(OSError):
            os.fchmod(fd, _mode_for(path))
        if durable:
            os.fsync(fd)
    except BaseException:
        os.close(fd)
        _discard(tmp)
        raise
    os.close(fd)
    try:
        os.replace(tmp, path)
    except BaseException:
        _discard(tmp)
        raise
    if durable:
        fsync_dir(path.parent)


def atomic_write(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write `data` to `path` so that a crash or a full disk leaves either the old or the new file, whole.

    `durable=False` skips the syncs, for copies whose loss costs nothing (backups are
    checked before use).
    """
    fd, tmp = new_temp(path)
    try:
        write_all(fd, data)
    except BaseException:
        os.close(fd)
        _discard(tmp)
        raise
    replace_with_temp(fd, tmp, path, durable=durable)


def _mode_for(path: Path) -> int:
    """Keep the permissions of the file being replaced; a new file gets the usual ones."""
    try:
        st = os.lstat(path)
    except OSError:
        return 0o666 & ~_UMASK
    return st.st_mode & 0o7777 if stat.S_ISREG(st.st_mode) else 0o666 & ~_UMASK


def _discard(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        tmp.unlink()
