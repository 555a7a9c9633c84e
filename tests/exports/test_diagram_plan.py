"""The PDF plan's zones-and-conduits diagram (SPEC 12.5): the executive summary's last section draws it
as vector graphics in the embedded fonts (no picture on its page), names every zone and lists the
design checks under it, in English and in French. A drawing too wide for the text width gets a
landscape page of its own; one too small there for names, as with a hundred zones, shows the ids,
every text on the page still at least MIN_TEXT points tall. Read back with pypdf."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from ot62443_desktop.api import open_project
from ot62443_desktop.catalogues import builtin_catalogues
from ot62443_desktop.domain.catalogue import CatalogueSet
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import Asset, ProjectData, ProjectInfo, ScopeKind, Zone
from ot62443_desktop.exports.design_text import CHECK_NAMES
from ot62443_desktop.exports.pdf import write_plan
from ot62443_desktop.exports.pdf.diagram_drawing import MIN_TEXT
from ot62443_desktop.exports.wording import translator
from tests.exports.diagram_plant import CONDUITS, FINDINGS, ZONES, build
from tests.exports.test_pdf_plan import outline
from tests.exports.test_progress_plan import image_xobjects, page_fonts, page_text

EN, FR = Language.EN, Language.FR
TITLES = {EN: "Zones and conduits diagram", FR: "Schéma des zones et conduits"}


@pytest.fixture(scope="module")
def plant(tmp_path_factory: pytest.TempPathFactory) -> tuple[ProjectData, CatalogueSet]:
    folder = tmp_path_factory.mktemp("diagram-plan")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("OT62443_DATA_DIR", str(folder / "appdata"))
        with open_project(folder / "plant.ot62443", create=True, client="ACME Water", site="North works") as p:
            build(p)
            return p.store.snapshot(), p.catalogues


@pytest.fixture(scope="module")
def plans(plant: tuple[ProjectData, CatalogueSet], tmp_path_factory: pytest.TempPathFactory
          ) -> dict[Language, PdfReader]:
    folder = tmp_path_factory.mktemp("diagram-plans")
    readers = {}
    for language in Language:
        write_plan(*plant, folder / f"{language.value}.pdf", language=language)
        readers[language] = PdfReader(folder / f"{language.value}.pdf")
    return readers


def diagram_page(reader: PdfReader, language: Language = EN) -> tuple[str, int]:
    """The section's title in the outline and its page (0-based)."""
    entry = next(e for e in outline(reader) if e[1].endswith(TITLES[language]))
    return entry[1], entry[2]


def text_sizes(reader: PdfReader, page: int) -> Iterator[tuple[str, float]]:
    """(text, height in points as printed) of every piece of text the page draws."""
    found: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, size: Any) -> None:
        if text.strip():
            found.append((text.strip(), abs(float(size) * tm[3] * cm[3])))

    reader.pages[page].extract_text(visitor_text=visit)
    yield from found


def mediabox(reader: PdfReader, page: int) -> tuple[float, float]:
    box = reader.pages[page].mediabox
    return float(box.width), float(box.height)


def test_the_summary_ends_with_the_diagram(plans: dict[Language, PdfReader]) -> None:
    for language, reader in plans.items():
        entries = outline(reader)
        summary = next(i for i, e in enumerate(entries) if e[0] == 0 and e[1].startswith("1 "))
        end = next(i for i, e in enumerate(entries) if i > summary and e[0] == 0)
        children = [title for level, title, _page in entries[summary + 1:end] if level == 1]
        assert children[-1] == f"1.5 {TITLES[language]}", language  # after 1.4, the security program


def test_the_diagram_names_every_zone_and_conduit_and_is_vector(plans: dict[Language, PdfReader]) -> None:
    for language, reader in plans.items():
        title, page = diagram_page(reader, language)
        text = page_text(reader, page)
        squeezed = "".join(text.split())  # a letter Vera lacks is a text piece of its own in the fallback font
        for zone_id, (name, *_rest) in ZONES.items():
            assert zone_id in text and "".join(name.split()) in squeezed, (language, zone_id)
        for conduit_id, (name, _zones) in CONDUITS.items():
            assert f"{conduit_id} {name}" in text, (language, conduit_id)
        assert "? GONE" in text
        resources = reader.pages[page]["/Resources"].get_object()
        assert list(image_xobjects(resources)) == [], language
        fonts = list(page_fonts(resources))
        assert fonts and all(f["/Subtype"] == "/TrueType" and "/FontFile2" in f["/FontDescriptor"].get_object()
                             for f in fonts), language


def test_the_design_checks_are_listed_under_it(plans: dict[Language, PdfReader]) -> None:
    for language, reader in plans.items():
        tr = translator(language)
        title, page = diagram_page(reader, language)
        text = page_text(reader, page) + " " + page_text(reader, page + 1)
        checks = text.split(tr("<b>Design checks</b>").removeprefix("<b>").removesuffix("</b>"), 1)[1]
        for scope, check in FINDINGS:
            assert re.search(rf"{re.escape(scope)} .*{re.escape(tr(CHECK_NAMES[check]))}", checks), (scope, check)
        assert " ".join(tr.n("{n} finding:", "{n} findings:", len(FINDINGS)).split()) in checks
    page = diagram_page(plans[EN])[1]
    english = page_text(plans[EN], page) + " " + page_text(plans[EN], page + 1)
    assert "SCADA has SL-T 1 and PLC SL-T 3 in FR 1; no design note says why the step is acceptable." in english
    assert "Connects GONE, which is not a zone of this project." in english
    assert "No asset is listed for this zone (layer: Level 1: basic control)." in english
    page = diagram_page(plans[FR], FR)[1]
    french = page_text(plans[FR], page) + " " + page_text(plans[FR], page + 1)
    for words in ("Contrôles de conception", "Zone isolée", "Aucun conduit ne relie cette zone.",
                  "(couche : Niveau 1 : contrôle de base)", "Sans couche"):  # page_text: no-break spaces as spaces
        assert words in french, words


def test_a_small_drawing_stays_in_the_portrait_flow(plans: dict[Language, PdfReader]) -> None:
    reader = plans[EN]
    page = diagram_page(reader)[1]
    width, height = mediabox(reader, page)
    assert width < height and all(w < h for w, h in (mediabox(reader, p) for p in range(len(reader.pages))))
    assert all(size >= 5.5 for _text, size in text_sizes(reader, page))  # at life size, or nearly


def station_plant(stations: int, *, star: bool = False) -> ProjectData:
    """A control centre and `stations` field stations, each on a conduit of its own or, as a `star`, all on
    one: a wide drawing with no finding."""
    zones = [Zone("CC", "Control centre", Zone.uniform(2), level=2, assets=(Asset("SCADA"),))]
    zones += [Zone(f"ST-{n:03}", f"Pumping station {n:03}", Zone.uniform(2), level=1, assets=(Asset("RTU"),))
              for n in range(stations)]
    conduits = [("C-RADIO", tuple(z.id for z in zones))] if star else [
        (f"C-{n:03}", ("CC", f"ST-{n:03}")) for n in range(stations)]
    zones += [Zone(c, f"Radio link {c}", Zone.uniform(2), kind=ScopeKind.CONDUIT, connects=ends)
              for c, ends in conduits]
    return ProjectData(ProjectInfo("ACME Water", "North works"), tuple(zones))


def drawing_sizes(reader: PdfReader, pages: range) -> list[float]:
    """The printed sizes of the drawing's texts (ids, layers, the legend) on `pages`."""
    return [size for page in pages for text, size in text_sizes(reader, page)
            if re.fullmatch(r"(ST|C)-\d{3}|C-RADIO|CC", text) or "Level" in text or "Niveau" in text or "SL-T" in text]


def plan(data: ProjectData, path: Path, language: Language = EN) -> tuple[PdfReader, int]:
    write_plan(data, builtin_catalogues(), path, language=language)
    reader = PdfReader(path)
    return reader, diagram_page(reader, language)[1]


def test_a_wide_drawing_gets_a_landscape_page_of_its_own(tmp_path: Path) -> None:
    data = station_plant(4)
    reader, page = plan(data, tmp_path / "plan.pdf")
    width, height = mediabox(reader, page)
    assert width > height
    roadmap = next(p for level, title, p in outline(reader) if level == 0 and title.startswith("2 "))
    assert mediabox(reader, roadmap)[0] < mediabox(reader, roadmap)[1]  # portrait again
    text = page_text(reader, page)
    assert all(z.id in text for z in data.zones) and "Pumping station 001" in text
    assert "None of these was found." in text and "ids only" not in text and "Part 1" not in text
    assert min(drawing_sizes(reader, range(page, page + 1))) >= MIN_TEXT


def test_a_hundred_zones_show_their_ids_in_french_and_read(tmp_path: Path) -> None:
    data = station_plant(98, star=True)
    reader, page = plan(data, tmp_path / "plan.pdf", FR)
    assert mediabox(reader, page)[0] > mediabox(reader, page)[1]
    text = page_text(reader, page)
    assert "ne portent que leur identifiant" in text and "Niveau 1 : contrôle de base" in text
    assert all(z.id in text for z in data.zones) and "Pumping station 001" not in text
    sizes = drawing_sizes(reader, range(page, page + 1))
    assert len(sizes) > 100 and min(sizes) >= MIN_TEXT


def test_a_drawing_too_large_even_for_ids_runs_over_pages_with_names(tmp_path: Path) -> None:
    data = station_plant(150)  # 150 stations, each on a conduit of its own: fifteen rows of boxes and gutters
    reader, page = plan(data, tmp_path / "plan.pdf")
    text = page_text(reader, page)
    parts = int(re.search(r"it runs over (\d+) pages", text).group(1))  # type: ignore[union-attr]
    assert parts > 1 and "Part 1 of" in text
    pages = range(page, page + parts)
    assert all(mediabox(reader, p)[0] > mediabox(reader, p)[1] for p in pages)
    whole = " ".join(page_text(reader, p) for p in pages)
    assert all(z.name in whole for z in data.zones if z.kind is ScopeKind.ZONE)
    assert f"Part {parts} of {parts}" in page_text(reader, page + parts - 1)
    assert min(drawing_sizes(reader, pages)) >= MIN_TEXT
    for p in pages:
        assert list(image_xobjects(reader.pages[p]["/Resources"].get_object())) == []
