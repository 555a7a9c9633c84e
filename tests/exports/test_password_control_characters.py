"""A password nobody can type is refused before anything is written (issue 15). OT62443_PASSPHRASE read
from a file saved on Windows ends in a carriage return ($(cat pw.txt) strips only the line feed): the
register sealed with it never opens, since Excel's and Calc's password boxes take no control character,
nor does 7-Zip's for a bundle."""

from __future__ import annotations

from pathlib import Path

import pytest

from ot62443_desktop.api import Project
from ot62443_desktop.exports.bundle import write_bundle
from ot62443_desktop.exports.bundle_manifest import BundleError
from ot62443_desktop.exports.progress import ExportError
from ot62443_desktop.exports.protect import PasswordProblem, password_problem
from ot62443_desktop.exports.xlsx_register import write_register


@pytest.mark.parametrize("password", ["secret\r", "se\tcret", "secret\x1b", "sec\u0085ret"])
def test_a_register_password_with_a_control_character_is_refused(plant: Project, tmp_path: Path,
                                                                  password: str) -> None:
    assert password_problem(password, "xlsx") is PasswordProblem.CONTROL
    with pytest.raises(ExportError, match="a control character .* nothing was written"):
        write_register(plant.store.snapshot(), plant.catalogues, tmp_path / "r.xlsx", password=password)
    assert not (tmp_path / "r.xlsx").exists() and not [p for p in tmp_path.iterdir() if "xlsx" in p.name]


def test_a_bundle_passphrase_with_a_control_character_is_refused(plant: Project, tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="a control character .* nothing was written"):
        write_bundle(plant.store.snapshot(), plant.catalogues, tmp_path / "b.zip", project_path=plant.store.path,
                     generation=plant.store.generation, passphrase="secret\r")
    assert not (tmp_path / "b.zip").exists()
