"""A project file whose boxes were put far off (by a hand-edited or hostile file: the codec accepts a
position up to a million points away, either side of the page) still draws in every renderer: each
zone on the page, a PNG of bounded size, the register and the plan written."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from defusedxml import ElementTree
from PIL import Image
from pypdf import PdfReader

from ot62443_desktop.api import Project
from ot62443_desktop.domain.language import Language
from ot62443_desktop.exports.diagram_draw import project_picture
from ot62443_desktop.exports.diagram_png import MAX_PIXELS, write_png
from ot62443_desktop.exports.diagram_svg import write_svg
from ot62443_desktop.exports.pdf import write_plan
from ot62443_desktop.exports.xlsx_register import write_register

NS = "{http://www.w3.org/2000/svg}"
FAR = 999_999.0


def placed(project: Project, position: tuple[float, float]) -> Project:
    project.add_zone("A", "Control room", 2, level=2)
    project.add_zone("B", "Cell one", 3, level=1)
    project.add_zone("C1", "Control to cell", 2, kind="conduit", connects=["A", "B"])
    zone = project.store.zone("A")
    project.store.update_zone(dataclasses.replace(zone, position=position))
    return project


@pytest.mark.parametrize("position", [(FAR, FAR), (0.0, FAR), (FAR, 0.0)])
def test_a_box_put_far_off_gives_a_png_of_bounded_size(project: Project, tmp_path: Path,
                                                       position: tuple[float, float]) -> None:
    placed(project, position)
    path = tmp_path / "d.png"
    write_png(project_picture(project.store.snapshot(), project.catalogues, Language.EN), path)
    with Image.open(path) as image:
        assert image.width * image.height <= MAX_PIXELS
        assert image.width >= 1 and image.height >= 1


@pytest.mark.parametrize("position", [(FAR, FAR), (0.0, FAR)])
def test_the_register_and_plan_of_a_far_box_are_written(project: Project, tmp_path: Path,
                                                        position: tuple[float, float]) -> None:
    snapshot = placed(project, (0.0, 0.0)).store.snapshot()
    write_plan(snapshot, project.catalogues, tmp_path / "near.pdf")
    project.store.update_zone(dataclasses.replace(project.store.zone("A"), position=position))
    snapshot = project.store.snapshot()
    write_register(snapshot, project.catalogues, tmp_path / "r.xlsx")
    write_plan(snapshot, project.catalogues, tmp_path / "p.pdf")
    assert (tmp_path / "r.xlsx").stat().st_size > 0
    # a box far off may give the drawing a few pages of its own (parts), not a million nearly empty ones
    assert len(PdfReader(tmp_path / "p.pdf").pages) <= len(PdfReader(tmp_path / "near.pdf").pages) + 16


@pytest.mark.parametrize("position", [(-FAR, -FAR), (-500.0, 40.0), (300.0, -80.0)])
def test_a_box_put_left_of_or_above_the_page_is_drawn_on_it(project: Project, tmp_path: Path,
                                                            position: tuple[float, float]) -> None:
    placed(project, position)
    path = tmp_path / "d.svg"
    write_svg(project_picture(project.store.snapshot(), project.catalogues, Language.EN), path)
    root = ElementTree.fromstring(path.read_bytes())
    _x, _y, width, height = (float(v) for v in root.get("viewBox").split())
    box = next(r for r in root.iter(f"{NS}rect") if r.get("data-id") == "A")
    x, y = float(box.get("x")), float(box.get("y"))
    assert x >= 0 and x + float(box.get("width")) <= width
    assert y >= 0 and y + float(box.get("height")) <= height
