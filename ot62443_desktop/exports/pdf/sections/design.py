"""The executive summary's last section: the zones-and-conduits drawing (vector) and the design checks.

No text of the drawing prints smaller than MIN_TEXT points. Where the drawing is too wide for that
in the text width, the section takes pages of its own in landscape; where even those are too small
for names, as with a hundred zones, the boxes show their ids alone, large, and the SL matrix of 1.1
gives each id's name; where even ids would not read, the drawing is cut into parts, with names, a
landscape page each. The checks are listed under the drawing.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.platypus import CondPageBreak, NextPageTemplate, PageBreak  # type: ignore[import-untyped]

from ot62443_desktop.exports.diagram_draw import picture
from ot62443_desktop.exports.pdf.composer import Composer
from ot62443_desktop.exports.pdf.content import DesignSummary
from ot62443_desktop.exports.pdf.diagram_drawing import (
    DiagramFigure,
    DiagramPart,
    Placement,
    fit,
    names_read,
    placement,
)
from ot62443_desktop.exports.pdf.fonts import BOLD
from ot62443_desktop.exports.pdf.markup import name, para
from ot62443_desktop.exports.pdf.tables import table
from ot62443_desktop.exports.pdf.textlayout import run

ABOVE = 70.0  # points the heading and the introduction take above the drawing
INLINE_SHARE = 0.6  # the most of a portrait page the drawing may take in the flow of the summary


def design(k: Composer, number: str, d: DesignSummary) -> list[Any]:
    """The section, numbered `number` after its siblings."""
    s, tr = k.s, k.tr
    drawing = picture(d.diagram, tr, heading=False)
    inline = names_read(drawing, fit(drawing, k.width, k.height * INLINE_SHARE))
    width, height = (k.width, k.height * INLINE_SHARE) if inline else (k.wide[0], k.wide[1] - ABOVE)
    shown = placement(d.diagram, tr, width, height)
    intro = tr("Each zone is a box in the band of its layer; each conduit is a rounded box with a line to every zone "
               "it connects. Both are coloured by their worst SL gap: the largest shortfall of SL-A below SL-T over "
               "the seven foundational requirements.")
    if shown.picture.ids_only:
        intro += " " + tr("At this size the boxes show their ids only; the table of 1.1 gives each one's name.")
    if shown.parts:
        intro += " " + tr("The drawing is too large for one page: it runs over {n} pages, left to right and top "
                          "to bottom.", n=len(shown.parts))
    story = [k.heading(tr("{number} Zones and conduits diagram", number=number), s.h2, "exec-diagram", 1, toc=True),
             para(intro, s.small), *figures(k, shown, height)]
    checks = [CondPageBreak(40 * mm), *design_checks(k, d, width)]
    if inline:  # the heading, introduction and drawing on one page
        return [CondPageBreak(ABOVE + drawing.height * fit(drawing, width, height)), *story, *checks]
    # The roadmap after it starts a page of its own, and so in portrait again.
    return [NextPageTemplate("wide"), PageBreak(), *story, *checks, NextPageTemplate("body")]


def figures(k: Composer, shown: Placement, room: float) -> list[Any]:
    """The drawing, or its parts a page each, each part captioned with where it sits in the whole."""
    if not shown.parts:
        return [DiagramFigure(shown.picture, room)]
    columns = round(shown.picture.width / shown.parts[0][2])
    drawings: dict[float, Any] = {}
    story: list[Any] = []
    for n in range(len(shown.parts)):
        story += [*([PageBreak()] if n else []), DiagramPart(shown, n, drawings),
                  para(k.tr("Part {part} of {parts}: row {row}, column {column}.", part=n + 1,
                            parts=len(shown.parts), row=n // columns + 1, column=n % columns + 1), k.s.muted)]
    return story


def design_checks(k: Composer, d: DesignSummary, width: float) -> list[Any]:
    """What the design checks look for, and a row per finding: the scope, the check, what it found."""
    s, tr = k.s, k.tr
    story: list[Any] = [
        para(tr("<b>Design checks</b>"), s.h3),
        para(tr("What an auditor looks for first on such a drawing: a conduit joining zones whose SL-T differ by two "
                "levels or more in a foundational requirement with no design note saying why, a zone no conduit "
                "connects, a conduit naming a zone the project does not have or connecting fewer than two, and a "
                "zone at Purdue levels 0 to 2 with no asset listed."), s.small),
    ]
    if not d.checks:
        return [*story, para(tr("None of these was found."), s.body)]
    rows: list[list[Any]] = [[tr("Zone or conduit"), tr("Check"), tr("Finding")]]
    rows += [[k.t(run(c.scope_id, BOLD), f"  {name(c.scope_name)}"), k.t(c.check), k.t(c.text)] for c in d.checks]
    story.append(para(tr.n("{n} finding:", "{n} findings:", len(d.checks)), s.body))
    story.append(table(rows, [width * f for f in (0.3, 0.22, 0.48)]))
    return story
