"""A copy cannot claim versions of this copy that this copy never made: such a file was forged (or
altered), and merging it would leave a record no one can edit again ("version count is at its limit")."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ot62443_desktop.domain.model import Answer, ProjectInfo, Status, Zone
from ot62443_desktop.storage import ProjectStore, StoreError
from ot62443_desktop.storage.merge import merge_into


def two_copies(tmp_path: Path) -> tuple[Path, Path, str]:
    mine, theirs = tmp_path / "a" / "plant.ot62443", tmp_path / "b" / "plant.ot62443"
    mine.parent.mkdir()
    theirs.parent.mkdir()
    with ProjectStore.create(mine, ProjectInfo("ACME Water", "North works")) as store:
        store.add_zone(Zone("Z1", "Control", Zone.uniform(2)))
        store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL))
        copy_id = store.copy_id
    shutil.copy(mine, theirs)
    with ProjectStore.open(theirs) as store:
        store.set_answer(Answer("Z1", "SR 1.2", Status.IMPLEMENTED))
    return mine, theirs, copy_id


def test_a_file_claiming_more_of_this_copys_versions_than_it_made_is_refused(tmp_path: Path) -> None:
    mine, theirs, copy_id = two_copies(tmp_path)
    raw = json.loads(theirs.read_bytes())
    for doc in next(t for name, t in raw.items() if name == "answers:Z1").values():
        doc["_v"]["vv"][copy_id] = 2**53 - 1
    theirs.write_text(json.dumps(raw))
    before = mine.read_bytes()
    with ProjectStore.open(mine) as store, pytest.raises(StoreError, match="versions made on this copy"):
        merge_into(store, theirs)
    assert mine.read_bytes() == before
    with ProjectStore.open(mine) as store:  # and the record stays editable
        store.set_answer(Answer("Z1", "SR 1.1", Status.IMPLEMENTED))


def test_an_honest_copy_merges(tmp_path: Path) -> None:
    mine, theirs, _copy_id = two_copies(tmp_path)
    with ProjectStore.open(mine) as store:
        report = merge_into(store, theirs)
        assert store.answer("Z1", "SR 1.2") is not None and report.conflicts == []
