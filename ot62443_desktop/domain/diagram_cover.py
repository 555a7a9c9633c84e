"""What the lines of the drawing routed so far cover along one straight line of the page (a lane or a track).

The router (diagram_routes.py) asks, for each way a new line could take, how much of it runs along
lines of other conduits. Kept line by line, that question read every line routed before: 500 conduits
between two zones took two minutes to route. A Cover keeps stretches instead, in order and apart, each
with the one conduit whose lines run there (None: several), and the covered length up to each, so that
the answer takes a bisection, however many lines run along. Lines on the grid start and end at a few
coordinates, so a cover holds few stretches even then.
"""

from __future__ import annotations

from bisect import bisect_right

_NOISE = 1e-6  # points: a length shorter than this is none
Stretch = tuple[float, float, str | None]  # from, to, and the one conduit whose lines run there (None: several)


class Cover:
    def __init__(self) -> None:
        self.stretches: list[Stretch] = []
        self._starts: list[float] = []
        self._before: list[float] = []  # the covered length before each stretch
        self._own: dict[str, list[Stretch]] = {}  # by conduit: the stretches only its lines cover

    def add(self, low: float, high: float, conduit_id: str) -> None:
        """Cover low-high with a line of `conduit_id`."""
        found: list[Stretch] = []

        def keep(a: float, b: float, owner: str | None) -> None:
            if a >= b:
                return
            if found and found[-1][1] == a and found[-1][2] == owner:
                found[-1] = (found[-1][0], b, owner)
            else:
                found.append((a, b, owner))

        at = low  # how far the new stretch is kept
        for a, b, owner in self.stretches:
            if b <= low or a >= high:
                if a >= high:
                    keep(at, high, conduit_id)
                    at = max(at, high)
                keep(a, b, owner)
                continue
            keep(a, low, owner)
            keep(at, a, conduit_id)
            keep(max(a, low), min(b, high), owner if owner == conduit_id else None)
            at = min(b, high)
            keep(high, b, owner)
        keep(at, high, conduit_id)
        self.stretches = found
        self._starts = [a for a, _b, _o in found]
        self._before, total = [], 0.0
        self._own = {}
        for a, b, owner in found:
            self._before.append(total)
            total += b - a
            if owner is not None:
                self._own.setdefault(owner, []).append((a, b, owner))

    def shared(self, low: float, high: float, conduit_id: str) -> float:
        """How much of low-high lines of conduits other than `conduit_id` cover."""
        own = sum(max(0.0, min(b, high) - max(a, low)) for a, b, _o in self._own.get(conduit_id, ()))
        length = self._upto(high) - self._upto(low) - own
        return length if length > _NOISE else 0.0  # sums that round differently leave 1e-13, not nothing

    def _upto(self, x: float) -> float:
        """The covered length left of x."""
        i = bisect_right(self._starts, x) - 1
        if i < 0:
            return 0.0
        a, b, _owner = self.stretches[i]
        return self._before[i] + min(x, b) - a
