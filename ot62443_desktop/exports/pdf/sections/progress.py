"""The executive summary's last section for a project carried forward: the progress since the
previous assessment. The gaps closed, new and persisting (counted and per requirement area),
mean SL-A per FR then and now as a chart, and the site's maturity per program element."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.platypus import CondPageBreak, PageBreak, Table  # type: ignore[import-untyped]

from ot62443_desktop.exports.changes import CHANGE_HEADINGS, CHANGE_HEX, Change
from ot62443_desktop.exports.pdf.composer import Composer
from ot62443_desktop.exports.pdf.content import ProgressSummary, fr_label
from ot62443_desktop.exports.pdf.figures import add_legend, area_table, kpi_tiles, level_chart
from ot62443_desktop.exports.pdf.flowables import Meter
from ot62443_desktop.exports.pdf.fonts import BOLD, FONT
from ot62443_desktop.exports.pdf.markup import names, para, text_markup
from ot62443_desktop.exports.pdf.tables import table
from ot62443_desktop.exports.pdf.textlayout import run
from ot62443_desktop.exports.pdf.theme import BAR_NOW, BAR_TARGET, BAR_THEN
from ot62443_desktop.exports.wording import Translator

# Lower chart and tighter rows than the rest of the summary, so that the section keeps to one page.
CHART_HEIGHT = 132
COMPACT = (("TOPPADDING", (0, 1), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 1), (-1, -1), 2))


def progress(k: Composer, number: str, p: ProgressSummary) -> list[Any]:
    """The section, numbered `number` after its siblings; it starts a page of its own."""
    s, tr = k.s, k.tr
    title = (tr("{number} Progress since {date}", number=number, date=tr.date(p.since)) if p.since
             else tr("{number} Progress since the previous assessment", number=number))
    closed, new, persisting = (p.total.count(c) for c in Change)
    story: list[Any] = [
        PageBreak(), k.heading(title, s.h2, "exec-progress", 1, toc=True),
        para(tr("This assessment was carried forward from the previous one. A gap is one requirement not met in "
                "one scope: <b>closed</b> when it was a gap then and is met now, <b>new</b> when it is a gap now "
                "and was not then (every gap of a zone added since is new), <b>persisting</b> when it is a gap in "
                "both. An earlier gap whose requirement has not been assessed again yet, or no longer applies, is "
                "none of these."), s.body),
        kpi_tiles(k, [(tr.count(closed), tr("gaps closed"), s.kpi),
                      (tr.count(new), tr("new gaps"), s.kpi_alert if new else s.kpi),
                      (tr.count(persisting), tr("gaps persisting"), s.kpi),
                      (tr.count(p.unsettled), tr("earlier gaps neither closed nor persisting"), s.kpi)]),
        *zone_changes(k, p),
    ]
    headings = [(tr(CHANGE_HEADINGS[c]), *(colors.HexColor(h) for h in CHANGE_HEX[c])) for c in Change]
    story.append(area_table(k, headings, [(row.label, row.by_change) for row in p.counts],
                            (p.total.label, p.total.by_change), (0.49, 0.17, 0.17, 0.17), extra=COMPACT))
    zones = {"then": tr.count(p.zones_then), "now": tr.count(len(k.content.scored.zones))}
    story += [CondPageBreak(70 * mm), para(tr("<b>Mean SL-A per foundational requirement, then and now</b>"), s.h3)]
    if p.zones_then and k.content.scored.zones:
        story += [para(tr("Mean SL-A over the zones and conduits of each assessment ({then} then, {now} now); beside "
                          "them the mean SL-T now. Under each FR, the change in mean SL-A.", **zones), s.small),
                  progress_chart(k, p)]
    else:  # a mean over no zone is no level: drawn as 0, it would read as a fall or a rise in every FR
        story.append(para(tr("There is no mean SL-A to compare: that needs zones or conduits in both assessments "
                             "({then} then, {now} now).", **zones), s.body))
    if p.elements:
        story += [CondPageBreak(50 * mm), *element_table(k, p)]
    return story


def zone_changes(k: Composer, p: ProgressSummary) -> list[Any]:
    """The zones added and removed since, by id and name."""
    s, tr = k.s, k.tr
    if not p.added and not p.removed:
        return [para(tr("No zone or conduit was added or removed since."), s.body)]
    story = []
    if p.added:
        story.append(para(tr.n("<b>{n} zone or conduit added since:</b> {zones}.",
                               "<b>{n} zones and conduits added since:</b> {zones}.", len(p.added),
                               zones=text_markup(names(p.added, ", ", tr))), s.body))
    if p.removed:
        story.append(para(tr.n("<b>{n} zone or conduit removed since:</b> {zones}; its gaps are no longer counted.",
                               "<b>{n} zones and conduits removed since:</b> {zones}; their gaps are no longer "
                               "counted.", len(p.removed), zones=text_markup(names(p.removed, ", ", tr))), s.body))
    return story


def signed(tr: Translator, change: float) -> str:
    """A change of a mean as "+0.5", "\u22120.5" or "0.0" (to one decimal, in the reader's notation)."""
    rounded = round(change, 1)
    if rounded > 0:
        return "+" + tr.decimal(rounded)
    return "\u2212" + tr.decimal(-rounded) if rounded < 0 else tr.decimal(0.0)


def progress_chart(k: Composer, p: ProgressSummary) -> Any:
    """Per FR: mean SL-A then, mean SL-A now and, for reference, the mean SL-T now, as bars."""
    tr = k.tr
    drawing, _chart = level_chart(
        k, [[f.sl_a_then for f in p.frs], [f.sl_a_now for f in p.frs], [f.sl_t_now for f in p.frs]],
        [tr("{fr}\n{change}", fr=fr_label(f.fr), change=signed(tr, f.sl_a_now - f.sl_a_then)) for f in p.frs],
        (BAR_THEN, BAR_NOW, BAR_TARGET), height=CHART_HEIGHT)
    add_legend(drawing, [(BAR_THEN, tr("Mean SL-A then")), (BAR_NOW, tr("Mean SL-A now")),
                         (BAR_TARGET, tr("Mean SL-T now"))])
    return drawing


def element_table(k: Composer, p: ProgressSummary) -> list[Any]:
    """The site's mean maturity per program element, then and now, each with its target marked."""
    s, tr = k.s, k.tr
    widths = k.cols(0.42, 0.22, 0.22, 0.14)
    rows: list[list[Any]] = [[tr("Program element"), tr("Then"), tr("Now"), tr("Change")]]
    for e in p.elements:
        rows.append([
            k.t(run(e.element.code, BOLD), f" {e.element.title}"),
            _level(k, e.ml_then, p.target_ml_then, widths[1]),
            _level(k, e.ml_now, p.target_ml_now, widths[2]),
            k.t(signed(tr, e.ml_now - e.ml_then) if e.ml_now is not None and e.ml_then is not None else "-"),
        ])
    return [
        para(tr("<b>Security program maturity per element, then and now</b>"), s.h3),
        para(tr("The site's mean maturity per program element on the 0-4 scale; the black mark is the target "
                "(ML{then} then, ML{now} now).",
                then=p.target_ml_then, now=p.target_ml_now), s.small),
        table(rows, widths, [("ALIGN", (3, 0), (3, -1), "CENTER"), ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
                             *COMPACT], long=False),
    ]


def _level(k: Composer, mean: float | None, target: int, width: float) -> Any:
    """A mean maturity and its meter on one line, so the section keeps to one page (a table's own
    font would be Helvetica, which is not embedded)."""
    if mean is None:
        return k.t(k.tr("not rated"))
    number = 24
    flush = [(side, (0, 0), (-1, -1), 0) for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")]
    return Table([[k.t(k.tr.decimal(mean)), Meter(mean, target, width - number - 12)]], colWidths=[number, None],
                 style=[("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *flush],
                 hAlign="LEFT")
