"""An encrypted project in the GUI: the export and the merge check run in a child process that gets
the session's key with its arguments and writes no plain temporary file; a work package is encrypted
with the project's key. (Asking for the passphrase on opening is the passphrase dialog's, still to come.)"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ot62443_desktop.api import Project, open_project
from ot62443_desktop.storage import ProjectStore, is_encrypted
from ot62443_desktop.ui.actions import Act
from ot62443_desktop.ui.main_window import MainWindow, gui_catalogues

PASS = "correct horse battery staple"
SECRETS = (b"Zweckverband Quellwasser", b"Ozonanlage", b"Kennwort klebt")


@pytest.fixture
def sealed_project(tmp_path: Path) -> Path:
    path = tmp_path / "work" / "plant.ot62443"
    path.parent.mkdir()
    with open_project(path, create=True, client="Zweckverband Quellwasser", site="Nord", passphrase=PASS) as project:
        project.add_zone("Z1", "Ozonanlage", 2, criticality="high")
        project.set_answer("Z1", "SR 1.1", "not_implemented", notes="Kennwort klebt am Schrank")
    return path


def open_in(window: MainWindow, path: Path) -> None:
    """The project opened with its passphrase, as the passphrase dialog (a later task) will hand it over."""
    window.set_project(Project(ProjectStore.open(path, passphrase=PASS), gui_catalogues()))


def test_an_export_of_an_encrypted_project_runs_in_the_child_with_the_key_and_leaves_no_plain_temp_file(
        qtbot: QtBot, window: MainWindow, sealed_project: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))  # the child's temporary folder
    monkeypatch.setattr(tempfile, "tempdir", None)
    open_in(window, sealed_project)
    target = tmp_path / "exports" / "register.xlsx"
    target.parent.mkdir()
    window.transfer.ask_save = lambda *a: (str(target), "")  # type: ignore[method-assign]
    window.action(Act.EXPORT_XLSX).trigger()
    qtbot.waitUntil(lambda: "Wrote" in window.statusBar().currentMessage(), timeout=60000)
    assert target.read_bytes()[:2] == b"PK"
    written = [p for folder in (temp, sealed_project.parent) for p in folder.rglob("*") if p.is_file()]
    assert not [p for p in written for secret in SECRETS if secret in p.read_bytes()]
    tempfile.tempdir = None


def test_the_merge_check_opens_an_encrypted_copy_with_the_projects_key(
        qtbot: QtBot, window: MainWindow, sealed_project: Path, tmp_path: Path) -> None:
    other = tmp_path / "stick" / "plant.ot62443"
    other.parent.mkdir()
    shutil.copy(sealed_project, other)
    with open_project(other, passphrase=PASS) as theirs:
        theirs.set_answer("Z1", "SR 1.2", "implemented", notes="only on the stick")
    open_in(window, sealed_project)
    asked: list[str] = []
    window.team.ask_other = lambda: str(other)  # type: ignore[method-assign]
    window.team.confirm = lambda text: asked.append(text) or True  # type: ignore[method-assign]
    window.action(Act.MERGE).trigger()  # the check runs in a child process
    qtbot.waitUntil(lambda: bool(asked), timeout=60000)
    assert "1 change(s) to take" in asked[0]
    store = window.session.store  # type: ignore[union-attr]
    assert store.answer("Z1", "SR 1.2").notes == "only on the stick"  # type: ignore[union-attr]


def test_a_work_package_split_in_the_gui_is_encrypted_with_the_projects_key(
        window: MainWindow, sealed_project: Path, tmp_path: Path) -> None:
    package = tmp_path / "stick" / "package.ot62443"
    package.parent.mkdir()
    open_in(window, sealed_project)
    window.team.ask_split = lambda session: (["Z1"], False, str(package))  # type: ignore[method-assign]
    window.action(Act.SPLIT).trigger()
    assert is_encrypted(package) and not [secret for secret in SECRETS if secret in package.read_bytes()]
    with open_project(package, read_only=True, passphrase=PASS) as work:
        assert [zone.name for zone in work.store.zones()] == ["Ozonanlage"]


def test_evidence_of_an_encrypted_project_is_handed_off_with_the_projects_key(
        qtbot: QtBot, window: MainWindow, sealed_project: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.ui.boxes import Boxes
    from tests.ui.test_handoff_gui import hand_off_through_the_dialog

    boxes = Boxes(monkeypatch)
    open_in(window, sealed_project)
    target = tmp_path / "stick" / "for-the-auditor.zip"
    target.parent.mkdir()
    hand_off_through_the_dialog(qtbot, window, target)  # the bundle is made in the child process
    qtbot.waitUntil(lambda: bool(boxes.shown), timeout=60000)
    assert f"Wrote {target}" in boxes.shown[0].text
    with zipfile.ZipFile(target) as bundle:
        assert {"manifest.json", "gap-register.xlsx", "remediation-plan.pdf"} <= set(bundle.namelist())
