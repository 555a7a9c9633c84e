"""What `verify-bundle` prints of a hostile bundle (issue 15): names are the sender's text, so no
name, in the report or in --json, may drive the terminal it is printed on (a C1 CSI is an escape
sequence to many terminals, a right-to-left override reverses what follows); findings about the zip
as a whole read as one line each."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.exports.test_bundle_verify_attacks import GOOD, build, file_entry, manifest
from tests.test_cli import run

HOSTILE = "evidence/\u009b2J\u202etxt.exe"  # C1 CSI (clear screen), then a right-to-left override


def hostile_bundle(tmp_path: Path) -> Path:
    return build(tmp_path / "hostile.zip", [(HOSTILE, GOOD), ("manifest.json", manifest(file_entry(HOSTILE, GOOD)))])


def test_json_escapes_what_would_drive_a_terminal_and_keeps_the_names(capsys: pytest.CaptureFixture[str],
                                                                      tmp_path: Path) -> None:
    code, out, err = run(capsys, "verify-bundle", "--json", str(hostile_bundle(tmp_path)))
    assert code == 1 and "1 unsafe" in err
    assert "\u009b" not in out and "\u202e" not in out
    assert "\\u009b2J\\u202etxt.exe" in out
    assert [f["path"] for f in json.loads(out)["unsafe"]] == [HOSTILE]  # the same name, read back


def test_json_escapes_invisible_characters_beyond_the_first_plane(capsys: pytest.CaptureFixture[str],
                                                                  tmp_path: Path) -> None:
    name = "evidence/a\U000e0041.txt"  # a tag character: invisible, and two UTF-16 units as a JSON escape
    bundle = build(tmp_path / "tag.zip", [(name, GOOD), ("manifest.json", manifest(file_entry(name, GOOD)))])
    code, out, _ = run(capsys, "verify-bundle", "--json", str(bundle))
    assert code == 1 and "\U000e0041" not in out and "\\udb40\\udc41" in out
    assert [f["path"] for f in json.loads(out)["unsafe"]] == [name]


def test_the_report_escapes_names_in_reasons_too(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "verify-bundle", str(hostile_bundle(tmp_path)))
    assert code == 1 and "\u009b" not in out and "\u202e" not in out
    assert "unsafe: evidence/\\u009b2J\\u202etxt.exe: a control or invisible character in the name" in out


def test_a_finding_about_the_whole_zip_is_one_plain_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bundle = hostile_bundle(tmp_path)
    with zipfile.ZipFile(bundle, "a") as zf:
        zf.comment = b""
    bundle.write_bytes(bundle.read_bytes() + b"junk")
    code, out, _ = run(capsys, "verify-bundle", str(bundle))
    assert code == 1
    assert "unsafe: 4 bytes after the zip's end record belong to no part of it\n" in out
    assert "unsafe: :" not in out
