"""The PDF remediation plan, read back with pypdf: structure, completeness, escaping, fonts, pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph  # type: ignore[import-untyped]

from ot62443_desktop.api import open_project
from ot62443_desktop.demo import write_demo
from ot62443_desktop.domain.catalogue import CatalogueSet
from ot62443_desktop.domain.model import (
    SITE_SCOPE,
    Answer,
    Asset,
    Criticality,
    Evidence,
    ItemState,
    Priority,
    ProjectData,
    ProjectInfo,
    RemediationItem,
    Status,
    Zone,
)
from ot62443_desktop.domain.priority import DUE_MONTHS, THRESHOLDS, add_months
from ot62443_desktop.domain.scoring import find_gaps
from ot62443_desktop.exports.pdf import fonts as pdf_fonts
from ot62443_desktop.exports.pdf import write_plan
from ot62443_desktop.exports.pdf.content import build_plan, due_window
from ot62443_desktop.exports.pdf.markup import markdown_markup, text_markup
from ot62443_desktop.exports.pdf.theme import styles
from ot62443_desktop.exports.progress import ExportCancelled, ExportError, Hooks

SECTIONS = [
    "Cover", "Document control", "Contents", "1 Executive summary", "2 Roadmap", "3 Zones and conduits",
    "4 Security program (IEC 62443-2-1)", "Appendix A Method", "Appendix B Recommended actions",
    "Appendix C Answers",
]
HOSTILE = ["<b>bold</b> & <font size=40>", "<para>", "&amp;", "</para><br/>", "<a href='#x'>link</a>"]
INFO = ProjectInfo("ACME Water", "North works", assessors=("Ana Lima",), start_date=date(2026, 3, 2),
                   end_date=date(2026, 3, 6), confidentiality="Restricted: ACME only")


# --- reading the PDF back ---------------------------------------------------------------------

def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(level, title, 0-based page) of every bookmark, in order."""
    found: list[tuple[int, str, int]] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return found


def page_texts(reader: PdfReader) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def section_text(reader: PdfReader, texts: list[str], title: str) -> str:
    """Text from the page of a bookmark up to the page of the next bookmark of the same or a higher level."""
    entries = outline(reader)
    index = next(i for i, e in enumerate(entries) if e[1] == title)
    level, _title, first = entries[index]
    last = next((e[2] for e in entries[index + 1:] if e[0] <= level), len(texts) - 1)
    return " ".join(texts[first:last + 1])


def has_id(text: str, requirement_id: str) -> bool:
    """The id as a whole token: SR 1.1 must not be found inside SR 1.11 or SR 1.1 RE 1."""
    tail = r"(?![\d.]|\s*RE\s*\d)" if " RE " not in requirement_id else r"(?!\d)"
    return re.search(re.escape(requirement_id).replace(r"\ ", r"\s*") + tail, text) is not None


def fonts(reader: PdfReader) -> Iterator[Any]:
    """Every font dictionary used by the pages and by their form XObjects."""
    def of(resources: Any) -> Iterator[Any]:
        for font in (resources.get("/Font") or {}).values():
            yield font.get_object()
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if "/Resources" in xobject:
                yield from of(xobject["/Resources"].get_object())

    for page in reader.pages:
        yield from of(page["/Resources"].get_object())


# --- fixtures ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[ProjectData, CatalogueSet, Path]:
    """A 3-zone demo project (with site and zone programs) and its plan, built once."""
    folder = tmp_path_factory.mktemp("demo-plan")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OT62443_DATA_DIR", str(folder / "appdata"))
        write_demo(folder / "demo.ot62443", zones=3, seed=4)
        with open_project(folder / "demo.ot62443", read_only=True) as project:
            data, catalogues = project.store.snapshot(), project.catalogues
    pdf = folder / "plan.pdf"
    write_plan(data, catalogues, pdf)
    return data, catalogues, pdf


@pytest.fixture(scope="module")
def demo_reader(demo: tuple[ProjectData, CatalogueSet, Path]) -> PdfReader:
    return PdfReader(demo[2])


@pytest.fixture(scope="module")
def demo_texts(demo_reader: PdfReader) -> list[str]:
    return page_texts(demo_reader)


def hostile_project(catalogues: CatalogueSet) -> ProjectData:
    """Markup-like and non-English user text in every field the plan prints."""
    hostile = " | ".join(HOSTILE)
    info = replace(INFO, client=f"Müller & Søn {HOSTILE[0]}", site="Łódź <site>",
                   scope_note=f"Scope with {hostile}", confidentiality="Confidential <restricted> & internal")
    zone = Zone("Z-1", f"Zürich-Nord {HOSTILE[0]}", Zone.uniform(2), criticality=Criticality.HIGH,
                description=f"Description {hostile}",
                assets=(Asset("PLC <S7-1500> & HMI", "PLC", "<Siemens>", "V2.9 & up"),))
    answers = {
        ("Z-1", "SR 1.1"): Answer("Z-1", "SR 1.1", Status.NOT_IMPLEMENTED, notes=f"Notes {hostile} é ü ø Ł",
                                  finding=f"Finding {HOSTILE[0]}", answered_by="ana<script>"),
        ("Z-1", "SR 1.2"): Answer("Z-1", "SR 1.2", Status.PARTIAL, finding="Erdős checked the ]]> <![CDATA[ log",
                                  countermeasure=f"Guard {HOSTILE[1]}",
                                  evidence=(Evidence("photos/<cab>.jpg", "ab" * 32, "Cabinet & seal"),)),
        ("Z-1", "SR 2.1"): Answer("Z-1", "SR 2.1", Status.COMPENSATED, countermeasure=f"Locked room {HOSTILE[2]}"),
        (SITE_SCOPE, "ORG 1.1"): Answer(SITE_SCOPE, "ORG 1.1", Status.PARTIAL, ml=1, notes=HOSTILE[3]),
    }
    remediation = {
        ("Z-1", "SR 1.1"): RemediationItem("Z-1", "SR 1.1", action=f"1. Do **this** first\n2. Then <i>that</i> "
                                           f"& {HOSTILE[4]}\n\n- keep `logs`", priority=Priority.P4,
                                           owner=f"Owner {HOSTILE[0]}", due_date=date(2026, 12, 24)),
        ("Z-1", "SR 1.2"): RemediationItem("Z-1", "SR 1.2", state=ItemState.RISK_ACCEPTED,
                                           justification=f"Accepted {HOSTILE[1]} until 2028"),
    }
    return ProjectData(info, (zone,), answers, remediation)


# --- structure and completeness -----------------------------------------------------------------

def test_sections_have_bookmarks_in_order(demo_reader: PdfReader) -> None:
    top = [title for level, title, _page in outline(demo_reader) if level == 0]
    assert top == SECTIONS


def test_every_zone_and_answer_scope_has_a_bookmark(demo: tuple[ProjectData, CatalogueSet, Path],
                                                    demo_reader: PdfReader) -> None:
    data = demo[0]
    entries = outline(demo_reader)
    zones = [title for level, title, _p in entries if level == 1 and title.startswith("3.")]
    assert zones == [f"3.{n} {z.id} {z.name}" for n, z in enumerate(data.zones, start=1)]
    scopes = [title for level, title, _p in entries if level == 1 and title.startswith("C.")]
    assert [t.split()[1] for t in scopes[:-1]] == [z.id for z in data.zones]
    assert scopes[-1].startswith(f"C.{len(scopes)} Site: {data.info.site}")
    pages = [page for _level, _title, page in entries]
    assert pages == sorted(pages)  # bookmarks follow the document


def test_every_gap_is_printed_in_its_scope_section(demo: tuple[ProjectData, CatalogueSet, Path],
                                                   demo_reader: PdfReader, demo_texts: list[str]) -> None:
    data, catalogues, _pdf = demo
    gaps = find_gaps(data, catalogues)
    assert len(gaps) > 30
    for n, zone in enumerate(data.zones, start=1):
        text = section_text(demo_reader, demo_texts, f"3.{n} {zone.id} {zone.name}")
        for gap in (g for g in gaps if g.scope_id == zone.id):
            assert has_id(text, gap.requirement.id), f"{zone.id}: {gap.requirement.id} missing"
    site = section_text(demo_reader, demo_texts, "4 Security program (IEC 62443-2-1)")
    for gap in (g for g in gaps if g.scope_id == SITE_SCOPE):
        assert has_id(site, gap.requirement.id)


def test_every_answer_is_in_the_appendix(demo: tuple[ProjectData, CatalogueSet, Path],
                                         demo_reader: PdfReader, demo_texts: list[str]) -> None:
    data = demo[0]
    titles = [t for level, t, _p in outline(demo_reader) if t.startswith("C.")]
    for title in titles:
        scope_id = SITE_SCOPE if title.split()[1] == "Site:" else title.split()[1]
        text = section_text(demo_reader, demo_texts, title)
        expected = [a for (s, _r), a in data.answers.items() if s == scope_id]
        assert f"({len(expected)} answers)" in title
        for answer in expected:
            assert has_id(text, answer.requirement_id)
            if answer.notes:
                assert " ".join(answer.notes.split())[:40] in text


def test_contents_list_the_pages_of_the_bookmarks(demo_reader: PdfReader, demo_texts: list[str]) -> None:
    contents = next(page for level, title, page in outline(demo_reader) if title == "Contents")
    text = demo_texts[contents]
    assert "Contents" in text and "3.1" in text and "Appendix C Answers" in text
    numbers = set(re.findall(r"\b\d+\b", text))
    for _level, title, page in outline(demo_reader):
        if title.startswith(("1 ", "2 ", "3 ", "4 ", "Appendix")):
            assert str(page + 1) in numbers, title


def test_footer_counts_pages_and_label_is_on_every_page(demo: tuple[ProjectData, CatalogueSet, Path],
                                                        demo_texts: list[str]) -> None:
    label = demo[0].info.confidentiality
    total = len(demo_texts)
    for number, text in enumerate(demo_texts, start=1):
        assert label in text, f"page {number} has no confidentiality label"
        if number > 1:
            assert f"Page {number} of {total}" in text


def test_page_count_is_sane(demo: tuple[ProjectData, CatalogueSet, Path], demo_reader: PdfReader) -> None:
    data, catalogues, _pdf = demo
    content = build_plan(data, catalogues)
    rows = len(data.answers) + sum(1 for _ in content.gap_rows)
    pages = len(demo_reader.pages)
    assert 8 + len(data.zones) <= pages <= 12 + len(data.zones) + len(content.actions) // 2 + rows // 12


def test_fonts_are_embedded_truetype(demo_reader: PdfReader) -> None:
    seen = set()
    for font in fonts(demo_reader):
        seen.add(str(font["/BaseFont"]))
        assert font["/Subtype"] == "/TrueType", font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
    assert any("BitstreamVeraSans-Roman" in name for name in seen)
    assert any("BitstreamVeraSans-Bold" in name for name in seen)


def test_document_information(demo: tuple[ProjectData, CatalogueSet, Path], demo_reader: PdfReader) -> None:
    meta = demo_reader.metadata
    assert meta is not None and demo[0].info.client in (meta.title or "")
    assert (meta.creator or "").startswith("OT 62443 Workbook")


def test_method_appendix_states_the_rules_in_force(demo_reader: PdfReader, demo_texts: list[str]) -> None:
    text = section_text(demo_reader, demo_texts, "Appendix A Method")
    assert "highest level L from 0 to 4" in text
    lower = 10
    for threshold, priority in THRESHOLDS:
        band = f"{threshold} to {lower}"
        assert re.search(rf"{priority.value} {band} {DUE_MONTHS[priority]} months", text), band
        lower = threshold - 1


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")
def test_qpdf_finds_no_error(demo: tuple[ProjectData, CatalogueSet, Path]) -> None:
    result = subprocess.run(["qpdf", "--check", str(demo[2])], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


# --- hostile and foreign text ----------------------------------------------------------------------

def test_markup_like_user_text_prints_literally(catalogues: CatalogueSet, tmp_path: Path) -> None:
    pdf = tmp_path / "plan.pdf"
    write_plan(hostile_project(catalogues), catalogues, pdf)
    text = " ".join(page_texts(PdfReader(pdf)))
    for fragment in HOSTILE:
        assert fragment in text, fragment
    for fragment in ("Müller & Søn", "Łódź <site>", "Confidential <restricted> & internal", "PLC <S7-1500> & HMI",
                     "ana<script>", "]]> <![CDATA[", "photos/<cab>.jpg", "Then <i>that</i>", "é ü ø Ł"):
        assert fragment in text, fragment
    assert "**this**" not in text and "Do this first" in text  # catalogue-style Markdown in actions is rendered


def test_letters_outside_vera_are_printed_or_folded(catalogues: CatalogueSet, tmp_path: Path) -> None:
    pdf = tmp_path / "plan.pdf"
    write_plan(hostile_project(catalogues), catalogues, pdf)
    text = " ".join(page_texts(PdfReader(pdf)))
    expected = "Erdős" if pdf_fonts.fonts().fallback else "Erdos"  # DejaVu or Arial when the system has one
    assert expected in text


def test_folding_without_a_fallback_font() -> None:
    glyphs = pdf_fonts.Glyphs(pdf_fonts.fonts().vera, frozenset())
    assert pdf_fonts.fold("ő", glyphs) == "o" and pdf_fonts.fold("ą", glyphs) == "a"
    assert pdf_fonts.fold("\u4e2d", glyphs) == "?"


def test_huge_notes_and_unbroken_words_paginate(catalogues: CatalogueSet, tmp_path: Path) -> None:
    data = hostile_project(catalogues)
    long_text = " ".join(f"word{n}" for n in range(9000))  # several pages inside one table row
    answers = dict(data.answers)
    answers[("Z-1", "SR 1.1")] = replace(answers[("Z-1", "SR 1.1")], notes=long_text, finding="x" * 600)
    answers[("Z-1", "SR 1.2")] = replace(answers[("Z-1", "SR 1.2")], finding=long_text.replace("word", "finding"))
    zone = replace(data.zones[0], description=long_text.replace("word", "about"))
    pdf = tmp_path / "plan.pdf"
    write_plan(replace(data, zones=(zone,), answers=answers), catalogues, pdf)
    text = " ".join(page_texts(PdfReader(pdf)))
    for prefix in ("word", "finding", "about"):  # answer grid, gap grid and the zone facts table
        assert f"{prefix}0 " in text and f"{prefix}8999" in text
    assert "xxxxxxxx-" in text  # an over-long word is cut with a hyphen, not clipped


def test_text_markup_escapes_and_keeps_lines() -> None:
    assert text_markup("a < b & c > d\nnext") == "a &lt; b &amp; c &gt; d<br/>next"
    assert text_markup("bell\x07 and tab\there") == "bell and tab    here"


def test_markdown_converter_emits_only_its_own_tags() -> None:
    blocks = markdown_markup("Intro **bold** and *it* and `code` <b>raw</b>\n\n- one\n- two & more\n3. three")
    assert [b.bullet for b in blocks] == [None, "\u2022", "\u2022", "3."]
    assert blocks[0].markup.startswith("Intro <b>bold</b> and <i>it</i> and <font")
    assert "&lt;b&gt;raw&lt;/b&gt;" in blocks[0].markup
    assert blocks[2].markup == "two &amp; more"
    crossing = markdown_markup("**a *b** c*")[0].markup  # markers that cross never make crossing tags
    style = styles().body
    for block in (*blocks, *markdown_markup("**a *b** c*")):
        Paragraph(block.markup, style)  # the parser accepts every block
    assert crossing.count("<b>") == crossing.count("</b>")


# --- page sizes, cancel, errors ------------------------------------------------------------------

@pytest.mark.parametrize(("size", "box"), [("A4", (595.28, 841.89)), ("Letter", (612.0, 792.0))])
def test_page_size(catalogues: CatalogueSet, tmp_path: Path, size: str, box: tuple[float, float]) -> None:
    pdf = tmp_path / f"{size}.pdf"
    write_plan(hostile_project(catalogues), catalogues, pdf, page_size=size)
    reader = PdfReader(pdf)
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(box, abs=0.01)


def test_unknown_page_size_is_refused(catalogues: CatalogueSet, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="A5"):
        write_plan(hostile_project(catalogues), catalogues, tmp_path / "plan.pdf", page_size="A5")


def test_missing_folder_is_a_clear_error(catalogues: CatalogueSet, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no such folder"):
        write_plan(hostile_project(catalogues), catalogues, tmp_path / "no" / "plan.pdf")


def test_progress_rises_to_the_end(catalogues: CatalogueSet, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    write_plan(hostile_project(catalogues), catalogues, tmp_path / "plan.pdf", hooks=Hooks(progress=lambda d, t:
                                                                                           seen.append((d, t))))
    assert seen[-1] == (1000, 1000) and all(t == 1000 for _d, t in seen)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen) and len(seen) > 5


@pytest.mark.parametrize("after", [1, 4, 30])
def test_cancel_leaves_no_file_and_keeps_an_older_plan(catalogues: CatalogueSet, tmp_path: Path,
                                                        after: int) -> None:
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > after

    pdf = tmp_path / "plan.pdf"
    with pytest.raises(ExportCancelled):
        write_plan(hostile_project(catalogues), catalogues, pdf, hooks=Hooks(cancelled=cancelled))
    assert list(tmp_path.iterdir()) == []
    pdf.write_bytes(b"older plan")
    calls = 0
    with pytest.raises(ExportCancelled):
        write_plan(hostile_project(catalogues), catalogues, pdf, hooks=Hooks(cancelled=cancelled))
    assert list(tmp_path.iterdir()) == [pdf] and pdf.read_bytes() == b"older plan"


def test_plan_gets_the_permissions_of_any_new_file(catalogues: CatalogueSet, tmp_path: Path) -> None:
    reference = tmp_path / "reference.txt"
    reference.write_text("x")
    pdf = tmp_path / "plan.pdf"
    write_plan(hostile_project(catalogues), catalogues, pdf)
    assert pdf.stat().st_mode == reference.stat().st_mode  # not a private temp-file mode


def test_empty_project_still_makes_a_complete_document(catalogues: CatalogueSet, tmp_path: Path) -> None:
    pdf = tmp_path / "plan.pdf"
    write_plan(ProjectData(INFO), catalogues, pdf)
    reader = PdfReader(pdf)
    assert [t for level, t, _p in outline(reader) if level == 0] == SECTIONS
    assert "No zones or conduits are defined" in " ".join(page_texts(reader))


# --- which rows --------------------------------------------------------------------------------------

def test_roadmap_merges_one_action_across_scopes(catalogues: CatalogueSet) -> None:
    assert INFO.end_date is not None
    zones = (Zone("A", "Zone A", Zone.uniform(1)), Zone("B", "Zone B", Zone.uniform(1)))
    answers = {(z.id, "SR 1.1"): Answer(z.id, "SR 1.1", Status.NOT_IMPLEMENTED) for z in zones}
    answers[("B", "SR 1.3")] = Answer("B", "SR 1.3", Status.PARTIAL)
    remediation = {("B", "SR 1.1"): RemediationItem("B", "SR 1.1", state=ItemState.IN_PROGRESS)}
    content = build_plan(ProjectData(INFO, zones, answers, remediation), catalogues, today=date(2026, 4, 1))
    rows = [row for bucket in content.roadmap.buckets for window in bucket.windows for row in window.rows]
    merged = next(row for row in rows if row.requirement_id == "SR 1.1")
    assert [(s.scope_id, s.in_progress) for s in merged.scopes] == [("A", False), ("B", True)]
    assert merged.due == add_months(INFO.end_date, DUE_MONTHS[content.zones[0].gaps[0].priority])
    assert [a.requirement_id for a in content.actions] == ["SR 1.1", "SR 1.3"]


def test_due_windows_count_from_the_assessment() -> None:
    start = INFO.end_date
    assert start is not None
    assert [due_window(d, start) for d in (date(2026, 6, 6), date(2026, 6, 7), date(2027, 3, 6),
                                            date(2028, 3, 6), date(2028, 3, 7))] == [0, 1, 2, 3, 4]
