"""The user's licensed text (SPEC 12.6): `ot62443 licensed-text import|status|remove` and the store.

The texts here are invented; no IEC wording is ever typed into a test.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from ot62443_desktop import licensed_text
from ot62443_desktop.licensed_text import MAX_FILE_BYTES, MAX_ROWS, MAX_TEXT_CHARS, Problem, Refusal
from tests.test_cli import run

SECRET = "Invented-licensed-wording-7Q3X"  # must never be repeated by a message


def write(tmp_path: Path, data: bytes | str, name: str = "text.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def stored() -> dict[str, str]:
    return dict(licensed_text.load().texts)


def test_import_status_and_remove(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Excel's French CSV: a BOM, ';' between cells, CRLF line ends, a cell of several lines."""
    data = ("\ufeffid;text\r\nSR 1.1;\"First line of the example.\r\nSecond line.\"\r\n"
            "SR 1.1 RE 1;Example for the enhancement.\r\nORG 1.1;Example for the program.\r\n;;\r\n")
    code, out, err = run(capsys, "licensed-text", "import", str(write(tmp_path, data)))
    assert (code, err) == (0, "")
    assert "imported the licensed text of 3 requirement(s)" in out and str(licensed_text.store_path()) in out
    assert stored() == {"SR 1.1": "First line of the example.\nSecond line.",
                        "SR 1.1 RE 1": "Example for the enhancement.", "ORG 1.1": "Example for the program."}
    code, out, _ = run(capsys, "licensed-text", "status")
    assert code == 0 and "licensed text of 3 requirement(s), imported from text.csv" in out
    code, out, _ = run(capsys, "licensed-text", "status", "--json")
    status = json.loads(out)
    assert status["ids"] == ["ORG 1.1", "SR 1.1", "SR 1.1 RE 1"] and status["source"] == "text.csv"
    assert "Example" not in out  # ids, never the text
    assert run(capsys, "licensed-text", "remove") == (0, "removed the licensed text of 3 requirement(s)\n", "")
    assert not licensed_text.store_path().exists() and stored() == {}
    assert run(capsys, "licensed-text", "remove") == (0, "no licensed text to remove\n", "")
    assert run(capsys, "licensed-text", "status")[1].startswith("no licensed text imported")


def test_the_store_is_outside_any_project_and_private(tmp_path: Path, data_dir: Path) -> None:
    licensed_text.import_file(write(tmp_path, "id,text\nSR 1.1,Example.\n"))
    path = licensed_text.store_path()
    assert path.parent == data_dir
    assert sorted(p.name for p in data_dir.iterdir() if p.name != "cache") == ["licensed-text.json"]  # no temp left
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_reimport_replaces_what_was_imported_before(tmp_path: Path) -> None:
    licensed_text.import_file(write(tmp_path, "id,text\nSR 1.1,Old one.\nSR 1.2,Old two.\n"))
    report = licensed_text.import_file(write(tmp_path, "id,text\nSR 1.1,New one.\nSR 2.1,New three.\n"))
    assert (report.imported, report.replaced) == (2, 2)
    assert stored() == {"SR 1.1": "New one.", "SR 2.1": "New three."}


def test_ids_written_loosely_are_taken_when_they_name_one_requirement(tmp_path: Path) -> None:
    data = "ID,Text\n sr 1.1 ,a\nSR1.1 RE1,b\nSR 1.1 RE(2),c\nuser  1.10,d\n"
    report = licensed_text.import_file(write(tmp_path, data))
    assert report.skipped == ()
    assert stored() == {"SR 1.1": "a", "SR 1.1 RE 1": "b", "SR 1.1 RE 2": "c", "USER 1.10": "d"}


def test_a_loose_id_that_could_name_two_requirements_is_skipped() -> None:
    parsed = licensed_text.parse(b"id,text\nA 1,x\na1,y\nA1,z\n", "f.csv", ["A 1", "a 1"])
    assert parsed.texts == {"A 1": "x"}
    assert [(s.row, s.problem, s.id) for s in parsed.skipped] == [(3, Problem.AMBIGUOUS_ID, "a1"),
                                                                  (4, Problem.AMBIGUOUS_ID, "A1")]


def test_columns_in_any_order_and_others_ignored(tmp_path: Path) -> None:
    report = licensed_text.import_file(write(tmp_path, "text\ttitle\tid\nExample.\tA title\tSR 3.1\n"))
    assert report.ignored_columns == ("title",) and stored() == {"SR 3.1": "Example."}


def test_rows_that_cannot_be_used_are_skipped_and_said(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = (f"id,text\nSR 1.1,{SECRET}\nSR 9.9,{SECRET}\n,{SECRET}\nSR 1.2,   \n"
            f"SR 1.3,{'x' * (MAX_TEXT_CHARS + 1)}\n{SECRET} and more of the text pasted here,SR 2.1\n,,\n"
            "\x1b[2J\x1b]0;SR 1.4\x07,x\n")  # an id that would drive the terminal is not repeated either
    code, out, err = run(capsys, "licensed-text", "import", str(write(tmp_path, data)))
    assert code == 1 and "6 row(s) skipped (see above); the others were imported" in err
    assert "imported the licensed text of 1 requirement(s)" in out
    for line in ("row 3: SR 9.9 is not a requirement", "row 4: no id", "row 5: no text for SR 1.2",
                 f"row 6: the text for SR 1.3 is longer than {MAX_TEXT_CHARS}", "row 7: the id cell is not a "
                 "requirement id", "row 9: the id cell is not a requirement id"):
        assert line in out
    assert SECRET not in out + err and "\x1b" not in out + err
    assert stored() == {"SR 1.1": SECRET}


def test_the_same_text_twice_is_taken_different_texts_refuse_the_file(tmp_path: Path) -> None:
    licensed_text.import_file(write(tmp_path, "id,text\nSR 1.1,Same.\nsr 1.1,Same.\n"))
    assert stored() == {"SR 1.1": "Same."}
    with pytest.raises(licensed_text.LicensedTextError) as refused:
        licensed_text.import_file(write(tmp_path, f"id,text\nSR 1.2,a\nSR 1.1,{SECRET}\nSR1.1,b\n"))
    assert refused.value.refusal is Refusal.DUPLICATES
    assert refused.value.duplicates == (("SR 1.1", (3, 4)),) and "SR 1.1 (rows 3, 4)" in str(refused.value)
    assert SECRET not in str(refused.value) and stored() == {"SR 1.1": "Same."}


def _fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = tmp_path / "pipe.csv"
    os.mkfifo(path)
    return path


REFUSED = {  # name: (what the file holds, or how it is made; the refusal; words of the message)
    "cp1252": ("id,text\nSR 1.1,Exig\xe9e\n".encode("cp1252"), Refusal.NOT_UTF8, "save it as \"CSV UTF-8\""),
    "utf16": ("id\ttext\nSR 1.1\tx\n".encode("utf-16"), Refusal.NOT_UTF8, "not UTF-8 text (byte 0)"),
    "binary": (b"id,text\nSR 1.1,\0\0\0", Refusal.BINARY, "binary data"),
    "empty": (b"", Refusal.NO_HEADER, "the first row must name the columns id and text"),
    "no header": (f"SR 1.1;{SECRET}\n".encode(), Refusal.HEADER_IS_DATA, "the first row is requirement SR 1.1"),
    "other header": (f"req,{SECRET}\nSR 1.1,x\n".encode(), Refusal.NO_HEADER, "must name the columns"),
    "bad quoting": (f'id,text\nSR 1.1,"{SECRET}" x\n'.encode(), Refusal.NOT_CSV, "not a CSV file (row 2:"),
    "unclosed quote": (f'id,text\nSR 1.1,ok\nSR 1.2,"{SECRET}\n'.encode(), Refusal.NOT_CSV, "row 3"),
    "too many rows": (("id,text\n" + "SR 1.1,x\n" * (MAX_ROWS + 1)).encode(), Refusal.TOO_MANY_ROWS,
                      f"more than {MAX_ROWS} rows"),
    "too large": (b"id,text\n" + b"SR 1.1," + b"x" * MAX_FILE_BYTES, Refusal.TOO_LARGE, "larger than 8 MB"),
    "nothing usable": (f"id,text\nSR 9.9,{SECRET}\n".encode(), Refusal.NOTHING_IMPORTED, "no row could be imported"),
    "fifo": (_fifo, Refusal.NOT_A_FILE, "is not a file"),
    "folder": (lambda tmp: tmp, Refusal.NOT_A_FILE, "is not a file"),
    "missing": (lambda tmp: tmp / "absent.csv", Refusal.UNREADABLE, "cannot be read"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_refused_file_changes_nothing(case: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    licensed_text.import_file(write(tmp_path, "id,text\nSR 1.1,Kept from before.\n", "before.csv"))
    before = licensed_text.store_path().read_bytes()
    content, refusal, words = REFUSED[case]
    path = content(tmp_path) if callable(content) else write(tmp_path, content)
    with pytest.raises(licensed_text.LicensedTextError) as refused:
        licensed_text.import_file(path)
    assert refused.value.refusal is refusal
    code, out, err = run(capsys, "licensed-text", "import", str(path))
    assert code == 1 and err.startswith(f"ot62443: error: {path}: ") and words in err and err.count("\n") == 1
    assert SECRET not in out + err
    assert licensed_text.store_path().read_bytes() == before


def test_a_file_with_no_usable_row_lists_why(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "licensed-text", "import", str(write(tmp_path, "id,text\nSR 9.9,x\nSR 1.1,\n")))
    assert code == 1 and "no row could be imported" in err
    assert "skipped row 2: SR 9.9 is not a requirement" in out and "skipped row 3: no text for SR 1.1" in out


@pytest.mark.parametrize("damage", [b"{not json", b'{"format": "something else"}', b'[1, 2]',
                                    b'{"format": "ot62443-licensed-text", "version": 1, "texts": {"SR 1.1": 3}}',
                                    b'{"format": "ot62443-licensed-text", "version": 99, "texts": {}}'])
def test_a_damaged_store_is_said_and_mended_by_importing_again(damage: bytes, capsys: pytest.CaptureFixture[str],
                                                                tmp_path: Path) -> None:
    licensed_text.store_path().parent.mkdir(parents=True, exist_ok=True)
    licensed_text.store_path().write_bytes(damage)
    with pytest.raises(licensed_text.LicensedTextError) as refused:
        licensed_text.load()
    assert refused.value.refusal is Refusal.STORE_DAMAGED
    code, _, err = run(capsys, "licensed-text", "status")
    assert code == 1 and "your licensed text cannot be read" in err and "import your file again or remove it" in err
    report = licensed_text.import_file(write(tmp_path, "id,text\nSR 1.1,Example.\n"))
    assert report.replaced == 0 and stored() == {"SR 1.1": "Example."}


def test_a_damaged_store_can_be_removed(capsys: pytest.CaptureFixture[str]) -> None:
    licensed_text.store_path().parent.mkdir(parents=True, exist_ok=True)
    licensed_text.store_path().write_bytes(b"\xff\xfe garbage")
    assert run(capsys, "licensed-text", "remove")[0] == 0
    assert not licensed_text.store_path().exists()


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs a folder root cannot be kept out of")
def test_a_store_that_cannot_be_written_keeps_the_old_text(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                           data_dir: Path) -> None:
    licensed_text.import_file(write(tmp_path, "id,text\nSR 1.1,Kept.\n"))
    data_dir.chmod(0o500)
    try:
        code, _, err = run(capsys, "licensed-text", "import", str(write(tmp_path, "id,text\nSR 1.2,New.\n")))
    finally:
        data_dir.chmod(0o700)
    assert code == 1 and "cannot be written" in err and "the licensed text you had is kept" in err
    assert stored() == {"SR 1.1": "Kept."}


def test_a_folder_where_the_store_goes_is_said_not_overwritten(capsys: pytest.CaptureFixture[str],
                                                               tmp_path: Path) -> None:
    licensed_text.store_path().mkdir(parents=True)
    (licensed_text.store_path() / "someone's file").write_text("kept")
    code, _, err = run(capsys, "licensed-text", "import", str(write(tmp_path, "id,text\nSR 1.2,New.\n")))
    assert code == 1 and "cannot be written" in err and err.count("\n") == 1
    assert (licensed_text.store_path() / "someone's file").read_text() == "kept"


WATER = ('[catalogue]\nid = "water-utility"\ntitle = "Water utility checks"\nscale = "security_level"\n'
         '[[section]]\nid = "FR 1"\ntitle = "IAC"\n'
         '[[requirement]]\nid = "WU 1"\ntitle = "Pump station logins"\nsection = "FR 1"\nlevel = 1\n'
         'summary = "Every pump station HMI asks who is there."\n')


def test_requirements_of_an_imported_catalogue_take_text_too(capsys: pytest.CaptureFixture[str],
                                                             tmp_path: Path) -> None:
    """A newer edition or a company's own set, imported as a catalogue, is assessed too (SPEC 2)."""
    source = write(tmp_path, "id,text\nWU 1,Example for the imported one.\nwu1,Example for the imported one.\n")
    assert run(capsys, "licensed-text", "import", str(source))[0] == 1  # not imported yet: an unknown id
    catalogue = write(tmp_path, WATER, "water.toml")
    assert run(capsys, "catalog", "import", str(catalogue))[0] == 0
    code, out, err = run(capsys, "licensed-text", "import", str(source))
    assert (code, err) == (0, "") and stored() == {"WU 1": "Example for the imported one."}
