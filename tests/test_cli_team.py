"""Team work through the `ot62443` command (SPEC 12.2): merge, and its errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.test_cli import run


@pytest.fixture
def copies(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[str, str]:
    """A project with one zone and its copy on a stick, each answered differently once."""
    mine = tmp_path / "plant.ot62443"
    run(capsys, "new", str(mine), "--client", "ACME", "--site", "North")
    run(capsys, "zone", "add", str(mine), "--id", "Z1", "--name", "Control", "--sl-t", "2")
    theirs = tmp_path / "stick" / "plant.ot62443"
    theirs.parent.mkdir()
    shutil.copy(mine, theirs)
    return str(mine), str(theirs)


def answer(capsys: pytest.CaptureFixture[str], path: str, req: str, status: str, notes: str) -> None:
    assert run(capsys, "answer", path, "--scope", "Z1", "--req", req, "--status", status, "--notes", notes)[0] == 0


def test_merge_json_is_the_contract(capsys: pytest.CaptureFixture[str], copies: tuple[str, str]) -> None:
    mine, theirs = copies
    answer(capsys, theirs, "SR 1.1", "implemented", "theirs")
    answer(capsys, theirs, "SR 1.2", "partial", "only theirs")
    answer(capsys, mine, "SR 1.1", "not_implemented", "mine")
    code, out, err = run(capsys, "merge", mine, theirs, "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {"taken": 1, "conflicts": [{"scope": "Z1", "req": "SR 1.1", "field": "status"}],
                               "unchanged": 2}
    code, out, _ = run(capsys, "merge", mine, theirs)  # again: nothing
    assert code == 0 and out.startswith("took 0 change(s)") and "0 conflict(s)" in out


def test_merge_dry_run_changes_nothing(capsys: pytest.CaptureFixture[str], copies: tuple[str, str]) -> None:
    mine, theirs = copies
    answer(capsys, theirs, "SR 1.2", "partial", "only theirs")
    before = Path(mine).read_bytes()
    code, out, _ = run(capsys, "merge", mine, theirs, "--dry-run")
    assert code == 0 and out.startswith("would take 1 change(s)")
    assert Path(mine).read_bytes() == before


def test_merging_another_project_is_one_line_and_changes_nothing(
        capsys: pytest.CaptureFixture[str], copies: tuple[str, str], tmp_path: Path) -> None:
    mine, _theirs = copies
    other = str(tmp_path / "other.ot62443")
    run(capsys, "new", other, "--client", "ACME", "--site", "North")
    before = Path(mine).read_bytes()
    code, out, err = run(capsys, "merge", mine, other)
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "copy of another project" in err and other in err and mine in err
    assert Path(mine).read_bytes() == before
    code, _out, err = run(capsys, "merge", mine, str(tmp_path / "absent.ot62443"))
    assert code == 1 and "no such project file" in err
    assert Path(mine).read_bytes() == before
