"""Both export benchmarks in one run (SPEC 10): the Excel register and the PDF plan of the
100-zone demo, each against its library writing the same content plainly. Budget 1.5x each.

Run: python tests/benchmarks/bench_exports.py   (each script also runs alone, with its own options)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_pdf  # noqa: E402
import bench_xlsx  # noqa: E402

if __name__ == "__main__":
    for bench in (bench_xlsx, bench_pdf):
        sys.argv = [bench.__file__]
        print(f"== {Path(bench.__file__).stem}")
        bench.main()
