"""The register's summary sheet shows the zones-and-conduits drawing as a picture (SPEC 12.5): under the
zone table, so it covers no cell in use, on a printed page of its own; a project without zones has none.
LibreOffice still opens and converts the register."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from PIL import Image

from ot62443_desktop.api import Project
from ot62443_desktop.domain.language import Language
from ot62443_desktop.exports.wording import translator
from ot62443_desktop.exports.xlsx_register import SUMMARY_SHEET, write_register
from tests.exports.diagram_plant import ZONES, build

ANCHOR_OFFSET = 2  # the diagram's heading row, then the picture


@pytest.fixture
def plant(project: Project) -> Project:
    return build(project)


def export(project: Project, path: Path, language: Language = Language.EN) -> Path:
    write_register(project.store.snapshot(), project.catalogues, path, language=language)
    return path


def pictures(path: Path) -> list[bytes]:
    with zipfile.ZipFile(path) as z:
        return [z.read(name) for name in z.namelist() if name.startswith("xl/media/")]


def test_the_summary_shows_the_diagram_under_its_tables(plant: Project, tmp_path: Path) -> None:
    path = export(plant, tmp_path / "register.xlsx")
    [png] = pictures(path)
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG" and image.width > 600
    ws = openpyxl.load_workbook(path)[SUMMARY_SHEET]
    [picture] = ws._images
    last_zone = max(cell.row for row in ws.iter_rows() for cell in row if cell.value in ZONES or cell.value in
                    ("C-IT", "C-OT", "C-OLD"))
    top = picture.anchor._from.row + 1  # 0-based in the anchor
    assert top > last_zone and ws.cell(top - 1, 1).value == "Zones and conduits diagram"
    assert ws.max_row == top - 1  # nothing under it: it covers no cell in use
    assert [b.id for b in ws.row_breaks.brk] == [top - ANCHOR_OFFSET]  # printed, it starts a page
    chart = ws._charts[0].anchor._from
    assert (chart.row, chart.col) != (picture.anchor._from.row, picture.anchor._from.col)


def test_the_french_register_shows_the_french_drawing(plant: Project, tmp_path: Path) -> None:
    path = export(plant, tmp_path / "registre.xlsx", Language.FR)
    ws = openpyxl.load_workbook(path)[translator(Language.FR)(SUMMARY_SHEET)]
    assert ws.cell(ws.max_row, 1).value == "Schéma des zones et conduits"
    assert len(pictures(path)) == 1


def test_a_project_without_zones_has_no_picture(project: Project, tmp_path: Path) -> None:
    assert pictures(export(project, tmp_path / "register.xlsx")) == []


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_register_with_its_picture(plant: Project, tmp_path: Path) -> None:
    path = export(plant, tmp_path / "register.xlsx")
    outdir = tmp_path / "lo"
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless", "--convert-to",
         "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), str(path)],
        capture_output=True, text=True, timeout=180, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stdout + result.stderr
    saved = outdir / path.name
    assert len(pictures(saved)) == 1  # LibreOffice kept the picture
    assert openpyxl.load_workbook(saved)[SUMMARY_SHEET].cell(1, 1).value == "IEC 62443 assessment: gap register"
