"""Reading evidence files: one implementation for the GUI, the command line and the bundle.

An evidence file is named by a person (or by a project from someone else), so it is read
warily: only a regular file is opened (a FIFO would wait for a writer for ever, /dev/zero
never ends, a folder is no file), always in chunks (a network capture may be gigabytes), and
a link is followed to the file it names, as a file dialog does, so a link chosen on purpose
works; a link loop is refused as the system refuses it.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ot62443_desktop.domain.model import Evidence
from ot62443_desktop.exports.progress import Hooks
from ot62443_desktop.storage.fsutil import NotRegularError, open_regular

CHUNK = 1 << 20  # bytes read at a time: a mebibyte, so progress moves and memory stays flat


def open_evidence(path: str | Path) -> int:
    """A read-only descriptor of the regular file `path` names, through links; NotRegularError for a
    FIFO, device or folder, OSError (ELOOP) for a link loop, FileNotFoundError when it is gone."""
    return open_regular(Path(os.path.realpath(path)))


def regular_size(path: str | Path) -> int:
    """The size of the regular file `path` names (through a link); NotRegularError for anything else."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularError(errno.EINVAL, "not a regular file", str(path))
    return info.st_size


@dataclass(frozen=True)
class Digest:
    sha256: str
    size: int


def stream(fd: int, step: Callable[[int], None], sink: Callable[[bytes], object] | None = None) -> Digest:
    """Read `fd` from its start to its end in chunks, hashing each and handing it to `sink`;
    `step(bytes so far)` after each chunk reports progress and may cancel (ExportCancelled)."""
    os.lseek(fd, 0, os.SEEK_SET)
    digest, size = hashlib.sha256(), 0
    while block := _read(fd):
        digest.update(block)
        if sink is not None:
            sink(block)
        size += len(block)
        step(size)
    return Digest(digest.hexdigest(), size)


class ReadError(OSError):
    """Reading the evidence failed (a failing disk, a stick pulled out): not writing where it went."""


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, CHUNK)
    except OSError as exc:
        raise ReadError(exc.errno, exc.strerror) from None


def hash_file(path: str, hooks: Hooks) -> str:
    """The SHA-256 of an evidence file; progress counts mebibytes (a QProgressDialog counts in int)."""
    fd = open_evidence(path)
    try:
        total = os.fstat(fd).st_size >> 20
        return stream(fd, lambda done: hooks.step(min(done >> 20, total), total)).sha256
    finally:
        os.close(fd)


def new_evidence(path: str | Path, sha256: str, description: str = "") -> Evidence:
    """The record of a file attached today: its absolute path as named (a link stays a link) and its
    SHA-256; the description defaults to the file's name."""
    absolute = os.path.abspath(path)
    return Evidence(absolute, sha256, description or Path(absolute).name, date.today())
