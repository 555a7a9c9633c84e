"""No file the program writes for an encrypted project holds its text (SPEC 12.6): the project, its
journal, its lock, its backups and set-aside copies, temporary files, wherever they are.

A whole working session is run (edits, a compaction, a crash, protect, a passphrase change, exports
in a child process as the GUI runs them), then every file under the project's folder, the data
folder and the temporary folder is searched for the project's text, as it is and lower-cased.
The exported documents are readable by design (a later part of issue 15 encrypts them) and are
written to a folder of their own, which is not searched.
"""

from __future__ import annotations

import json
import multiprocessing
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from ot62443_desktop.api import Project, open_project
from ot62443_desktop.exports.progress import Hooks
from ot62443_desktop.storage import ProjectStore
from ot62443_desktop.storage.journal import journal_path
from ot62443_desktop.storage.lock import lock_path
from ot62443_desktop.ui.jobs import export_file

CLIENT, SITE = "Zweckverband Quellwasser", "Pumpwerk Birkenwälde"
ZONES = ("Ozonanlage Nordflügel", "Fernwirk-Einwahl Xyloph")
NOTES = ("Kennwort klebt am Schaltschrank 7", "TeamViewer-Zugang ohne Zweitfaktor", "Brunnen-SPS Firmware 2014")
SECRETS = (CLIENT, SITE, *ZONES, *NOTES)


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The temporary folder of this process and of the children it starts."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)  # found again from TMPDIR
    yield folder
    tempfile.tempdir = None


def leaks(*folders: Path) -> list[str]:
    """Each file under `folders` that holds a secret of the project as it is or lower-cased."""
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                data = path.read_bytes()
                found += [f"{path}: {secret!r}" for secret in SECRETS
                          if secret.encode() in data or secret.lower().encode() in data.lower()]
    return found


def edit(project: Project, round_: int) -> None:
    project.set_answer("Z1", "SR 1.1", "not_implemented", notes=f"{NOTES[0]} ({round_})")
    project.set_answer("Z2", "SR 1.2", "partial", notes=f"{NOTES[1]} ({round_})", finding=NOTES[2])


def export_in_a_child(path: Path, store: ProjectStore, out: Path) -> None:
    """Both exports as the GUI runs them: in a spawned child, the key pickled with the job's arguments."""
    context = multiprocessing.get_context("spawn")
    for kind in ("xlsx", "pdf"):
        child = context.Process(target=export_file, args=(str(path), kind, str(out / f"plan.{kind}"), Hooks()),
                                kwargs={"key": store.key})
        child.start()
        child.join(120)
        assert child.exitcode == 0, f"the {kind} export failed in the child"


@pytest.mark.slow
def test_nothing_the_program_writes_for_an_encrypted_project_holds_its_text(
        tmp_path: Path, data_dir: Path, temp_dir: Path) -> None:
    work, out = tmp_path / "work", tmp_path / "exports"
    work.mkdir()
    out.mkdir()
    path = work / "plant.ot62443"
    with open_project(path, create=True, client=CLIENT, site=SITE) as project:  # plain at first
        project.add_zone("Z1", ZONES[0], 3, criticality="high")
        project.add_zone("Z2", ZONES[1], 2)
        edit(project, 1)
        project.store.compact()
        edit(project, 2)
        project.store.protect("first passphrase")
        assert leaks(work, data_dir, temp_dir) == []  # plain backups included: all sealed now
        edit(project, 3)
        assert lock_path(path).exists() and journal_path(path).exists()
        assert leaks(work, data_dir, temp_dir) == []  # with the lock and the journal open
        shutil.copy(path, work / "crashed.ot62443")  # a crash: the file and its journal as they are
        shutil.copy(journal_path(path), journal_path(work / "crashed.ot62443"))
        project.store.compact()
        edit(project, 4)
    with open_project(work / "crashed.ot62443", passphrase="first passphrase") as crashed:
        assert crashed.answer("Z1", "SR 1.1")["notes"].endswith("(3)")  # type: ignore[index]
        crashed.store.change_passphrase("second passphrase")
    with open_project(path, passphrase="first passphrase") as project:
        project.store.change_passphrase("second passphrase")
        edit(project, 5)
        export_in_a_child(path, project.store, out)
        assert leaks(work, data_dir, temp_dir) == []
    assert (out / "plan.pdf").read_bytes()[:5] == b"%PDF-" and (out / "plan.xlsx").read_bytes()[:2] == b"PK"
    assert leaks(work, data_dir, temp_dir) == []
    assert leaks(out)  # the search finds the text where it is readable: the exports


def test_the_lock_file_names_only_who_holds_the_project(tmp_path: Path) -> None:
    path = tmp_path / "plant.ot62443"
    with open_project(path, create=True, client=CLIENT, site=SITE, passphrase="words") as project:
        project.add_zone("Z1", ZONES[0], 2)
        assert set(json.loads(lock_path(path).read_bytes())) == {"pid", "host", "user", "since"}
