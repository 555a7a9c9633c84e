"""Long unbroken user text (a pasted log line, a hash list without spaces) in the PDF plan.

The plan used to cut such a token by measuring ever shorter prefixes, in time and memory
that grew with the square of its length (100 KB: 36 s and 0.8 GB; 1 MB never finished).
These tests check what comes out: every character, in order, on lines that fit the page,
and names shortened visibly. Time and memory were measured with a script (figures in the
commit message); tests never assert them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]

from ot62443_desktop.domain.model import (
    SITE_SCOPE,
    Answer,
    Asset,
    ItemState,
    ProjectData,
    ProjectInfo,
    RemediationItem,
    Status,
    Zone,
)
from ot62443_desktop.exports.pdf import write_plan
from ot62443_desktop.exports.pdf.fonts import BOLD, BOLD_ITALIC, FONT, ITALIC, fonts
from ot62443_desktop.exports.pdf.markup import NAME_LIMIT
from ot62443_desktop.exports.pdf.textlayout import break_runs, run
from ot62443_desktop.exports.pdf.theme import CELL_SIZE

ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
SIZE = 12_000  # several pages of a narrow cell each: splitting across pages is exercised
FREE_TEXT = ("NOTES", "FINDING", "COUNTER", "JUSTIFY", "ACTION", "DESCRIPTION", "ASSETS", "SCOPENOTE")
NAMES = ("CLIENT", "SITE", "OWNER", "ZONENAME", "ASSESSOR")


def token(tag: str, size: int = SIZE, alphabet: str = ALPHABET) -> str:
    """`size` characters without a space or a hyphen, different for every tag."""
    shift = sum(map(ord, tag)) % len(alphabet)
    rotated = alphabet[shift:] + alphabet[:shift]
    return tag + (rotated * (size // len(rotated) + 1))[:size]


NON_ASCII = token("ACCENTS", alphabet="éàüçñøåabcdef")


def long_project() -> ProjectData:
    t = {tag: token(tag) for tag in FREE_TEXT + NAMES}
    info = ProjectInfo(t["CLIENT"], t["SITE"], assessors=(t["ASSESSOR"], "Ana Lima"), start_date=date(2026, 3, 2),
                       scope_note=t["SCOPENOTE"])
    zone = Zone("Z-1", t["ZONENAME"], Zone.uniform(2), description=t["DESCRIPTION"], assets=(Asset(t["ASSETS"]),))
    answers = {
        ("Z-1", "SR 1.1"): Answer("Z-1", "SR 1.1", Status.NOT_IMPLEMENTED, notes=t["NOTES"], finding=t["FINDING"]),
        ("Z-1", "SR 1.2"): Answer("Z-1", "SR 1.2", Status.COMPENSATED, countermeasure=t["COUNTER"]),
        ("Z-1", "SR 1.3"): Answer("Z-1", "SR 1.3", Status.PARTIAL, notes=NON_ASCII),
        (SITE_SCOPE, "ORG 1.1"): Answer(SITE_SCOPE, "ORG 1.1", Status.PARTIAL, ml=1),
    }
    items = {
        ("Z-1", "SR 1.1"): RemediationItem("Z-1", "SR 1.1", action=t["ACTION"], owner=t["OWNER"]),
        ("Z-1", "SR 1.3"): RemediationItem("Z-1", "SR 1.3", state=ItemState.RISK_ACCEPTED,
                                           justification=t["JUSTIFY"]),
    }
    return ProjectData(info, (zone,), answers, items)


# --- PDF -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    from ot62443_desktop.catalogues import builtin_catalogues

    pdf = tmp_path_factory.mktemp("long") / "plan.pdf"
    write_plan(long_project(), builtin_catalogues(), pdf)
    return PdfReader(pdf)


def squeezed(reader: PdfReader) -> str:
    """The plain (not bold) body text of every page, without the running header and footer,
    the table headings repeated on each page, and the line breaks, spaces and hyphens that
    wrapping adds."""
    parts: list[str] = []
    for page in reader.pages:
        top = float(page.mediabox.height) - 20 * mm

        def visit(text: str, cm: list[float], tm: list[float], font: dict[str, Any] | None, size: float,
                  top: float = top) -> None:
            bold = "Bold" in str((font or {}).get("/BaseFont", ""))
            if not bold and 18 * mm < tm[5] * cm[3] + cm[5] < top:
                parts.append(text)

        page.extract_text(visitor_text=visit)
    return "".join("".join(parts).split()).replace("-", "")


def test_every_long_text_is_printed_whole_and_in_order(plan: PdfReader) -> None:
    text = squeezed(plan)
    for tag in FREE_TEXT:
        assert token(tag) in text, tag
    assert NON_ASCII in text
    assert len(plan.pages) > 20  # the texts take pages, not one overfull page


def test_long_names_are_shortened_visibly(plan: PdfReader) -> None:
    text = squeezed(plan)
    for tag in NAMES:
        name = token(tag)
        assert name not in text, tag
        assert name[:NAME_LIMIT - 1] + "\u2026" in text, tag


_FONTS = {"Roman": FONT, "Bold": BOLD, "Oblique": ITALIC, "BoldOblique": BOLD_ITALIC}


def test_no_line_of_long_text_runs_past_the_right_margin(plan: PdfReader) -> None:
    fonts()
    tokens = "\n".join([token(tag) for tag in FREE_TEXT + NAMES] + [NON_ASCII])
    checked = 0
    for number, page in enumerate(plan.pages, 1):
        right = float(page.mediabox.width) - 18 * mm
        chunks: list[tuple[float, float, str, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], font: dict[str, Any] | None, size: float,
                  found: list[tuple[float, float, str, str]] = chunks) -> None:
            base = str((font or {}).get("/BaseFont", ""))
            name = _FONTS.get(base.rsplit("-", 1)[-1]) if "BitstreamVeraSans" in base else None
            if text.strip() and name:
                found.append((tm[4] * cm[0] + cm[4], size * tm[0] * cm[0], name, text.rstrip("\n")))

        page.extract_text(visitor_text=visit)
        for x, size, font, text in chunks:
            if len(text) < 10 or text.removesuffix("-") not in tokens:
                continue  # our own prose and catalogue text: reportlab's paragraphs, not the cut tokens
            end = x + pdfmetrics.stringWidth(text, font, size)
            assert end <= right + 0.5, f"page {number}: {text[:40]!r} ends at {end:.1f} > {right:.1f}"
            checked += 1
    assert checked > 500


def test_a_megabyte_token_is_cut_into_lines_that_fit() -> None:
    """The line breaker itself, at a size the old prefix search never finished."""
    fonts()
    text = token("BIG", 1_000_000)
    lines, widest = break_runs([run(text)], 150.0, CELL_SIZE)
    pieces = ["".join(t for t, *_ in line) for line in lines]
    assert "".join(p.removesuffix("-") for p in pieces) == text
    assert len(pieces) > 1000 and widest <= 150.0
    assert all(pdfmetrics.stringWidth(p, FONT, CELL_SIZE) <= 150.0 for p in pieces)


def test_a_long_token_glued_to_a_bold_label_continues_its_line() -> None:
    """A word of two runs (no space between): the long part starts beside the label and is cut to fit."""
    fonts()
    label, text = "Log:", token("LOG", 400)
    lines, _ = break_runs([run(label, BOLD), run(text)], 120.0, CELL_SIZE)
    assert lines[0][0][0] == label and lines[0][1][0].endswith("-")
    assert "".join(t.removesuffix("-") for line in lines for t, *_ in line) == label + text
    for line in lines:
        assert sum(pdfmetrics.stringWidth(t, font, CELL_SIZE) for t, font, *_ in line) <= 120.0
