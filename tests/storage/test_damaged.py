"""Damaged, truncated, alien and newer project files: a clear message, nothing changed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ot62443_desktop.domain.model import Answer, ProjectInfo, Status, Zone
from ot62443_desktop.storage import (
    NewerSchemaError,
    NotAProjectError,
    ProjectDamagedError,
    ProjectStore,
    StoreError,
)
from ot62443_desktop.storage import schema as schema_module
from ot62443_desktop.storage.backups import list_backups
from ot62443_desktop.storage.journal import journal_path

INFO = ProjectInfo("ACME Water", "North works")


CURRENT = schema_module.SCHEMA_VERSION


def make_project(path: Path, answers: int = 3) -> None:
    with ProjectStore.create(path, INFO) as store:
        store.add_zone(Zone("Z1", "Control", Zone.uniform(2)))
        for n in range(1, answers + 1):
            store.set_answer(Answer("Z1", f"SR 1.{n}", Status.PARTIAL))


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda b: b[: len(b) // 2], r"damaged or truncated \(JSON error at line 1 column \d+\)"),
        (lambda b: b"", "the file is empty"),
        (lambda b: b"\xff\xfe\x00garbage", "not text|damaged"),
        (lambda b: b.replace(b'"zones":{', b'"zones":[', 1)[:-1] + b"]}", "damaged"),
    ],
)
def test_damaged_file_gives_a_clear_error_and_is_left_as_it_was(
        project_path: Path, damage: Callable[[bytes], bytes], message: str) -> None:
    make_project(project_path)
    project_path.write_bytes(damage(project_path.read_bytes()))
    before = project_path.read_bytes()
    with pytest.raises((ProjectDamagedError, NotAProjectError), match=message) as caught:
        ProjectStore.open(project_path)
    assert str(project_path) in str(caught.value)
    assert project_path.read_bytes() == before
    assert {p.name for p in project_path.parent.iterdir()} == {"plant.ot62443"}  # lock released


def test_inconsistent_content_is_reported_as_damaged(project_path: Path) -> None:
    make_project(project_path)
    raw = json.loads(project_path.read_bytes())
    raw["zones"]["1"]["sl_t"] = [9, 9]
    project_path.write_text(json.dumps(raw))
    with pytest.raises(ProjectDamagedError, match="inconsistent .*SL-T must be 7 levels"):
        ProjectStore.open(project_path)


def test_damaged_file_is_recovered_from_backup_and_journal(project_path: Path, tmp_path: Path) -> None:
    make_project(project_path, answers=2)
    store = ProjectStore.open(project_path)  # backs up the good file
    store.set_answer(Answer("Z1", "SR 1.5", Status.NOT_IMPLEMENTED))  # journaled only
    project_path.write_bytes(b'{"meta": {"1": {"sch')  # the disk mangles the file meanwhile
    store._lock.release()  # type: ignore[union-attr]  # the process dies
    with pytest.raises(ProjectDamagedError, match="ot62443 recover") as caught:
        ProjectStore.open(project_path)
    assert caught.value.recoverable
    message = ProjectStore.recover(project_path)
    assert "restored from backup" in message and "1 journaled change(s)" in message
    with ProjectStore.open(project_path) as recovered:
        assert {k[1] for k in recovered.answers()} == {"SR 1.1", "SR 1.2", "SR 1.5"}


def test_recover_without_backup_says_so(project_path: Path) -> None:
    project_path.write_bytes(b"{not json")
    with pytest.raises(ProjectDamagedError, match="no backup of it exists") as caught:
        ProjectStore.open(project_path)
    assert not caught.value.recoverable
    with pytest.raises(StoreError, match="no usable backup"):
        ProjectStore.recover(project_path)
    assert project_path.read_bytes() == b"{not json"


def test_backups_keep_the_last_good_versions(project_path: Path) -> None:
    make_project(project_path)
    for n in range(8):
        with ProjectStore.open(project_path) as store:
            store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL, notes=str(n)))
    assert len(list_backups(project_path)) == 5
    assert all(json.loads(b.read_bytes())["meta"]["1"]["schema_version"] == CURRENT
               for b in list_backups(project_path))


def test_json_that_is_not_a_project_is_refused(project_path: Path) -> None:
    project_path.write_text('{"_default": {"1": {"name": "something else"}}}')
    with pytest.raises(NotAProjectError, match="not an OT 62443 Workbook project"):
        ProjectStore.open(project_path)


def test_newer_schema_is_refused_with_its_version(project_path: Path) -> None:
    make_project(project_path)
    raw = json.loads(project_path.read_bytes())
    raw["meta"]["1"]["schema_version"] = 7
    project_path.write_text(json.dumps(raw))
    before = project_path.read_bytes()
    with pytest.raises(NewerSchemaError, match=f"project schema 7; this program reads up to schema {CURRENT}"):
        ProjectStore.open(project_path)
    assert project_path.read_bytes() == before


def test_older_schema_is_upgraded_by_the_registered_functions(
        project_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulate the next schema: it fills in the zone field 'description'."""
    make_project(project_path)
    calls: list[int] = []

    def v1_to_v2(raw: dict[str, Any]) -> dict[str, Any]:
        calls.append(1)
        for doc in raw["zones"].values():
            doc["description"] = doc.get("description", "") or "upgraded"
        return raw

    monkeypatch.setattr(schema_module, "UPGRADES", {CURRENT: v1_to_v2})
    monkeypatch.setattr(schema_module, "SCHEMA_VERSION", CURRENT + 1)
    with ProjectStore.open(project_path) as store:
        assert store.zone("Z1").description == "upgraded" and len(store.answers()) == 3
    assert calls == [1]
    assert json.loads(project_path.read_bytes())["meta"]["1"]["schema_version"] == CURRENT + 1
    assert json.loads(list_backups(project_path)[-1].read_bytes())["meta"]["1"]["schema_version"] == CURRENT


def test_missing_upgrade_function_is_an_error(project_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_project(project_path)
    monkeypatch.setattr(schema_module, "UPGRADES", {})
    monkeypatch.setattr(schema_module, "SCHEMA_VERSION", CURRENT + 1)
    with pytest.raises(RuntimeError, match=f"no upgrade registered from project schema {CURRENT}"):
        ProjectStore.open(project_path)


def test_stale_foreign_journal_is_set_aside_not_replayed(project_path: Path) -> None:
    make_project(project_path)
    journal_path(project_path).write_bytes(
        b'%08x {"journal":1,"generation":99}\n' % __import__("zlib").crc32(b'{"journal":1,"generation":99}'))
    with ProjectStore.open(project_path) as store:
        assert "set aside" in store.warnings[0] and len(store.answers()) == 3


def test_an_absurd_schema_version_gives_a_short_line(project_path: Path) -> None:
    make_project(project_path)
    raw = json.loads(project_path.read_bytes())
    raw["meta"]["1"]["schema_version"] = 10**4000
    project_path.write_text(json.dumps(raw))
    with pytest.raises(NewerSchemaError, match="schema beyond any release") as caught:
        ProjectStore.open(project_path)
    assert len(str(caught.value)) < 300
