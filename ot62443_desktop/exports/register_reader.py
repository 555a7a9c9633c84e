"""Read an edited gap register: the workbook's facts and rows, and nothing of any project.

The file is untrusted. Its container is checked before a parser sees it (xlsx_guard.py),
openpyxl must parse through defusedxml, and only what the import needs is read: the hidden
keys sheet (format, project id, the keys exported) and, of the register sheet, the cells of
the columns the import knows. Columns are found by the defined name each header cell
carries (its column id, register_rows.column_name), never by the heading a reader sees, so
a register whose headings were renamed or translated, or whose columns were moved, reads
the same. What the rows would change in a project is the planner's business
(register_import.py). A workbook refused whole is told in the reader's words (`language`), the
columns it names as the register names them.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from defusedxml.common import DefusedXmlException  # type: ignore[import-untyped]
from openpyxl import load_workbook  # type: ignore[import-untyped]
from openpyxl.utils import column_index_from_string, get_column_letter  # type: ignore[import-untyped]

from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.text import one_line
from ot62443_desktop.exports import register_rows as rr
from ot62443_desktop.exports.cell_text import clean_text
from ot62443_desktop.exports.progress import ExportCancelled, ExportError, Hooks
from ot62443_desktop.exports.wording import Translator, translator
from ot62443_desktop.exports.xlsx_guard import check_container, open_workbook
from ot62443_desktop.exports.xlsx_stream import xml_is_defused

MAX_ROWS = 200_000
STEP_ROWS = 200
MAX_COLUMN = 1024  # a named column further right is not a register's (LibreOffice long stopped at AMJ)
MAX_SHEET_ROW = 1_048_576  # Excel's last row
# A defined name's target when it is one cell: 'Sheet name'!$C$1 or Sheet!$C$1.
_CELL_REF = re.compile(r"^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$")


@dataclass(frozen=True)
class RegisterCell:
    value: Any
    data_type: str  # openpyxl's: s string, n number, d date, b bool, f formula, e error


EMPTY = RegisterCell(None, "n")


@dataclass(frozen=True)
class RegisterRow:
    number: int
    cells: dict[str, RegisterCell]  # by column id; a column left empty in this row is absent

    def text(self, column_id: str) -> str:
        """The cell's value as the import reads text (see `plain`)."""
        return plain(self.cells.get(column_id, EMPTY).value)


@dataclass
class RegisterSheet:
    """What an edited register holds, as read; nothing in it has been checked against a project."""

    source: Path
    sheet: str  # the register sheet's name
    meta: dict[str, str]  # the keys sheet's facts: format, version, project id, client, site, ...
    exported_keys: list[str]  # the row keys the register was exported with
    columns: dict[str, str] = field(default_factory=dict)  # column id -> its letter in the sheet
    rows: list[RegisterRow] = field(default_factory=list)  # non-blank rows below the header

    @property
    def exported(self) -> str:
        return self.meta.get("exported", "").replace("T", " ")


def read_register(xlsx: Path, hooks: Hooks | None = None, language: Language = Language.EN) -> RegisterSheet:
    """Read the register `xlsx`; ExportError (saying what and where, in `language`) if it is not one we can read."""
    hooks = hooks or Hooks()
    xlsx = Path(xlsx)
    tr = translator(language)
    with open_workbook(xlsx, tr) as f:
        check_container(xlsx, f, tr)
        return _parse(xlsx, f, hooks, tr)


def _parse(xlsx: Path, f: BinaryIO, hooks: Hooks, tr: Translator) -> RegisterSheet:
    if not xml_is_defused():
        raise ExportError(tr("{source}: not read: openpyxl is not using defusedxml (is it installed, and "
                             "OPENPYXL_DEFUSEDXML not set to False?), so a hostile workbook could not be refused "
                             "safely; nothing was imported", source=xlsx))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read
            f.seek(0)
            wb = load_workbook(f, read_only=True, data_only=False, keep_links=False)
            try:
                return _read_workbook(wb, xlsx, hooks, tr)
            finally:
                wb.close()
    except (ExportError, ExportCancelled):
        raise
    except Exception as exc:  # the file is untrusted input: any parser failure is "unreadable"
        if _caused_by(exc, DefusedXmlException):
            raise ExportError(tr(
                "{source}: refused: the workbook contains XML entity or DTD declarations, which Excel never "
                "writes (a hostile 'XML bomb'?); nothing was imported", source=xlsx)) from None
        raise ExportError(tr("{source}: cannot be read as an Excel workbook ({reason}); nothing was imported",
                             source=xlsx, reason=_describe(exc))) from None


def _read_workbook(wb: Any, xlsx: Path, hooks: Hooks, tr: Translator) -> RegisterSheet:
    if rr.KEYS_SHEET not in wb.sheetnames:
        raise ExportError(tr("{source}: not a gap register exported by OT 62443 Workbook (its hidden sheet {sheet} "
                             "is missing); nothing was imported", source=xlsx, sheet=repr(rr.KEYS_SHEET)))
    meta, exported_keys = _read_keys(wb[rr.KEYS_SHEET])
    _check_format(xlsx, meta, tr)
    named = _named_columns(wb)
    if not named:
        # Registers exported before columns carried ids were matched by their headings: refuse, as a
        # renamed or translated heading would silently drop (or mismatch) a column.
        raise ExportError(tr(
            "{source}: this register does not name its columns (it was exported by an earlier OT 62443 Workbook, "
            "which matched columns by their headings), so its columns cannot be matched for certain; nothing was "
            "imported. Export the register again and copy the edits into it.", source=xlsx))
    sheet_name = meta.get("register sheet", rr.REGISTER_SHEET)
    key = named.get(rr.KEY_ID)
    headings = _headings(meta)
    if key is None or key[0] not in wb.sheetnames:
        raise ExportError(tr("{source}: the {sheet} sheet has no {column} column (deleted?), so its rows cannot be "
                             "matched to the project; nothing was imported. Export the register again and copy the "
                             "edits into it.", source=xlsx, sheet=repr(sheet_name), column=repr(headings(rr.KEY))))
    sheet_name, _, header_row = key
    columns = {cid: col for cid, (sheet, col, row) in named.items() if (sheet, row) == (sheet_name, header_row)}
    _check_distinct(xlsx, sheet_name, columns, tr, headings)
    register = RegisterSheet(xlsx, sheet_name, meta, exported_keys,
                             {cid: get_column_letter(col) for cid, col in columns.items()})
    register.rows = _read_rows(wb[sheet_name], register, columns, header_row, hooks, tr)
    return register


def _headings(meta: dict[str, str]) -> Translator:
    """The words of the register's own language, in which it names its columns (English if it names none
    we know: the planner refuses that register with its own reason)."""
    try:
        return translator(Language(meta.get("language", Language.EN.value)))
    except ValueError:
        return translator(Language.EN)


def _read_keys(ws: Any) -> tuple[dict[str, str], list[str]]:
    meta: dict[str, str] = {}
    keys: list[str] = []
    in_keys = False
    for count, row in enumerate(ws.iter_rows(max_col=2, values_only=True)):
        if count > MAX_ROWS:
            break
        first = plain(row[0] if row else None)
        if in_keys:
            if first:
                keys.append(first)
        elif first == "keys":
            in_keys = True
        elif first:
            meta[first] = plain(row[1] if len(row) > 1 else None)
    return meta, keys


def _check_format(xlsx: Path, meta: dict[str, str], tr: Translator) -> None:
    """Ours, of a format this program reads, and saying which project it belongs to."""
    if meta.get("format") != rr.REGISTER_FORMAT:
        raise ExportError(tr("{source}: not a gap register exported by OT 62443 Workbook; nothing was imported",
                             source=xlsx))
    try:
        version = int(meta.get("version", ""))
    except ValueError:
        version = 0
    if version < 1:
        raise ExportError(tr("{source}: the register's format version is missing or damaged; nothing was imported",
                             source=xlsx))
    if version > rr.REGISTER_VERSION:
        raise ExportError(tr("{source}: written by a newer OT 62443 Workbook (register format {version}, this "
                             "program reads up to {supported}); nothing was imported", source=xlsx, version=version,
                             supported=rr.REGISTER_VERSION))
    if version < rr.REGISTER_VERSION or not meta.get("project id", ""):
        # Before registers carried the id, client and site were all there was to go on, and two
        # projects of one client and site could not be told apart: refuse rather than guess.
        raise ExportError(tr(
            "{source}: this register does not say which project it belongs to (it was exported before registers "
            "carried the project's id, or its hidden sheet was damaged), so it cannot be matched to the open "
            "project for certain; nothing was imported. Export the register again from this project and copy the "
            "edits into it.", source=xlsx))


def _named_columns(wb: Any) -> dict[str, tuple[str, int, int]]:
    """Column id -> (sheet, column number, header row) of every column name that still points at one
    cell. A column deleted in Excel leaves its name pointing at #REF!: that column is absent."""
    found: dict[str, tuple[str, int, int]] = {}
    for name, defined in wb.defined_names.items():
        if not name.startswith(rr.COLUMN_NAME_PREFIX):
            continue
        match = _CELL_REF.match(str(defined.attr_text or "").strip())
        if match is None:
            continue
        sheet = (match.group(1) or "").replace("''", "'") or (match.group(2) or "").strip()
        col, row = column_index_from_string(match.group(3).upper()), int(match.group(4))
        if 1 <= col <= MAX_COLUMN and 1 <= row <= MAX_SHEET_ROW:  # else no cell a register's heading is in
            found[name[len(rr.COLUMN_NAME_PREFIX):]] = (sheet, col, row)
    return found


def _check_distinct(xlsx: Path, sheet: str, columns: dict[str, int], tr: Translator, headings: Translator) -> None:
    """Two column ids on one column would read one cell as two fields: refuse the workbook."""
    seen: dict[int, str] = {}
    for column_id, col in sorted(columns.items(), key=lambda item: _ORDER.get(item[0], len(_ORDER))):
        if col in seen:
            first, second = (repr(headings(rr.HEADING[c]) if c in rr.HEADING else c) for c in (seen[col], column_id))
            raise ExportError(tr("{source}: the register's columns {first} and {second} are both named on column "
                                 "{letter} of the {sheet} sheet (were its defined names edited?); nothing was "
                                 "imported. Export the register again and copy the edits into it.", source=xlsx,
                                 first=first, second=second, letter=get_column_letter(col), sheet=repr(sheet)))
        seen[col] = column_id


def _read_rows(ws: Any, register: RegisterSheet, columns: dict[str, int], header_row: int,
               hooks: Hooks, tr: Translator) -> list[RegisterRow]:
    wanted = [(cid, col - 1) for cid, col in columns.items() if cid in _IMPORTED]
    total = ws.max_row if isinstance(ws.max_row, int) and ws.max_row > header_row else header_row + 1
    ws.reset_dimensions()  # a sheet that under-states its size must not hide rows from the import
    rows: list[RegisterRow] = []
    # Read each row no wider than the register's columns: a row with a cell far to the right (XFD)
    # would otherwise come back 16,384 cells wide, and 200,000 of them took minutes.
    width = max(columns.values())
    for number, cells in enumerate(ws.iter_rows(min_row=header_row + 1, max_col=width), header_row + 1):
        if number - header_row > MAX_ROWS:
            raise ExportError(tr("{source}: the {sheet} sheet has more than {n} rows, far more than a gap register; "
                                 "nothing was imported", source=register.source, sheet=repr(register.sheet),
                                 n=tr.count(MAX_ROWS)))
        if number % STEP_ROWS == 0:
            hooks.step(min(number, total), total)
        if all(cell.value is None or cell.value == "" for cell in cells):
            continue
        picked: dict[str, RegisterCell] = {}
        for column_id, index in wanted:
            cell = cells[index] if index < len(cells) else None
            if cell is not None and cell.value is not None:
                picked[column_id] = RegisterCell(cell.value, cell.data_type)
        rows.append(RegisterRow(number, picked))
    hooks.step(total, total)
    return rows


_ORDER = {c.id: i for i, c in enumerate(rr.COLUMNS)}
_IMPORTED = frozenset({rr.KEY_ID, *(rr.COLUMN_ID[c] for c in rr.EDITABLE_COLUMNS)})


def plain(value: Any) -> str:
    """A cell's value as text the way the import compares it (numbers without '.0', ISO dates)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return clean_text(str(value)).strip()


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    """True when `exc` or an exception it wraps is a `kind` (openpyxl re-raises parse errors)."""
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return False
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _describe(exc: BaseException) -> str:
    text = one_line(str(exc), 160)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
