"""A drawing whose gutters are full: many conduits between few zones, or between the zones of one level.
Every conduit still gets a place of its own, where the layout puts it every time, whatever the hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
from itertools import combinations
from pathlib import Path

from ot62443_desktop.domain.diagram import layout
from ot62443_desktop.domain.diagram_grid import CONDUIT_W, Box
from ot62443_desktop.domain.model import ProjectData, ProjectInfo, ScopeKind, Zone

CONDUIT = ScopeKind.CONDUIT


def crowded(zones: int, conduits: int, levels: int) -> ProjectData:
    """`conduits` conduits, each joining two zones of a plant of `zones` zones on `levels` levels."""
    plant = [Zone(f"Z{n:03d}", f"Zone {n}", Zone.uniform(2), level=n % levels) for n in range(zones)]
    links = [Zone(f"C{n:03d}", f"Link {n}", Zone.uniform(2), kind=CONDUIT,
                  connects=(f"Z{n % zones:03d}", f"Z{(n + 1 + n // zones % (zones - 1)) % zones:03d}"))
             for n in range(conduits)]
    return ProjectData(ProjectInfo("c", "s"), (*plant, *links))


def apart(a: Box, b: Box) -> bool:
    return not (a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h)


def test_conduits_that_fill_every_gutter_each_get_a_place_of_their_own() -> None:
    for data in (crowded(2, 120, 1), crowded(5, 200, 1), crowded(40, 300, 3)):
        diagram = layout(data)
        assert all(apart(a, b) for a, b in combinations(diagram.boxes, 2))
        conduits = [b for b in diagram.boxes if b.conduit]
        assert len(conduits) == len(data.zones) - len({z.id for z in data.zones if z.kind is ScopeKind.ZONE})
        assert all(b.x + b.w <= diagram.width and b.y + b.h <= diagram.height for b in diagram.boxes)
        assert layout(data) == diagram


def test_conduits_pushed_right_of_a_full_gutter_sit_side_by_side() -> None:
    """Two zones, sixty links between them: those past the gutter's end follow one another, none skipped over."""
    diagram = layout(crowded(2, 60, 1))
    row = sorted(b.x for b in diagram.boxes if b.conduit)
    gaps = {round(b - a, 6) for a, b in zip(row, row[1:], strict=False)}
    assert len(row) == 60 and max(gaps) <= 2 * CONDUIT_W


def test_the_layout_is_the_same_whatever_python_hashes_strings_with() -> None:
    script = ("import sys; sys.path.insert(0, '.'); from tests.domain.test_diagram_crowded import crowded;"
              "from ot62443_desktop.domain.diagram import layout; print(repr(layout(crowded(60, 150, 6))))")
    root = Path(__file__).parents[2]
    drawn = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=root,
                            env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("0", "1", "4242")}
    assert len(drawn) == 1 and "Box(" in drawn.pop()
