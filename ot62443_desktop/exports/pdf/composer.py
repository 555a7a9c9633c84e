"""What every section of the plan needs to make its flowables, built once per export."""

from __future__ import annotations

from typing import Any

from ot62443_desktop.exports.pdf.content import PlanContent
from ot62443_desktop.exports.pdf.flowables import Heading, Outline, Text, TextCache
from ot62443_desktop.exports.pdf.markup import name, shorten
from ot62443_desktop.exports.pdf.textlayout import Run, run
from ot62443_desktop.exports.pdf.theme import CELL_LEADING, CELL_SIZE, INK_HEX, MUTED_HEX, styles


class Composer:
    """The text frames' sizes, styles, cell-text memo and outline the sections share.

    The outline collects the headings as they are made (for the contents) and their pages as
    they are drawn (for the page numbers); the memo lives as long as one document.
    """

    def __init__(self, content: PlanContent, width: float, height: float = 0.0,
                 wide: tuple[float, float] = (0.0, 0.0)) -> None:
        self.content, self.facts, self.width = content, content.facts, width
        self.height = height  # of a page's text frame
        self.wide = wide  # (width, height) of the text frame of a landscape page ("wide" template)
        self.tr = content.tr
        self.s = styles()
        self.outline = Outline()
        self.texts = TextCache()
        self.action_links = {a.requirement.id: f"act-{n}" for n, a in enumerate(content.actions, start=1)}

    def t(self, *runs: Run | str, colour: str = INK_HEX, size: float = CELL_SIZE) -> Text:
        """A table cell text from runs; a bare string is a run in the regular font."""
        return Text(tuple(r if isinstance(r, tuple) else run(r) for r in runs), self.texts, colour=colour,
                    size=size, leading=CELL_LEADING if size == CELL_SIZE else size * 1.25)

    def heading(self, text: str, style: Any, key: str, level: int, *, toc: bool = False) -> Heading:
        """A heading with a bookmark `key`; listed in the contents when `toc`."""
        if toc:
            self.outline.toc.append((level, shorten(text, 120), key))
        return Heading(text, style, key, level, self.outline)

    def cols(self, *fractions: float) -> list[float]:
        """Column widths as fractions of the text width."""
        return [self.width * f for f in fractions]


    def zones_phrase(self, count: int) -> str:
        return self.tr.n("{n} zone or conduit", "{n} zones and conduits", count)

    def owner_run(self, owner: str) -> Run:
        """The owner of a gap, or "Unassigned" in grey."""
        return run(name(owner)) if owner.strip() else run(self.tr("Unassigned"), colour=MUTED_HEX)
