"""Names in an evidence bundle are safe to unpack on Windows, macOS and Linux, and unique in each folder."""

from __future__ import annotations

import pytest

from ot62443_desktop.domain.file_names import MAX_PART, UniqueNames, network_path, safe_part, shown_name


@pytest.mark.parametrize(("original", "safe"), [
    ("photo.jpg", "photo.jpg"),
    ("SR 1.1 RE 1", "SR 1.1 RE 1"),
    ("..", "_"), (".", "_"), ("", "_"), ("...", "_"),
    ("../../etc/passwd", ".._.._etc_passwd"),
    ("a\\b", "a_b"), ("C:", "C_"), ("C:\\boot.ini", "C__boot.ini"),
    ("tab\there", "tab_here"), ("nul\0byte", "nul_byte"), ("bell\x07", "bell_"), ("del\x7f", "del_"),
    ("\u202egpj.exe", "_gpj.exe"), ("line\u2028sep", "line_sep"),
    ("CON", "_CON"), ("con.txt", "_con.txt"), ("LPT1.log", "_LPT1.log"), ("COM¹", "_COM¹"), ("console", "console"),
    ("trailing. ", "trailing"), ("  spaced  ", "spaced"),
    ("a<b>c|d?e*f\"g", "a_b_c_d_e_f_g"),
    ("e\u0301t\u00e9", "\u00e9t\u00e9"),  # one form: "été" typed on a Mac and on Windows is one name
])
def test_safe_part(original: str, safe: str) -> None:
    assert safe_part(original) == safe


def test_a_long_name_is_cut_keeping_its_extension() -> None:
    assert safe_part("x" * 300 + ".pcapng") == "x" * (MAX_PART - 7) + ".pcapng"
    assert len(safe_part("y" * 300)) == MAX_PART
    assert len(safe_part("z" * 300 + "." + "e" * 40)) == MAX_PART  # not an extension worth keeping


def test_unique_without_regard_to_case_and_the_same_folder_for_the_same_original() -> None:
    names = UniqueNames()
    names.name("", "manifest.json")
    assert names.path("evidence", "Z1", "SR 1.1", "Photo.JPG") == "evidence/Z1/SR 1.1/Photo.JPG"
    assert names.path("evidence", "Z1", "SR 1.1", "photo.jpg") == "evidence/Z1/SR 1.1/photo (2).jpg"
    assert names.path("evidence", "Z1", "SR 1.1", "PHOTO.jpg") == "evidence/Z1/SR 1.1/PHOTO (3).jpg"
    assert names.path("evidence", "z1", "SR 1.1", "a") == "evidence/z1 (2)/SR 1.1/a"  # another zone, not Z1's
    assert names.path("evidence", "Z1", "SR 1.2", "a") == "evidence/Z1/SR 1.2/a"
    assert names.path("evidence", "Z:1", "r", "a") == "evidence/Z_1/r/a"
    assert names.path("evidence", "Z_1", "r", "a") == "evidence/Z_1 (2)/r/a"
    assert names.name("", "MANIFEST.JSON") == "MANIFEST (2).JSON"


def test_a_numbered_long_name_stays_within_the_limit() -> None:
    names = UniqueNames()
    first = names.name("f", "a" * 200 + ".txt")
    second = names.name("f", "a" * 200 + ".txt", reuse=False)
    assert len(first) == len(second) == MAX_PART and second.endswith(" (2).txt") and first != second


def test_network_paths() -> None:
    assert network_path("//host/share/x") and network_path("\\\\host\\share") and network_path("\\\\?\\UNC\\h")
    assert not network_path("/home/a") and not network_path("C:\\a") and not network_path("")


def test_shown_name_keeps_a_report_line_one_line() -> None:
    assert shown_name("a\nb\u202ec") == "a\\u000ab\\u202ec"
    assert shown_name("été/photo 1.jpg") == "été/photo 1.jpg"
