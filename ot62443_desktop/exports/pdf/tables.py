"""The plan's tables: small ones as reportlab tables in one house style, long lists of gaps
and answers as Grids that paginate thousands of rows cheaply."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.platypus import Flowable, LongTable, Table  # type: ignore[import-untyped]

from ot62443_desktop.exports.pdf.flowables import Text, TextCache
from ot62443_desktop.exports.pdf.fonts import BOLD, FONT
from ot62443_desktop.exports.pdf.reportlab_internals import in_row_split
from ot62443_desktop.exports.pdf.textlayout import run
from ot62443_desktop.exports.pdf.theme import CELL_LEADING, CELL_SIZE, INK, NAVY, RULE, WHITE_HEX, ZEBRA

#: Less than the body frame of A4 and Letter, more than any space left at the foot of a page:
#: a row is split inside only when it does not fit a whole frame.
FULL_FRAME = 600.0


class BreakingTable(LongTable):  # type: ignore[misc]
    """Splits between rows; splits inside a row only when that row alone is taller than a page.

    reportlab's own in-row splitting also cuts ordinary rows to fill the bottom of a page.
    """

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        with in_row_split(self, 0):
            parts: list[Any] = super().split(availWidth, availHeight)
        if parts or availHeight < FULL_FRAME:
            return parts
        with in_row_split(self, 3 * CELL_LEADING):
            return super().split(availWidth, availHeight)  # type: ignore[no-any-return]


class Grid(Flowable):  # type: ignore[misc]
    """A long table of gaps or answers: header on every page, zebra rows, all in one flowable.

    It looks like the plan's other tables but skips what makes reportlab's LongTable costly
    for thousands of rows (a style object per cell, every cell measured twice, the remaining
    rows rebuilt into a new table at every page). Rows split between pages; a row taller
    than a whole page is split inside its cells.
    """

    PAD_X, PAD_TOP, PAD_BOTTOM = 4.0, 3.0, 3.5

    def __init__(self, header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float],
                 cache: TextCache, *, centred: Sequence[int] = (), first_row: int = 0,
                 heights: list[float] | None = None, wrapped: dict[int, tuple[Any, float, float]] | None = None
                 ) -> None:
        super().__init__()
        # Heights of cell flowables by id (the flowable is kept so its id stays its own): a row
        # split over many pages re-measures only the piece that was split, not all the rest.
        self._wrapped = {} if wrapped is None else wrapped
        self.header, self.widths, self.cache = list(header), list(widths), cache
        self.rows = [[_cell_flowables(c) for c in row] for row in rows] if heights is None else list(rows)
        self.centred, self.first_row = tuple(centred), first_row
        self._heights = heights
        self._head = [Text((run(h, BOLD),), cache, colour=WHITE_HEX) for h in self.header]
        self._head_height = 0.0
        self.spaceBefore, self.spaceAfter = 2, 8

    def _measure(self) -> list[float]:
        if not self._head_height:
            self._head_height = max(t.wrap(w - 2 * self.PAD_X, 1e6)[1]
                                    for t, w in zip(self._head, self.widths, strict=True))
            self._head_height += self.PAD_TOP + self.PAD_BOTTOM
        if self._heights is None:
            self._heights = [self._row_height(row) for row in self.rows]
        return self._heights

    def _row_height(self, row: Sequence[Sequence[Any]]) -> float:
        tallest = 0.0
        for cell, width in zip(row, self.widths, strict=True):
            inner = width - 2 * self.PAD_X
            tallest = max(tallest, sum(self._height(f, inner) for f in cell))
        return tallest + self.PAD_TOP + self.PAD_BOTTOM

    def _height(self, flowable: Any, inner: float) -> float:
        found = self._wrapped.get(id(flowable))
        if found is None or found[1] != inner:
            found = self._wrapped[id(flowable)] = (flowable, inner, flowable.wrap(inner, 1e6)[1])
        return float(found[2])

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        heights = self._measure()
        self.width = sum(self.widths)
        self.height = self._head_height + sum(heights)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        heights = self._measure()
        room = availHeight - self._head_height
        used, n = 0.0, 0
        while n < len(self.rows) and used + heights[n] <= room:
            used += heights[n]
            n += 1
        if n:
            return [self._part(self.rows[:n], heights[:n], self.first_row),
                    self._part(self.rows[n:], heights[n:], self.first_row + n)]
        if availHeight < FULL_FRAME:
            return []  # the next page has room for the row
        head, tail = self._split_row(self.rows[0], room - self.PAD_TOP - self.PAD_BOTTOM)
        if head is None or tail is None:
            return []
        return [self._part([head], [self._row_height(head)], self.first_row),
                self._part([tail, *self.rows[1:]], [self._row_height(tail), *heights[1:]], self.first_row)]

    def _part(self, rows: list[Any], heights: list[float], first_row: int) -> Grid:
        return Grid(self.header, rows, self.widths, self.cache, centred=self.centred, first_row=first_row,
                    heights=heights, wrapped=self._wrapped)

    def _split_row(self, row: Sequence[Sequence[Any]], room: float) -> tuple[list[Any] | None, list[Any] | None]:
        """A row too tall for a page, as the part that fits and the rest."""
        head_row, tail_row = [], []
        for cell, width in zip(row, self.widths, strict=True):
            inner = width - 2 * self.PAD_X
            head: list[Any] = []
            left = room
            rest = list(cell)
            while rest:
                h = rest[0].wrap(inner, left)[1]
                if h <= left:
                    head.append(rest.pop(0))
                    left -= h
                    continue
                parts = rest[0].split(inner, left)
                if len(parts) == 2:
                    head.append(parts[0])
                    rest[0] = parts[1]
                break
            head_row.append(head)
            tail_row.append(rest)
        if not any(head_row) or not any(tail_row):
            return None, None
        return head_row, tail_row

    def draw(self) -> None:
        canv = self.canv
        heights = self._measure()
        top = self.height
        canv.setFillColor(NAVY)
        canv.rect(0, top - self._head_height, self.width, self._head_height, stroke=0, fill=1)
        x = 0.0
        for text, width in zip(self._head, self.widths, strict=True):
            text.drawOn(canv, x + self.PAD_X, top - self.PAD_TOP - text.height - (
                self._head_height - self.PAD_TOP - self.PAD_BOTTOM - text.height) / 2)
            x += width
        y = top - self._head_height
        canv.setFillColor(ZEBRA)
        for n, (row, height) in enumerate(zip(self.rows, heights, strict=True)):
            y -= height
            if (self.first_row + n) % 2:
                canv.rect(0, y, self.width, height, stroke=0, fill=1)
            x = 0.0
            for column, (cell, width) in enumerate(zip(row, self.widths, strict=True)):
                inner = width - 2 * self.PAD_X
                cursor = y + height - self.PAD_TOP
                for flowable in cell:
                    w, h = flowable.wrap(inner, 1e6)
                    cursor -= h
                    offset = (inner - w) / 2 if column in self.centred else 0.0
                    flowable.drawOn(canv, x + self.PAD_X + offset, cursor)
                x += width


def _cell_flowables(cell: Any) -> list[Any]:
    if cell is None or cell == "":
        return []
    return list(cell) if isinstance(cell, (list, tuple)) else [cell]


_TABLE_BASE: list[tuple[Any, ...]] = [
    ("FONTNAME", (0, 0), (-1, -1), FONT),
    ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
    ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
    ("TEXTCOLOR", (0, 0), (-1, -1), INK),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
]
_TABLE_RULED: list[tuple[Any, ...]] = [("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)]
_TABLE_HEADER: list[tuple[Any, ...]] = [
    ("BACKGROUND", (0, 0), (-1, 0), NAVY),
    ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
    ("FONTNAME", (0, 0), (-1, 0), BOLD),
    ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
]


def table(data: list[list[Any]], widths: Sequence[float], commands: Sequence[tuple[Any, ...]] = (),
          *, header: bool = True, long: bool = True) -> Any:
    """A table in the plan's style; long tables repeat their header row on every page."""
    style = _TABLE_BASE + (_TABLE_HEADER if header else _TABLE_RULED) + list(commands)
    if long:
        return BreakingTable(data, colWidths=list(widths), repeatRows=1 if header else 0, style=style,
                             hAlign="LEFT", spaceBefore=2, spaceAfter=8)
    return Table(data, colWidths=list(widths), style=style, hAlign="LEFT", spaceBefore=2, spaceAfter=8)
