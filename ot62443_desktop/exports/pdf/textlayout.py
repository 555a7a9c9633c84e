"""The text-layout engine of table cells and running lines: runs of plain text wrapped by us.

A cell is a sequence of runs (text, font, colour, link). Breaking never parses markup (user
text cannot carry any), measures each word once per size, adds no hyphen between words, and
cuts a token longer than the column with a hyphen in one pass over its letters, so a token
of a megabyte costs what a megabyte of words costs. Letters Vera lacks move to the fallback
font, or are folded when no font has them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]

from ot62443_desktop.exports.pdf.fonts import FALLBACK, FONT, Glyphs, clean, fold, fonts

#: A run of cell text: (text, font, colour as "#rrggbb" or None for the cell's, link destination or None).
Run = tuple[str, str, str | None, str | None]
Lines = tuple[tuple[Run, ...], ...]
NBSP = "\u00a0"
_WORD = re.compile(r"([ \t]*)([^ \t]+)")  # a no-break space (U+00A0) stays inside its word


def run(text: str, font: str = FONT, colour: str | None = None, link: str | None = None) -> Run:
    return (text, font, colour, link)


def keep(requirement_id: str) -> str:
    """A requirement id that a cell never breaks across lines (SR 1.1 RE 1)."""
    return requirement_id.replace(" ", NBSP)


def glyph_runs(runs: Iterable[Run]) -> list[Run]:
    """Runs with letters Vera lacks moved to the fallback font (or folded)."""
    out: list[Run] = []
    glyphs: Glyphs | None = None
    for text, font, colour, link in runs:
        text = clean(text)
        if text.isascii():
            out.append((text, font, colour, link))
            continue
        glyphs = glyphs or fonts()
        piece: list[str] = []  # joined once per font change: adding to a string is quadratic
        piece_font = font
        for char in text:
            code = ord(char)
            char_font = font
            if code not in glyphs.vera and not char.isspace():
                if code in glyphs.fallback:
                    char_font = FALLBACK
                else:
                    char = fold(char, glyphs)
            if char_font != piece_font and piece:
                out.append(("".join(piece), piece_font, colour, link))
                piece = []
            piece.append(char)
            piece_font = char_font
        if piece:
            out.append(("".join(piece), piece_font, colour, link))
    return out


def _cut(word: str, font: str, total: float, first: float, room: float,
         measure: Callable[[str, str], float]) -> tuple[list[tuple[str, float]], str, float]:
    """An over-long word as hyphenated heads that fit (the first in `first`, the others in `room`)
    and the rest that fits `room` whole: (heads with their widths, rest, its width).

    One pass over the characters, each measured once (widths add up in these fonts: no
    kerning), so a token of a megabyte costs what a megabyte of words costs.
    """
    hyphen = measure("-", font)
    heads: list[tuple[str, float]] = []
    start, left, limit, end = 0, total, first, len(word)
    while left > limit and end - start > 1:
        i, used = start + 1, measure(word[start], font)  # at least one character per line
        while i < end - 1:
            w = measure(word[i], font)
            if used + w + hyphen > limit:
                break
            used += w
            i += 1
        heads.append((word[start:i] + "-", used + hyphen))
        start, left, limit = i, left - used, room
    return heads, word[start:], max(0.0, left)


def _words(runs: Sequence[Run]) -> list[tuple[bool, list[Run]] | None]:
    """Runs as words: (space before, pieces glued together); None marks an explicit line break.

    A word may span runs (a link followed by a full stop); it wraps as one.
    """
    words: list[tuple[bool, list[Run]] | None] = []
    pending_space = False
    for text, font, colour, link in runs:
        for n, part in enumerate(text.split("\n")):
            if n:
                words.append(None)
                pending_space = False
            for match in _WORD.finditer(part):
                space = pending_space or bool(match.group(1))
                piece = (match.group(2), font, colour, link)
                previous = words[-1] if words else None
                if not space and previous is not None:
                    previous[1].append(piece)
                else:
                    words.append((space, [piece]))
                pending_space = False
            if part:
                pending_space = part[-1].isspace()
    return words


_WIDTHS: dict[float, dict[tuple[str, str], float]] = {}


def _width_table(size: float) -> dict[tuple[str, str], float]:
    """Word widths at one size, by (text, font): line breaking looks each word up many times."""
    table = _WIDTHS.get(size)
    if table is None or len(table) > 100_000:
        table = _WIDTHS[size] = {}
    return table


def break_runs(runs: Sequence[Run], width: float, size: float) -> tuple[Lines, float]:
    """Greedy word wrap of runs into lines of at most `width`; explicit newlines kept.

    Returns the lines and the width of the widest. The runs must already hold only letters
    the fonts have (see glyph_runs).
    """
    string_width = pdfmetrics.stringWidth
    widths = _width_table(size)

    def measure(text: str, font: str) -> float:
        found = widths.get((text, font))
        if found is None:
            found = widths[(text, font)] = string_width(text, font, size)
        return found

    if all("\n" not in text for text, *_ in runs):
        total = sum(measure(text, font) for text, font, _c, _l in runs)
        if total <= width:  # most cells: one line, no word loop
            return (tuple(runs),), total
    lines: list[list[Run]] = [[]]
    used = widest = 0.0

    def add(text: str, font: str, colour: str | None, link: str | None, w: float) -> None:
        nonlocal used
        line = lines[-1]
        if line and line[-1][1:] == (font, colour, link):
            line[-1] = (line[-1][0] + text, font, colour, link)
        else:
            line.append((text, font, colour, link))
        used += w

    def newline() -> None:
        nonlocal used, widest
        widest = max(widest, used)
        lines.append([])
        used = 0.0

    for word in _words(runs):
        if word is None:
            newline()
            continue
        space_before, pieces = word
        first_font = pieces[0][1]
        space = measure(" ", first_font) if space_before and lines[-1] else 0.0
        w = measure(pieces[0][0], first_font) if len(pieces) == 1 else sum(
            measure(text, font) for text, font, _c, _l in pieces)
        if used + space + w > width and lines[-1]:
            newline()
            space = 0.0
        if space:
            add(" ", first_font, pieces[0][2], pieces[0][3], space)
        for text, font, colour, link in pieces:
            piece_width = w if len(pieces) == 1 else measure(text, font)
            if used + piece_width > width and len(text) > 1:  # longer than the room left
                if used and lines[-1] and (piece_width <= width or width - used < measure(text[0], font)
                                           + measure("-", font)):
                    newline()
                if used + piece_width > width:  # longer than the column: cut it
                    heads, text, piece_width = _cut(text, font, piece_width, width - used, width, measure)
                    for head, head_width in heads:
                        add(head, font, colour, link, head_width)
                        newline()
            add(text, font, colour, link, piece_width)
    widest = max(widest, used)
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return tuple(tuple(line) for line in lines), widest


# --- one line: headers, footers, contents entries -----------------------------------------

#: No line of a page holds this many letters: a longer text is cut before it is measured.
LINE_LIMIT = 1000
ELLIPSIS = "\u2026"


def line_runs(text: str, font: str) -> list[tuple[str, str]]:
    """One line of user text as (font, text) runs, letters Vera lacks in the fallback font; runs of
    spaces and line breaks become one space, a no-break space (French "Niveau 1\u00a0:") stays."""
    return [(f, t) for t, f, _c, _l in glyph_runs([run(one_line(text), font)])]


_SPACES = re.compile(r"[^\S\u00a0]+")


def one_line(text: str) -> str:
    """`text` on one line: every run of white space but the no-break space as one space."""
    return _SPACES.sub(" ", text).strip(" ")


def runs_width(runs: Iterable[tuple[str, str]], size: float) -> float:
    return float(sum(pdfmetrics.stringWidth(t, f, size) for f, t in runs))


def _fit_runs(runs: list[tuple[str, str]], size: float, room: float) -> list[tuple[str, str]]:
    """The longest head of the runs no wider than `room`, measured letter by letter once."""
    kept: list[tuple[str, str]] = []
    used = 0.0
    for f, t in runs:
        w = pdfmetrics.stringWidth(t, f, size)
        if used + w <= room:
            kept.append((f, t))
            used += w
            continue
        n = 0
        for char in t:
            w = pdfmetrics.stringWidth(char, f, size)
            if used + w > room:
                break
            used += w
            n += 1
        if n:
            kept.append((f, t[:n]))
        break
    return kept


def fit_line(text: str, font: str, size: float, max_width: float | None) -> list[tuple[str, str]]:
    """One line of user text as (font, text) runs, shortened with an ellipsis to fit `max_width`."""
    cut = max_width is not None and len(text) > LINE_LIMIT
    runs = line_runs(text[:LINE_LIMIT] if cut else text, font)
    if max_width is not None and (cut or runs_width(runs, size) > max_width):
        runs = _fit_runs(runs, size, max_width - pdfmetrics.stringWidth(ELLIPSIS, font, size))
        if runs:  # "Telemetry conduit to…", not "Telemetry conduit to …"
            runs[-1] = (runs[-1][0], runs[-1][1].rstrip())
        runs.append((font, ELLIPSIS))
    return runs
