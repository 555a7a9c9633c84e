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


def test_conflicts_resolve_and_history(capsys: pytest.CaptureFixture[str], copies: tuple[str, str]) -> None:
    mine, theirs = copies
    answer(capsys, mine, "SR 1.1", "partial", "first look")
    run(capsys, "merge", theirs, mine)
    answer(capsys, theirs, "SR 1.1", "implemented", "theirs")
    answer(capsys, mine, "SR 1.1", "not_implemented", "mine")
    run(capsys, "merge", mine, theirs)
    code, out, _ = run(capsys, "summary", mine, "--json")
    assert json.loads(out)["conflicts"] == 1
    code, out, _ = run(capsys, "summary", mine)
    assert "merge conflicts to resolve: 1" in out
    code, out, _ = run(capsys, "conflicts", mine, "--json")
    (conflict,) = json.loads(out)
    assert (conflict["scope"], conflict["req"], conflict["record"], conflict["field"]) == \
        ("Z1", "SR 1.1", "answer", "status")
    assert conflict["mine"]["value"]["notes"] == "mine" and conflict["theirs"]["value"]["notes"] == "theirs"
    code, out, _ = run(capsys, "conflicts", mine)
    assert code == 0 and "Z1 SR 1.1 answer: status differs" in out
    assert "mine   not_implemented, mine" in out and "theirs implemented, theirs" in out
    code, out, _ = run(capsys, "resolve", mine, "--scope", "Z1", "--req", "SR 1.1", "--take", "theirs")
    assert (code, out) == (0, "resolved answer Z1 SR 1.1: took theirs\n")
    code, out, _ = run(capsys, "history", mine, "--scope", "Z1", "--req", "SR 1.1", "--json")
    versions = json.loads(out)
    notes = [v["answer"]["notes"] for v in versions]
    assert notes[0] == "first look" and sorted(notes[1:3]) == ["mine", "theirs"] and notes[3] == "theirs"
    assert [v["current"] for v in versions] == [False, False, False, True]
    code, out, _ = run(capsys, "history", mine, "--scope", "Z1", "--req", "SR 1.1")
    assert out.splitlines()[-2].startswith("* implemented, theirs") and "4 version(s)" in out
    code, out, _ = run(capsys, "conflicts", mine)
    assert out == "0 conflict(s)\n"


@pytest.mark.parametrize(("argv", "message"), [
    (["resolve", "{p}", "--scope", "Z1", "--req", "SR 1.1", "--take", "mine"], "no conflict at Z1 SR 1.1"),
    (["resolve", "{p}", "--take", "mine"], "name what to resolve"),
    (["resolve", "{p}", "--details", "--scope", "Z1", "--take", "mine"], "leave out --scope"),
    (["resolve", "{p}", "--details", "--take", "mine"], "no conflict at the project details"),
    (["history", "{p}", "--scope", "Z9", "--req", "SR 1.1"], "unknown scope 'Z9'"),
])
def test_team_commands_refuse_bad_input_in_one_line(
        capsys: pytest.CaptureFixture[str], copies: tuple[str, str], argv: list[str], message: str) -> None:
    mine, _theirs = copies
    before = Path(mine).read_bytes()
    code, out, err = run(capsys, *[a.format(p=mine) for a in argv])
    assert code == 1 and out == "" and err.count("\n") == 1 and message in err
    assert Path(mine).read_bytes() == before
