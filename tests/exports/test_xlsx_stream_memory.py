"""A workbook kept in memory (xlsx_stream.new_workbook(in_memory=True), for an encrypted register): what it
takes from openpyxl's internals is still there, and it writes the same workbook with no temporary file."""

from __future__ import annotations

import inspect
import io
import zipfile

from openpyxl.worksheet import _writer as openpyxl_writer
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.writer.excel import ExcelWriter

from ot62443_desktop.exports import xlsx_stream
from ot62443_desktop.exports.xlsx_stream import CellMaker, StreamColumn, TableStream
from tests.exports.test_xlsx_stream import broken


def test_the_internals_a_workbook_in_memory_uses_are_where_it_expects_them() -> None:
    assert callable(getattr(WriteOnlyWorksheet, "_get_writer", None)), broken("WriteOnlyWorksheet._get_writer")
    assert "self._get_writer()" in inspect.getsource(WriteOnlyWorksheet.append), broken(
        "append() no longer makes the sheet's writer through _get_writer")
    assert "out" in inspect.signature(openpyxl_writer.WorksheetWriter).parameters, broken(
        "WorksheetWriter(ws, out=...) no longer takes where to write")
    assert "self._archive.write(writer.out" in inspect.getsource(ExcelWriter.write_worksheet), broken(
        "ExcelWriter no longer adds a streamed sheet with archive.write(writer.out, name)")


def _workbook(in_memory: bool) -> zipfile.ZipFile:
    wb = xlsx_stream.new_workbook(in_memory=in_memory)
    ws = xlsx_stream.stream_sheet(wb, "Sheet")
    maker = CellMaker(ws)
    table = TableStream(ws, maker, [StreamColumn(maker.plain), StreamColumn(maker.plain)], rows=50,
                        date_style=maker.style(number_format="yyyy-mm-dd"),
                        datetime_style=maker.style(number_format="yyyy-mm-dd hh:mm"), on_row=lambda: None)
    table.header([maker.cell("Text", maker.plain), maker.cell("Number", maker.plain)], lines=1)
    for n in range(50):
        table.row((f"row {n}", n))
    out = io.BytesIO()
    wb.save(out)
    return zipfile.ZipFile(out)


def test_a_workbook_in_memory_writes_the_same_parts_as_one_through_temporary_files() -> None:
    memory, files = _workbook(True), _workbook(False)
    assert memory.namelist() == files.namelist()
    assert memory.read("xl/worksheets/sheet1.xml") == files.read("xl/worksheets/sheet1.xml")
    assert b"row 49" in memory.read("xl/worksheets/sheet1.xml")
