"""Three copies merged in a ring. Each holds one conflicting version per record, so a copy's vector
may count a version it only holds as a conflict; a later merge must not take that as settled: the
copy's own answer stays on its screen with the other beside it, and the merge says there is a conflict."""

from __future__ import annotations

import shutil
from pathlib import Path

from ot62443_desktop.domain.model import Answer, ProjectInfo, Status, Zone
from ot62443_desktop.storage import ProjectStore
from ot62443_desktop.storage.merge import Conflict, merge_into
from ot62443_desktop.storage.versions import answer_key

KEY = answer_key("Z1", "SR 1.1")


def test_a_merge_that_takes_a_record_in_conflict_reports_the_conflict(tmp_path: Path) -> None:
    copies = [tmp_path / name / "plant.ot62443" for name in "abc"]
    copies[0].parent.mkdir()
    with ProjectStore.create(copies[0], ProjectInfo("ACME Water", "North works")) as store:
        store.add_zone(Zone("Z1", "Control", Zone.uniform(2)))
    for path in copies[1:]:
        path.parent.mkdir()
        shutil.copy(copies[0], path)
    for path, status in zip(copies, (Status.IMPLEMENTED, Status.PARTIAL, Status.NOT_IMPLEMENTED), strict=True):
        with ProjectStore.open(path) as store:
            store.set_answer(Answer("Z1", "SR 1.1", status, notes=path.parent.name))
    a, b, c = copies
    for mine, theirs in ((a, b), (b, c), (c, a), (a, b)):
        with ProjectStore.open(mine) as store:
            merge_into(store, theirs)
    with ProjectStore.open(b) as store:
        report = merge_into(store, c)
        assert store.conflicts() == [KEY]
        shown = store.answer("Z1", "SR 1.1")
        history = [entry["doc"]["notes"] for entry in store.history(KEY) if entry["doc"] is not None]
        again = merge_into(store, c)
    assert report.conflicts == [Conflict(KEY, "status")]
    assert shown is not None and shown.notes == "b"  # B's own answer stays on B's screen, C's beside it
    assert "a" in history  # A's answer, which is not beside it, is kept in the history
    assert again.conflicts == [] and again.taken == 0  # merging the same file again changes nothing
