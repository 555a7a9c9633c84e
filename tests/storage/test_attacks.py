"""What an attacker or a very unlucky user found: each test is a way the store once broke.

Files planted beside a project (FIFOs, hard links, journals of other projects), journal
records that pass their checksum but describe something impossible, a clock that went
backwards, a folder sync that fails after a rename, nested batches: none of them may hang
the program, lose an acknowledged change, or make it write a file it then refuses to open.
"""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import signal
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from ot62443_desktop.domain.model import Answer, ProjectInfo, Status, Zone
from ot62443_desktop.storage import ProjectDamagedError, ProjectStore, StoreError, backups, fsutil, store
from ot62443_desktop.storage.journal import journal_path, read_journal
from tests.storage.test_hostile_files import line, make_project  # a zone Z1 with SR 1.1 "first"

pytestmark = pytest.mark.skipif(os.name == "nt", reason="FIFOs, hard links and signals are POSIX here")

INFO = ProjectInfo("ACME Water", "North works")


def crash_after_answer(path: Path, req: str, notes: str) -> None:
    """Journal one answer, then die: the lock goes with the process, the journal stays."""
    st = ProjectStore.open(path)
    st.set_answer(Answer("Z1", req, Status.PARTIAL, notes=notes))
    st._lock.release()  # type: ignore[union-attr]


def notes(st: ProjectStore) -> dict[str, str]:
    return {req: answer.notes for (_scope, req), answer in st.answers().items()}


def plant_journal(path: Path, *records: object) -> None:
    """A well-framed journal for the file's current generation holding `records`."""
    generation = json.loads(path.read_bytes())["meta"]["1"]["generation"]
    journal_path(path).write_bytes(line({"journal": 1, "generation": generation})
                                   + b"".join(line(r) for r in records))


def beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p != path)


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fail instead of hanging: a blocked open or read is interrupted by SIGALRM."""
    def expire(signum: int, frame: Any) -> None:
        raise TimeoutError("the store hung")
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# -- things planted beside a project -----------------------------------------------------

def test_a_fifo_planted_as_journal_never_hangs_and_is_not_taken_for_one(project_path: Path) -> None:
    make_project(project_path)
    os.mkfifo(journal_path(project_path))
    with deadline(5):
        with ProjectStore.open(project_path, read_only=True) as viewer:
            assert notes(viewer) == {"SR 1.1": "first"}
        with ProjectStore.open(project_path) as editor:
            assert not editor.read_only, editor.read_only_reason
            editor.set_answer(Answer("Z1", "SR 1.2", Status.PARTIAL, notes="second"))
    with ProjectStore.open(project_path, read_only=True) as again:
        assert notes(again) == {"SR 1.1": "first", "SR 1.2": "second"}
    assert beside(project_path) == []


def test_a_folder_planted_as_journal_does_not_keep_the_project_from_being_read(project_path: Path) -> None:
    make_project(project_path)
    journal_path(project_path).mkdir()
    with ProjectStore.open(project_path, read_only=True) as viewer:
        assert notes(viewer) == {"SR 1.1": "first"}


@pytest.mark.parametrize("kind", ["fifo", "hard link"])
def test_a_lock_that_is_not_a_plain_file_of_its_own_is_never_written(
        project_path: Path, tmp_path: Path, kind: str) -> None:
    make_project(project_path)
    lock = project_path.with_name(project_path.name + ".lock")
    victim = tmp_path / "precious.txt"
    victim.write_text("do not touch")
    if kind == "fifo":
        os.mkfifo(lock)
    else:
        os.link(victim, lock)
    with deadline(5), ProjectStore.open(project_path) as st:
        assert st.read_only and "not a lock this program made" in st.read_only_reason
    assert victim.read_text() == "do not touch"
    assert lock.exists()  # someone else's file: left where it was


def test_an_empty_lock_file_of_a_holder_starting_up_names_no_question_marks(project_path: Path) -> None:
    from ot62443_desktop.storage.lock import ProjectLock

    make_project(project_path)
    holder = ProjectLock(project_path)
    assert holder.acquire() is None
    os.truncate(holder.path, 0)  # the holder has locked but not yet written who it is
    assert ProjectLock(project_path).acquire() == "another running instance"
    holder.release()


@pytest.mark.parametrize("target", ["/dev/zero", "notes.txt", "fifo"])
def test_a_project_link_to_something_that_is_not_a_project_gets_one_line_and_writes_nothing(
        tmp_path: Path, target: str) -> None:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    if target == "fifo":
        os.mkfifo(folder / "plant.ot62443")
        link = folder / "plant.ot62443"
    else:
        real = Path(target) if target.startswith("/") else folder / target
        if not real.exists():
            real.write_text("my notes")
        link = tmp_path / "plant.ot62443"
        link.symlink_to(real)
    before = sorted(os.listdir(folder))
    with deadline(5):
        for attempt in (lambda: ProjectStore.open(link), lambda: ProjectStore.open(link, read_only=True),
                        lambda: ProjectStore.recover(link)):
            with pytest.raises(StoreError, match="not a project file|not a regular file") as caught:
                attempt()
            assert "\n" not in str(caught.value)
    assert sorted(os.listdir(folder)) == before
    assert not Path("/dev/zero.lock").exists()


def test_temporary_files_a_crash_left_beside_the_project_go_at_the_next_editing_session(
        project_path: Path, tmp_path: Path) -> None:
    make_project(project_path)
    crashed = [project_path.with_name(f".{project_path.name}.0123456789ab.tmp"),
               project_path.with_name(f".{project_path.name}.journal.ba9876543210.tmp")]
    for leftover in crashed:
        leftover.write_bytes(b'{"meta": {"1"')  # a write cut short by kill -9
    victim = tmp_path / "elsewhere" / "precious.txt"
    victim.parent.mkdir()
    victim.write_text("do not touch")
    planted = project_path.with_name(f".{project_path.name}.aaaaaaaaaaaa.tmp")
    planted.symlink_to(victim)
    mine = project_path.with_name(".plant.ot62443.notes.tmp")  # not a name the store makes
    mine.write_text("the user's")
    with ProjectStore.open(project_path, read_only=True):
        assert all(p.exists() for p in crashed)  # a viewer never deletes anything
    with ProjectStore.open(project_path) as st:
        st.set_answer(Answer("Z1", "SR 1.2", Status.PARTIAL))
    assert beside(project_path) == sorted([planted.name, mine.name, "elsewhere"])
    assert victim.read_text() == "do not touch"


def test_a_project_file_marked_read_only_is_opened_read_only_and_left_alone(project_path: Path) -> None:
    make_project(project_path)
    crash_after_answer(project_path, "SR 1.2", "journaled")
    project_path.chmod(0o444)
    before = project_path.read_bytes()
    with ProjectStore.open(project_path) as st:
        assert st.read_only and "marked read-only" in st.read_only_reason
        assert notes(st) == {"SR 1.1": "first", "SR 1.2": "journaled"}
    assert project_path.read_bytes() == before
    project_path.chmod(0o644)
    with ProjectStore.open(project_path) as st:
        assert not st.read_only and notes(st)["SR 1.2"] == "journaled"


# -- journals that belong to something else ---------------------------------------------

def test_a_journal_of_another_project_copied_beside_is_set_aside_not_replayed(tmp_path: Path) -> None:
    ours, theirs = tmp_path / "ours" / "plant.ot62443", tmp_path / "theirs" / "plant.ot62443"
    for path in (ours, theirs):
        path.parent.mkdir()
        make_project(path)  # both at the same generation
    crash_after_answer(theirs, "SR 1.6", "theirs")
    shutil.copy(journal_path(theirs), journal_path(ours))
    with ProjectStore.open(ours) as st:
        assert notes(st) == {"SR 1.1": "first"}
        assert any("set aside" in w for w in st.warnings)
    aside = list((backups.backup_dir(ours) / backups.SET_ASIDE).iterdir())
    assert [read_journal(p).records[0]["ops"][0][2]["notes"] for p in aside] == ["theirs"]


@pytest.mark.parametrize("sessions_here", [1, 2], ids=["same generation", "one generation on"])
def test_a_journal_of_another_copy_of_the_project_is_not_replayed(
        project_path: Path, tmp_path: Path, sessions_here: int) -> None:
    make_project(project_path)
    copy = tmp_path / "stick" / "plant.ot62443"
    copy.parent.mkdir()
    shutil.copy(project_path, copy)
    with ProjectStore.open(copy) as other:  # the copy goes its own way
        other.add_zone(Zone("Z2", "Elsewhere", Zone.uniform(1)))
    for n in range(sessions_here):
        with ProjectStore.open(project_path) as st:
            st.set_answer(Answer("Z1", "SR 1.3", Status.PARTIAL, notes=f"here {n}"))
    crash_after_answer(copy, "SR 1.4", "journaled on the stick")
    shutil.copy(journal_path(copy), journal_path(project_path))
    with ProjectStore.open(project_path) as st:
        assert "SR 1.4" not in notes(st)
        assert any("set aside" in w for w in st.warnings)


def test_a_new_project_never_takes_in_the_journal_of_a_deleted_one(project_path: Path) -> None:
    old = ProjectStore.create(project_path, ProjectInfo("Old client", "Old site"))
    old.add_zone(Zone("Z1", "Old zone", Zone.uniform(2)))
    old.set_info(ProjectInfo("Old client, renamed", "Old site"))
    old._lock.release()  # type: ignore[union-attr]  # a crash: the journal stays
    project_path.unlink()  # the user deletes the project and starts again under the same name
    with ProjectStore.create(project_path, INFO) as new:
        assert new.info.client == "ACME Water" and new.zones() == ()
        assert any("earlier project of this name was set aside" in w for w in new.warnings)
        new_id = new.project_id
    with ProjectStore.open(project_path) as again:
        assert again.info.client == "ACME Water" and again.project_id == new_id


# -- journal records that pass their checksum but must not be believed -------------------

ZONE_DOC = {"id": "Z9", "name": "Z", "kind": "zone", "sl_t": [2] * 7, "criticality": "medium",
            "description": "", "assets": "", "assess_program": False}
DEEP: Any = 1
for _ in range(40):
    DEEP = [DEEP]
HOSTILE_RECORDS = {
    "removes the meta data": [["meta", 1, None]],
    "a second meta record": [["meta", 2, {"schema_version": 2}]],
    "a generation that is text": [["meta", 1, {"schema_version": 2, "generation": "x", "info": {}}]],
    "a record id beyond any file": [["zones", 10**30, ZONE_DOC]],
    "nesting the file refuses": [["answers:Z1", 1, {"req": "SR 1.1", "status": "partial", "x": DEEP}]],
    "a lone surrogate": [["answers:Z1", 1, {"req": "SR 1.1", "status": "partial", "notes": "\ud800"}]],
    "a zone id used twice": [["zones", 2, dict(ZONE_DOC, id="Z1")]],
    "answers of no zone": [["zones", 1, None]],
}


@pytest.mark.parametrize("ops", HOSTILE_RECORDS.values(), ids=HOSTILE_RECORDS.keys())
def test_a_hostile_journal_record_gets_one_line_and_recover_sets_the_journal_aside(
        project_path: Path, ops: list[Any]) -> None:
    make_project(project_path)
    plant_journal(project_path, {"ops": ops})
    before = project_path.read_bytes()
    for read_only in (False, True):
        with pytest.raises(ProjectDamagedError, match="journal.*ot62443 recover") as caught:
            ProjectStore.open(project_path, read_only=read_only)
        assert "\n" not in str(caught.value) and caught.value.recoverable
    assert project_path.read_bytes() == before and beside(project_path) == [journal_path(project_path).name]
    message = ProjectStore.recover(project_path)
    assert "journal" in message and "set aside" in message
    with ProjectStore.open(project_path) as st:
        assert notes(st) == {"SR 1.1": "first"} and not st.read_only
        st.set_answer(Answer("Z1", "SR 1.2", Status.PARTIAL))
    with ProjectStore.open(project_path) as st:  # what the store wrote, it opens again
        assert set(notes(st)) == {"SR 1.1", "SR 1.2"}


@pytest.mark.parametrize("change", [{"project_id": "f" * 32}, {"generation": 99}, {"schema_version": 1}],
                         ids=["project id", "generation", "schema version"])
def test_a_journal_record_may_not_change_what_identifies_the_file(project_path: Path,
                                                                 change: dict[str, Any]) -> None:
    make_project(project_path)
    meta = json.loads(project_path.read_bytes())["meta"]["1"]
    plant_journal(project_path, {"ops": [["meta", 1, dict(meta, **change, info=dict(meta["info"], client="X"))]]})
    with pytest.raises(ProjectDamagedError, match="would alter the project's"):
        ProjectStore.open(project_path)
    ProjectStore.recover(project_path)
    with ProjectStore.open(project_path) as st:
        assert st.project_id == meta["project_id"] and st.info.client == "ACME Water"


def test_recover_keeps_a_good_file_newer_than_every_backup_when_only_its_journal_is_bad(
        project_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_project(project_path)

    def disk_full(*args: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(backups, "save_backup", disk_full)
        with ProjectStore.open(project_path) as st:  # saved, but no backup of it could be kept
            st.set_answer(Answer("Z1", "SR 1.1", Status.IMPLEMENTED, notes="newest"))
    plant_journal(project_path, {"ops": "alien"})
    message = ProjectStore.recover(project_path)
    assert "restored from backup" not in message
    with ProjectStore.open(project_path) as st:
        assert notes(st) == {"SR 1.1": "newest"}


def test_records_after_damage_in_the_middle_of_a_journal_are_kept_aside_and_said(project_path: Path) -> None:
    make_project(project_path)
    st = ProjectStore.open(project_path)
    for n in range(1, 4):
        st.set_answer(Answer("Z1", f"SR 1.{n + 1}", Status.PARTIAL, notes=f"change {n}"))
    st._lock.release()  # type: ignore[union-attr]  # the process dies
    path = journal_path(project_path)
    lines = path.read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b"change 2", b"chAnge 2")  # the disk flips a bit in the middle
    path.write_bytes(b"\n".join(lines))
    with ProjectStore.open(project_path) as st:
        assert notes(st) == {"SR 1.1": "first", "SR 1.2": "change 1"}
        assert any("damaged" in w and "set aside" in w for w in st.warnings)
    aside = list((backups.backup_dir(project_path) / backups.SET_ASIDE).iterdir())
    assert len(aside) == 1 and b"change 3" in aside[0].read_bytes()


# -- batches ------------------------------------------------------------------------------

def test_an_inner_batch_that_fails_is_undone_even_when_the_outer_one_goes_on(project_path: Path) -> None:
    make_project(project_path)
    with ProjectStore.open(project_path) as st:
        with st.batch():
            st.set_answer(Answer("Z1", "SR 1.2", Status.PARTIAL, notes="outer"))
            with pytest.raises(ValueError, match="inner"), st.batch():
                st.set_answer(Answer("Z1", "SR 1.3", Status.PARTIAL, notes="inner"))
                st.add_zone(Zone("Z2", "Inner zone", Zone.uniform(1)))
                raise ValueError("inner")
            st.set_answer(Answer("Z1", "SR 1.4", Status.PARTIAL, notes="outer again"))
        assert notes(st) == {"SR 1.1": "first", "SR 1.2": "outer", "SR 1.4": "outer again"}
        assert [z.id for z in st.zones()] == ["Z1"]
    with ProjectStore.open(project_path) as st:
        assert notes(st) == {"SR 1.1": "first", "SR 1.2": "outer", "SR 1.4": "outer again"}


def test_the_file_is_never_rewritten_with_a_batch_that_is_still_open(project_path: Path) -> None:
    make_project(project_path)
    st = ProjectStore.open(project_path)
    with pytest.raises(RuntimeError, match="abandoned"), st.batch():
        st.set_answer(Answer("Z1", "SR 1.2", Status.PARTIAL, notes="never acknowledged"))
        with pytest.raises(StoreError, match="batch"):
            st.compact()
        with pytest.raises(StoreError, match="batch"):
            st.close()
        raise RuntimeError("abandoned")
    st.close()
    with ProjectStore.open(project_path) as again:
        assert notes(again) == {"SR 1.1": "first"}


# -- backups and the clock ------------------------------------------------------------------

def test_backups_written_after_the_clock_went_back_are_kept_and_recovered(
        project_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_project(project_path)

    class Clock(datetime):
        offset = timedelta(days=365 * 5)  # the laptop's clock runs years ahead for a while

        @classmethod
        def now(cls, tz: Any = None) -> Any:
            return datetime.now(tz) + cls.offset

    monkeypatch.setattr(backups, "datetime", Clock)
    for n in range(backups.KEEP + 1):
        with ProjectStore.open(project_path) as st:
            st.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL, notes=f"clock ahead {n}"))
    Clock.offset = timedelta(0)  # then someone sets it right
    for n in range(3):
        with ProjectStore.open(project_path) as st:
            st.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL, notes=f"clock right {n}"))
    kept = [json.loads(b.read_bytes())["answers:Z1"]["1"]["notes"] for b in backups.list_backups(project_path)]
    assert kept[:3] == ["clock right 2", "clock right 1", "clock right 0"]
    project_path.write_bytes(b"garbage")
    ProjectStore.recover(project_path)
    with ProjectStore.open(project_path) as st:
        assert notes(st) == {"SR 1.1": "clock right 2"}


# -- a folder sync that fails after the rename ---------------------------------------------

class FailingDirSync:
    """Stands in for `os` in fsutil: fsync of a folder fails `times` times (a sick disk), or always
    with EINVAL (file systems that cannot sync a folder)."""

    def __init__(self, error: int, times: int) -> None:
        self.error = error
        self.left = times

    def __getattr__(self, name: str) -> Any:
        real = getattr(os, name)
        if name != "fsync":
            return real

        def fsync(fd: int) -> None:
            if stat.S_ISDIR(os.fstat(fd).st_mode) and self.left > 0:
                self.left -= 1
                raise OSError(self.error, os.strerror(self.error))
            real(fd)
        return fsync


@pytest.mark.parametrize(("error", "times"), [(errno.EIO, 1), (errno.EINVAL, 10**6)], ids=["EIO once", "EINVAL"])
def test_a_folder_sync_failing_after_compaction_renamed_the_file_loses_no_later_change(
        project_path: Path, monkeypatch: pytest.MonkeyPatch, error: int, times: int) -> None:
    make_project(project_path)
    st = ProjectStore.open(project_path)
    st.set_answer(Answer("Z1", "SR 1.2", Status.PARTIAL, notes="before compaction"))
    monkeypatch.setattr(fsutil, "os", FailingDirSync(error, times))
    st.compact()  # the new file was renamed into place; only the folder sync failed
    st.set_answer(Answer("Z1", "SR 1.3", Status.PARTIAL, notes="after compaction"))
    monkeypatch.setattr(fsutil, "os", os)
    st._lock.release()  # type: ignore[union-attr]  # the process dies
    with ProjectStore.open(project_path) as again:
        assert notes(again) == {"SR 1.1": "first", "SR 1.2": "before compaction", "SR 1.3": "after compaction"}


# -- the command line -----------------------------------------------------------------------

class FullStderr(io.StringIO):
    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_warning_that_cannot_be_written_does_not_turn_a_saved_answer_into_an_error(
        project_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ot62443_desktop import cli

    make_project(project_path)
    crash_after_answer(project_path, "SR 1.2", "journaled")  # the next command has a warning to give
    monkeypatch.setattr("sys.stderr", FullStderr())
    code = cli.main(["answer", str(project_path), "--scope", "Z1", "--req", "SR 1.3", "--status", "partial"])
    monkeypatch.undo()
    with ProjectStore.open(project_path) as st:
        assert "SR 1.3" in notes(st)
    assert code == 0


def test_no_file_is_left_beside_a_project_after_a_clean_session(project_path: Path) -> None:
    make_project(project_path)
    crash_after_answer(project_path, "SR 1.2", "journaled")
    store.COMPACT_AFTER_BYTES, saved = 400, store.COMPACT_AFTER_BYTES
    try:
        with ProjectStore.open(project_path) as st:
            for n in range(10):
                st.set_answer(Answer("Z1", f"SR 1.{n % 4 + 1}", Status.PARTIAL, notes=f"n {n}"))
    finally:
        store.COMPACT_AFTER_BYTES = saved
    assert beside(project_path) == []


def test_an_instance_whose_lock_file_was_deleted_never_undoes_the_next_holder(project_path: Path) -> None:
    make_project(project_path)
    first = ProjectStore.open(project_path)
    first.set_answer(Answer("Z1", "SR 1.2", Status.PARTIAL, notes="first instance"))
    project_path.with_name(project_path.name + ".lock").unlink()  # someone "cleans up" a lock file
    second = ProjectStore.open(project_path)  # takes over, replaying the first one's journal
    assert not second.read_only
    second.set_answer(Answer("Z1", "SR 1.3", Status.PARTIAL, notes="second instance"))
    with pytest.raises(StoreError, match="lock file was removed"):
        first.compact()
    first.close()  # must leave the second instance's lock, journal and file alone
    assert any("lock file was removed" in w for w in first.warnings)
    with ProjectStore.open(project_path) as third:
        assert third.read_only  # the second instance still holds the project
    second._lock.release()  # type: ignore[union-attr]  # the second instance dies
    with ProjectStore.open(project_path) as again:
        assert notes(again) == {"SR 1.1": "first", "SR 1.2": "first instance", "SR 1.3": "second instance"}


def test_two_creations_of_one_name_at_once_never_overwrite_each_other(
        project_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ot62443_desktop.storage.lock import ProjectLock

    theirs = tmp_path / "elsewhere" / "plant.ot62443"
    theirs.parent.mkdir()
    make_project(theirs)
    real_acquire = ProjectLock.acquire

    def the_other_one_finishes_first(lock: ProjectLock) -> str | None:
        if not project_path.exists():  # between our check that the name is free and our lock
            shutil.copy(theirs, project_path)
        return real_acquire(lock)

    monkeypatch.setattr(ProjectLock, "acquire", the_other_one_finishes_first)
    with pytest.raises(StoreError, match="already exists"):
        ProjectStore.create(project_path, ProjectInfo("Mine", "Here"))
    assert project_path.read_bytes() == theirs.read_bytes()
    assert beside(project_path) == ["elsewhere"]  # no lock, journal or temporary file left


def test_a_journal_left_by_a_crash_can_be_read_by_whoever_may_read_the_project(project_path: Path) -> None:
    make_project(project_path)
    project_path.chmod(0o664)  # a team folder: the group reads and edits the project
    crash_after_answer(project_path, "SR 1.2", "journaled")
    assert stat.S_IMODE(journal_path(project_path).stat().st_mode) == 0o664


def test_a_share_without_file_locks_is_not_taken_for_another_instance(
        project_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import fcntl

    make_project(project_path)

    def no_locks(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr(fcntl, "flock", no_locks)
    with ProjectStore.open(project_path) as st:
        assert st.read_only
        assert "another instance" not in st.read_only_reason
        assert os.strerror(errno.ENOLCK) in st.read_only_reason


def test_a_backup_numbered_beyond_any_real_one_does_not_hide_the_next(project_path: Path) -> None:
    make_project(project_path)
    newest = backups.list_backups(project_path)[0]
    junk = newest.with_name("9" * 12 + "-" + newest.name.split("-", 1)[1])
    shutil.copy(newest, junk)
    with ProjectStore.open(project_path) as st:
        st.set_answer(Answer("Z1", "SR 1.1", Status.IMPLEMENTED, notes="after the junk"))
    assert b"after the junk" in backups.list_backups(project_path)[0].read_bytes()


def test_a_read_only_open_changes_nothing_beside_the_project(project_path: Path) -> None:
    make_project(project_path)
    crash_after_answer(project_path, "SR 1.2", "journaled")
    project_path.with_name(f".{project_path.name}.0123456789ab.tmp").write_bytes(b"left by a crash")
    holder = ProjectStore.open(project_path)  # another instance: the next opens are read-only too

    def files() -> dict[str, tuple[bytes, int]]:
        return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in project_path.parent.iterdir()}

    before = files()
    for opened in (ProjectStore.open(project_path, read_only=True), ProjectStore.open(project_path)):
        with opened as st:
            assert st.read_only and notes(st)["SR 1.2"] == "journaled"
    assert files() == before
    holder.close()
