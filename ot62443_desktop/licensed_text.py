"""The user's own licensed text of the standard (SPEC 12.6): read from their CSV, kept per user.

A consultant who owns IEC 62443 imports its wording (a CSV of id,text) to read beside our
summaries. It is kept in the data folder, outside any project; nothing that writes a project, an
export or a bundle may import this module (an import-linter contract in pyproject.toml). No
message or exception here quotes a text: a row is named by its number and, when it looks like
one, its id. Re-importing replaces what was imported before: the file is the whole text.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import json
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from ot62443_desktop import user_catalogues
from ot62443_desktop.catalogues import builtin_catalogues
from ot62443_desktop.domain.text import elide
from ot62443_desktop.paths import data_dir
from ot62443_desktop.storage.errors import rebuild_error
from ot62443_desktop.storage.fsutil import UnsyncedRenameError, atomic_write

MIB = 2**20
MAX_FILE_BYTES = 8 * MIB  # every built-in requirement at the longest text is about 5 MB
MAX_ROWS = 5000  # the built-in catalogues have about 210 requirements
MAX_TEXT_CHARS = 20_000  # one requirement: several pages of the standard
MAX_STORE_BYTES = 4 * MAX_FILE_BYTES  # a larger store is not one this module wrote
ID_CHARS = 24  # an id cell longer than this is not an id, and is never repeated in a message
DELIMITERS = (",", ";", "\t")  # ';' is what a French Excel writes for "CSV UTF-8"
FORMAT, VERSION = "ot62443-licensed-text", 1
_BINARY, _NONBLOCK = getattr(os, "O_BINARY", 0), getattr(os, "O_NONBLOCK", 0)
_NOT_IN_KEY = re.compile(r"[\s()]+")  # "sr1.1 re(1)" names "SR 1.1 RE 1"
AMBIGUOUS = ""  # what a resolver says of an id written loosely that could name two requirements
Resolver = Callable[[str], str | None]


class Problem(StrEnum):
    """Why one row was skipped; the other rows are imported."""

    UNKNOWN_ID = "unknown_id"  # not a requirement of the built-in or imported catalogues
    NOT_AN_ID = "not_an_id"  # too long, several lines or control characters: text in the id column?
    AMBIGUOUS_ID = "ambiguous_id"  # written loosely, and could name more than one requirement
    NO_ID = "no_id"
    NO_TEXT = "no_text"
    TOO_LONG = "too_long"


@dataclass(frozen=True)
class Skipped:
    row: int  # as a spreadsheet numbers it: the header is row 1
    problem: Problem
    id: str = ""  # the id as written, only when short enough to be one


class Refusal(StrEnum):
    """Why a whole file was refused (nothing was changed), or the store could not be used."""

    UNREADABLE = "unreadable"  # detail: the system's reason
    NOT_A_FILE = "not_a_file"
    TOO_LARGE = "too_large"
    BINARY = "binary"
    NOT_UTF8 = "not_utf8"  # number: the first byte that is not UTF-8
    NO_HEADER = "no_header"
    HEADER_IS_DATA = "header_is_data"  # detail: the requirement the first row gives
    NOT_CSV = "not_csv"  # number: the row; detail: the CSV reader's reason
    TOO_MANY_ROWS = "too_many_rows"
    DUPLICATES = "duplicates"  # duplicates: each id given different texts, with its rows
    NOTHING_IMPORTED = "nothing_imported"  # skipped: why each row was skipped
    STORE_DAMAGED = "store_damaged"  # detail: what is wrong with it
    STORE_UNWRITABLE = "store_unwritable"  # detail: the system's reason


class LicensedTextError(Exception):
    """A file refused whole, or a store that cannot be read or written; nothing was changed."""

    def __init__(self, refusal: Refusal, source: Path | str, *, number: int = 0, detail: str = "",
                 duplicates: tuple[tuple[str, tuple[int, ...]], ...] = (), skipped: tuple[Skipped, ...] = ()) -> None:
        self.refusal, self.source, self.number, self.detail = refusal, str(source), number, detail
        self.duplicates, self.skipped = duplicates, skipped
        super().__init__(refusal_text(self))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as class, message and attributes (an error may cross a process boundary)."""
        return rebuild_error, (type(self), self.args, self.__dict__)


_REFUSALS = {
    Refusal.UNREADABLE: "{source}: cannot be read ({detail}); nothing was imported",
    Refusal.NOT_A_FILE: "{source}: is not a file (a folder, a pipe or a device); nothing was imported",
    Refusal.TOO_LARGE: "{source}: larger than {max_mb} MB, more than the text of every requirement fills; nothing "
                       "was imported",
    Refusal.BINARY: "{source}: holds binary data, not CSV text; nothing was imported",
    Refusal.NOT_UTF8: "{source}: not UTF-8 text (byte {number}); save it as \"CSV UTF-8\" and import that; nothing "
                      "was imported",
    Refusal.NO_HEADER: "{source}: the first row must name the columns id and text (id,text or id;text); nothing "
                       "was imported",
    Refusal.HEADER_IS_DATA: "{source}: the first row is requirement {detail}, not the header: add the row id,text "
                            "above it; nothing was imported",
    Refusal.NOT_CSV: "{source}: not a CSV file (row {number}: {detail}); nothing was imported",
    Refusal.TOO_MANY_ROWS: "{source}: more than {max_rows} rows, not one text per requirement; nothing was imported",
    Refusal.DUPLICATES: "{source}: different texts for the same requirement: {detail}; keep one row for each and "
                        "import again; nothing was imported",
    Refusal.NOTHING_IMPORTED: "{source}: no row could be imported; the licensed text you had is kept",
    Refusal.STORE_DAMAGED: "{source}: your licensed text cannot be read ({detail}); import your file again or "
                           "remove it",
    Refusal.STORE_UNWRITABLE: "{source}: cannot be written ({detail}); the licensed text you had is kept",
}
_PROBLEMS = {
    Problem.UNKNOWN_ID: "row {row}: {id} is not a requirement of the built-in or imported catalogues (ids read "
                        "like SR 1.1, SR 1.1 RE 1, ORG 1.1)",
    Problem.NOT_AN_ID: "row {row}: the id cell is not a requirement id (is the text in the id column?)",
    Problem.AMBIGUOUS_ID: "row {row}: {id} could name more than one requirement; write the id exactly",
    Problem.NO_ID: "row {row}: no id",
    Problem.NO_TEXT: "row {row}: no text for {id}",
    Problem.TOO_LONG: "row {row}: the text for {id} is longer than {max_chars} characters",
}


def refusal_text(error: LicensedTextError) -> str:
    """The English of a refusal (the GUI has its own words for each, in the GUI's language)."""
    detail = duplicates_text(error.duplicates) if error.refusal is Refusal.DUPLICATES else error.detail
    return _REFUSALS[error.refusal].format(source=error.source, number=error.number, detail=detail,
                                           max_mb=MAX_FILE_BYTES // MIB, max_rows=MAX_ROWS)


def duplicates_text(duplicates: Iterable[tuple[str, Iterable[int]]]) -> str:
    """"SR 1.1 (rows 3, 9)" for each id given more than once."""
    return "; ".join(f"{rid} (rows {', '.join(map(str, rows))})" for rid, rows in duplicates)


def problem_text(skipped: Skipped) -> str:
    return _PROBLEMS[skipped.problem].format(row=skipped.row, id=skipped.id, max_chars=MAX_TEXT_CHARS)


@dataclass(frozen=True)
class LicensedText:
    """The texts the user imported, by requirement id, and where they came from."""

    texts: Mapping[str, str] = field(default_factory=dict)
    source: str = ""  # the name of the file imported, without its folder
    imported_at: str = ""  # local time, ISO 8601 to the second

    def __len__(self) -> int:
        return len(self.texts)

    def get(self, requirement_id: str) -> str | None:
        return self.texts.get(requirement_id)


@dataclass(frozen=True)
class Parsed:
    texts: dict[str, str]
    skipped: tuple[Skipped, ...]
    ignored_columns: tuple[str, ...]  # header cells other than id and text, shortened


@dataclass(frozen=True)
class ImportReport:
    imported: int
    replaced: int  # how many texts were imported before (all replaced)
    skipped: tuple[Skipped, ...]
    ignored_columns: tuple[str, ...]
    kept_in: Path


def store_path() -> Path:
    """One file per user, beside the settings and backups, never beside a project."""
    return data_dir() / "licensed-text.json"


def known_ids() -> tuple[str, ...]:
    """The requirements a text can be given for: the built-in catalogues' and those of the catalogues
    imported on this computer (a newer edition imported as a catalogue has its own ids)."""
    imported = [r.id for kept in user_catalogues.kept() if kept.catalogue is not None for r in kept.catalogue]
    return (*(r.id for catalogue in builtin_catalogues() for r in catalogue), *imported)


# -- reading a CSV --------------------------------------------------------------------------------


def read_source(path: Path) -> bytes:
    """The bytes of a regular file, at most MAX_FILE_BYTES; a pipe is refused, never waited on."""
    try:
        fd = os.open(path, os.O_RDONLY | _BINARY | _NONBLOCK)
    except IsADirectoryError:
        raise LicensedTextError(Refusal.NOT_A_FILE, path) from None
    except OSError as exc:
        raise LicensedTextError(Refusal.UNREADABLE, path, detail=str(exc.strerror or exc)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise LicensedTextError(Refusal.NOT_A_FILE, path)
        data = _read_at_most(fd, MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise LicensedTextError(Refusal.UNREADABLE, path, detail=str(exc.strerror or exc)) from None
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise LicensedTextError(Refusal.TOO_LARGE, path)
    return data


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks, size = [], 0
    while size < limit and (chunk := os.read(fd, min(MIB, limit - size))):
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def parse(data: bytes, source: Path | str, known: Iterable[str]) -> Parsed:
    """The texts of a CSV (header row naming id and text, then one row per requirement), by
    requirement id; a row that cannot be used is skipped and said why, a file that is not such a
    CSV is refused whole (LicensedTextError)."""
    if len(data) > MAX_FILE_BYTES:
        raise LicensedTextError(Refusal.TOO_LARGE, source)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode text"
        raise LicensedTextError(Refusal.NOT_UTF8, source, number=0)
    if b"\0" in data:
        raise LicensedTextError(Refusal.BINARY, source)
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise LicensedTextError(Refusal.NOT_UTF8, source, number=exc.start) from None
    resolve = _resolver(known)
    delimiter, header = _header(text, source, resolve)
    id_column, text_column = header.index("id"), header.index("text")
    ignored = tuple(elide(name, ID_CHARS) if name.isprintable() else "?" for i, name in enumerate(header)
                    if name and i not in (id_column, text_column))
    rows: dict[str, list[tuple[int, str]]] = {}
    skipped: list[Skipped] = []
    for row, cells in _records(text, delimiter, source):
        if not any(cell.strip() for cell in cells):
            continue  # a blank line, or the empty row a spreadsheet leaves at the end
        written = _cell(cells, id_column).strip()
        body = _cell(cells, text_column).replace("\r\n", "\n").replace("\r", "\n").strip()
        shown = written if len(written) <= ID_CHARS and written.isprintable() else ""  # no line breaks, no escapes
        if not written:
            skipped.append(Skipped(row, Problem.NO_ID))
        elif not shown:
            skipped.append(Skipped(row, Problem.NOT_AN_ID))
        elif (found := resolve(written)) is None:
            skipped.append(Skipped(row, Problem.UNKNOWN_ID, shown))
        elif found == AMBIGUOUS:
            skipped.append(Skipped(row, Problem.AMBIGUOUS_ID, shown))
        elif not body:
            skipped.append(Skipped(row, Problem.NO_TEXT, found))
        elif len(body) > MAX_TEXT_CHARS:
            skipped.append(Skipped(row, Problem.TOO_LONG, found))
        else:
            rows.setdefault(found, []).append((row, body))
    clashes = tuple((rid, tuple(r for r, _ in given)) for rid, given in rows.items()
                    if len({body for _, body in given}) > 1)
    if clashes:
        raise LicensedTextError(Refusal.DUPLICATES, source, duplicates=clashes)
    if not rows:
        raise LicensedTextError(Refusal.NOTHING_IMPORTED, source, skipped=tuple(skipped))
    return Parsed({rid: given[0][1] for rid, given in rows.items()}, tuple(skipped), ignored)


def _key(written: str) -> str:
    return _NOT_IN_KEY.sub("", unicodedata.normalize("NFKC", written)).upper()


def _resolver(known: Iterable[str]) -> Resolver:
    """id as written -> the requirement id; None when unknown, AMBIGUOUS when it could be more than one.

    An exact id is taken as it is; otherwise case, spacing and brackets are let go, if that leaves
    one requirement it could be."""
    exact = set(known)
    loose: dict[str, str] = {}
    for rid in exact:
        key = _key(rid)
        loose[key] = AMBIGUOUS if key in loose and loose[key] != rid else rid

    def resolve(written: str) -> str | None:
        return written if written in exact else loose.get(_key(written))

    return resolve


def _header(text: str, source: Path | str, resolve: Resolver) -> tuple[str, list[str]]:
    """The delimiter and the header's column names (lower case): the first delimiter whose reading
    of the first row names both id and text."""
    first_cells: list[str] = []
    for delimiter in DELIMITERS:
        try:
            cells = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])
        except csv.Error:
            continue
        names = [cell.strip().lower() for cell in cells]
        if "id" in names and "text" in names:
            return delimiter, names
        if len(cells) > len(first_cells):
            first_cells = cells
    for cell in first_cells[:1]:
        if len(cell.strip()) <= ID_CHARS and (found := resolve(cell.strip())):
            raise LicensedTextError(Refusal.HEADER_IS_DATA, source, detail=found)
    raise LicensedTextError(Refusal.NO_HEADER, source)


def _records(text: str, delimiter: str, source: Path | str) -> Iterator[tuple[int, list[str]]]:
    """Each row after the header with its spreadsheet number (a cell may hold several lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    row = 1
    try:
        next(reader)
        for row, cells in enumerate(reader, start=2):
            if row > MAX_ROWS + 1:
                raise LicensedTextError(Refusal.TOO_MANY_ROWS, source)
            yield row, cells
    except csv.Error as exc:
        raise LicensedTextError(Refusal.NOT_CSV, source, number=row + 1, detail=str(exc)) from None


def _cell(cells: list[str], column: int) -> str:
    return cells[column] if column < len(cells) else ""


# -- the store --------------------------------------------------------------------------------------


def load(path: Path | None = None) -> LicensedText:
    """What the user imported (nothing, if they never did); LicensedTextError if it cannot be read."""
    path = path or store_path()
    try:
        fd = os.open(path, os.O_RDONLY | _BINARY | _NONBLOCK)
    except FileNotFoundError:
        return LicensedText()
    except OSError as exc:
        raise LicensedTextError(Refusal.STORE_DAMAGED, path, detail=str(exc.strerror or exc)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise LicensedTextError(Refusal.STORE_DAMAGED, path, detail="not a file")
        data = _read_at_most(fd, MAX_STORE_BYTES + 1)
    except OSError as exc:
        raise LicensedTextError(Refusal.STORE_DAMAGED, path, detail=str(exc.strerror or exc)) from None
    finally:
        os.close(fd)
    return _from_json(data, path)


def _from_json(data: bytes, path: Path) -> LicensedText:
    def damaged(why: str) -> LicensedTextError:
        return LicensedTextError(Refusal.STORE_DAMAGED, path, detail=why)

    if len(data) > MAX_STORE_BYTES:
        raise damaged("too large")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise damaged("not the JSON this program writes") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise damaged("not a licensed-text file")
    if doc.get("version") != VERSION:
        raise damaged("written by another version of the program")
    texts, source, at = doc.get("texts"), doc.get("source", ""), doc.get("imported_at", "")
    if not (isinstance(texts, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in texts.items())
            and isinstance(source, str) and isinstance(at, str)):
        raise damaged("its entries are not texts")
    return LicensedText(texts, source, at)


def _write(store: LicensedText, path: Path, *, replacing_ours: bool) -> None:
    """Write the store; only a store of ours that was there keeps its permissions (the user may have
    chosen them): a first one, or one put where a pipe, a link or a file not ours was, is the user's only."""
    doc = {"format": FORMAT, "version": VERSION, "source": store.source, "imported_at": store.imported_at,
           "texts": dict(store.texts)}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(UnsyncedRenameError):  # the new file is in place all the same
            atomic_write(path, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
    except OSError as exc:
        raise LicensedTextError(Refusal.STORE_UNWRITABLE, path, detail=str(exc.strerror or exc)) from None
    if not replacing_ours:
        with contextlib.suppress(OSError):
            path.chmod(0o600)


def _regular(path: Path) -> bool:
    """Whether `path` itself (not what a link names) is a regular file."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def check(source: Path, known: Iterable[str] | None = None) -> Parsed:
    """The texts of `source`, read and checked (LicensedTextError if the file is refused); nothing is kept yet."""
    return parse(read_source(source), source, known_ids() if known is None else known)


def keep(parsed: Parsed, source: Path) -> ImportReport:
    """Make a checked file the user's licensed text, replacing what was imported before, whole or not at all."""
    path = store_path()
    try:
        before, ours = len(load(path)), _regular(path)
    except LicensedTextError:
        before, ours = 0, False  # a damaged store: importing again is how it is mended
    _write(LicensedText(parsed.texts, source.name, datetime.now().replace(microsecond=0).isoformat()), path,
           replacing_ours=ours)
    return ImportReport(len(parsed.texts), before, parsed.skipped, parsed.ignored_columns, path)


def import_file(source: Path, known: Iterable[str] | None = None) -> ImportReport:
    """Check `source` and keep it; a refused file (LicensedTextError) changes nothing."""
    return keep(check(source, known), source)


def remove() -> int:
    """Delete the user's licensed text; returns how many texts it held (0: there was none, or it
    could not be read)."""
    path = store_path()
    try:
        count = len(load(path))
    except LicensedTextError:
        count = 0
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise LicensedTextError(Refusal.STORE_UNWRITABLE, path, detail=str(exc.strerror or exc)) from None
    return count
