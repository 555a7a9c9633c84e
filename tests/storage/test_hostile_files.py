"""Files planted beside a project, alien journal records and damaged backups change nothing they should not."""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path

import pytest

from ot62443_desktop.domain.model import Answer, ProjectInfo, Status, Zone
from ot62443_desktop.storage import ProjectDamagedError, ProjectStore, StoreError, backups
from ot62443_desktop.storage.journal import journal_path
from ot62443_desktop.storage.targets import check_output_target

pytestmark = pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")

INFO = ProjectInfo("ACME Water", "North works")


def make_project(path: Path) -> None:
    with ProjectStore.create(path, INFO) as store:
        store.add_zone(Zone("Z1", "Control", Zone.uniform(2)))
        store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL, notes="first"))


def line(record: object) -> bytes:
    body = json.dumps(record).encode()
    return b"%08x %s\n" % (zlib.crc32(body), body)


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """A file of the user's that a planted link points at; it must never change."""
    path = tmp_path / "elsewhere" / "precious.txt"
    path.parent.mkdir()
    path.write_text("do not touch")
    return path


@pytest.mark.parametrize("planted", [".journal", ".lock"])
def test_a_link_planted_as_journal_or_lock_is_never_written_through(
        project_path: Path, victim: Path, planted: str) -> None:
    make_project(project_path)
    link = project_path.with_name(project_path.name + planted)
    link.symlink_to(victim)
    store = ProjectStore.open(project_path)
    if not store.read_only:
        store.set_answer(Answer("Z1", "SR 1.2", Status.PARTIAL))
    else:
        assert "symbolic link" in store.read_only_reason
    store.close()
    assert victim.read_text() == "do not touch"


def test_a_link_planted_where_a_temporary_file_goes_is_never_written_through(
        project_path: Path, victim: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_project(project_path)
    planted = project_path.with_name(f".{project_path.name}.000000000000.tmp")
    planted.symlink_to(victim)
    tokens = iter(["000000000000", "000000000000", "111111111111", "222222222222", "333333333333"])
    monkeypatch.setattr("ot62443_desktop.storage.fsutil.secrets.token_hex", lambda n: next(tokens))
    with ProjectStore.open(project_path) as store:
        store.set_answer(Answer("Z1", "SR 1.2", Status.PARTIAL))
    assert victim.read_text() == "do not touch"
    assert planted.is_symlink()


def test_a_project_that_is_a_link_stays_a_link_and_its_target_is_updated(tmp_path: Path) -> None:
    real = tmp_path / "real" / "plant.ot62443"
    real.parent.mkdir()
    make_project(real)
    link = tmp_path / "plant.ot62443"
    link.symlink_to(real)
    with ProjectStore.open(link) as store:
        store.set_answer(Answer("Z1", "SR 1.2", Status.NOT_IMPLEMENTED))
    assert link.is_symlink()
    with ProjectStore.open(real, read_only=True) as store:
        assert store.answer("Z1", "SR 1.2") is not None


@pytest.mark.parametrize("suffix", ["", ".journal", ".lock"])
def test_an_export_may_not_overwrite_the_project_or_its_files(project_path: Path, suffix: str) -> None:
    make_project(project_path)
    with pytest.raises(StoreError, match="project"):
        check_output_target(project_path.with_name(project_path.name + suffix), project_path)


def test_an_export_may_not_overwrite_the_project_through_a_link_or_land_in_the_backups(
        project_path: Path, tmp_path: Path) -> None:
    make_project(project_path)
    disguised = tmp_path / "register.xlsx"
    disguised.symlink_to(project_path)
    with pytest.raises(StoreError, match="the project itself"):
        check_output_target(disguised, project_path)
    with pytest.raises(StoreError, match="backups"):
        check_output_target(backups.backup_dir(project_path) / "register.xlsx", project_path)
    check_output_target(tmp_path / "plan.pdf", project_path)  # an ordinary target is fine


@pytest.mark.parametrize("record", [
    {"ops": "rm -rf"},
    {"ops": [["zones", "1", None]]},
    {"ops": [["zones", 1, "text"]]},
    {"ops": [["../../etc", 1, {}]]},
    {"ops": []},
    ["not", "an", "object"],
])
def test_a_well_framed_but_alien_journal_record_is_refused_in_one_line(project_path: Path, record: object) -> None:
    make_project(project_path)
    generation = json.loads(project_path.read_bytes())["meta"]["1"]["generation"]
    journal_path(project_path).write_bytes(line({"journal": 1, "generation": generation}) + line(record))
    before = project_path.read_bytes()
    with pytest.raises(ProjectDamagedError, match=r"change 1 .*ot62443 recover") as caught:
        ProjectStore.open(project_path)
    assert "\n" not in str(caught.value)
    assert project_path.read_bytes() == before


def test_a_journal_with_an_alien_header_is_refused(project_path: Path) -> None:
    make_project(project_path)
    journal_path(project_path).write_bytes(line({"journal": 1, "generation": "seven"}))
    with pytest.raises(ProjectDamagedError, match="header"):
        ProjectStore.open(project_path)


def test_recover_takes_the_newest_good_backup_and_skips_damaged_ones(project_path: Path) -> None:
    make_project(project_path)
    for n in range(3):
        with ProjectStore.open(project_path) as store:
            store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL, notes=f"session {n}"))
    newest = backups.list_backups(project_path)[0]
    newest.write_bytes(newest.read_bytes()[:40])  # a torn backup
    project_path.write_bytes(b"garbage")
    message = ProjectStore.recover(project_path)
    assert backups.list_backups(project_path)[1].name in message
    with ProjectStore.open(project_path) as store:
        assert store.answer("Z1", "SR 1.1").notes == "session 1"  # type: ignore[union-attr]


def test_damaged_copies_are_kept_apart_never_restored_nor_rotated_away(project_path: Path) -> None:
    make_project(project_path)
    project_path.write_bytes(b"garbage 1")
    ProjectStore.recover(project_path)
    aside = backups.backup_dir(project_path) / backups.SET_ASIDE
    assert [p.read_bytes() for p in aside.iterdir()] == [b"garbage 1"]
    assert all(b"garbage" not in b.read_bytes() for b in backups.list_backups(project_path))
    for n in range(backups.KEEP + 2):  # more sessions than backups are kept
        with ProjectStore.open(project_path) as store:
            store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL, notes=f"session {n}"))
    assert [p.read_bytes() for p in aside.iterdir()] == [b"garbage 1"]
    with pytest.raises(StoreError, match="opens normally"):
        ProjectStore.recover(project_path)  # a healthy project is not replaced


def test_an_old_style_set_aside_copy_in_the_backup_folder_is_not_a_backup(project_path: Path) -> None:
    make_project(project_path)
    folder = backups.backup_dir(project_path)
    (folder / "20990101T000000000000-damaged.ot62443").write_bytes(b"garbage")
    assert all(b"garbage" not in b.read_bytes() for b in backups.list_backups(project_path))


def test_a_lock_file_with_hostile_content_is_described_as_plain_short_text(project_path: Path) -> None:
    from ot62443_desktop.storage.lock import ProjectLock

    make_project(project_path)
    holder = ProjectStore.open(project_path)
    lock_file = project_path.with_name(project_path.name + ".lock")
    lock_file.write_text(json.dumps({"user": "<img src='/dev/zero'>\n" + "x" * 500, "host": ["a"], "pid": True}))
    other = ProjectLock(project_path).acquire()
    assert other is not None and "\n" not in other and len(other) < 200
    assert other.startswith("<img src='/dev/zero'> xxx") and other.endswith(" on ? (process ?, since ?)")
    lock_file.write_text("[1, 2, 3]")
    assert ProjectLock(project_path).acquire() == "another running instance"
    holder.close()
