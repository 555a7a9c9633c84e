"""The display rules for user text: where Qt can break a line, what a tooltip shows, what a cell shows."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument

from ot62443_desktop.ui.plain_text import LONG_RUN, elide, first_line, has_long_run, tooltip


@pytest.mark.parametrize(("text", "long"), [
    ("ordinary words, " * 100_000, False),
    ("x" * (LONG_RUN - 1) + " " + "x" * (LONG_RUN - 1), False),
    ("x" * LONG_RUN, True),
    ("see " + "x\u00a0" * LONG_RUN, True),  # no-break spaces are no place to break
    ("x\u200b" * LONG_RUN, False),  # zero-width spaces are
    ("line\n" * LONG_RUN, False),
    ("中" * LONG_RUN, True),  # counted as one run: wrapping anywhere suits it anyway
])
def test_a_long_run_is_one_without_a_break_opportunity(text: str, long: bool) -> None:
    assert has_long_run(text) is long


def test_a_tooltip_shows_markup_and_line_breaks_as_written() -> None:
    text = '<img src="/dev/zero"> &amp;\n<b>two</b> \'quoted\' &#x27; &lt;'
    document = QTextDocument()
    document.setHtml(tooltip(text))
    assert document.toPlainText() == text
    assert tooltip("") == ""


def test_cells_show_a_short_first_line() -> None:
    assert elide("abc", 3) == "abc" and elide("abcd", 3) == "ab…"
    assert first_line("first\nsecond") == "first" and first_line("") == ""
    assert first_line("x" * 1_000_000, 10) == "x" * 9 + "…"
