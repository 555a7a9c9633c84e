"""Every use of openpyxl's internals, in one module (STYLE 14): streaming styled cells fast.

Written against openpyxl 3.1 (pyproject pins >=3.1,<3.2). What it relies on is listed in
RELIES_ON; tests/exports/test_xlsx_stream.py checks each item and names the installed
openpyxl version when a release no longer provides it. Nothing else in the program touches
an underscore name of openpyxl, its cells' style arrays or its worksheet writer.

Why internals at all: a 100-zone register is some 300,000 cells. openpyxl's public path
resolves fonts and fills per cell and, in write-only mode, raises and catches an error for
every styled cell; sharing prebuilt style arrays and reusing one cell per column keeps the
register within 1.5x of openpyxl writing the same values with no styles at all.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell import Cell as OpenpyxlCell  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles.cell_style import StyleArray as OpenpyxlStyleArray  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet._write_only import WriteOnlyWorksheet  # type: ignore[import-untyped]
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
    "WriteOnlyWorksheet.calculate_dimension(): called once at save for the sheet's <dimension>",
    "openpyxl.xml.functions.iterparse: the parser openpyxl reads worksheets with (defusedxml or not)",
)

StyleArray = Any  # openpyxl.styles.cell_style.StyleArray (untyped)
Cell = Any

LINE_HEIGHT = 14.5  # points per line of 11 pt text
CHARS_PER_WIDTH = 1.2  # prose characters per unit of column width (the width of a "0")
BOLD_WIDTH = 0.75  # bold headings: fewer characters per line
MAX_ROW_HEIGHT = 409  # Excel's limit


def new_workbook() -> Any:
    """A write-only (streaming) workbook."""
    return Workbook(write_only=True)


class _StreamSheet(WriteOnlyWorksheet):  # type: ignore[misc]
    """A write-only sheet that takes ready-made cells as they are.

    openpyxl's own row conversion first tries every value as a plain value and, for a styled
    cell, raises and catches an error and then allocates a fresh cell: that doubled the cost
    of a styled register. Plain values are still converted the way openpyxl does it.
    """

    def _values_to_row(self, values: Sequence[Any], row_idx: int) -> Iterator[Any]:
        for column, value in enumerate(values, 1):
            if value is None:
                continue
            cell = value if isinstance(value, OpenpyxlCell) else WriteOnlyCell(self, value)
            cell.column = column
            cell.row = row_idx
            yield cell


def stream_sheet(wb: Any, title: str) -> Any:
    """A streaming sheet; falls back to openpyxl's own if its internals ever change shape."""
    if callable(getattr(WriteOnlyWorksheet, "_values_to_row", None)) and callable(getattr(wb, "_add_sheet", None)):
        ws = _StreamSheet(parent=wb, title=title)
        wb._add_sheet(ws)
        return ws
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


class CellMaker:
    """Style arrays built once and shared by many cells (they are never changed after this).

    Cells are created against one sheet but may be appended to any sheet of the workbook:
    writing them only uses workbook-level state (the style table, the date epoch).
    """

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.plain: StyleArray = WriteOnlyCell(ws)._style
        self._quoted: dict[int, StyleArray] = {}

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
        if isinstance(value, str):
            cell.data_type = "s"
        cell._style = style
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


class TableStream:
    """Appends rows to a streaming sheet, each row as high as its wrapped text needs (neither
    LibreOffice nor every Excel fits row heights on open).

    One cell object per column is reused for every row: a row is written out in full before
    `append` returns, so the cells are free again for the next one. Strings are always
    string cells; dates take `date_style` / `datetime_style` before they are bound, so
    openpyxl never rewrites a shared style array.
    """

    def __init__(self, ws: Any, maker: CellMaker, columns: Sequence[StreamColumn], *, rows: int,
                 date_style: StyleArray, datetime_style: StyleArray, on_row: Callable[[], None]) -> None:
        self.ws, self.on_row = ws, on_row
        self.date_style, self.datetime_style = date_style, datetime_style
        self.plan = [(WriteOnlyCell(ws), c.style, maker.quoted(c.style), c.wrap_width) for c in columns]
        self.next = 1
        declare_size(ws, f"A1:{get_column_letter(len(columns))}{rows + 1}")  # the header and `rows` rows

    def header(self, cells: Sequence[Cell], lines: int) -> None:
        self._append(list(cells), lines)

    def row(self, values: Sequence[Any]) -> None:
        out: list[Any] = []
        lines = 1
        for (cell, style, quoted, width), value in zip(self.plan, values, strict=True):
            if value is None or value == "":
                out.append(None)
                continue
            if isinstance(value, str):
                text = clean_text(value)
                if not text:
                    out.append(None)
                    continue
                cell._style = quoted if looks_like_formula(text) else style
                cell.value = text
                cell.data_type = "s"  # never a formula, whatever the text starts with
                if width:
                    lines = max(lines, wrapped_lines(text, width))
            else:
                if isinstance(value, datetime):
                    cell._style = self.datetime_style
                elif isinstance(value, date):
                    cell._style = self.date_style
                else:
                    cell._style = style
                cell.value = value
            out.append(cell)
        self._append(out, lines)
        self.on_row()

    def _append(self, cells: list[Any], lines: int) -> None:
        if lines > 1:
            self.ws.row_dimensions[self.next].height = row_height(lines)
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

