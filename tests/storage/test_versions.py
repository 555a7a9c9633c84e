"""Every record carries its version: a version vector over copies, who and when; a removal leaves a
tombstone; versions replaced by another session are kept in the history."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from ot62443_desktop.domain.model import Answer, ProjectInfo, RemediationItem, Status, Zone
from ot62443_desktop.storage import ProjectDamagedError, ProjectStore, StoreError, identity, schema

INFO = ProjectInfo("ACME Water", "North works", start_date=date(2026, 1, 5))


def raw_of(path: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(path.read_bytes())
    return doc


def record(raw: dict[str, Any], table: str, field: str, value: str) -> dict[str, Any]:
    (doc,) = [d for d in raw[table].values() if d.get(field) == value]
    return doc  # type: ignore[no-any-return]


def entries(raw: dict[str, Any], table: str, key: str) -> list[dict[str, Any]]:
    return [d for d in raw.get(table, {}).values() if d["key"] == key]


@pytest.fixture
def made(project_path: Path) -> str:
    """A project with a zone, an answer and an item; its copy id."""
    with ProjectStore.create(project_path, INFO) as store:
        store.add_zone(Zone("Z1", "Control", Zone.uniform(2)))
        store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL, notes="first"))
        store.set_remediation(RemediationItem("Z1", "SR 1.1", owner="OT lead"))
        return store.copy_id


def test_every_record_starts_at_its_first_version_by_this_user_on_this_copy(project_path: Path, made: str) -> None:
    raw = raw_of(project_path)
    docs = [raw["meta"]["1"]["info"], record(raw, "zones", "id", "Z1"), record(raw, "answers:Z1", "req", "SR 1.1"),
            record(raw, "remediation:Z1", "req", "SR 1.1")]
    for doc in docs:
        v = doc["_v"]
        assert v["vv"] == {made: 1} and v["copy"] == made and v["by"] == identity.user()
        assert datetime.fromisoformat(v["at"]).year >= 2026
    assert "history" not in raw and "tombstones" not in raw


def test_a_session_keeps_only_its_last_version_and_the_next_session_keeps_the_one_it_replaces(
        project_path: Path, made: str) -> None:
    with ProjectStore.open(project_path) as store:
        for n in range(5):  # typing: one version per burst of keystrokes
            store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL, notes=f"typing {n}"))
    raw = raw_of(project_path)
    assert record(raw, "answers:Z1", "req", "SR 1.1")["_v"]["vv"] == {made: 6}
    (kept,) = entries(raw, "history", "a|Z1|SR 1.1")  # the first session's version, not the typing
    assert kept["doc"]["notes"] == "first" and kept["vv"] == {made: 1} and "_v" not in kept["doc"]


def test_a_removal_leaves_a_tombstone_and_a_new_answer_counts_on_from_it(project_path: Path, made: str) -> None:
    with ProjectStore.open(project_path) as store:
        store.clear_answer("Z1", "SR 1.1")
    raw = raw_of(project_path)
    (tomb,) = entries(raw, "tombstones", "a|Z1|SR 1.1")
    assert tomb["vv"] == {made: 2} and tomb["copy"] == made
    assert [e["doc"]["notes"] for e in entries(raw, "history", "a|Z1|SR 1.1")] == ["first"]
    with ProjectStore.open(project_path) as store:
        store.set_answer(Answer("Z1", "SR 1.1", Status.IMPLEMENTED))
    raw = raw_of(project_path)
    assert record(raw, "answers:Z1", "req", "SR 1.1")["_v"]["vv"] == {made: 3}
    assert entries(raw, "tombstones", "a|Z1|SR 1.1") == []  # the answer is newer than its removal
    assert [e["doc"] for e in entries(raw, "history", "a|Z1|SR 1.1")][1] is None  # the removal, kept


def test_removing_a_zone_leaves_tombstones_for_it_and_everything_in_it(project_path: Path, made: str) -> None:
    with ProjectStore.open(project_path) as store:
        zone, answers, items = store.remove_zone("Z1")
    raw = raw_of(project_path)
    assert {t["key"] for t in raw["tombstones"].values()} == {"z|Z1", "a|Z1|SR 1.1", "r|Z1|SR 1.1"}
    assert {e["key"] for e in raw["history"].values()} == {"z|Z1", "a|Z1|SR 1.1", "r|Z1|SR 1.1"}
    with ProjectStore.open(project_path) as store, store.batch():  # undo: the zone comes back, newer
        store.add_zone(zone)
        store.set_answer(answers[0])
        store.set_remediation(items[0])
    raw = raw_of(project_path)
    assert "tombstones" not in raw
    assert record(raw, "zones", "id", "Z1")["_v"]["vv"] == {made: 3}


def test_the_details_are_versioned_too(project_path: Path, made: str) -> None:
    with ProjectStore.open(project_path) as store:
        store.set_info(ProjectInfo("ACME Water", "South works"))
    raw = raw_of(project_path)
    assert raw["meta"]["1"]["info"]["_v"]["vv"] == {made: 2}
    (kept,) = entries(raw, "history", "info")
    assert kept["doc"]["site"] == "North works"


def test_a_batch_that_fails_leaves_no_tombstone_nor_history(project_path: Path, made: str) -> None:
    with ProjectStore.open(project_path) as store:
        with pytest.raises(RuntimeError), store.batch():
            store.remove_zone("Z1")
            raise RuntimeError("stop")
        store.set_answer(Answer("Z1", "SR 1.2", Status.PARTIAL))
    raw = raw_of(project_path)
    assert "tombstones" not in raw and "history" not in raw


def test_a_schema_4_file_gets_one_version_per_record_by_whoever_answered_it(project_path: Path, made: str) -> None:
    with ProjectStore.open(project_path) as store:
        store.set_answer(Answer("Z1", "SR 1.2", Status.IMPLEMENTED, answered_by="Dana",
                                answered_at=datetime(2026, 1, 6, 9, 30)))
    raw = raw_of(project_path)
    raw["meta"]["1"]["schema_version"] = 4
    for key in ("copy_id", "copy_home"):
        del raw["meta"]["1"][key]
    for table in ("zones", "answers:Z1", "remediation:Z1"):
        for doc in raw[table].values():
            del doc["_v"]
    del raw["meta"]["1"]["info"]["_v"]
    project_path.write_text(json.dumps(raw))
    with ProjectStore.open(project_path) as store:
        legacy = schema.legacy_copy_id(raw)  # the version every old record gets, whoever opens it
        store.set_answer(Answer("Z1", "SR 1.1", Status.IMPLEMENTED))
        mine = store.copy_id
    upgraded = raw_of(project_path)
    dana = record(upgraded, "answers:Z1", "req", "SR 1.2")["_v"]
    assert dana == {"vv": {legacy: 1}, "by": "Dana", "at": "2026-01-06T09:30:00", "copy": legacy}
    assert record(upgraded, "zones", "id", "Z1")["_v"]["at"] == raw["meta"]["1"]["created"]
    assert record(upgraded, "answers:Z1", "req", "SR 1.1")["_v"]["vv"] == {legacy: 1, mine: 1}
    assert [e["vv"] for e in upgraded["history"].values()] == [{legacy: 1}]


def spoil(path: Path, change: Any) -> None:
    raw = raw_of(path)
    change(raw)
    path.write_text(json.dumps(raw))


BAD_FILES = {
    "no version": (lambda raw: record(raw, "answers:Z1", "req", "SR 1.1").pop("_v"),
                   "answer #1 of 'Z1': its version must be an object, not null"),
    "an empty vector": (lambda raw: record(raw, "zones", "id", "Z1")["_v"].update(vv={}),
                        "zone #1: its version vector must be a non-empty object"),
    "a negative count": (lambda raw: raw["meta"]["1"]["info"]["_v"]["vv"].update({"0" * 16: -1}),
                         "project info: its version vector has a bad entry"),
    "a copy not in the vector": (lambda raw: record(raw, "remediation:Z1", "req", "SR 1.1")["_v"].update(
        copy="f" * 16), "version names a copy not in its vector"),
    "a bad time": (lambda raw: record(raw, "zones", "id", "Z1")["_v"].update(at="yesterday"),
                   "its version's at must be a local date and time"),
    "a conflict of another requirement": (
        lambda raw: record(raw, "answers:Z1", "req", "SR 1.1").update(_conflict={
            "doc": {"req": "SR 9.9", "status": "partial"}, "_v": record(raw, "zones", "id", "Z1")["_v"]}),
        "its conflict is of another requirement"),
    "a tombstone of a record that exists": (
        lambda raw: raw.update(tombstones={"1": {"key": "z|Z1", **record(raw, "zones", "id", "Z1")["_v"]}}),
        "tombstone #1: 'z|Z1' exists"),
    "a history entry of no record": (
        lambda raw: raw.update(history={"1": {"key": "x|y", **record(raw, "zones", "id", "Z1")["_v"], "doc": None}}),
        "history entry #1: 'x|y' is not a record key"),
    "a history entry that is no answer": (
        lambda raw: raw.update(history={"1": {"key": "a|Z1|SR 1.1", **record(raw, "zones", "id", "Z1")["_v"],
                                              "doc": {"req": "SR 1.1", "status": "great"}}}),
        "history entry #1: its doc: status must be one of"),
}


@pytest.mark.parametrize(("change", "message"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_version_tombstone_or_history_entry_is_refused_in_one_line(
        project_path: Path, made: str, change: Any, message: str) -> None:
    spoil(project_path, change)
    before = project_path.read_bytes()
    with pytest.raises(ProjectDamagedError) as caught:
        ProjectStore.open(project_path)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert project_path.read_bytes() == before


def test_a_version_count_at_its_limit_refuses_the_change_and_the_file_still_opens(
        project_path: Path, made: str) -> None:
    spoil(project_path, lambda raw: record(raw, "zones", "id", "Z1")["_v"]["vv"].update({made: 2**53 - 1}))
    with ProjectStore.open(project_path) as store:
        with pytest.raises(StoreError, match="version count is at its limit"):
            store.update_zone(Zone("Z1", "Renamed", Zone.uniform(2)))
        store.set_answer(Answer("Z1", "SR 1.2", Status.PARTIAL))  # the rest goes on
    with ProjectStore.open(project_path) as store:
        assert store.zone("Z1").name == "Control" and store.answer("Z1", "SR 1.2") is not None
