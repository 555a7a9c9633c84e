"""Merging copies of a project by version vectors: one-sided changes come through, the same change is
no conflict, different changes are, removals are not undone nor do they drop a later change."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from ot62443_desktop.domain.model import Answer, ProjectInfo, RemediationItem, Status, Zone
from ot62443_desktop.storage import ProjectStore, ReadOnlyError, StoreError
from ot62443_desktop.storage.journal import journal_path, read_journal
from ot62443_desktop.storage.merge import Conflict, merge_into
from ot62443_desktop.storage.versions import answer_key, zone_key

INFO = ProjectInfo("ACME Water", "North works")


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    """A project with two zones and two answers, and a copy of it on a stick."""
    mine = tmp_path / "plant.ot62443"
    with ProjectStore.create(mine, INFO) as store:
        for zone in ("Z1", "Z2"):
            store.add_zone(Zone(zone, f"Zone {zone}", Zone.uniform(2)))
        store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL, notes="first look"))
        store.set_answer(Answer("Z2", "SR 1.1", Status.IMPLEMENTED))
    theirs = tmp_path / "stick" / "plant.ot62443"
    theirs.parent.mkdir()
    shutil.copy(mine, theirs)
    return mine, theirs


def edit(path: Path, *changes: Any) -> None:
    """Open `path` for writing and make each change (a function of the store)."""
    with ProjectStore.open(path) as store:
        for change in changes:
            change(store)


def merged(mine: Path, theirs: Path, **kwargs: Any) -> tuple[Any, ProjectStore]:
    store = ProjectStore.open(mine)
    return merge_into(store, theirs, **kwargs), store


def answer(zone: str, req: str, status: Status, notes: str = "", by: str = "") -> Any:
    return lambda store: store.set_answer(Answer(zone, req, status, notes=notes, answered_by=by))


def test_a_change_made_on_one_side_only_comes_through(pair: tuple[Path, Path]) -> None:
    mine, theirs = pair
    edit(theirs, answer("Z1", "SR 1.1", Status.IMPLEMENTED, "fixed"), answer("Z2", "SR 1.2", Status.PARTIAL),
         lambda s: s.set_remediation(RemediationItem("Z1", "SR 1.1", owner="OT lead")),
         lambda s: s.add_zone(Zone("DMZ", "DMZ", Zone.uniform(3))),
         lambda s: s.set_info(ProjectInfo("ACME Water", "North works and pumping stations")),
         lambda s: s.clear_answer("Z2", "SR 1.1"))
    edit(mine, answer("Z1", "SR 1.3", Status.NOT_IMPLEMENTED))  # a change of our own, on another record
    report, store = merged(mine, theirs)
    with store:
        assert report.conflicts == [] and report.taken == 6
        assert store.answer("Z1", "SR 1.1").notes == "fixed"  # type: ignore[union-attr]
        assert store.answer("Z2", "SR 1.2") is not None and store.answer("Z2", "SR 1.1") is None
        assert store.answer("Z1", "SR 1.3") is not None  # ours stays
        assert store.remediation("Z1", "SR 1.1").owner == "OT lead"  # type: ignore[union-attr]
        assert store.zone("DMZ").sl_t == Zone.uniform(3)
        assert store.info.site == "North works and pumping stations"
        assert store.removed(answer_key("Z2", "SR 1.1")) is not None
        notes = [e["doc"]["notes"] for e in store.history(answer_key("Z1", "SR 1.1")) if e["doc"]]
        assert notes == ["first look", "fixed"]  # the replaced version is kept
    with ProjectStore.open(mine) as again:  # durable, and the same after reopening
        assert again.answer("Z1", "SR 1.1").notes == "fixed"  # type: ignore[union-attr]


def test_the_same_change_on_both_sides_is_no_conflict(pair: tuple[Path, Path]) -> None:
    mine, theirs = pair
    edit(theirs, answer("Z1", "SR 1.1", Status.IMPLEMENTED, "fixed", by="ann"))
    edit(mine, answer("Z1", "SR 1.1", Status.IMPLEMENTED, "fixed", by="bob"))
    report, store = merged(mine, theirs)
    with store:
        assert report.conflicts == [] and report.taken == 0
        assert store.conflicts() == []


def test_different_changes_on_both_sides_are_a_conflict_that_keeps_both(pair: tuple[Path, Path]) -> None:
    mine, theirs = pair
    edit(theirs, answer("Z1", "SR 1.1", Status.IMPLEMENTED, "theirs"))
    edit(mine, answer("Z1", "SR 1.1", Status.IMPLEMENTED, "mine"))
    report, store = merged(mine, theirs)
    key = answer_key("Z1", "SR 1.1")
    with store:
        assert report.conflicts == [Conflict(key, "notes")]
        assert report.as_json()["conflicts"] == [{"scope": "Z1", "req": "SR 1.1", "field": "notes"}]
        assert store.answer("Z1", "SR 1.1").notes == "mine"  # type: ignore[union-attr]
        assert store.conflicts() == [key]
        record = store.record(key)
        assert record is not None and record["_conflict"]["doc"]["notes"] == "theirs"
        assert {e["doc"]["notes"] for e in store.history(key)} == {"first look", "mine", "theirs"}
        before = json.dumps(store.document(), sort_keys=True)
        again = merge_into(store, theirs)  # merging twice changes nothing
        assert (again.taken, again.conflicts) == (0, [])
        assert json.dumps(store.document(), sort_keys=True) == before


def test_a_change_on_one_side_survives_its_removal_on_the_other(pair: tuple[Path, Path]) -> None:
    mine, theirs = pair
    edit(theirs, lambda s: s.clear_answer("Z1", "SR 1.1"))
    edit(mine, answer("Z1", "SR 1.1", Status.IMPLEMENTED, "checked again"))
    report, store = merged(mine, theirs)
    with store:
        assert report.conflicts == [] and store.answer("Z1", "SR 1.1").notes == "checked again"  # type: ignore[union-attr]
    report, store = merged(theirs, mine)  # and the other way round
    with store:
        assert report.conflicts == [] and store.answer("Z1", "SR 1.1").notes == "checked again"  # type: ignore[union-attr]
        assert store.removed(answer_key("Z1", "SR 1.1")) is None


def test_a_zone_removed_on_one_side_while_answered_on_the_other_is_kept_in_conflict(pair: tuple[Path, Path]) -> None:
    mine, theirs = pair
    edit(mine, lambda s: s.remove_zone("Z2"))
    edit(theirs, answer("Z2", "SR 2.1", Status.PARTIAL, "found on site"))
    report, store = merged(mine, theirs)
    with store:
        assert report.conflicts == [Conflict(zone_key("Z2"), "zone")]
        assert store.answer("Z2", "SR 2.1") is not None  # the answer made after the removal stays
        assert store.answer("Z2", "SR 1.1") is None  # the answer the removal saw goes
        assert store.record(zone_key("Z2"))["_conflict"]["doc"] is None  # type: ignore[index]
        assert merge_into(store, theirs).conflicts == []  # and again, nothing new


def test_another_project_is_refused_naming_both_and_nothing_changes(pair: tuple[Path, Path], tmp_path: Path) -> None:
    mine, _theirs = pair
    other = tmp_path / "other.ot62443"
    ProjectStore.create(other, INFO).close()
    before = mine.read_bytes()
    store = ProjectStore.open(mine)
    with store, pytest.raises(StoreError, match="copy of another project") as caught:
        merge_into(store, other)
    assert str(other) in str(caught.value) and str(mine) in str(caught.value)
    assert mine.read_bytes() == before


def test_the_same_file_or_a_copy_never_written_merges_as_nothing(pair: tuple[Path, Path]) -> None:
    mine, theirs = pair
    for other in (mine, theirs):
        report, store = merged(mine, other)
        with store:
            assert (report.taken, report.conflicts) == (0, [])
            assert len(read_journal(journal_path(mine)).records) == 0


def test_a_dry_run_says_what_a_merge_would_do_and_changes_nothing(pair: tuple[Path, Path]) -> None:
    mine, theirs = pair
    edit(theirs, answer("Z1", "SR 1.1", Status.IMPLEMENTED, "theirs"), answer("Z1", "SR 1.2", Status.PARTIAL))
    edit(mine, answer("Z1", "SR 1.1", Status.IMPLEMENTED, "mine"))
    before = mine.read_bytes()
    with ProjectStore.open(mine, read_only=True) as reader:
        dry = merge_into(reader, theirs, dry_run=True)
        with pytest.raises(ReadOnlyError):
            merge_into(reader, theirs)
    assert mine.read_bytes() == before
    report, store = merged(mine, theirs)
    store.close()
    assert dry.as_json() == report.as_json() and report.taken == 1 and len(report.conflicts) == 1


def test_a_merge_is_one_journal_record(pair: tuple[Path, Path]) -> None:
    mine, theirs = pair
    edit(theirs, *(answer("Z1", f"SR {n}.1", Status.PARTIAL) for n in range(1, 8)))
    report, store = merged(mine, theirs)
    with store:
        assert report.taken == 7 and len(read_journal(journal_path(mine)).records) == 1


def test_the_previous_assessment_of_a_carried_forward_project_is_never_merged(tmp_path: Path) -> None:
    old = tmp_path / "2025.ot62443"
    with ProjectStore.create(old, INFO) as store:
        store.add_zone(Zone("Z1", "Zone", Zone.uniform(2)))
        store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL, notes="last year"))
        previous = store.snapshot()
    mine = tmp_path / "2026.ot62443"
    ProjectStore.create(mine, INFO, carried_from=previous).close()
    theirs = tmp_path / "copy.ot62443"
    shutil.copy(mine, theirs)
    edit(theirs, answer("Z1", "SR 1.1", Status.IMPLEMENTED, "this year"))
    report, store = merged(mine, theirs)
    with store:
        assert report.taken == 1 and store.answer("Z1", "SR 1.1").notes == "this year"  # type: ignore[union-attr]
        assert store.snapshot().previous.answers[("Z1", "SR 1.1")].notes == "last year"  # type: ignore[union-attr]


@pytest.mark.parametrize("take", ["mine", "theirs"])
def test_resolving_keeps_both_versions_and_a_later_merge_respects_it(pair: tuple[Path, Path], take: str) -> None:
    mine, theirs = pair
    edit(theirs, lambda s: s.set_info(ProjectInfo("ACME Water", "Theirs")),
         lambda s: s.set_remediation(RemediationItem("Z1", "SR 1.1", owner="Ann")))
    edit(mine, lambda s: s.set_info(ProjectInfo("ACME Water", "Mine")),
         lambda s: s.set_remediation(RemediationItem("Z1", "SR 1.1", owner="Bob")))
    report, store = merged(mine, theirs)
    with store:
        assert [c.field for c in report.conflicts] == ["details", "owner"]
        for key in store.conflicts():
            store.resolve(key, take)
        assert store.conflicts() == [] and store.info.site == take.capitalize()
        assert store.remediation("Z1", "SR 1.1").owner == {"mine": "Bob", "theirs": "Ann"}[take]  # type: ignore[union-attr]
        assert {e["doc"]["site"] for e in store.history("info")} >= {"Mine", "Theirs"}
        with pytest.raises(StoreError, match="answer Z1 SR 1.1 is not in conflict"):
            store.resolve(answer_key("Z1", "SR 1.1"), take)
        again = merge_into(store, theirs)
        assert (again.taken, again.conflicts, store.info.site) == (0, [], take.capitalize())


@pytest.mark.parametrize("take", ["mine", "theirs"])
def test_resolving_a_zone_kept_against_its_removal(pair: tuple[Path, Path], take: str) -> None:
    mine, theirs = pair
    edit(theirs, lambda s: s.remove_zone("Z2"))
    edit(mine, answer("Z2", "SR 2.1", Status.PARTIAL, "found on site"))
    report, store = merged(mine, theirs)
    with store:
        assert report.conflicts == [Conflict(zone_key("Z2"), "zone")]
        store.resolve(zone_key("Z2"), take)
        assert store.conflicts() == []
        assert ("Z2" in {z.id for z in store.zones()}) is (take == "mine")
        assert (store.answer("Z2", "SR 2.1") is None) is (take == "theirs")
    with ProjectStore.open(mine) as again:
        assert again.conflicts() == [] and (again.removed(zone_key("Z2")) is None) is (take == "mine")
