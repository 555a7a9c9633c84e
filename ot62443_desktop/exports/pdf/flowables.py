"""The plan's own small flowables: cell text, priority badges, maturity meters, headings that
bookmark themselves, and the contents pages whose page numbers are drawn when the file is saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.platypus import Flowable, Paragraph  # type: ignore[import-untyped]

from ot62443_desktop.exports.pdf.fonts import BOLD, FONT, clean
from ot62443_desktop.exports.pdf.markup import shorten, text_markup
from ot62443_desktop.exports.pdf.reportlab_internals import DirectFlowable, encoded, write_to_page
from ot62443_desktop.exports.pdf.textlayout import Lines, Run, break_runs, fit_line, glyph_runs, run, runs_width
from ot62443_desktop.exports.pdf.theme import (
    BAR_MET,
    BAR_SHORT,
    CELL_LEADING,
    CELL_SIZE,
    INK,
    INK_HEX,
    MUTED,
    NAVY,
    RULE,
    SL_NONE,
)


def _num(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") or "0"


@cache
def _rgb(colour: str) -> str:
    c = colors.HexColor(colour)
    return f"{_num(c.red)} {_num(c.green)} {_num(c.blue)} rg"


class TextCache:
    """Per-document memo of cell layouts and of their PDF text operators.

    A plan repeats the same cells (titles, statuses, owners, dates) thousands of times; each
    distinct cell is wrapped and encoded once. Operators depend on the document's font
    subsets, so the memo lives and dies with one export.
    """

    def __init__(self) -> None:
        self.layouts: dict[tuple[tuple[Run, ...], float, float], tuple[Lines, float]] = {}
        self.operators: dict[tuple[Lines, float, float, str], str] = {}

    def layout(self, runs: tuple[Run, ...], width: float, size: float) -> tuple[Lines, float]:
        key = (runs, width, size)
        found = self.layouts.get(key)
        if found is None:
            found = self.layouts[key] = break_runs(glyph_runs(runs), width, size)
        return found

    def text_operators(self, canvas: Any, lines: Lines, size: float, leading: float, colour: str) -> str:
        """The body of a BT ... ET text object for the lines: fonts, colours, strings, line feeds."""
        key = (lines, size, leading, colour)
        found = self.operators.get(key)
        if found is not None:
            return found
        ops: list[str] = [f"{_num(leading)} TL"]
        current_font: str | None = None
        current_colour = None
        for line in lines:
            for text, font, piece_colour, _link in line:
                wanted = piece_colour or colour
                if wanted != current_colour:
                    ops.append(_rgb(wanted))
                    current_colour = wanted
                for resource, string in encoded(canvas, font, text):
                    if resource != current_font:
                        ops.append(f"{resource} {_num(size)} Tf")
                        current_font = resource
                    ops.append(f"({string}) Tj")
            ops.append("T*")
        found = self.operators[key] = " ".join(ops)
        return found


class Text(DirectFlowable):
    """Plain text for a table cell: a few fonts and colours, links, word wrap, nothing else.

    A Paragraph parses markup, builds fragments and justifies, then writes every line through
    reportlab's text object; a cell needs none of that, and a big plan has some hundred
    thousand cells. User text here is never parsed, so it cannot carry markup either.
    """

    def __init__(self, runs: tuple[Run, ...], cache: TextCache, *, size: float = CELL_SIZE,
                 leading: float = CELL_LEADING, colour: str = INK_HEX, lines: Lines | None = None) -> None:
        super().__init__()
        self.runs, self.cache, self.size, self.leading, self.colour = runs, cache, size, leading, colour
        self._fixed = lines  # a part made by split: already broken into lines
        self._lines: Lines = lines or ()
        self._wrapped_at = 0.0
        self.width = self.height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._wrapped_at = availWidth
        if self._fixed is None:
            self._lines, self.width = self.cache.layout(self.runs, availWidth, self.size)
        else:
            self.width = availWidth
        self.height = len(self._lines) * self.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        # Keep the width of the last wrap: reportlab's table splits a cell passing the column's
        # width with the padding still in it, which would re-break the lines too wide.
        self.wrap(self._wrapped_at or availWidth, availHeight)
        fit = int(availHeight // self.leading)
        if fit < 1 or fit >= len(self._lines):
            return []
        return [Text(self.runs, self.cache, size=self.size, leading=self.leading, colour=self.colour, lines=part)
                for part in (self._lines[:fit], self._lines[fit:])]

    def draw_at(self, canvas: Any, x: float, y: float) -> None:
        """One text object straight into the page: no translation, no text object per line."""
        if not self._lines:
            return
        baseline = y + self.height - pdfmetrics.getAscentDescent(FONT, self.size)[0]
        ops = self.cache.text_operators(canvas, self._lines, self.size, self.leading, self.colour)
        write_to_page(canvas, f"q BT {_num(x)} {_num(baseline)} Td {ops} ET Q")
        if any(piece[3] for line in self._lines for piece in line):
            self._links(canvas, x, baseline)

    def _links(self, canvas: Any, x0: float, baseline: float) -> None:
        for n, line in enumerate(self._lines):
            x = x0
            y = baseline - n * self.leading
            for text, font, _colour, link in line:
                w = pdfmetrics.stringWidth(text, font, self.size)
                if link:
                    canvas.linkRect("", link, (x, y - 2, x + w, y + self.size), relative=1, thickness=0)
                x += w


class Badge(DirectFlowable):
    """A priority label: the level on a coloured pill, written straight into the page."""

    SIZE = 7.0

    def __init__(self, text: str, background: str, colour: str, cache: TextCache) -> None:
        super().__init__()
        self.text, self.background, self.colour, self.cache = text, background, colour, cache
        self.width = pdfmetrics.stringWidth(text, BOLD, self.SIZE) + 8
        self.height = self.SIZE + 4

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw_at(self, canvas: Any, x: float, y: float) -> None:
        ops = self.cache.text_operators(canvas, ((run(self.text, BOLD),),), self.SIZE, self.SIZE, self.colour)
        write_to_page(canvas, f"q {_rgb(self.background)} {_num(x)} {_num(y)} {_num(self.width)} "
                              f"{_num(self.height)} re f BT {_num(x + 4)} {_num(y + 3)} Td {ops} ET Q")


class Meter(Flowable):  # type: ignore[misc]
    """A small bar: achieved maturity on the 0-4 scale, with the target marked."""

    def __init__(self, value: float | None, target: int, width: float, height: float = 6) -> None:
        super().__init__()
        self.value, self.target, self.width, self.height = value, target, width, height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height + 2

    def draw(self) -> None:
        canv, w, h = self.canv, self.width, self.height
        canv.setFillColor(SL_NONE)
        canv.rect(0, 0, w, h, stroke=0, fill=1)
        if self.value is not None:
            canv.setFillColor(BAR_MET if self.value >= self.target else BAR_SHORT)
            canv.rect(0, 0, w * self.value / 4, h, stroke=0, fill=1)
        canv.setStrokeColor(INK)
        canv.setLineWidth(1.2)
        x = w * self.target / 4
        canv.line(x, -1.5, x, h + 1.5)


# --- headings, bookmarks and contents -----------------------------------------------------

@dataclass
class Outline:
    """Page numbers of the headings, filled in as they are drawn, read when the contents are drawn."""

    pages: dict[str, int] = field(default_factory=dict)
    toc: list[tuple[int, str, str]] = field(default_factory=list)  # (level, title, key)


class Heading(Paragraph):  # type: ignore[misc]
    """A heading that bookmarks itself, adds an outline entry and records its page for the contents."""

    def __init__(self, text: str, style: Any, key: str, outline_level: int, outline: Outline) -> None:
        super().__init__(text_markup(shorten(text)), style)
        self.key, self.outline_level, self.outline = key, outline_level, outline
        self.title = shorten(clean(text), 120)  # viewers show outline titles in their own fonts

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        return []  # a heading moves to the next page whole

    def draw(self) -> None:
        canv = self.canv
        canv.bookmarkHorizontal(self.key, 0, self.height + 4)
        canv.addOutlineEntry(self.title, self.key, self.outline_level, closed=self.outline_level > 0)
        self.outline.pages[self.key] = canv.getPageNumber()
        super().draw()


class Anchor(Flowable):  # type: ignore[misc]
    """A zero-size bookmark and outline entry, for pages that draw their own title (cover, contents)."""

    def __init__(self, key: str, title: str, outline: Outline) -> None:
        super().__init__()
        self.key, self.title, self.outline = key, title, outline

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, 0)
        self.outline.pages[self.key] = self.canv.getPageNumber()


class TocPage(Flowable):  # type: ignore[misc]
    """One page of the contents: titles and dot leaders now, page numbers in a form drawn at save."""

    LINE = 15.0
    TITLE_LINES = 3

    def __init__(self, entries: Sequence[tuple[int, str, str]], form: str, title: str | None,
                 registry: list[tuple[str, list[tuple[float, float, str]]]]) -> None:
        super().__init__()
        self.entries, self.form, self.title, self.registry = entries, form, title, registry

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = (len(self.entries) + (self.TITLE_LINES if self.title else 0)) * self.LINE
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        y = self.height
        if self.title:
            canv.setFont(BOLD, 17)
            canv.setFillColor(NAVY)
            canv.drawString(0, y - 20, self.title)
            y -= self.TITLE_LINES * self.LINE
        numbers: list[tuple[float, float, str]] = []
        right = self.width
        for level, title, key in self.entries:
            y -= self.LINE
            indent = 16.0 * level
            font, size = (BOLD, 9.5) if level == 0 else (FONT, 8.5)
            end = indent + 4 + draw_line(canv, indent, y + 3, title, font, size, INK if level == 0 else MUTED,
                                         max_width=right - indent - 40)
            dots = int((right - 30 - end) / pdfmetrics.stringWidth(". ", FONT, size))
            if dots > 0:
                canv.setFont(FONT, size)
                canv.setFillColor(RULE)
                canv.drawString(end, y + 3, ". " * dots)
            numbers.append((right, y + 3, key))
            canv.linkRect("", key, (indent, y, right, y + self.LINE), relative=1, thickness=0)
        canv.doForm(self.form)
        self.registry.append((self.form, numbers))


def draw_line(canv: Any, x: float, y: float, text: str, font: str, size: float, colour: Any, *,
              align: str = "left", max_width: float | None = None) -> float:
    """Draw one line of user text on the canvas, shortened with an ellipsis to fit max_width; its width."""
    runs = fit_line(text, font, size, max_width)
    total = runs_width(runs, size)
    x = x - total if align == "right" else x - total / 2 if align == "center" else x
    canv.setFillColor(colour)
    for f, t in runs:
        canv.setFont(f, size)
        canv.drawString(x, y, t)
        x += pdfmetrics.stringWidth(t, f, size)
    return total
