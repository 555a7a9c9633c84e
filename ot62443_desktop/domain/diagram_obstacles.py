"""The boxes of the drawing a line may run into, indexed so that a straight piece finds them at once.

The router (diagram_routes.py) asks, for each way a line could take, which boxes it runs through.
Kept in squares of the page, a lane thousands of points long (a conduit pushed right of a full
drawing) read hundreds of squares, for every way of every line: 1,000 conduits between two zones
took 3.4 s. Boxes on the grid span few bands across the page (a row of zones, a gutter of
conduits) and few down it (a column, a conduit's place), so they are grouped by band and sorted
along it: a piece across the page at height y reads only the bands y is inside, and in each only
the boxes that reach into its extent, found by bisection.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator

from ot62443_desktop.domain.diagram_grid import Box, Point


class Obstacles:
    def __init__(self, boxes: Iterable[Box]) -> None:
        self.boxes = list(boxes)
        self._across = _Bands([(b.y, b.h, b.x, b.w, b) for b in self.boxes])  # for pieces across the page
        self._down = _Bands([(b.x, b.w, b.y, b.h, b) for b in self.boxes])  # for pieces down it

    def near(self, a: Point, b: Point) -> Iterable[Box]:
        """The boxes the straight piece a-b may run through (every box that does, and few that do not)."""
        if a[1] == b[1]:
            return self._across.near(a[1], min(a[0], b[0]), max(a[0], b[0]))
        if a[0] == b[0]:
            return self._down.near(a[0], min(a[1], b[1]), max(a[1], b[1]))
        return self.boxes  # a slanting line, between boxes dragged level with one another: seldom


class _Bands:
    """Boxes grouped by the band they span (its start and size), each group sorted along the band."""

    def __init__(self, entries: list[tuple[float, float, float, float, Box]]) -> None:
        groups: dict[tuple[float, float], list[tuple[float, float, Box]]] = defaultdict(list)
        for start, size, along, length, box in entries:
            groups[start, size].append((along, length, box))
        self._bands = sorted(groups)
        self._starts = [start for start, _size in self._bands]
        self._widest = max((size for _start, size in self._bands), default=0.0)
        self._members = []
        for band in self._bands:
            members = sorted(groups[band], key=lambda member: member[0])
            self._members.append(([along for along, _l, _b in members], max(length for _a, length, _b in members),
                                  [box for _a, _l, box in members]))

    def near(self, at: float, low: float, high: float) -> Iterator[Box]:
        """The boxes whose band has `at` inside it and that reach into low-high along it."""
        for k in range(bisect_right(self._starts, at - self._widest), bisect_left(self._starts, at)):
            start, size = self._bands[k]
            if at < start + size:
                alongs, longest, boxes = self._members[k]
                yield from boxes[bisect_right(alongs, low - longest):bisect_left(alongs, high)]
