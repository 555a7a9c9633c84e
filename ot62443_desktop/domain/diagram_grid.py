"""The grid the zones-and-conduits drawing is laid out on: box sizes, rows and columns.

Zones sit in rows ROW_H apart from MARGIN down, and in columns PITCH apart right of the layers'
names; conduits sit on the gutters between rows, over a column. Both the layout (diagram.py) and
the lines between the boxes (diagram_routes.py) work on it. Units are points; y grows downwards.
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

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2
