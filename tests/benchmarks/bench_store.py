"""Store figures for a 100-zone demo (SPEC 10): answer save p95 and open time.

Run: python tests/benchmarks/bench_store.py [--zones 100]
Prints our durable `set_answer` beside a plain TinyDB `update()` on a file of the same
size in the same run (plain TinyDB rewrites the whole file per write and does not
fsync), and the time to open the project; then the same save and open figures for the
project encrypted (SPEC 12.6: the open includes deriving the key from the passphrase).
Budgets: save p95 <= 3 ms, open <= 0.5 s, encrypted or not.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from tinydb import TinyDB

from ot62443_desktop.api import open_project
from ot62443_desktop.demo import write_demo
from ot62443_desktop.storage import ProjectStore
from ot62443_desktop.storage.sealed import DEFAULT_PARAMS

sys.path.insert(0, str(Path(__file__).parent))
from timing import percentile, timed  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--zones", type=int, default=100)
    parser.add_argument("--writes", type=int, default=1000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-store-"))
    os.environ.setdefault("OT62443_DATA_DIR", str(work / "appdata"))
    try:
        path = work / "demo.ot62443"
        (demo_time,) = timed(lambda: write_demo(path, zones=args.zones, seed=1), 1)
        size_mb = path.stat().st_size / 1e6

        sealed = work / "sealed.ot62443"  # the same project, encrypted
        shutil.copy(path, sealed)
        with ProjectStore.open(sealed) as store:
            store.protect(PASSPHRASE)
        open_times = timed(lambda: ProjectStore.open(path).close(), 5)
        sealed_open = timed(lambda: ProjectStore.open(sealed, passphrase=PASSPHRASE).close(), 5)
        saves, answers = measure(path, args.writes, None)
        sealed_saves, _ = measure(sealed, args.writes, PASSPHRASE)

        rng = random.Random(7)
        plain = work / "plain.json"
        shutil.copy(path, plain)
        db = TinyDB(plain)
        table = db.table("answers:SCADA")
        doc_ids = [doc.doc_id for doc in table.all()]
        tinydb_updates = timed(lambda: table.update({"notes": f"bench {rng.random()}"},
                                                    doc_ids=[rng.choice(doc_ids)]), 40)
        db.close()

        ours, theirs = percentile(saves, 0.95), percentile(tinydb_updates, 0.95)
        print(f"project: {args.zones} zones, {answers} answers, {size_mb:.1f} MB; "
              f"written as one batch in {demo_time:.2f} s ({answers / demo_time:,.0f} answers/s)")
        print(f"answer save (durable, fsynced)  p50 {statistics.median(saves) * 1e3:6.2f} ms   "
              f"p95 {ours * 1e3:6.2f} ms   budget 3 ms")
        print(f"plain TinyDB update (no fsync)  p50 {statistics.median(tinydb_updates) * 1e3:6.2f} ms   "
              f"p95 {theirs * 1e3:6.2f} ms")
        print(f"ratio save p95 / plain TinyDB p95: {ours / theirs:.3f}")
        print(f"open project: median {statistics.median(open_times) * 1e3:.0f} ms, "
              f"max {max(open_times) * 1e3:.0f} ms   budget 500 ms")

        params = DEFAULT_PARAMS
        print(f"encrypted (AES-256-GCM, scrypt n=2^{params.log2_n} r={params.r} p={params.p}):")
        print(f"answer save (durable, fsynced)  p50 {statistics.median(sealed_saves) * 1e3:6.2f} ms   "
              f"p95 {percentile(sealed_saves, 0.95) * 1e3:6.2f} ms   plain p95 {ours * 1e3:.2f} ms   budget 3 ms")
        print(f"open project: median {statistics.median(sealed_open) * 1e3:.0f} ms, "
              f"max {max(sealed_open) * 1e3:.0f} ms   plain median {statistics.median(open_times) * 1e3:.0f} ms   "
              "budget 500 ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)


PASSPHRASE = "correct horse battery staple"


def measure(path: Path, writes: int, passphrase: str | None) -> tuple[list[float], int]:
    """The times of `writes` answer saves in the project at `path`, and how many answers it holds."""
    rng = random.Random(7)
    with open_project(path, passphrase=passphrase) as project:
        keys = list(project.store.answers())
        statuses = ["implemented", "partial", "not_implemented", "compensated"]

        def one_save() -> None:
            scope, req = rng.choice(keys)
            ml = rng.randint(1, 4) if not req.startswith("SR") else None
            project.set_answer(scope, req, "implemented" if ml else rng.choice(statuses),
                               notes=f"bench {rng.random()}", ml=ml)

        saves = timed(one_save, writes)
    return saves, len(keys)


if __name__ == "__main__":
    main()
