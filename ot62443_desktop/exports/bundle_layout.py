"""Every byte of an evidence bundle accounted for, and read alike by every tool.

verify-bundle reads a zip as its central directory (at the end) describes it, as Python, 7-Zip
and Windows do. Other tools read the same file from its start, one local header after another
(Java's ZipInputStream, streaming unzippers), or prefer a second name an entry may carry
(Info-ZIP's unzip takes the Unicode path field). A zip crafted so that these readings differ
passes the check and unpacks as something else: a zip hidden before the first entry or between
two (a streaming reader unpacks it instead), an entry's bytes shared with another (how zip bombs
multiply what they unpack to), a local header that disagrees with the directory on the name's
encoding, the sizes, the compression or the encryption, a name whose encoding is not declared.
A bundle is written in one pass with none of these, so each is reported as unsafe, and an entry
whose bytes are shared is never unpacked.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from pyzipper import zipfile as _zip  # type: ignore[import-untyped]

from ot62443_desktop.domain.file_names import shown_name

_LOCAL = struct.Struct("<4sHHHHHIIIHH")  # signature, versions, flags, method, time, date, CRC, sizes, lengths
_LOCAL_SIGNATURE = b"PK\x03\x04"
_DESCRIPTOR_SIGNATURE = b"PK\x07\x08"
_ENCRYPTED, _DESCRIPTOR, _UTF8 = 0x0001, 0x0008, 0x0800
_ZIP64_FIELD, _UNICODE_PATH_FIELD = 0x0001, 0x7075
_WZ_AES = 99  # the method a WinZip AES entry declares (the real one is in its AES field)
_FULL = 0xFFFFFFFF  # a 32-bit size that says "see the ZIP64 field"
_ZIP64_END = 56 + 20  # the ZIP64 end record and its locator, before the end record
SHARED = "its bytes are also another entry's"


@dataclass
class Layout:
    """What the check found: unsafe (entry name, or "" for the zip itself, and why), and the entries
    never to unpack (their bytes are another entry's too, or not where the directory says), by the
    id() of their ZipInfo, with why."""

    unsafe: list[tuple[str, str]] = field(default_factory=list)
    not_unpacked: dict[int, str] = field(default_factory=dict)


def check_layout(fh: BinaryIO, zf: Any) -> Layout:
    """The problems of the zip open as `zf` on the file `fh` (see the module's note)."""
    layout = Layout()
    fh.seek(0, 2)
    size = fh.tell()
    _check_end(fh, zf, size, layout)
    position, owner = 0, None
    for info in sorted(zf.infolist(), key=lambda i: i.header_offset):
        name = shown_name(info.filename)
        if not 0 <= info.header_offset <= zf.start_dir - _LOCAL.size:
            _no_header(info, layout)
            continue
        if info.header_offset > position:
            layout.unsafe.append(("", _gap(info.header_offset - position, owner, name)))
        elif info.header_offset < position and owner is not None:
            layout.not_unpacked.update(dict.fromkeys((id(info), id(owner)), SHARED))
            layout.unsafe.append((info.filename, f"its bytes are also those of {shown_name(owner.filename)} "
                                                 "(how zip bombs multiply their size): not unpacked"))
        end = _entry_end(fh, info, layout)
        if end is None:
            continue
        if end > position:
            position, owner = end, info
    if position < zf.start_dir:
        layout.unsafe.append(("", _gap(zf.start_dir - position, owner, "the zip's directory")))
    elif position > zf.start_dir and owner is not None:
        layout.not_unpacked[id(owner)] = SHARED
        layout.unsafe.append((owner.filename, "its bytes run into the zip's directory: not unpacked"))
    return layout


def _gap(size: int, before: Any, after: str) -> str:
    where = f"between {shown_name(before.filename)} and {after}" if before is not None else f"before {after}"
    return (f"{size:,} bytes {where} belong to no entry: a tool that reads the zip from its start may unpack "
            "what is hidden there instead")


def _check_end(fh: BinaryIO, zf: Any, size: int, layout: Layout) -> None:
    """The end record: right after the directory, the last thing in the file, counting every entry."""
    end = _zip._EndRecData(fh)
    location, zip64 = end[_zip._ECD_LOCATION], end[_zip._ECD_SIGNATURE] == _zip.stringEndArchive64
    directory_end = zf.start_dir + end[_zip._ECD_SIZE] + (_ZIP64_END if zip64 else 0)
    if location != directory_end:
        layout.unsafe.append(("", f"{abs(location - directory_end):,} bytes between the zip's directory and its "
                                  "end record belong to neither"))
    tail = size - (location + _zip.sizeEndCentDir + end[_zip._ECD_COMMENT_SIZE])
    if tail:
        layout.unsafe.append(("", f"{abs(tail):,} bytes after the zip's end record belong to no part of it"
                              if tail > 0 else "the zip's comment is cut short"))
    if end[_zip._ECD_ENTRIES_TOTAL] != len(zf.infolist()):
        layout.unsafe.append(("", f"the zip's end record counts {end[_zip._ECD_ENTRIES_TOTAL]:,} entries and its "
                                  f"directory holds {len(zf.infolist()):,}: tools that trust the count see other "
                                  "files"))


def _no_header(info: Any, layout: Layout) -> None:
    layout.not_unpacked[id(info)] = "no local header where the zip's directory says it starts"
    layout.unsafe.append((info.filename, "no local header where the zip's directory says it starts: not unpacked"))


def _entry_end(fh: BinaryIO, info: Any, layout: Layout) -> int | None:
    """Where the entry's local header, data and data descriptor end (None: no local header where it
    should start); its disagreements noted on the way."""
    fh.seek(info.header_offset)
    raw = fh.read(_LOCAL.size)
    if len(raw) < _LOCAL.size or raw[:4] != _LOCAL_SIGNATURE:
        _no_header(info, layout)
        return None
    _, _, flags, method, _, _, crc, compressed, size, name_length, extra_length = _LOCAL.unpack(raw)
    name, extra = fh.read(name_length), fh.read(extra_length)
    data_end = info.header_offset + _LOCAL.size + name_length + extra_length + info.compress_size
    if flags & _DESCRIPTOR:
        descriptor = _descriptor_length(fh, data_end, info)
        if not descriptor:
            layout.unsafe.append((info.filename, "its data descriptor does not repeat the sizes and checksum of "
                                                 "the zip's directory: tools that read it unpack something else"))
        crc, compressed, size = info.CRC, info.compress_size, info.file_size  # the descriptor holds them
        data_end += descriptor
    else:
        compressed, size = _zip64_sizes(extra, compressed, size)
    central_method = _WZ_AES if getattr(info, "wz_aes_vendor_id", None) is not None else info.compress_type
    local_and_central = {
        "its name": ((name, flags & _UTF8), (_encoded_name(info), info.flag_bits & _UTF8)),
        "its encryption": (flags & _ENCRYPTED, info.flag_bits & _ENCRYPTED),
        "its compression": (method, central_method),
        "its sizes or checksum": ((crc, compressed, size), (info.CRC, info.compress_size, info.file_size))}
    differ = [what for what, (local, central) in local_and_central.items() if local != central]
    if differ:
        layout.unsafe.append((info.filename, f"its local header and the zip's directory disagree on "
                                             f"{', '.join(differ)}: tools that read the zip from its start unpack "
                                             "something else"))
    _check_names(info, extra, layout)
    return int(data_end)


def _descriptor_length(fh: BinaryIO, at: int, info: Any) -> int:
    """The length of the data descriptor at `at` that repeats the directory's CRC and sizes; 0 if none does."""
    fh.seek(at)
    raw = fh.read(24)
    for signed in (True, False):
        body = raw[4:] if signed and raw[:4] == _DESCRIPTOR_SIGNATURE else raw if not signed else b""
        for shape in ("<III", "<IQQ"):
            part = struct.calcsize(shape)
            if len(body) >= part and struct.unpack(shape, body[:part]) == (info.CRC, info.compress_size,
                                                                            info.file_size):
                return int(part + (4 if signed else 0))
    return 0


def _zip64_sizes(extra: bytes, compressed: int, size: int) -> tuple[int, int]:
    """The sizes of a local header, read from its ZIP64 field where the 32-bit ones say so."""
    for kind, data in _fields(extra):
        if kind == _ZIP64_FIELD:
            values = [v for (v,) in struct.iter_unpack("<Q", data[: len(data) // 8 * 8])]
            if size == _FULL and values:
                size = values.pop(0)
            if compressed == _FULL and values:
                compressed = values.pop(0)
    return compressed, size


def _fields(extra: bytes) -> list[tuple[int, bytes]]:
    fields, at = [], 0
    while at + 4 <= len(extra):
        kind, length = struct.unpack_from("<HH", extra, at)
        fields.append((kind, extra[at + 4: at + 4 + length]))
        at += 4 + length
    return fields


def _encoded_name(info: Any) -> bytes:
    name: str = info.orig_filename
    return name.encode("utf-8" if info.flag_bits & _UTF8 else "cp437")


def _check_names(info: Any, local_extra: bytes, layout: Layout) -> None:
    """A name every tool reads alike: its encoding declared, and no second name some tools prefer."""
    if not info.flag_bits & _UTF8 and not info.orig_filename.isascii():
        layout.unsafe.append((info.filename, "a name whose encoding the zip does not declare: each tool reads its "
                                             "letters its own way, so it may unpack as another file"))
    for kind, data in (*_fields(info.extra), *_fields(local_extra)):
        if kind == _UNICODE_PATH_FIELD and (other := data[5:].decode("utf-8", "replace")) != info.filename:
            layout.unsafe.append((info.filename, f"a second name, {shown_name(other)!r}, which some tools "
                                                 "(Info-ZIP's unzip) unpack it under"))
            return
