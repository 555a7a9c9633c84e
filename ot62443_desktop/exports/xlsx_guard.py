"""What an untrusted .xlsx may be before any XML parser sees it: its kind, and how much it unpacks to.

A gap register of 100 zones is a 4 MB file that unpacks to about 26 MB, and openpyxl reads
every shared string into memory before the first row. Each zip member states its unpacked
size and Python's zipfile never returns more than that (a member holding more fails its CRC
check), so checking the stated sizes bounds what the parser can be made to read.
A refusal is told in the reader's words (`tr`; English unless the caller names another language).
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from pathlib import Path
from typing import BinaryIO

from ot62443_desktop.domain.language import Language
from ot62443_desktop.exports.progress import ExportError
from ot62443_desktop.exports.wording import Translator, translator

MIB = 2**20
MAX_FILE_BYTES = 50 * MIB
MAX_UNPACKED_BYTES = 64 * MIB  # all members together; twice the 100-zone register, or more once Excel saves it
MAX_MEMBER_BYTES = 40 * MIB
MAX_SHARED_STRINGS_BYTES = 32 * MIB
MAX_SHARED_STRINGS = 1_000_000  # a 100-zone register holds some 60,000 distinct texts
MAX_MEMBERS = 1000  # a register has about 25
MAX_RATIO = 100  # a register's XML deflates 5 to 12 times; a bomb hundreds of times
RATIO_FROM_BYTES = MIB  # small members may compress as well as they like
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls and password-protected .xlsx
NOTHING = "nothing was imported"

CONTENT_TYPES = "[Content_Types].xml"
SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_OVERRIDE = re.compile(rb"<(?:[\w.-]+:)?Override\b[^>]*>")
_PART_NAME = re.compile(rb"""\bPartName\s*=\s*["']([^"']*)["']""")
_CONTENT_TYPE = re.compile(rb"""\bContentType\s*=\s*["']([^"']*)["']""")
_STRING_ITEM = re.compile(rb"<(?:[\w.-]{1,32}:)?si[\s/>]")  # at most 37 bytes long
_DIMENSION = re.compile(rb"<(?:[\w.-]{1,32}:)?dimension[\s/>]")
_SHEET_DATA = re.compile(rb"<(?:[\w.-]{1,32}:)?sheetData[\s/>]")
_ELEMENT = re.compile(rb"<[^/?!]")
MAX_UNSIZED_ELEMENTS = 250_000  # the reader's 200,000 rows and some room
_CHUNK = MIB
ENGLISH = translator(Language.EN)


def open_workbook(xlsx: Path, tr: Translator = ENGLISH) -> BinaryIO:
    """The workbook opened once, so the file checked is the file parsed (ExportError if it cannot be)."""
    try:
        f = _open_without_waiting(xlsx)
    except FileNotFoundError:
        raise ExportError(tr("{source}: no such file; nothing was imported", source=xlsx)) from None
    except IsADirectoryError:
        raise ExportError(_folder(xlsx, tr)) from None
    except OSError as exc:
        raise _unreadable(xlsx, exc, tr) from None
    mode = os.fstat(f.fileno()).st_mode
    if not stat.S_ISREG(mode):
        f.close()
        if stat.S_ISDIR(mode):  # Windows opens some folders
            raise ExportError(_folder(xlsx, tr))
        raise ExportError(tr("{source}: is not a file (a pipe or a device?), not an Excel workbook; nothing was "
                             "imported", source=xlsx))
    return f


def _folder(xlsx: Path, tr: Translator) -> str:
    return tr("{source}: is a folder, not an Excel workbook; nothing was imported", source=xlsx)


def _unreadable(xlsx: Path, error: OSError, tr: Translator) -> ExportError:
    """The system's own words for why (they stay in its language) inside the reader's sentence."""
    return ExportError(tr("{source}: cannot be read ({reason}); nothing was imported", source=xlsx,
                          reason=error.strerror or error))


def _open_without_waiting(xlsx: Path) -> BinaryIO:
    """Open for reading; a named pipe would wait for a writer forever (the import hung), so where the
    system can, open without waiting: what is not a file is refused once open."""
    nonblock = getattr(os, "O_NONBLOCK", 0)
    fd = os.open(xlsx, os.O_RDONLY | getattr(os, "O_BINARY", 0) | nonblock)
    if nonblock:
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def check_container(xlsx: Path, f: BinaryIO, tr: Translator = ENGLISH) -> None:
    """Refuse (ExportError) what is not a plausible .xlsx, or would unpack to more than a register can."""
    try:
        size = os.fstat(f.fileno()).st_size
        f.seek(0)
        head = f.read(len(OLE_MAGIC))
    except OSError as exc:
        raise _unreadable(xlsx, exc, tr) from None
    if size > MAX_FILE_BYTES:
        raise ExportError(tr("{source}: {size} MB is larger than a gap register can be (limit {limit} MB); nothing "
                             "was imported", source=xlsx, size=_mib(size, tr), limit=MAX_FILE_BYTES // MIB))
    if head == OLE_MAGIC:
        raise ExportError(tr("{source}: an old Excel .xls file or a password-protected workbook; save it as an "
                             "unprotected .xlsx workbook and import that; nothing was imported", source=xlsx))
    try:
        with zipfile.ZipFile(f) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if CONTENT_TYPES not in names and "mimetype" in names:
                raise ExportError(tr("{source}: an OpenDocument file (save it as .xlsx), not an Excel .xlsx "
                                     "workbook; nothing was imported", source=xlsx))
            if CONTENT_TYPES not in names:
                raise ExportError(tr("{source}: a zip file, not an Excel .xlsx workbook; nothing was imported",
                                     source=xlsx))
            _check_sizes(xlsx, infos, tr)
            shared = _shared_string_parts(archive) & names
            _check_shared_strings(xlsx, archive, shared, tr)
            _check_unsized_sheets(xlsx, archive, names - shared, tr)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise ExportError(tr("{source}: not an Excel .xlsx workbook (or a damaged one); nothing was imported",
                             source=xlsx)) from None


def _mib(size: float, tr: Translator) -> str:
    return tr.count(round(size / MIB))


def _bomb(xlsx: Path, what: str, tr: Translator) -> ExportError:
    """`what`: a clause the caller has put in the reader's words."""
    return ExportError(tr("{source}: {what}, far more than a gap register (a zip bomb?); nothing was imported",
                          source=xlsx, what=what))


def _check_sizes(xlsx: Path, infos: list[zipfile.ZipInfo], tr: Translator) -> None:
    if len(infos) > MAX_MEMBERS:
        raise _bomb(xlsx, tr("holds {n} parts", n=tr.count(len(infos))), tr)
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        raise _bomb(xlsx, tr("unpacks to {size} MB (limit {limit} MB)", size=_mib(unpacked, tr),
                             limit=MAX_UNPACKED_BYTES // MIB), tr)
    for info in infos:
        if info.file_size > MAX_MEMBER_BYTES:
            raise _bomb(xlsx, tr("its part {part} unpacks to {size} MB (limit {limit} MB)", part=repr(info.filename),
                                 size=_mib(info.file_size, tr), limit=MAX_MEMBER_BYTES // MIB), tr)
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > RATIO_FROM_BYTES and ratio > MAX_RATIO:
            raise _bomb(xlsx, tr("its part {part} unpacks {ratio} times its packed size (limit {limit})",
                                 part=repr(info.filename), ratio=tr.count(round(ratio)), limit=MAX_RATIO), tr)


def _check_shared_strings(xlsx: Path, archive: zipfile.ZipFile, names: set[str], tr: Translator) -> None:
    """openpyxl loads the whole shared string table up front: bound its size and its count."""
    for name in names:
        info = archive.getinfo(name)
        if info.file_size > MAX_SHARED_STRINGS_BYTES:
            raise _bomb(xlsx, tr("its shared strings unpack to {size} MB (limit {limit} MB)",
                                 size=_mib(info.file_size, tr), limit=MAX_SHARED_STRINGS_BYTES // MIB), tr)
        count = _count_items(archive, name)
        if count > MAX_SHARED_STRINGS:
            raise _bomb(xlsx, tr("it holds more than {n} shared strings", n=tr.count(MAX_SHARED_STRINGS)), tr)


def _shared_string_parts(archive: zipfile.ZipFile) -> set[str]:
    """Every part [Content_Types].xml declares as shared strings (openpyxl reads the first), and the usual one."""
    with archive.open(CONTENT_TYPES) as f:  # bounded: its stated size passed the checks above
        manifest = f.read()
    parts = {"xl/sharedStrings.xml"}
    for override in _OVERRIDE.findall(manifest):
        kind, part = _CONTENT_TYPE.search(override), _PART_NAME.search(override)
        if kind and part and kind.group(1).strip() == SHARED_STRINGS_TYPE.encode():
            parts.add(part.group(1).decode("utf-8", "replace").lstrip("/"))
    return parts


def _count_items(archive: zipfile.ZipFile, name: str) -> int:
    """How many string items (<si>) a shared string part holds, counted as it streams past, up to the limit."""
    count = 0
    tail = b""
    with archive.open(name) as f:
        while chunk := f.read(_CHUNK):
            data = tail + chunk
            keep = max(0, len(data) - 64)  # items starting in the last bytes are counted with the next chunk
            count += sum(1 for match in _STRING_ITEM.finditer(data) if match.start() < keep)
            tail = data[keep:]
            if count > MAX_SHARED_STRINGS:
                return count
    return count + len(_STRING_ITEM.findall(tail))


def _check_unsized_sheets(xlsx: Path, archive: zipfile.ZipFile, names: set[str], tr: Translator) -> None:
    """A sheet without its <dimension> makes openpyxl keep every element it passes looking for one
    (6.5 million empty rows: 600 MB); Excel, LibreOffice and openpyxl always write it first."""
    for name in sorted(names):
        elements = _unsized_elements(archive, name)
        if elements > MAX_UNSIZED_ELEMENTS:
            raise _bomb(xlsx, tr("its part {part} is a sheet without a size and more than {n} elements",
                                 part=repr(name), n=tr.count(MAX_UNSIZED_ELEMENTS)), tr)


def _unsized_elements(archive: zipfile.ZipFile, name: str) -> int:
    """How many elements follow <sheetData> in a part that gave no <dimension> before it (0 otherwise)."""
    count, tail, counting = 0, b"", False
    with archive.open(name) as f:
        while chunk := f.read(_CHUNK):
            data = tail + chunk
            keep = max(0, len(data) - 64)  # a tag starting in the last bytes is looked at with the next chunk
            if not counting:
                data_at, sized_at = _SHEET_DATA.search(data), _DIMENSION.search(data)
                if sized_at and (data_at is None or sized_at.start() < data_at.start()):
                    return 0
                if data_at is None:
                    tail = data[keep:]
                    continue
                counting, data, keep = True, data[data_at.end():], max(0, keep - data_at.end())
            count += sum(1 for match in _ELEMENT.finditer(data) if match.start() < keep)
            tail = data[keep:]
            if count > MAX_UNSIZED_ELEMENTS:
                return count
    return count + len(_ELEMENT.findall(tail)) if counting else 0
