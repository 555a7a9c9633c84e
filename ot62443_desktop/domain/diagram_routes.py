"""The lines of the zones-and-conduits drawing: how each runs from a conduit to a zone it connects.

The layout leaves the gaps between columns and the strips beside the conduits free of boxes;
the lines run there, square, on lanes (along a strip) and tracks (along a gap), so that none
crosses a box and two conduits' lines seldom share a stretch (see `route`). `Router` gives each
line of a drawing its way; the GUI calls `route` again with that way as the user drags a box.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from ot62443_desktop.domain.diagram_cover import Cover
from ot62443_desktop.domain.diagram_grid import CONDUIT_H, GAP_X, LABEL_W, MARGIN, PITCH, ROW_H, ZONE_H, Box, Point
from ot62443_desktop.domain.diagram_obstacles import Obstacles

_STRIP = (ROW_H - ZONE_H - CONDUIT_H) / 2  # 13 points between a conduit in a gutter and the rows either side
_LANES = 3  # lines along a strip run on one of this many lanes, so that two conduits' need not overlap
_TRACKS = 5  # lines along a gap between columns run on one of this many tracks, for the same reason
_INSET = 10.0  # a line meets a box at least this far from its corner
_CROSSING = 1e6  # a box crossed costs more than any length shared
_DETOUR = 20.0  # points: a way behind the conduit is taken only if it shares this much less than the others


class Way(NamedTuple):
    """Which lanes and track a line takes (see `route`)."""

    lane: int = 0
    track: int = 0
    near: bool = False  # along the strip next to the zone, rather than the conduit's
    behind: bool = False  # along the conduit's strip on its side away from the zone


STRAIGHT_ON = Way()  # the first lane and track, along the conduit's strip
# Behind: out of the conduit's far edge and back across its gutter, a detour worth taking only where the lanes
# on the zone's side are taken (many conduits in one gutter, as when no zone has a layer): tried last (`Router`).
_WAYS = tuple(Way(lane, track, near, behind) for near, behind in ((False, False), (True, False), (False, True))
              for lane in range(_LANES) for track in range(_TRACKS))
Key = tuple[bool, float]  # a straight line of the page: across it (at a y) or down it (at an x)


class Router:
    """Gives the lines of one drawing their ways, one after the other: each the way that crosses fewest boxes
    (there are some only where the user dragged boxes off the grid) and then shares the least length with
    lines of other conduits routed before it (two conduits' lines along one stretch read as one net); of
    equals, into the zone's edge that faces the conduit when the zone is in the next row, else into its
    side; then not behind the conduit; then `last`, the way the conduit's previous line took, so that a
    conduit's lines run together. A way behind the conduit counts _DETOUR more, as if it shared that much.
    The first way in that order that crosses and shares nothing is taken without trying the others."""

    def __init__(self, boxes: Iterable[Box]) -> None:
        self.taken: dict[Key, Cover] = defaultdict(Cover)
        self.obstacles = Obstacles(boxes)

    def line(self, conduit: Box, zone: Box, last: Way) -> tuple[tuple[Point, ...], Way]:
        next_row = abs(zone.centre[1] - conduit.centre[1]) <= ROW_H
        ways = sorted(enumerate((last, *_WAYS)), key=lambda nw: (nw[1].near != next_row, nw[1].behind, nw[0]))
        best: tuple[float, tuple[Point, ...], Way] | None = None
        for _n, way in ways:
            points = route(conduit, zone, way)
            if way.behind and min(y for _x, y in points) < 0:
                continue  # behind a conduit on the gutter over the first row: above the page
            enough = best[0] if best else math.inf
            detour = _DETOUR if way.behind else 0.0
            cost = detour + _shared(points, self.taken, conduit.zone_id, enough - detour)
            if cost >= enough:
                continue  # whatever it crosses, it is no better
            cost += _CROSSING * _crossed(points, self.obstacles, (conduit, zone))
            if best is None or cost < best[0]:
                best = (cost, points, way)
                if not cost:
                    break
        assert best is not None  # the first way is always tried
        _cost, points, way = best
        for key, low, high in _runs(points):
            self.taken[key].add(low, high, conduit.zone_id)
        return points, way


def _crossed(points: tuple[Point, ...], obstacles: Obstacles, ends: tuple[Box, Box]) -> int:
    """How many boxes other than `ends` the pieces of `points` run into (touching an edge is not crossing)."""
    hit: set[str] = set()
    for a, b in zip(points, points[1:], strict=False):
        hit.update(box.zone_id for box in obstacles.near(a, b)
                   if box is not ends[0] and box is not ends[1] and _through(a, b, box))
    return len(hit)


def _through(a: Point, b: Point, box: Box) -> bool:
    """Whether the piece a-b runs inside `box`, not only along or onto its edge (Liang-Barsky clipping)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    low, high = 0.0, 1.0
    for p, q in ((-dx, a[0] - box.x), (dx, box.x + box.w - a[0]), (-dy, a[1] - box.y), (dy, box.y + box.h - a[1])):
        if p == 0:
            if q <= 0:
                return False  # along an edge, or outside it
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low >= high:
            return False  # onto an edge only, or outside
    return True


def _runs(points: tuple[Point, ...]) -> list[tuple[Key, float, float]]:
    """The straight pieces of a line across or down the page, each as ((across, its y or x), from, to)."""
    found = []
    for a, b in zip(points, points[1:], strict=False):
        if a[1] == b[1]:
            found.append(((True, round(a[1], 3)), min(a[0], b[0]), max(a[0], b[0])))
        elif a[0] == b[0]:
            found.append(((False, round(a[0], 3)), min(a[1], b[1]), max(a[1], b[1])))
    return found


def _shared(points: tuple[Point, ...], taken: dict[Key, Cover], conduit_id: str, enough: float) -> float:
    """The length of `points` that runs along lines of other conduits than `conduit_id` already in `taken`, or
    some length of at least `enough` once it is clear it comes to that much (the way is not taken then)."""
    length = 0.0
    for key, low, high in _runs(points):
        if (cover := taken.get(key)) is not None:
            length += cover.shared(low, high, conduit_id)
            if length >= enough:
                break
    return length


def route(conduit: Box, zone: Box, way: Way = STRAIGHT_ON) -> tuple[Point, ...]:
    """The points of the line from a conduit's box to the box of a zone it connects, edge to edge.

    A zone right above or below the conduit, in the next row, is joined by a straight line down (or
    up). Any other runs square, as in a network drawing, along the strips beside the conduits and the
    gaps between columns, which hold no box, so that no line crosses one: out of the conduit to a lane
    of its strip, then either along that lane to the gap beside the zone, down (or up) a track of it
    and into the zone's side; or (`way.near`) along the lane to the nearest gap, down a track of it to
    a lane of the strip next to the zone, and into the zone's edge. The conduit's strip is the one on
    the zone's side of it or (`way.behind`) the one on its other side: the line then leaves by the
    conduit's far edge and turns back across the gutter in the gap. `Router` gives each line the way
    that keeps it apart from other conduits' lines. Lanes and gaps stay on the grid when a box is
    dragged a little, so a line stays out of its neighbours. Boxes level with one another (one dragged
    beside the other) are joined straight."""
    below = zone.y >= conduit.y + conduit.h
    if not below and zone.y + zone.h > conduit.y:
        return _straight(conduit, zone)
    sign = 1.0 if below else -1.0
    out = conduit.y + conduit.h if below else conduit.y  # the conduit's edge the line leaves by
    into = zone.y if below else zone.y + zone.h  # the zone's edge it arrives at
    x_in = _within(conduit.centre[0], zone)
    if _within(x_in, conduit) == x_in and sign * (into - out) <= ROW_H / 2:  # right above or below, next row
        return _square([(x_in, out), (x_in, into)])
    offset = (way.track % _TRACKS - (_TRACKS - 1) / 2) / (_TRACKS + 1)  # from -1/3 to 1/3 of a gap
    behind = way.behind and not way.near
    if behind:
        out = conduit.y if below else conduit.y + conduit.h
    # Behind, further in from the corner than a line out of the near edge, lest the two read as one line through it.
    inset = 2 * _INSET if behind else _INSET
    own = _lane(conduit.centre[1], -sign if behind else sign, way.lane)
    if way.near:
        trunk = _gap(conduit.centre[0]) + GAP_X * offset
        x_out, x_in = _within(trunk, conduit), _within(trunk, zone)
        beside = _lane(zone.centre[1] - sign * ROW_H / 2, sign, way.lane)
        return _square([(x_out, out), (x_out, own), (trunk, own), (trunk, beside), (x_in, beside), (x_in, into)])
    left = conduit.centre[0] <= zone.centre[0]  # the zone's side that faces the conduit
    gap = _gap(zone.x - GAP_X / 2 if left else zone.x + zone.w + GAP_X / 2) + GAP_X * offset
    x_out, height = _within(gap, conduit, inset), zone.y + zone.h / 2 + zone.h * offset
    side = zone.x if left else zone.x + zone.w
    return _square([(x_out, out), (x_out, own), (gap, own), (gap, height), (side, height)])


def _lane(y: float, sign: float, lane: int) -> float:
    """The y of `lane` of the strip on the `sign` side (1: below) of the grid's gutter nearest `y`."""
    gutter = MARGIN + round((y - MARGIN) / ROW_H) * ROW_H
    return gutter + sign * (CONDUIT_H / 2 + _STRIP * (1 + lane % _LANES) / (_LANES + 1))


def _within(x: float, box: Box, inset: float = _INSET) -> float:
    """`x`, moved inside `box` to at least `inset` from its corners."""
    inset = min(inset, box.w / 2)
    return min(max(x, box.x + inset), box.x + box.w - inset)


def _gap(x: float) -> float:
    """The middle of the gap between two columns of zones nearest `x` (the first is left of the first column)."""
    first = LABEL_W + MARGIN - GAP_X / 2
    return first + max(round((x - first) / PITCH), 0) * PITCH


def _square(points: list[Point]) -> tuple[Point, ...]:
    """`points` without repeats, nor corners that are not turns (on a line with the points either side)."""
    kept: list[Point] = []
    for point in points:
        if kept and math.isclose(point[0], kept[-1][0]) and math.isclose(point[1], kept[-1][1]):
            continue
        if len(kept) >= 2 and _aligned(kept[-2], kept[-1], point):
            kept.pop()
        kept.append(point)
    return tuple(kept) if len(kept) > 1 else (kept[0], kept[0])  # boxes edge to edge: a line of no length


def _aligned(a: Point, b: Point, c: Point) -> bool:
    return math.isclose((b[0] - a[0]) * (c[1] - a[1]), (b[1] - a[1]) * (c[0] - a[0]), abs_tol=1e-6)


def _straight(conduit: Box, zone: Box) -> tuple[Point, ...]:
    """The straight line between the centres of two boxes, from the edge of one to the edge of the other."""
    (x1, y1), (x2, y2) = conduit.centre, zone.centre
    dx, dy = x2 - x1, y2 - y1

    def reach(box: Box) -> float:  # the share of the line inside a box around one of its ends
        return min(box.w / 2 / abs(dx) if dx else 1.0, box.h / 2 / abs(dy) if dy else 1.0)

    out, into = reach(conduit), 1.0 - reach(zone)
    if out >= into:  # the boxes touch or overlap (a box dragged onto another): centre to centre
        return (x1, y1), (x2, y2)
    return (x1 + dx * out, y1 + dy * out), (x1 + dx * into, y1 + dy * into)
