"""Text as a spreadsheet cell holds it: the one rule the register's writer, reader and planner share.

The import compares a cell with the project's text through these same functions, so text
the export had to clean (control characters, Markdown markers, Excel's length limit) is
never mistaken for an edit.
"""

from __future__ import annotations

import re

# Characters Excel (and CSV consumers) read as the start of a formula or a command.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Characters that XML 1.0 forbids (controls, lone surrogates from a hand-edited project file,
# U+FFFE/U+FFFF); openpyxl would refuse, or fail to encode, the whole export over one.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
EXCEL_CELL_LIMIT = 32767  # Excel's limit, counted in UTF-16 code units
TRUNCATED = "\u2026 [truncated: {:,} characters in the project]"
_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\s]*)\)")


def clean_text(text: str) -> str:
    """User text as Excel can store it: no XML-illegal characters, \\n line ends, and no longer
    than a cell holds; a longer text is cut with a visible marker saying how long it is."""
    text = _legal(text)
    if _too_long(text):
        marker = TRUNCATED.format(len(text))
        text = _head(text, EXCEL_CELL_LIMIT - len(marker)) + marker
    return text


def too_long_for_a_cell(text: str) -> bool:
    """True when the register shows `text` cut short (see clean_text)."""
    return _too_long(_legal(text))


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_PREFIXES)


def plain_text(markdown: str) -> str:
    """Markdown as a spreadsheet cell shows it: no ** or ` markers, links as "text (url)"."""
    if "[" in markdown:
        markdown = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})" if m.group(2) else m.group(1), markdown)
    return markdown.replace("**", "").replace("__", "").replace("`", "")


def _legal(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ILLEGAL_XML.search(text):
        text = _ILLEGAL_XML.sub("", text)
    return text


def _too_long(text: str) -> bool:
    return len(text) > EXCEL_CELL_LIMIT // 2 and _units(text) > EXCEL_CELL_LIMIT


def _units(text: str) -> int:
    """Length in UTF-16 code units, as Excel counts it (a letter beyond U+FFFF takes two)."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def _head(text: str, units: int) -> str:
    """The longest head of `text` of at most `units` UTF-16 code units."""
    head = text[:units]
    while (excess := _units(head) - units) > 0:  # each letter dropped frees one or two units
        head = head[: len(head) - (excess + 1) // 2]
    return head
