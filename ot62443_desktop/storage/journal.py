"""Append-only journal of changes since the last compaction; each append is fsynced.

Line format: 8 hex digits of CRC-32, a space, one JSON object, newline. The first record
is a header naming the generation of the project file the journal applies to. A torn or
corrupt tail (a write cut by a crash, never acknowledged) ends the readable records.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path
from typing import Any

from ot62443_desktop.storage.fsutil import fsync_dir

JOURNAL_FORMAT = 1


def journal_path(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + ".journal")


def encode(record: dict[str, Any]) -> bytes:
    body = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return b"%08x %s\n" % (zlib.crc32(body), body)


def read_journal(path: Path) -> tuple[int | None, list[dict[str, Any]]]:
    """(base generation, records) of a journal; (None, []) when absent or unreadable."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, []
    records: list[dict[str, Any]] = []
    for line in raw.split(b"\n"):
        crc, _, body = line.partition(b" ")
        try:
            if len(crc) != 8 or int(crc, 16) != zlib.crc32(body):
                break
            records.append(json.loads(body))
        except ValueError:
            break
    if not records or records[0].get("journal") != JOURNAL_FORMAT:
        return None, []
    return int(records[0]["generation"]), records[1:]


class Journal:
    """The open journal of a writable project."""

    def __init__(self, path: Path, generation: int) -> None:
        self.path = path
        self.records = 0
        self.size = 0
        self._fd = -1
        self.restart(generation)

    def restart(self, generation: int) -> None:
        """Start an empty journal for a freshly compacted project file."""
        if self._fd >= 0:
            os.close(self._fd)
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
        self._fd = os.open(self.path, flags, 0o644)
        self.records = 0
        self.size = 0
        self._write(encode({"journal": JOURNAL_FORMAT, "generation": generation}))
        fsync_dir(self.path.parent)

    def append(self, record: dict[str, Any]) -> None:
        """Durably append one record: when this returns, the change survives power loss."""
        self._write(encode(record))
        self.records += 1

    def _write(self, line: bytes) -> None:
        view = memoryview(line)
        while view:
            view = view[os.write(self._fd, view):]
        if hasattr(os, "fdatasync"):
            os.fdatasync(self._fd)
        else:  # pragma: no cover - Windows and macOS
            os.fsync(self._fd)
        self.size += len(line)

    def close(self, *, remove: bool) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
        if remove:
            self.path.unlink(missing_ok=True)
            fsync_dir(self.path.parent)
