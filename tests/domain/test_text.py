"""Text cut short: one rule for messages, cells and headings."""

from __future__ import annotations

from ot62443_desktop.domain.text import elide, one_line


def test_elide_keeps_short_text_and_cuts_long_text_to_the_limit_with_an_ellipsis() -> None:
    assert elide("Control network", 20) == "Control network"
    assert elide("Control network", 8) == "Control\u2026"  # never "Control \u2026"
    assert len(elide("x" * 1000, 60)) == 60 and elide("x" * 1000, 60).endswith("\u2026")
    assert elide("abc", 0) == "\u2026"


def test_one_line_folds_line_breaks_and_runs_of_spaces_before_cutting() -> None:
    assert one_line("Shared\n\toperator   account", 80) == "Shared operator account"
    assert one_line("a\nb " * 50, 9) == "a b a b\u2026"
