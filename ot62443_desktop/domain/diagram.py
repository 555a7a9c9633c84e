"""The zones-and-conduits drawing as geometry: where each zone, conduit and layer band goes.

One layout serves every renderer (the GUI's scene, SVG, the PDF's vector drawing, PNG), so the
drawing an auditor opens in the plan is the one the consultant arranged on screen. Layers run
top-down from the highest (enterprise) to level 0 (process), as Purdue drawings do; zones with
no layer go in a last band. Within a band, zones are ordered by where their neighbours sit (a
few barycentre sweeps), which removes most crossings; a crowded band wraps onto more rows, so
a 100-zone project stays legible. A conduit is a small box between the zones it connects, with
one line to each of them. A position the user dragged a box to wins over the computed one.
Units are points (1/72 inch); y grows downwards.
"""

from __future__ import annotations

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
    """One line from a conduit to one zone it connects (None: the zone does not exist)."""

    conduit_id: str
    zone_id: str
    start: tuple[float, float]
    end: tuple[float, float] | None


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
    y = _place_conduits(conduits, boxes, y, far)
    links = tuple(
        Link(c.id, z, boxes[c.id].centre, boxes[z].centre if z in boxes and not boxes[z].conduit else None)
        for c in conduits for z in c.connects
    )
    width = max((b.x + b.w for b in boxes.values()), default=LABEL_W + MARGIN) + MARGIN
    height = max([y, *(b.y + b.h + MARGIN for b in boxes.values())])
    ordered = tuple(boxes[z.id] for z in project.zones)
    return Diagram(ordered, links, tuple(bands), width, height)


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


def _place_conduits(conduits: list[Zone], boxes: dict[str, Box], bottom: float, far: tuple[float, float]) -> float:
    """Each conduit between the zones it connects, nudged right until it overlaps no other box;
    conduits that connect no drawn zone go in a row under the bands. Returns the new bottom."""
    loose_x = LABEL_W + MARGIN
    loose_y = bottom + (ROW_H - CONDUIT_H) / 2
    for conduit in conduits:
        ends = [boxes[z].centre for z in conduit.connects if z in boxes]
        if ends:
            cx = sum(x for x, _ in ends) / len(ends)
            ys = [y for _, y in ends]
            cy = (min(ys) + max(ys)) / 2 if max(ys) - min(ys) > ZONE_H else min(ys) - ZONE_H
            x, y = cx - CONDUIT_W / 2, cy - CONDUIT_H / 2
            while any(_overlap(x, y, CONDUIT_W, CONDUIT_H, b) for b in boxes.values()):
                x += CONDUIT_W / 2 + 6
        else:
            x, y = loose_x, loose_y
            loose_x += CONDUIT_W + GAP_X
        boxes[conduit.id] = _placed(conduit, max(x, LABEL_W + MARGIN), max(y, MARGIN / 2), CONDUIT_W, CONDUIT_H,
                                    far)
    return bottom + (ROW_H if loose_x > LABEL_W + MARGIN else 0)


def _overlap(x: float, y: float, w: float, h: float, box: Box) -> bool:
    pad = 4.0
    return x < box.x + box.w + pad and box.x < x + w + pad and y < box.y + box.h + pad and box.y < y + h + pad


def _placed(zone: Zone, x: float, y: float, w: float, h: float, far: tuple[float, float]) -> Box:
    """A box where it was computed or, if the user put it somewhere, there: kept right of the band names and
    below the top, as the GUI's drag keeps it, and within REACH of the laid-out drawing (`far`), so that a
    hand-edited position neither draws it off the page nor makes a drawing of a thousand pages."""
    if zone.position is not None:
        x, y = min(max(zone.position[0], LABEL_W), far[0]), min(max(zone.position[1], 0.0), far[1])
    return Box(zone.id, zone.name, zone.kind is ScopeKind.CONDUIT, x, y, w, h)
