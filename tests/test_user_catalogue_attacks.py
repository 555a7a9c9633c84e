"""Imported catalogues against an unlucky user and a hostile folder: what sits in the catalogues folder
(a pipe, a device), what a file to import is, and a catalogue replaced after answers were recorded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ot62443_desktop import user_catalogues
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
