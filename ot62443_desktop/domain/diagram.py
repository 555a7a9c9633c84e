"""The zones-and-conduits drawing as geometry: where each zone, conduit and layer band goes.

One layout serves every renderer (the GUI's scene, SVG, the PDF's vector drawing, PNG), so the
drawing an auditor opens in the plan is the one the consultant arranged on screen. Layers run
top-down from the highest (enterprise) to level 0 (process), as Purdue drawings do; zones with
no layer go in a last band. Within a band, zones are ordered by where their neighbours sit (a
few barycentre sweeps), which removes most crossings; a crowded band wraps onto more rows, so
a 100-zone project stays legible. A conduit is a small box near the zones it connects, with
one line to each of them: in the gutter between two rows of boxes (between the bands of the
levels it joins, when it joins several), as near the mean x of its zones as the boxes placed
before it allow. The lines run square, along the gutters and the gaps between columns, where no
zone is (see `route`). A position the user dragged a box to wins over the computed one.
Units are points (1/72 inch); y grows downwards.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from ot62443_desktop.domain.model import ProjectData, ScopeKind, Zone

ZONE_W, ZONE_H = 150.0, 46.0
CONDUIT_W, CONDUIT_H = 110.0, 26.0
GAP_X, ROW_H = 34.0, 92.0
LABEL_W = 120.0  # the band names, left of the boxes
MARGIN = 16.0
PER_ROW = 10  # boxes per row of a band before it wraps
REACH = 1000.0  # points: how far beyond the laid-out drawing a box the user put somewhere may sit
_SWEEPS = 4
BUS = 8  # a conduit joining more zones than this is drawn as a bus (see `route`)
_WEIGHED_ENDS = BUS  # conduits joining at most this many zones are placed where their lines cross fewest boxes
_TRIED = 7  # free places tried per gutter for such a conduit
_GUTTERS = 2  # gutters tried for it before settling for crossings
_PAD = 4.0  # the least room between two boxes
_LANE = (ROW_H - ZONE_H - CONDUIT_H) / 4  # a line runs this far from the row of zones it serves: 5 points
_INSET = 10.0  # a line meets a box at least this far from its corner

Point = tuple[float, float]


@dataclass(frozen=True)
class Box:
    zone_id: str
    name: str
    conduit: bool
    x: float
    y: float
    w: float
    h: float

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2


@dataclass(frozen=True)
class Link:
    """One line from a conduit to one zone it connects: the centres of both boxes (end None: the zone does not
    exist) and the points the line runs through, from the conduit's edge to the zone's (`route`)."""

    conduit_id: str
    zone_id: str
    start: Point
    end: Point | None
    points: tuple[Point, ...] = ()


@dataclass(frozen=True)
class Band:
    name: str
    y: float
    h: float


@dataclass(frozen=True)
class Diagram:
    boxes: tuple[Box, ...]
    links: tuple[Link, ...]
    bands: tuple[Band, ...]
    width: float
    height: float

    def box(self, zone_id: str) -> Box | None:
        return next((b for b in self.boxes if b.zone_id == zone_id), None)


def layout(project: ProjectData) -> Diagram:
    """Where everything of `project`'s zones and conduits goes on the drawing."""
    zones = [z for z in project.zones if z.kind is ScopeKind.ZONE]
    conduits = [z for z in project.zones if z.kind is ScopeKind.CONDUIT]
    layers = project.info.layer_names
    neighbours = _neighbours(conduits)
    by_band: dict[int, list[Zone]] = defaultdict(list)
    for zone in zones:
        by_band[zone.level if zone.level is not None and zone.level < len(layers) else -1].append(zone)
    order = [level for level in range(len(layers) - 1, -1, -1) if by_band.get(level)]
    if by_band.get(-1):
        order.append(-1)
    rows = _ordered_rows(order, by_band, neighbours)
    far = (LABEL_W + MARGIN + PER_ROW * (ZONE_W + GAP_X) + REACH,
           MARGIN + sum(len(band) for band in rows.values()) * ROW_H + ROW_H + REACH)
    boxes: dict[str, Box] = {}
    bands = []
    y = MARGIN
    for level in order:
        band_rows = rows[level]
        height = len(band_rows) * ROW_H
        bands.append(Band(layers[level] if level >= 0 else "", y, height))
        for r, row in enumerate(band_rows):
            for c, zone in enumerate(row):
                x0, y0 = LABEL_W + MARGIN + c * (ZONE_W + GAP_X), y + r * ROW_H + (ROW_H - ZONE_H) / 2
                boxes[zone.id] = _placed(zone, x0, y0, ZONE_W, ZONE_H, far)
        y += height
    gutters = [band.y + r * ROW_H for band in bands for r in range(1, round(band.h / ROW_H) + 1)]
    y = _place_conduits(conduits, boxes, gutters, {band.y for band in bands[1:]}, y, far)
    links = tuple(
        Link(c.id, z, boxes[c.id].centre, boxes[z].centre, route(boxes[c.id], boxes[z], bus=is_bus(c)))
        if z in boxes and not boxes[z].conduit else Link(c.id, z, boxes[c.id].centre, None)
        for c in conduits for z in c.connects
    )
    width = max((b.x + b.w for b in boxes.values()), default=LABEL_W + MARGIN) + MARGIN
    height = max([y, *(b.y + b.h + MARGIN for b in boxes.values())])
    ordered = tuple(boxes[z.id] for z in project.zones)
    return Diagram(ordered, links, tuple(bands), width, height)


def is_bus(conduit: Zone) -> bool:
    """Whether a conduit joins so many zones that its lines are drawn as a bus (see `route`)."""
    return len(conduit.connects) > BUS


def _neighbours(conduits: list[Zone]) -> dict[str, set[str]]:
    """Zone id -> the zones it shares a conduit with."""
    found: dict[str, set[str]] = defaultdict(set)
    for conduit in conduits:
        for zone_id in conduit.connects:
            found[zone_id].update(z for z in conduit.connects if z != zone_id)
    return found


def _ordered_rows(order: list[int], by_band: dict[int, list[Zone]],
                  neighbours: dict[str, set[str]]) -> dict[int, list[list[Zone]]]:
    """Each band's zones in rows, ordered to put neighbours above one another (barycentre sweeps)."""
    slot: dict[str, float] = {}
    for level in order:
        for n, zone in enumerate(by_band[level]):
            slot[zone.id] = float(n % PER_ROW)
    for sweep in range(_SWEEPS):
        for level in order if sweep % 2 == 0 else reversed(order):
            members = by_band[level]

            def weight(zone: Zone) -> tuple[float, float]:
                near = [slot[z] for z in neighbours.get(zone.id, ()) if z in slot]
                return (sum(near) / len(near) if near else slot[zone.id], slot[zone.id])
            members.sort(key=weight)
            for n, zone in enumerate(members):
                slot[zone.id] = float(n % PER_ROW)
    return {level: [by_band[level][i:i + PER_ROW] for i in range(0, len(by_band[level]), PER_ROW)]
            for level in order}


def _place_conduits(conduits: list[Zone], boxes: dict[str, Box], gutters: list[float], band_tops: set[float],
                    bottom: float, far: tuple[float, float]) -> float:
    """Each conduit near the zones it connects (see the module's note); conduits that connect no drawn zone go in
    a row under the bands. `gutters` are the lines between rows of boxes (and under the last), `band_tops` those
    of them that part two bands. Returns the new bottom."""
    loose_x = LABEL_W + MARGIN
    loose_y = bottom + (ROW_H - CONDUIT_H) / 2
    right = max((b.x + b.w for b in boxes.values()), default=loose_x + CONDUIT_W)
    for conduit in conduits:
        ends = [boxes[z] for z in conduit.connects if z in boxes and not boxes[z].conduit]
        if ends:
            x, y = _near(ends, boxes, gutters, band_tops, right)
        else:
            x, y = loose_x, loose_y
            loose_x += CONDUIT_W + GAP_X
        boxes[conduit.id] = _placed(conduit, x, y, CONDUIT_W, CONDUIT_H, far)
    return bottom + (ROW_H if loose_x > LABEL_W + MARGIN else 0)


def _near(ends: list[Box], boxes: dict[str, Box], gutters: list[float], band_tops: set[float],
          right: float) -> tuple[float, float]:
    """Where a conduit joining the zones `ends` goes: on a gutter between the rows they are in (between their
    bands when they are in several), near their mean x. Of the free places nearest that point on the gutters
    nearest their mean height, the one whose lines cross the fewest other boxes; then the nearest."""
    centres = [end.centre for end in ends]
    mean_x, mean_y = sum(x for x, _ in centres) / len(ends), sum(y for _, y in centres) / len(ends)
    top, low = min(y for _, y in centres), max(y for _, y in centres)
    between = [g for g in gutters if top < g < low]
    near = ([g for g in between if g in band_tops] or between
            or [g for g in gutters if top - ROW_H <= g <= low + ROW_H] or gutters or [low + ROW_H / 2])
    ordered = sorted(near, key=lambda g: (abs(g - mean_y), g))
    ordered += sorted((g for g in gutters if g not in ordered), key=lambda g: (abs(g - mean_y), g))
    lowest, highest = LABEL_W + MARGIN, max(LABEL_W + MARGIN, right - CONDUIT_W)
    start = min(max(mean_x - CONDUIT_W / 2, lowest), highest)
    step = CONDUIT_W / 2 + 6
    weigh = len(ends) <= _WEIGHED_ENDS  # weighing each place of a hub costs more than its trunk gains
    zones = [b for b in boxes.values() if not b.conduit] if weigh else []
    best: tuple[tuple[int, float], float, float] | None = None
    for rank, gutter in enumerate(ordered):
        y = gutter - CONDUIT_H / 2
        found, strip = 0, _strip(y, boxes)
        for k in range(0, 2 * int((highest - lowest) / step) + 3):
            x = start + (k + 1) // 2 * step * (1 if k % 2 else -1)  # 0, +1, -1, +2, -2, ... steps
            if not lowest <= x <= highest or any(_overlap(x, y, CONDUIT_W, CONDUIT_H, b) for b in strip):
                continue
            crossed = _crossings(Box("", "", True, x, y, CONDUIT_W, CONDUIT_H), ends, zones)
            cost = (crossed, abs(x - start) + rank * ROW_H)
            if best is None or cost < best[0]:
                best = (cost, x, y)
            found += 1
            if found == _TRIED or not weigh:
                break
        if best is not None and (rank + 1 >= min(len(near), _GUTTERS) or best[0][0] == 0):
            return best[1], best[2]
    if best is not None:
        return best[1], best[2]
    y = ordered[0] - CONDUIT_H / 2  # every gutter full: right of the drawing, at the first free step
    return _first_free(highest + step, step, y, _strip(y, boxes)), y


def _strip(y: float, boxes: dict[str, Box]) -> list[Box]:
    """The boxes a conduit box at height `y` may overlap, wherever it goes along: those level with it.
    Trying each place against every box made 200 conduits take 0.6 s to place, 500 of them 3 s."""
    pad = _PAD
    return [b for b in boxes.values() if y < b.y + b.h + pad and b.y < y + CONDUIT_H + pad]


def _first_free(x: float, step: float, y: float, strip: list[Box]) -> float:
    """The first of x, x + step, x + 2 step... where a conduit box overlaps none of `strip`: past each box in
    its way at once, in the order of their left edges (a place at a time took a conduit a pass per box)."""
    for box in sorted(strip, key=lambda b: b.x):
        if box.x >= x + CONDUIT_W + _PAD:
            break  # this box and those after it start right of the place
        if _overlap(x, y, CONDUIT_W, CONDUIT_H, box):
            x += max(1, math.ceil((box.x + box.w + _PAD - x) / step)) * step
    return x


def _crossings(conduit: Box, ends: list[Box], zones: list[Box]) -> int:
    """How many boxes of `zones` the lines from `conduit` to each of `ends` pass through (a line through
    another zone of the same conduit reads as joining that zone, so it counts too)."""
    count = 0
    for end in ends:
        points = route(conduit, end)  # only conduits of at most BUS ends are weighed: never a bus
        for a, b in zip(points, points[1:], strict=False):
            x0, x1, y0, y1 = min(a[0], b[0]), max(a[0], b[0]), min(a[1], b[1]), max(a[1], b[1])
            count += sum(1 for box in zones if box is not end and box.x < x1 and x0 < box.x + box.w
                         and box.y < y1 and y0 < box.y + box.h and _cuts(a, b, box))
    return count


def _cuts(a: tuple[float, float], b: tuple[float, float], box: Box) -> bool:
    """Whether the segment a-b passes through `box` (Liang-Barsky clipping)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    low, high = 0.0, 1.0
    for p, q in ((-dx, a[0] - box.x), (dx, box.x + box.w - a[0]), (-dy, a[1] - box.y), (dy, box.y + box.h - a[1])):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def route(conduit: Box, zone: Box, *, bus: bool = False) -> tuple[Point, ...]:
    """The points of the line from a conduit's box to the box of a zone it connects, edge to edge.

    A zone in the row next to the conduit's gutter is joined straight, from the conduit's edge to the
    zone's edge that faces it. A zone rows away is reached square, as in a network drawing: out of the
    conduit, along the gap between two columns nearest it (a trunk all its lines share), then along a
    lane just clear of the zone's row, and into its edge. Gutters and gaps hold no zone, so no line
    crosses one. A `bus` (a conduit to dozens of zones) runs square to its neighbours too: a fan of
    straight lines from one box would hide the row under it. Boxes level with one another (one dragged
    beside the other) are joined straight."""
    below = zone.y >= conduit.y + conduit.h
    if not below and zone.y + zone.h > conduit.y:
        return _straight(conduit, zone)
    sign = 1.0 if below else -1.0
    out = conduit.y + conduit.h if below else conduit.y  # the conduit's edge the line leaves by
    into = zone.y if below else zone.y + zone.h  # the zone's edge it arrives at
    lane = into - sign * _LANE
    x_in = _within(conduit.centre[0], zone)
    if sign * (into - out) <= ROW_H / 2:  # the zone's row is next to the conduit's gutter
        x_out = _within(x_in, conduit)
        points = [(x_out, out), (x_out, lane), (x_in, lane), (x_in, into)] if bus else [(x_out, out), (x_in, into)]
    else:
        trunk = _trunk(conduit.centre[0])
        x_out, own = _within(trunk, conduit), out + sign * _LANE
        points = [(x_out, out), (x_out, own), (trunk, own), (trunk, lane), (x_in, lane), (x_in, into)]
    return _square(points)


def _within(x: float, box: Box) -> float:
    """`x`, moved inside `box` to at least _INSET from its corners."""
    inset = min(_INSET, box.w / 2)
    return min(max(x, box.x + inset), box.x + box.w - inset)


def _trunk(x: float) -> float:
    """The middle of the gap between two columns of zones nearest `x` (left of the first, right of the last)."""
    first, pitch = LABEL_W + MARGIN - GAP_X / 2, ZONE_W + GAP_X
    return first + min(max(round((x - first) / pitch), 0), PER_ROW) * pitch


def _square(points: list[Point]) -> tuple[Point, ...]:
    """`points` without repeats, nor corners that are not turns (on a line with the points either side)."""
    kept: list[Point] = []
    for point in points:
        if kept and math.isclose(point[0], kept[-1][0]) and math.isclose(point[1], kept[-1][1]):
            continue
        if len(kept) >= 2 and _aligned(kept[-2], kept[-1], point):
            kept.pop()
        kept.append(point)
    return tuple(kept)


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


def _overlap(x: float, y: float, w: float, h: float, box: Box) -> bool:
    pad = _PAD
    return x < box.x + box.w + pad and box.x < x + w + pad and y < box.y + box.h + pad and box.y < y + h + pad


def _placed(zone: Zone, x: float, y: float, w: float, h: float, far: tuple[float, float]) -> Box:
    """A box where it was computed or, if the user put it somewhere, there: kept right of the band names and
    below the top, as the GUI's drag keeps it, and within REACH of the laid-out drawing (`far`), so that a
    hand-edited position neither draws it off the page nor makes a drawing of a thousand pages."""
    if zone.position is not None:
        x, y = min(max(zone.position[0], LABEL_W), far[0]), min(max(zone.position[1], 0.0), far[1])
    return Box(zone.id, zone.name, zone.kind is ScopeKind.CONDUIT, x, y, w, h)
