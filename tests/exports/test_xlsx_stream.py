"""What exports/xlsx_stream.py takes from openpyxl's internals is still there and still works.

Each failure names the installed openpyxl and the series the module was written against, so an
openpyxl release that moves an internal fails here, in one place, before it breaks a register.
"""

from __future__ import annotations

import inspect
import io
import zipfile
from datetime import date, datetime, time
from typing import Any

import openpyxl
import pytest
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell import _writer as openpyxl_cell_writer
from openpyxl.styles import Alignment, Font
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet import _writer as openpyxl_writer
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from ot62443_desktop.exports import xlsx_stream
from ot62443_desktop.exports.xlsx_stream import CellMaker, StreamColumn, TableStream

VERSION = openpyxl.__version__


def broken(what: str) -> str:
    return (f"openpyxl {VERSION} no longer does what exports/xlsx_stream.py relies on (it was written against "
            f"openpyxl {xlsx_stream.OPENPYXL_SERIES}.x, the range pyproject.toml pins): {what}. "
            "See xlsx_stream.RELIES_ON; adapt the module before widening the pin.")


def test_the_installed_openpyxl_is_the_series_the_stream_was_written_for() -> None:
    assert VERSION.startswith(xlsx_stream.OPENPYXL_SERIES + "."), broken("a different release series")


def test_the_internals_the_stream_uses_are_where_it_expects_them() -> None:
    parameters = list(inspect.signature(WriteOnlyWorksheet._values_to_row).parameters)
    assert parameters == ["self", "values", "row_idx"], broken(f"WriteOnlyWorksheet._values_to_row{parameters}")
    assert "_values_to_row(" in inspect.getsource(WriteOnlyWorksheet._write_rows), broken(
        "append() no longer converts rows through _values_to_row")
    wb = xlsx_stream.new_workbook()
    assert isinstance(xlsx_stream.stream_sheet(wb, "s"), xlsx_stream._StreamSheet), broken(
        "Workbook._add_sheet is gone: the export fell back to openpyxl's slower sheets")
    plain = WriteOnlyCell(wb.worksheets[0])._style
    assert plain is None or isinstance(plain, StyleArray), broken(f"Cell._style is a {type(plain).__name__}")
    assert StyleArray().quotePrefix == 0, broken("StyleArray has no quotePrefix")
    assert "calculate_dimension" in inspect.getsource(openpyxl_writer.WorksheetWriter.write_dimensions), broken(
        "the sheet writer no longer asks the sheet for calculate_dimension()")
    assert callable(getattr(openpyxl_writer.WorksheetWriter, "cleanup", None)), broken("WorksheetWriter.cleanup")
    for name in ("style_id", "has_style"):
        assert isinstance(getattr(Cell, name, None), property), broken(f"Cell.{name} is not a property to shadow")
    cell_writer = inspect.getsource(openpyxl_cell_writer._set_attributes)
    assert "cell.style_id" in cell_writer and "cell._value" in cell_writer, broken(
        "the cell writer no longer reads cell.style_id and cell._value")
    assert "cell.has_style" in inspect.getsource(openpyxl_writer.WorksheetWriter.write_row), broken(
        "the row writer no longer asks cell.has_style")
    assert "dims.get(row_idx, {})" in inspect.getsource(openpyxl_writer.WorksheetWriter.write_row), broken(
        "the row writer no longer reads a row's attributes from row_dimensions.get(row, {})")
    assert callable(getattr(wb._cell_styles, "add", None)), broken("Workbook._cell_styles.add")


def _streamed() -> bytes:
    """A two-column workbook written the way the register is: shared styles, reused cells."""
    wb = xlsx_stream.new_workbook()
    ws = xlsx_stream.stream_sheet(wb, "Sheet")
    maker = CellMaker(ws)
    bold = maker.style(font=Font(bold=True))
    wrap = maker.style(alignment=Alignment(vertical="top", wrap_text=True))
    dates = maker.style(number_format="yyyy-mm-dd")
    stamps = maker.style(number_format="yyyy-mm-dd hh:mm")
    table = TableStream(ws, maker, [StreamColumn(wrap, 10.0), StreamColumn(maker.plain)], rows=4,
                        date_style=dates, datetime_style=stamps, on_row=lambda: None)
    table.header([maker.cell("Text", bold), maker.text_cell("=not a formula", bold)], lines=1)
    for values in (("word " * 40, 7), ("=1+1", date(2026, 1, 31)), ("plain", datetime(2026, 2, 1, 9, 30)),
                   ("", None)):
        table.row(values)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_a_streamed_sheet_reads_back_as_it_was_written() -> None:
    data = _streamed()
    ws = openpyxl.load_workbook(io.BytesIO(data))["Sheet"]
    assert ws["A1"].font.bold and ws["B1"].font.bold, broken("a shared style array lost its font")
    assert (ws["B1"].value, ws["B1"].data_type, ws["B1"].quotePrefix) == ("=not a formula", "s", True), broken(
        "a quote-prefixed twin of a style array")
    assert ws["A2"].alignment.wrap_text and ws.row_dimensions[2].height > 15, broken("a wrapped row's style")
    assert (ws["B2"].value, ws["B2"].has_style) == (7, False), broken("a reused cell with the plain style")
    assert (ws["A3"].value, ws["A3"].data_type, ws["A3"].quotePrefix) == ("=1+1", "s", True), broken(
        "formula-like text streamed as a string")
    assert ws["B3"].value == datetime(2026, 1, 31) and ws["B3"].number_format == "yyyy-mm-dd", broken(
        "a date took its style before it was bound")
    assert ws["B4"].number_format == "yyyy-mm-dd hh:mm" and ws["A4"].number_format == "General", broken(
        "a date style leaked into the next cell of a reused column")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    assert b'<dimension ref="A1:B5" />' in sheet, broken("calculate_dimension() set on the sheet was not used")


def test_discard_removes_the_temporary_files_of_an_unsaved_workbook() -> None:
    before = list(openpyxl_writer.ALL_TEMP_FILES)
    wb = xlsx_stream.new_workbook()
    for title in ("one", "two"):
        ws = xlsx_stream.stream_sheet(wb, title)
        ws.append(["a row", 1])
    assert len(openpyxl_writer.ALL_TEMP_FILES) == len(before) + 2, broken("a streamed sheet's temporary file")
    xlsx_stream.discard(wb)
    assert before == openpyxl_writer.ALL_TEMP_FILES, broken("WorksheetWriter.close()/cleanup() on discard")


def test_openpyxl_reads_through_defusedxml() -> None:
    assert xlsx_stream.xml_is_defused(), broken("openpyxl.xml.functions.iterparse is not defusedxml's")


@pytest.mark.parametrize("style", [None, StyleArray([1, 2, 0, 0, 0, 3, 0, 0, 0])], ids=["plain", "styled"])
def test_a_quoted_twin_keeps_everything_but_the_quote_flag(style: Any) -> None:
    maker = CellMaker(xlsx_stream.stream_sheet(xlsx_stream.new_workbook(), "s"))
    twin = maker.quoted(style)
    assert twin.quotePrefix == 1 and maker.quoted(style) is twin
    assert list(twin)[:7] == list(style or StyleArray())[:7]


def test_each_distinct_style_is_looked_up_once_and_every_cell_of_it_carries_its_index() -> None:
    wb = xlsx_stream.new_workbook()
    ws = xlsx_stream.stream_sheet(wb, "s")
    maker = CellMaker(ws)
    bold = maker.style(font=Font(bold=True))
    first, second = maker.known_cell(bold), maker.cell("text", bold)
    assert first.style_id == second.style_id == wb._cell_styles.index(bold) > 0
    assert len(wb._cell_styles) == 2  # the default style and bold, however many cells use it
    assert not maker.known_cell(maker.plain).has_style


def test_a_value_of_another_type_takes_openpyxls_own_conversion_and_leaves_the_column_style_alone() -> None:
    """A time of day gets a time format from openpyxl in a cell of its own; the column's shared style
    array (used by the text below it) must not take that format."""
    wb = xlsx_stream.new_workbook()
    ws = xlsx_stream.stream_sheet(wb, "Sheet")
    maker = CellMaker(ws)
    wrap = maker.style(alignment=Alignment(wrap_text=True))
    table = TableStream(ws, maker, [StreamColumn(wrap)], rows=3, date_style=maker.style(number_format="yyyy-mm-dd"),
                        datetime_style=maker.style(number_format="yyyy-mm-dd hh:mm"), on_row=lambda: None)
    table.header([maker.cell("When", wrap)], lines=1)
    for value in (time(9, 30), True, "after"):
        table.row([value])
    out = io.BytesIO()
    wb.save(out)
    sheet = openpyxl.load_workbook(out)["Sheet"]
    assert sheet["A2"].value == time(9, 30) and sheet["A2"].alignment.wrap_text, broken("a time of day")
    assert sheet["A3"].value is True and sheet["A3"].data_type == "b", broken("a boolean")
    assert (sheet["A4"].value, sheet["A4"].number_format) == ("after", "General"), broken(
        "openpyxl's conversion changed a shared style array")


def test_row_heights_set_on_a_streamed_sheet_are_in_the_file() -> None:
    wb = xlsx_stream.new_workbook()
    ws = xlsx_stream.stream_sheet(wb, "Sheet")
    xlsx_stream.set_row_height(ws, 2, 43.5)
    for text in ("one", "two", "three"):
        ws.append([text])
    out = io.BytesIO()
    wb.save(out)
    sheet = openpyxl.load_workbook(out)["Sheet"]
    assert sheet.row_dimensions[2].height == 43.5 and sheet.row_dimensions[2].customHeight, broken(
        "a row height given as the row writer's attributes")
    assert sheet.row_dimensions[3].height is None
