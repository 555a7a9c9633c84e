"""The zones-and-conduits drawing as SVG and PNG files (SPEC 12.5), read back: every zone and layer
named, one line per conduit endpoint (dashed to a zone the project lacks), each box in the colour of
its worst SL gap, the legend and title, user text as text, in English and in French."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import Any

import pytest
from defusedxml import ElementTree
from PIL import Image

from ot62443_desktop.api import Project
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.report import score_project
from ot62443_desktop.exports.diagram_draw import Label, Picture, Rect, diagram_facts, picture, project_picture
from ot62443_desktop.exports.diagram_png import SCALE, write_png
from ot62443_desktop.exports.diagram_svg import write_svg
from ot62443_desktop.exports.pdf.theme import SL_FAR_HEX, SL_MET_HEX, SL_NONE_HEX, SL_SHORT_HEX
from ot62443_desktop.exports.progress import ExportError
from ot62443_desktop.exports.wording import translator
from tests.exports.diagram_plant import CONDUITS, ENDPOINTS, HOSTILE, WORST, ZONES, build

NS = "{http://www.w3.org/2000/svg}"
FILL = {0: SL_MET_HEX, 1: SL_SHORT_HEX, 2: SL_FAR_HEX, 3: SL_FAR_HEX, None: SL_NONE_HEX}


@pytest.fixture
def plant(project: Project) -> Project:
    return build(project)


def drawing(project: Project, language: Language = Language.EN) -> Picture:
    return project_picture(project.store.snapshot(), project.catalogues, language)


def svg(project: Project, path: Path, language: Language = Language.EN) -> Any:
    write_svg(drawing(project, language), path, project_path=project.store.path)
    return ElementTree.fromstring(path.read_bytes())


def texts(root: Any) -> list[str]:
    return ["".join(text.itertext()) for text in root.iter(f"{NS}text")]


def box_text(root: Any, zone_id: str) -> str:
    """What a zone's or conduit's box says, its lines joined by spaces."""
    return " ".join("".join(t.itertext()) for t in root.iter(f"{NS}text") if t.get("data-id") == zone_id)


def band_text(root: Any) -> str:
    """The layers' names, their lines joined by spaces."""
    return " ".join(" ".join("".join(t.itertext()) for t in group.iter(f"{NS}text"))
                    for group in root.iter(f"{NS}g") if group.get("class") == "band")


def test_the_svg_names_every_zone_layer_and_the_plant(plant: Project, tmp_path: Path) -> None:
    root = svg(plant, tmp_path / "d.svg")
    for zone_id, (name, *_rest) in ZONES.items():
        assert box_text(root, zone_id) == f"{name} {zone_id}"
    for conduit_id, (name, _zones) in CONDUITS.items():
        assert box_text(root, conduit_id) == f"{conduit_id} {name}"
    assert box_text(root, "GONE") == "? GONE"
    layers = band_text(root)
    for layer in ("Level 3: site operations", "Level 2: supervisory control", "Level 1: basic control",
                  "Not placed in a layer"):  # LAB has none
        assert layer in layers, layer
    shown = texts(root)
    assert "Zones and conduits: ACME Water, North works" in shown and "Confidential" in shown
    assert root.find(f"{NS}title").text == "Zones and conduits: ACME Water, North works"
    for key in ("Zone", "Conduit", "0, SL-T met", "1 level", "2 or more levels", "no SL-T set",
                "a zone this project does not have"):
        assert key in shown, key


def test_one_path_per_conduit_endpoint_dashed_to_a_zone_the_project_lacks(plant: Project, tmp_path: Path) -> None:
    root = svg(plant, tmp_path / "d.svg")
    lines = [path for path in root.iter(f"{NS}path") if path.get("data-zone")]
    assert sorted((line.get("data-id"), line.get("data-zone")) for line in lines) == sorted(
        (e.conduit, e.zone) for e in ENDPOINTS)
    for line, end in ((line, next(e for e in ENDPOINTS if (e.conduit, e.zone) == (line.get("data-id"),
                                                                                     line.get("data-zone"))))
                      for line in lines):
        assert (line.get("stroke-dasharray") is None) == end.known, end


def test_each_box_has_the_colour_of_its_worst_sl_gap(plant: Project, tmp_path: Path) -> None:
    root = svg(plant, tmp_path / "d.svg")
    fills = {rect.get("data-id"): rect.get("fill") for rect in root.iter(f"{NS}rect")
             if rect.get("data-id") in WORST}
    assert fills == {zone_id: FILL[worst] for zone_id, worst in WORST.items()}


def test_a_name_that_looks_like_markup_is_text(plant: Project, tmp_path: Path) -> None:
    path = tmp_path / "d.svg"
    root = svg(plant, path)
    raw = path.read_text(encoding="utf-8")
    assert "<script" not in raw and "&lt;script&gt;" in raw and "&amp;" in raw
    assert box_text(root, "LAB") == f"{HOSTILE} LAB"
    assert not list(root.iter(f"{NS}script")) and not list(root.iter("script"))


def test_the_drawing_is_in_french_with_french_layers(plant: Project, tmp_path: Path) -> None:
    root = svg(plant, tmp_path / "d.svg", Language.FR)
    layers, shown = band_text(root), texts(root)
    assert "Niveau 3\u00a0: opérations du site" in layers and "Sans couche" in layers
    assert "Zones et conduits\u00a0: ACME Water, North works" in shown and "Confidentiel" in shown
    assert "Plus grand écart de SL sur les FR (SL-T moins SL-A)\u00a0:" in shown
    assert "zone absente de ce projet" in shown
    assert "Level" not in layers and "layer" not in layers and "Zone this project does not have" not in shown


def test_a_projects_own_layers_are_printed_as_typed(plant: Project, tmp_path: Path) -> None:
    own = ("Field <b>bus</b>", "Cell & line", "Level 3: site operations", "Plant", "Site")
    plant.store.set_info(dataclasses.replace(plant.store.info, layers=own))
    layers = band_text(svg(plant, tmp_path / "d.svg", Language.FR))
    for layer in (own[1], own[2], own[3]):  # DMZ, SCADA and PLC sit in layers 3, 2 and 1
        assert layer in layers, layer


def test_the_png_is_the_same_drawing_at_two_pixels_a_point(plant: Project, tmp_path: Path) -> None:
    picture = drawing(plant)
    write_png(picture, tmp_path / "d.png", project_path=plant.store.path)
    with Image.open(tmp_path / "d.png") as image:
        image.verify()
    with Image.open(tmp_path / "d.png") as image:
        assert image.format == "PNG" and image.size == (math.ceil(picture.width * SCALE),
                                                        math.ceil(picture.height * SCALE))
        rgb = image.convert("RGB")
        for rect in (s for s in picture.shapes if isinstance(s, Rect) and s.kind == "zone"):
            inside = (round((rect.x + 3) * SCALE), round((rect.y + rect.h / 2) * SCALE))  # left of the text
            assert "#{:02X}{:02X}{:02X}".format(*rgb.getpixel(inside)) == rect.fill, rect.ref
        assert len(rgb.getcolors(1_000_000) or ()) > 50  # antialiased text, not blank boxes


def title_end(picture: Picture, path: Path) -> int:
    """The rightmost inked pixel of the picture's title line, in its PNG."""
    title = next(s for s in picture.shapes if isinstance(s, Label) and s.kind == "title")
    write_png(picture, path)
    with Image.open(path) as image:
        grey = image.convert("L")
        top, bottom = round((title.y - title.size) * SCALE), round(title.y * SCALE)
        return max(x for x in range(grey.width) if any(grey.getpixel((x, y)) < 128 for y in range(top, bottom)))


def test_a_no_break_space_in_the_png_is_as_wide_as_a_space(plant: Project, tmp_path: Path) -> None:
    """The French title's no-break space ("conduits\u00a0:") takes the room the layout measured for it;
    FreeType drew Vera's twice as wide, pushing the rest of the line out of place."""
    tr = translator(Language.FR)
    facts = diagram_facts(score_project(plant.store.snapshot(), plant.catalogues), tr)
    assert "\u00a0" in facts.title
    spaced = dataclasses.replace(facts, title=facts.title.replace("\u00a0", " "))
    assert title_end(picture(facts, tr), tmp_path / "nbsp.png") == title_end(picture(spaced, tr), tmp_path / "sp.png")


def test_the_png_grows_with_the_layout(plant: Project, tmp_path: Path) -> None:
    small = drawing(plant)
    for n in range(12):
        plant.add_zone(f"Z{n}", f"Station {n}", 2, level=1)
    large = drawing(plant)
    assert large.width > small.width and large.height > small.height
    write_png(large, tmp_path / "large.png")
    with Image.open(tmp_path / "large.png") as image:
        assert image.size == (math.ceil(large.width * SCALE), math.ceil(large.height * SCALE))


def test_the_files_are_refused_where_an_export_is(plant: Project, tmp_path: Path) -> None:
    picture = drawing(plant)
    with pytest.raises(ExportError, match="no such folder"):
        write_svg(picture, tmp_path / "missing" / "d.svg")
    before = plant.store.path.read_bytes()
    with pytest.raises(ExportError, match="project file"):
        write_png(picture, plant.store.path, project_path=plant.store.path)
    assert plant.store.path.read_bytes() == before
    (tmp_path / "old.svg").write_text("older drawing")
    write_svg(picture, tmp_path / "old.svg")
    assert ElementTree.fromstring((tmp_path / "old.svg").read_bytes()).tag == f"{NS}svg"


def test_a_missing_zones_marker_reads_in_the_overview_and_its_band_says_what_it_holds(
        plant: Project, tmp_path: Path) -> None:
    """The plan's overview of a large drawing shows each box's id alone, large: the marker of a zone the project
    lacks too. Where every zone has a layer, the band the markers stand in says they are not in the project."""
    tr = translator(Language.EN)
    facts = diagram_facts(score_project(plant.store.snapshot(), plant.catalogues), tr)
    overview = picture(facts, tr, ids_only=True)
    marker = next(s for s in overview.shapes if isinstance(s, Rect) and s.kind == "marker")
    label = next(s for s in overview.shapes if isinstance(s, Label) and s.kind == "marker")
    assert label.text == "? GONE" and label.size > 12 and label.width <= marker.w - 12
    assert facts.band_names[-1] == "Not placed in a layer"  # LAB has no layer: GONE's marker is beside it
    plant.store.update_zone(dataclasses.replace(plant.store.zone("LAB"), level=0))
    for language, name in ((Language.EN, "Not in this project"), (Language.FR, "Absentes du projet")):
        assert name in band_text(svg(plant, tmp_path / "d.svg", language))
