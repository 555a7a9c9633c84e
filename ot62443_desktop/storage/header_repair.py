"""Repairing the header of an encrypted project from one of its backups.

The key check in a sealed file's header tells a wrong passphrase from a damaged file, but only while
the header itself is intact: a flipped bit in its salt or check value made the right passphrase look
wrong, and recovery, which must never take a wrong passphrase for damage, refused for ever although
every backup opened. Every file sealed with one key carries the same header, so the backups hold
spare copies of it: a backup's header put before the file's own contents, if AES-GCM accepts it under
the key the passphrase gives for it, is proven the file's very header (the tag authenticates the header
and the contents together). The file comes back byte for byte, so its journal fits it again.
"""

from __future__ import annotations

import os
from pathlib import Path

from ot62443_desktop.storage import backups
from ot62443_desktop.storage.errors import StoreError
from ot62443_desktop.storage.fsutil import open_regular
from ot62443_desktop.storage.keys import Unlocker
from ot62443_desktop.storage.reading import read_file
from ot62443_desktop.storage.sealed import HEADER_BYTES, MIN_SEALED_BYTES, is_sealed


def repaired_header(path: Path, unlocker: Unlocker) -> tuple[bytes, Path] | None:
    """The file at `path` with a backup's header in place of its own, and that backup, if the
    passphrase opens the result; None if no backup's header does (or no passphrase was given)."""
    if unlocker.secret is None:
        return None
    try:
        data = read_file(path)
    except StoreError:
        return None
    if len(data) < MIN_SEALED_BYTES:
        return None
    tried = {data[:HEADER_BYTES]}
    for backup, header in _headers(path):
        if header in tried:
            continue
        tried.add(header)
        candidate = header + data[HEADER_BYTES:]
        try:
            unlocker.open(path, candidate)  # derives once per distinct header; GCM checks header and contents
        except StoreError:
            continue
        return candidate, backup
    return None


def _headers(path: Path) -> list[tuple[Path, bytes]]:
    """The sealed headers of the project's backups, newest first."""
    found = []
    for backup in backups.list_backups(path):
        try:
            fd = open_regular(backup)
        except OSError:
            continue
        try:
            head = os.read(fd, HEADER_BYTES)
        except OSError:
            continue
        finally:
            os.close(fd)
        if is_sealed(head) and len(head) == HEADER_BYTES:
            found.append((backup, head))
    return found
