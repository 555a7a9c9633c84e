"""Batches: many changes, one journal record and one sync, all or nothing; and project ids."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ot62443_desktop.domain.model import Answer, ProjectInfo, RemediationItem, Status, Zone
from ot62443_desktop.storage import ProjectStore, SaveError, fsutil, schema
from ot62443_desktop.storage.journal import journal_path, read_journal

INFO = ProjectInfo("ACME Water", "North works")
REQS = ["SR 1.1", "SR 1.2", "SR 1.3", "SR 2.1", "SR 2.2"]


@pytest.fixture
def store(project_path: Path) -> ProjectStore:
    st = ProjectStore.create(project_path, INFO)
    st.add_zone(Zone("Z1", "Control", Zone.uniform(2)))
    return st


def test_a_batch_is_one_record_and_one_sync(store: ProjectStore, monkeypatch: pytest.MonkeyPatch) -> None:
    syncs: list[int] = []
    real = fsutil.sync
    monkeypatch.setattr("ot62443_desktop.storage.journal.sync", lambda fd: (syncs.append(fd), real(fd)))
    with store.batch():
        for req in REQS:
            store.set_answer(Answer("Z1", req, Status.PARTIAL))
            store.set_remediation(RemediationItem("Z1", req, owner="OT lead"))
        store.add_zone(Zone("Z2", "DMZ", Zone.uniform(1)))
        assert store.answer("Z1", "SR 2.2") is not None  # reads inside see the batch
    assert len(syncs) == 1
    assert len(read_journal(journal_path(store.path)).records) == 2  # the fixture's zone, then the batch
    store.close()
    with ProjectStore.open(store.path) as again:
        assert len(again.answers()) == len(REQS) and {z.id for z in again.zones()} == {"Z1", "Z2"}


def test_a_batch_that_raises_changes_nothing(store: ProjectStore) -> None:
    store.set_answer(Answer("Z1", "SR 1.1", Status.IMPLEMENTED, notes="before"))
    before = store.snapshot()
    with pytest.raises(RuntimeError, match="half way"), store.batch():
        store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL, notes="changed"))
        store.remove_zone("Z1")
        store.add_zone(Zone("Z3", "Other", Zone.uniform(1)))
        raise RuntimeError("half way")
    assert store.snapshot() == before
    store.set_answer(Answer("Z1", "SR 1.2", Status.PARTIAL))  # the store goes on working
    store.close()
    with ProjectStore.open(store.path) as again:
        assert again.answer("Z1", "SR 1.1").notes == "before"  # type: ignore[union-attr]
        assert [z.id for z in again.zones()] == ["Z1"]


def test_a_batch_whose_record_cannot_be_saved_changes_nothing(
        store: ProjectStore, monkeypatch: pytest.MonkeyPatch) -> None:
    before = store.snapshot()

    def full(fd: int, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("ot62443_desktop.storage.journal.write_all", full)
    with pytest.raises(SaveError, match="not saved .No space left on device"), store.batch():
        for req in REQS:
            store.set_answer(Answer("Z1", req, Status.PARTIAL))
    assert store.snapshot() == before


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_a_batch_killed_before_it_ends_leaves_nothing_of_it(store: ProjectStore, tmp_path: Path) -> None:
    store.close()
    script = tmp_path / "batch.py"
    script.write_text(textwrap.dedent("""
        import sys, time
        from ot62443_desktop.domain.model import Answer, Status
        from ot62443_desktop.storage import ProjectStore
        store = ProjectStore.open(sys.argv[1])
        with store.batch():
            for req in ["SR 1.1", "SR 1.2", "SR 1.3"]:
                store.set_answer(Answer("Z1", req, Status.PARTIAL))
            print("inside", flush=True)
            time.sleep(60)
    """))
    child = subprocess.Popen([sys.executable, str(script), str(store.path)], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline() == "inside\n"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    with ProjectStore.open(store.path) as again:
        assert again.answers() == {}


def test_every_project_has_its_own_random_id_kept_across_sessions(tmp_path: Path) -> None:
    ids = []
    for name in ("a", "b"):
        with ProjectStore.create(tmp_path / f"{name}.ot62443", INFO) as st:
            ids.append(st.project_id)
            assert st.snapshot().project_id == st.project_id
        with ProjectStore.open(tmp_path / f"{name}.ot62443") as st:
            assert st.project_id == ids[-1]
    assert ids[0] != ids[1] and all(len(i) == 32 for i in ids)


def test_a_schema_1_file_gets_the_same_id_read_only_as_when_upgraded(project_path: Path) -> None:
    with ProjectStore.create(project_path, INFO) as st:
        st.add_zone(Zone("Z1", "Control", Zone.uniform(2)))
    raw = json.loads(project_path.read_bytes())
    raw["meta"]["1"]["schema_version"] = 1
    del raw["meta"]["1"]["project_id"]
    project_path.write_text(json.dumps(raw))
    with ProjectStore.open(project_path, read_only=True) as first, \
            ProjectStore.open(project_path, read_only=True) as second:
        assert first.project_id == second.project_id
    with ProjectStore.open(project_path) as upgraded:
        assert upgraded.project_id == first.project_id
    meta = json.loads(project_path.read_bytes())["meta"]["1"]
    assert meta["schema_version"] == schema.SCHEMA_VERSION and meta["project_id"] == first.project_id


def test_a_reader_that_meets_the_writers_compaction_reads_again_and_misses_nothing(
        store: ProjectStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """An export opens the project read-only while the GUI writes: a compaction between its
    reading of the file and of the journal used to drop every change since the last one."""
    from ot62443_desktop.storage import store as store_module

    store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL, notes="saved"))
    real = store_module.read_journal_of
    compacted: list[bool] = []

    def compact_first(path: Path, key: object = None) -> object:
        if not compacted:
            compacted.append(True)
            store.compact()  # the writer rewrites the file just after the reader read it
        return real(path, key)  # type: ignore[arg-type]

    monkeypatch.setattr(store_module, "read_journal_of", compact_first)
    with ProjectStore.open(store.path, read_only=True) as reader:
        assert reader.answer("Z1", "SR 1.1") is not None
    assert compacted
    store.close()
