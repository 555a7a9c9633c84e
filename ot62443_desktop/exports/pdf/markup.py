"""Text for reportlab paragraphs: user text escaped, catalogue Markdown converted, nothing else.

User text is data: it is escaped into markup and prints literally, whatever it contains.
Catalogue Markdown goes through a small converter that only ever emits tags of our own, so
a paragraph never carries a tag the text brought with it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph, Spacer  # type: ignore[import-untyped]

from ot62443_desktop.domain.text import one_line
from ot62443_desktop.exports.pdf.fonts import FALLBACK, clean, fold, fonts
from ot62443_desktop.exports.wording import Translator

_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def _glyph_markup(markup: str) -> str:
    """Route letters Vera lacks to the fallback font (or fold them); only our own tags are added."""
    if markup.isascii():
        return markup
    glyphs = fonts()

    def run(match: re.Match[str]) -> str:
        out: list[str] = []
        for char in match.group():
            code = ord(char)
            if code in glyphs.vera:
                out.append(char)
            elif code in glyphs.fallback:
                out.append(f'<font name="{FALLBACK}">{char}</font>')
            else:
                out.append(fold(char, glyphs))
        return "".join(out)

    return _NON_ASCII_RUN.sub(run, markup)


def text_markup(text: str) -> str:
    """User text as reportlab markup that prints literally, line breaks kept."""
    return _glyph_markup(escape(clean(text))).replace("\n", "<br/>")


def id_markup(requirement_id: str) -> str:
    """A requirement id as markup that never breaks across lines (SR 1.1 RE 1)."""
    return text_markup(requirement_id).replace(" ", "&nbsp;")


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


def chunks(text: str, limit: int = PARAGRAPH_CHUNK) -> list[str]:
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
            for n, piece in enumerate(chunks(" ".join(lines))):
                blocks.append(MarkdownBlock(_inline(piece), bullet if n == 0 or bullet is None else "", heading))
        lines, bullet, heading = [], None, False

    for line in clean(text).split("\n"):
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


def para(markup: str, style: Any, bullet: str | None = None) -> Any:
    """A paragraph from markup we built; if the parser still refuses it, the text prints plainly."""
    try:
        return Paragraph(markup, style, bulletText=bullet)
    except ValueError:
        plain = re.sub(r"<[^>]*>", "", markup)
        return Paragraph(text_markup(plain), style, bulletText=bullet)


def markdown_paragraphs(text: str, style: Any, bullet_style: Any) -> list[Any]:
    """Catalogue or assessor Markdown as paragraphs, list items in `bullet_style`."""
    flowables: list[Any] = []
    in_list = False
    for b in markdown_markup(text):
        if in_list and b.bullet is None:
            flowables.append(Spacer(1, 3))  # a list ends: give the next paragraph some air
        in_list = b.bullet is not None
        flowables.append(para(f"<b>{b.markup}</b>" if b.heading else b.markup,
                              style if b.bullet is None else bullet_style, b.bullet or None))
    return flowables


# --- names: user text that sits in narrow cells, headers and running text -------------------

#: A name (client, site, zone, owner, assessor, classification) is printed up to this many
#: characters: it sits in narrow cells, headers and running text, where a page-long name
#: could not be laid out.
NAME_LIMIT = 200
NAMES_LISTED = 30


def shorten(text: str, limit: int = 160) -> str:
    return one_line(text, limit)


def name(text: str) -> str:
    return shorten(text, NAME_LIMIT)


def names(listed: Sequence[str], separator: str, tr: Translator) -> str:
    """A list of names for a cell or a sentence; past NAMES_LISTED the rest are counted, in `tr`'s language."""
    shown = separator.join(name(n) for n in listed[:NAMES_LISTED])
    if len(listed) > NAMES_LISTED:
        shown += tr.n(" and {n} other", " and {n} others", len(listed) - NAMES_LISTED)
    return shown
