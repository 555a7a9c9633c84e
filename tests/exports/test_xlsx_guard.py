"""What an import reads of an untrusted workbook is capped before openpyxl parses anything
(issue 10, item 8: a 1.4 MB file that unpacked to 500 MB of shared strings took six minutes)."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from ot62443_desktop.api import Project
from ot62443_desktop.exports import register_reader, xlsx_guard
from ot62443_desktop.exports.progress import ExportError
from tests.exports.test_register_import import export, import_register

SST_TYPE = xlsx_guard.SHARED_STRINGS_TYPE
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def rebuilt(source: Path, path: Path, parts: dict[str, bytes], strings_part: str | None = None) -> Path:
    """`source` with `parts` added or replaced; `strings_part` is declared as the shared strings."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename in parts:
                continue
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml" and strings_part:
                data = data.replace(b"</Types>", f'<Override ContentType="{SST_TYPE}" PartName="/{strings_part}"/>'
                                    "</Types>".encode())
            dst.writestr(item, data)
        for name, data in parts.items():
            dst.writestr(name, data)
    return path


def shared_strings(count: int, prefix: str = "") -> bytes:
    tag = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{MAIN_NS}"' if prefix else f'xmlns="{MAIN_NS}"'
    items = "".join(f"<{tag}si><{tag}t>s{n}</{tag}t></{tag}si>" for n in range(count))
    return f'<{tag}sst {xmlns} count="{count}" uniqueCount="{count}">{items}</{tag}sst>'.encode()


def unsized_sheet(rows: int, *, sized: bool = False) -> bytes:
    """A worksheet part of `rows` empty rows, with or without the <dimension> openpyxl looks for first."""
    dimension = f'<dimension ref="A1:A{rows}"/>' if sized else ""
    body = "".join(f'<row r="{n}" spans="1:{n % 97 + 1}"/>' for n in range(1, rows + 1))
    return f'<worksheet xmlns="{MAIN_NS}">{dimension}<sheetData>{body}</sheetData></worksheet>'.encode()


def test_a_sheet_that_gives_its_size_first_is_not_counted(plant: Project, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_guard, "MAX_UNSIZED_ELEMENTS", 5_000)
    source = export(plant, tmp_path / "register.xlsx")
    path = rebuilt(source, tmp_path / "sized.xlsx", {"xl/worksheets/sheet4.xml": unsized_sheet(5_001, sized=True)})
    with xlsx_guard.open_workbook(path) as f:
        xlsx_guard.check_container(path, f)  # no refusal: Excel, LibreOffice and openpyxl all write the size


def refused(plant: Project, path: Path, message: str) -> None:
    before = plant.store.snapshot()
    with pytest.raises(ExportError) as error:
        import_register(plant.store, plant.catalogues, path)
    assert message in str(error.value) and "nothing was imported" in str(error.value)
    assert plant.store.snapshot() == before


def never_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    def load_workbook(*args: object, **kwargs: object) -> None:
        raise AssertionError("openpyxl was asked to parse a workbook the guard should have refused")

    monkeypatch.setattr(register_reader, "load_workbook", load_workbook)


Case = tuple[dict[str, int], Callable[[Path, Path], Path], str]
CASES: dict[str, Case] = {
    "too many parts": (
        {"MAX_MEMBERS": 40},
        lambda src, tmp: rebuilt(src, tmp / "parts.xlsx", {f"xl/media/p{n}.bin": b"x" for n in range(40)}),
        "parts, far more than a gap register (a zip bomb?)"),
    "a part over its limit": (
        {"MAX_MEMBER_BYTES": 2**20},
        lambda src, tmp: rebuilt(src, tmp / "part.xlsx", {"xl/media/big.bin": bytes(range(256)) * 8193}),
        "its part 'xl/media/big.bin' unpacks to 2 MB (limit 1 MB)"),
    "a part that unpacks hundreds of times its size": (
        {},
        lambda src, tmp: rebuilt(src, tmp / "ratio.xlsx", {"xl/media/zeros.bin": bytes(3 * 2**20)}),
        "times its packed size (limit 100)"),
    "shared strings over their limit": (
        {"MAX_SHARED_STRINGS_BYTES": 2**20, "MAX_RATIO": 10**6},
        lambda src, tmp: rebuilt(src, tmp / "sst.xlsx", {"xl/sharedStrings.xml": shared_strings(80_000)},
                                 "xl/sharedStrings.xml"),
        "its shared strings unpack to"),
    "too many shared strings": (
        {"MAX_SHARED_STRINGS": 5_000},
        lambda src, tmp: rebuilt(src, tmp / "count.xlsx", {"xl/sharedStrings.xml": shared_strings(5_001)},
                                 "xl/sharedStrings.xml"),
        "it holds more than 5,000 shared strings"),
    "a sheet without a size and too many rows": (
        {"MAX_UNSIZED_ELEMENTS": 5_000},
        lambda src, tmp: rebuilt(src, tmp / "unsized.xlsx", {"xl/worksheets/sheet4.xml": unsized_sheet(5_001)}),
        "is a sheet without a size and more than 5,000 elements"),
    "too many shared strings, prefixed, in a part of another name": (
        {"MAX_SHARED_STRINGS": 5_000},
        lambda src, tmp: rebuilt(src, tmp / "renamed.xlsx", {"xl/words.xml": shared_strings(5_001, "x")},
                                 "xl/words.xml"),
        "it holds more than 5,000 shared strings"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_workbook_over_a_limit_is_refused_before_it_is_parsed(
        plant: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    limits, make, message = CASES[case]
    for name, value in limits.items():  # small limits keep the crafted files small
        monkeypatch.setattr(xlsx_guard, name, value)
    path = make(export(plant, tmp_path / "register.xlsx"), tmp_path)
    assert path.stat().st_size < 600_000
    never_parsed(monkeypatch)
    refused(plant, path, message)


def test_the_real_limits_leave_room_for_a_100_zone_register() -> None:
    """The 100-zone demo register: 3.7 MB, 26.5 MB unpacked, its largest part 10.5 MB, ratios up to 11."""
    assert xlsx_guard.MAX_UNPACKED_BYTES >= 2 * 26.5 * 2**20
    assert xlsx_guard.MAX_MEMBER_BYTES >= 3 * 10.5 * 2**20 and xlsx_guard.MAX_RATIO >= 5 * 11
    assert xlsx_guard.MAX_UNPACKED_BYTES <= 100 * 2**20


def test_a_count_at_the_limit_is_accepted(plant: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_guard, "MAX_SHARED_STRINGS", 5_000)
    monkeypatch.setattr(xlsx_guard, "_CHUNK", 4096)  # items cut by chunk boundaries are still counted once
    path = rebuilt(export(plant, tmp_path / "register.xlsx"), tmp_path / "ok.xlsx",
                   {"xl/sharedStrings.xml": shared_strings(5_000)}, "xl/sharedStrings.xml")
    with zipfile.ZipFile(path) as archive:
        assert xlsx_guard._count_items(archive, "xl/sharedStrings.xml") == 5_000
    report = import_register(plant.store, plant.catalogues, path, dry_run=True)
    assert report.ok


def _lie_about_size(path: Path, name: str, declared: int) -> None:
    """Rewrite the zip's local and central headers of `name` to state `declared` unpacked bytes."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        struct.pack_into("<I", data, archive.getinfo(name).header_offset + 22, declared)
    entry = data.find(b"PK\x01\x02")
    while entry != -1:
        length = struct.unpack_from("<H", data, entry + 28)[0]
        if data[entry + 46:entry + 46 + length] == name.encode():
            struct.pack_into("<I", data, entry + 24, declared)
            path.write_bytes(bytes(data))
            return
        entry = data.find(b"PK\x01\x02", entry + 4)
    raise AssertionError(f"{name} is not in the central directory")


def test_a_part_holding_more_than_it_states_is_never_read_past_its_stated_size(
        plant: Project, tmp_path: Path) -> None:
    """The guard trusts the stated sizes because zipfile stops there (and the CRC check then fails)."""
    path = rebuilt(export(plant, tmp_path / "register.xlsx"), tmp_path / "liar.xlsx",
                   {"xl/sharedStrings.xml": shared_strings(300_000)}, "xl/sharedStrings.xml")
    _lie_about_size(path, "xl/sharedStrings.xml", 1000)
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/sharedStrings.xml").file_size == 1000
        with archive.open("xl/sharedStrings.xml") as f, pytest.raises(zipfile.BadZipFile, match="CRC"):
            f.read()
    refused(plant, path, "not an Excel .xlsx workbook (or a damaged one)")
