"""Every use the plan makes of reportlab's private parts, in one module, for speed.

reportlab's public path sets each table cell through a text object of its own and encodes
every string into the font subsets again; a 1,300-page plan has some hundred thousand cells.
The plan instead writes prepared PDF operators straight into the page and lets its fonts
remember widths and encodings. These rely on details reportlab does not promise to keep;
tests/exports/pdf/test_reportlab_internals.py checks each one and names the reportlab
version when a release changes it. Nothing else in the package touches a private name.
"""

from __future__ import annotations

import contextlib
from abc import ABCMeta, abstractmethod
from collections.abc import Iterator
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import rl_config  # type: ignore[import-untyped]
from reportlab.lib.rl_accel import escapePDF  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]
from reportlab.platypus import Flowable  # type: ignore[import-untyped]

#: The reportlab releases these internals were checked against (see the test).
WRITTEN_FOR = "reportlab 4.0 to 5.1"


def write_to_page(canvas: Any, operators: str) -> None:
    """Append PDF operators to the current page's content stream, as the canvas does itself."""
    canvas._code.append(operators)


def encoded(canvas: Any, font_name: str, text: str) -> list[tuple[str, str]]:
    """`text` in `font_name` as (PDF font resource name, escaped string) pieces, one per font
    subset, the way reportlab's text objects encode it; the resources are added to the page."""
    font, doc = pdfmetrics.getFont(font_name), canvas._doc
    name = font.getSubsetInternalName
    return [(name(subset, doc), escapePDF(chunk)) for subset, chunk in font.splitString(text, doc)]


def glyph_codes(font: Any) -> frozenset[int]:
    """The characters a TrueType font has a glyph for."""
    return frozenset(font.face.charToGlyph)


@contextlib.contextmanager
def binary_streams() -> Iterator[None]:
    """Save streams in binary rather than ASCII85: a quarter smaller, and no slow encoding pass."""
    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = previous


@contextlib.contextmanager
def in_row_split(table: Any, min_height: float) -> Iterator[None]:
    """While the block runs, `table.split` may cut inside a row, leaving parts of at least
    `min_height` (0: only between rows). The tables a split makes inherit the setting, so
    each split states its own."""
    table.splitInRow = min_height
    try:
        yield
    finally:
        table.splitInRow = 0


class MemoFont(TTFont):  # type: ignore[misc]
    """A TrueType font that remembers word widths and subset encodings.

    Line breaking measures every word, and every line is encoded into the font subset; a
    plan does both for the same few thousand words over and over. reportlab calls
    `splitString(text, doc)` with the document whose subsets a character keeps for life.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self._memo_widths: dict[tuple[str, float], float] = {}
        self._memo_encoded: WeakKeyDictionary[Any, dict[str, Any]] = WeakKeyDictionary()

    def stringWidth(self, text: str, size: float, encoding: str = "utf8") -> float:
        key = (text, size)
        width = self._memo_widths.get(key)
        if width is None:
            if len(self._memo_widths) > 100_000:  # bounded: the GUI process runs many exports
                self._memo_widths.clear()
            width = self._memo_widths[key] = super().stringWidth(text, size, encoding)
        return width

    def splitString(self, text: str, doc: Any, encoding: str = "utf-8") -> Any:
        encoded = self._memo_encoded.get(doc)
        if encoded is None:
            encoded = self._memo_encoded[doc] = {}
        result = encoded.get(text)
        if result is None:  # a character keeps its subset code for the life of a document
            result = encoded[text] = super().splitString(text, doc, encoding)
        return result


class DirectFlowable(Flowable, metaclass=ABCMeta):  # type: ignore[misc]
    """A flowable that writes itself into the page at (x, y), without the save, translate and
    restore of Flowable.drawOn: tables and frames call drawOn(canvas, x, y, _sW)."""

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        self.draw_at(canvas, x, y)

    def draw(self) -> None:
        self.draw_at(self.canv, 0.0, 0.0)

    @abstractmethod
    def draw_at(self, canvas: Any, x: float, y: float) -> None:
        """Write the flowable with its lower left corner at (x, y) of the page."""
