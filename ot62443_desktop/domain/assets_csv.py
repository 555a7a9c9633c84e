"""A zone's asset list from the asset owner's inventory, as CSV: all of it, or nothing and why.

The file has a header row naming its columns (name, type, vendor_model, firmware, notes, in any
order; only name is required). Excel writes CSV with the list separator of the machine's locale,
a semicolon in French, so the separator is read from the header. A file that is not UTF-8 is read
as Windows-1252, which is what Excel on Windows saves. A row that cannot be an asset is reported
with its line number and nothing is imported: a half-imported inventory looks complete and is not.
The problems are codes with facts, phrased in the reader's language by whoever shows them.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from ot62443_desktop.domain.model import Asset, ModelError

COLUMNS = ("name", "type", "vendor_model", "firmware", "notes")
MAX_BYTES = 2_000_000  # far more than any zone's inventory; a bigger file is the wrong file
MAX_ASSETS = 2000
_SEPARATORS = (",", ";", "\t")


class Problem(StrEnum):
    EMPTY = "empty"  # no header row
    TOO_LARGE = "too_large"  # detail: the limit in bytes
    NOT_TEXT = "not_text"  # binary data (a spreadsheet, not its CSV)
    NO_NAME_COLUMN = "no_name_column"  # detail: the header as read
    UNKNOWN_COLUMN = "unknown_column"  # detail: the column
    DUPLICATE_COLUMN = "duplicate_column"  # detail: the column
    TOO_MANY_ROWS = "too_many_rows"  # detail: the limit
    NO_NAME = "no_name"  # a row whose name is empty
    EXTRA_FIELDS = "extra_fields"  # detail: how many fields the row has
    BAD_QUOTES = "bad_quotes"  # detail: what the CSV reader said


class AssetCsvError(ValueError):
    """The whole file is refused (no header, an unknown column, not text...)."""

    def __init__(self, problem: Problem, detail: str = "") -> None:
        super().__init__(problem, detail)  # the arguments, so that it pickles (from a job) as itself
        self.problem = problem
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.problem.value}: {self.detail}" if self.detail else self.problem.value


@dataclass(frozen=True)
class RefusedRow:
    line: int  # 1-based line of the file, the header being line 1
    problem: Problem
    detail: str = ""


@dataclass(frozen=True)
class AssetImport:
    assets: tuple[Asset, ...]
    refused: tuple[RefusedRow, ...]  # not empty: import none of `assets`


def read_assets_csv(data: bytes, aliases: Mapping[str, str] | None = None) -> AssetImport:
    """The assets of an inventory CSV, with every row refused; AssetCsvError if the file is not one.
    `aliases` maps other header names (as `column_key` gives them) to COLUMNS: the GUI's own headings."""
    if len(data) > MAX_BYTES:
        raise AssetCsvError(Problem.TOO_LARGE, str(MAX_BYTES))
    if b"\x00" in data:
        raise AssetCsvError(Problem.NOT_TEXT)
    text = _decoded(data)
    header_line = next((line for line in text.splitlines() if line.strip()), "")
    if not header_line:
        raise AssetCsvError(Problem.EMPTY)
    separator = max(_SEPARATORS, key=header_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    try:
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        return AssetImport((), (RefusedRow(reader.line_num, Problem.BAD_QUOTES, str(exc)),))
    rows = [(line, row) for line, row in rows if any(field.strip() for field in row)]
    columns = _columns(rows[0][1], aliases or {})
    if len(rows) - 1 > MAX_ASSETS:
        raise AssetCsvError(Problem.TOO_MANY_ROWS, str(MAX_ASSETS))
    assets, refused = [], []
    for line, row in rows[1:]:
        if len(row) > len(columns) and any(field.strip() for field in row[len(columns):]):
            refused.append(RefusedRow(line, Problem.EXTRA_FIELDS, str(len(row))))
            continue
        fields = dict(zip(columns, (" ".join(field.split()) for field in row), strict=False))
        try:
            assets.append(Asset(**{column: fields.get(column, "") for column in COLUMNS}))
        except ModelError:
            refused.append(RefusedRow(line, Problem.NO_NAME))
    return AssetImport(tuple(assets), tuple(refused))


def _decoded(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def column_key(heading: str) -> str:
    """A heading as it is matched: "Vendor / Model" and "vendor-model" read vendor_model, "Modèle" modele."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", heading) if not unicodedata.combining(c))
    return "_".join(plain.lower().replace("/", " ").replace("-", " ").split())


def _columns(header: list[str], aliases: Mapping[str, str]) -> list[str]:
    """The header's columns as COLUMNS names."""
    columns: list[str] = []
    while header and not header[-1].strip():  # "name;type;" : Excel's trailing separator
        header = header[:-1]
    for cell in header:
        column = aliases.get(column_key(cell), column_key(cell))
        if column not in COLUMNS:
            raise AssetCsvError(Problem.UNKNOWN_COLUMN, cell.strip())
        if column in columns:
            raise AssetCsvError(Problem.DUPLICATE_COLUMN, cell.strip())
        columns.append(column)
    if "name" not in columns:
        raise AssetCsvError(Problem.NO_NAME_COLUMN, ", ".join(header))
    return columns
