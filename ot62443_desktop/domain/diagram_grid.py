"""The grid the zones-and-conduits drawing is laid out on: box sizes, rows and columns.

Zones sit in rows ROW_H apart from MARGIN down, and in columns PITCH apart right of the layers'
names; conduits sit on the gutters between rows, over a column. Both the layout (diagram.py) and
the lines between the boxes (diagram_routes.py) work on it, and a box the user drags snaps to it
(`snapped`): the lines run in the gaps and strips the grid leaves free, where a box put anywhere
else could stand in their way. Units are points; y grows downwards.
"""

from __future__ import annotations

from dataclasses import dataclass

ZONE_W, ZONE_H = 150.0, 46.0
CONDUIT_W, CONDUIT_H = 110.0, 26.0
GAP_X, ROW_H = 34.0, 98.0
LABEL_W = 120.0  # the band names, left of the boxes
MARGIN = 16.0
PER_ROW = 10  # boxes per row of a band before it wraps
PITCH = ZONE_W + GAP_X  # from one column of zones to the next

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
    pinned: bool = False  # where the user put it, not where the layout would

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2


def snapped(x: float, y: float, conduit: bool) -> Point:
    """The place on the grid nearest (x, y) for the top left corner of a box: a zone's in a row and a column,
    a conduit's over a column, centred on a gutter."""
    left = LABEL_W + MARGIN + ((ZONE_W - CONDUIT_W) / 2 if conduit else 0.0)
    top = MARGIN - CONDUIT_H / 2 if conduit else MARGIN + (ROW_H - ZONE_H) / 2
    return left + max(round((x - left) / PITCH), 0) * PITCH, top + max(round((y - top) / ROW_H), 0) * ROW_H
