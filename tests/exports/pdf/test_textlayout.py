"""The cell text engine on its own: wrapping, cutting long tokens, letters no font has, empty cells."""

from __future__ import annotations

from typing import Any

import pytest
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]

from ot62443_desktop.exports.pdf import textlayout
from ot62443_desktop.exports.pdf.flowables import Text, TextCache
from ot62443_desktop.exports.pdf.fonts import BOLD, FALLBACK, FONT, Glyphs, fonts
from ot62443_desktop.exports.pdf.tables import Grid
from ot62443_desktop.exports.pdf.textlayout import (
    ELLIPSIS,
    LINE_LIMIT,
    Lines,
    break_runs,
    fit_line,
    glyph_runs,
    keep,
    run,
    runs_width,
)
from ot62443_desktop.exports.pdf.theme import CELL_LEADING, CELL_SIZE

SIZE = CELL_SIZE


@pytest.fixture(autouse=True)
def registered() -> None:
    fonts()


def texts(lines: Lines) -> list[str]:
    return ["".join(text for text, *_ in line) for line in lines]


def width(line: tuple[Any, ...]) -> float:
    return float(sum(pdfmetrics.stringWidth(text, font, SIZE) for text, font, *_ in line))


# --- wrapping -------------------------------------------------------------------------------

def test_words_wrap_at_spaces_within_the_width_without_hyphens() -> None:
    words = [f"word{n}" for n in range(60)]
    lines, widest = break_runs([run(" ".join(words))], 120.0, SIZE)
    assert len(lines) > 5
    assert all(width(line) <= 120.0 for line in lines) and widest <= 120.0
    assert " ".join(texts(lines)).split() == words  # every word once, in order, none cut
    assert not any(t.endswith("-") for t in texts(lines))


def test_a_cell_that_fits_is_one_line_as_given() -> None:
    runs = [run("SR 1.1", BOLD), run(" Human user identification", colour="#5B6770")]
    lines, widest = break_runs(runs, 400.0, SIZE)
    assert lines == (tuple(runs),)
    assert widest == pytest.approx(width(lines[0]))


def test_line_breaks_in_the_text_are_kept_and_trailing_ones_dropped() -> None:
    lines, _ = break_runs([run("first\n\nthird\n\n")], 200.0, SIZE)
    assert texts(lines) == ["first", "", "third"]


def test_pieces_of_one_word_in_different_runs_wrap_together() -> None:
    """A link followed by a full stop is one word: the stop never starts a line."""
    link = f"Appendix{textlayout.NBSP}B"
    room = pdfmetrics.stringWidth(link + ".", FONT, SIZE) + 1
    lines, _ = break_runs([run("see "), run(link, link="act-1"), run(".")], room, SIZE)
    assert texts(lines) == ["see", link + "."]
    assert [piece[3] for piece in lines[1]] == ["act-1", None]  # the link stays on its own text


def test_a_requirement_id_is_never_broken_inside() -> None:
    requirement = keep("SR 1.1 RE 1")
    room = pdfmetrics.stringWidth("SR 1.1 RE 1", FONT, SIZE) + 2
    lines, _ = break_runs([run(f"gap {requirement} again {requirement}")], room, SIZE)
    assert requirement in texts(lines) and all(t.count("SR") <= 1 for t in texts(lines))


# --- long tokens ----------------------------------------------------------------------------

def test_a_token_longer_than_the_column_is_cut_into_lines_that_fit() -> None:
    token = "".join(chr(ord("a") + n % 26) for n in range(3000))
    lines, widest = break_runs([run(token)], 100.0, SIZE)
    pieces = texts(lines)
    assert all(p.endswith("-") for p in pieces[:-1]) and not pieces[-1].endswith("-")
    assert "".join(p.removesuffix("-") for p in pieces) == token
    assert all(width(line) <= 100.0 for line in lines) and widest <= 100.0


def test_a_long_token_is_measured_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cutting measures each letter once, not ever shorter prefixes (that took time in the square
    of the length: 100 KB took 36 s): the letters measured stay in proportion to the token."""
    measured: list[int] = []
    string_width = pdfmetrics.stringWidth

    def counting(text: str, font: str, size: float, *args: Any) -> float:
        measured.append(len(text))
        return float(string_width(text, font, size, *args))

    monkeypatch.setattr(pdfmetrics, "stringWidth", counting)
    token = "".join(chr(ord("A") + n % 26) + str(n % 7) for n in range(25_000))  # 50,000 letters
    lines, _ = break_runs([run("Log:", BOLD), run(token)], 150.0, SIZE)
    assert "".join(p.removesuffix("-") for p in texts(lines)) == "Log:" + token
    assert sum(measured) <= 2 * len(token) + 100


def test_a_word_that_fits_a_line_moves_down_rather_than_being_cut() -> None:
    word = "x" * 20
    room = pdfmetrics.stringWidth(word, FONT, SIZE) + 5
    lines, _ = break_runs([run(f"ab {word}")], room, SIZE)
    assert texts(lines) == ["ab", word]


# --- letters the fonts lack -------------------------------------------------------------------

def only_vera(monkeypatch: pytest.MonkeyPatch, fallback: str = "") -> None:
    """Pretend the system's fallback font has exactly the letters of `fallback`."""
    vera = fonts().vera
    glyphs = Glyphs(vera, frozenset(map(ord, fallback)) - vera)
    monkeypatch.setattr(textlayout, "fonts", lambda: glyphs)


def test_letters_vera_lacks_move_to_the_fallback_font(monkeypatch: pytest.MonkeyPatch) -> None:
    only_vera(monkeypatch, fallback="ő中\U0001f600")
    runs = glyph_runs([run("Erdős 中 \U0001f600.", BOLD, "#A3241F", "k")])
    assert runs == [("Erd", BOLD, "#A3241F", "k"), ("ő", FALLBACK, "#A3241F", "k"),
                    ("s ", BOLD, "#A3241F", "k"), ("中", FALLBACK, "#A3241F", "k"),
                    (" ", BOLD, "#A3241F", "k"), ("\U0001f600", FALLBACK, "#A3241F", "k"),
                    (".", BOLD, "#A3241F", "k")]


def test_without_a_fallback_letters_fold_to_their_base_or_a_question_mark(monkeypatch: pytest.MonkeyPatch) -> None:
    only_vera(monkeypatch)
    runs = glyph_runs([run("Erdős Łódź 中文 \U0001f600 ok")])
    assert runs == [("Erdos Łódz ?? ? ok", FONT, None, None)]  # Vera has Ł and ó, not ő or ź


def test_control_characters_and_carriage_returns_never_reach_the_page() -> None:
    assert glyph_runs([run("a\x07b\r\nc\td")]) == [("ab\nc    d", FONT, None, None)]


def test_a_long_cjk_token_is_cut_like_any_other() -> None:
    token = "中文" * 2000  # no spaces: a pasted line of CJK text
    lines, _ = break_runs(glyph_runs([run(token)]), 100.0, SIZE)
    assert len(lines) > 10 and all(width(line) <= 100.0 for line in lines)


# --- empty cells ------------------------------------------------------------------------------

@pytest.mark.parametrize("runs", [[], [run("")], [run("\n")]])
def test_an_empty_cell_is_one_empty_line(runs: list[Any]) -> None:
    lines, widest = break_runs(runs, 100.0, SIZE)
    assert len(lines) == 1 and texts(lines) == [""] and widest == 0.0


def test_a_grid_row_with_empty_cells_is_as_tall_as_its_fullest_cell() -> None:
    cache = TextCache()
    three_lines = Text((run("one\ntwo\nthree"),), cache)
    grid = Grid(["A", "B", "C"], [["", None, three_lines]], [60.0, 60.0, 120.0], cache)
    head = Text((run("A", BOLD),), cache).wrap(60.0 - 2 * Grid.PAD_X, 1e6)[1]
    _width, height = grid.wrap(240.0, 1e6)
    assert height == pytest.approx(head + 3 * CELL_LEADING + 2 * (Grid.PAD_TOP + Grid.PAD_BOTTOM))


# --- one line: headers, footers, contents ------------------------------------------------------

def test_a_line_too_wide_is_shortened_with_an_ellipsis() -> None:
    runs = fit_line("Riverbend Water Authority " * 20, BOLD, 8, 150.0)
    assert runs[-1] == (BOLD, ELLIPSIS) and runs_width(runs, 8) <= 150.0
    assert runs[0][1].startswith("Riverbend Water")


def test_a_line_that_fits_is_kept_whole_and_a_huge_one_is_cut_before_measuring() -> None:
    assert fit_line("North works", FONT, 8, 150.0) == [(FONT, "North works")]
    huge = fit_line("n" * (100 * LINE_LIMIT), FONT, 8, 1e9)
    assert "".join(t for _f, t in huge) == "n" * LINE_LIMIT + ELLIPSIS


def test_a_line_cut_after_a_word_has_no_space_before_its_ellipsis() -> None:
    text = "Telemetry conduit to remote pumping stations"
    room = pdfmetrics.stringWidth("Telemetry conduit to ", FONT, 7) + pdfmetrics.stringWidth(ELLIPSIS, FONT, 7) + 0.5
    assert "".join(t for _f, t in fit_line(text, FONT, 7, room)) == "Telemetry conduit to" + ELLIPSIS


def test_one_line_keeps_no_break_spaces_and_joins_the_rest() -> None:
    """French puts a no-break space before a colon ("Niveau 1\u00a0: ..."): a header or a diagram label
    keeps it, so the colon never starts a line or drifts from its word."""
    runs = fit_line("Niveau 1\u00a0: contrôle\n de   base", FONT, 8, None)
    assert runs == [(FONT, "Niveau 1\u00a0: contrôle de base")]
