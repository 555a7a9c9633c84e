"""Durable file primitives: every byte the store writes goes through here.

Writes replace files by rename (write a new file, fsync, rename, fsync the folder), so a
crash or a full disk leaves the old file or the new one, whole. Nothing here follows a
symbolic link planted where a file is to be written: a rename replaces the link itself,
and files opened in place are opened with O_NOFOLLOW.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from pathlib import Path

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
BINARY = getattr(os, "O_BINARY", 0)
NONBLOCK = getattr(os, "O_NONBLOCK", 0)
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


class UnsyncedRenameError(OSError):
    """The new file is in place, but the folder could not be synced: the write happened."""


def fsync_dir(directory: Path) -> None:
    """Make a rename, creation or removal in `directory` durable (no-op where unsupported).

    Some file systems (network shares, FUSE) cannot sync a folder and say EINVAL or
    ENOTSUP: that is taken as "nothing more to do", as SQLite does, not as a failure.
    """
    if os.name == "nt":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _CANNOT_SYNC_FOLDERS:
            raise
    finally:
        os.close(fd)


_CANNOT_SYNC_FOLDERS = (errno.EINVAL, errno.ENOTSUP)


class NotRegularError(OSError):
    """A FIFO, device or folder where the store expects a file: never read, written or waited on."""


def open_regular(path: Path) -> int:
    """Open an existing regular file for reading, never through a link.

    O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer
    forever; anything but a regular file is then refused with NotRegularError.
    """
    fd = os.open(path, os.O_RDONLY | NOFOLLOW | BINARY | NONBLOCK)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise NotRegularError(errno.EINVAL, "not a regular file", str(path))
    return fd


def read_all(fd: int) -> bytes:
    return b"".join(iter(lambda: os.read(fd, 1 << 20), b""))


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
            os.fchmod(fd, mode_for(path))
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
        try:
            fsync_dir(path.parent)
        except OSError as exc:  # the caller must know the new file is in place all the same
            raise UnsyncedRenameError(exc.errno, exc.strerror, str(path.parent)) from None


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


def atomic_copy(source: Path, target: Path) -> None:
    """A durable copy of the regular file `source` at `target`, read in chunks (a journal may be
    large), never through a link nor from a FIFO."""
    src = open_regular(source)
    try:
        fd, tmp = new_temp(target)
        try:
            for chunk in iter(lambda: os.read(src, 1 << 20), b""):
                write_all(fd, chunk)
        except BaseException:
            os.close(fd)
            _discard(tmp)
            raise
        replace_with_temp(fd, tmp, target)
    finally:
        os.close(src)


def mode_for(path: Path) -> int:
    """Keep the permissions of the file being replaced; a new file gets the usual ones."""
    try:
        st = os.lstat(path)
    except OSError:
        return 0o666 & ~_UMASK
    return st.st_mode & 0o7777 if stat.S_ISREG(st.st_mode) else 0o666 & ~_UMASK


def _discard(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        tmp.unlink()


def remove_crash_leftovers(path: Path) -> None:
    """Delete the temporary files of `path` and its journal that a killed process left beside it.

    Only the lock holder calls this, so no live write owns them. Only regular files of the
    exact names `new_temp` makes are removed; a link of such a name is left alone.
    """
    pattern = re.compile(rf"\.{re.escape(path.name)}(?:\.journal)?\.[0-9a-f]{{12}}\.tmp")
    with contextlib.suppress(OSError):  # tidying up is a courtesy: it never stops the project opening
        for entry in os.scandir(path.parent):
            if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                _discard(Path(entry.path))
