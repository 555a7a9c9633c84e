"""How the plan looks: its colours, text sizes and paragraph styles, each defined once.

The priority colours are the register's too (exports/labels.PRIORITY_HEX), so the two
documents agree; the SL colours are the zones-and-conduits drawing's too (exports/diagram_draw.py),
so its boxes read like the cells of the SL matrix beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.enums import TA_CENTER  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]

from ot62443_desktop.domain.model import Priority
from ot62443_desktop.exports.labels import PRIORITY_HEX
from ot62443_desktop.exports.pdf.fonts import BOLD, FONT, fonts

INK_HEX, MUTED_HEX, ACCENT_HEX, WHITE_HEX = "#1D2630", "#5B6770", "#2E6DA4", "#FFFFFF"


def _colours(*hexes: str) -> tuple[Any, ...]:
    return tuple(colors.HexColor(h) for h in hexes)


NAVY_HEX, RULE_HEX, ZEBRA_HEX = "#1F3A5F", "#C9D3DE", "#F4F6F9"
# text, headings, rules and table backgrounds
INK, MUTED, ACCENT, NAVY, RULE = _colours(INK_HEX, MUTED_HEX, ACCENT_HEX, NAVY_HEX, RULE_HEX)
LABEL_RED_HEX = "#A3241F"  # the confidentiality label
ZEBRA, BAND, COVER_TINT, LABEL_RED = _colours(ZEBRA_HEX, "#E8EEF5", "#BFD0E3", LABEL_RED_HEX)
# SL-A cells: reached, one level short, further short, no target (sl_colour)
SL_MET_HEX, SL_SHORT_HEX, SL_FAR_HEX, SL_NONE_HEX = "#D6EDD9", "#F6CDC8", "#E38B82", "#EDEFF1"
SL_MET, SL_SHORT, SL_FAR, SL_NONE = _colours(SL_MET_HEX, SL_SHORT_HEX, SL_FAR_HEX, SL_NONE_HEX)
#: The line drawn in each SL colour's place (the diagram's outlines and conduits): darker, to read on white.
SL_LINE_HEX = {SL_MET_HEX: "#3C8D4F", SL_SHORT_HEX: "#CF6A5F", SL_FAR_HEX: "#A3241F", SL_NONE_HEX: "#8A949C"}
_SL_COLOURS = dict(zip((SL_MET_HEX, SL_SHORT_HEX, SL_FAR_HEX, SL_NONE_HEX), (SL_MET, SL_SHORT, SL_FAR, SL_NONE),
                       strict=True))
# the bars of the FR chart and the maturity meters
BAR_TARGET, BAR_MET, BAR_SHORT = _colours("#9DB3CC", "#3C8D4F", "#C0453D")
# the bars of the progress chart: the previous assessment, this one
BAR_THEN, BAR_NOW = _colours("#B4BDC6", "#2E6DA4")
#: Priority colours (background, text) as reportlab colours.
PRIORITY_COLOURS = {p: (colors.HexColor(bg), colors.HexColor(fg)) for p, (bg, fg) in PRIORITY_HEX.items()}
CELL_SIZE, CELL_LEADING = 7.5, 9.4


def sl_colour(target: int, achieved: int) -> Any:
    """The cell colour of an SL-A against its SL-T: no target, reached, one level short, further."""
    return _SL_COLOURS[shortfall_hex(max(0, target - achieved) if target else None)]


def shortfall_hex(levels: int | None) -> str:
    """The SL colour of a shortfall of `levels` below the target (None: no target at all)."""
    if levels is None:
        return SL_NONE_HEX
    return SL_MET_HEX if levels <= 0 else SL_SHORT_HEX if levels == 1 else SL_FAR_HEX


def priority_colour(priority: Priority) -> Any:
    return PRIORITY_COLOURS[priority][0]


@dataclass(frozen=True)
class Styles:
    """Paragraph styles: every paragraph of the plan uses one of these."""

    body: Any
    small: Any
    muted: Any
    bullet: Any
    h1: Any
    h2: Any
    h3: Any
    cell: Any
    cell_bullet: Any
    kpi: Any
    kpi_alert: Any
    kpi_caption: Any
    cover_client: Any
    cover_site: Any
    cover_label: Any
    cover_caption: Any


@cache
def styles() -> Styles:
    """The styles, built once (after the fonts they name are registered)."""
    fonts()
    base = ParagraphStyle("base", fontName=FONT, fontSize=9, leading=12.6, textColor=INK,
                          bulletFontName=FONT, bulletFontSize=9, spaceAfter=4)
    small = ParagraphStyle("small", base, fontSize=8, leading=10.5)
    cell = ParagraphStyle("cell", base, fontSize=CELL_SIZE, leading=CELL_LEADING, spaceAfter=0)
    kpi = ParagraphStyle("kpi", base, fontName=BOLD, fontSize=20, leading=24, alignment=TA_CENTER,
                         textColor=NAVY, spaceAfter=0)
    return Styles(
        body=base,
        small=small,
        muted=ParagraphStyle("muted", small, textColor=MUTED),
        bullet=ParagraphStyle("bullet", base, leftIndent=14, bulletIndent=3, bulletFontSize=9, spaceAfter=2),
        h1=ParagraphStyle("h1", base, fontName=BOLD, fontSize=17, leading=21, textColor=NAVY, spaceAfter=10),
        h2=ParagraphStyle("h2", base, fontName=BOLD, fontSize=12.5, leading=16, textColor=NAVY,
                          spaceBefore=10, spaceAfter=6),
        h3=ParagraphStyle("h3", base, fontName=BOLD, fontSize=10, leading=13, textColor=INK,
                          spaceBefore=8, spaceAfter=4),
        cell=cell,
        cell_bullet=ParagraphStyle("cell_bullet", cell, leftIndent=10, bulletIndent=1, bulletFontSize=CELL_SIZE,
                                   spaceAfter=1),
        kpi=kpi,
        kpi_alert=ParagraphStyle("kpi_alert", kpi, textColor=LABEL_RED),
        kpi_caption=ParagraphStyle("kpi_caption", cell, alignment=TA_CENTER, textColor=MUTED),
        cover_client=ParagraphStyle("cover_client", base, fontName=BOLD, fontSize=20, leading=25,
                                    textColor=NAVY, spaceAfter=4),
        cover_site=ParagraphStyle("cover_site", base, fontSize=13, leading=17, textColor=MUTED, spaceAfter=18),
        cover_label=ParagraphStyle("cover_label", base, fontName=BOLD, fontSize=10, leading=13,
                                   textColor=LABEL_RED, alignment=TA_CENTER, spaceAfter=0),
        cover_caption=ParagraphStyle("cover_caption", cell, fontName=BOLD, alignment=TA_CENTER, textColor=MUTED),
    )
