"""The store keeps every acknowledged change, through reopen, crash and a second instance."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from tinydb import TinyDB

from ot62443_desktop.domain.model import (
    SITE_SCOPE,
    Answer,
    Evidence,
    ItemState,
    Priority,
    ProjectInfo,
    RemediationItem,
    Status,
    Zone,
)
from ot62443_desktop.storage import ProjectExistsError, ProjectStore, ReadOnlyError, StoreError
from ot62443_desktop.storage.journal import journal_path
from ot62443_desktop.storage.schema import SCHEMA_VERSION

INFO = ProjectInfo("ACME Water", "North works", assessors=("Dana",), start_date=date(2026, 1, 5))
ZONE = Zone("Z1", "Control", Zone.uniform(2))


def beside(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def test_create_open_close_round_trip_leaves_only_the_project_file(project_path: Path) -> None:
    answer = Answer("Z1", "SR 1.1", Status.PARTIAL, notes="Shared *operator* account",
                    evidence=(Evidence("photos/hmi.jpg", "ab" * 32, "HMI login", date(2026, 1, 6)),))
    item = RemediationItem("Z1", "SR 1.1", owner="OT lead", priority=Priority.P1, due_date=date(2026, 3, 1),
                           state=ItemState.IN_PROGRESS)
    with ProjectStore.create(project_path, INFO) as store:
        assert beside(project_path) == {"plant.ot62443", "plant.ot62443.lock", "plant.ot62443.journal"}
        store.add_zone(ZONE)
        store.set_answer(answer)
        store.set_remediation(item)
    assert beside(project_path) == {"plant.ot62443"}
    with ProjectStore.open(project_path) as store:
        assert store.info == INFO
        assert store.zones() == (ZONE,)
        assert store.answer("Z1", "SR 1.1") == answer
        assert store.remediation("Z1", "SR 1.1") == item


def test_file_is_a_plain_tinydb_database(project_path: Path) -> None:
    with ProjectStore.create(project_path, INFO) as store:
        store.add_zone(ZONE)
        store.set_answer(Answer("Z1", "SR 1.1", Status.IMPLEMENTED))
    db = TinyDB(project_path)
    assert db.table("zones").all()[0]["id"] == "Z1"
    assert db.table("answers:Z1").all()[0]["status"] == "implemented"
    db.close()


def test_setters_return_the_previous_value_for_undo(project_path: Path) -> None:
    with ProjectStore.create(project_path, INFO) as store:
        store.add_zone(ZONE)
        first = Answer("Z1", "SR 1.1", Status.PARTIAL)
        assert store.set_answer(first) is None
        assert store.set_answer(Answer("Z1", "SR 1.1", Status.IMPLEMENTED)) == first
        assert store.clear_answer("Z1", "SR 1.1") is not None
        assert store.answer("Z1", "SR 1.1") is None
        assert store.set_info(ProjectInfo("Other", "Site")) == INFO
        assert store.update_zone(Zone("Z1", "Renamed", Zone.uniform(3))) == ZONE


def test_removing_a_zone_removes_its_answers_and_returns_them(project_path: Path) -> None:
    with ProjectStore.create(project_path, INFO) as store:
        store.add_zone(ZONE)
        store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL))
        store.set_remediation(RemediationItem("Z1", "SR 1.1", owner="me"))
        zone, answers, items = store.remove_zone("Z1")
        assert zone == ZONE and len(answers) == 1 and len(items) == 1
        assert store.answers() == {}
        store.add_zone(ZONE)  # the same id may come back, empty
    with ProjectStore.open(project_path) as store:
        assert store.zones() == (ZONE,) and store.answers() == {}


def test_unknown_scope_and_duplicate_zone_are_refused(project_path: Path) -> None:
    with ProjectStore.create(project_path, INFO) as store:
        store.add_zone(ZONE)
        with pytest.raises(StoreError, match="unknown scope 'Z9'"):
            store.set_answer(Answer("Z9", "SR 1.1", Status.PARTIAL))
        with pytest.raises(StoreError, match="already exists"):
            store.add_zone(ZONE)
        store.set_answer(Answer(SITE_SCOPE, "ORG 1.1", Status.IMPLEMENTED, ml=3))


def test_create_refuses_to_overwrite_and_needs_the_suffix(project_path: Path, tmp_path: Path) -> None:
    ProjectStore.create(project_path, INFO).close()
    with pytest.raises(ProjectExistsError):
        ProjectStore.create(project_path, INFO)
    with pytest.raises(StoreError, match="end in .ot62443"):
        ProjectStore.create(tmp_path / "plant.json", INFO)
    with pytest.raises(StoreError, match="no such project file"):
        ProjectStore.open(tmp_path / "absent.ot62443")


def crash_copy(store: ProjectStore, target: Path) -> None:
    """What a power cut leaves: the files on disk as they are, nothing closed or compacted."""
    shutil.copy(store.path, target)
    shutil.copy(journal_path(store.path), journal_path(target))


def test_journal_is_replayed_after_a_crash(project_path: Path, tmp_path: Path) -> None:
    crashed = tmp_path / "crashed.ot62443"
    with ProjectStore.create(project_path, INFO) as store:
        store.add_zone(ZONE)
        for n, rid in enumerate(["SR 1.1", "SR 1.2", "SR 1.3"]):
            store.set_answer(Answer("Z1", rid, Status.PARTIAL, notes=f"note {n}"))
        store.clear_answer("Z1", "SR 1.2")
        crash_copy(store, crashed)
    with ProjectStore.open(crashed) as store:
        assert {k[1] for k in store.answers()} == {"SR 1.1", "SR 1.3"}
        assert store.answer("Z1", "SR 1.3").notes == "note 2"  # type: ignore[union-attr]
        assert store.warnings == ["recovered 5 change(s) from the journal"]
    assert beside(crashed) >= {"crashed.ot62443"} and "crashed.ot62443.journal" not in beside(crashed)


def test_torn_journal_tail_is_ignored(project_path: Path, tmp_path: Path) -> None:
    crashed = tmp_path / "crashed.ot62443"
    with ProjectStore.create(project_path, INFO) as store:
        store.add_zone(ZONE)
        store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL))
        crash_copy(store, crashed)
    with open(journal_path(crashed), "ab") as fh:
        fh.write(b'0badc0de {"ops": [["answers:Z1", 9, {"req": "SR 9')  # cut mid-write
    with ProjectStore.open(crashed) as store:
        assert list(store.answers()) == [("Z1", "SR 1.1")]


def test_journal_of_an_already_compacted_generation_is_not_replayed_twice(
        project_path: Path, tmp_path: Path) -> None:
    crashed = tmp_path / "crashed.ot62443"
    with ProjectStore.create(project_path, INFO) as store:
        store.add_zone(ZONE)
        store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL))
        old_journal = journal_path(store.path).read_bytes()
        store.compact()  # crash right after the rename, before the journal reset:
        shutil.copy(store.path, crashed)
        journal_path(crashed).write_bytes(old_journal)
        store.clear_answer("Z1", "SR 1.1")
    with ProjectStore.open(crashed) as store:
        assert list(store.answers()) == [("Z1", "SR 1.1")] and store.warnings == []


def test_second_instance_opens_read_only_and_says_who_holds_it(project_path: Path) -> None:
    with ProjectStore.create(project_path, INFO) as writer:
        writer.add_zone(ZONE)
        writer.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL))
        with ProjectStore.open(project_path) as reader:
            assert reader.read_only
            assert "open in another instance by" in reader.read_only_reason
            assert reader.answer("Z1", "SR 1.1") is not None  # sees journaled changes
            with pytest.raises(ReadOnlyError, match="open in another instance"):
                reader.set_answer(Answer("Z1", "SR 1.2", Status.PARTIAL))
        writer.set_answer(Answer("Z1", "SR 1.2", Status.PARTIAL))  # reader's close freed nothing of ours
    with ProjectStore.open(project_path) as again:
        assert not again.read_only and len(again.answers()) == 2


def test_large_journal_is_compacted_on_the_way(project_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ot62443_desktop.storage.store.COMPACT_AFTER_BYTES", 2000)
    with ProjectStore.create(project_path, INFO) as store:
        store.add_zone(ZONE)
        start = store.generation
        for n in range(40):
            store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL, notes="x" * 100 + str(n)))
        assert store.generation > start
        assert journal_path(project_path).stat().st_size < 2500
    with ProjectStore.open(project_path) as store:
        assert store.answer("Z1", "SR 1.1").notes.endswith("39")  # type: ignore[union-attr]


def test_compacted_file_is_valid_json_with_the_schema_version(project_path: Path) -> None:
    with ProjectStore.create(project_path, INFO) as store:
        store.add_zone(ZONE)
    meta = json.loads(project_path.read_text())["meta"]["1"]
    assert meta["schema_version"] == SCHEMA_VERSION and meta["info"]["client"] == "ACME Water"
