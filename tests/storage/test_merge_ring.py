"""Three copies merged in a ring: a merge that takes a record still in conflict must say so. Before,
copy B took C's version of an answer B had answered itself (C held A's side beside its own, B's only
in C's history) and reported "0 conflict(s)": B's consultant was told nothing needed a decision."""

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
        history = [entry["doc"]["notes"] for entry in store.history(KEY) if entry["doc"] is not None]
    assert report.conflicts == [Conflict(KEY, "status")]
    assert "b" in history  # B's own answer is kept, in the history
