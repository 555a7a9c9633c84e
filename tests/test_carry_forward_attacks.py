"""Carry forward and compare against a careless or hostile user: the same file twice, a crash or a
full disk while next year's file is made, last year's file left with a crash journal."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ot62443_desktop.api import carry_forward, compare_projects, open_project
from ot62443_desktop.cli import main
from ot62443_desktop.domain.progress import LineageError
from ot62443_desktop.storage import StoreError, schema
from tests.storage.test_full_disk import FullDisk, disk
from tests.test_carry_forward import last_year


@pytest.mark.parametrize("second", ["same", "copy"])
def test_comparing_an_assessment_with_itself_says_so(tmp_path: Path, second: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    old = last_year(tmp_path / "2025.ot62443")
    carry_forward(old, tmp_path / "2026.ot62443").close()
    other = tmp_path / "2026.ot62443"
    if second == "copy":  # a copy of a file is the same assessment: it keeps its project id
        other = tmp_path / "2026-copy.ot62443"
        other.write_bytes((tmp_path / "2026.ot62443").read_bytes())
    with pytest.raises(LineageError, match="both files hold the same assessment"):
        compare_projects(tmp_path / "2026.ot62443", other)
    assert main(["compare", str(tmp_path / "2026.ot62443"), str(other)]) == 1
    assert "both files hold the same assessment" in capsys.readouterr().err


@pytest.mark.parametrize("stays", [False, True], ids=["transient", "stays-full"])
def test_a_full_disk_at_any_write_leaves_no_new_file_or_a_complete_one(tmp_path: Path, stays: bool) -> None:
    old = last_year(tmp_path / "2025.ot62443")
    before = old.read_bytes()
    k = 0
    while True:
        k += 1
        folder = tmp_path / f"try-{k}"
        folder.mkdir()
        fault = FullDisk(k, stays=stays)
        with disk(fault), contextlib.suppress(StoreError):  # what the person is told; then no new file
            carry_forward(old, folder / "2026.ot62443").close()
        left = sorted(p.name for p in folder.iterdir())
        if "2026.ot62443" not in left:
            assert left == [], (k, left)  # no half-written file, no temporary file, no lock
        else:
            assert set(left) <= {"2026.ot62443", "2026.ot62443.journal"}, (k, left)
            with open_project(folder / "2026.ot62443", read_only=True) as made:
                data = made.store.snapshot()
                assert [z.id for z in data.zones] == ["Z1", "Z2"] and data.previous is not None
                assert len(data.previous.answers) == 6 and len(data.remediation) == 1
        assert old.read_bytes() == before
        if fault.calls < k:  # the fault came after the last write: every write has been tried
            break


def test_last_years_crash_journal_is_carried_forward_and_left_as_it_was(tmp_path: Path) -> None:
    old = last_year(tmp_path / "2025.ot62443")
    killed = textwrap.dedent(f"""
        import os
        from ot62443_desktop.api import open_project
        project = open_project({str(old)!r})
        project.set_answer("Z1", "SR 2.1", "partial", notes="answered just before the crash")
        os.kill(os.getpid(), 9)
    """)
    subprocess.run([sys.executable, "-c", killed], check=False)
    beside = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert "2025.ot62443.journal" in beside
    with carry_forward(old, tmp_path / "2026.ot62443") as new:
        last = new.store.snapshot().previous
        assert last is not None and last.answer("Z1", "SR 2.1") is not None  # the journaled answer counts
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name != "2026.ot62443"} == beside


def test_a_schema_3_carried_forward_file_upgrades_its_baseline_zones_too(tmp_path: Path) -> None:
    """Schema 4 made a zone's asset text a list; last year's zones inside the file are zones too."""
    old = last_year(tmp_path / "2025.ot62443")
    new = tmp_path / "2026.ot62443"
    carry_forward(old, new).close()
    raw = json.loads(new.read_bytes())
    raw["meta"]["1"]["schema_version"] = 3
    for table in ("zones", "baseline:zones"):
        for zone in raw[table].values():
            for key in ("level", "connects", "design_note", "position"):
                del zone[key]
            zone["assets"] = "PLC-1 (S7-1500)\n\nHMI-01\n"
    new.write_text(json.dumps(raw))
    with open_project(new) as project:
        data = project.store.snapshot()
        assert data.previous is not None
        assert [a.name for a in data.previous.zones[0].assets] == ["PLC-1 (S7-1500)", "HMI-01"]
    assert json.loads(new.read_bytes())["meta"]["1"]["schema_version"] == schema.SCHEMA_VERSION
    assert compare_projects(old, new).summary()["zones"][0]["sl_a_old"] == [0, 0, 0, 0, 0, 2, 0]
