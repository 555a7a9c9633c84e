"""Imported catalogues against an unlucky user and a hostile folder: what sits in the catalogues folder
(a pipe, a device), what a file to import is, and a catalogue replaced after answers were recorded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ot62443_desktop import user_catalogues
from ot62443_desktop.catalogues import builtin_catalogues
from ot62443_desktop.domain.catalogue_loader import CatalogueError
from ot62443_desktop.domain.model import ProjectInfo
from ot62443_desktop.storage import ProjectStore
from tests.test_cli import run
from tests.test_user_catalogues import WATER, assessed

POSIX_ONLY = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs as POSIX makes them")


def cli(*argv: str) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own, so that one that waits for ever fails the test instead of hanging it."""
    return subprocess.run([sys.executable, "-m", "ot62443_desktop", *argv], capture_output=True, text=True,
                          timeout=60, cwd=Path(__file__).parents[1], env=os.environ.copy())


@pytest.fixture
def water(tmp_path: Path) -> Path:
    source = tmp_path / "water.toml"
    source.write_text(WATER, encoding="utf-8")
    return user_catalogues.keep(*user_catalogues.check(source))


@POSIX_ONLY
def test_a_pipe_in_the_catalogues_folder_is_listed_as_no_catalogue_and_holds_nothing_up(
        water: Path, project_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Opening a pipe waits for a writer that never comes: the list, Project details and every project naming a
    catalogue of one's own read the whole folder, and hung there."""
    p = assessed(project_path, capsys)
    os.mkfifo(water.parent / "pipe.toml")
    listed = cli("catalog", "imported")
    assert listed.returncode == 0 and "pipe.toml: no longer valid" in listed.stdout
    assert "not a regular file" in listed.stdout
    summary = cli("summary", p)
    assert (summary.returncode, summary.stderr) == (0, "") and "gaps in total: 1" in summary.stdout


@POSIX_ONLY
def test_a_pipe_or_a_folder_given_to_import_or_validate_is_refused_at_once(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.toml")
    (tmp_path / "folder.toml").mkdir()
    for name in ("pipe.toml", "folder.toml"):
        for action in ("import", "validate"):
            done = cli("catalog", action, str(tmp_path / name))
            assert done.returncode == 1 and done.stdout == "", (action, name)
            assert f"{tmp_path / name}: not a regular file" in done.stderr, (action, name)
    assert not user_catalogues.folder().exists()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_linked_into_the_folder_is_no_catalogue(water: Path) -> None:
    (water.parent / "zero.toml").symlink_to("/dev/zero")
    found = {k.path.name: k for k in user_catalogues.kept()}
    assert found[water.name].catalogue is not None
    assert found["zero.toml"].catalogue is None and "not a regular file" in found["zero.toml"].problem
    with pytest.raises(CatalogueError, match="not a regular file"):
        user_catalogues.check(water.parent / "zero.toml")


def naming_many(path: Path, count: int) -> str:
    """A project (hand-edited, or sent by someone) that names `count` catalogues this computer has never seen."""
    names = tuple(f"catalogue-{n:05d}" for n in range(count))
    ProjectStore.create(path, ProjectInfo("ACME", "North", catalogues=names)).close()
    return str(path)


def test_a_project_naming_thousands_of_missing_catalogues_warns_in_a_few_lines(
        project_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One warning line per missing catalogue made 10,000 names 10,000 lines (3 MB) before every command's output."""
    p = naming_many(project_path, 3000)
    code, out, err = run(capsys, "summary", p)
    assert code == 0 and "gaps in total: 0" in out
    assert len(err.splitlines()) == 1 and len(err) < 1000
    assert "3000 catalogues named by the project are not imported on this computer" in err
    assert "catalogue-00000, catalogue-00001" in err and "catalogue-02999" not in err


def test_a_few_missing_catalogues_are_each_named(project_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = naming_many(project_path, 2)
    _, _, err = run(capsys, "summary", p)
    named = [line.split(": catalogue ")[1][:17] for line in err.splitlines()]
    assert named == ["'catalogue-00000'", "'catalogue-00001'"]


def test_replacing_a_catalogue_by_one_lacking_requirements_says_which_answers_leave_the_figures(
        project_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A new version of a catalogue without WU 1.1: the gap recorded against WU 1.1 left the register and the plan
    without a word. The import names the requirements that go; the answers stay in the projects' files."""
    first = tmp_path / "water.toml"
    first.write_text(WATER, encoding="utf-8")
    assert run(capsys, "catalog", "import", str(first))[0] == 0
    p = assessed(project_path, capsys)
    newer = tmp_path / "water-2026.toml"
    newer.write_text(WATER.replace('id = "WU 1.1"', 'id = "WU 1.3"'), encoding="utf-8")
    code, out, err = run(capsys, "catalog", "import", str(newer), "--replace")
    assert code == 0 and "imported catalogue 'water-utility'" in out
    assert err == ("ot62443: warning: the catalogue 'water-utility' it replaces has 1 requirement this one lacks "
                   "(WU 1.1): answers recorded against it in projects stay in their files but count in no figure "
                   "or export\n")
    code, out, _ = run(capsys, "summary", p)
    assert code == 0 and "gaps in total: 0" in out
    assert run(capsys, "catalog", "import", str(newer), "--replace")[2] == ""  # the same again: nothing goes


def test_the_requirements_a_replacement_lacks_are_counted_past_the_first_few(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    many = WATER + "".join(f'[[requirement]]\nid = "WX {n}"\ntitle = "Check {n}"\nsection = "FR 1"\nlevel = 1\n'
                           f'summary = "Check {n}."\n' for n in range(30))
    first = tmp_path / "water.toml"
    first.write_text(many, encoding="utf-8")
    user_catalogues.keep(*user_catalogues.check(first))
    first.write_text(WATER, encoding="utf-8")
    catalogue, _ = user_catalogues.check(first)
    assert user_catalogues.lacking(catalogue) == tuple(f"WX {n}" for n in range(30))
    _, _, err = run(capsys, "catalog", "import", str(first), "--replace")
    assert "has 30 requirements this one lacks (WX 0, WX 1, WX 2, WX 3, WX 4, WX 5, WX 6, WX 7, WX 8, WX 9, and 20 " \
           "more): answers recorded against them in projects" in err


def test_compare_and_carry_forward_say_when_a_catalogue_of_the_project_is_not_here(
        water: Path, project_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without the catalogue, compare counted none of its gaps (the one closed since last year was not told) and
    new --from made next year's assessment without it; both said nothing, where every other command warns."""
    p = assessed(project_path, capsys)
    later = str(tmp_path / "2026.ot62443")
    assert run(capsys, "new", later, "--from", p)[0] == 0
    assert run(capsys, "answer", later, "--scope", "Z1", "--req", "WU 1.1", "--status", "implemented")[0] == 0
    code, out, err = run(capsys, "compare", p, later)
    assert (code, err) == (0, "") and "1 gaps closed" in out
    water.unlink()
    code, out, err = run(capsys, "compare", p, later)
    assert code == 0 and "0 gaps closed" in out
    assert f"{later}: catalogue 'water-utility' is named by the project but not imported on this computer" in err
    third = str(tmp_path / "2027.ot62443")
    code, out, err = run(capsys, "new", third, "--from", later)
    assert code == 0 and f"created {third} from {later}" in out
    assert f"{third}: catalogue 'water-utility' is named by the project but not imported on this computer" in err


def test_a_replacement_also_replaces_a_copy_of_the_same_catalogue_put_in_the_folder_by_hand(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A copy dropped into the folder by hand kept its own name beside the one an import writes, and as the later
    of the two by name it was the one projects used: the replacement was imported, listed, and never used."""
    folder = user_catalogues.folder()
    folder.mkdir(parents=True)
    (folder / "water.toml").write_text(WATER, encoding="utf-8")
    newer = tmp_path / "water-2026.toml"
    newer.write_text(WATER.replace("Pump station logins", "Pump station log-ins"), encoding="utf-8")
    assert run(capsys, "catalog", "import", str(newer), "--replace")[0] == 0
    assert [k.path.name for k in user_catalogues.kept()] == [
        user_catalogues.file_name("water-utility")]
    found = user_catalogues.for_project(("water-utility",), builtin_catalogues()).catalogues
    assert found.requirement("WU 1.1").title == "Pump station log-ins"
