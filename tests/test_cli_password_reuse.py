"""A password handed to a recipient is not the key to the project (issue 15): with OT62443_PASSPHRASE
set, `export --encrypt` and `bundle --encrypt` of an encrypted project take the project's own
passphrase as the documents' password. It works, and says so: whoever is given the password could
open the project, and every other project kept under that passphrase."""

from __future__ import annotations

from pathlib import Path

import pytest

from ot62443_desktop.passphrase import VARIABLE
from tests.test_cli import run

PASS = "correct horse battery staple 62443"


@pytest.fixture
def encrypted(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(VARIABLE, PASS)
    path = str(tmp_path / "plant.ot62443")
    assert run(capsys, "new", path, "--client", "ACME", "--site", "North", "--encrypt")[0] == 0
    assert run(capsys, "zone", "add", path, "--id", "Z1", "--name", "Control", "--sl-t", "2")[0] == 0
    return path


@pytest.mark.parametrize("command", [["export", "--xlsx", "r.xlsx", "--encrypt"], ["bundle", "--to", "b.zip",
                                                                                  "--encrypt"]])
def test_the_projects_passphrase_as_the_documents_password_is_said(
        capsys: pytest.CaptureFixture[str], encrypted: str, tmp_path: Path, command: list[str]) -> None:
    name, *rest = command
    args = [str(tmp_path / a) if a.endswith((".xlsx", ".zip")) else a for a in rest]
    code, _, err = run(capsys, name, encrypted, *args)
    assert code == 0 and err.count("\n") == 1
    assert err.startswith("ot62443: warning: ") and "the project's own passphrase" in err and VARIABLE in err
    assert PASS not in err


def test_a_plain_project_exported_with_a_password_is_not_warned(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(tmp_path / "open.ot62443")
    assert run(capsys, "new", path, "--client", "A", "--site", "B")[0] == 0
    monkeypatch.setenv(VARIABLE, PASS)
    for name, args in (("export", ["--xlsx", str(tmp_path / "r.xlsx")]), ("bundle", ["--to", str(tmp_path / "b.zip")])):
        code, _, err = run(capsys, name, path, *args, "--encrypt")
        assert (code, err) == (0, "")
