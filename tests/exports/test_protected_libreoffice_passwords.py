"""The register's password as LibreOffice Calc reads it (issue 15): Office's agile encryption hashes the
password as UTF-16, and Calc must turn what is typed into the same bytes as msoffcrypto-tool does, for
letters beyond ASCII, characters beyond the first plane (two UTF-16 units) and the longest password."""

from __future__ import annotations

from pathlib import Path

import pytest

from ot62443_desktop.api import Project
from ot62443_desktop.exports.protect import MAX_LENGTH
from ot62443_desktop.exports.xlsx_register import write_register
from tests.exports.test_protected_libreoffice import libreoffice
from tests.exports.test_register_columns import _uno_python

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(_uno_python() is None, reason="LibreOffice with its Python UNO bridge is not installed"),
]


@pytest.mark.parametrize("password", ["sécurité 2026 ✓ 密码", "clé \U0001f511 du site", "é" * MAX_LENGTH["xlsx"]],
                         ids=["accents-and-han", "astral", "longest"])
def test_calc_opens_the_register_with_a_password_of_any_characters(plant: Project, tmp_path: Path,
                                                                  password: str) -> None:
    sealed = tmp_path / "sealed.xlsx"
    write_register(plant.store.snapshot(), plant.catalogues, sealed, password=password)
    tries = libreoffice(sealed, tmp_path / "lo", password)
    assert tries["right"]["opened"] is True and tries["right"]["rows"][1][:2] == ["Z1", "Control network"]
    assert tries["wrong"]["opened"] is False and tries["none"]["opened"] is False
