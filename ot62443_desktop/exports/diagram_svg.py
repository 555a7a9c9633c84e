"""The zones-and-conduits drawing as an SVG file (`ot62443 diagram PROJECT --svg FILE`).

Built as an XML tree, so every name, id and layer is escaped text or attribute, never markup.
Each shape keeps what it stands for in its class and data-* attributes (a zone's box, the path of
the line from conduit C to zone Z), so the file can be checked, styled or scripted against. Units are points.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ot62443_desktop.exports.diagram_draw import Label, Line, Picture, Rect, Shape
from ot62443_desktop.exports.output import write_whole
from ot62443_desktop.exports.pdf.fonts import BOLD

SVG_NS = "http://www.w3.org/2000/svg"
#: Vera is what the text was measured in; DejaVu Sans has the same metrics, the others nearly.
FONT_FAMILY = "'Bitstream Vera Sans', 'DejaVu Sans', Verdana, Arial, sans-serif"


def svg_bytes(drawing: Picture) -> bytes:
    """The drawing as a standalone SVG document, UTF-8."""
    root = ET.Element("svg", {
        "xmlns": SVG_NS, "version": "1.1", "width": f"{_n(drawing.width)}pt", "height": f"{_n(drawing.height)}pt",
        "viewBox": f"0 0 {_n(drawing.width)} {_n(drawing.height)}", "font-family": FONT_FAMILY,
    })
    ET.SubElement(root, "title").text = drawing.title
    ET.SubElement(root, "rect", {"width": "100%", "height": "100%", "fill": "#FFFFFF"})
    group, kind = root, None
    for shape in drawing.shapes:  # in order, a group for each run of shapes of one kind
        if shape.kind != kind:
            kind = shape.kind
            group = ET.SubElement(root, "g", {"class": kind or "other"})
        _element(group, shape)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def write_svg(drawing: Picture, path: Path, *, project_path: Path | None = None) -> None:
    """Write the SVG to `path`, whole or not at all; the project's own file is refused."""
    write_whole(path, lambda: svg_bytes(drawing), "the diagram", project_path)


def _element(parent: ET.Element, shape: Shape) -> None:
    if isinstance(shape, Rect):
        attrs = {"x": _n(shape.x), "y": _n(shape.y), "width": _n(shape.w), "height": _n(shape.h),
                 "fill": shape.fill or "none"}
        if shape.radius:
            attrs["rx"] = attrs["ry"] = _n(shape.radius)
        if shape.stroke:
            attrs |= {"stroke": shape.stroke, "stroke-width": _n(shape.line_width)}
            if shape.dashed:
                attrs["stroke-dasharray"] = "5 3.5"
        ET.SubElement(parent, "rect", attrs | _data(shape.ref, ""))
    elif isinstance(shape, Line):
        attrs = {"d": "M" + " L".join(f"{_n(x)} {_n(y)}" for x, y in shape.points), "fill": "none",
                 "stroke": shape.stroke, "stroke-width": _n(shape.line_width)}
        if shape.dashed:
            attrs["stroke-dasharray"] = "5 3.5"
        ET.SubElement(parent, "path", attrs | _data(shape.ref, shape.to))
    else:
        _text(parent, shape)


def _text(parent: ET.Element, label: Label) -> None:
    """A line of text: one tspan per run, bold where the run is; the x of each run as measured, so a
    centred line starts where the other renderers start it."""
    text = ET.SubElement(parent, "text", {"x": _n(label.start), "y": _n(label.y), "font-size": _n(label.size),
                                          "fill": label.colour, "xml:space": "preserve"} | _data(label.ref, ""))
    for font, piece in label.runs:
        span = ET.SubElement(text, "tspan")
        if font == BOLD:
            span.set("font-weight", "bold")
        span.text = piece


def _data(ref: str, to: str) -> dict[str, str]:
    found = {"data-id": ref} if ref else {}
    return found | ({"data-zone": to} if to else {})


def _n(value: float) -> str:
    """A coordinate, short: 12, 12.5, 12.25."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
