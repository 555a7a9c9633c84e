"""The zones-and-conduits drawing as a list of shapes that every document renderer draws the same way.

SVG (diagram_svg.py), PNG (diagram_png.py) and the plan's vector drawing (pdf/diagram_drawing.py)
draw these shapes and nothing else, placed by `domain.diagram.layout`, the layout the GUI shows:
the drawing in a document is the one the consultant arranged on screen. Each box is coloured by
its worst SL gap in the plan's SL colours (pdf/theme.py), so it reads like the SL matrix.

Units are points, y downwards, as the layout's. Text is measured in the Vera fonts the plan
embeds and the PNG renderer loads, so what fits a box fits it in every renderer; a letter Vera
lacks is in the fallback font (or folded). User text is only ever a shape's text, never markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from ot62443_desktop.domain.catalogue import CatalogueSet
from ot62443_desktop.domain.diagram import Diagram, layout
from ot62443_desktop.domain.diagram_grid import LABEL_W, MARGIN, Box
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import ProjectData
from ot62443_desktop.domain.report import ScoredProject, score_project
from ot62443_desktop.exports.labels import confidentiality, layer_titles
from ot62443_desktop.exports.pdf.fonts import BOLD, FONT, fonts
from ot62443_desktop.exports.pdf.textlayout import break_runs, fit_line, glyph_runs, one_line, run, runs_width
from ot62443_desktop.exports.pdf.theme import (
    INK_HEX,
    LABEL_RED_HEX,
    MUTED_HEX,
    RULE_HEX,
    SL_LINE_HEX,
    ZEBRA_HEX,
    shortfall_hex,
)
from ot62443_desktop.exports.wording import Translator, translator

#: Text sizes: a zone's name; ids, conduits' names and markers (the smallest text in a box); band names; the legend.
NAME_SIZE, ID_SIZE, BAND_SIZE, LEGEND_SIZE = 8.5, 7.0, 7.5, 7.0
TITLE_SIZE, HEADING_H = 13.0, 36.0  # the title lines above the drawing, when it has them
OVERVIEW_ZONE_SIZE, OVERVIEW_CONDUIT_SIZE, OVERVIEW_MIN = 22.0, 18.0, 8.0  # ids-only boxes
LINE_WIDTH, DASH = 1.6, (5.0, 3.5)
MIN_WIDTH = 440.0  # room for the legend under a drawing of one or two zones
WHITE = "#FFFFFF"

TextRun = tuple[str, str]  # (font, text): FONT, BOLD or the fallback font of exports.pdf.fonts


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str | None
    stroke: str | None
    radius: float = 0.0
    line_width: float = 1.0
    dashed: bool = False
    kind: str = ""  # what it stands for: zone, conduit, band, marker, swatch (SVG classes, tests)
    ref: str = ""  # the id of the zone or conduit it draws


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str
    line_width: float = LINE_WIDTH
    dashed: bool = False
    kind: str = ""  # link (a conduit to one zone it connects), rule, swatch
    ref: str = ""  # the conduit's id
    to: str = ""  # the zone's id
    via: tuple[tuple[float, float], ...] = ()  # the corners between (x1, y1) and (x2, y2), in order

    @property
    def points(self) -> tuple[tuple[float, float], ...]:
        return ((self.x1, self.y1), *self.via, (self.x2, self.y2))


@dataclass(frozen=True)
class Label:
    """One line of text; (x, y) is the start of its baseline, or its middle when `centred`."""

    x: float
    y: float
    runs: tuple[TextRun, ...]
    size: float
    colour: str
    centred: bool = False
    kind: str = ""
    ref: str = ""

    @property
    def text(self) -> str:
        return "".join(text for _font, text in self.runs)

    @property
    def width(self) -> float:
        return runs_width(self.runs, self.size)

    @property
    def start(self) -> float:
        """Where the first run begins."""
        return self.x - self.width / 2 if self.centred else self.x


Shape = Rect | Line | Label


@dataclass(frozen=True)
class Picture:
    width: float
    height: float
    shapes: tuple[Shape, ...]
    title: str  # what the drawing is, for a document's metadata
    ids_only: bool = False  # the boxes show their ids alone


@dataclass(frozen=True)
class DiagramFacts:
    """What the drawing shows, in the report language: where things go and how far each falls short."""

    layout: Diagram
    worst: Mapping[str, int | None]  # zone or conduit id -> its worst SL gap; None: no SL-T at all
    band_names: tuple[str, ...]  # one per band of the layout
    title: str
    label: str  # the confidentiality label


def diagram_facts(scored: ScoredProject, tr: Translator) -> DiagramFacts:
    """The drawing of a scored project: its layout, each box's worst gap and the layers' names in `tr`'s
    language (the Purdue levels translated; a project's own layers as typed)."""
    info = scored.data.info
    diagram = layout(scored.data)
    worst = {s.zone.id: s.worst_gap for s in scored.zones}
    titles = dict(zip(info.layer_names, layer_titles(info, tr), strict=True))
    names = tuple(tr("Not in this project") if band.missing_only
                  else titles.get(band.name) or tr("Not placed in a layer") for band in diagram.bands)
    return DiagramFacts(diagram, worst, names,
                        tr("Zones and conduits: {client}, {site}", client=info.client, site=info.site),
                        confidentiality(info, tr))


def project_picture(project: ProjectData, catalogues: CatalogueSet, language: Language) -> Picture:
    """The drawing of `project` with its title, in `language`: what `ot62443 diagram` writes."""
    tr = translator(language)
    return picture(diagram_facts(score_project(project, catalogues), tr), tr)


def box_colours(worst: int | None) -> tuple[str, str]:
    """(fill, line) of a box, or of a conduit's lines, with this worst gap."""
    fill = shortfall_hex(worst)
    return fill, SL_LINE_HEX[fill]


def picture(facts: DiagramFacts, tr: Translator, *, heading: bool = True, ids_only: bool = False,
            magnify: float = 1.0) -> Picture:
    """The shapes of the drawing: the title lines (when `heading`), the bands, lines, boxes and the legend.

    For a drawing shown small: `ids_only` writes each box's id large instead of its name and id (the
    plan lists each id with its name); `magnify` enlarges the layers' names (their column widens to
    match) and the legend."""
    fonts()
    diagram = facts.layout
    left, top = LABEL_W * (magnify - 1), HEADING_H if heading else 0.0
    # Zones and markers, then the lines, then conduits, then every text: a line that runs across a zone it does
    # not connect (one the user dragged into its way) is seen crossing it, under its text.
    drawn = [_box(box, facts.worst.get(box.zone_id), ids_only) for box in diagram.boxes]
    body: list[Shape] = [rect for rect, _labels in drawn if rect.kind == "zone"]
    marked = [_marker(box, ids_only) for box in diagram.markers]
    body += [rect for rect, _label in marked]
    body += [Line(*link.points[0], *link.points[-1], box_colours(facts.worst.get(link.conduit_id))[1],
                  dashed=link.missing, kind="link", ref=link.conduit_id, to=link.zone_id, via=link.points[1:-1])
             for link in diagram.links]
    body += [rect for rect, _labels in drawn if rect.kind == "conduit"]
    body += [_halo(label, rect.fill) for rect, labels in drawn if rect.kind == "zone" for label in labels]
    body += [label for _rect, labels in drawn for label in labels]
    body += [label for _rect, label in marked]
    body = [_moved(shape, left, top) for shape in body]
    width = max(left + diagram.width, MIN_WIDTH * magnify)
    shapes: list[Shape] = []
    if heading:
        shapes += [_line(facts.title, BOLD, TITLE_SIZE, MARGIN, 22, INK_HEX, width - 2 * MARGIN, kind="title"),
                   _line(facts.label, BOLD, LEGEND_SIZE + 1, MARGIN, 37, LABEL_RED_HEX, width - 2 * MARGIN,
                         kind="title")]
    for n, (band, name) in enumerate(zip(diagram.bands, facts.band_names, strict=True)):
        y = top + band.y
        shapes += [Rect(0, y, width, band.h, ZEBRA_HEX if n % 2 else None, None, kind="band"),
                   Line(0, y, width, y, RULE_HEX, 0.8, kind="rule"),
                   *_band_name(name, y, band.h, BAND_SIZE * magnify, left + LABEL_W - MARGIN)]
    if diagram.bands:
        bottom = top + diagram.bands[-1].y + diagram.bands[-1].h
        shapes.append(Line(0, bottom, width, bottom, RULE_HEX, 0.8, kind="rule"))
    legend, legend_h = _legend(tr, top + diagram.height + 6 * magnify, width, magnify)
    return Picture(width, top + diagram.height + 6 * magnify + legend_h + MARGIN / 2, (*shapes, *body, *legend),
                   facts.title, ids_only)


# -- pieces -----------------------------------------------------------------------------------------


def _line(text: str, font: str, size: float, x: float, y: float, colour: str, room: float | None, *,
          centred: bool = False, kind: str = "", ref: str = "") -> Label:
    """One line of text, cut with an ellipsis to `room` points."""
    return Label(x, y, tuple(fit_line(text, font, size, room)), size, colour, centred, kind, ref)


def _band_name(name: str, y: float, height: float, size: float, column: float) -> list[Label]:
    """A layer's name in the column left of its boxes, wrapped onto at most three lines, centred in the band."""
    lines = _wrapped(name, column, size, 3)
    leading = size * 1.25
    first = y + height / 2 - (len(lines) * leading) / 2 + size
    return [Label(MARGIN / 2, first + n * leading, line, size, MUTED_HEX, kind="band") for n, line in enumerate(lines)]


def _box(box: Box, worst: int | None, ids_only: bool) -> tuple[Rect, list[Label]]:
    """A zone (a rounded box) or conduit (a pill) in its colours, and its texts: its name and id or, large,
    its id alone."""
    fill, line = box_colours(worst)
    y = box.y
    kind = "conduit" if box.conduit else "zone"
    rect = Rect(box.x, y, box.w, box.h, fill, line, box.h / 2 if box.conduit else 6.0, 1.4, kind=kind,
                ref=box.zone_id)
    room = box.w - (box.h if box.conduit else 12)
    middle = box.x + box.w / 2
    if ids_only:  # one line across the middle, where a pill's round ends leave it nearly the whole width
        room = box.w - 12
        size = _overview_size(box.zone_id, OVERVIEW_CONDUIT_SIZE if box.conduit else OVERVIEW_ZONE_SIZE, room, box.h)
        return rect, [_line(box.zone_id, BOLD, size, middle, y + box.h / 2 + size * 0.36, INK_HEX, room,
                            centred=True, kind=kind, ref=box.zone_id)]
    if box.conduit:  # its id, and under it as much of its name as fits
        baseline = y + box.h / 2 - 1.5
        return rect, [_line(box.zone_id, BOLD, ID_SIZE, middle, baseline, INK_HEX, room, centred=True, kind=kind,
                            ref=box.zone_id),
                      _line(box.name, FONT, ID_SIZE, middle, baseline + ID_SIZE + 1.5, INK_HEX,
                            room, centred=True, kind=kind, ref=box.zone_id)]
    lines = _wrapped(box.name, room, NAME_SIZE, 2)
    leading = NAME_SIZE * 1.18
    block = len(lines) * leading + ID_SIZE * 1.2
    baseline = y + (box.h - block) / 2 + NAME_SIZE * 0.9
    labels = []
    for text in lines:
        labels.append(Label(middle, baseline, text, NAME_SIZE, INK_HEX, True, kind, box.zone_id))
        baseline += leading
    labels.append(_line(box.zone_id, FONT, ID_SIZE, middle, baseline + ID_SIZE * 0.25, INK_HEX, room,
                        centred=True, kind=kind, ref=box.zone_id))
    return rect, labels


def _halo(label: Label, fill: str | None) -> Rect:
    """The box's colour behind one line of its text, so that a line crossing the box does not strike it out."""
    return Rect(label.start - 1.5, label.y - label.size * 0.82, label.width + 3, label.size * 1.08, fill, None,
                kind="halo")


def _wrapped(text: str, room: float, size: float, most: int) -> list[tuple[TextRun, ...]]:
    """`text` in bold on at most `most` lines of `room` points, the last cut with an ellipsis if need be."""
    lines, _widest = break_runs(glyph_runs([run(one_line(text), BOLD)]), room, size)
    out = [tuple((font, piece) for piece, font, _c, _l in line) for line in lines[:most]]
    if len(lines) > most:  # what is left, too long for the last line, cut there
        rest = " ".join("".join(piece for piece, *_ in line) for line in lines[most - 1:])
        out[-1] = tuple(fit_line(rest, BOLD, size, room))
    return out


def _marker(box: Box, ids_only: bool) -> tuple[Rect, Label]:
    """A zone a conduit names that the project lacks: a dashed box, and "? ID" in it."""
    text, room = f"? {box.zone_id}", box.w - 12
    size = _overview_size(text, OVERVIEW_ZONE_SIZE, room, box.h) if ids_only else ID_SIZE
    return (Rect(box.x, box.y, box.w, box.h, WHITE, INK_HEX, 6.0, 1.0, True, "marker", box.zone_id),
            _line(text, BOLD if ids_only else FONT, size, box.x + box.w / 2, box.y + box.h / 2 + size * 0.36,
                  INK_HEX, room, centred=True, kind="marker", ref=box.zone_id))


def _overview_size(text: str, size: float, room: float, height: float) -> float:
    """The size of a box's id drawn alone and large: `size`, or less where it would not fit across `room` (not
    below OVERVIEW_MIN) or within the box's `height`."""
    fits = 0.95 * size * room / max(1.0, runs_width([(BOLD, text)], size))
    return min(max(OVERVIEW_MIN, min(size, fits)), height * 0.7)


def _legend(tr: Translator, top: float, width: float, magnify: float) -> tuple[list[Shape], float]:
    """The key under the drawing, its items flowing onto as many lines as the width needs: the two box
    shapes, the four colours of the worst SL gap, the dashed line; and its height."""
    met, short, far, none = (box_colours(g) for g in (0, 1, 2, None))
    size, m = LEGEND_SIZE * magnify, magnify
    w, h, gap, row = 20.0 * m, 11.0 * m, 14.0 * m, 16.0 * m

    def swatch(colours: tuple[str, str], radius: float = 3.0) -> list[Shape]:
        return [Rect(0, 0, w, h, *colours, radius * m, 1.0, kind="swatch")]

    items: list[tuple[str, list[Shape]]] = [
        (tr("Zone"), swatch((WHITE, INK_HEX))),
        (tr("Conduit"), swatch((WHITE, INK_HEX), 5.5)),
        (tr("Worst SL gap over the FRs (SL-T minus SL-A):"), []),
        (tr("0, SL-T met"), swatch(met)),
        (tr("1 level"), swatch(short)),
        (tr("2 or more levels"), swatch(far)),
        (tr("no SL-T set"), swatch(none)),
        (tr("a zone this project does not have"), [Line(0, h / 2, w, h / 2, INK_HEX, LINE_WIDTH, True, kind="swatch")]),
    ]
    shapes: list[Shape] = []
    x, y = MARGIN, top
    for text, glyph in items:
        runs = fit_line(text, FONT, size, width - 2 * MARGIN - w - 6)
        need = (w + 5 * m if glyph else 0) + runs_width(runs, size)
        if x > MARGIN and x + need > width - MARGIN:
            x, y = MARGIN, y + row
        if glyph:
            shapes += [_moved(shape, x, y) for shape in glyph]
            x += w + 5 * m
        shapes.append(Label(x, y + h - 2 * m, tuple(runs), size, INK_HEX if glyph else MUTED_HEX, kind="legend"))
        x += runs_width(runs, size) + gap
    return shapes, y + row - top


def _moved(shape: Shape, dx: float, dy: float) -> Shape:
    if isinstance(shape, Line):
        return replace(shape, x1=shape.x1 + dx, y1=shape.y1 + dy, x2=shape.x2 + dx, y2=shape.y2 + dy,
                       via=tuple((x + dx, y + dy) for x, y in shape.via))
    return replace(shape, x=shape.x + dx, y=shape.y + dy)
