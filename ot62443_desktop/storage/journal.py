"""Append-only journal of changes since the last compaction; each append is synced.

Line format: 8 hex digits of CRC-32, a space, one JSON object, newline. The first record
is a header naming the file version the journal extends: its generation and, since this
release, the project's id and a digest of the file's bytes, so a journal is replayed
only onto the very file it was written for (never onto another project, nor another copy
at the same generation). A torn tail (a write cut by a crash or a full disk, never
acknowledged) ends the readable records, so nothing is ever appended after one: a failed
append is cut off again before the call reports the failure, and a journal whose tail
cannot be cut refuses more writes.

The journal of an encrypted project has the same header (it holds no project text), naming
the key its records are sealed with ("sealed"); each record's body is sealed on its own
(base64 of nonce, ciphertext and tag), bound to this journal's header and to its place in it,
so the CRC still finds a torn tail and a record moved elsewhere does not open.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import zlib
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from ot62443_desktop.storage.fsutil import (
    NotRegularError,
    fsync_dir,
    mode_for,
    new_temp,
    open_regular,
    read_all,
    sync,
    write_all,
)
from ot62443_desktop.storage.sealed import Key, journal_aad, seal_record, unseal_record

JOURNAL_FORMAT = 1
MAX_JOURNAL_BYTES = 1 << 30  # far beyond any real journal (it is compacted at 8 MiB)
MAX_DOC_ID = 10**18 - 1  # the largest record id a project file may hold (18 digits)
PREVIOUS = "previous_sha256"  # meta field: the digest of the file version this one was written over
_FIXED_TABLES = ("meta", "zones", "tombstones", "history")
_SCOPED_TABLES = ("answers:", "remediation:")


class MalformedJournalError(ValueError):
    """A record that passed its checksum but is not a change this program writes."""


class Relation(Enum):
    """How a journal found beside a project relates to the file read."""

    NONE = "no journal"
    EXTENDS = "extends the file: replay it"
    DONE = "already written into the file (a crash came before the journal was replaced)"
    FOREIGN = "written for another file: keep it aside for a person, never replay it"


def journal_path(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + ".journal")


def file_digest(data: bytes) -> str:
    """What ties a journal to the exact bytes of the file version it extends."""
    return hashlib.sha256(data).hexdigest()


def encode(record: dict[str, Any]) -> bytes:
    return _line(_body(record))


def _body(record: dict[str, Any]) -> bytes:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _line(body: bytes) -> bytes:
    return b"%08x %s\n" % (zlib.crc32(body), body)


def _anchor(header_line: bytes) -> bytes:
    """What a sealed record is bound to: a digest of its journal's header line (without its newline)."""
    return hashlib.sha256(header_line).digest()[:16]


@dataclass
class JournalContents:
    base: int | None = None  # generation of the project file it extends; None: no journal
    records: list[dict[str, Any]] = field(default_factory=list)
    torn: bool = False  # bytes after the last whole record (a write cut short)
    after_damage: int = 0  # whole records after a damaged one: the disk damaged the middle
    planted: bool = False  # a link, FIFO, device or folder where the journal goes
    project_id: str | None = None  # None in journals of earlier releases
    digest: str | None = None
    sealed: str | None = None  # the id of the key its records are sealed with; None: plain records
    locked: bool = False  # sealed with a key not at hand: its records were not read

    def relation(self, meta: dict[str, Any], digest: str, key_id: str | None = None) -> Relation:
        """Whether to replay this journal onto the file of meta data `meta`, bytes of `digest` and key `key_id`.

        The file names the digest of the version it was written over (PREVIOUS): a journal
        of exactly that version was written into it before a crash could replace the journal.
        Only a journal sealed with the file's own key extends it (a plain journal beside an
        encrypted file was not written by this program for it).
        """
        if self.base is None:
            return Relation.FOREIGN if self.planted else Relation.NONE
        project_id = meta.get("project_id")
        if self.project_id is not None and project_id is not None and self.project_id != project_id:
            return Relation.FOREIGN
        if self.base == meta["generation"] and self.digest in (None, digest):
            return Relation.EXTENDS if self.sealed == key_id and not self.locked else Relation.FOREIGN
        if self.base == meta["generation"] - 1 and self.digest in (None, meta.get(PREVIOUS)):
            return Relation.DONE
        return Relation.FOREIGN


def read_journal(path: Path, key: Key | None = None) -> JournalContents:
    """The journal's header and its whole records, unsealed with `key` if the journal is sealed with it;
    MalformedJournalError for alien records."""
    try:
        fd = open_regular(path)
    except FileNotFoundError:
        return JournalContents()
    except NotRegularError:
        return JournalContents(planted=True)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # a symbolic link: not a journal this program made
            return JournalContents(planted=True)
        raise
    try:
        if os.fstat(fd).st_size > MAX_JOURNAL_BYTES:
            raise MalformedJournalError(f"{path}: the journal is implausibly large")
        raw = read_all(fd)
    finally:
        os.close(fd)
    lines = raw.split(b"\n")
    torn, whole = lines[-1] != b"", lines[:-1]
    header = _decode(whole[0]) if whole else _DAMAGED
    if header is _DAMAGED:
        return JournalContents(torn=bool(raw), after_damage=_count_whole(whole[1:]))
    if (not isinstance(header, dict) or header.get("journal") != JOURNAL_FORMAT
            or type(header.get("generation")) is not int
            or not all(isinstance(header.get(k), str | None) for k in ("project_id", "file_sha256", "sealed"))):
        raise MalformedJournalError(f"{path}: the journal's header is not one this program writes")
    contents = JournalContents(header["generation"], project_id=header.get("project_id"),
                               digest=header.get("file_sha256"), sealed=header.get("sealed"))
    if contents.sealed is not None and (key is None or key.id != contents.sealed):
        contents.locked = True  # another key's: it can be set aside or replaced, never replayed
        return contents
    anchor = _anchor(whole[0])
    for index, line in enumerate(whole[1:], start=1):
        record = _decode(line) if key is None or contents.sealed is None else _unseal(key, line, anchor, index)
        if record is _DAMAGED:  # never acknowledged if it is the tail; never replayed after it
            contents.torn, contents.after_damage = True, _count_whole(whole[index + 1:])
            break
        _check_record(path, index, record)
        contents.records.append(record)
    else:
        contents.torn = torn
    return contents


_DAMAGED = object()


def _crc_body(line: bytes) -> bytes | None:
    """The body of a line whose checksum matches; None for a torn or damaged line."""
    crc, _, body = line.partition(b" ")
    try:
        return body if len(crc) == 8 and int(crc, 16) == zlib.crc32(body) else None
    except ValueError:
        return None


def _count_whole(lines: list[bytes]) -> int:
    """How many lines after a damaged one are whole: only damage in the middle leaves some."""
    return sum(_crc_body(line) is not None for line in lines)


def _decode(line: bytes) -> Any:
    body = _crc_body(line)
    try:
        return _DAMAGED if body is None else json.loads(body)
    except (ValueError, RecursionError):
        return _DAMAGED


def _unseal(key: Key, line: bytes, anchor: bytes, index: int) -> Any:
    body = _crc_body(line)
    plain = None if body is None else unseal_record(key, body, journal_aad(anchor, index))
    try:
        return _DAMAGED if plain is None else json.loads(plain)
    except (ValueError, RecursionError):
        return _DAMAGED


def _check_record(path: Path, number: int, record: Any) -> None:
    ops = record.get("ops") if isinstance(record, dict) else None
    if not isinstance(ops, list) or not ops:
        raise MalformedJournalError(f"{path}: change {number} is not a list of operations")
    for op in ops:
        if not _is_operation(op):
            raise MalformedJournalError(f"{path}: change {number} holds an operation this program never writes")


def _is_operation(op: Any) -> bool:
    """[table, record id, document or None]: only the meta record 1 exists, and is never removed."""
    if not (isinstance(op, list) and len(op) == 3 and isinstance(op[0], str)
            and type(op[1]) is int and 0 < op[1] <= MAX_DOC_ID and (op[2] is None or isinstance(op[2], dict))):
        return False
    if op[0] == "meta":
        return op[1] == 1 and op[2] is not None
    return op[0] in _FIXED_TABLES or op[0].startswith(_SCOPED_TABLES)


class Journal:
    """The open journal of a writable project."""

    def __init__(self, path: Path, fd: int, size: int, key: Key | None = None, anchor: bytes = b"") -> None:
        self.path = path
        self.records = 0
        self.size = size
        self.broken = ""  # why no more appends are possible, once a failed one could not be cut off
        self._fd = fd
        self._key, self._anchor = key, anchor

    @classmethod
    def start(cls, path: Path, generation: int, project_id: str, digest: str, key: Key | None = None) -> Journal:
        """A new journal for the file version just read or written, swapped in by rename (old one or new one);
        with `key`, its records are sealed with it."""
        fields = {"journal": JOURNAL_FORMAT, "generation": generation, "project_id": project_id, "file_sha256": digest}
        header = encode(fields if key is None else dict(fields, sealed=key.id))
        fd, tmp = new_temp(path)
        try:
            with contextlib.suppress(OSError):  # whoever may read the project may read its journal
                os.fchmod(fd, mode_for(path.with_suffix("")) & 0o666)
            write_all(fd, header)
            sync(fd)
            os.replace(tmp, path)
            fsync_dir(path.parent)
        except BaseException:
            os.close(fd)
            tmp.unlink(missing_ok=True)
            raise
        return cls(path, fd, len(header), key, _anchor(header[:-1]))

    def append(self, record: dict[str, Any]) -> None:
        """Durably append one record: when this returns, the change survives power loss.

        When it raises, the record is not in the journal: its partial bytes were cut off
        (or, if even that failed, the journal is marked broken and takes no more records).
        """
        if self.broken:
            raise OSError(self.broken)
        body = _body(record)
        if self._key is not None:
            body = seal_record(self._key, body, journal_aad(self._anchor, self.records + 1))
        line = _line(body)
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
