"""Copies that know who they are: a copied, moved, restored or recovered file counts its versions
under a copy id of its own, and a file that stays where it is keeps its id."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from ot62443_desktop.domain.model import Answer, ProjectInfo, Status, Zone
from ot62443_desktop.storage import ProjectDamagedError, ProjectStore, backups, identity, schema
from ot62443_desktop.storage.journal import encode, journal_path

INFO = ProjectInfo("ACME Water", "North works")


def make_project(path: Path) -> str:
    with ProjectStore.create(path, INFO) as store:
        store.add_zone(Zone("Z1", "Control", Zone.uniform(2)))
        return store.copy_id


def copy_id_of(path: Path, *, read_only: bool = False) -> str:
    with ProjectStore.open(path, read_only=read_only) as store:
        return store.copy_id


def meta(path: Path) -> dict[str, str]:
    value: dict[str, str] = json.loads(path.read_bytes())["meta"]["1"]
    return value


def test_a_new_project_has_a_copy_id_bound_to_its_place_and_keeps_it(project_path: Path) -> None:
    first = make_project(project_path)
    assert identity.is_copy_id(first)
    assert meta(project_path)["copy_home"] == identity.place_of(project_path)
    assert copy_id_of(project_path) == first == copy_id_of(project_path)
    assert meta(project_path)["copy_id"] == first


def test_a_cp_copy_gets_its_own_id_when_first_opened_for_writing(project_path: Path, tmp_path: Path) -> None:
    original = make_project(project_path)
    stick = tmp_path / "stick" / "plant.ot62443"
    stick.parent.mkdir()
    shutil.copy(project_path, stick)
    before = stick.read_bytes()
    assert copy_id_of(stick, read_only=True) == original  # read-only: nothing written, the file's id reported
    assert stick.read_bytes() == before
    copied = copy_id_of(stick)
    assert copied != original and identity.is_copy_id(copied)
    assert meta(stick)["copy_id"] == copied  # durable at once, before any change is made
    assert copy_id_of(stick) == copied  # and kept from then on
    assert copy_id_of(project_path) == original  # the original is not a copy


def test_a_moved_file_gets_a_new_id(project_path: Path, tmp_path: Path) -> None:
    original = make_project(project_path)
    moved = tmp_path / "elsewhere.ot62443"
    project_path.rename(moved)
    assert copy_id_of(moved) != original


def test_a_file_restored_from_an_older_version_gets_a_new_id(project_path: Path, tmp_path: Path) -> None:
    original = make_project(project_path)
    saved = tmp_path / "saved-by-hand"
    shutil.copy(project_path, saved)
    with ProjectStore.open(project_path) as store:  # later versions are written here
        store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL))
    shutil.copy(saved, project_path)  # the user puts the older file back
    assert copy_id_of(project_path) != original


def test_a_recovered_project_gets_a_new_id(project_path: Path) -> None:
    original = make_project(project_path)
    with ProjectStore.open(project_path) as store:
        store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL))
    journal_path(project_path).write_bytes(encode({"journal": 1, "generation": "seven"}))  # an alien header
    with pytest.raises(ProjectDamagedError):
        ProjectStore.open(project_path)
    ProjectStore.recover(project_path)
    assert original in backups.retired_copies(project_path)
    assert copy_id_of(project_path) != original


def test_a_schema_4_file_gets_the_same_copy_id_read_only_twice_and_a_new_one_when_written(
        project_path: Path, tmp_path: Path) -> None:
    make_project(project_path)
    raw = json.loads(project_path.read_bytes())
    raw["meta"]["1"]["schema_version"] = 4
    for key in ("copy_id", "copy_home"):
        del raw["meta"]["1"][key]
    project_path.write_text(json.dumps(raw))
    twin = tmp_path / "twin.ot62443"
    shutil.copy(project_path, twin)
    legacy = copy_id_of(project_path, read_only=True)
    assert legacy == copy_id_of(project_path, read_only=True) == copy_id_of(twin, read_only=True)
    upgraded = copy_id_of(project_path)
    assert upgraded != legacy
    assert meta(project_path)["schema_version"] == schema.SCHEMA_VERSION  # type: ignore[comparison-overlap]


def test_a_bad_copy_id_is_refused_in_one_line(project_path: Path) -> None:
    make_project(project_path)
    raw = json.loads(project_path.read_bytes())
    raw["meta"]["1"]["copy_id"] = "not hex"
    project_path.write_text(json.dumps(raw))
    with pytest.raises(ProjectDamagedError, match="copy_id must be 16 hexadecimal digits") as caught:
        ProjectStore.open(project_path)
    assert "\n" not in str(caught.value)


def test_a_journal_record_may_not_change_the_copy_id(project_path: Path) -> None:
    make_project(project_path)
    before = meta(project_path)
    header = {"journal": 1, "generation": before["generation"], "project_id": before["project_id"],
              "file_sha256": hashlib.sha256(project_path.read_bytes()).hexdigest()}
    forged = dict(before, copy_id="0" * 16)
    journal_path(project_path).write_bytes(encode(header) + encode({"ops": [["meta", 1, forged]]}))
    with pytest.raises(ProjectDamagedError, match="would alter the project's copy id"):
        ProjectStore.open(project_path)
