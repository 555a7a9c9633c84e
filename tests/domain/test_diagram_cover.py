"""The router's record of what the lines cover along one line of the page, against a plain count."""

from __future__ import annotations

import random

from ot62443_desktop.domain.diagram_cover import Cover


def union_within(intervals: list[tuple[float, float]], low: float, high: float) -> float:
    """The length of low-high that `intervals` cover, counted once."""
    cut = sorted((max(a, low), min(b, high)) for a, b in intervals if a < high and b > low)
    length, reach = 0.0, low
    for a, b in cut:
        if b > reach:
            length += b - max(a, reach)
            reach = b
    return length


def test_what_others_cover_is_counted_once_however_the_lines_overlap() -> None:
    rng = random.Random(7)
    for _ in range(300):
        cover, drawn = Cover(), []
        for _line in range(rng.randint(1, 12)):
            low = rng.choice((0.0, 10.0, 25.5, 40.0, 60.0, 90.0)) + rng.choice((0.0, 0.0, 3.25))
            high = low + rng.choice((5.0, 15.0, 30.0, 50.0))
            owner = rng.choice("ABC")
            cover.add(low, high, owner)
            drawn.append((low, high, owner))
        stretches = cover.stretches
        assert all(a < b for a, b, _o in stretches) and all(
            one[1] <= two[0] for one, two in zip(stretches, stretches[1:], strict=False))
        for _query in range(10):
            low = rng.uniform(-10, 150)
            high = low + rng.uniform(0, 80)
            for me in "ABCD":
                others = [(a, b) for a, b, o in drawn if o != me]
                assert abs(cover.shared(low, high, me) - union_within(others, low, high)) < 1e-9, (drawn, low, high)


def test_a_thousand_lines_along_one_lane_keep_the_cover_small() -> None:
    """Lines on the grid start and end at a few places: however many run along, the cover stays a few stretches."""
    cover = Cover()
    for n in range(1000):
        cover.add(100.0 * (n % 7), 100.0 * (n % 7) + 250.0, f"C{n}")
    assert len(cover.stretches) <= 14
    assert cover.shared(0.0, 1000.0, "C999") == 850.0


def test_a_stretch_only_the_asking_conduits_lines_cover_shares_nothing_exactly() -> None:
    """The length was worked out as a difference of sums that round differently: 1e-13 instead of 0, and the
    router, which stops at the first way that shares nothing, tried on and took another track."""
    cover = Cover()
    for low, high, owner in ((121.5, 286.0, "X"), (286.0, 475.6666666666667, "C2"),
                             (475.6666666666667, 700.3333333333334, "Y"), (700.3333333333334, 718.0, "C2")):
        cover.add(low, high, owner)
    assert cover.shared(286.0, 475.6666666666667, "C2") == 0.0
    assert cover.shared(700.3333333333334, 718.0, "C2") == 0.0
    assert abs(cover.shared(121.5, 718.0, "X") - (718.0 - 286.0)) < 1e-9
