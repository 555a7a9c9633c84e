"""The zones-and-conduits drawing as a PNG picture (`ot62443 diagram PROJECT --png FILE`, the register's
summary sheet), drawn with Pillow.

Two pixels per point by default, so it stays sharp on a projector or zoomed in a spreadsheet.
Text is drawn in reportlab's own Vera fonts (and the plan's fallback font for letters Vera lacks),
the fonts it was measured in, so the picture needs no font of the system's.
"""

from __future__ import annotations

import io
import math
from functools import cache
from pathlib import Path

import reportlab  # type: ignore[import-untyped]
from PIL import Image, ImageDraw, ImageFont
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]

from ot62443_desktop.exports.diagram_draw import DASH, Label, Line, Picture, Rect
from ot62443_desktop.exports.output import write_whole
from ot62443_desktop.exports.pdf.fonts import BOLD, FALLBACK, FONT, fonts

SCALE = 2.0  # pixels per point
#: The most pixels a picture has (120 MB in memory): a drawing with a box put far off is drawn smaller, not
#: in gigabytes. A 100-zone plant at SCALE is about a tenth of it.
MAX_PIXELS = 40_000_000
_VERA = {FONT: "Vera.ttf", BOLD: "VeraBd.ttf"}


def png_image(drawing: Picture, scale: float = SCALE) -> Image.Image:
    """The drawing as an RGB image of `scale` pixels per point, or fewer if that would exceed MAX_PIXELS."""
    size = (max(1, math.ceil(drawing.width * scale)), max(1, math.ceil(drawing.height * scale)))
    if size[0] * size[1] > MAX_PIXELS:
        scale = math.sqrt(MAX_PIXELS / (drawing.width * drawing.height))
        size = (max(1, math.floor(drawing.width * scale)), max(1, math.floor(drawing.height * scale)))
    image = Image.new("RGB", size, "#FFFFFF")
    draw = ImageDraw.Draw(image)
    for shape in drawing.shapes:
        if isinstance(shape, Rect):
            _rect(draw, shape, scale)
        elif isinstance(shape, Line):
            _line(draw, shape, scale)
        else:
            _label(draw, shape, scale)
    return image


def png_bytes(drawing: Picture, scale: float = SCALE) -> bytes:
    buffer = io.BytesIO()
    png_image(drawing, scale).save(buffer, "PNG")
    return buffer.getvalue()


def write_png(drawing: Picture, path: Path, *, project_path: Path | None = None) -> None:
    """Write the PNG to `path`, whole or not at all; the project's own file is refused."""
    write_whole(path, lambda: png_bytes(drawing), "the diagram", project_path)


def _rect(draw: ImageDraw.ImageDraw, rect: Rect, scale: float) -> None:
    box = (rect.x * scale, rect.y * scale, (rect.x + rect.w) * scale, (rect.y + rect.h) * scale)
    width = max(1, round(rect.line_width * scale)) if rect.stroke and not rect.dashed else 0
    radius = min(rect.radius * scale, (box[2] - box[0]) / 2, (box[3] - box[1]) / 2)
    draw.rounded_rectangle(box, radius=radius, fill=rect.fill, outline=rect.stroke if width else None, width=width)
    if rect.stroke and rect.dashed:  # Pillow has no dashed outline: the four sides as dashed lines
        x0, y0, x1, y1 = rect.x, rect.y, rect.x + rect.w, rect.y + rect.h
        for side in ((x0, y0, x1, y0), (x1, y0, x1, y1), (x1, y1, x0, y1), (x0, y1, x0, y0)):
            _line(draw, Line(*side, rect.stroke, rect.line_width, True), scale)


def _line(draw: ImageDraw.ImageDraw, line: Line, scale: float) -> None:
    width = max(1, round(line.line_width * scale))
    points = [(x * scale, y * scale) for x, y in line.points]
    if not line.dashed:
        draw.line(points, fill=line.stroke, width=width, joint="curve")
        return
    on, off = DASH[0] * scale, DASH[1] * scale
    for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
        length = math.hypot(x2 - x1, y2 - y1)
        if not length:
            continue
        dx, dy = (x2 - x1) / length, (y2 - y1) / length
        at = 0.0
        while at < length:
            end = min(at + on, length)
            draw.line((x1 + dx * at, y1 + dy * at, x1 + dx * end, y1 + dy * end), fill=line.stroke, width=width)
            at = end + off


def _label(draw: ImageDraw.ImageDraw, label: Label, scale: float) -> None:
    """Each run at the x it was measured to start at, on the label's baseline. A no-break space is drawn as
    the space it was measured as: FreeType gives Vera's twice the width."""
    x, pixels = label.start, round(label.size * scale * 4) / 4
    if pixels <= 0:  # a drawing shrunk to fit MAX_PIXELS: text too small to see, and FreeType has no size 0
        return
    for font, text in label.runs:
        draw.text((x * scale, label.y * scale), text.replace("\u00a0", " "),
                  font=_font(font, pixels), fill=label.colour, anchor="ls")
        x += pdfmetrics.stringWidth(text, font, label.size)


@cache
def _font(name: str, pixels: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(_font_file(name), pixels)


def _font_file(name: str) -> str:
    if name == FALLBACK:
        fonts()
        return str(pdfmetrics.getFont(FALLBACK).face.filename)
    return str(Path(reportlab.__file__).parent / "fonts" / _VERA.get(name, _VERA[FONT]))
