"""The zones-and-conduits drawing as geometry: where each zone, conduit and layer band goes.

One layout serves every renderer (the GUI's scene, SVG, the PDF's vector drawing, PNG), so the
drawing an auditor opens in the plan is the one the consultant arranged on screen. Layers run
top-down from the highest (enterprise) to level 0 (process), as Purdue drawings do; zones with
no layer go in a last band. Within a band, zones are ordered by where their neighbours sit (a
few barycentre sweeps), which removes most crossings; a crowded band wraps onto more rows, so
a 100-zone project stays legible. A conduit is a small box near the zones it connects, with
one line to each of them: in the gutter between two rows of boxes (between the bands of the
levels it joins, when it joins several), over a column, as near the mean x of its zones as the
conduits placed before it allow. The gaps between columns and the strips either side of the
conduits then hold no box, and the lines run there (diagram_routes.py). A zone a conduit names
that the project lacks (one removed since, or named so in an old file) is a marker in the band
of zones with no layer, laid out as one of them, so that it stands in no one's way, and the
conduit's line runs to it as to any zone. A position the user dragged a box to wins over the
computed one. Units are points (1/72 inch); y grows downwards.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, replace

from ot62443_desktop.domain.diagram_grid import (
    CONDUIT_H,
    CONDUIT_W,
    GAP_X,
    LABEL_W,
    MARGIN,
    PER_ROW,
    PITCH,
    ROW_H,
    ZONE_H,
    ZONE_W,
    Box,
    Point,
    snapped,
)
from ot62443_desktop.domain.diagram_routes import STRAIGHT_ON, Router, Way
from ot62443_desktop.domain.model import ProjectData, ScopeKind, Zone

REACH = 1000.0  # points: how far beyond the laid-out drawing a box the user put somewhere may sit
_SWEEPS = 4
_PAD = 4.0  # the least room between two boxes


@dataclass(frozen=True)
class Link:
    """One line from a conduit to one zone it connects: the centres of both boxes, the points the line runs
    through, from the conduit's edge to the zone's, and the way it takes (`route`). `missing`: the project
    has no such zone, and the line ends at its marker."""

    conduit_id: str
    zone_id: str
    start: Point
    end: Point
    points: tuple[Point, ...]
    way: Way = STRAIGHT_ON
    missing: bool = False


@dataclass(frozen=True)
class Band:
    name: str  # the layer's, as the project has it; "" for zones with no layer
    y: float
    h: float
    missing_only: bool = False  # it holds only markers of zones the project lacks (every zone has a layer)


@dataclass(frozen=True)
class Diagram:
    boxes: tuple[Box, ...]
    markers: tuple[Box, ...]  # of the zones conduits name that the project lacks, each with its id as its name
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
    known = {zone.id for zone in zones}
    missing = dict.fromkeys(z for conduit in conduits for z in conduit.connects if z not in known)
    by_band[-1] += [Zone(z, z, Zone.uniform(0)) for z in missing]  # stand-ins, laid out as zones with no layer
    order = [level for level in range(len(layers) - 1, -1, -1) if by_band.get(level)]
    if by_band.get(-1):
        order.append(-1)
    rows = _ordered_rows(order, by_band, neighbours)
    far = (LABEL_W + MARGIN + PER_ROW * (ZONE_W + GAP_X) + REACH,
           MARGIN + sum(len(band) for band in rows.values()) * ROW_H + ROW_H + REACH)
    boxes: dict[str, Box] = {}
    markers: dict[str, Box] = {}  # apart: a conduit may name another conduit, whose id is then a marker's too
    bands = []
    y = MARGIN
    user_placed = _put_by_user(zones, ZONE_W, ZONE_H, far)
    pinned = {(box.x, box.y) for box in user_placed.values()}
    for level in order:
        members = [zone for row in rows[level] for zone in row]
        cells = _cells(y, len(members), pinned)
        height = (round((cells[-1][1] - y) / ROW_H) + 1) * ROW_H
        bands.append(Band(layers[level] if level >= 0 else "", y, height, all(z.id in missing for z in members)))
        for zone, (x0, y0) in zip(members, cells, strict=True):
            if zone.id in missing:
                markers[zone.id] = Box(zone.id, zone.id, False, x0, y0, ZONE_W, ZONE_H)
            else:
                boxes[zone.id] = user_placed.get(zone.id) or _placed(zone, x0, y0, ZONE_W, ZONE_H, far)
        y += height
    markers = _under_their_zones(markers, conduits, boxes)
    gutters = [band.y + r * ROW_H for band in bands for r in range(1, round(band.h / ROW_H) + 1)]
    y = _place_conduits(conduits, boxes, markers, gutters, {band.y for band in bands[1:]}, y, far)
    links = _lines(conduits, boxes, markers)
    everything = [*boxes.values(), *markers.values()]
    width = max((b.x + b.w for b in everything), default=LABEL_W + MARGIN) + MARGIN
    height = max([y, *(b.y + b.h + MARGIN for b in everything)])
    line_points = [point for link in links for point in link.points]  # one may run right of the last column
    width = max([width, *(x + MARGIN / 2 for x, _y in line_points)])
    height = max([height, *(y + MARGIN / 2 for _x, y in line_points)])
    ordered = tuple(boxes[z.id] for z in project.zones)
    return Diagram(ordered, tuple(markers.values()), links, tuple(bands), width, height)


def _lines(conduits: list[Zone], boxes: dict[str, Box], markers: dict[str, Box]) -> tuple[Link, ...]:
    """One line from each conduit to each zone it connects (or its marker), each the way the router gives it."""
    router, links = Router([*boxes.values(), *markers.values()]), []
    for conduit in conduits:
        box, last = boxes[conduit.id], STRAIGHT_ON
        for zone_id in conduit.connects:
            end = markers.get(zone_id) or boxes[zone_id]
            points, last = router.line(box, end, last)
            links.append(Link(conduit.id, zone_id, box.centre, end.centre, points, last, zone_id in markers))
    return tuple(links)


def _under_their_zones(markers: dict[str, Box], conduits: list[Zone], boxes: dict[str, Box]) -> dict[str, Box]:
    """The markers moved among the cells the layout gave them, each, taken left to right, to the free cell
    nearest under the zones of the conduits naming it (the upper of two as near), so their lines do not cross."""
    def wanted(marker_id: str) -> float:
        xs = [boxes[z].centre[0] for c in conduits if marker_id in c.connects for z in c.connects if z in boxes]
        return sum(xs) / len(xs) - ZONE_W / 2 if xs else markers[marker_id].x
    free = {(box.x, box.y) for box in markers.values()}
    moved = {}
    for x, marker_id in sorted((wanted(marker_id), marker_id) for marker_id in markers):
        cell = min(free, key=lambda cell: (abs(cell[0] - x), cell[1], cell[0]))
        free.remove(cell)
        moved[marker_id] = replace(markers[marker_id], x=cell[0], y=cell[1])
    return moved


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


def _cells(top: float, count: int, pinned: set[tuple[float, float]]) -> list[tuple[float, float]]:
    """The top left corners of `count` zones in a band from `top` down, PER_ROW to a row, past the cells boxes the
    user placed are in (a dragged zone keeps the cell it left empty: the others do not move up when one is
    dragged away)."""
    found: list[tuple[float, float]] = []
    k = 0
    while len(found) < count:
        cell = (LABEL_W + MARGIN + k % PER_ROW * PITCH, top + k // PER_ROW * ROW_H + (ROW_H - ZONE_H) / 2)
        if cell not in pinned:
            found.append(cell)
        k += 1
    return found


def _place_conduits(conduits: list[Zone], boxes: dict[str, Box], markers: dict[str, Box], gutters: list[float],
                    band_tops: set[float], bottom: float, far: tuple[float, float]) -> float:
    """Each conduit near the zones it connects, or their markers (see the module's note); one that connects
    none goes in a row under the bands. `gutters` are the lines between rows of boxes (and under the last),
    `band_tops` those of them that part two bands. Returns the new bottom."""
    loose = 0
    loose_y = bottom + (ROW_H - CONDUIT_H) / 2
    boxes.update(_put_by_user(conduits, CONDUIT_W, CONDUIT_H, far))  # first, so that the others go round them
    places = _Places([*boxes.values(), *markers.values()])
    columns = max(1, round((max((b.x + b.w for b in places.boxes), default=0.0) - LABEL_W - MARGIN + GAP_X) / PITCH))
    for conduit in conduits:
        if conduit.id in boxes:
            continue
        ends = [markers.get(z) or boxes[z] for z in conduit.connects]  # each is a zone's box or a marker
        if ends:
            x, y = _near(ends, places, gutters, band_tops, columns)
        else:
            x, y = _slot(loose), loose_y
            loose += 1
        boxes[conduit.id] = _placed(conduit, x, y, CONDUIT_W, CONDUIT_H, far)
        places.add(boxes[conduit.id])
    return bottom + (ROW_H if loose else 0)


def _slot(column: int) -> float:
    """The x of a conduit's box over `column`: in its middle, clear of the gaps either side."""
    return LABEL_W + MARGIN + column * PITCH + (ZONE_W - CONDUIT_W) / 2


def _near(ends: list[Box], places: _Places, gutters: list[float], band_tops: set[float],
          columns: int) -> tuple[float, float]:
    """Where a conduit joining the zones `ends` goes: on a gutter between the rows they are in (between their
    bands when they are in several), over the free column nearest their mean x, on the nearest gutter to their
    mean height that has one; when every gutter is full, over the first free column right of the drawing."""
    centres = [end.centre for end in ends]
    mean_x, mean_y = sum(x for x, _ in centres) / len(ends), sum(y for _, y in centres) / len(ends)
    top, low = min(y for _, y in centres), max(y for _, y in centres)
    between = [g for g in gutters if top < g < low]
    near = ([g for g in between if g in band_tops] or between
            or [g for g in gutters if top - ROW_H <= g <= low + ROW_H] or gutters or [low + ROW_H / 2])
    ordered = sorted(near, key=lambda g: (abs(g - mean_y), g))
    ordered += sorted((g for g in gutters if g not in ordered), key=lambda g: (abs(g - mean_y), g))
    start = mean_x - CONDUIT_W / 2
    nearest = sorted(range(columns), key=lambda c: (abs(_slot(c) - start), c))
    for gutter in ordered:
        y = gutter - CONDUIT_H / 2
        taken = places.taken(y)
        for column in nearest:
            if column not in taken:
                return _slot(column), y
    y = ordered[0] - CONDUIT_H / 2
    taken = places.taken(y)
    column = columns
    while column in taken:
        column += 1
    return _slot(column), y


class _Places:
    """The columns over which a conduit box at a gutter's height would overlap (or come within _PAD of) a box,
    worked out once per gutter from the boxes level with it and kept as conduits are placed. Worked out afresh
    for each conduit, 600 conduits among 300 zones took a second; trying each place against every box, 500
    conduits between two zones took 20 s."""

    def __init__(self, boxes: list[Box]) -> None:
        self.boxes = boxes
        self._taken: dict[float, set[int]] = {}

    def taken(self, y: float) -> set[int]:
        if y not in self._taken:
            self._taken[y] = {column for box in self.boxes for column in _blocked_columns(box, y)}
        return self._taken[y]

    def add(self, box: Box) -> None:
        self.boxes.append(box)
        for y, taken in self._taken.items():
            taken.update(_blocked_columns(box, y))


def _blocked_columns(box: Box, y: float) -> range:
    """The columns over which a conduit box at height `y` would overlap `box`, or come within _PAD of it."""
    if not (y < box.y + box.h + _PAD and box.y < y + CONDUIT_H + _PAD):
        return range(0)
    low, high = box.x - CONDUIT_W - _PAD - _slot(0), box.x + box.w + _PAD - _slot(0)
    return range(math.floor(low / PITCH) + 1, math.ceil(high / PITCH))


def _put_by_user(items: list[Zone], w: float, h: float, far: tuple[float, float]) -> dict[str, Box]:
    """The boxes of the zones (or conduits) the user put somewhere (`_placed`), each in a place of its own: of two
    in one place, the one later in the project goes to the next free place along the row (two dragged onto one
    cell were drawn one over the other, and one could not be told to be there)."""
    onward: dict[tuple[float, float], float] = {}  # a taken place -> an x along its row to try next
    found = {}
    for item in items:
        if (box := _placed(item, 0.0, 0.0, w, h, far)).pinned:
            x, passed = box.x, []
            while (x, box.y) in onward:  # each taken place passed is sent on to the free one (a thousand boxes
                passed.append(x)  # dropped on one cell took a second, each walking past all the others)
                x = onward[x, box.y]
            for at in passed:
                onward[at, box.y] = x
            onward[x, box.y] = x + PITCH
            found[item.id] = replace(box, x=x)
    return found


def _placed(zone: Zone, x: float, y: float, w: float, h: float, far: tuple[float, float]) -> Box:
    """A box where it was computed or, if the user put it somewhere, on the grid there (`snapped`): kept right
    of the band names and below the top, as the GUI's drag keeps it, and within REACH of the laid-out drawing
    (`far`), so that a hand-edited position neither draws it off the page nor makes a drawing of a thousand
    pages (one that is not a number at all is not a place: the storage refuses it, and the drawing would not
    trust it either)."""
    conduit = zone.kind is ScopeKind.CONDUIT
    if zone.position is not None and all(map(math.isfinite, zone.position)):
        x, y = snapped(min(max(zone.position[0], LABEL_W), far[0]), min(max(zone.position[1], 0.0), far[1]), conduit)
        return Box(zone.id, zone.name, conduit, x, y, w, h, pinned=True)
    return Box(zone.id, zone.name, conduit, x, y, w, h)
