"""The index of the boxes a line may run into, against reading every box."""

from __future__ import annotations

import random

from ot62443_desktop.domain.diagram_grid import Box
from ot62443_desktop.domain.diagram_obstacles import Obstacles
from ot62443_desktop.domain.diagram_routes import _through


def test_a_straight_piece_is_offered_every_box_it_runs_through() -> None:
    rng = random.Random(5)
    for _ in range(200):
        boxes = [Box(f"B{n}", "", rng.random() < 0.5, rng.choice((0.0, 10.0, 184.0, 368.0)) + rng.choice((0, 3.5)),
                     rng.choice((0.0, 42.0, 101.0, 140.0)) + rng.choice((0, 2.0)), rng.choice((110.0, 150.0)),
                     rng.choice((26.0, 46.0))) for n in range(rng.randint(1, 30))]
        obstacles = Obstacles(boxes)
        for _piece in range(40):
            a = (rng.choice((0.0, 10.0, 119.0, 184.0, 300.0)) + rng.uniform(-5, 5), rng.uniform(-10, 200))
            b = rng.choice(((a[0] + rng.uniform(-600, 600), a[1]), (a[0], a[1] + rng.uniform(-300, 300)),
                            (a[0] + rng.uniform(-50, 50), a[1] + rng.uniform(-50, 50)), a,
                            (boxes[0].x, a[1]), (a[0], boxes[0].y + boxes[0].h)))
            offered = {id(box) for box in obstacles.near(a, b)}
            assert all(id(box) in offered for box in boxes if _through(a, b, box)), (a, b)
