"""The command line given bad input or a bad place to write: one line on stderr, never a traceback.

These run the real program in a child process: undecodable arguments, a reader that leaves
the pipe, and a full disk behind stdout only exist there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from ot62443_desktop.domain.model import Answer, ProjectInfo, Status, Zone
from ot62443_desktop.storage import ProjectStore

POSIX = os.name == "posix"  # only POSIX hands a program arguments that are not text
Arg = str | bytes


def command(*args: Arg) -> list[Arg]:
    return [sys.executable, "-m", "ot62443_desktop", *args]


def run(*args: Arg, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[bytes]:
    """The program in a child process; its data folder is the test's (tests/conftest.py sets it)."""
    return subprocess.run(command(*args), env=dict(os.environ, **env), capture_output=True, timeout=120, cwd=cwd)


def assert_one_error_line(done: subprocess.CompletedProcess[bytes], *, says: str) -> None:
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 1, err
    assert err.startswith("ot62443: error: ") and err.count("\n") == 1, err
    assert says in err and "Traceback" not in err and "None:" not in err and "Exception ignored" not in err


def files_in(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def plant(project_path: Path) -> Path:
    with ProjectStore.create(project_path, ProjectInfo("ACME", "North")) as store:
        store.add_zone(Zone("Z1", "Control", Zone.uniform(2)))
    return project_path


@pytest.mark.skipif(not POSIX, reason="Windows passes arguments as UTF-16 text")
@pytest.mark.parametrize(
    "args",
    [
        ["new", b"\xff.ot62443", "--client", "ACME", "--site", "North"],
        ["new", "fresh.ot62443", "--client", b"Caf\xe9", "--site", "North"],
        ["zone", "add", "plant.ot62443", "--id", "Z2", "--name", b"\xc3\x28", "--sl-t", "2"],
        ["answer", "plant.ot62443", "--scope", "Z1", "--req", "SR 1.1", "--status", "partial",
         "--notes", b"half \xed\xa0\x80 a surrogate"],
        ["summary", b"plant\xff.ot62443"],
        ["catalog", "validate", b"\xfe.toml"],
        ["gui", b"\xff.ot62443"],  # refused before any window opens
    ],
    ids=["project path", "client", "zone name", "notes", "summary path", "catalogue path", "gui path"],
)
def test_invalid_utf8_arguments_are_refused_in_one_line_and_change_nothing(
        plant: Path, data_dir: Path, args: list[Arg]) -> None:
    before = files_in(plant.parent) | files_in(data_dir)
    done = run(*args, cwd=plant.parent)
    assert_one_error_line(done, says="is not valid UTF-8")
    assert done.stdout == b""
    assert files_in(plant.parent) | files_in(data_dir) == before


@pytest.mark.parametrize("args", [["catalog", "list"], ["catalog", "list", "--json"], ["--help"]])
@pytest.mark.parametrize("lines_read", [0, 1])
def test_a_reader_that_leaves_the_pipe_ends_the_program_quietly(args: list[str], lines_read: int) -> None:
    child = subprocess.Popen(command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    for _ in range(lines_read):
        assert child.stdout.readline()
    child.stdout.close()  # before the program has written it all (0 lines: before it wrote anything)
    err = child.stderr.read()
    child.stderr.close()
    assert child.wait(timeout=120) == 0
    assert err == b""


@pytest.mark.skipif(not (shutil.which("bash") and shutil.which("head")), reason="needs a POSIX shell")
def test_catalog_list_piped_into_head_exits_0_without_noise() -> None:
    script = f"'{sys.executable}' -m ot62443_desktop catalog list | head -1; exit ${{PIPESTATUS[0]}}"
    done = subprocess.run(["bash", "-c", script], capture_output=True, timeout=120)
    assert done.returncode == 0 and done.stderr == b""
    assert done.stdout.count(b"\n") == 1 and b"SR 1.1" in done.stdout


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["catalog", "list", "--json"], ["catalog", "validate", "CATALOGUE"]],
                         ids=["long output", "one line of output"])
def test_output_to_a_full_disk_is_one_error_line_without_none(args: list[str]) -> None:
    from ot62443_desktop.catalogues import builtin_catalogues

    catalogue = next(iter(builtin_catalogues())).source
    args = [catalogue if a == "CATALOGUE" else a for a in args]
    with open("/dev/full", "wb") as full:
        done = subprocess.run(command(*args), stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert_one_error_line(done, says="No space left on device")


def test_names_the_console_cannot_show_are_escaped_not_fatal(tmp_path: Path) -> None:
    """A Windows console redirected to a file writes cp1252: a project named in Greek must not crash."""
    done = run("new", "Ζυρίχη.ot62443", "--client", "Zürich → Nord", "--site", "S", cwd=tmp_path,
               PYTHONIOENCODING="ascii")
    assert done.returncode == 0 and done.stderr == b"", done.stderr.decode()
    assert done.stdout == b"created \\u0396\\u03c5\\u03c1\\u03af\\u03c7\\u03b7.ot62443\n"
    with ProjectStore.open(tmp_path / "Ζυρίχη.ot62443") as store:
        assert store.info.client == "Zürich → Nord"


def test_a_project_at_the_edge_of_the_accepted_dates_exports(tmp_path: Path) -> None:
    """Due dates are computed by adding months to the assessment's end: the last accepted year must not
    overflow (a file with 9999-12-31 is refused when opened, see tests/storage)."""
    path = tmp_path / "edge.ot62443"
    info = ProjectInfo("ACME", "North", start_date=date(1900, 1, 1), end_date=date(2999, 12, 31))
    with ProjectStore.create(path, info) as store:
        store.add_zone(Zone("Z1", "Control", Zone.uniform(4)))
        store.set_answer(Answer("Z1", "SR 1.1", Status.NOT_IMPLEMENTED))
        store.set_answer(Answer("site", "ORG 1.1", Status.NOT_IMPLEMENTED))
    done = run("export", str(path), "--xlsx", str(tmp_path / "r.xlsx"), "--pdf", str(tmp_path / "p.pdf"))
    assert done.returncode == 0, done.stderr.decode()
    assert (tmp_path / "r.xlsx").stat().st_size and (tmp_path / "p.pdf").stat().st_size


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_change_whose_output_cannot_be_written_says_it_was_carried_out(tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(command("new", str(tmp_path / "p.ot62443"), "--client", "C", "--site", "S"),
                              stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert_one_error_line(done, says="the command was carried out, but its output could not be written")
    assert (tmp_path / "p.ot62443").is_file()
