"""One writer per project: an OS lock on `NAME.ot62443.lock`, released even on a crash."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import platform
import stat
import sys
from datetime import datetime
from pathlib import Path

from ot62443_desktop.domain.text import elide
from ot62443_desktop.storage.fsutil import NONBLOCK, open_nofollow
from ot62443_desktop.storage.identity import user

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        """False if another process holds the lock; a file system that cannot lock at all (some
        network shares: ENOLCK, EOPNOTSUPP) raises, and is never taken for another instance."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return False
            raise

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + ".lock")


class ProjectLock:
    """Holds the lock; `acquire` returns None on success or a description of the holder."""

    def __init__(self, project_path: Path) -> None:
        self.path = lock_path(project_path)
        self._fd: int | None = None

    def acquire(self) -> str | None:
        while True:
            fd = self._open()
            try:
                locked = _try_lock(fd)
            except OSError:
                os.close(fd)
                raise
            if not locked:
                holder = self._describe_holder(fd)
                os.close(fd)
                return holder
            try:  # the previous holder may have unlinked the file between our open and lock
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                break
            _unlock(fd)
            os.close(fd)
        info = {"pid": os.getpid(), "host": platform.node(), "user": user() or "unknown user",  # node: no socket
                "since": datetime.now().isoformat(timespec="seconds")}
        self._fd = fd
        with contextlib.suppress(OSError):  # who holds it is a courtesy to others; the lock is held
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, json.dumps(info).encode())
        return None

    def _open(self) -> int:
        """The lock file, never through a link, a FIFO or a hard link to some other file of the user's."""
        try:
            fd = open_nofollow(self.path, os.O_RDWR | os.O_CREAT | NONBLOCK)
        except OSError as exc:
            if exc.errno == errno.ELOOP:  # a link planted where the lock goes: never write through it
                raise OSError(exc.errno, "is a symbolic link, not a lock this program made; remove it",
                              str(self.path)) from None
            raise
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_nlink != 1:  # writing the holder note would change that file
            os.close(fd)
            what = "has other names (a hard link)" if stat.S_ISREG(st.st_mode) else "is not a plain file"
            raise OSError(errno.EPERM, f"{what}, not a lock this program made; remove it", str(self.path))
        return fd

    def still_held(self) -> bool:
        """True while the lock file on disk is the one this lock holds (nobody removed or replaced it)."""
        if self._fd is None:
            return False
        try:
            return os.path.samestat(os.fstat(self._fd), os.lstat(self.path))
        except OSError:
            return False

    def release(self) -> None:
        """Unlock; the lock file goes only if it is still this one (never another holder's)."""
        if self._fd is None:
            return
        if self.still_held():
            with contextlib.suppress(OSError):
                self.path.unlink()
        _unlock(self._fd)
        os.close(self._fd)
        self._fd = None

    def _describe_holder(self, fd: int) -> str:
        """Who holds the lock, from the file it wrote; any text there is shown as plain, short data."""
        try:
            info = json.loads(os.read(fd, 4096) or b"{}")
        except (OSError, ValueError, RecursionError):
            info = None
        if not isinstance(info, dict) or not info.keys() & {"user", "host", "pid"}:  # none yet: it is starting
            return "another running instance"
        user, host, pid, since = (_plain(info.get(key)) for key in ("user", "host", "pid", "since"))
        return f"{user} on {host} (process {pid}, since {since})"


def _plain(value: object) -> str:
    """A value from a lock file as one short line of printable text."""
    if not isinstance(value, str | int) or isinstance(value, bool):
        return "?"
    text = "".join(ch if ch.isprintable() else " " for ch in str(value)).strip()
    return elide(text, 61) or "?"

