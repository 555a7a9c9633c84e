"""Names in an evidence bundle are safe to unpack on Windows, macOS and Linux, and unique in each folder."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ot62443_desktop.domain.file_names import (
    MAX_BYTES,
    MAX_PART,
    UniqueNames,
    network_path,
    part_problem,
    safe_part,
    same_file_key,
    shown_json,
    shown_name,
)


@pytest.mark.parametrize(("original", "safe"), [
    ("photo.jpg", "photo.jpg"),
    ("SR 1.1 RE 1", "SR 1.1 RE 1"),
    ("..", "_"), (".", "_"), ("", "_"), ("...", "_"),
    ("." * 100 + "x" * 100, "_"),  # cut to 80 dots, which Windows drops: was "", a folder's entry in the zip
    ("CON." + "x" * 100, "_CON." + "x" * 75),  # marked as no device, and still 80 characters
    ("../../etc/passwd", ".._.._etc_passwd"),
    ("a\\b", "a_b"), ("C:", "C_"), ("C:\\boot.ini", "C__boot.ini"),
    ("tab\there", "tab_here"), ("nul\0byte", "nul_byte"), ("bell\x07", "bell_"), ("del\x7f", "del_"),
    ("\u202egpj.exe", "_gpj.exe"), ("line\u2028sep", "line_sep"),
    ("CON", "_CON"), ("con.txt", "_con.txt"), ("CON .txt", "_CON .txt"), ("aux  ", "_aux"),
    ("LPT1.log", "_LPT1.log"), ("COM¹", "_COM¹"), ("console", "console"),
    ("bad\udc80byte", "bad_byte"),  # a lone surrogate: a byte of a name that was not UTF-8
    ("trailing. ", "trailing"), ("  spaced  ", "spaced"),
    ("a .", "a"), ("a . .", "a"),  # were "a " and "a . ": Windows drops the trailing space
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


def test_a_name_of_wide_characters_is_cut_to_what_a_file_system_holds() -> None:
    """ext4 and APFS hold 255 bytes of a name: 80 emoji are 320."""
    for original in ("\U0001f600" * 100, "\U0001f600" * 100 + ".pcap", "\u6587" * 200):
        name = safe_part(original)
        assert len(name.encode()) <= MAX_BYTES and len(name) <= MAX_PART and name[:1] == original[:1]
    assert safe_part("\U0001f600" * 100 + ".pcap").endswith(".pcap")
    names = UniqueNames()
    names.name("f", "\U0001f600" * 100 + ".pcap")
    second = names.name("f", "\U0001f600" * 100 + ".pcap", reuse=False)
    assert second.endswith(" (2).pcap") and len(second.encode()) <= MAX_BYTES


@settings(max_examples=1000)
@given(st.text(max_size=300) | st.builds(lambda a, b: a + b, st.text(".  ", min_size=70, max_size=120),
                                         st.text(max_size=120)))
@example("." * 100 + "x" * 100)
def test_a_safe_name_is_one_nothing_would_change(original: str) -> None:
    name = safe_part(original)
    assert safe_part(name) == name and part_problem(name) == ""
    assert len(name) <= MAX_PART and len(name.encode()) <= MAX_BYTES


@pytest.mark.parametrize(("part", "words"), [
    ("", "an empty or '.' part"), (".", "an empty or '.' part"),
    ("rules.txt:hidden", "hidden stream"), ("a\x1b[2Jb", "control character"), ("a?", "does not allow"),
    ("e\u0301t\u00e9", "composed form"),
    ("rules.txt.", "ending in a dot or a space"), ("rules.txt ", "ending in a dot or a space"),
    ("NUL", "device"), ("com1.log", "device"), ("CON .txt", "device"),
    ("\u00e9" * 130, "longer than 255 bytes"),
])
def test_a_name_from_elsewhere_that_is_not_safe_says_why(part: str, words: str) -> None:
    assert words in part_problem(part)


def test_names_that_are_one_file_on_windows_or_macos_share_a_key() -> None:
    assert same_file_key("evidence/Z1/Rules.TXT") == same_file_key("evidence/z1/rules.txt")
    assert same_file_key("evidence/\u00e9t\u00e9.txt") == same_file_key("evidence/e\u0301te\u0301.txt")
    assert same_file_key("evidence/a.txt.") == same_file_key("evidence/a.txt")
    assert same_file_key("evidence/a.txt") != same_file_key("evidence/b.txt")


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


def test_shown_json_is_the_same_document_without_terminal_controls() -> None:
    import json

    doc = {"name": "a\x7fb\u009b2J\u202ec\U000e0041 \u00e9t\u00e9 \U0001f600"}
    text = shown_json(json.dumps(doc, ensure_ascii=False))
    assert json.loads(text) == doc
    assert text == '{"name": "a\\u007fb\\u009b2J\\u202ec\\udb40\\udc41 \u00e9t\u00e9 \U0001f600"}'


def test_thousands_of_files_of_one_name_in_one_folder_are_numbered_in_turn() -> None:
    """3,000 photos all called screenshot.png under one requirement: each name tried once (the count
    went back to (2) for every file, 3,000 x 1,500 tries, 6 s; now it goes on from the last)."""
    names = UniqueNames()
    given = [names.path("evidence", "Z1", "SR 1.1", "screenshot.png") for _ in range(3000)]
    assert given[:3] == ["evidence/Z1/SR 1.1/screenshot.png", "evidence/Z1/SR 1.1/screenshot (2).png",
                         "evidence/Z1/SR 1.1/screenshot (3).png"]
    assert given[-1] == "evidence/Z1/SR 1.1/screenshot (3000).png" and len({n.casefold() for n in given}) == 3000
    assert names.path("evidence", "Z1", "SR 1.1", "Screenshot.PNG") == "evidence/Z1/SR 1.1/Screenshot (3001).PNG"
    assert names.path("evidence", "Z1", "SR 1.1", "screenshot (5).png") == "evidence/Z1/SR 1.1/screenshot (5) (2).png"
