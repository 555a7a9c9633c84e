"""The plan's fonts: Vera (shipped with reportlab) embedded, and a fallback for letters it lacks.

Every letter printed must be embedded: a letter no embedded font has is printed in the
fallback font when the system has one (DejaVu Sans, Arial), else folded to its base letter.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import reportlab  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFError  # type: ignore[import-untyped]

from ot62443_desktop.exports.pdf.reportlab_internals import MemoFont, glyph_codes

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


@dataclass(frozen=True)
class Glyphs:
    """Which characters the embedded fonts can print: Vera's, plus a fallback's when one exists."""

    vera: frozenset[int]
    fallback: frozenset[int]


@cache
def fonts() -> Glyphs:
    """Register the Vera family once; find a fallback for other letters."""
    folder = Path(reportlab.__file__).parent / "fonts"
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in _VERA_FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(MemoFont(name, str(folder / filename)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    vera = glyph_codes(pdfmetrics.getFont(FONT))
    extra: frozenset[int] = frozenset()
    for candidate in FALLBACK_FONT_FILES:
        if not os.path.isfile(candidate):
            continue
        try:
            font = MemoFont(FALLBACK, candidate)
        except (TTFError, OSError, ValueError):
            continue  # unreadable, or the font forbids embedding
        pdfmetrics.registerFont(font)
        pdfmetrics.registerFontFamily(FALLBACK, normal=FALLBACK, bold=FALLBACK, italic=FALLBACK,
                                      boldItalic=FALLBACK)
        extra = glyph_codes(font) - vera
        break
    return Glyphs(vera, extra)


def fold(char: str, glyphs: Glyphs) -> str:
    """A letter no font can print, as its base letter (ő -> o) or '?' as a last resort."""
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if ord(c) in glyphs.vera)
    return base or "?"


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Drop what no PDF text can hold (control characters, lone surrogates); normalise line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    if text.isascii():
        return _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", _CONTROL.sub("", text))
