"""Append-only journal of changes since the last compaction; each append is synced.

Line format: 8 hex digits of CRC-32, a space, one JSON object, newline. The first record
is a header naming the generation of the project file the journal applies to. A torn
tail (a write cut by a crash or a full disk, never acknowledged) ends the readable
records, so nothing is ever appended after one: a failed append is cut off again before
the call reports the failure, and a journal whose tail cannot be cut refuses more writes.
"""

from __future__ import annotations

import json
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ot62443_desktop.storage.fsutil import BINARY, NOFOLLOW, fsync_dir, new_temp, sync, write_all

JOURNAL_FORMAT = 1
MAX_JOURNAL_BYTES = 1 << 30  # far beyond any real journal (it is compacted at 8 MiB)
_FIXED_TABLES = ("meta", "zones")
_SCOPED_TABLES = ("answers:", "remediation:")


class MalformedJournalError(ValueError):
    """A record that passed its checksum but is not a change this program writes."""


def journal_path(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + ".journal")


def encode(record: dict[str, Any]) -> bytes:
    body = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return b"%08x %s\n" % (zlib.crc32(body), body)


@dataclass
class JournalContents:
    base: int | None = None  # generation of the project file it extends; None: no journal
    records: list[dict[str, Any]] = field(default_factory=list)
    torn: bool = False  # bytes after the last whole record (a write cut short)


def read_journal(path: Path) -> JournalContents:
    """The journal's header generation and its whole records; MalformedJournalError for alien records."""
    try:
        fd = os.open(path, os.O_RDONLY | NOFOLLOW | BINARY)
    except FileNotFoundError:
        return JournalContents()
    try:
        if os.fstat(fd).st_size > MAX_JOURNAL_BYTES:
            raise MalformedJournalError(f"{path}: the journal is implausibly large")
        raw = b"".join(iter(lambda: os.read(fd, 1 << 20), b""))
    finally:
        os.close(fd)
    records: list[Any] = []
    lines = raw.split(b"\n")
    torn = lines[-1] != b""
    for line in lines[:-1]:
        crc, _, body = line.partition(b" ")
        try:
            if len(crc) != 8 or int(crc, 16) != zlib.crc32(body):
                raise ValueError
            records.append(json.loads(body))
        except (ValueError, RecursionError):
            torn = True  # damaged from here on: never acknowledged, never replayed
            break
    if not records:
        return JournalContents(torn=torn or bool(raw))
    header = records[0]
    if (not isinstance(header, dict) or header.get("journal") != JOURNAL_FORMAT
            or type(header.get("generation")) is not int):
        raise MalformedJournalError(f"{path}: the journal's header is not one this program writes")
    for number, record in enumerate(records[1:], start=1):
        _check_record(path, number, record)
    return JournalContents(header["generation"], records[1:], torn)


def _check_record(path: Path, number: int, record: Any) -> None:
    ops = record.get("ops") if isinstance(record, dict) else None
    if not isinstance(ops, list) or not ops:
        raise MalformedJournalError(f"{path}: change {number} is not a list of operations")
    for op in ops:
        ok = (isinstance(op, list) and len(op) == 3 and isinstance(op[0], str)
              and type(op[1]) is int and op[1] > 0 and (op[2] is None or isinstance(op[2], dict))
              and (op[0] in _FIXED_TABLES or op[0].startswith(_SCOPED_TABLES)))
        if not ok:
            raise MalformedJournalError(f"{path}: change {number} holds an operation this program never writes")


class Journal:
    """The open journal of a writable project."""

    def __init__(self, path: Path, fd: int, size: int) -> None:
        self.path = path
        self.records = 0
        self.size = size
        self.broken = ""  # why no more appends are possible, once a failed one could not be cut off
        self._fd = fd

    @classmethod
    def start(cls, path: Path, generation: int) -> Journal:
        """A new journal for a freshly written project file, swapped in by rename (old one or new one)."""
        header = encode({"journal": JOURNAL_FORMAT, "generation": generation})
        fd, tmp = new_temp(path)
        try:
            write_all(fd, header)
            sync(fd)
            os.replace(tmp, path)
            fsync_dir(path.parent)
        except BaseException:
            os.close(fd)
            tmp.unlink(missing_ok=True)
            raise
        return cls(path, fd, len(header))

    def append(self, record: dict[str, Any]) -> None:
        """Durably append one record: when this returns, the change survives power loss.

        When it raises, the record is not in the journal: its partial bytes were cut off
        (or, if even that failed, the journal is marked broken and takes no more records).
        """
        if self.broken:
            raise OSError(self.broken)
        line = encode(record)
        try:
            write_all(self._fd, line)
            sync(self._fd)
        except OSError:
            self._cut_tail()
            raise
        self.size += len(line)
        self.records += 1

    def _cut_tail(self) -> None:
        try:
            os.ftruncate(self._fd, self.size)
            os.lseek(self._fd, self.size, os.SEEK_SET)
            sync(self._fd)
        except OSError as exc:
            self.broken = f"the journal could not be repaired after a failed write ({exc.strerror or exc})"

    def close(self, *, remove: bool) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
        if remove:
            self.path.unlink(missing_ok=True)
            fsync_dir(self.path.parent)
