"""The executive summary's figure furniture, shared by its sections: key-figure tiles, counts per
requirement area, and the bar chart of security levels per FR (vector, in the embedded font)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart  # type: ignore[import-untyped]
from reportlab.graphics.charts.legends import Legend  # type: ignore[import-untyped]
from reportlab.graphics.shapes import Drawing  # type: ignore[import-untyped]
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.platypus import Table  # type: ignore[import-untyped]

from ot62443_desktop.exports.pdf.composer import Composer
from ot62443_desktop.exports.pdf.fonts import BOLD, FONT
from ot62443_desktop.exports.pdf.markup import para
from ot62443_desktop.exports.pdf.tables import table
from ot62443_desktop.exports.pdf.textlayout import run
from ot62443_desktop.exports.pdf.theme import BAND, NAVY, RULE

LEGEND_ROOM = 150  # points right of the plot for the legend
LEVELS = 4  # the security level scale the value axis spans


def kpi_tiles(k: Composer, tiles: Sequence[tuple[str, str, Any]]) -> Table:
    """A band of key figures: (value, caption, value style) each, side by side."""
    return Table(
        [[[para(v, style), para(c, k.s.kpi_caption)] for v, c, style in tiles]],
        colWidths=[k.width / len(tiles)] * len(tiles),
        style=[("FONTNAME", (0, 0), (-1, -1), FONT), ("BACKGROUND", (0, 0), (-1, -1), BAND),
               ("LINEAFTER", (0, 0), (-2, -1), 2, colors.white), ("TOPPADDING", (0, 0), (-1, -1), 8),
               ("BOTTOMPADDING", (0, 0), (-1, -1), 8), ("VALIGN", (0, 0), (-1, -1), "TOP")],
        spaceBefore=4, spaceAfter=10)


def area_table(k: Composer, headings: Sequence[tuple[str, Any, Any]], rows: Sequence[tuple[str, Sequence[int]]],
               total: tuple[str, Sequence[int]], widths: Sequence[float], sum_heading: str | None = None,
               extra: Sequence[tuple[Any, ...]] = ()) -> Any:
    """Counts per requirement area, then the total row in bold. `headings` are the count columns'
    (text, background, colour); `sum_heading`, when given, heads a last column with each row's sum;
    `widths` are the columns' fractions of the text width; `extra`, more table style commands."""
    tr = k.tr

    def line(label: str, counts: Sequence[int], font: str) -> list[Any]:
        # Counts as cell texts like the label, so that they sit on its baseline.
        cells = [tr.count(n) if n else "-" for n in counts]
        cells += [tr.count(sum(counts))] if sum_heading is not None else []
        return [k.t(run(label, font)), *[k.t(run(cell, font)) for cell in cells]]

    head: list[Any] = [tr("Area"), *(text for text, _bg, _fg in headings)]
    data: list[list[Any]] = [head + [sum_heading] if sum_heading is not None else head]
    data += [line(label, counts, FONT) for label, counts in rows]
    data.append(line(*total, BOLD))
    commands: list[tuple[Any, ...]] = [("ALIGN", (1, 0), (-1, -1), "CENTER"),
                                       ("FONTNAME", (0, -1), (-1, -1), BOLD),
                                       ("LINEABOVE", (0, -1), (-1, -1), 0.8, NAVY)]
    for i, (_text, bg, fg) in enumerate(headings, start=1):
        commands += [("BACKGROUND", (i, 0), (i, 0), bg), ("TEXTCOLOR", (i, 0), (i, 0), fg)]
    return table(data, k.cols(*widths), [*commands, *extra], long=False)


def level_chart(k: Composer, series: Sequence[Sequence[float]], categories: Sequence[str],
                colours: Sequence[Any], height: float = 165) -> tuple[Drawing, VerticalBarChart]:
    """Bars of levels on the 0-4 scale, one group per FR, labelled with their value; the caller adds
    its legend in the LEGEND_ROOM left at the right."""
    width = k.width
    drawing = Drawing(width, height)
    drawing.initialFontName = FONT  # else the renderer selects Helvetica, which is not embedded
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 28, 42, width - LEGEND_ROOM, height - 58
    chart.data = [list(values) for values in series]
    chart.groupSpacing, chart.barSpacing = 8, 1
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, LEVELS, 1
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.strokeColor = RULE
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.dy = -3
    chart.categoryAxis.categoryNames = list(categories)
    chart.bars.strokeWidth = 0
    for n, colour in enumerate(colours):
        chart.bars[n].fillColor = colour
    chart.barLabelFormat = k.tr.decimal
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6
    chart.barLabels.nudge = 5
    drawing.add(chart)
    return drawing, chart


def add_legend(drawing: Drawing, pairs: Sequence[tuple[Any, str]]) -> Legend:
    """The chart's key, (colour, text) per line, in the room right of the plot."""
    legend = Legend()
    legend.x, legend.y = drawing.width - LEGEND_ROOM + 38, drawing.height - 24
    legend.fontName, legend.fontSize = FONT, 7
    legend.alignment = "right"
    legend.deltay = 12
    legend.columnMaximum = 4
    legend.colorNamePairs = list(pairs)
    drawing.add(legend)
    return legend
