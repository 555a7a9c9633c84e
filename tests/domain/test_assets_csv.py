"""Asset inventories from CSV: as Excel writes them in either locale, and every bad row named."""

from __future__ import annotations

import pytest

from ot62443_desktop.domain.assets_csv import (
    MAX_BYTES,
    AssetCsvError,
    Problem,
    RefusedRow,
    column_key,
    read_assets_csv,
)
from ot62443_desktop.domain.model import Asset


def test_a_comma_separated_inventory_with_a_header_row() -> None:
    data = (b"name,type,vendor_model,firmware,notes\n"
            b"PLC-1,PLC,Siemens S7-1500,V2.9,\"line 1, pumps\"\n"
            b"\n"
            b"HMI-1,HMI,,,\n")
    found = read_assets_csv(data)
    assert found.refused == ()
    assert found.assets == (Asset("PLC-1", "PLC", "Siemens S7-1500", "V2.9", "line 1, pumps"), Asset("HMI-1", "HMI"))


def test_a_french_excel_file_semicolons_windows_1252_columns_in_another_order() -> None:
    data = "Vendor/Model;Name;Notes;\r\nSchneider M580;Automate dosage;Salle électrique\r\n".encode("cp1252")
    found = read_assets_csv(data)
    assert found.assets == (Asset("Automate dosage", vendor_model="Schneider M580", notes="Salle électrique"),)


def test_utf8_with_a_byte_order_mark_and_only_a_name_column() -> None:
    assert read_assets_csv("\ufeffname\nDébitmètre FT-101\n".encode()).assets == (Asset("Débitmètre FT-101"),)


def test_every_bad_row_is_named_with_its_line() -> None:
    data = (b"name,type\n"
            b"PLC-1,PLC\n"
            b",HMI\n"
            b"SW-1,switch,extra\n"
            b"SW-2,switch,,\n")  # empty trailing fields are no extra data
    found = read_assets_csv(data)
    assert found.refused == (RefusedRow(3, Problem.NO_NAME), RefusedRow(4, Problem.EXTRA_FIELDS, "3"))
    assert [a.name for a in found.assets] == ["PLC-1", "SW-2"]


@pytest.mark.parametrize(("data", "problem", "detail"), [
    (b"", Problem.EMPTY, ""),
    (b"\n  \n", Problem.EMPTY, ""),
    (b"name,ip address\nPLC,10.0.0.1\n", Problem.UNKNOWN_COLUMN, "ip address"),
    (b"type,firmware\nPLC,1\n", Problem.NO_NAME_COLUMN, "type, firmware"),
    (b"name,Name\nA,B\n", Problem.DUPLICATE_COLUMN, "Name"),
    (b"PK\x03\x04\x00\x00", Problem.NOT_TEXT, ""),
])
def test_a_file_that_is_no_inventory_is_refused_whole(data: bytes, problem: Problem, detail: str) -> None:
    with pytest.raises(AssetCsvError) as caught:
        read_assets_csv(data)
    assert (caught.value.problem, caught.value.detail) == (problem, detail)


def test_a_file_too_large_is_refused_before_it_is_read() -> None:
    with pytest.raises(AssetCsvError) as caught:
        read_assets_csv(b"name\n" + b"x\n" * MAX_BYTES)
    assert caught.value.problem is Problem.TOO_LARGE


def test_an_unclosed_quote_is_a_refused_row_not_a_crash() -> None:
    found = read_assets_csv(b'name,notes\nPLC,"never closed\n')
    assert [r.problem for r in found.refused] == [Problem.BAD_QUOTES]


def test_headings_in_the_gui_s_language_are_read_through_aliases() -> None:
    aliases = {column_key("Nom"): "name", column_key("Fabricant / modèle"): "vendor_model"}
    data = b"nom;FABRICANT/MODELE\nAutomate;Schneider M580\n"
    assert read_assets_csv(data, aliases).assets == (Asset("Automate", vendor_model="Schneider M580"),)
