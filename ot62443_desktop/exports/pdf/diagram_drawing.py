"""The zones-and-conduits drawing in the plan: the shapes of exports/diagram_draw.py as reportlab vector
graphics (never a bitmap) in the embedded fonts, scaled to the room the page gives it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from reportlab.graphics import renderPDF  # type: ignore[import-untyped]
from reportlab.graphics.shapes import Drawing, Group, PolyLine, Rect, String  # type: ignore[import-untyped]
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.platypus import Flowable  # type: ignore[import-untyped]

from ot62443_desktop.exports import diagram_draw as dd
from ot62443_desktop.exports.pdf.fonts import FONT
from ot62443_desktop.exports.wording import Translator

MIN_TEXT = 5.0  # points: no text of the drawing is printed smaller (the boxes show ids alone, or text is enlarged)
_MARGIN = 1.04  # enlarged text aims a little above MIN_TEXT: enlarging widens the drawing, which shrinks it again


def fit(picture: dd.Picture, width: float, height: float) -> float:
    """The scale that fits `picture` in width x height, never above life size."""
    return min(1.0, width / picture.width, height / picture.height)


def names_read(picture: dd.Picture, scale: float) -> bool:
    """Whether the boxes' names and small ids print large enough to read at `scale`."""
    return scale * min(dd.NAME_SIZE, dd.ID_SIZE) >= MIN_TEXT


@dataclass(frozen=True)
class Placement:
    """How the drawing goes on the pages: one figure as large as the room allows, or, when even ids would not
    read on one page, parts of it at `scale`, a page each."""

    picture: dd.Picture
    parts: tuple[tuple[float, float, float, float], ...] = ()  # (x, y, w, h) of each part, in the picture's units
    scale: float = 1.0


def placement(facts: dd.DiagramFacts, tr: Translator, width: float, height: float) -> Placement:
    """The drawing for a frame of width x height: with names if they read there, else with ids alone if
    those do, else cut into parts, with names, over as many pages as it takes. Layer names and the legend are
    enlarged where it takes that for them to read too."""
    drawing = dd.picture(facts, tr, heading=False)
    if names_read(drawing, fit(drawing, width, height)):
        return Placement(_enlarged(facts, tr, width, height, ids_only=False))
    drawing = _enlarged(facts, tr, width, height, ids_only=True)
    if smallest(drawing) * fit(drawing, width, height) >= MIN_TEXT:
        return Placement(drawing)
    scale = min(1.0, _MARGIN * MIN_TEXT / min(dd.NAME_SIZE, dd.ID_SIZE))
    drawing = dd.picture(facts, tr, heading=False,
                         magnify=max(1.0, _MARGIN * MIN_TEXT / (scale * min(dd.LEGEND_SIZE, dd.BAND_SIZE))))
    columns, rows = math.ceil(drawing.width * scale / width), math.ceil(drawing.height * scale / height)
    w, h = drawing.width / columns, drawing.height / rows
    return Placement(drawing, tuple((c * w, r * h, w, h) for r in range(rows) for c in range(columns)), scale)


def _enlarged(facts: dd.DiagramFacts, tr: Translator, width: float, height: float, *, ids_only: bool) -> dd.Picture:
    drawing = dd.picture(facts, tr, heading=False, ids_only=ids_only)
    for _ in range(3):  # enlarging widens the layers' column, which shrinks the scale a little
        magnify = max(1.0, _MARGIN * MIN_TEXT / (fit(drawing, width, height) * min(dd.LEGEND_SIZE, dd.BAND_SIZE)))
        drawing = dd.picture(facts, tr, heading=False, ids_only=ids_only, magnify=magnify)
    return drawing


def smallest(picture: dd.Picture) -> float:
    """The size of the smallest text in the picture."""
    return min((shape.size for shape in picture.shapes if isinstance(shape, dd.Label)), default=MIN_TEXT)


def vector(picture: dd.Picture, scale: float) -> Drawing:
    """The picture as a reportlab Drawing `scale` times its size (y turned upwards, as PDF has it)."""
    drawing = Drawing(picture.width * scale, picture.height * scale)
    drawing.initialFontName = FONT  # else the renderer selects Helvetica, which is not embedded
    group = Group(transform=(scale, 0, 0, scale, 0, 0))
    top = picture.height
    for shape in picture.shapes:
        if isinstance(shape, dd.Rect):
            group.add(Rect(shape.x, top - shape.y - shape.h, shape.w, shape.h, rx=shape.radius, ry=shape.radius,
                           fillColor=_colour(shape.fill), strokeColor=_colour(shape.stroke),
                           strokeWidth=shape.line_width, strokeDashArray=list(dd.DASH) if shape.dashed else None))
        elif isinstance(shape, dd.Line):
            group.add(PolyLine([v for x, y in shape.points for v in (x, top - y)], strokeColor=_colour(shape.stroke),
                               strokeWidth=shape.line_width, strokeDashArray=list(dd.DASH) if shape.dashed else None,
                               strokeLineCap=0, strokeLineJoin=1))
        else:
            x = shape.start
            for font, text in shape.runs:
                group.add(String(x, top - shape.y, text, fontName=font, fontSize=shape.size,
                                 fillColor=_colour(shape.colour)))
                x += pdfmetrics.stringWidth(text, font, shape.size)
    drawing.add(group)
    return drawing


def _colour(hex_colour: str | None) -> Any:
    return colors.HexColor(hex_colour) if hex_colour else None


class DiagramFigure(Flowable):  # type: ignore[misc]
    """The drawing as large as the frame's width and the room below allow, never above life size.

    Where less than `room` points are left on the page it asks for `room` (and so goes to the next
    page) rather than shrinking to a thumbnail."""

    def __init__(self, picture: dd.Picture, room: float) -> None:
        super().__init__()
        self.picture, self.room = picture, room
        self.scale = 1.0
        self.drawing: Drawing | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        scale = fit(self.picture, availWidth, max(availHeight, self.room))
        if self.drawing is None or scale != self.scale:
            self.scale, self.drawing = scale, vector(self.picture, scale)
        return self.picture.width * scale, self.picture.height * scale

    def draw(self) -> None:
        if self.drawing is not None:
            renderPDF.draw(self.drawing, self.canv, 0, 0)


class DiagramPart(Flowable):  # type: ignore[misc]
    """One part of a drawing too large for a page: the whole drawing at `scale`, shown through the part."""

    def __init__(self, placement: Placement, part: int, drawings: dict[float, Drawing]) -> None:
        super().__init__()
        self.placement, self.part, self.drawings = placement, part, drawings  # one Drawing shared by the parts

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        _x, _y, w, h = self.placement.parts[self.part]
        return w * self.placement.scale, h * self.placement.scale

    def draw(self) -> None:
        picture, scale = self.placement.picture, self.placement.scale
        x, y, w, h = self.placement.parts[self.part]
        drawing = self.drawings.get(scale)
        if drawing is None:
            drawing = self.drawings[scale] = vector(picture, scale)
        canv = self.canv
        canv.saveState()
        clip = canv.beginPath()
        clip.rect(0, 0, w * scale, h * scale)
        canv.clipPath(clip, stroke=0, fill=0)
        renderPDF.draw(drawing, canv, -x * scale, -(picture.height - y - h) * scale)
        canv.restoreState()
