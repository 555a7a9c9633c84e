"""Last year's register brought to this year's project (plant management sent it back late, or the
wrong file was picked): its rows are last time's gaps, so nothing is imported, and the refusal says
which register it is instead of naming the same client and site twice with two ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from ot62443_desktop.api import carry_forward, open_project
from ot62443_desktop.exports.progress import ExportError
from ot62443_desktop.exports.xlsx_register import write_register
from tests.test_carry_forward import last_year


def test_last_years_register_is_named_as_such_and_nothing_is_imported(tmp_path: Path) -> None:
    old = last_year(tmp_path / "2025.ot62443")
    with open_project(old, read_only=True) as previous:
        write_register(previous.store.snapshot(), previous.catalogues, tmp_path / "register-2025.xlsx")
    carry_forward(old, tmp_path / "2026.ot62443").close()
    carry_forward(tmp_path / "2026.ot62443", tmp_path / "2027.ot62443").close()
    for year in ("2026", "2027"):  # carried forward from it directly, or through an assessment between
        with open_project(tmp_path / f"{year}.ot62443") as project:
            before = project.store.snapshot()
            with pytest.raises(ExportError, match=r"register-2025\.xlsx: this register is of an earlier assessment "
                                                  r"of this plant \('ACME Water / North works', id [0-9a-f]{8}…\), "
                                                  r"which this project was carried forward from; its rows are "
                                                  r"last time's gaps: export this assessment's register"):
                project.import_register(tmp_path / "register-2025.xlsx", dry_run=True)
            assert project.store.snapshot() == before
