"""A hostile or mangled register is read within bounded work, and refused (whole, or row by row)
with a message, never followed into cells or sheets that are not the register's."""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from ot62443_desktop.api import Project
from ot62443_desktop.exports import register_rows as rr
from ot62443_desktop.exports.progress import ExportError
from tests.exports.test_register_import import export, import_register

REGISTER_PART = "xl/worksheets/sheet2.xml"  # the Gap register sheet of an exported register
WORKBOOK_PART = "xl/workbook.xml"


def rewrite(path: Path, out: Path, part: str, change: Callable[[bytes], bytes]) -> Path:
    """A copy of the workbook at `path` with one zip part changed, as a hand-made hostile file would be."""
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info.filename, change(data) if info.filename == part else data)
    return out


def add_rows(rows: bytes) -> Callable[[bytes], bytes]:
    return lambda xml: xml.replace(b"</sheetData>", rows + b"</sheetData>", 1)


@pytest.fixture
def row_widths(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The width of every row openpyxl's read-only sheets hand the reader."""
    widths: list[int] = []
    blank = io.BytesIO()
    openpyxl.Workbook().save(blank)
    read_only_sheet = type(openpyxl.load_workbook(blank, read_only=True).active)
    iter_rows = read_only_sheet.iter_rows

    def spy(self: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        for row in iter_rows(self, *args, **kwargs):
            widths.append(len(row))
            yield row

    monkeypatch.setattr(read_only_sheet, "iter_rows", spy)
    return widths


def test_a_cell_in_the_last_column_does_not_make_every_row_16384_cells_wide(
        plant: Project, tmp_path: Path, row_widths: list[int]) -> None:
    # 200,000 such rows are a 1 MB file; read 16,384 cells wide they took minutes.
    rows = b"".join(b'<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>' % (r, r)
                    for r in range(100, 300))
    path = rewrite(export(plant, tmp_path / "register.xlsx"), tmp_path / "wide.xlsx", REGISTER_PART, add_rows(rows))
    before = plant.store.snapshot()
    report = import_register(plant.store, plant.catalogues, path, dry_run=True)
    assert report.changed == [] and report.refused == []  # nothing in the register's columns: blank rows
    assert row_widths and max(row_widths) <= len(rr.COLUMNS)  # no wider than the register's own columns
    assert plant.store.snapshot() == before


@pytest.mark.parametrize("target", ["$R$0", "$XFE$1", "$ZZZ$1", "$R$1048577"])
def test_a_column_name_pointing_outside_any_sheet_is_no_column(plant: Project, tmp_path: Path, target: str) -> None:
    def aim_key(xml: bytes) -> bytes:
        return re.sub(rb"(name=\"ot62443_col_key\"[^>]*>)[^<]*", rb"\1'Gap register'!" + target.encode(), xml)

    path = rewrite(export(plant, tmp_path / "register.xlsx"), tmp_path / "aimed.xlsx", WORKBOOK_PART, aim_key)
    with pytest.raises(ExportError, match="has no 'Key' column"):
        import_register(plant.store, plant.catalogues, path, dry_run=True)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_is_refused_at_once_not_waited_on(plant: Project, tmp_path: Path) -> None:
    pipe = tmp_path / "register.xlsx"
    os.mkfifo(pipe)  # nothing ever writes to it: opening it for reading used to wait forever
    before = plant.store.snapshot()
    with pytest.raises(ExportError, match="not a file"):
        import_register(plant.store, plant.catalogues, pipe)
    assert plant.store.snapshot() == before


@pytest.mark.skipif(os.name != "posix", reason="needs a POSIX device file")
def test_a_link_to_a_device_is_refused(plant: Project, tmp_path: Path) -> None:
    link = tmp_path / "register.xlsx"
    link.symlink_to(os.devnull)
    with pytest.raises(ExportError, match="not a file"):
        import_register(plant.store, plant.catalogues, link, dry_run=True)
