"""A carried-forward project's PDF plan shows the progress since the previous assessment (SPEC 12.3):
a section of the executive summary, numbered after its siblings, with the counts of gaps closed, new
and persisting, a vector then/now chart per FR and the site's maturity per program element, in English
and in French; a project not carried forward has no such section. Read back with pypdf."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from ot62443_desktop.domain.catalogue import CatalogueSet, Scale
from ot62443_desktop.domain.language import Language, long_date
from ot62443_desktop.domain.progress import element_maturity
from ot62443_desktop.domain.scoring import find_gaps
from ot62443_desktop.exports.pdf import write_plan
from ot62443_desktop.exports.wording import translator
from tests.exports.carried_forward import Plant, build_plant
from tests.exports.test_pdf_plan import outline

EN, FR = Language.EN, Language.FR


@pytest.fixture(scope="module")
def plant(tmp_path_factory: pytest.TempPathFactory) -> Plant:
    return build_plant(tmp_path_factory.mktemp("progress-plan"))


@pytest.fixture(scope="module")
def plans(plant: Plant) -> dict[Language, PdfReader]:
    readers = {}
    for language in Language:
        path = plant.folder / f"plan-{language.value}.pdf"
        write_plan(plant.data, plant.catalogues, path, language=language)
        readers[language] = PdfReader(path)
    return readers


# --- reading the files back ---------------------------------------------------------------------

def progress_entry(reader: PdfReader) -> tuple[int, str, int] | None:
    marks = ("Progress since", "Évolution depuis")
    return next((e for e in outline(reader) if any(m in e[1] for m in marks)), None)


def page_text(reader: PdfReader, page: int) -> str:
    """The page's words, one space between each (a non-breaking space too)."""
    return " ".join(reader.pages[page].extract_text().split())


def image_xobjects(resources: Any) -> Iterator[Any]:
    """Every image drawn through `resources`, also inside form XObjects."""
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Image":
            yield xobject
        elif "/Resources" in xobject:
            yield from image_xobjects(xobject["/Resources"].get_object())


def page_fonts(resources: Any) -> Iterator[Any]:
    for font in (resources.get("/Font") or {}).values():
        yield font.get_object()
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if "/Resources" in xobject:
            yield from page_fonts(xobject["/Resources"].get_object())


def text_pieces(reader: PdfReader, page: int) -> list[tuple[float, str]]:
    """(baseline, text) of every piece of text the page draws."""
    pieces: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, _size: Any) -> None:
        if text.strip():
            pieces.append((tm[5] + cm[5], text.strip()))

    reader.pages[page].extract_text(visitor_text=visit)
    return pieces


# --- the PDF plan -------------------------------------------------------------------------------

def test_the_plan_has_a_progress_section_with_the_counts(plant: Plant, plans: dict[Language, PdfReader]) -> None:
    progress = plant.progress()
    closed, new, persisting = progress.totals()
    assert closed and new and persisting and progress.added == ("RA",) and progress.removed == ("HMI",)
    entry = progress_entry(plans[EN])
    assert entry is not None
    level, title, page = entry
    assert plant.previous.info.end_date is not None
    assert (level, title) == (1, f"1.5 Progress since {long_date(plant.previous.info.end_date, EN)}")
    text = page_text(plans[EN], page)
    assert title in text
    for figure in (f"{closed} gaps closed", f"{new} new gaps", f"{persisting} gaps persisting",
                   f"All gaps {closed} {new} {persisting}", "0 earlier gaps neither closed nor persisting"):
        assert figure in text, figure
    assert "1 zone or conduit added since: RA Vendor remote access." in text
    assert "1 zone or conduit removed since: HMI Control room operator stations" in text


def test_the_section_follows_its_siblings_in_the_contents(plans: dict[Language, PdfReader]) -> None:
    entries = outline(plans[EN])
    summary = next(i for i, e in enumerate(entries) if e[1] == "1 Executive summary")
    end = next(i for i, e in enumerate(entries) if i > summary and e[0] == 0)
    children = [title for level, title, _page in entries[summary + 1:end] if level == 1]
    assert [t.split()[0] for t in children] == [f"1.{n}" for n in range(1, len(children) + 1)]
    assert children[-2].startswith("1.5 Progress since") and children[-1] == "1.6 Zones and conduits diagram"
    contents = " ".join(page_text(plans[EN], p) for p in range(len(plans[EN].pages))
                        if "Contents" in page_text(plans[EN], p))
    assert children[-2] in contents


def test_without_a_security_program_the_section_is_1_4(plant: Plant, tmp_path: Path) -> None:
    security = CatalogueSet(c for c in plant.catalogues if c.scale is Scale.SECURITY_LEVEL)
    write_plan(plant.data, security, tmp_path / "plan.pdf")
    entry = progress_entry(PdfReader(tmp_path / "plan.pdf"))
    assert entry is not None and entry[1].startswith("1.4 Progress since")


def test_the_progress_chart_is_vector_with_embedded_fonts(plant: Plant, plans: dict[Language, PdfReader]) -> None:
    for language, reader in plans.items():
        entry = progress_entry(reader)
        assert entry is not None
        page = reader.pages[entry[2]]
        resources = page["/Resources"].get_object()
        assert list(image_xobjects(resources)) == [], language
        fonts = list(page_fonts(resources))
        assert fonts
        for font in fonts:
            assert font["/Subtype"] == "/TrueType" and "/FontFile2" in font["/FontDescriptor"].get_object()
        text = page_text(reader, entry[2])
        legend = ("Mean SL-A then", "Mean SL-A now") if language is EN else ("SL-A moyen précédent",
                                                                            "SL-A moyen actuel")
        assert all(label in text for label in legend), language
        assert all(f"{fr} " in text for fr in ("FR 1 IAC", "FR 7 RA")), language


def test_the_chart_and_the_maturity_show_the_means_then_and_now(plant: Plant,
                                                                  plans: dict[Language, PdfReader]) -> None:
    progress = plant.progress()
    then, now = progress.then.zones, progress.now.zones
    before, after = element_maturity(plant.previous, plant.catalogues), element_maturity(plant.data, plant.catalogues)
    rated = [(b, a) for b, a in zip(before.values(), after.values(), strict=True) if b is not None and a is not None]
    assert len(rated) >= 4
    for language, reader in plans.items():
        tr = translator(language)
        entry = progress_entry(reader)
        assert entry is not None
        text = page_text(reader, entry[2])
        for i in range(7):
            for zones in (then, now):
                mean = sum(z.sl_a[i] for z in zones) / len(zones)
                assert tr.decimal(mean) in text, (language, i)
        for b, a in rated:
            assert f"{tr.decimal(b)}" in text and f"{tr.decimal(a)}" in text


def test_the_french_section_reads_french_with_decimal_commas(plant: Plant,
                                                             plans: dict[Language, PdfReader]) -> None:
    closed, new, persisting = plant.progress().totals()
    entry = progress_entry(plans[FR])
    assert entry is not None
    assert plant.previous.info.end_date is not None
    assert entry[1] == f"1.5 Évolution depuis le {long_date(plant.previous.info.end_date, FR)}"
    text = page_text(plans[FR], entry[2])
    for figure in (f"{closed} écarts corrigés", f"{new} nouveaux écarts", f"{persisting} écarts persistants",
                   f"Tous les écarts {closed} {new} {persisting}", "ajouté depuis : RA Vendor remote access",
                   "Écarts corrigés Nouveaux écarts Écarts persistants"):
        assert figure in text, figure
    body = text.split(entry[1], 1)[1]  # section numbers keep their dots in French too
    assert re.search(r"\d,\d", body)
    assert not re.search(r"\d\.\d", body), re.search(r".{20}\d\.\d.{20}", body)
    for english in ("Progress", "closed", "persisting", "Then", "Mean SL-A"):
        assert english not in text, english


def test_a_project_just_carried_forward_has_every_earlier_gap_still_open(plant: Plant, tmp_path: Path) -> None:
    """Nothing answered yet: nothing closed, new or persisting; every gap of last year waits."""
    fresh = dataclasses.replace(plant.previous, answers={}, previous=plant.previous)
    write_plan(fresh, plant.catalogues, tmp_path / "plan.pdf")
    reader = PdfReader(tmp_path / "plan.pdf")
    entry = progress_entry(reader)
    assert entry is not None
    text = page_text(reader, entry[2])
    waiting = len(find_gaps(plant.previous, plant.catalogues))
    assert f"0 gaps closed 0 new gaps 0 gaps persisting {waiting} earlier gaps neither closed nor persisting" in text
    assert "No zone or conduit was added or removed since." in text


def test_a_previous_assessment_without_dates_still_heads_the_section(plant: Plant, tmp_path: Path) -> None:
    undated = dataclasses.replace(plant.previous.info, start_date=None, end_date=None)
    data = dataclasses.replace(plant.data, previous=dataclasses.replace(plant.previous, info=undated))
    write_plan(data, plant.catalogues, tmp_path / "plan.pdf")
    entry = progress_entry(PdfReader(tmp_path / "plan.pdf"))
    assert entry is not None and entry[1] == "1.5 Progress since the previous assessment"


def test_a_project_not_carried_forward_has_no_progress_section(plant: Plant, tmp_path: Path) -> None:
    for language in Language:
        write_plan(plant.previous, plant.catalogues, tmp_path / "plan.pdf", language=language)
        reader = PdfReader(tmp_path / "plan.pdf")
        assert progress_entry(reader) is None
        assert not any("Progress since" in page_text(reader, p) or "Évolution depuis" in page_text(reader, p)
                       for p in range(len(reader.pages)))


def test_the_counts_sit_on_the_baseline_of_their_area(plans: dict[Language, PdfReader]) -> None:
    """Counts drawn as plain table strings sat a point or two below their area's label."""
    reader = plans[EN]
    entry = progress_entry(reader)
    assert entry is not None
    by_priority = next(e for e in outline(reader) if e[1] == "1.2 Gaps by priority and requirement area")
    for page, columns in ((by_priority[2], 5), (entry[2], 3)):  # P1-P4 and the total; closed, new, persisting
        for area in ("FR 1 IAC Identification and authentication control", "IEC 62443-2-1 security program",
                     "All gaps"):
            # the table may run onto the next page
            pieces = next(p for p in (text_pieces(reader, page), text_pieces(reader, page + 1))
                          if any(text == area for _y, text in p))
            baseline = next(y for y, text in pieces if text == area)
            beside = [text for y, text in pieces if abs(y - baseline) < 0.3 and text != area]
            assert len(beside) == columns and all(re.fullmatch(r"[\d,]+|-", t) for t in beside), (area, beside)
