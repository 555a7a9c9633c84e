"""The CLI on a disk that fills up: a saved answer is never reported as failed, and never lost after."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

from ot62443_desktop.cli import main
from ot62443_desktop.storage import store as store_module


def test_an_answer_saved_before_the_disk_filled_is_reported_saved_and_kept(
        project_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(project_path), "--client", "ACME", "--site", "North"]) == 0
    assert main(["zone", "add", str(project_path), "--id", "CTRL", "--name", "Control", "--sl-t", "2"]) == 0
    capsys.readouterr()

    def full(path: Path, data: bytes, *, durable: bool = True) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module, "atomic_write", full)  # the journal append fits; the rewrite does not
    code = main(["answer", str(project_path), "--scope", "CTRL", "--req", "SR 1.1", "--status", "partial",
                 "--notes", "shared account"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "warning" in err and "every change is saved in its journal" in err and "None" not in err
    monkeypatch.undo()  # space is freed
    assert main(["answer", str(project_path), "--scope", "CTRL", "--req", "SR 1.2", "--status", "implemented"]) == 0
    assert main(["summary", str(project_path), "--json"]) == 0
    zone = json.loads(capsys.readouterr().out)["zones"][0]
    assert zone["gaps"] == 1 and zone["met"] == 1
