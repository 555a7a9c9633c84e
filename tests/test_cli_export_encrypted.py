"""`ot62443 export ... --encrypt` (SPEC 12, 12.6): both documents sealed with one password, which comes
from OT62443_PASSPHRASE or the terminal, never from an argument."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from ot62443_desktop.passphrase import VARIABLE, read_passphrase
from tests.exports.sealed import decrypted_workbook
from tests.test_cli import run

PASSWORD = "Correct horse 42!"


@pytest.fixture
def plant(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    path = tmp_path / "plant.ot62443"
    run(capsys, "new", str(path), "--client", "ACME", "--site", "North")
    run(capsys, "zone", "add", str(path), "--id", "Z1", "--name", "Control", "--sl-t", "2")
    run(capsys, "answer", str(path), "--scope", "Z1", "--req", "SR 1.1", "--status", "not_implemented")
    return path


def export(capsys: pytest.CaptureFixture[str], plant: Path, *extra: str) -> tuple[int, str, str]:
    folder = plant.parent
    return run(capsys, "export", str(plant), "--xlsx", str(folder / "r.xlsx"), "--pdf", str(folder / "p.pdf"),
               *extra)


def test_export_encrypt_seals_both_documents_with_the_password_from_the_environment(
        capsys: pytest.CaptureFixture[str], plant: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(VARIABLE, PASSWORD)
    code, out, err = export(capsys, plant, "--encrypt")
    folder = plant.parent
    assert (code, err) == (0, "")
    assert out == (f"wrote {folder / 'r.xlsx'} (Excel gap register, English, encrypted with a password)\n"
                   f"wrote {folder / 'p.pdf'} (PDF remediation plan, A4, English, encrypted with a password)\n")
    workbook = decrypted_workbook((folder / "r.xlsx").read_bytes(), PASSWORD)
    assert workbook["Gap register"]["D2"].value == "SR 1.1"
    plan = PdfReader(io.BytesIO((folder / "p.pdf").read_bytes()))
    assert plan.is_encrypted and not plan.decrypt("guess") and plan.decrypt(PASSWORD)


def test_export_without_encrypt_is_readable_as_before(capsys: pytest.CaptureFixture[str], plant: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(VARIABLE, PASSWORD)  # set for the project, say: no --encrypt, no password on the exports
    code, out, _err = export(capsys, plant)
    assert code == 0 and "encrypted" not in out
    assert (plant.parent / "r.xlsx").read_bytes()[:2] == b"PK"
    assert not PdfReader(plant.parent / "p.pdf").is_encrypted


def test_no_password_to_be_had_is_one_line_and_writes_nothing(capsys: pytest.CaptureFixture[str], plant: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(VARIABLE, raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # no terminal to ask on
    code, out, err = export(capsys, plant, "--encrypt")
    assert (code, out) == (1, "")
    assert err == ("ot62443: error: a passphrase is needed: set OT62443_PASSPHRASE in the environment or run the "
                   "command on a terminal (a passphrase is never taken as an argument)\n")
    assert not (plant.parent / "r.xlsx").exists() and not (plant.parent / "p.pdf").exists()


def test_a_password_the_plan_cannot_take_is_refused_before_the_register_is_written(
        capsys: pytest.CaptureFixture[str], plant: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(VARIABLE, "sécurité-2026")
    code, out, err = export(capsys, plant, "--encrypt")
    assert (code, out) == (1, "")
    assert err == ("ot62443: error: the password of the plan may only hold ASCII letters, digits, spaces and "
                   "punctuation: PDF readers do not all read other characters alike; nothing was written\n")
    assert not (plant.parent / "r.xlsx").exists() and not (plant.parent / "p.pdf").exists()


def test_a_register_alone_takes_a_password_of_any_characters(capsys: pytest.CaptureFixture[str], plant: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(VARIABLE, "sécurité-2026")
    target = plant.parent / "r.xlsx"
    code, _out, err = run(capsys, "export", str(plant), "--xlsx", str(target), "--encrypt")
    assert (code, err) == (0, "")
    assert decrypted_workbook(target.read_bytes(), "sécurité-2026")["Gap register"]["D2"].value == "SR 1.1"


def test_the_password_is_asked_twice_on_a_terminal(capsys: pytest.CaptureFixture[str], plant: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    typed = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.delenv(VARIABLE, raising=False)
    monkeypatch.setattr("sys.stdin", Terminal())
    prompts: list[str] = []
    # the terminal's getpass, as read_passphrase calls it by default
    monkeypatch.setitem(read_passphrase.__kwdefaults__, "ask", lambda prompt: prompts.append(prompt) or next(typed))
    code, out, err = export(capsys, plant, "--encrypt")
    assert prompts == ["Password for the exported files: ", "Type it again to confirm: "]
    assert (code, out) == (1, "")
    assert err == "ot62443: error: the two passphrases typed differ; nothing was changed\n"
    assert not (plant.parent / "r.xlsx").exists()


def test_a_password_is_never_an_argument(capsys: pytest.CaptureFixture[str], plant: Path) -> None:
    code, _out, err = export(capsys, plant, "--encrypt", PASSWORD)
    assert code == 2 and "unrecognized arguments" in err
