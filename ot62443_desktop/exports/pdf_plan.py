"""How the PDF remediation plan is laid out (reportlab); the rows come from plan_content.

Four choices keep a 100-zone plan (about 1,300 pages) within 1.5x of reportlab setting
the same text as plain paragraphs (tests/benchmarks/bench_pdf.py):

* one layout pass: the contents pages and "page x of y" use PDF form objects whose page
  numbers are drawn when the document is saved, instead of a second multiBuild pass;
* table cells are `_Text` blocks: runs of plain text wrapped on memoised word widths and
  drawn as one text object, never parsed as markup (so user text also cannot inject any);
* the gap and answer tables, nine cells in ten, are `_Grid`s: they paginate with a repeated
  header like a LongTable, without a style object per cell; smaller tables are LongTables;
* the Vera fonts memoise widths and subset encodings, since a plan repeats the same words
  thousands of times.

Paragraph markup is used only for prose we write, with user text escaped into it, and for
catalogue Markdown through a small converter that only ever emits tags of our own.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, BinaryIO
from weakref import WeakKeyDictionary
from xml.sax.saxutils import escape

import reportlab  # type: ignore[import-untyped]
from reportlab import rl_config
from reportlab.graphics.charts.barcharts import VerticalBarChart  # type: ignore[import-untyped]
from reportlab.graphics.charts.legends import Legend  # type: ignore[import-untyped]
from reportlab.graphics.shapes import Drawing  # type: ignore[import-untyped]
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.enums import TA_CENTER  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4, LETTER  # type: ignore[import-untyped]
from reportlab.lib.rl_accel import escapePDF  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFError, TTFont  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    FrameBreak,
    LongTable,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.doctemplate import LayoutError  # type: ignore[import-untyped]

from ot62443_desktop.domain.catalogue import CatalogueSet
from ot62443_desktop.domain.model import SITE_SCOPE, ItemState, Priority, ProjectData
from ot62443_desktop.exports.output import check_target, replacing
from ot62443_desktop.exports.plan_content import (
    STATE_LABELS,
    ActionText,
    AnswerRow,
    AnswerScope,
    ExecutiveSummary,
    GapRow,
    MethodSection,
    PlanContent,
    ProgramSection,
    Roadmap,
    ZoneSection,
    build_plan,
)
from ot62443_desktop.exports.progress import ExportError, Hooks

__all__ = ["PAGE_SIZES", "markdown_markup", "text_markup", "write_plan"]

PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "Letter": LETTER}

# --- fonts -------------------------------------------------------------------------------

FONT, BOLD, ITALIC, BOLD_ITALIC = "Vera", "Vera-Bold", "Vera-Italic", "Vera-BoldItalic"
FALLBACK = "OT62443-Fallback"
_VERA_FILES = {FONT: "Vera.ttf", BOLD: "VeraBd.ttf", ITALIC: "VeraIt.ttf", BOLD_ITALIC: "VeraBI.ttf"}
_WINDOWS_FONTS = os.path.join(os.environ.get("WINDIR", r"C:\Windows"), "Fonts")
#: Fonts tried, in order, for letters Vera lacks (ő, ą, ț, ...). DejaVu Sans is Vera extended.
FALLBACK_FONT_FILES: tuple[str, ...] = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
    "/usr/local/share/fonts/DejaVuSans.ttf",
    "/Library/Fonts/DejaVuSans.ttf",
    "/System/Library/Fonts/Supplemental/Arial.ttf",
    "/Library/Fonts/Arial.ttf",
    os.path.join(_WINDOWS_FONTS, "DejaVuSans.ttf"),
    os.path.join(_WINDOWS_FONTS, "arial.ttf"),
)


class _MemoFont(TTFont):  # type: ignore[misc]
    """A TrueType font that remembers word widths and subset encodings.

    Line breaking measures every word and every line is encoded into the font subset; a
    plan does both for the same few thousand words over and over.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self._widths: dict[tuple[str, float], float] = {}
        self._encoded: WeakKeyDictionary[Any, dict[str, Any]] = WeakKeyDictionary()

    def stringWidth(self, text: str, size: float, encoding: str = "utf8") -> float:
        key = (text, size)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) > 100_000:  # bounded: the GUI process runs many exports
                self._widths.clear()
            width = self._widths[key] = super().stringWidth(text, size, encoding)
        return width

    def splitString(self, text: str, doc: Any, encoding: str = "utf-8") -> Any:
        encoded = self._encoded.get(doc)
        if encoded is None:
            encoded = self._encoded[doc] = {}
        result = encoded.get(text)
        if result is None:  # a character keeps its subset code for the life of a document
            result = encoded[text] = super().splitString(text, doc, encoding)
        return result


@dataclass(frozen=True)
class _Glyphs:
    """Which characters the embedded fonts can print: Vera's, plus a fallback's when one exists."""

    vera: frozenset[int]
    fallback: frozenset[int]


@cache
def _fonts() -> _Glyphs:
    """Register the Vera family (shipped with reportlab) once; find a fallback for other Latin letters."""
    folder = Path(reportlab.__file__).parent / "fonts"
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in _VERA_FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(_MemoFont(name, str(folder / filename)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    vera = frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)
    extra: frozenset[int] = frozenset()
    for candidate in FALLBACK_FONT_FILES:
        if not os.path.isfile(candidate):
            continue
        try:
            font = _MemoFont(FALLBACK, candidate)
        except (TTFError, OSError, ValueError):
            continue  # unreadable, or the font forbids embedding
        pdfmetrics.registerFont(font)
        pdfmetrics.registerFontFamily(FALLBACK, normal=FALLBACK, bold=FALLBACK, italic=FALLBACK,
                                      boldItalic=FALLBACK)
        extra = frozenset(font.face.charToGlyph) - vera
        break
    return _Glyphs(vera, extra)


# --- text: user text escaped, catalogue Markdown converted ---------------------------------

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def _clean(text: str) -> str:
    """Drop what no PDF text can hold (control characters, lone surrogates); normalise line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    if text.isascii():
        return _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", _CONTROL.sub("", text))


def _fold(char: str, glyphs: _Glyphs) -> str:
    """A letter no font can print, as its base letter (ő -> o) or '?' as a last resort."""
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if ord(c) in glyphs.vera)
    return base or "?"


def _glyph_markup(markup: str) -> str:
    """Route letters Vera lacks to the fallback font (or fold them); only our own tags are added."""
    if markup.isascii():
        return markup
    glyphs = _fonts()

    def run(match: re.Match[str]) -> str:
        out: list[str] = []
        for char in match.group():
            code = ord(char)
            if code in glyphs.vera:
                out.append(char)
            elif code in glyphs.fallback:
                out.append(f'<font name="{FALLBACK}">{char}</font>')
            else:
                out.append(_fold(char, glyphs))
        return "".join(out)

    return _NON_ASCII_RUN.sub(run, markup)


def text_markup(text: str) -> str:
    """User text as reportlab markup that prints literally, line breaks kept."""
    return _glyph_markup(escape(_clean(text))).replace("\n", "<br/>")


_CODE = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*([^*<>]+?)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)([^*<>]+?)(?<!\s)\*(?![*\w])")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBER = re.compile(r"^\s*(\d{1,3})[.)]\s+(.*)$")
_HEADING = re.compile(r"^\s*#{1,6}\s+(.*)$")


def _inline(text: str) -> str:
    """Escaped text with **bold**, *italic* and `code` turned into tags that cannot cross each other."""
    markup = escape(text)
    markup = _CODE.sub(lambda m: f'<font color="#7A2E0E">{m.group(1)}</font>', markup)
    markup = _BOLD.sub(r"<b>\1</b>", markup)
    markup = _ITALIC.sub(r"<i>\1</i>", markup)
    return _glyph_markup(markup)


@dataclass(frozen=True)
class MarkdownBlock:
    markup: str
    bullet: str | None = None  # "•" or "3." for list items; "" continues a long item without a marker
    heading: bool = False


#: Paragraph text is set in pieces of at most this many characters. reportlab re-breaks the
#: whole rest of a paragraph at every page it splits, so one paragraph of a megabyte would
#: cost time in the square of its length; pieces keep it in proportion.
PARAGRAPH_CHUNK = 3000


def _chunks(text: str, limit: int = PARAGRAPH_CHUNK) -> list[str]:
    """`text` in consecutive pieces of at most `limit` characters, cut at a space where one is near."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        space = text.rfind(" ", start + limit // 2, end)
        if space > start:
            end = space
        pieces.append(text[start:end])
        start = end + 1 if space > start else end
    pieces.append(text[start:])
    return pieces


@lru_cache(maxsize=4096)
def markdown_markup(text: str) -> tuple[MarkdownBlock, ...]:
    """Catalogue Markdown (paragraphs, - and 1. lists, #, **, *, `) as blocks of safe markup."""
    blocks: list[MarkdownBlock] = []
    lines: list[str] = []
    bullet: str | None = None
    heading = False

    def flush() -> None:
        nonlocal lines, bullet, heading
        if lines:
            for n, piece in enumerate(_chunks(" ".join(lines))):
                blocks.append(MarkdownBlock(_inline(piece), bullet if n == 0 or bullet is None else "", heading))
        lines, bullet, heading = [], None, False

    for line in _clean(text).split("\n"):
        if not line.strip():
            flush()
            continue
        if match := _HEADING.match(line):
            flush()
            lines, heading = [match.group(1).strip()], True
            flush()
        elif match := _BULLET.match(line):
            flush()
            lines, bullet = [match.group(1).strip()], "\u2022"
        elif match := _NUMBER.match(line):
            flush()
            lines, bullet = [match.group(2).strip()], f"{match.group(1)}."
        else:
            lines.append(line.strip())
    flush()
    return tuple(blocks)


# --- look ----------------------------------------------------------------------------------

NAVY = colors.HexColor("#1F3A5F")
ACCENT = colors.HexColor("#2E6DA4")
INK = colors.HexColor("#1D2630")
MUTED = colors.HexColor("#5B6770")
RULE = colors.HexColor("#C9D3DE")
ZEBRA = colors.HexColor("#F4F6F9")
BAND = colors.HexColor("#E8EEF5")
LABEL_RED = colors.HexColor("#A3241F")
SL_MET = colors.HexColor("#D6EDD9")
SL_SHORT = colors.HexColor("#F6CDC8")
SL_FAR = colors.HexColor("#E38B82")
SL_NONE = colors.HexColor("#EDEFF1")
BAR_TARGET = colors.HexColor("#9DB3CC")
BAR_MET = colors.HexColor("#3C8D4F")
BAR_SHORT = colors.HexColor("#C0453D")
#: Priority label colours: (background, text) as "#rrggbb".
PRIORITY_HEX = {
    Priority.P1: ("#B8312F", "#FFFFFF"),
    Priority.P2: ("#E07B24", "#FFFFFF"),
    Priority.P3: ("#F2C94C", "#1D2630"),
    Priority.P4: ("#8C98A4", "#FFFFFF"),
}
PRIORITY_COLOURS = {p: (colors.HexColor(bg), colors.HexColor(fg)) for p, (bg, fg) in PRIORITY_HEX.items()}
PRIORITY_MEANING = {
    Priority.P1: "Urgent: basic protections missing where the consequences are highest.",
    Priority.P2: "High: close within the next budget cycle.",
    Priority.P3: "Medium: plan into normal maintenance and upgrade work.",
    Priority.P4: "Low: improve when systems are next changed.",
}
CELL_SIZE, CELL_LEADING = 7.5, 9.4


def _hex(colour: Any) -> str:
    return f"#{colour.hexval()[2:]}"


@dataclass
class _Styles:
    """Paragraph styles, built once: every paragraph of the plan uses one of these."""

    body: Any = None
    small: Any = None
    muted: Any = None
    bullet: Any = None
    h1: Any = None
    h2: Any = None
    h3: Any = None
    cell: Any = None
    cell_bullet: Any = None
    kpi: Any = None
    kpi_alert: Any = None
    kpi_caption: Any = None
    cover_client: Any = None
    cover_site: Any = None
    cover_label: Any = None
    cover_caption: Any = None

    @classmethod
    @cache
    def get(cls) -> _Styles:
        _fonts()
        base = ParagraphStyle("base", fontName=FONT, fontSize=9, leading=12.6, textColor=INK,
                              bulletFontName=FONT, bulletFontSize=9, spaceAfter=4)
        s = cls()
        s.body = base
        s.small = ParagraphStyle("small", base, fontSize=8, leading=10.5)
        s.muted = ParagraphStyle("muted", s.small, textColor=MUTED)
        s.bullet = ParagraphStyle("bullet", base, leftIndent=14, bulletIndent=3, bulletFontSize=9, spaceAfter=2)
        s.h1 = ParagraphStyle("h1", base, fontName=BOLD, fontSize=17, leading=21, textColor=NAVY, spaceAfter=10)
        s.h2 = ParagraphStyle("h2", base, fontName=BOLD, fontSize=12.5, leading=16, textColor=NAVY,
                              spaceBefore=10, spaceAfter=6)
        s.h3 = ParagraphStyle("h3", base, fontName=BOLD, fontSize=10, leading=13, textColor=INK,
                              spaceBefore=8, spaceAfter=4)
        s.cell = ParagraphStyle("cell", base, fontSize=CELL_SIZE, leading=CELL_LEADING, spaceAfter=0)
        s.cell_bullet = ParagraphStyle("cell_bullet", s.cell, leftIndent=10, bulletIndent=1, bulletFontSize=CELL_SIZE,
                                       spaceAfter=1)
        s.kpi = ParagraphStyle("kpi", base, fontName=BOLD, fontSize=20, leading=24, alignment=TA_CENTER,
                               textColor=NAVY, spaceAfter=0)
        s.kpi_alert = ParagraphStyle("kpi_alert", s.kpi, textColor=LABEL_RED)
        s.kpi_caption = ParagraphStyle("kpi_caption", s.cell, alignment=TA_CENTER, textColor=MUTED)
        s.cover_client = ParagraphStyle("cover_client", base, fontName=BOLD, fontSize=20, leading=25,
                                        textColor=NAVY, spaceAfter=4)
        s.cover_site = ParagraphStyle("cover_site", base, fontSize=13, leading=17, textColor=MUTED, spaceAfter=18)
        s.cover_label = ParagraphStyle("cover_label", base, fontName=BOLD, fontSize=10, leading=13,
                                       textColor=LABEL_RED, alignment=TA_CENTER, spaceAfter=0)
        s.cover_caption = ParagraphStyle("cover_caption", s.cell, fontName=BOLD, alignment=TA_CENTER,
                                         textColor=MUTED)
        return s


def _para(markup: str, style: Any, bullet: str | None = None) -> Any:
    """A paragraph from markup we built; if the parser still refuses it, the text prints plainly."""
    try:
        return Paragraph(markup, style, bulletText=bullet)
    except ValueError:
        plain = re.sub(r"<[^>]*>", "", markup)
        return Paragraph(text_markup(plain), style, bulletText=bullet)


def _markdown_flowables(text: str, style: Any, bullet_style: Any) -> list[Any]:
    flowables: list[Any] = []
    in_list = False
    for b in markdown_markup(text):
        if in_list and b.bullet is None:
            flowables.append(Spacer(1, 3))  # a list ends: give the next paragraph some air
        in_list = b.bullet is not None
        flowables.append(_para(f"<b>{b.markup}</b>" if b.heading else b.markup,
                               style if b.bullet is None else bullet_style, b.bullet or None))
    return flowables


def _keep(requirement_id: str) -> str:
    """A requirement id that a cell never breaks across lines (SR 1.1 RE 1)."""
    return requirement_id.replace(" ", NBSP)


def _nbsp(requirement_id: str) -> str:
    """A requirement id as markup that never breaks across lines (SR 1.1 RE 1)."""
    return text_markup(requirement_id).replace(" ", "&nbsp;")


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


#: A name (client, site, zone, owner, assessor, classification) is printed up to this many
#: characters: it sits in narrow cells, headers and running text, where a page-long name
#: could not be laid out.
NAME_LIMIT = 200
NAMES_LISTED = 30


def _name(text: str) -> str:
    return _shorten(text, NAME_LIMIT)


def _names(names: Sequence[str], separator: str) -> str:
    """A list of names for a cell or a sentence; past NAMES_LISTED the rest are counted."""
    shown = [_name(n) for n in names[:NAMES_LISTED]]
    if len(names) > NAMES_LISTED:
        shown.append(f"and {len(names) - NAMES_LISTED:,} more")
    return separator.join(shown)


# --- table cell text: runs wrapped by us, drawn as one text object --------------------------

#: A run of cell text: (text, font, colour as "#rrggbb" or None for the cell's, link destination or None).
Run = tuple[str, str, str | None, str | None]
Lines = tuple[tuple[Run, ...], ...]
_WORD = re.compile(r"([ \t]*)([^ \t]+)")  # a no-break space (U+00A0) stays inside its word
NBSP = "\u00a0"
INK_HEX, MUTED_HEX, ACCENT_HEX = "#1D2630", "#5B6770", "#2E6DA4"


def run(text: str, font: str = FONT, colour: str | None = None, link: str | None = None) -> Run:
    return (text, font, colour, link)


def _glyph_runs(runs: Iterable[Run]) -> list[Run]:
    """Runs with letters Vera lacks moved to the fallback font (or folded)."""
    out: list[Run] = []
    glyphs: _Glyphs | None = None
    for text, font, colour, link in runs:
        text = _clean(text)
        if text.isascii():
            out.append((text, font, colour, link))
            continue
        glyphs = glyphs or _fonts()
        piece: list[str] = []  # joined once per font change: adding to a string is quadratic
        piece_font = font
        for char in text:
            code = ord(char)
            char_font = font
            if code not in glyphs.vera and not char.isspace():
                if code in glyphs.fallback:
                    char_font = FALLBACK
                else:
                    char = _fold(char, glyphs)
            if char_font != piece_font and piece:
                out.append(("".join(piece), piece_font, colour, link))
                piece = []
            piece.append(char)
            piece_font = char_font
        if piece:
            out.append(("".join(piece), piece_font, colour, link))
    return out


def _cut(word: str, font: str, total: float, first: float, room: float,
         measure: Callable[[str, str], float]) -> tuple[list[tuple[str, float]], str, float]:
    """An over-long word as hyphenated heads that fit (the first in `first`, the others in `room`)
    and the rest that fits `room` whole: (heads with their widths, rest, its width).

    One pass over the characters, each measured once (widths add up in these fonts: no
    kerning), so a token of a megabyte costs what a megabyte of words costs.
    """
    hyphen = measure("-", font)
    heads: list[tuple[str, float]] = []
    start, left, limit, end = 0, total, first, len(word)
    while left > limit and end - start > 1:
        i, used = start + 1, measure(word[start], font)  # at least one character per line
        while i < end - 1:
            w = measure(word[i], font)
            if used + w + hyphen > limit:
                break
            used += w
            i += 1
        heads.append((word[start:i] + "-", used + hyphen))
        start, left, limit = i, left - used, room
    return heads, word[start:], max(0.0, left)


def _words(runs: Sequence[Run]) -> list[tuple[bool, list[Run]] | None]:
    """Runs as words: (space before, pieces glued together); None marks an explicit line break.

    A word may span runs (a link followed by a full stop); it wraps as one.
    """
    words: list[tuple[bool, list[Run]] | None] = []
    pending_space = False
    for text, font, colour, link in runs:
        for n, part in enumerate(text.split("\n")):
            if n:
                words.append(None)
                pending_space = False
            for match in _WORD.finditer(part):
                space = pending_space or bool(match.group(1))
                piece = (match.group(2), font, colour, link)
                previous = words[-1] if words else None
                if not space and previous is not None:
                    previous[1].append(piece)
                else:
                    words.append((space, [piece]))
                pending_space = False
            if part:
                pending_space = part[-1].isspace()
    return words


_WIDTHS: dict[float, dict[tuple[str, str], float]] = {}


def _width_table(size: float) -> dict[tuple[str, str], float]:
    """Word widths at one size, by (text, font): line breaking looks each word up many times."""
    table = _WIDTHS.get(size)
    if table is None or len(table) > 100_000:
        table = _WIDTHS[size] = {}
    return table


def _break_runs(runs: Sequence[Run], width: float, size: float) -> tuple[Lines, float]:
    """Greedy word wrap of runs into lines of at most `width`; explicit newlines kept."""
    string_width = pdfmetrics.stringWidth
    widths = _width_table(size)

    def measure(text: str, font: str) -> float:
        found = widths.get((text, font))
        if found is None:
            found = widths[(text, font)] = string_width(text, font, size)
        return found

    if all("\n" not in text for text, *_ in runs):
        total = sum(measure(text, font) for text, font, _c, _l in runs)
        if total <= width:  # most cells: one line, no word loop
            return (tuple(runs),), total
    lines: list[list[Run]] = [[]]
    used = widest = 0.0

    def add(text: str, font: str, colour: str | None, link: str | None, w: float) -> None:
        nonlocal used
        line = lines[-1]
        if line and line[-1][1:] == (font, colour, link):
            line[-1] = (line[-1][0] + text, font, colour, link)
        else:
            line.append((text, font, colour, link))
        used += w

    def newline() -> None:
        nonlocal used, widest
        widest = max(widest, used)
        lines.append([])
        used = 0.0

    for word in _words(runs):
        if word is None:
            newline()
            continue
        space_before, pieces = word
        first_font = pieces[0][1]
        space = measure(" ", first_font) if space_before and lines[-1] else 0.0
        w = measure(pieces[0][0], first_font) if len(pieces) == 1 else sum(
            measure(text, font) for text, font, _c, _l in pieces)
        if used + space + w > width and lines[-1]:
            newline()
            space = 0.0
        if space:
            add(" ", first_font, pieces[0][2], pieces[0][3], space)
        for text, font, colour, link in pieces:
            piece_width = w if len(pieces) == 1 else measure(text, font)
            if used + piece_width > width and len(text) > 1:  # longer than the room left
                if used and lines[-1] and (piece_width <= width or width - used < measure(text[0], font)
                                           + measure("-", font)):
                    newline()
                if used + piece_width > width:  # longer than the column: cut it
                    heads, text, piece_width = _cut(text, font, piece_width, width - used, width, measure)
                    for head, head_width in heads:
                        add(head, font, colour, link, head_width)
                        newline()
            add(text, font, colour, link, piece_width)
    widest = max(widest, used)
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return tuple(tuple(line) for line in lines), widest


def _num(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") or "0"


@cache
def _rgb(colour: str) -> str:
    c = colors.HexColor(colour)
    return f"{_num(c.red)} {_num(c.green)} {_num(c.blue)} rg"


class _TextCache:
    """Per-document memo of cell layouts and of their PDF text operators.

    A plan repeats the same cells (titles, statuses, owners, dates) thousands of times; each
    distinct cell is wrapped and encoded once. Operators depend on the document's font
    subsets, so the memo lives and dies with one export.
    """

    def __init__(self) -> None:
        self.layouts: dict[tuple[tuple[Run, ...], float, float], tuple[Lines, float]] = {}
        self.operators: dict[tuple[Lines, float, float, str], str] = {}

    def layout(self, runs: tuple[Run, ...], width: float, size: float) -> tuple[Lines, float]:
        key = (runs, width, size)
        found = self.layouts.get(key)
        if found is None:
            found = self.layouts[key] = _break_runs(_glyph_runs(runs), width, size)
        return found

    def text_operators(self, doc: Any, lines: Lines, size: float, leading: float, colour: str) -> str:
        """The body of a BT ... ET text object for the lines: fonts, colours, strings, line feeds."""
        key = (lines, size, leading, colour)
        found = self.operators.get(key)
        if found is not None:
            return found
        ops: list[str] = [f"{_num(leading)} TL"]
        current_font: tuple[str, int] | None = None
        current_colour = None
        for line in lines:
            for text, font, piece_colour, _link in line:
                wanted = piece_colour or colour
                if wanted != current_colour:
                    ops.append(_rgb(wanted))
                    current_colour = wanted
                face = pdfmetrics.getFont(font)
                for subset, chunk in face.splitString(text, doc):
                    if (font, subset) != current_font:
                        ops.append(f"{face.getSubsetInternalName(subset, doc)} {_num(size)} Tf")
                        current_font = (font, subset)
                    ops.append(f"({escapePDF(chunk)}) Tj")
            ops.append("T*")
        found = self.operators[key] = " ".join(ops)
        return found


class _Text(Flowable):  # type: ignore[misc]
    """Plain text for a table cell: a few fonts and colours, links, word wrap, nothing else.

    A Paragraph parses markup, builds fragments and justifies, then writes every line through
    reportlab's text object; a cell needs none of that, and a big plan has some hundred
    thousand cells. User text here is never parsed, so it cannot carry markup either.
    """

    def __init__(self, runs: tuple[Run, ...], cache: _TextCache, *, size: float = CELL_SIZE,
                 leading: float = CELL_LEADING, colour: str = INK_HEX, lines: Lines | None = None) -> None:
        super().__init__()
        self.runs, self.cache, self.size, self.leading, self.colour = runs, cache, size, leading, colour
        self._fixed = lines  # a part made by split: already broken into lines
        self._lines: Lines = lines or ()
        self._wrapped_at = 0.0
        self.width = self.height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._wrapped_at = availWidth
        if self._fixed is None:
            self._lines, self.width = self.cache.layout(self.runs, availWidth, self.size)
        else:
            self.width = availWidth
        self.height = len(self._lines) * self.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        # Keep the width of the last wrap: reportlab's table splits a cell passing the column's
        # width with the padding still in it, which would re-break the lines too wide.
        self.wrap(self._wrapped_at or availWidth, availHeight)
        fit = int(availHeight // self.leading)
        if fit < 1 or fit >= len(self._lines):
            return []
        return [_Text(self.runs, self.cache, size=self.size, leading=self.leading, colour=self.colour, lines=part)
                for part in (self._lines[:fit], self._lines[fit:])]

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """Write the text object straight into the page: no translation, no per-line text object."""
        if not self._lines:
            return
        baseline = y + self.height - pdfmetrics.getAscentDescent(FONT, self.size)[0]
        ops = self.cache.text_operators(canvas._doc, self._lines, self.size, self.leading, self.colour)
        canvas._code.append(f"q BT {_num(x)} {_num(baseline)} Td {ops} ET Q")
        if any(piece[3] for line in self._lines for piece in line):
            self._links(canvas, x, baseline)

    def draw(self) -> None:
        self.drawOn(self.canv, 0.0, 0.0)

    def _links(self, canvas: Any, x0: float, baseline: float) -> None:
        for n, line in enumerate(self._lines):
            x = x0
            y = baseline - n * self.leading
            for text, font, _colour, link in line:
                w = pdfmetrics.stringWidth(text, font, self.size)
                if link:
                    canvas.linkRect("", link, (x, y - 2, x + w, y + self.size), relative=1, thickness=0)
                x += w


# --- flowables of our own ------------------------------------------------------------------

@dataclass
class _Outline:
    """Page numbers of the headings, filled in as they are drawn, read when the contents are drawn."""

    pages: dict[str, int] = field(default_factory=dict)
    toc: list[tuple[int, str, str]] = field(default_factory=list)  # (level, title, key)


class _Heading(Paragraph):  # type: ignore[misc]
    """A heading that bookmarks itself, adds an outline entry and records its page for the contents."""

    def __init__(self, text: str, style: Any, key: str, outline_level: int, outline: _Outline) -> None:
        super().__init__(text_markup(_shorten(text)), style)
        self.key, self.outline_level, self.outline = key, outline_level, outline
        self.title = _shorten(_clean(text), 120)  # viewers show outline titles in their own fonts

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        return []  # a heading moves to the next page whole

    def draw(self) -> None:
        canv = self.canv
        canv.bookmarkHorizontal(self.key, 0, self.height + 4)
        canv.addOutlineEntry(self.title, self.key, self.outline_level, closed=self.outline_level > 0)
        self.outline.pages[self.key] = canv.getPageNumber()
        super().draw()


class _Anchor(Flowable):  # type: ignore[misc]
    """A zero-size bookmark and outline entry, for pages that draw their own title (cover, contents)."""

    def __init__(self, key: str, title: str, outline: _Outline) -> None:
        super().__init__()
        self.key, self.title, self.outline = key, title, outline

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, 0)
        self.outline.pages[self.key] = self.canv.getPageNumber()


class _TocPage(Flowable):  # type: ignore[misc]
    """One page of the contents: titles and dot leaders now, page numbers in a form drawn at save."""

    LINE = 15.0
    TITLE_LINES = 3

    def __init__(self, entries: Sequence[tuple[int, str, str]], form: str, title: str | None,
                 registry: list[tuple[str, list[tuple[float, float, str]]]]) -> None:
        super().__init__()
        self.entries, self.form, self.title, self.registry = entries, form, title, registry

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = (len(self.entries) + (self.TITLE_LINES if self.title else 0)) * self.LINE
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        y = self.height
        if self.title:
            canv.setFont(BOLD, 17)
            canv.setFillColor(NAVY)
            canv.drawString(0, y - 20, self.title)
            y -= self.TITLE_LINES * self.LINE
        numbers: list[tuple[float, float, str]] = []
        right = self.width
        for level, title, key in self.entries:
            y -= self.LINE
            indent = 16.0 * level
            font, size = (BOLD, 9.5) if level == 0 else (FONT, 8.5)
            end = indent + 4 + _draw_runs(canv, indent, y + 3, title, font, size, INK if level == 0 else MUTED,
                                          max_width=right - indent - 40)
            dots = int((right - 30 - end) / pdfmetrics.stringWidth(". ", FONT, size))
            if dots > 0:
                canv.setFont(FONT, size)
                canv.setFillColor(RULE)
                canv.drawString(end, y + 3, ". " * dots)
            numbers.append((right, y + 3, key))
            canv.linkRect("", key, (indent, y, right, y + self.LINE), relative=1, thickness=0)
        canv.doForm(self.form)
        self.registry.append((self.form, numbers))


class _Meter(Flowable):  # type: ignore[misc]
    """A small bar: achieved maturity on the 0-4 scale, with the target marked."""

    def __init__(self, value: float | None, target: int, width: float, height: float = 6) -> None:
        super().__init__()
        self.value, self.target, self.width, self.height = value, target, width, height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height + 2

    def draw(self) -> None:
        canv, w, h = self.canv, self.width, self.height
        canv.setFillColor(SL_NONE)
        canv.rect(0, 0, w, h, stroke=0, fill=1)
        if self.value is not None:
            canv.setFillColor(BAR_MET if self.value >= self.target else BAR_SHORT)
            canv.rect(0, 0, w * self.value / 4, h, stroke=0, fill=1)
        canv.setStrokeColor(INK)
        canv.setLineWidth(1.2)
        x = w * self.target / 4
        canv.line(x, -1.5, x, h + 1.5)


class _Badge(Flowable):  # type: ignore[misc]
    """A priority label: the level on a coloured pill, written straight into the page."""

    SIZE = 7.0

    def __init__(self, text: str, background: str, colour: str, cache: _TextCache) -> None:
        super().__init__()
        self.text, self.background, self.colour, self.cache = text, background, colour, cache
        self.width = pdfmetrics.stringWidth(text, BOLD, self.SIZE) + 8
        self.height = self.SIZE + 4

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        ops = self.cache.text_operators(canvas._doc, ((run(self.text, BOLD),),), self.SIZE, self.SIZE, self.colour)
        canvas._code.append(f"q {_rgb(self.background)} {_num(x)} {_num(y)} {_num(self.width)} {_num(self.height)} "
                            f"re f BT {_num(x + 4)} {_num(y + 3)} Td {ops} ET Q")

    def draw(self) -> None:
        self.drawOn(self.canv, 0.0, 0.0)


class _LongTable(LongTable):  # type: ignore[misc]
    """Splits between rows; splits inside a row only when that row alone is taller than a page.

    reportlab's own in-row splitting also cuts ordinary rows to fill the bottom of a page.
    """

    FULL_FRAME = 600.0  # less than the body frame of A4 and Letter, more than any leftover space

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        self.splitInRow: float = 0
        parts: list[Any] = super().split(availWidth, availHeight)
        if parts or availHeight < self.FULL_FRAME:
            return parts
        self.splitInRow = 3 * CELL_LEADING
        try:
            return super().split(availWidth, availHeight)  # type: ignore[no-any-return]
        finally:
            self.splitInRow = 0


class _Grid(Flowable):  # type: ignore[misc]
    """A long table of gaps or answers: header on every page, zebra rows, all in one flowable.

    It looks like the plan's other tables but skips what makes reportlab's LongTable costly
    for thousands of rows (a style object per cell, every cell measured twice, the remaining
    rows rebuilt into a new table at every page). Rows split between pages; a row taller
    than a whole page is split inside its cells.
    """

    PAD_X, PAD_TOP, PAD_BOTTOM = 4.0, 3.0, 3.5

    def __init__(self, header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float],
                 cache: _TextCache, *, centred: Sequence[int] = (), first_row: int = 0,
                 heights: list[float] | None = None, wrapped: dict[int, tuple[Any, float, float]] | None = None
                 ) -> None:
        super().__init__()
        # Heights of cell flowables by id (the flowable is kept so its id stays its own): a row
        # split over many pages re-measures only the piece that was split, not all the rest.
        self._wrapped = {} if wrapped is None else wrapped
        self.header, self.widths, self.cache = list(header), list(widths), cache
        self.rows = [[_cell_flowables(c) for c in row] for row in rows] if heights is None else list(rows)
        self.centred, self.first_row = tuple(centred), first_row
        self._heights = heights
        self._head = [_Text((run(h, BOLD),), cache, colour="#FFFFFF") for h in self.header]
        self._head_height = 0.0
        self.spaceBefore, self.spaceAfter = 2, 8

    def _measure(self) -> None:
        if self._head_height:
            return
        self._head_height = max(t.wrap(w - 2 * self.PAD_X, 1e6)[1] for t, w in zip(self._head, self.widths,
                                                                                    strict=True))
        self._head_height += self.PAD_TOP + self.PAD_BOTTOM
        if self._heights is None:
            self._heights = [self._row_height(row) for row in self.rows]

    def _row_height(self, row: Sequence[Sequence[Any]]) -> float:
        tallest = 0.0
        for cell, width in zip(row, self.widths, strict=True):
            inner = width - 2 * self.PAD_X
            tallest = max(tallest, sum(self._height(f, inner) for f in cell))
        return tallest + self.PAD_TOP + self.PAD_BOTTOM

    def _height(self, flowable: Any, inner: float) -> float:
        found = self._wrapped.get(id(flowable))
        if found is None or found[1] != inner:
            found = self._wrapped[id(flowable)] = (flowable, inner, flowable.wrap(inner, 1e6)[1])
        return float(found[2])

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._measure()
        assert self._heights is not None
        self.width = sum(self.widths)
        self.height = self._head_height + sum(self._heights)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        self._measure()
        assert self._heights is not None
        room = availHeight - self._head_height
        used, n = 0.0, 0
        while n < len(self.rows) and used + self._heights[n] <= room:
            used += self._heights[n]
            n += 1
        if n:
            return [self._part(self.rows[:n], self._heights[:n], self.first_row),
                    self._part(self.rows[n:], self._heights[n:], self.first_row + n)]
        if availHeight < _LongTable.FULL_FRAME:
            return []  # the next page has room for the row
        head, tail = self._split_row(self.rows[0], room - self.PAD_TOP - self.PAD_BOTTOM)
        if head is None or tail is None:
            return []
        return [self._part([head], [self._row_height(head)], self.first_row),
                self._part([tail, *self.rows[1:]], [self._row_height(tail), *self._heights[1:]], self.first_row)]

    def _part(self, rows: list[Any], heights: list[float], first_row: int) -> _Grid:
        return _Grid(self.header, rows, self.widths, self.cache, centred=self.centred, first_row=first_row,
                     heights=heights, wrapped=self._wrapped)

    def _split_row(self, row: Sequence[Sequence[Any]], room: float) -> tuple[list[Any] | None, list[Any] | None]:
        """A row too tall for a page, as the part that fits and the rest."""
        head_row, tail_row = [], []
        for cell, width in zip(row, self.widths, strict=True):
            inner = width - 2 * self.PAD_X
            head: list[Any] = []
            left = room
            rest = list(cell)
            while rest:
                h = rest[0].wrap(inner, left)[1]
                if h <= left:
                    head.append(rest.pop(0))
                    left -= h
                    continue
                parts = rest[0].split(inner, left)
                if len(parts) == 2:
                    head.append(parts[0])
                    rest[0] = parts[1]
                break
            head_row.append(head)
            tail_row.append(rest)
        if not any(head_row) or not any(tail_row):
            return None, None
        return head_row, tail_row

    def draw(self) -> None:
        canv = self.canv
        assert self._heights is not None
        top = self.height
        canv.setFillColor(NAVY)
        canv.rect(0, top - self._head_height, self.width, self._head_height, stroke=0, fill=1)
        x = 0.0
        for text, width in zip(self._head, self.widths, strict=True):
            text.drawOn(canv, x + self.PAD_X, top - self.PAD_TOP - text.height - (
                self._head_height - self.PAD_TOP - self.PAD_BOTTOM - text.height) / 2)
            x += width
        y = top - self._head_height
        canv.setFillColor(ZEBRA)
        for n, (row, height) in enumerate(zip(self.rows, self._heights, strict=True)):
            y -= height
            if (self.first_row + n) % 2:
                canv.rect(0, y, self.width, height, stroke=0, fill=1)
            x = 0.0
            for column, (cell, width) in enumerate(zip(row, self.widths, strict=True)):
                inner = width - 2 * self.PAD_X
                cursor = y + height - self.PAD_TOP
                for flowable in cell:
                    w, h = flowable.wrap(inner, 1e6)
                    cursor -= h
                    offset = (inner - w) / 2 if column in self.centred else 0.0
                    flowable.drawOn(canv, x + self.PAD_X + offset, cursor)
                x += width


def _cell_flowables(cell: Any) -> list[Any]:
    if cell is None or cell == "":
        return []
    return list(cell) if isinstance(cell, (list, tuple)) else [cell]


_TABLE_BASE: list[tuple[Any, ...]] = [
    ("FONTNAME", (0, 0), (-1, -1), FONT),
    ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
    ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
    ("TEXTCOLOR", (0, 0), (-1, -1), INK),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
]
_TABLE_RULED: list[tuple[Any, ...]] = [("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)]
_TABLE_HEADER: list[tuple[Any, ...]] = [
    ("BACKGROUND", (0, 0), (-1, 0), NAVY),
    ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
    ("FONTNAME", (0, 0), (-1, 0), BOLD),
    ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
]


def _table(data: list[list[Any]], widths: Sequence[float], commands: Sequence[tuple[Any, ...]] = (),
           *, header: bool = True, long: bool = True) -> Any:
    """A table in the plan's style; long tables repeat their header row on every page."""
    style = _TABLE_BASE + (_TABLE_HEADER if header else _TABLE_RULED) + list(commands)
    if long:
        return _LongTable(data, colWidths=list(widths), repeatRows=1 if header else 0, style=style,
                          hAlign="LEFT", spaceBefore=2, spaceAfter=8)
    return Table(data, colWidths=list(widths), style=style, hAlign="LEFT", spaceBefore=2, spaceAfter=8)


def _sl_colour(target: int, achieved: int) -> Any:
    if target == 0:
        return SL_NONE
    if achieved >= target:
        return SL_MET
    return SL_SHORT if target - achieved == 1 else SL_FAR


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" if count == 1 else f"{count:,} {word}s"


def _zones(count: int) -> str:
    return f"{count} zone or conduit" if count == 1 else f"{count:,} zones and conduits"


def _unassigned(owner: str) -> Run:
    return run(_name(owner)) if owner.strip() else run("Unassigned", colour=MUTED_HEX)


# --- the document --------------------------------------------------------------------------

class _PlanCanvas(Canvas):  # type: ignore[misc]
    """A canvas that lets the document draw its deferred forms (page count, contents) at save."""

    def __init__(self, *args: Any, before_save: Callable[[Any], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._before_save = before_save

    def save(self) -> None:
        self._before_save(self)
        previous = rl_config.useA85
        rl_config.useA85 = 0  # binary streams: a quarter smaller, and no slow ASCII85 pass
        try:
            super().save()
        finally:
            rl_config.useA85 = previous


class _PlanDocument:
    """Builds the story from PlanContent and lays it out once."""

    def __init__(self, content: PlanContent, page_size: tuple[float, float], hooks: Hooks) -> None:
        self.content, self.facts = content, content.facts
        self.page_size, self.hooks = page_size, hooks
        self.s = _Styles.get()
        self.outline = _Outline()
        self.toc_forms: list[tuple[str, list[tuple[float, float, str]]]] = []
        self.page_count = 0
        self.margin_x, self.margin_top, self.margin_bottom = 18 * mm, 22 * mm, 20 * mm
        self.width = page_size[0] - 2 * self.margin_x
        self.frame_height = page_size[1] - self.margin_top - self.margin_bottom
        self._progress = -1
        self.action_links = {a.requirement_id: f"act-{n}" for n, a in enumerate(content.actions, start=1)}
        self.texts = _TextCache()

    def t(self, *runs: Run | str, colour: str = INK_HEX, size: float = CELL_SIZE) -> _Text:
        """A table cell text from runs; a bare string is a run in the regular font."""
        return _Text(tuple(r if isinstance(r, tuple) else run(r) for r in runs), self.texts, colour=colour,
                     size=size, leading=CELL_LEADING if size == CELL_SIZE else size * 1.25)

    def step(self, permille: int) -> None:
        """Progress in thousandths: 0-50 rows, 50-250 story, 250-990 layout, 1000 saved."""
        permille = min(1000, permille)
        if permille != self._progress:
            self._progress = permille
            self.hooks.step(permille, 1000)

    def heading(self, text: str, style: Any, key: str, level: int, *, toc: bool = False) -> Any:
        if toc:
            self.outline.toc.append((level, _shorten(text, 120), key))
        return _Heading(text, style, key, level, self.outline)

    def cols(self, *fractions: float) -> list[float]:
        return [self.width * f for f in fractions]

    # -- build ---------------------------------------------------------------------------
    def story(self) -> list[Any]:
        c, s = self.content, self.s
        units = 6 + len(c.zones) + len(c.answers)
        done = 0

        def tick() -> None:
            nonlocal done
            done += 1
            self.step(50 + 200 * done // units)

        story: list[Any] = self.cover()
        story += [NextPageTemplate("body"), PageBreak()]
        story += self.document_control()
        story.append(PageBreak())
        toc_at = len(story)
        story += self.executive(c.executive)
        tick()
        story += self.roadmap(c.roadmap)
        tick()
        story += [PageBreak(), self.heading("3 Zones and conduits", s.h1, "sec-zones", 0, toc=True), _para(
            "One section per zone or conduit: its facts, target and achieved security levels, every gap with "
            "its status, finding, recommended action, priority, owner and due date, the requirements still to "
            "be assessed and the compensating countermeasures the zone relies on.", s.body)]
        if not c.zones:
            story.append(_para("No zones or conduits are defined in this project.", s.body))
        for n, zone in enumerate(c.zones, start=1):
            zone_story = self.zone(n, zone)
            story += zone_story[1:] if n == 1 else zone_story  # the first zone follows the introduction
            tick()
        story += self.program(c.site_program)
        tick()
        story += self.method(c.method)
        story += self.actions(c.actions)
        tick()
        story += [PageBreak(), self.heading("Appendix C Answers", s.h1, "sec-answers", 0, toc=True), _para(
            "Every answer recorded in the project, per scope and in catalogue order, with its notes, finding, "
            "countermeasure, evidence references and who recorded it when.", s.body)]
        if not c.answers:
            story.append(_para("No answer has been recorded yet.", s.body))
        for n, scope in enumerate(c.answers, start=1):
            story += self.answers(n, scope)
            tick()
        story[toc_at:toc_at] = self.toc()
        return story

    def cover(self) -> list[Any]:
        f, s = self.facts, self.s
        rows = [
            ("Assessment", f.assessment_period),
            ("Report date", f.report_date.isoformat()),
            ("Assessors", _names(f.assessors, ", ") or "not recorded"),
            ("Scope", f"{_zones(f.zone_count)}; the site security program"),
            ("Version", f"Generated by OT 62443 Workbook {f.program_version}"),
        ]
        data = [[self.t(run(k, BOLD)), self.t(v, size=8)] for k, v in rows]
        facts = _table(data, self.cols(0.22, 0.78), [("TOPPADDING", (0, 0), (-1, -1), 5),
                                                     ("BOTTOMPADDING", (0, 0), (-1, -1), 5)],
                       header=False, long=False)
        label = Table([[_para("CLASSIFICATION", s.cover_caption)], [_para(text_markup(_name(f.confidentiality)),
                                                                          s.cover_label)]],
                      colWidths=[self.width * 0.8],
                      style=[("FONTNAME", (0, 0), (-1, -1), FONT), ("BOX", (0, 0), (-1, -1), 1.2, LABEL_RED),
                             ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])
        story = [
            _Anchor("cover", "Cover", self.outline),
            _para(text_markup(_shorten(f.client, 200)), s.cover_client),
            _para(text_markup(_shorten(f.site, 300)), s.cover_site),
            facts,
        ]
        if f.scope_note.strip():
            story += [Spacer(1, 10), _para(text_markup(_shorten(f.scope_note, 1500)), s.muted)]
        return story + [FrameBreak(), label]

    def document_control(self) -> list[Any]:
        f, s = self.facts, self.s
        story = [self.heading("Document control", s.h1, "doc-control", 0, toc=True)]
        rows = [
            ("Document", f"{f.title} (IEC 62443-3-3 and IEC 62443-2-1)"),
            ("Client", _name(f.client)),
            ("Site", _name(f.site)),
            ("Assessment period", f.assessment_period),
            ("Due dates counted from", f.reference_date.isoformat()),
            ("Assessors", _names(f.assessors, "\n") or "not recorded"),
            ("Report date", f.report_date.isoformat()),
            ("Produced with", f"OT 62443 Workbook {f.program_version}, from {f.answer_count} recorded answers"),
            ("Target maturity (2-1)", f"ML{f.target_ml}"),
            ("Classification", _name(f.confidentiality)),
        ]
        data = [[self.t(run(k, BOLD)), self.t(v)] for k, v in rows]
        story.append(_table(data, self.cols(0.28, 0.72), [("BACKGROUND", (0, 0), (0, -1), BAND)], header=False))
        story.append(self.heading("Issue history", s.h2, "doc-issues", 1))
        issue: list[list[Any]] = [["Issue", "Date", "Prepared by", "Description"],
                 ["1", f.report_date.isoformat(), self.t(_names(f.assessors, "\n") or "-"),
                  self.t(f"Remediation plan generated from the assessment of {f.assessment_period} "
                     f"by OT 62443 Workbook {f.program_version}.")]]
        story.append(_table(issue, self.cols(0.08, 0.14, 0.3, 0.48), long=False))
        story.append(self.heading("Review and approval", s.h2, "doc-approval", 1))
        approval = [["Role", "Name", "Signature", "Date"]] + [
            [role, "", "", ""] for role in ("Prepared by (lead assessor)", "Reviewed by", "Approved by (asset owner)")]
        story.append(_table(approval, self.cols(0.3, 0.3, 0.22, 0.18),
                            [("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white]),
                             ("TOPPADDING", (0, 1), (-1, -1), 12), ("BOTTOMPADDING", (0, 1), (-1, -1), 12),
                             ("GRID", (0, 1), (-1, -1), 0.4, RULE)], long=False))
        story.append(_para(
            f"This document is classified <b>{text_markup(_name(f.confidentiality))}</b>. It describes weaknesses of "
            "operational control systems and must be stored and shared accordingly. Findings reflect what was "
            "observed during the assessment period; later changes are not covered.", s.small))
        return story

    def toc(self) -> list[Any]:
        """Contents pages sized in advance: one line per entry, so the page count is known now."""
        entries = self.outline.toc
        per_page = max(1, int(self.frame_height // _TocPage.LINE))
        pages: list[Any] = [_Anchor("contents", "Contents", self.outline)]
        start, n = 0, 0
        while start < len(entries) or n == 0:
            size = per_page - (_TocPage.TITLE_LINES if n == 0 else 0)
            pages += [_TocPage(entries[start:start + size], f"toc{n}", "Contents" if n == 0 else None,
                               self.toc_forms), PageBreak()]
            start += size
            n += 1
        return pages

    # -- executive summary -----------------------------------------------------------------
    def executive(self, e: ExecutiveSummary) -> list[Any]:
        s, f = self.s, self.facts
        story: list[Any] = [self.heading("1 Executive summary", s.h1, "sec-exec", 0, toc=True)]
        total = e.total.total
        assessors = _names(f.assessors, ", ") or "the assessors"
        story.append(_para(
            f"During {text_markup(f.assessment_period)}, {text_markup(assessors)} assessed "
            f"{_zones(f.zone_count)} of {text_markup(_name(f.site))} ({text_markup(_name(f.client))}) against "
            f"IEC 62443-3-3, and the security program against IEC 62443-2-1 with a target maturity of "
            f"ML{f.target_ml}. {f.answer_count:,} answers were recorded. The assessment found <b>{total:,} gaps</b>: "
            f"{e.open_gaps:,} open, {e.in_progress:,} in progress, {e.done:,} done but not yet re-assessed and "
            f"{e.risk_accepted:,} with the risk accepted. {e.not_assessed:,} applicable requirements of the zones "
            f"remain not assessed.", s.body))
        if f.scope_note.strip():
            for n, piece in enumerate(_chunks(" ".join(f.scope_note.split()))):
                story.append(_para(("<b>Scope.</b> " if n == 0 else "") + text_markup(piece), s.body))
        below = sum(1 for z in e.zones if any(z.sl_gap))
        p1 = e.total.by_priority[0]
        tiles = [(f"{total:,}", "gaps in total", s.kpi), (f"{p1:,}", "P1 gaps, due within 3 months",
                                                           s.kpi_alert if p1 else s.kpi),
                 (f"{below} / {len(e.zones)}", "zones below SL-T in at least one FR", s.kpi),
                 (f"{e.not_assessed:,}", "applicable requirements not assessed", s.kpi)]
        story.append(Table(
            [[[_para(v, style), _para(c, s.kpi_caption)] for v, c, style in tiles]], colWidths=[self.width / 4] * 4,
            style=[("FONTNAME", (0, 0), (-1, -1), FONT), ("BACKGROUND", (0, 0), (-1, -1), BAND),
                   ("LINEAFTER", (0, 0), (-2, -1), 2, colors.white), ("TOPPADDING", (0, 0), (-1, -1), 8),
                   ("BOTTOMPADDING", (0, 0), (-1, -1), 8), ("VALIGN", (0, 0), (-1, -1), "TOP")],
            spaceBefore=4, spaceAfter=10))

        story += [CondPageBreak(70 * mm),
                  self.heading("1.1 Target and achieved security levels", s.h2, "exec-levels", 1, toc=True)]
        if e.zones:
            story.append(_para(
                "Mean SL-T and SL-A over all zones and conduits, per foundational requirement; under each FR, how "
                "many zones fall short of their target in it.", s.small))
            story.append(self.fr_chart(e))
            story += self.sl_matrix(e)
        else:
            story.append(_para("No zones or conduits are defined in this project.", s.body))

        story += [CondPageBreak(60 * mm),
                  self.heading("1.2 Gaps by priority and requirement area", s.h2, "exec-counts", 1, toc=True)]
        rows: list[list[Any]] = [["Area", "P1", "P2", "P3", "P4", "Total"]]
        for row in (*e.counts, e.total):
            rows.append([self.t(run(row.label, BOLD if row is e.total else FONT)),
                         *[f"{n:,}" if n else "-" for n in row.by_priority], f"{row.total:,}"])
        commands: list[tuple[Any, ...]] = [("ALIGN", (1, 0), (-1, -1), "CENTER"),
                                           ("FONTNAME", (0, -1), (-1, -1), BOLD),
                                           ("LINEABOVE", (0, -1), (-1, -1), 0.8, NAVY)]
        for i, p in enumerate(Priority, start=1):
            bg, fg = PRIORITY_COLOURS[p]
            commands += [("BACKGROUND", (i, 0), (i, 0), bg), ("TEXTCOLOR", (i, 0), (i, 0), fg)]
        story.append(_table(rows, self.cols(0.5, 0.09, 0.09, 0.09, 0.09, 0.14), commands, long=False))

        story += [CondPageBreak(40 * mm), self.heading("1.3 Most urgent themes", s.h2, "exec-themes", 1, toc=True)]
        if not e.themes:
            story.append(_para("No open gaps: there is no urgent theme.", s.body))
        for n, theme in enumerate(e.themes, start=1):
            counts = ", ".join(f"{c} at {p.value}" for p, c in zip(Priority, theme.by_priority, strict=True) if c)
            story.append(_para(
                f"<b>{text_markup(theme.ref)} {text_markup(theme.title)}</b> "
                f"<font color='{_hex(MUTED)}'>({text_markup(theme.context)})</font>: {_plural(theme.gaps, 'open gap')} "
                f"in {_plural(theme.scopes, 'scope')} ({counts}). {text_markup(theme.lead)}", s.bullet, f"{n}."))
        if e.site_program:
            site = e.site_program
            story += [CondPageBreak(30 * mm),
                      self.heading("1.4 Security program", s.h2, "exec-program", 1, toc=True),
                      _para(
                          f"Of the {site.requirements} IEC 62443-2-1 requirements for the site, {site.met} reach "
                          f"the target maturity ML{site.target_ml}, <b>{site.gaps} fall short</b>, "
                          f"{site.not_assessed} are not assessed and {site.not_applicable} do not apply. Section 4 "
                          "gives the maturity per program element.", s.body)]
        return story

    def fr_chart(self, e: ExecutiveSummary) -> Any:
        width, height = self.width, 165
        drawing = Drawing(width, height)
        drawing.initialFontName = FONT  # else the renderer selects Helvetica, which is not embedded
        chart = VerticalBarChart()
        chart.x, chart.y, chart.width, chart.height = 28, 42, width - 150, height - 58
        chart.data = [[f.mean_target for f in e.fr_figures], [f.mean_achieved for f in e.fr_figures]]
        chart.groupSpacing, chart.barSpacing = 8, 1
        chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 4, 1
        chart.valueAxis.labels.fontName = FONT
        chart.valueAxis.labels.fontSize = 7
        chart.valueAxis.visibleGrid = True
        chart.valueAxis.gridStrokeColor = RULE
        chart.valueAxis.gridStrokeWidth = 0.4
        chart.valueAxis.strokeColor = RULE
        chart.categoryAxis.strokeColor = RULE
        chart.categoryAxis.labels.fontName = FONT
        chart.categoryAxis.labels.fontSize = 7
        chart.categoryAxis.labels.dy = -3
        chart.categoryAxis.categoryNames = [f"{f.fr.label}\n{f.zones_below} below" for f in e.fr_figures]
        chart.bars.strokeWidth = 0
        chart.bars[0].fillColor = BAR_TARGET
        chart.bars[1].fillColor = BAR_MET
        for i, figure in enumerate(e.fr_figures):
            if figure.mean_achieved < figure.mean_target:
                chart.bars[(1, i)].fillColor = BAR_SHORT
        chart.barLabelFormat = "%.1f"
        chart.barLabels.fontName = FONT
        chart.barLabels.fontSize = 6
        chart.barLabels.nudge = 5
        drawing.add(chart)
        legend = Legend()
        legend.x, legend.y = width - 112, height - 24
        legend.fontName, legend.fontSize = FONT, 7
        legend.alignment = "right"
        legend.deltay = 12
        legend.columnMaximum = 4
        legend.colorNamePairs = [(BAR_TARGET, "Mean SL-T"), (BAR_MET, "Mean SL-A, target met"),
                                 (BAR_SHORT, "Mean SL-A, below target")]
        drawing.add(legend)
        return drawing

    def sl_matrix(self, e: ExecutiveSummary) -> list[Any]:
        head = ["Zone or conduit", *[f"{fr.id}\n{fr.code}" for fr in e.frs], "Gaps", "Not\nassessed"]
        widths = self.cols(0.28, *([0.075] * 7), 0.085, 0.11)
        rows: list[list[Any]] = [head]
        commands: list[tuple[Any, ...]] = [("ALIGN", (1, 0), (-1, -1), "CENTER"),
                                           ("VALIGN", (1, 1), (-1, -1), "MIDDLE"),
                                           ("FONTNAME", (1, 1), (7, -1), BOLD)]
        for r, z in enumerate(e.zones, start=1):
            rows.append([self.t(run(z.zone.id, BOLD), f"  {_name(z.zone.name)}"),
                         *[f"{a} / {t}" for t, a in zip(z.zone.sl_t, z.sl_a, strict=True)],
                         str(z.gaps), str(z.not_assessed)])
            for i, (t, a) in enumerate(zip(z.zone.sl_t, z.sl_a, strict=True), start=1):
                commands.append(("BACKGROUND", (i, r), (i, r), _sl_colour(t, a)))
        return [_table(rows, widths, commands), self.legend()]

    def legend(self) -> Any:
        """The SL colour key, as swatches in a one-row table (no symbol font needed)."""
        keys = [(SL_FAR, "SL-A two or more levels below SL-T"), (SL_SHORT, "one level below"),
                (SL_MET, "target reached"), (SL_NONE, "no target (SL-T 0)")]
        cells: list[Any] = []
        widths: list[float] = []
        commands: list[tuple[Any, ...]] = [("LINEBELOW", (0, 0), (-1, -1), 0, colors.white),
                                           ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                           ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]
        for colour, text in keys:
            column = len(cells) + 1  # after the introduction
            commands.append(("BACKGROUND", (column, 0), (column, 0), colour))
            cells += ["", self.t(text, colour=MUTED_HEX, size=7)]
            widths += [10, pdfmetrics.stringWidth(text, FONT, 7) + 14]
        intro = pdfmetrics.stringWidth("Cells show SL-A / SL-T:", FONT, 7) + 10
        return _table([[self.t("Cells show SL-A / SL-T:", colour=MUTED_HEX, size=7), *cells]], [intro, *widths],
                      commands, header=False, long=False)

    # -- roadmap -----------------------------------------------------------------------------
    def roadmap(self, r: Roadmap) -> list[Any]:
        s = self.s
        story: list[Any] = [PageBreak(), self.heading("2 Roadmap", s.h1, "sec-roadmap", 0, toc=True), _para(
            "Open and in-progress gaps grouped by priority and by due window, counted from "
            f"{self.facts.reference_date.isoformat()}. Gaps that share a requirement, action, owner and due date "
            "form one action with the scopes it covers. The recommended action itself is in each zone's section "
            "and in Appendix B.", s.body)]
        if not r.buckets:
            story.append(_para("There is no open gap.", s.body))
        widths = self.cols(0.36, 0.36, 0.17, 0.11)
        for bucket in r.buckets:
            colour = PRIORITY_COLOURS[bucket.priority][0]
            actions = sum(len(w.rows) for w in bucket.windows)
            story += [CondPageBreak(45 * mm), self.heading(
                f"{bucket.priority.value}: {_plural(bucket.gap_count, 'gap')} in {_plural(actions, 'action')}", s.h2,
                f"rm-{bucket.priority.value}", 1, toc=True), _para(PRIORITY_MEANING[bucket.priority], s.muted)]
            rows: list[list[Any]] = [["Requirement and action", "Scopes", "Owner", "Due"]]
            commands: list[tuple[Any, ...]] = [("LINEABOVE", (0, 0), (-1, 0), 3, colour)]
            for window in bucket.windows:
                until = f" (until {window.until.isoformat()})" if window.until else ""
                commands += [("SPAN", (0, len(rows)), (-1, len(rows))),
                             ("BACKGROUND", (0, len(rows)), (-1, len(rows)), BAND),
                             ("FONTNAME", (0, len(rows)), (-1, len(rows)), BOLD)]
                rows.append([f"{window.label}{until}: {_plural(window.gap_count, 'gap')}", "", "", ""])
                for row in window.rows:
                    title = [run(_keep(row.requirement_id), BOLD), run(f" {row.title}")]
                    if row.custom_action:
                        title.append(run("  assessor's action", colour=ACCENT_HEX))
                    scopes = ", ".join(sc.scope_id + (" (in progress)" if sc.in_progress else "")
                                       for sc in row.scopes)
                    rows.append([self.t(*title), self.t(scopes), self.t(_unassigned(row.owner)),
                                 self.t(row.due.isoformat())])
            story.append(_table(rows, widths, commands))
        story += [CondPageBreak(40 * mm),
                  self.heading(f"Accepted risks ({len(r.accepted)})", s.h2, "rm-accepted", 1, toc=True)]
        if r.accepted:
            story.append(_para("Gaps the asset owner decided not to close, with the justification recorded. They "
                               "stay listed here so that the decision can be reviewed.", s.body))
            rows = [[self.t(g.scope_id), self.t(run(_keep(g.requirement_id), BOLD), f" {g.title}"),
                     self.t(_unassigned(g.owner)), self.t(g.justification)] for g in r.accepted]
            story.append(_Grid(["Scope", "Requirement", "Owner", "Justification"], rows,
                               self.cols(0.14, 0.3, 0.16, 0.4), self.texts))
        else:
            story.append(_para("No risk has been accepted.", s.body))
        if r.done:
            story.append(_para(f"{r.done} gaps are marked done; they stay listed in their zone's section until "
                               "they are re-assessed.", s.body))
        return story

    # -- zones -------------------------------------------------------------------------------
    def zone(self, n: int, z: ZoneSection) -> list[Any]:
        s = self.s
        story: list[Any] = [PageBreak(), self.heading(f"3.{n} {z.zone_id}  {z.name}", s.h2, f"zone-{n}", 1,
                                                      toc=True)]
        facts = [
            ("Kind", f"{z.kind}, {z.criticality.lower()} criticality"),
            ("Description", z.description or "-"),
            ("Assets", z.assets or "-"),
            ("Requirements", f"{z.applicable} applicable: {z.met} met, {z.gap_count} gaps, "
                             f"{len(z.not_assessed)} not assessed"),
        ]
        story.append(_table([[self.t(run(k, BOLD)), self.t(v)] for k, v in facts], self.cols(0.2, 0.8),
                            [("BACKGROUND", (0, 0), (0, -1), BAND)], header=False))
        story.append(self.sl_vector(z))
        story += [CondPageBreak(30 * mm), _para(f"<b>Gaps ({len(z.gaps)})</b>", s.h3)]
        story += self.gap_table(z.gaps) if z.gaps else [_para("No gap recorded in this zone.", s.body)]
        if z.not_assessed:
            story += [_para(f"<b>Not assessed ({len(z.not_assessed)})</b>", s.h3), _para(
                "Applicable requirements without an answer. They are neither gaps nor met, and they hold SL-A "
                "down until assessed: " + ", ".join(_nbsp(r) for r in z.not_assessed) + ".", s.small)]
        if z.compensated:
            story += [CondPageBreak(25 * mm),
                      _para(f"<b>Compensating countermeasures relied on ({len(z.compensated)})</b>", s.h3)]
            rows = [[self.t(run(_keep(c.requirement_id), BOLD), f" {c.title}"),
                     self.t(c.countermeasure) if c.countermeasure.strip()
                     else self.t(run("No countermeasure text recorded.", colour=MUTED_HEX))] for c in z.compensated]
            story.append(_Grid(["Requirement", "Countermeasure recorded"], rows, self.cols(0.34, 0.66), self.texts))
        if z.program:
            story += [CondPageBreak(50 * mm), _para("<b>Security program of this zone (IEC 62443-2-1)</b>", s.h3)]
            story += self.program_body(z.program)
        return story

    def sl_vector(self, z: ZoneSection) -> Any:
        frs = self.content.executive.frs
        rows: list[list[Any]] = [["", *[f"{fr.id} {fr.code}" for fr in frs]],
                                 ["SL-T", *[str(t) for t in z.sl_t]],
                                 ["SL-A", *[str(a) for a in z.sl_a]],
                                 ["Shortfall", *[str(t - a) if t > a else "-"
                                                 for t, a in zip(z.sl_t, z.sl_a, strict=True)]]]
        commands: list[tuple[Any, ...]] = [("ALIGN", (1, 0), (-1, -1), "CENTER"), ("FONTNAME", (0, 1), (0, -1), BOLD),
                                           ("FONTNAME", (1, 2), (-1, 2), BOLD),
                                           ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white]),
                                           ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE)]
        for i, (t, a) in enumerate(zip(z.sl_t, z.sl_a, strict=True), start=1):
            commands.append(("BACKGROUND", (i, 2), (i, 2), _sl_colour(t, a)))
        return _table(rows, self.cols(0.16, *([0.12] * 7)), commands, long=False)

    def gap_table(self, gaps: Sequence[GapRow]) -> list[Any]:
        s = self.s
        widths = self.cols(0.24, 0.13, 0.07, 0.15, 0.41)
        rows: list[list[Any]] = []
        for g in gaps:
            level = f"SL{g.level}" if g.level is not None else "2-1"
            priority: Any = _Badge(g.priority.value, *PRIORITY_HEX[g.priority], self.texts)
            if g.priority_overridden:  # show what the rule gave beside what was decided
                priority = [priority, self.t(run(f"rule: {g.computed_priority.value}", colour=MUTED_HEX), size=6.5)]
            due = [_unassigned(g.owner), run("\n"), run(g.due.isoformat(), BOLD)]
            if not g.due_set:
                due.append(run(" (default)", colour=MUTED_HEX))
            due.append(run("\n" + STATE_LABELS[g.state] + (f", effort{NBSP}{g.effort}" if g.effort else "")))
            detail: list[Run] = []
            if g.finding.strip():
                detail += [run("Finding: ", BOLD), run(g.finding), run("\n")]
            if g.countermeasure.strip():
                detail += [run("Compensating countermeasure noted: ", BOLD), run(g.countermeasure), run("\n")]
            if g.state is ItemState.RISK_ACCEPTED:
                detail += [run("Risk accepted: ", BOLD), run(g.justification), run("\n")]
            extra: list[Any] = []
            if not g.action.strip():
                detail += [run("Action: ", BOLD), run("none recorded; agree one with the owner.")]
            elif g.custom_action:
                detail.append(run("Action (assessor's):", BOLD))
                extra = _markdown_flowables(g.action, s.cell, s.cell_bullet)
            else:
                key = self.action_links.get(g.requirement_id)
                detail += [run("Action: ", BOLD), run("catalogue action, see "),
                           run(f"Appendix{NBSP}B, {_keep(g.requirement_id)}", colour=ACCENT_HEX, link=key), run(".")]
            rows.append([
                self.t(run(_keep(g.requirement_id), BOLD), f"\n{g.title}", run(f"\n{level} \u00b7 {g.section}",
                                                                         colour=MUTED_HEX)),
                self.t(g.status),
                priority,
                self.t(*due),
                [self.t(*detail), *extra] if extra else self.t(*detail),
            ])
        return [_Grid(["Requirement", "Status", "Prio.", "Owner, due", "Finding and action"], rows, widths,
                      self.texts, centred=(2,))]

    # -- program -------------------------------------------------------------------------------
    def program(self, p: ProgramSection | None) -> list[Any]:
        s = self.s
        story: list[Any] = [PageBreak(), self.heading("4 Security program (IEC 62443-2-1)", s.h1, "sec-program", 0,
                                                      toc=True)]
        if p is None:
            return story + [_para("No security program catalogue is loaded.", s.body)]
        story.append(_para(
            f"The site's security program against IEC 62443-2-1, target maturity ML{p.overview.target_ml}. The "
            "bar shows the mean achieved maturity of each program element on the 0-4 scale (green when the mean "
            "reaches the target, red otherwise); the black mark is the target.", s.body))
        return story + self.program_body(p)

    def program_body(self, p: ProgramSection) -> list[Any]:
        s = self.s
        o = p.overview
        story: list[Any] = [_para(
            f"{o.requirements} requirements: {o.met} at or above ML{o.target_ml}, <b>{o.gaps} below</b>, "
            f"{o.not_assessed} not assessed, {o.not_applicable} not applicable.", s.small)]
        widths = self.cols(0.36, 0.1, 0.08, 0.24, 0.1, 0.12)
        rows: list[list[Any]] = [["Program element", "Assessed", "Gaps", "Mean maturity", "Lowest", "Not assessed"]]
        for e in p.elements:
            mean = f"{e.mean_ml:.1f}" if e.mean_ml is not None else "-"
            rows.append([
                self.t(run(e.code, BOLD), f" {e.title}"),
                f"{e.assessed} / {e.requirements}", str(e.gaps) if e.gaps else "-",
                [self.t(f"{mean} (target {e.target_ml})"), _Meter(e.mean_ml, e.target_ml, widths[3] - 10)],
                str(e.lowest_ml) if e.lowest_ml is not None else "-", str(e.not_assessed) if e.not_assessed else "-",
            ])
        story.append(_table(rows, widths, [("ALIGN", (1, 0), (-1, -1), "CENTER"), ("ALIGN", (3, 1), (3, -1), "LEFT")],
                            long=False))
        story += [CondPageBreak(30 * mm), _para(f"<b>Program gaps ({len(p.gaps)})</b>", s.h3)]
        story += self.gap_table(p.gaps) if p.gaps else [_para("No program gap recorded.", s.body)]
        if p.not_assessed:
            story.append(_para(f"<b>Not assessed ({len(p.not_assessed)}):</b> "
                               + ", ".join(_nbsp(r) for r in p.not_assessed) + ".", s.small))
        return story

    # -- appendices ------------------------------------------------------------------------------
    def method(self, sections: Sequence[MethodSection]) -> list[Any]:
        s = self.s
        story: list[Any] = [PageBreak(), self.heading("Appendix A Method", s.h1, "sec-method", 0, toc=True)]
        for n, section in enumerate(sections, start=1):
            story += [CondPageBreak(35 * mm), self.heading(f"A.{n} {section.title}", s.h2, f"method-{n}", 1)]
            for paragraph in section.paragraphs:
                story += _markdown_flowables(paragraph, s.body, s.bullet)
            if section.table:
                head, *body = section.table
                longest = [max(len(row[i]) for row in section.table) for i in range(len(head))]
                weights = [min(max(n_chars, 12), 90) for n_chars in longest]
                widths = [self.width * w / sum(weights) for w in weights]
                story.append(_table([list(head)] + [[self.t(cell) for cell in row] for row in body], widths,
                                    long=False))
        return story

    def actions(self, actions: Sequence[ActionText]) -> list[Any]:
        s = self.s
        story: list[Any] = [PageBreak(), self.heading("Appendix B Recommended actions", s.h1, "sec-actions", 0,
                                                      toc=True), _para(
            "The catalogue's corrective action for every requirement that has at least one gap relying on it, "
            "printed once; the zone sections link here. Actions an assessor wrote for a particular scope are "
            "printed with that gap instead.", s.body)]
        if not actions:
            story.append(_para("No gap relies on a catalogue action.", s.body))
        for a in actions:
            story += [CondPageBreak(30 * mm),
                      self.heading(f"{a.requirement_id} {a.title}", s.h3, self.action_links[a.requirement_id], 1),
                      _para("<b>Gaps in:</b> " + ", ".join(text_markup(sc) for sc in a.scopes), s.muted)]
            story += _markdown_flowables(a.markdown, s.body, s.bullet) or [
                _para("The catalogue gives no default action for this requirement.", s.muted)]
        return story

    def answers(self, n: int, scope: AnswerScope) -> list[Any]:
        s = self.s
        label = scope.scope_name if scope.scope_id == SITE_SCOPE else f"{scope.scope_id}  {scope.scope_name}"
        story: list[Any] = [CondPageBreak(40 * mm), self.heading(
            f"C.{n} {label} ({_plural(len(scope.rows), 'answer')})", s.h2, f"ans-{n}", 1)]
        widths = self.cols(0.32, 0.15, 0.53)
        rows: list[list[Any]] = []
        for a in scope.rows:
            rows.append([
                self.t(run(_keep(a.requirement_id), BOLD), f" {a.title}"),
                self.t(a.status + (f", ML{a.ml}" if a.ml is not None else "")),
                self.answer_text(a),
            ])
        story.append(_Grid(["Requirement", "Status", "Notes, finding, evidence; recorded by, on"], rows, widths,
                           self.texts))
        return story

    def answer_text(self, a: AnswerRow) -> Any:
        runs: list[Run] = []
        if a.notes.strip():
            runs.append(run(a.notes.strip()))
        for label, text in (("Finding: ", a.finding), ("Countermeasure: ", a.countermeasure),
                            *(("Evidence: ", e) for e in a.evidence)):
            if text.strip():
                runs += [run("\n" if runs else ""), run(label, BOLD), run(text.strip())]
        recorded = ", ".join(part for part in (
            a.answered_by.strip(), f"{a.answered_at:%Y-%m-%d %H:%M}" if a.answered_at else "") if part)
        if recorded:
            runs += [run("\n" if runs else ""), run(recorded, colour=MUTED_HEX)]
        return self.t(*runs) if runs else ""

    # -- pages -------------------------------------------------------------------------------
    def templates(self, doc: Any) -> None:
        w, h = self.page_size
        frame = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
        body = Frame(self.margin_x, self.margin_bottom, self.width, self.frame_height, id="body", **frame)
        cover_main = Frame(self.margin_x, 62 * mm, self.width, h - 62 * mm - 92 * mm, id="cover", **frame)
        cover_label = Frame(self.margin_x, 22 * mm, self.width, 36 * mm, id="label", **frame)
        doc.addPageTemplates([
            PageTemplate("cover", [cover_main, cover_label], onPage=self.draw_cover),
            PageTemplate("body", [body], onPage=self.draw_page),
        ])

    def draw_cover(self, canv: Any, doc: Any) -> None:
        w, h = self.page_size
        self.page_count = max(self.page_count, canv.getPageNumber())
        canv.saveState()
        canv.setFillColor(NAVY)
        canv.rect(0, h - 78 * mm, w, 78 * mm, stroke=0, fill=1)
        canv.setFillColor(ACCENT)
        canv.rect(0, h - 80 * mm, w, 2 * mm, stroke=0, fill=1)
        canv.setFillColor(colors.HexColor("#BFD0E3"))
        canv.setFont(BOLD, 9)
        canv.drawString(self.margin_x, h - 24 * mm, "IEC 62443 SECURITY ASSESSMENT")
        canv.setFillColor(colors.white)
        canv.setFont(BOLD, 30)
        canv.drawString(self.margin_x, h - 42 * mm, "Remediation plan")
        canv.setFont(FONT, 12)
        canv.drawString(self.margin_x, h - 52 * mm,
                        "Zones and conduits (IEC 62443-3-3) and security program (IEC 62443-2-1)")
        canv.setFont(FONT, 9)
        canv.setFillColor(colors.HexColor("#BFD0E3"))
        canv.drawString(self.margin_x, h - 66 * mm, f"Report date {self.facts.report_date.isoformat()}")
        _draw_runs(canv, w - self.margin_x, h - 12 * mm, self.facts.confidentiality, BOLD, 8,
                   colors.white, align="right", max_width=self.width)
        _draw_runs(canv, w / 2, 12 * mm, self.facts.confidentiality, BOLD, 8, LABEL_RED, align="center",
                   max_width=self.width)
        canv.restoreState()

    def draw_page(self, canv: Any, doc: Any) -> None:
        n = canv.getPageNumber()
        self.page_count = max(self.page_count, n)
        canv.saveState()
        canv.doForm("page-frame")
        canv.setFont(FONT, 7.5)
        canv.setFillColor(MUTED)
        text = f"Page {n} of "
        x = self.page_size[0] - self.margin_x - pdfmetrics.stringWidth("Page 00000 of 00000", FONT, 7.5)
        canv.drawString(x, 11 * mm, text)
        canv.translate(x + pdfmetrics.stringWidth(text, FONT, 7.5), 11 * mm)
        canv.doForm("page-count")
        canv.restoreState()

    def finish(self, canv: Any) -> None:
        """Draw the forms the pages refer to, now that page numbers and the page count are known."""
        w, h = self.page_size
        canv.beginForm("page-count")
        canv.setFont(FONT, 7.5)
        canv.setFillColor(MUTED)
        canv.drawString(0, 0, str(self.page_count))
        canv.endForm()

        canv.beginForm("page-frame")
        label = self.facts.confidentiality
        label_width = min(self.width * 0.55, _runs_width(_runs(label, BOLD), 7.5) + 2)
        _draw_runs(canv, w - self.margin_x, h - 13 * mm, label, BOLD, 7.5, LABEL_RED, align="right",
                   max_width=label_width)
        _draw_runs(canv, self.margin_x, h - 13 * mm, f"{self.facts.client} \u00b7 {self.facts.site}", FONT, 7.5,
                   MUTED, max_width=self.width - label_width - 16)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(self.margin_x, h - 15.5 * mm, w - self.margin_x, h - 15.5 * mm)
        canv.line(self.margin_x, 14.5 * mm, w - self.margin_x, 14.5 * mm)
        _draw_runs(canv, self.margin_x, 11 * mm, f"{self.facts.title} \u00b7 {self.facts.report_date.isoformat()}",
                   FONT, 7.5, MUTED, max_width=self.width * 0.6)
        canv.endForm()

        for form, numbers in self.toc_forms:
            canv.beginForm(form)
            canv.setFillColor(INK)
            canv.setFont(FONT, 8.5)
            for x, y, key in numbers:
                page = self.outline.pages.get(key)
                canv.drawRightString(x, y, str(page) if page else "-")
            canv.endForm()
        canv.showOutline()

    def build(self, target: BinaryIO) -> None:
        f = self.facts
        doc = BaseDocTemplate(
            target, pagesize=self.page_size, leftMargin=self.margin_x, rightMargin=self.margin_x,
            topMargin=self.margin_top, bottomMargin=self.margin_bottom,
            title=f"{f.title}: {_name(f.client)}, {_name(f.site)}", author=_names(f.assessors, ", "),
            subject=f"IEC 62443 remediation plan ({_name(f.confidentiality)})",
            creator=f"OT 62443 Workbook {f.program_version}", initialFontName=FONT, pageCompression=1,
        )
        self.templates(doc)
        story = self.story()
        total = max(1, len(story))

        def progress(kind: str, value: int) -> None:
            if kind == "PROGRESS":
                self.step(250 + 740 * value // total)

        doc.setProgressCallBack(progress)
        doc.build(story, canvasmaker=lambda *a, **k: _PlanCanvas(*a, before_save=self.finish, **k))


def _runs(text: str, font: str) -> list[tuple[str, str]]:
    """One line of user text as (font, text) runs, letters Vera lacks in the fallback font."""
    return [(f, t) for t, f, _c, _l in _glyph_runs([run(" ".join(text.split()), font)])]


def _runs_width(runs: Iterable[tuple[str, str]], size: float) -> float:
    return float(sum(pdfmetrics.stringWidth(t, f, size) for f, t in runs))


LINE_LIMIT = 1000


def _fit_runs(runs: list[tuple[str, str]], size: float, room: float) -> list[tuple[str, str]]:
    """The longest head of the runs no wider than `room`, measured letter by letter once."""
    kept: list[tuple[str, str]] = []
    used = 0.0
    for f, t in runs:
        w = pdfmetrics.stringWidth(t, f, size)
        if used + w <= room:
            kept.append((f, t))
            used += w
            continue
        n = 0
        for char in t:
            w = pdfmetrics.stringWidth(char, f, size)
            if used + w > room:
                break
            used += w
            n += 1
        if n:
            kept.append((f, t[:n]))
        break
    return kept


def _draw_runs(canv: Any, x: float, y: float, text: str, font: str, size: float, colour: Any, *,
               align: str = "left", max_width: float | None = None) -> float:
    """Draw one line of user text on the canvas, shortened with an ellipsis to fit max_width; its width."""
    cut = max_width is not None and len(text) > LINE_LIMIT  # no line of a page holds that many letters
    runs = _runs(text[:LINE_LIMIT] if cut else text, font)
    if max_width is not None and (cut or _runs_width(runs, size) > max_width):
        runs = _fit_runs(runs, size, max_width - pdfmetrics.stringWidth("\u2026", font, size))
        runs.append((font, "\u2026"))
    total = _runs_width(runs, size)
    x = x - total if align == "right" else x - total / 2 if align == "center" else x
    canv.setFillColor(colour)
    for f, t in runs:
        canv.setFont(f, size)
        canv.drawString(x, y, t)
        x += pdfmetrics.stringWidth(t, f, size)
    return total


def write_plan(project: ProjectData, catalogues: CatalogueSet, path: Path, *, page_size: str = "A4",
               hooks: Hooks | None = None, project_path: Path | None = None) -> None:
    """Write the PDF remediation plan to `path` (A4 or Letter); all or nothing.

    The file is built beside the target under a temporary name and renamed at the end, so a
    cancel (ExportCancelled) or an error (ExportError) leaves no file and an older plan intact.
    `project_path`, the project's file when known, is refused as a target like any project file.
    """
    if page_size not in PAGE_SIZES:
        raise ExportError(f"unknown page size {page_size!r} (use A4 or Letter)")
    hooks = hooks or Hooks()
    path = Path(path)
    check_target(path, project_path)
    hooks.step(0, 1000)
    content = build_plan(project, catalogues, today=date.today())
    hooks.step(50, 1000)
    try:
        with replacing(path, "the plan") as out:
            _PlanDocument(content, PAGE_SIZES[page_size], hooks).build(out)
    except LayoutError as exc:
        raise ExportError(f"cannot lay out {path.name}: {exc}") from None
    hooks.step(1000, 1000)
