"""Every use of openpyxl's internals, in one module (STYLE 14): streaming styled cells fast.

Written against openpyxl 3.1 (pyproject pins >=3.1,<3.2). What it relies on is listed in
RELIES_ON; tests/exports/test_xlsx_stream.py checks each item and names the installed
openpyxl version when a release no longer provides it. Nothing else in the program touches
an underscore name of openpyxl, its cells' style arrays or its worksheet writer.

Why internals at all: a 100-zone register is some 300,000 cells. openpyxl's public path
resolves fonts and fills per cell, in write-only mode raises and catches an error for every
styled cell, and looks each cell's style up in the workbook's style table as it writes it.
Here each distinct style is looked up once, each column reuses one cell per style, and text
already cleaned is stored without openpyxl checking it again, which keeps the register well
within 1.5x of openpyxl writing the same values with no styles at all.
"""

from __future__ import annotations

import contextlib
import io
import os
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl import __version__ as openpyxl_version
from openpyxl.cell import Cell as OpenpyxlCell  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell
from openpyxl.compat import safe_string  # type: ignore[import-untyped]
from openpyxl.styles.cell_style import StyleArray as OpenpyxlStyleArray  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet._write_only import WriteOnlyWorksheet  # type: ignore[import-untyped]
from openpyxl.worksheet._writer import WorksheetWriter  # type: ignore[import-untyped]
from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]
from openpyxl.xml import functions as openpyxl_xml  # type: ignore[import-untyped]

from ot62443_desktop.exports.cell_text import clean_text, looks_like_formula

OPENPYXL_SERIES = "3.1"
RELIES_ON: tuple[str, ...] = (
    "openpyxl.worksheet._write_only.WriteOnlyWorksheet._values_to_row(values, row_idx): how append() "
    "turns a row into cells (overridden by _StreamSheet)",
    "Workbook._add_sheet(sheet): adds a sheet made outside create_sheet",
    "WriteOnlyWorksheet._writer (close(), cleanup()), ._rows and .closed: the temporary file of a sheet "
    "that was never saved",
    "Cell._style: the cell's StyleArray (None for an unstyled cell; openpyxl.styles.cell_style.StyleArray, "
    "with its quotePrefix flag), shared between cells",
    "Cell.style_id and Cell.has_style: all the sheet writer asks a cell about its style (shadowed by "
    "_KnownStyleCell's slots); Workbook._cell_styles.add(style_array): a style's index in the style table",
    "Cell._value and Cell.data_type: a value the writer writes as it is (what Cell.value= would store after "
    "its checks, which clean_text has made already)",
    "WriteOnlyWorksheet.row_dimensions: a dict the sheet writer reads each row's attributes from "
    "(dims.get(row, {})), so a plain dict of them stands in for a RowDimension",
    "WriteOnlyWorksheet.calculate_dimension(): called once at save for the sheet's <dimension>",
    "openpyxl.xml.functions.iterparse: the parser openpyxl reads worksheets with (defusedxml or not)",
    "WriteOnlyWorksheet._get_writer(): makes the sheet's ._writer and writes its top (overridden by _StreamSheet "
    "so a workbook in memory gets a WorksheetWriter(ws, out=BytesIO()), whose cleanup() removes no file)",
    "openpyxl.writer.excel.ExcelWriter(workbook, archive).save(): what Workbook.save does with a zip archive; "
    "it adds a streamed sheet as archive.write(ws._writer.out, name), every other part with writestr",
)

StyleArray = Any  # openpyxl.styles.cell_style.StyleArray (untyped)
Cell = Any

LINE_HEIGHT = 14.5  # points per line of 11 pt text
CHARS_PER_WIDTH = 1.2  # prose characters per unit of column width (the width of a "0")
BOLD_WIDTH = 0.75  # bold headings: fewer characters per line
MAX_ROW_HEIGHT = 409  # Excel's limit


def new_workbook(*, in_memory: bool = False) -> Any:
    """A write-only (streaming) workbook. `in_memory`: its sheets are kept in memory instead of
    openpyxl's temporary files, so nothing of it reaches the disk but what is done with its bytes
    (an encrypted register, of which only the encrypted file may)."""
    return _MemoryWorkbook(write_only=True) if in_memory else Workbook(write_only=True)


class _MemoryWorkbook(Workbook):  # type: ignore[misc]
    """A write-only workbook whose sheets are written into memory (see _StreamSheet._get_writer)."""

    def save(self, filename: Any) -> None:
        """What Workbook.save does, into an archive that takes the sheets from memory."""
        self.properties.modified = datetime.now(UTC).replace(tzinfo=None)
        ExcelWriter(self, _MemoryArchive(filename, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()


class _MemorySheetWriter(WorksheetWriter):  # type: ignore[misc]
    """openpyxl's sheet writer with a BytesIO where it would make a temporary file."""

    def __init__(self, ws: Any) -> None:
        super().__init__(ws, out=io.BytesIO())

    def cleanup(self) -> None:
        self.out = io.BytesIO()  # the sheet is in the archive now: let its bytes go


class _MemoryArchive(zipfile.ZipFile):
    """A zip that takes a sheet held in memory where openpyxl hands it the name of a temporary file."""

    def write(self, filename: Any, arcname: str | os.PathLike[str] | None = None, compress_type: int | None = None,
              compresslevel: int | None = None) -> None:
        if not isinstance(filename, io.BytesIO):
            super().write(filename, arcname, compress_type, compresslevel)
            return
        if arcname is None:
            raise ValueError("a sheet held in memory needs its name in the archive")
        self.writestr(os.fspath(arcname), filename.getbuffer(), compress_type, compresslevel)


class _StreamSheet(WriteOnlyWorksheet):  # type: ignore[misc]
    """A write-only sheet that takes ready-made cells as they are.

    openpyxl's own row conversion first tries every value as a plain value and, for a styled
    cell, raises and catches an error and then allocates a fresh cell: that doubled the cost
    of a styled register. Plain values are still converted the way openpyxl does it.
    """

    _writer: Any

    def _values_to_row(self, values: Sequence[Any], row_idx: int) -> Iterator[Any]:
        for column, value in enumerate(values, 1):
            if value is None:
                continue
            cell = value if isinstance(value, OpenpyxlCell) else WriteOnlyCell(self, value)
            cell.column = column
            cell.row = row_idx
            yield cell

    def _get_writer(self) -> None:
        if self._writer is None and isinstance(self.parent, _MemoryWorkbook):
            self._writer = _MemorySheetWriter(self)
            self._writer.write_top()
        super()._get_writer()


def stream_sheet(wb: Any, title: str) -> Any:
    """A streaming sheet; falls back to openpyxl's own if its internals ever change shape (but for a
    workbook in memory: openpyxl's own sheets always write a temporary file)."""
    if callable(getattr(WriteOnlyWorksheet, "_values_to_row", None)) and callable(getattr(wb, "_add_sheet", None)):
        ws = _StreamSheet(parent=wb, title=title)
        wb._add_sheet(ws)
        return ws
    if isinstance(wb, _MemoryWorkbook):
        raise RuntimeError(f"openpyxl {openpyxl_version} cannot stream a sheet held in memory (see RELIES_ON)")
    return wb.create_sheet(title)


def discard(wb: Any) -> None:
    """Remove the temporary files of write-only sheets that were never saved (cancel, error)."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None or getattr(ws, "closed", True):
            continue
        with contextlib.suppress(Exception):  # best effort: the export is failing already
            if ws._rows is not None:
                ws._rows.close()
            writer.close()
        with contextlib.suppress(OSError, ValueError):
            writer.cleanup()


def declare_size(ws: Any, ref: str) -> None:
    """Give a streamed sheet its <dimension> (call before the first row): without it, readers
    such as openpyxl's read-only mode parse the whole sheet just to learn its size."""
    ws.calculate_dimension = lambda: ref


def xml_is_defused() -> bool:
    """True when openpyxl parses worksheets and shared strings with defusedxml, which refuses
    entity declarations (billion laughs, external entities) instead of expanding them."""
    return str(getattr(openpyxl_xml.iterparse, "__module__", "")).startswith("defusedxml")


def text_only(ws: Any, value: str) -> Any:
    """A string for a sheet without styles that stays a string even when it looks like a formula."""
    text = clean_text(value)
    if not looks_like_formula(text):
        return text
    cell = WriteOnlyCell(ws, text)
    cell.data_type = "s"
    return cell


class _KnownStyleCell(OpenpyxlCell):  # type: ignore[misc]
    """A cell whose style's index in the workbook's style table was looked up once, for its style,
    rather than by openpyxl's writer for every cell written (hashing the style array each time).
    The slots shadow openpyxl's style_id / has_style properties, all its writer asks a cell."""

    __slots__ = ("style_id", "has_style")


def set_row_height(ws: Any, row: int, points: float) -> None:
    """Give row `row` of a streamed sheet its height (before the row is appended). The attributes go in
    as the plain dict the writer reads them as: a RowDimension per row cost more than its row's cells."""
    dict.__setitem__(ws.row_dimensions, row, {"ht": safe_string(points), "customHeight": "1"})


class CellMaker:
    """Style arrays built once and shared by many cells (they are never changed after this).

    Cells are created against one sheet but may be appended to any sheet of the workbook:
    writing them only uses workbook-level state (the style table, the date epoch).
    """

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.plain: StyleArray = WriteOnlyCell(ws)._style
        self._quoted: dict[int, StyleArray] = {}
        self._ids: dict[int, tuple[StyleArray, int]] = {}  # id(style) -> (style, index in the style table)

    def known_cell(self, style: StyleArray) -> Any:
        """An empty cell of `style` with its style-table index already looked up. The style array must
        never change afterwards (none of this module's do)."""
        cell = _KnownStyleCell(self.ws)
        cell._style = style
        cell.has_style = style is not None and any(style)
        cell.style_id = self._style_id(style) if cell.has_style else 0
        return cell

    def _style_id(self, style: StyleArray) -> int:
        known = self._ids.get(id(style))
        if known is None:  # the array is kept with its index, so its id() cannot be reused meanwhile
            known = self._ids[id(style)] = (style, self.ws.parent._cell_styles.add(style))
        return known[1]

    def style(self, **attributes: Any) -> StyleArray:
        """A style array from cell attributes (font=, fill=, alignment=, border=, number_format=)."""
        cell = WriteOnlyCell(self.ws)
        for name, value in attributes.items():
            setattr(cell, name, value)
        return cell._style

    def quoted(self, style: StyleArray) -> StyleArray:
        """The twin of `style` with Excel's quote prefix, so editing a formula-like text keeps it text."""
        twin = self._quoted.get(id(style))
        if twin is None:
            twin = OpenpyxlStyleArray() if style is None else OpenpyxlStyleArray(style)  # a plain cell has None
            twin.quotePrefix = 1
            self._quoted[id(style)] = twin
        return twin

    def cell(self, value: Any, style: StyleArray) -> Cell:
        """A styled cell; strings are always string cells, whatever they start with."""
        cell = WriteOnlyCell(self.ws, value)  # binds the value (and a date's format) on its own array
        known = self.known_cell(style)
        known._value, known.data_type = cell._value, "s" if isinstance(value, str) else cell.data_type
        return known

    def own_cell(self, value: Any, style: StyleArray) -> Cell:
        """A cell with a copy of `style` of its own, for a value openpyxl converts itself (a time of day
        takes a time format, which must not reach the shared array)."""
        cell = WriteOnlyCell(self.ws)
        cell._style = OpenpyxlStyleArray() if style is None else OpenpyxlStyleArray(style)
        cell.value = value
        return cell

    def text_cell(self, value: str, style: StyleArray) -> Cell | None:
        """User or catalogue text: None when empty, quote-prefixed when it looks like a formula."""
        text = clean_text(value)
        if not text:
            return None
        return self.cell(text, self.quoted(style) if looks_like_formula(text) else style)


@dataclass(frozen=True)
class StreamColumn:
    """How a TableStream writes one column: its style, and its width when its text wraps."""

    style: StyleArray
    wrap_width: float = 0.0  # 0: the column does not wrap, so it never makes a row taller


class _ColumnCells:
    """The cells one column of a TableStream reuses, one per style it may take."""

    __slots__ = ("text", "quoted", "date", "datetime", "wrap_width")

    def __init__(self, maker: CellMaker, column: StreamColumn, date_style: StyleArray,
                 datetime_style: StyleArray) -> None:
        self.text, self.quoted = maker.known_cell(column.style), maker.known_cell(maker.quoted(column.style))
        self.date, self.datetime = maker.known_cell(date_style), maker.known_cell(datetime_style)
        self.wrap_width = column.wrap_width


class TableStream:
    """Appends rows to a streaming sheet, each row as high as its wrapped text needs (neither
    LibreOffice nor every Excel fits row heights on open).

    Each column reuses one cell per style (its own, its quote-prefixed twin, the date and date-time
    styles): a row is written out in full before `append` returns, so the cells are free again for
    the next one. Strings are always string cells; text is cleaned once (clean_text), so it is
    stored as it is rather than checked again by openpyxl; numbers and dates are stored with their
    cell type. Any other value goes through openpyxl's own conversion in a cell of its own.
    """

    def __init__(self, ws: Any, maker: CellMaker, columns: Sequence[StreamColumn], *, rows: int,
                 date_style: StyleArray, datetime_style: StyleArray, on_row: Callable[[], None]) -> None:
        self.ws, self.maker, self.on_row = ws, maker, on_row
        self.plan = [_ColumnCells(maker, c, date_style, datetime_style) for c in columns]
        self.next = 1
        declare_size(ws, f"A1:{get_column_letter(len(columns))}{rows + 1}")  # the header and `rows` rows

    def header(self, cells: Sequence[Cell], lines: int) -> None:
        self._append(list(cells), lines)

    def row(self, values: Sequence[Any]) -> None:
        out: list[Any] = []
        lines = 1
        for cells, value in zip(self.plan, values, strict=True):
            kind = type(value)
            if kind is str or isinstance(value, str):
                text = clean_text(str(value))
                if not text:
                    out.append(None)
                    continue
                cell = cells.quoted if looks_like_formula(text) else cells.text
                cell._value, cell.data_type = text, "s"  # never a formula, whatever the text starts with
                if cells.wrap_width:
                    lines = max(lines, wrapped_lines(text, cells.wrap_width))
            elif value is None:
                out.append(None)
                continue
            elif kind is int or kind is float:
                cell = cells.text
                cell._value, cell.data_type = value, "n"
            elif kind is datetime:
                cell = cells.datetime
                cell._value, cell.data_type = value, "d"
            elif kind is date:
                cell = cells.date
                cell._value, cell.data_type = value, "d"
            else:
                cell = self.maker.own_cell(value, cells.text._style)
            out.append(cell)
        self._append(out, lines)
        self.on_row()

    def _append(self, cells: list[Any], lines: int) -> None:
        if lines > 1:
            set_row_height(self.ws, self.next, row_height(lines))
        self.ws.append(cells)
        self.next += 1


def row_height(lines: int) -> float:
    """Points for a row of `lines` lines of text, within Excel's limit."""
    return min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 3)


def wrapped_lines(text: str, width: float) -> int:
    """Lines `text` takes in a wrapped column of `width` (an estimate: no font metrics here)."""
    per_line = max(1, int(width * CHARS_PER_WIDTH))
    if len(text) <= per_line and "\n" not in text:
        return 1
    return sum(max(1, -(-len(paragraph) // per_line)) for paragraph in text.split("\n"))

