"""A full disk at any write of a session loses no acknowledged change and reports no change
that was in fact saved: after the fault, the project holds exactly the changes that returned.

The store's modules reach the file system through `os`; the tests replace that name with a
proxy that fails the k-th space-consuming call (write, sync, create, rename), for every k of
a session, either once (a transient error) or from then on (a disk that stays full). A
failing write first writes half its bytes, as a real full disk tears an append.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ot62443_desktop.domain.model import Answer, ProjectInfo, Status, Zone
from ot62443_desktop.storage import ProjectStore, StoreError, backups, fsutil, journal, lock, reading

MODULES = (fsutil, journal, reading, backups, lock)
FAULTY = ("write", "fsync", "fdatasync", "replace", "ftruncate", "open")
REQS = [f"SR {fr}.{n}" for fr, n in ((1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (3, 1), (3, 2), (4, 1))]


class FullDisk:
    """Stands in for `os` in the store's modules: call number `fail_at` (and, if `stays`, every later one) fails."""

    def __init__(self, fail_at: int, *, stays: bool) -> None:
        self.calls = 0
        self.fail_at = fail_at
        self.stays = stays

    def _fails(self) -> bool:
        self.calls += 1
        return self.calls == self.fail_at or (self.stays and self.calls > self.fail_at)

    def __getattr__(self, name: str) -> Any:
        real = getattr(os, name)
        if name not in FAULTY:
            return real

        def call(*args: Any, **kwargs: Any) -> Any:
            if name == "open" and not (args[1] & os.O_CREAT):
                return real(*args, **kwargs)
            if name == "ftruncate" and self.stays:
                return real(*args, **kwargs)  # shrinking a file works on a full disk
            if not self._fails():
                return real(*args, **kwargs)
            if name == "write" and len(args[1]) > 1:
                real(args[0], bytes(args[1][: len(args[1]) // 2]))  # a torn append
            raise OSError(errno.ENOSPC, "No space left on device")
        return call


@contextmanager
def disk(fault: FullDisk | None) -> Iterator[None]:
    if fault is None:
        yield
        return
    saved = [(m, m.os) for m in MODULES]  # type: ignore[attr-defined]
    for module in MODULES:
        module.os = fault  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for module, real in saved:
            module.os = real  # type: ignore[attr-defined]


@dataclass
class Expected:
    answers: dict[tuple[str, str], str]
    zones: set[str]
    removed: set[str] = field(default_factory=set)  # keys of the records removed: each has a tombstone


INFO = ProjectInfo("ACME Water", "North works")


def session(path: Path, expected: Expected, attempt: Callable[[Callable[[], Any]], bool]) -> None:
    """A working session: zones, answers, a batch, a compaction, close, reopen, more answers."""
    st: ProjectStore | None = None

    def open_store() -> None:
        nonlocal st
        st = ProjectStore.open(path)

    def answer(zone: str, req: str, note: str) -> Callable[[], Any]:
        def run() -> None:
            assert st is not None
            st.set_answer(Answer(zone, req, Status.PARTIAL, notes=note))
        return run

    def batch(note: str) -> None:
        assert st is not None
        with st.batch():
            for req in REQS:
                st.set_answer(Answer("Z1", req, Status.IMPLEMENTED, notes=note))

    if not attempt(open_store) or st is None:
        return
    if attempt(lambda: st.add_zone(Zone("Z2", "Second", Zone.uniform(2)))):  # type: ignore[union-attr]
        expected.zones.add("Z2")
    for n, req in enumerate(REQS[:5]):
        if attempt(answer("Z1", req, f"first {n}")):
            expected.answers[("Z1", req)] = f"first {n}"
    if attempt(lambda: batch("batched")):
        expected.answers.update({("Z1", req): "batched" for req in REQS})
    attempt(st.compact)
    if "Z2" in expected.zones and attempt(answer("Z2", "SR 1.1", "after compaction")):
        expected.answers[("Z2", "SR 1.1")] = "after compaction"
    attempt(st.close)
    if not attempt(open_store) or st is None:
        return
    if attempt(answer("Z1", "SR 1.1", "second session")):  # the first session's version goes to the history
        expected.answers[("Z1", "SR 1.1")] = "second session"
    if ("Z1", REQS[1]) in expected.answers and attempt(lambda: st.clear_answer("Z1", REQS[1])):  # type: ignore[union-attr]
        del expected.answers[("Z1", REQS[1])]
        expected.removed.add(f"a|Z1|{REQS[1]}")
    if "Z2" in expected.zones and attempt(lambda: st.remove_zone("Z2")):  # type: ignore[union-attr]
        expected.zones.discard("Z2")
        expected.removed.add("z|Z2")
        if expected.answers.pop(("Z2", "SR 1.1"), None) is not None:
            expected.removed.add("a|Z2|SR 1.1")
    attempt(st.close)


def make_project(path: Path) -> Expected:
    with ProjectStore.create(path, INFO) as st:
        st.add_zone(Zone("Z1", "First", Zone.uniform(3)))
        st.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL, notes="before"))
    return Expected({("Z1", "SR 1.1"): "before"}, {"Z1"})


def run_with_fault(path: Path, fault: FullDisk | None) -> Expected:
    expected = make_project(path)
    failures: list[BaseException] = []

    def attempt(step: Callable[[], Any]) -> bool:
        try:
            with disk(fault):
                step()
        except (StoreError, OSError) as exc:
            failures.append(exc)
            return False
        return True

    session(path, expected, attempt)
    for message in map(str, failures):  # every failure is told in words, with its reason
        assert "None" not in message and message.strip()
    return expected


def assert_project_holds(path: Path, expected: Expected) -> None:
    with ProjectStore.open(path) as st:
        assert not st.read_only, st.read_only_reason
        assert {z.id for z in st.zones()} == expected.zones
        got = {key: a.notes for key, a in st.answers().items()}
        assert got == expected.answers
    raw = json.loads(path.read_bytes())
    assert {t["key"] for t in raw.get("tombstones", {}).values()} == expected.removed
    if expected.answers.get(("Z1", "SR 1.1")) == "second session":  # the version it replaced is kept
        assert any(e["key"] == "a|Z1|SR 1.1" for e in raw["history"].values())
    leftovers = sorted(p.name for p in path.parent.iterdir() if p.name != path.name)
    assert leftovers == [], f"left beside the project: {leftovers}"


def count_calls(path: Path) -> int:
    counter = FullDisk(fail_at=0, stays=False)
    run_with_fault(path, counter)
    return counter.calls


@pytest.mark.parametrize("stays", [False, True], ids=["transient", "stays-full"])
def test_a_full_disk_at_any_write_keeps_exactly_the_acknowledged_changes(tmp_path: Path, stays: bool) -> None:
    (tmp_path / "count").mkdir()
    calls = count_calls(tmp_path / "count" / "plant.ot62443")
    assert calls > 40  # the session really exercises open, appends, batch, compaction and close
    for k in range(1, calls + 1):
        folder = tmp_path / f"k{k}"
        folder.mkdir()
        path = folder / "plant.ot62443"
        expected = run_with_fault(path, FullDisk(fail_at=k, stays=stays))
        assert_project_holds(path, expected)


def test_a_failed_append_is_cut_off_so_later_changes_replay(tmp_path: Path) -> None:
    path = tmp_path / "plant.ot62443"
    make_project(path)
    st = ProjectStore.open(path)
    with disk(FullDisk(fail_at=1, stays=False)), pytest.raises(StoreError, match="No space left on device"):
        st.set_answer(Answer("Z1", "SR 1.2", Status.PARTIAL, notes="lost"))
    st.set_answer(Answer("Z1", "SR 1.3", Status.PARTIAL, notes="kept"))
    # the process dies here: nothing closes the store
    recovered = ProjectStore.open(path, read_only=True)
    assert recovered.answer("Z1", "SR 1.2") is None
    assert recovered.answer("Z1", "SR 1.3") is not None
    st.close()


def test_a_full_disk_while_closing_keeps_the_journal_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "plant.ot62443"
    make_project(path)
    st = ProjectStore.open(path)
    st.set_answer(Answer("Z1", "SR 1.2", Status.NOT_IMPLEMENTED, notes="saved"))
    with disk(FullDisk(fail_at=1, stays=True)):
        st.close()  # does not raise: the answer is durable in the journal
    assert any("every change is saved in its journal" in w for w in st.warnings)
    assert journal.journal_path(path).exists()
    with ProjectStore.open(path) as again:
        assert again.answer("Z1", "SR 1.2") is not None
        assert any("recovered 1 change" in w for w in again.warnings)


def test_a_full_disk_while_opening_after_a_crash_opens_read_only_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "plant.ot62443"
    make_project(path)
    st = ProjectStore.open(path)
    st.set_answer(Answer("Z1", "SR 1.2", Status.NOT_IMPLEMENTED, notes="journaled"))
    st._lock.release()  # type: ignore[union-attr]  # the process dies: its lock goes, its journal stays
    for fail_at in (1, 2, 3, 4):  # the lock, the backup, the file, the journal
        with disk(FullDisk(fail_at=fail_at, stays=True)):
            opened = ProjectStore.open(path)
        assert opened.read_only, fail_at
        assert "nothing was lost: free some disk space" in opened.read_only_reason
        assert opened.answer("Z1", "SR 1.2") is not None
        opened.close()
    with ProjectStore.open(path) as again:
        assert again.answer("Z1", "SR 1.2") is not None
