"""An import applies as one batch: one journal record, all of its rows or none (issue 10, item 2)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ot62443_desktop.api import Project, open_project
from ot62443_desktop.demo import write_demo
from ot62443_desktop.exports import register_rows as rr
from ot62443_desktop.exports.progress import ExportCancelled, ExportError, Hooks
from ot62443_desktop.storage import SaveError, journal
from ot62443_desktop.storage.journal import journal_path, read_journal
from tests.exports.test_register_import import Register, export, import_register

ROWS = 200


@pytest.fixture
def big(tmp_path: Path) -> Iterator[Project]:
    path = tmp_path / "demo.ot62443"
    write_demo(path, zones=8, seed=2)  # some 230 gaps
    with open_project(path) as project:
        yield project


def edited_register(project: Project, tmp_path: Path, rows: int) -> Path:
    """The register with the owner of its first `rows` gaps changed."""
    register = Register(export(project, tmp_path / "register.xlsx"))
    owner = register.col[rr.OWNER]
    assert register.ws.max_row > rows
    for row in range(2, rows + 2):
        register.ws.cell(row, owner).value = f"Owner {row}"
    return register.save()


def records(project: Project) -> int:
    return len(read_journal(journal_path(project.store.path)).records)


def test_an_import_of_200_rows_is_one_journal_record_and_one_sync(
        big: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edited = edited_register(big, tmp_path, ROWS)
    syncs: list[int] = []
    real_sync = journal.sync
    monkeypatch.setattr(journal, "sync", lambda fd: (syncs.append(fd), real_sync(fd))[1])
    before = records(big)
    report = import_register(big.store, big.catalogues, edited)
    assert report.applied and len(report.changed) == ROWS
    assert records(big) == before + 1 and len(syncs) == 1
    assert big.store.remediation(report.changed[-1].scope_id, report.changed[-1].requirement_id).owner == \
        f"Owner {ROWS + 1}"


def _failing_on(project: Project, monkeypatch: pytest.MonkeyPatch, nth: int, error: BaseException) -> None:
    real = project.store.set_remediation
    calls = 0

    def set_remediation(item: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == nth:
            raise error
        return real(item)

    monkeypatch.setattr(project.store, "set_remediation", set_remediation)


@pytest.mark.parametrize("error", [SaveError("plant.ot62443: cannot save: No space left on device"),
                                   OSError(28, "No space left on device")], ids=["store", "disk"])
def test_a_failure_in_the_middle_leaves_the_project_exactly_as_before(
        big: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    edited = edited_register(big, tmp_path, ROWS)
    before, journal_before = big.store.snapshot(), records(big)
    _failing_on(big, monkeypatch, ROWS // 2, error)
    with pytest.raises(ExportError, match="No space left on device.*nothing was imported"):
        import_register(big.store, big.catalogues, edited)
    assert big.store.snapshot() == before and records(big) == journal_before
    path = big.store.path
    big.close()
    with open_project(path, read_only=True) as again:  # and on disk
        assert again.store.snapshot() == before


def test_a_cancel_while_applying_applies_nothing(big: Project, tmp_path: Path) -> None:
    edited = edited_register(big, tmp_path, 3)
    before = big.store.snapshot()
    seen: list[tuple[int, int]] = []
    hooks = Hooks(progress=lambda done, total: seen.append((done, total)), cancelled=lambda: seen[-1:] == [(3, 3)])
    with pytest.raises(ExportCancelled):
        import_register(big.store, big.catalogues, edited, hooks=hooks)
    assert seen[-1] == (3, 3)  # it got as far as the last row, and still nothing is kept
    assert big.store.snapshot() == before
