"""The drawing's layout on crowded plants: many conduits, gutters that fill up (issue 16).

Run: python tests/benchmarks/bench_diagram.py
Prints the median layout time of plants of 100 zones with 50 to 500 conduits, and of a few zones
joined by hundreds of conduits (every gutter full, so most conduits go right of the drawing). The
GUI lays the drawing out again after every edit and drag, so this is time the window is not answering.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from ot62443_desktop.domain.diagram import layout  # noqa: E402
from tests.benchmarks.timing import timed  # noqa: E402
from tests.domain.test_diagram_crowded import crowded  # noqa: E402

PLANTS = ((100, 50, 6), (100, 200, 6), (100, 500, 6), (10, 500, 6), (2, 500, 1), (30, 300, 1))


def main() -> None:
    for zones, conduits, levels in PLANTS:
        data = crowded(zones, conduits, levels)
        median = statistics.median(timed(lambda: layout(data), 3))  # noqa: B023 (called at once)
        print(f"layout of {zones} zones on {levels} level(s) with {conduits} conduits: {median * 1e3:.0f} ms")


if __name__ == "__main__":
    main()
