"""Encrypted projects from the command line (SPEC 12, 12.6): every command asks for the passphrase only
when the file is encrypted, takes it from OT62443_PASSPHRASE (or a prompt), never from an argument."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from ot62443_desktop.passphrase import NEW_VARIABLE, VARIABLE
from ot62443_desktop.storage import ProjectStore, is_encrypted
from ot62443_desktop.storage.backups import list_backups
from tests.test_cli import run

PASS = "correct horse battery staple"
Capsys = pytest.CaptureFixture[str]


@pytest.fixture
def plant(capsys: Capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """An encrypted project with one zone and one answer; OT62443_PASSPHRASE holds its passphrase."""
    monkeypatch.setenv(VARIABLE, PASS)
    path = str(tmp_path / "plant.ot62443")
    assert run(capsys, "new", path, "--client", "Stadtwerke Nordhafen", "--site", "Klärwerk Ost", "--encrypt")[0] == 0
    assert run(capsys, "zone", "add", path, "--id", "Z1", "--name", "Chlorine dosing", "--sl-t", "2")[0] == 0
    assert run(capsys, "answer", path, "--scope", "Z1", "--req", "SR 1.1", "--status", "partial",
               "--notes", "vendor modem always on")[0] == 0
    return path


def folder_bytes(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.parent.iterdir()) if p.is_file()}


def test_new_encrypt_makes_an_encrypted_project_that_says_so(capsys: Capsys, plant: str) -> None:
    assert is_encrypted(plant) and b"Nordhafen" not in Path(plant).read_bytes()
    code, out, _ = run(capsys, "summary", plant, "--json")
    assert code == 0 and json.loads(out)["zones"][0]["id"] == "Z1"


def test_without_a_passphrase_nothing_is_created(capsys: Capsys, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(VARIABLE, raising=False)
    path = tmp_path / "plant.ot62443"
    code, out, err = run(capsys, "new", str(path), "--client", "A", "--site", "B", "--encrypt")
    assert (code, out) == (1, "") and err.count("\n") == 1 and VARIABLE in err and not path.exists()


def test_a_passphrase_is_never_an_argument(capsys: Capsys, tmp_path: Path) -> None:
    path = str(tmp_path / "plant.ot62443")
    for argv in (["new", path, "--client", "A", "--site", "B", "--passphrase", PASS],
                 ["protect", path, "--passphrase", PASS], ["summary", path, "--passphrase", PASS]):
        assert run(capsys, *argv)[0] == 2  # a usage error: no such option
    assert not Path(path).exists()


def test_every_command_that_reads_a_project_works_on_an_encrypted_one(
        capsys: Capsys, plant: str, tmp_path: Path) -> None:
    xlsx, pdf, svg = (str(tmp_path / name) for name in ("register.xlsx", "plan.pdf", "zones.svg"))
    assert run(capsys, "export", plant, "--xlsx", xlsx, "--pdf", pdf)[0] == 0
    assert Path(pdf).read_bytes()[:5] == b"%PDF-"
    workbook = openpyxl.load_workbook(xlsx)
    sheet = workbook["Gap register"]
    owner = [c.value for c in sheet[1]].index("Owner") + 1
    sheet.cell(row=2, column=owner, value="Maintenance lead")
    workbook.save(xlsx)
    code, out, _ = run(capsys, "import-register", plant, xlsx, "--dry-run")
    assert code == 0 and "Maintenance lead" in out
    assert run(capsys, "import-register", plant, xlsx)[0] == 0
    assert run(capsys, "diagram", plant, "--svg", svg)[0] == 0 and "Chlorine dosing" in Path(svg).read_text()
    code, out, _ = run(capsys, "history", plant, "--scope", "Z1", "--req", "SR 1.1", "--json")
    assert code == 0 and json.loads(out)[-1]["answer"]["notes"] == "vendor modem always on"
    package = str(tmp_path / "package.ot62443")
    code, out, _ = run(capsys, "split", plant, "--zones", "Z1", "--to", package)
    assert code == 0 and "encrypted with the same passphrase" in out and is_encrypted(package)
    assert run(capsys, "answer", package, "--scope", "Z1", "--req", "SR 1.2", "--status", "implemented")[0] == 0
    assert run(capsys, "answer", package, "--scope", "Z1", "--req", "SR 1.1", "--status", "implemented")[0] == 0
    assert run(capsys, "answer", plant, "--scope", "Z1", "--req", "SR 1.1", "--status", "not_implemented")[0] == 0
    code, out, _ = run(capsys, "merge", plant, package, "--json")
    assert code == 0 and json.loads(out)["taken"] == 1 and len(json.loads(out)["conflicts"]) == 1
    code, out, _ = run(capsys, "conflicts", plant, "--json")
    assert code == 0 and json.loads(out)[0]["req"] == "SR 1.1"
    assert run(capsys, "resolve", plant, "--scope", "Z1", "--req", "SR 1.1", "--take", "theirs")[0] == 0
    later = str(tmp_path / "2026.ot62443")
    code, out, _ = run(capsys, "new", later, "--from", plant)
    assert code == 0 and "encrypted with the same passphrase" in out and is_encrypted(later)
    code, out, _ = run(capsys, "compare", plant, later, "--json")
    assert code == 0 and json.loads(out)["zones"][0]["id"] == "Z1"
    assert not any(b"nordhafen" in data.lower() or b"modem" in data
                   for name, data in folder_bytes(Path(plant)).items() if name.endswith(".ot62443"))


@pytest.mark.parametrize("argv", [
    ["summary", "{p}"], ["answer", "{p}", "--scope", "Z1", "--req", "SR 1.2", "--status", "partial"],
    ["zone", "add", "{p}", "--id", "Z2", "--name", "Press", "--sl-t", "1"], ["export", "{p}", "--pdf", "{d}/plan.pdf"],
    ["split", "{p}", "--zones", "Z1", "--to", "{d}/package.ot62443"], ["new", "{d}/next.ot62443", "--from", "{p}"],
    ["history", "{p}", "--scope", "Z1", "--req", "SR 1.1"], ["conflicts", "{p}"], ["protect", "{p}"],
    ["unprotect", "{p}"], ["diagram", "{p}", "--svg", "{d}/zones.svg"], ["recover", "{p}"],
])
def test_a_wrong_passphrase_is_one_line_and_changes_nothing(
        capsys: Capsys, plant: str, monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    folder = Path(plant).parent
    before = folder_bytes(Path(plant))
    backups = {p: p.read_bytes() for p in list_backups(Path(plant))}
    monkeypatch.setenv(VARIABLE, "correct horse battery stapler")
    monkeypatch.setenv(NEW_VARIABLE, "whatever comes next")
    code, out, err = run(capsys, *(arg.format(p=plant, d=folder) for arg in argv))
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "wrong passphrase" in err and plant in err and "Traceback" not in err
    assert folder_bytes(Path(plant)) == before
    assert {p: p.read_bytes() for p in list_backups(Path(plant))} == backups


def test_a_plain_project_is_never_asked_for_a_passphrase(capsys: Capsys, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(VARIABLE, raising=False)  # no variable and no terminal: asking would fail
    path = str(tmp_path / "plain.ot62443")
    assert run(capsys, "new", path, "--client", "A", "--site", "B")[0] == 0
    assert run(capsys, "summary", path)[0] == 0


def test_protect_changes_and_unprotect_from_the_command_line(
        capsys: Capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(tmp_path / "plant.ot62443")
    assert run(capsys, "new", path, "--client", "Stadtwerke", "--site", "Ost")[0] == 0
    monkeypatch.setenv(VARIABLE, PASS)
    code, out, _ = run(capsys, "protect", path)
    assert code == 0 and "encrypted" in out and "cannot be recovered" in out and is_encrypted(path)
    monkeypatch.delenv(NEW_VARIABLE, raising=False)
    before = Path(path).read_bytes()
    code, _, err = run(capsys, "protect", path)  # a change needs the new passphrase too
    assert code == 1 and NEW_VARIABLE in err and Path(path).read_bytes() == before
    monkeypatch.setenv(NEW_VARIABLE, "tr0ub4dor & 3")
    code, out, _ = run(capsys, "protect", path)
    assert code == 0 and "old one no longer opens" in out
    code, _, err = run(capsys, "summary", path)
    assert code == 1 and "wrong passphrase" in err
    monkeypatch.setenv(VARIABLE, "tr0ub4dor & 3")
    code, out, _ = run(capsys, "unprotect", path)
    assert code == 0 and "no longer encrypted" in out and not is_encrypted(path)
    code, _, err = run(capsys, "unprotect", path)
    assert code == 1 and "not encrypted" in err
    with ProjectStore.open(path) as store:
        assert store.info.client == "Stadtwerke"


def test_an_encrypted_copy_merges_into_a_plain_project_with_its_passphrase(
        capsys: Capsys, plant: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    theirs = str(stick / "plant.ot62443")
    shutil.copy(plant, theirs)
    assert run(capsys, "answer", theirs, "--scope", "Z1", "--req", "SR 1.2", "--status", "implemented")[0] == 0
    assert run(capsys, "unprotect", plant)[0] == 0
    code, out, _ = run(capsys, "merge", plant, theirs, "--json")  # only the copy asks
    assert code == 0 and json.loads(out)["taken"] == 1
    monkeypatch.setenv(VARIABLE, "not it")
    code, _, err = run(capsys, "merge", plant, theirs)
    assert code == 1 and "wrong passphrase" in err and theirs in err


def test_recover_restores_an_encrypted_backup_with_the_passphrase(capsys: Capsys, plant: str) -> None:
    Path(plant).write_bytes(Path(plant).read_bytes()[:30])  # cut by a failing disk
    code, out, _ = run(capsys, "recover", plant)
    assert code == 0 and "restored from backup" in out
    code, out, _ = run(capsys, "summary", plant, "--json")
    assert code == 0 and json.loads(out)["zones"][0]["id"] == "Z1"


def test_exports_of_an_encrypted_project_warn_unless_they_are_encrypted_too(capsys: Capsys, plant: str,
                                                                             tmp_path: Path) -> None:
    code, _, err = run(capsys, "export", plant, "--xlsx", str(tmp_path / "plain.xlsx"))
    assert code == 0 and "warning" in err and "--encrypt" in err
    code, _, err = run(capsys, "export", plant, "--xlsx", str(tmp_path / "sealed.xlsx"), "--encrypt")
    assert code == 0 and "--encrypt" not in err  # (the one warning left: the password is the project's passphrase)
    assert b"Chlorine" not in (tmp_path / "sealed.xlsx").read_bytes()


def test_exports_of_a_plain_project_do_not_warn(capsys: Capsys, tmp_path: Path) -> None:
    path = str(tmp_path / "open.ot62443")
    assert run(capsys, "new", path, "--client", "A", "--site", "B")[0] == 0
    code, _, err = run(capsys, "export", path, "--xlsx", str(tmp_path / "plain.xlsx"))
    assert (code, err) == (0, "")


def test_evidence_of_an_encrypted_project_is_attached_bundled_and_verified(capsys: Capsys, plant: str,
                                                                           tmp_path: Path) -> None:
    evidence = tmp_path / "firewall-rules.txt"
    evidence.write_text("deny any any")
    assert run(capsys, "evidence", "add", plant, "--scope", "Z1", "--req", "SR 1.1", str(evidence))[0] == 0
    bundle = tmp_path / "hand-off.zip"
    code, out, _ = run(capsys, "bundle", plant, "--to", str(bundle), "--encrypt")
    assert code == 0 and bundle.exists()
    assert b"deny any any" not in bundle.read_bytes() and b"Chlorine" not in bundle.read_bytes()
    assert run(capsys, "verify-bundle", str(bundle))[0] == 0
