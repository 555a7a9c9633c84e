"""The user's licensed text is never written anywhere but its own store (SPEC 12.6).

Every requirement gets an invented text carrying a marker; the project is then worked in the GUI
with the panel showing that text (answers, notes, undo, both exports, a plain and an encrypted
hand-off bundle) and from the command line (summary, exports, diagrams, evidence, both bundles
again, and their check). Every file the program wrote (the project, its journal and backups, the
exports, the bundles, the log, the caches) and everything it printed is searched for the marker:
inside zips (an xlsx, a bundle, an xlsx inside a bundle, AES ones opened with the passphrase), in
the text of every PDF page, and as raw bytes.
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import pyzipper
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from ot62443_desktop import licensed_text
from ot62443_desktop.ui import errors
from ot62443_desktop.ui.actions import Act
from ot62443_desktop.ui.main_window import MainWindow
from tests.test_cli import run
from tests.ui.boxes import Boxes

MARKER = "QZLicensedMarker4471"
PASSPHRASE = "correct horse battery staple 62443"


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


def readable(name: str, data: bytes, passphrase: str) -> Iterator[tuple[str, str]]:
    """The file as text, and every part inside it: zip members (opened with the passphrase when
    encrypted, nested zips too) and the text of each PDF page."""
    yield name, data.decode("latin-1")
    if data.startswith(b"%PDF"):
        yield f"{name} (PDF text)", "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    if data.startswith(b"PK"):
        with pyzipper.AESZipFile(io.BytesIO(data)) as archive:
            archive.setpassword(passphrase.encode())
            for member in archive.namelist():
                yield from readable(f"{name}!{member}", archive.read(member), passphrase)


def leaks(folders: list[Path], printed: str, skip: set[Path]) -> tuple[list[str], int]:
    """Where the marker is found, and how many files were searched."""
    found = [f"printed: {line}" for line in printed.splitlines() if MARKER in line]
    files = [p for folder in folders for p in folder.rglob("*") if p.is_file() and p not in skip]
    for path in files:
        found += [where for where, text in readable(str(path), path.read_bytes(), PASSPHRASE) if MARKER in text]
    return found, len(files)


def licensed_csv(path: Path) -> Path:
    rows = "".join(f'{rid},"Example wording {n} imported by the user ({MARKER}). <b>{MARKER}</b>"\n'
                   for n, rid in enumerate(licensed_text.known_ids()))
    path.write_text("id,text\n" + rows, encoding="utf-8")
    return path


def work_in_the_gui(qtbot: QtBot, window: MainWindow, project: Path, out: Path) -> None:
    assert window.open_path(str(project))
    window.show_tab(1)
    walkthrough = window.view.walkthrough  # type: ignore[union-attr]
    assert walkthrough.select("Z1", "SR 1.1")
    page = walkthrough.page
    walkthrough.tree.setFocus()
    for key in ("3", "4"):  # partial, then not implemented: a gap with a remediation item
        qtbot.keyClick(walkthrough.tree, key)
        assert MARKER in page.licensed.text.toPlainText()  # shown while the work goes on
        window.action(Act.NEXT).trigger()
    page.notes.setPlainText("Seen on site: shared operator login.")
    page.notes.flush()
    window.action(Act.UNDO).trigger()
    window.action(Act.REDO).trigger()
    window.runner.synchronous = True
    for kind, act in (("xlsx", Act.EXPORT_XLSX), ("pdf", Act.EXPORT_PDF)):
        window.transfer.ask_save = lambda title, suggestion, patterns, k=kind: (  # type: ignore[method-assign]
            str(out / f"gui.{k}"), patterns[0])  # the plain document, as first offered
        window.action(act).trigger()
        assert (out / f"gui.{kind}").exists()
    for name, encrypt in (("gui-bundle.zip", False), ("gui-bundle-aes.zip", True)):  # File > Hand off evidence
        window.handoff.ask_bundle = lambda session, n=name, e=encrypt: (str(out / n), e)  # type: ignore[method-assign]
        window.handoff.ask_passphrase = lambda: PASSPHRASE  # type: ignore[method-assign]
        window.action(Act.HAND_OFF).trigger()
        assert (out / name).exists()
    journal = project.with_name(project.name + ".journal")
    assert journal.stat().st_size > 0  # the edits are in it until the project is closed: search it now
    assert MARKER not in journal.read_text("utf-8") and MARKER not in project.read_text("utf-8")
    window.close_project()


def test_the_licensed_text_is_in_no_file_written_and_no_output(
        qtbot: QtBot, capsys: pytest.CaptureFixture[str], window: MainWindow, tmp_path: Path, data_dir: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    errors.start_log_file()  # what the GUI logs goes to its file, searched below
    source = licensed_csv(tmp_path / "licensed.csv")
    out, project = tmp_path / "out", tmp_path / "plant" / "plant.ot62443"
    out.mkdir()
    project.parent.mkdir()
    evidence = tmp_path / "evidence-photo.txt"
    evidence.write_text("Photo of the HMI login screen.", encoding="utf-8")
    monkeypatch.setenv("OT62443_PASSPHRASE", PASSPHRASE)
    printed = []
    commands = [
        ["licensed-text", "import", str(source)],
        ["new", str(project), "--client", "ACME Water", "--site", "North works"],
        ["zone", "add", str(project), "--id", "Z1", "--name", "Control network", "--sl-t", "2"],
        ["answer", str(project), "--scope", "Z1", "--req", "SR 1.2", "--status", "partial", "--notes", "Seen."],
        ["answer", str(project), "--scope", "site", "--req", "ORG 1.1", "--status", "partial", "--ml", "1"],
        ["evidence", "add", str(project), "--scope", "Z1", "--req", "SR 1.2", str(evidence)],
    ]
    for argv in commands:
        code, stdout, stderr = run(capsys, *argv)
        assert code == 0, stderr
        printed.append(stdout + stderr)
    try:
        work_in_the_gui(qtbot, window, project, out)
    finally:
        for handler in list(errors.log.handlers):
            if isinstance(handler, logging.FileHandler):
                errors.log.removeHandler(handler)
                handler.close()
    commands = [
        ["summary", str(project), "--json"], ["summary", str(project)], ["conflicts", str(project), "--json"],
        ["history", str(project), "--scope", "Z1", "--req", "SR 1.1", "--json"],
        ["export", str(project), "--xlsx", str(out / "cli.xlsx"), "--pdf", str(out / "cli.pdf")],
        ["export", str(project), "--xlsx", str(out / "cli-fr.xlsx"), "--pdf", str(out / "cli-fr.pdf"), "--lang", "fr"],
        ["diagram", str(project), "--svg", str(out / "zones.svg")],
        ["diagram", str(project), "--png", str(out / "zones.png")],
        ["bundle", str(project), "--to", str(out / "bundle.zip")],
        ["bundle", str(project), "--to", str(out / "bundle-aes.zip"), "--encrypt"],
        ["verify-bundle", str(out / "bundle.zip"), "--json"],
        ["licensed-text", "status", "--json"], ["licensed-text", "status"],
    ]
    for argv in commands:
        code, stdout, stderr = run(capsys, *argv)
        assert code == 0, (argv, stderr)
        printed.append(stdout + stderr)
    assert licensed_text.load().get("SR 1.1") is not None  # the marker was there the whole time
    found, searched = leaks([tmp_path, data_dir], "\n".join(printed), skip={source, licensed_text.store_path()})
    assert found == []
    assert searched >= 12 and errors.log_path().exists() and list((data_dir / "backups").rglob("*"))
    with zipfile.ZipFile(out / "bundle.zip") as bundle:
        assert any(name.endswith(".xlsx") for name in bundle.namelist())  # the search looked inside it
