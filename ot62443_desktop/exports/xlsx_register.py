"""The Excel gap register (SPEC 7): how the rows of register_rows.py are laid out in a workbook.

Every figure comes from one scored view of the project (domain/report.py). The cells are
streamed through xlsx_stream.py, the one module that knows openpyxl's internals. User text
is always stored as a string cell; text that Excel would read as a formula also gets the
quote-prefix flag so re-editing keeps it text. Each register column's header cell carries a
defined name made from the column's id, which is what the import matches, so headings may
be renamed or translated and columns moved. The file appears only when complete: it is
streamed into a new file beside the target and renamed over it (output.py).
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from openpyxl.chart import BarChart, Reference  # type: ignore[import-untyped]
from openpyxl.drawing.image import Image as SheetImage  # type: ignore[import-untyped]
from openpyxl.formatting.rule import CellIsRule, FormulaRule  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.workbook.defined_name import DefinedName  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]
from openpyxl.worksheet.filters import AutoFilter  # type: ignore[import-untyped]
from openpyxl.worksheet.pagebreak import Break  # type: ignore[import-untyped]
from openpyxl.worksheet.properties import PageSetupProperties  # type: ignore[import-untyped]
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo  # type: ignore[import-untyped]

from ot62443_desktop import __version__
from ot62443_desktop.domain.catalogue import FR_IDS, CatalogueSet
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import ItemState, Priority, ProjectData, ProjectInfo
from ot62443_desktop.domain.progress import progress_between
from ot62443_desktop.domain.report import ScoredProject, score_project
from ot62443_desktop.domain.rules import Result
from ot62443_desktop.exports import register_rows as rr
from ot62443_desktop.exports.cell_text import clean_text
from ot62443_desktop.exports.changes import CHANGE_HEX, CHANGE_LABELS
from ot62443_desktop.exports.diagram_draw import diagram_facts, picture
from ot62443_desktop.exports.diagram_png import SCALE as PNG_SCALE
from ot62443_desktop.exports.diagram_png import png_bytes
from ot62443_desktop.exports.labels import (
    CRITICALITY_LABELS,
    KIND_LABELS,
    PRIORITY_HEX,
    RESULT_LABELS,
    STATE_LABELS,
    confidentiality,
)
from ot62443_desktop.exports.output import InMemory, Target, as_target, check_target, replacing
from ot62443_desktop.exports.progress import Hooks
from ot62443_desktop.exports.protect import check_password, encrypt_xlsx
from ot62443_desktop.exports.register_rows import (
    ANSWERS_SHEET,
    CHANGES_SHEET,
    KEYS_SHEET,
    PROGRAM_SHEET,
    REGISTER_SHEET,
    SUMMARY_SHEET,
)
from ot62443_desktop.exports.wording import N_, Translator, translator
from ot62443_desktop.exports.xlsx_stream import (
    BOLD_WIDTH,
    CellMaker,
    StreamColumn,
    TableStream,
    declare_size,
    discard,
    new_workbook,
    row_height,
    set_row_height,
    stream_sheet,
    text_only,
    wrapped_lines,
)

__all__ = ["ANSWERS_SHEET", "CHANGES_SHEET", "KEYS_SHEET", "PROGRAM_SHEET", "REGISTER_SHEET", "REGISTER_TABLE",
           "SUMMARY_SHEET", "key_sheet_values", "write_register"]

REGISTER_TABLE = "GapRegister"
STEP_ROWS = 250  # rows between progress reports (and cancel checks)

#: Excel number formats of dates and date-times, as each language writes them.
DATE_FORMATS = {Language.EN: ("yyyy-mm-dd", "yyyy-mm-dd hh:mm"), Language.FR: ("dd/mm/yyyy", "dd/mm/yyyy hh:mm")}
DARK_BLUE, WHITE = "1F3864", "FFFFFF"
RED_FILL, RED_TEXT = "FFC7CE", "9C0006"
AMBER_FILL, AMBER_TEXT = "FFEB9C", "9C5700"
GREEN_FILL, GREEN_TEXT = "C6EFCE", "006100"
GREY_FILL, GREY_TEXT = "EDEDED", "595959"
PAPER_A4 = 9
SCREEN_PX = 96 / 72  # screen pixels per point, as Excel shows a picture at 100 %
DIAGRAM_WIDTH = 1600  # screen pixels: the widest the summary shows the diagram (a 100-zone one is wider)
SHARPNESS = 1.5  # picture pixels per screen pixel: sharp at 150 % zoom; each pixel more costs the export time
HEADER_FOOTER_LIMIT = 100  # Excel allows 255 characters for a whole header; keep the label short

StyleArray = Any


def write_register(project: ProjectData, catalogues: CatalogueSet, path: Target, *, hooks: Hooks | None = None,
                   project_path: Path | None = None, language: Language = Language.EN,
                   password: str | None = None) -> None:
    """Write the gap register workbook to `path` in `language`; on cancel or error nothing is written.

    `project_path`, the project's file when known, is refused as a target like any project file.
    With a `password` the workbook is made in memory and only its encrypted form is written (protect.py).
    """
    hooks = hooks or Hooks()
    path = as_target(path)
    check_target(path, project_path)
    if password is not None:
        check_password(password, "xlsx", "the register")
    exported_at = datetime.now().replace(microsecond=0)
    tr, catalogues = translator(language), catalogues.in_language(language)
    scored = score_project(project, catalogues)
    gaps = rr.gap_rows(scored, catalogues, tr)
    answers = rr.answer_rows(project, catalogues, tr)
    program = rr.program_rows(project, catalogues, tr)
    changes = (rr.change_rows(progress_between(project.previous, project, catalogues), tr)
               if project.previous is not None else None)
    progress = _Progress(hooks, len(gaps) + len(answers) + len(program) + len(changes or ()) + STEP_ROWS)

    seal = None if password is None else partial(encrypt_xlsx, password=password)
    wb = new_workbook(in_memory=seal is not None or isinstance(path, InMemory))
    try:
        summary = stream_sheet(wb, tr(SUMMARY_SHEET))
        styles = _Styles(summary, language)
        _summary_sheet(summary, styles, scored, catalogues, len(gaps), exported_at, tr)
        _register_sheet(stream_sheet(wb, tr(REGISTER_SHEET)), styles, project.info, gaps, progress, tr)
        if changes is not None:
            _changes_sheet(stream_sheet(wb, tr(CHANGES_SHEET)), styles, project.info, changes, progress, tr)
        _data_sheet(stream_sheet(wb, tr(ANSWERS_SHEET)), styles, project.info, _in(ANSWERS_LAYOUT, tr), "Answers", (
            (a.scope_id, a.scope_name, a.standard, a.requirement_id, a.title, a.level, a.status, a.ml,
             a.notes, a.finding, a.countermeasure, a.evidence, a.answered_by, a.answered_at) for a in answers
        ), len(answers), progress, tr)
        _program_sheet(stream_sheet(wb, tr(PROGRAM_SHEET)), styles, project.info, program, progress, tr)
        _keys_sheet(stream_sheet(wb, KEYS_SHEET), scored, gaps, exported_at, tr)
        _name_columns(wb, tr(REGISTER_SHEET))
        wb.properties.title = clean_text(tr("Gap register: {client}, {site}", client=project.info.client,
                                            site=project.info.site))[:200]
        wb.properties.language = language.value
        wb.properties.subject = tr("IEC 62443-3-3 / IEC 62443-2-1 assessment")
        wb.properties.creator = f"OT 62443 Workbook {__version__}"
        wb.properties.keywords = clean_text(confidentiality(project.info, tr))[:200]
        hooks.step(progress.total - STEP_ROWS, progress.total)
        with replacing(path, "the register", seal) as out:
            wb.save(out)
    except BaseException:
        discard(wb)
        raise
    if hooks.progress is not None:  # report only: once the file is written a cancel comes too late
        hooks.progress(progress.total, progress.total)


class _Progress:
    """Counts rows across sheets and reports every STEP_ROWS rows."""

    def __init__(self, hooks: Hooks, total: int) -> None:
        self.hooks, self.total, self.done = hooks, total, 0
        hooks.step(0, total)

    def row(self) -> None:
        self.done += 1
        if self.done % STEP_ROWS == 0:
            self.hooks.step(self.done, self.total)


# -- styles --------------------------------------------------------------------------------


class _Styles(CellMaker):
    """The register's house styles, built once and shared by every cell that uses them."""

    def __init__(self, ws: Any, language: Language) -> None:
        super().__init__(ws)
        date_format, datetime_format = DATE_FORMATS[language]
        thin = Side(style="thin", color="8EA9DB")
        top = Alignment(vertical="top")
        left = Alignment(vertical="top", horizontal="left")
        self.header = self.style(font=Font(bold=True, color=WHITE), fill=_solid(DARK_BLUE),
                                 alignment=Alignment(vertical="center", wrap_text=True), border=Border(bottom=thin))
        self.title = self.style(font=Font(bold=True, size=16, color=DARK_BLUE))
        self.subtitle = self.style(font=Font(bold=True, size=12))
        self.label = self.style(font=Font(bold=True), alignment=top)
        self.section = self.style(font=Font(bold=True, size=12, color=DARK_BLUE), border=Border(bottom=thin))
        self.confidential = self.style(font=Font(bold=True, color=RED_TEXT))
        self.text = self.style(alignment=top)
        self.wrap = self.style(alignment=Alignment(vertical="top", wrap_text=True))
        self.center = self.style(alignment=Alignment(vertical="top", horizontal="center"))
        self.number = self.style(alignment=left)
        self.decimal = self.style(alignment=Alignment(vertical="top", horizontal="center"), number_format="0.0")
        self.date = self.style(alignment=left, number_format=date_format)
        self.datetime = self.style(alignment=left, number_format=datetime_format)

    def of_kind(self, kind: str) -> StyleArray:
        """The style of a column kind: text, wrap, center, number, date, datetime or plain."""
        style: StyleArray = self.plain if kind == "plain" else getattr(self, kind)
        return style

    def headers(self, names: Iterable[str]) -> list[Any]:
        return [self.cell(name, self.header) for name in names]


def _solid(colour: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color=colour, end_color=colour)


def _highlight(fill: str, text: str, bold: bool = False) -> dict[str, Any]:
    return {"fill": _solid(fill), "font": Font(color=text, bold=bold)}


# -- sheet furniture ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Column:
    title: str
    width: float
    kind: str  # text, wrap, center, number, date, datetime, or plain (no style: the hidden key)
    hidden: bool = False


def _in(layout: Sequence[_Column], tr: Translator) -> tuple[_Column, ...]:
    """A sheet's columns with their titles in the report language."""
    return tuple(replace(column, title=tr(column.title)) for column in layout)


def _page_setup(ws: Any, info: ProjectInfo, tr: Translator, *, title_rows: str | None = "1:1") -> None:
    """Landscape A4, fit to page width, the confidentiality label on every printed page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPER_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.8
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddHeader.center.text = _header_text(confidentiality(info, tr))
    ws.oddHeader.center.font = "Calibri,Bold"
    ws.oddFooter.left.text = _header_text(f"{info.client}, {info.site}")
    ws.oddFooter.right.text = tr("Page &P of &N")


def _header_text(text: str) -> str:
    """Header/footer text: '&' starts a code there, so it is doubled; short, one line."""
    text = " ".join(clean_text(text).split())[:HEADER_FOOTER_LIMIT]
    return text.replace("&", "&&")


def _data_sheet(ws: Any, styles: _Styles, info: ProjectInfo, layout: Sequence[_Column], table_name: str,
                rows: Iterable[Sequence[Any]], count: int, progress: _Progress, tr: Translator) -> None:
    """A sheet holding one Excel table (filter buttons, frozen header, print setup) of `count` rows."""
    for index, column in enumerate(layout, 1):
        dimension = ws.column_dimensions[get_column_letter(index)]
        dimension.width = column.width
        dimension.hidden = column.hidden
    ws.freeze_panes = "A2"
    _page_setup(ws, info, tr)
    columns = [StreamColumn(styles.of_kind(c.kind), c.width if c.kind == "wrap" else 0.0) for c in layout]
    table = TableStream(ws, styles, columns, rows=count, date_style=styles.date, datetime_style=styles.datetime,
                        on_row=progress.row)
    # Bold headings run wider than prose, hence the narrower effective width.
    table.header(styles.headers(c.title for c in layout),
                 max(wrapped_lines(c.title, c.width * BOLD_WIDTH) for c in layout))
    for values in rows:
        table.row(values)
    _table(ws, table_name, [c.title for c in layout], count)


def _table(ws: Any, name: str, headers: Sequence[str], rows: int) -> None:
    """An Excel table with filter buttons over the header and `rows` data rows (at least one,
    as Excel refuses a table without a data row)."""
    ref = f"A1:{get_column_letter(len(headers))}{max(rows, 1) + 1}"
    table = Table(displayName=name, ref=ref)
    table.tableColumns = [TableColumn(id=i, name=h) for i, h in enumerate(headers, 1)]
    table.autoFilter = AutoFilter(ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "add table columns manually": done above
        ws.add_table(table)


def _list_validation(ws: Any, values: Sequence[str], ref: str, column: str, tr: Translator) -> None:
    """A drop-down of `values` on the cells of `ref`, refusing anything else with a message."""
    listed = ", ".join(values)
    dv = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True,
                        showErrorMessage=True, errorTitle=tr("Invalid value"),
                        error=tr("Choose a value for {column} from the list: {values}.", column=column, values=listed),
                        showInputMessage=True, promptTitle=column, prompt=listed)
    dv.add(ref)
    ws.data_validations.append(dv)


def _column_ref(columns: Sequence[_Column], title: str, rows: int) -> tuple[str, str]:
    """(letter, "X2:Xn") of a column by its English title."""
    letter = get_column_letter(next(i for i, c in enumerate(columns, 1) if c.title == title))
    return letter, f"{letter}2:{letter}{max(rows, 1) + 1}"


# -- the sheets -----------------------------------------------------------------------------

_REGISTER_WIDTHS: dict[str, tuple[float, str]] = {  # column id -> (width, kind)
    "scope": (12, "text"), "scope_name": (22, "wrap"), "standard": (14, "text"), "requirement": (13, "text"),
    "title": (34, "wrap"), "level": (7, "center"), "target": (9, "center"), "achieved": (10, "center"),
    "status": (15, "wrap"), "finding": (40, "wrap"), "action": (70, "wrap"), "priority": (9, "center"),
    "owner": (20, "wrap"), "due_date": (12, "date"), "effort": (8, "center"), "state": (13, "text"),
    "justification": (34, "wrap"), "key": (30, "plain"),
}
REGISTER_LAYOUT: tuple[_Column, ...] = tuple(
    _Column(c.heading, *_REGISTER_WIDTHS[c.id], hidden=c.id == rr.KEY_ID) for c in rr.COLUMNS)


def _register_sheet(ws: Any, styles: _Styles, info: ProjectInfo, gaps: list[rr.GapRow], progress: _Progress,
                    tr: Translator) -> None:
    rows = len(gaps)
    _data_sheet(ws, styles, info, _in(REGISTER_LAYOUT, tr), REGISTER_TABLE, (g.values(tr) for g in gaps), rows,
                progress, tr)
    _, priority_ref = _column_ref(REGISTER_LAYOUT, rr.PRIORITY, rows)
    _, effort_ref = _column_ref(REGISTER_LAYOUT, rr.EFFORT, rows)
    state_col, state_ref = _column_ref(REGISTER_LAYOUT, rr.STATE, rows)
    due_col, due_ref = _column_ref(REGISTER_LAYOUT, rr.DUE_DATE, rows)
    _list_validation(ws, rr.PRIORITY_VALUES, priority_ref, tr(rr.PRIORITY), tr)
    _list_validation(ws, rr.EFFORT_VALUES, effort_ref, tr(rr.EFFORT), tr)
    _list_validation(ws, [tr(label) for label in rr.STATE_VALUES], state_ref, tr(rr.STATE), tr)
    dates = DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)", formula2="DATE(2100,12,31)",
                           allow_blank=True, showErrorMessage=True, errorTitle=tr("Invalid due date"),
                           error=tr("Enter a date between 2000 and 2100 (empty: the default for the priority)."))
    dates.add(due_ref)
    ws.data_validations.append(dates)

    cf = ws.conditional_formatting
    _priority_colours(ws, priority_ref)
    done, accepted = tr(STATE_LABELS[ItemState.DONE]), tr(STATE_LABELS[ItemState.RISK_ACCEPTED])
    cf.add(state_ref, CellIsRule(operator="equal", formula=[f'"{done}"'], **_highlight(GREEN_FILL, GREEN_TEXT)))
    cf.add(state_ref, CellIsRule(operator="equal", formula=[f'"{accepted}"'], **_highlight(GREY_FILL, GREY_TEXT)))
    overdue = f'AND(ISNUMBER({due_col}2),{due_col}2<TODAY(),{state_col}2<>"{done}",{state_col}2<>"{accepted}")'
    cf.add(due_ref, FormulaRule(formula=[overdue], font=Font(color=RED_TEXT, bold=True)))


def _priority_colours(ws: Any, ref: str) -> None:
    """Each priority in its colour, P1 in bold."""
    for priority, (fill, text) in PRIORITY_HEX.items():
        ws.conditional_formatting.add(ref, CellIsRule(operator="equal", formula=[f'"{priority.value}"'],
                                                      **_highlight(fill.lstrip("#"), text.lstrip("#"),
                                                                   bold=priority is Priority.P1)))


CHANGES_LAYOUT: tuple[_Column, ...] = (
    _Column(N_("Change"), 12, "text"), _Column(N_("Scope"), 12, "text"), _Column(N_("Scope name"), 22, "wrap"),
    _Column(N_("Requirement"), 13, "text"), _Column(N_("Title"), 40, "wrap"), _Column(N_("Status then"), 18, "wrap"),
    _Column(N_("Status now"), 18, "wrap"), _Column(N_("SL-A / ML then"), 11, "center"),
    _Column(N_("SL-A / ML now"), 11, "center"), _Column(N_("Priority now"), 10, "center"),
)


def _changes_sheet(ws: Any, styles: _Styles, info: ProjectInfo, changes: list[rr.ChangeRow], progress: _Progress,
                   tr: Translator) -> None:
    """The gaps closed (green), new (red) and persisting (amber) since the previous assessment."""
    rows = len(changes)
    _data_sheet(ws, styles, info, _in(CHANGES_LAYOUT, tr), "Changes", (c.values(tr) for c in changes), rows,
                progress, tr)
    _, change_ref = _column_ref(CHANGES_LAYOUT, "Change", rows)
    for change, (fill, text) in CHANGE_HEX.items():
        label = tr(CHANGE_LABELS[change])
        ws.conditional_formatting.add(change_ref, CellIsRule(operator="equal", formula=[f'"{label}"'],
                                                             **_highlight(fill.lstrip("#"), text.lstrip("#"))))
    _priority_colours(ws, _column_ref(CHANGES_LAYOUT, "Priority now", rows)[1])


def _name_columns(wb: Any, sheet: str) -> None:
    """Name each register column's header cell by the column's id: the import's only way to find it."""
    for index, column in enumerate(rr.COLUMNS, 1):
        name = rr.column_name(column.id)
        ref = f"'{sheet}'!${get_column_letter(index)}$1"
        wb.defined_names[name] = DefinedName(name, attr_text=ref, hidden=True)


ANSWERS_LAYOUT: tuple[_Column, ...] = (
    _Column(N_("Scope"), 12, "text"), _Column(N_("Scope name"), 22, "wrap"), _Column(N_("Standard"), 14, "text"),
    _Column(N_("Requirement"), 13, "text"), _Column(N_("Title"), 34, "wrap"), _Column(N_("Level"), 7, "center"),
    _Column(N_("Status"), 18, "wrap"), _Column(N_("Achieved ML"), 10, "center"), _Column(N_("Notes"), 48, "wrap"),
    _Column(N_("Finding"), 40, "wrap"), _Column(N_("Countermeasure"), 34, "wrap"),
    _Column(N_("Evidence"), 34, "wrap"), _Column(N_("Answered by"), 20, "wrap"),
    _Column(N_("Answered at"), 16, "datetime"),
)
PROGRAM_LAYOUT: tuple[_Column, ...] = (
    _Column(N_("Scope"), 12, "text"), _Column(N_("Scope name"), 24, "wrap"), _Column(N_("Element"), 30, "wrap"),
    _Column(N_("Group"), 28, "wrap"), _Column(N_("Requirement"), 13, "text"), _Column(N_("Title"), 40, "wrap"),
    _Column(N_("Target ML"), 9, "center"), _Column(N_("Achieved ML"), 10, "center"),
    _Column(N_("Status"), 20, "wrap"), _Column(N_("Result"), 14, "text"),
)


def _program_sheet(ws: Any, styles: _Styles, info: ProjectInfo, program: list[rr.ProgramRow],
                   progress: _Progress, tr: Translator) -> None:
    rows = len(program)
    _data_sheet(ws, styles, info, _in(PROGRAM_LAYOUT, tr), "Program", (
        (p.scope_id, p.scope_name, p.element, p.group, p.requirement_id, p.title, p.target_ml, p.achieved_ml,
         p.status, p.result) for p in program
    ), rows, progress, tr)
    _, result_ref = _column_ref(PROGRAM_LAYOUT, "Result", rows)
    achieved_col, achieved_ref = _column_ref(PROGRAM_LAYOUT, "Achieved ML", rows)
    target_col, _ = _column_ref(PROGRAM_LAYOUT, "Target ML", rows)
    cf = ws.conditional_formatting
    for result, (fill, text) in {Result.GAP: (RED_FILL, RED_TEXT), Result.MET: (GREEN_FILL, GREEN_TEXT),
                                 Result.NOT_ASSESSED: (AMBER_FILL, AMBER_TEXT)}.items():
        label = tr(RESULT_LABELS[result])
        cf.add(result_ref, CellIsRule(operator="equal", formula=[f'"{label}"'], **_highlight(fill, text)))
    below = f"AND(ISNUMBER({achieved_col}2),{achieved_col}2<{target_col}2)"
    cf.add(achieved_ref, FormulaRule(formula=[below], **_highlight(RED_FILL, RED_TEXT)))


SUMMARY_WIDTHS = {"A": 30, "B": 44, "C": 11, "D": 11} | {get_column_letter(c): 6.5 for c in range(5, 19)} | {
    get_column_letter(c): 11 for c in range(19, 24)}
ZONE_HEADERS: tuple[str, ...] = (
    N_("Zone"), N_("Name"), N_("Kind"), N_("Criticality"), *(f"SL-T {fr}" for fr in FR_IDS),
    *(f"SL-A {fr}" for fr in FR_IDS), N_("Applicable"), N_("Met"), N_("Gaps"), N_("Not assessed"), N_("2-1 gaps"),
)


def _summary_sheet(ws: Any, styles: _Styles, scored: ScoredProject, catalogues: CatalogueSet, gap_rows: int,
                   exported_at: datetime, tr: Translator) -> None:
    info = scored.data.info
    for letter, width in SUMMARY_WIDTHS.items():
        ws.column_dimensions[letter].width = width
    _page_setup(ws, info, tr, title_rows=None)
    row = _RowWriter(ws)
    row.add(styles.cell(tr("IEC 62443 assessment: gap register"), styles.title))
    row.add(styles.text_cell(f"{info.client}, {info.site}", styles.subtitle))
    row.add(styles.text_cell(confidentiality(info, tr), styles.confidential))
    row.add()
    chart_anchor = row.next
    for label, value in rr.project_facts(info, catalogues, exported_at, tr):
        row.add(styles.cell(label, styles.label), styles.text_cell(value, styles.wrap),
                lines=wrapped_lines(value, SUMMARY_WIDTHS["B"]))
    row.add()

    site = scored.site
    row.add(styles.cell(tr("Counts"), styles.section))
    lines: list[tuple[str, int]] = [(tr("Gaps (register rows)"), gap_rows)]
    lines += [("  " + tr("priority {priority}", priority=p.value), n) for p, n in scored.by_priority().items()]
    lines += [("  " + tr(STATE_LABELS[s]).lower(), n) for s, n in scored.by_state().items()]
    lines += [
        (tr("Not assessed (no answer yet)"), rr.not_assessed(scored)),
        (tr("Site program (target ML{target_ml})", target_ml=site.target_ml), site.requirements),
        ("  " + tr("met"), site.met), ("  " + tr("gaps"), site.gaps), ("  " + tr("not assessed"), site.not_assessed),
    ]
    for label, count in lines:
        row.add(styles.cell(label, styles.label), styles.cell(count, styles.number))
    row.add()

    zones = scored.zones
    row.add(styles.cell(tr.n("SL-T vs SL-A per foundational requirement (mean over {n} zone)",
                             "SL-T vs SL-A per foundational requirement (mean over {n} zones)", len(zones)),
                        styles.section))
    table_top = row.next
    row.add(*styles.headers(("FR", tr("Foundational requirement"), tr("Mean SL-T"), tr("Mean SL-A"))))
    for fr, title, sl_t, sl_a in rr.fr_averages(scored, catalogues):
        row.add(styles.cell(fr, styles.text), styles.text_cell(title, styles.text),
                styles.cell(sl_t, styles.decimal), styles.cell(sl_a, styles.decimal))
    if zones:
        ws.add_chart(_sl_chart(ws, table_top, tr), f"E{chart_anchor}")
    row.add()

    row.add(styles.cell(tr("Zones and conduits: SL-T and SL-A per FR (red: SL-A below SL-T)"), styles.section))
    head = row.next
    row.add(*styles.headers(tr(heading) for heading in ZONE_HEADERS), lines=2)
    for score in zones:
        zone, program = score.zone, scored.zone_programs.get(score.zone.id)
        row.add(
            styles.text_cell(zone.id, styles.text), styles.text_cell(zone.name, styles.wrap),
            styles.cell(tr(KIND_LABELS[zone.kind]), styles.text),
            styles.cell(tr(CRITICALITY_LABELS[zone.criticality]), styles.text),
            *(styles.cell(v, styles.center) for v in (*zone.sl_t, *score.sl_a)),
            *(styles.cell(v, styles.center) for v in (score.applicable, score.met, score.gaps, score.not_assessed)),
            styles.cell(program.gaps, styles.center) if program is not None else None,
            lines=wrapped_lines(zone.name, SUMMARY_WIDTHS["B"]),
        )
    if not zones:
        row.add(styles.cell(tr("No zones or conduits yet."), styles.text))
        return
    _zone_colours(ws, head + 1, head + len(zones))
    row.add()
    ws.row_breaks.append(Break(id=row.next - 1))  # printed, the drawing starts a page rather than being cut
    row.add(styles.cell(tr("Zones and conduits diagram"), styles.section))
    ws.add_image(_diagram_picture(scored, tr), f"A{row.next}")  # under every table: it covers no cell in use


def _diagram_picture(scored: ScoredProject, tr: Translator) -> SheetImage:
    """The zones-and-conduits drawing as a PNG picture, shown at most DIAGRAM_WIDTH screen pixels wide with
    SHARPNESS picture pixels to each of them, so it stays sharp zoomed in."""
    drawing = picture(diagram_facts(scored, tr), tr)
    shown = min(drawing.width * SCREEN_PX, DIAGRAM_WIDTH)
    image = SheetImage(io.BytesIO(png_bytes(drawing, min(PNG_SCALE, SHARPNESS * shown / drawing.width))))
    image.width, image.height = shown, drawing.height * shown / drawing.width
    return image


def _zone_colours(ws: Any, first: int, last: int) -> None:
    """Red where a zone's SL-A falls below its SL-T, green where it reaches it; gaps red, open amber."""
    sl_t0, sl_a0 = get_column_letter(5), get_column_letter(5 + len(FR_IDS))
    sl_a_ref = f"{sl_a0}{first}:{get_column_letter(4 + 2 * len(FR_IDS))}{last}"
    cf = ws.conditional_formatting
    cf.add(sl_a_ref, FormulaRule(formula=[f"{sl_a0}{first}<{sl_t0}{first}"], **_highlight(RED_FILL, RED_TEXT, True)))
    cf.add(sl_a_ref, FormulaRule(formula=[f"{sl_a0}{first}>={sl_t0}{first}"], **_highlight(GREEN_FILL, GREEN_TEXT)))
    for heading, (fill, text) in (("Gaps", (RED_FILL, RED_TEXT)), ("Not assessed", (AMBER_FILL, AMBER_TEXT))):
        col = get_column_letter(ZONE_HEADERS.index(heading) + 1)
        cf.add(f"{col}{first}:{col}{last}", CellIsRule(operator="greaterThan", formula=["0"],
                                                       **_highlight(fill, text)))


class _RowWriter:
    """Appends rows to a write-only sheet and knows the number of the next one."""

    def __init__(self, ws: Any) -> None:
        self.ws, self.next = ws, 1

    def add(self, *cells: Any, lines: int = 1) -> None:
        if lines > 1:
            set_row_height(self.ws, self.next, row_height(lines))
        self.ws.append(list(cells))
        self.next += 1


def _sl_chart(ws: Any, table_top: int, tr: Translator) -> BarChart:
    """A clustered column chart of mean SL-T and SL-A per FR, native to Excel."""
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = tr("SL-T vs SL-A per foundational requirement")
    chart.y_axis.title = tr("Security level (mean over zones)")
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 4
    chart.y_axis.majorUnit = 1
    chart.x_axis.delete = False  # openpyxl 3.1 hides axes unless told otherwise
    chart.y_axis.delete = False
    data = Reference(ws, min_col=3, max_col=4, min_row=table_top, max_row=table_top + len(FR_IDS))
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=table_top + 1, max_row=table_top + len(FR_IDS)))
    chart.series[0].graphicalProperties.solidFill = "8EA9DB"
    chart.series[1].graphicalProperties.solidFill = DARK_BLUE
    chart.width, chart.height = 17, 8.5
    return chart


def _keys_sheet(ws: Any, scored: ScoredProject, gaps: list[rr.GapRow], exported_at: datetime,
                tr: Translator) -> None:
    """The hidden, protected sheet that says whose register this is, for the re-import."""
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
    values = key_sheet_values(scored, len(gaps), exported_at, tr)
    declare_size(ws, f"A1:B{len(values) + 2 + len(gaps)}")
    for name, value in values:
        ws.append([text_only(ws, name), text_only(ws, value)])
    ws.append([])
    ws.append(["keys"])
    for g in gaps:
        ws.append([text_only(ws, g.key)])


def key_sheet_values(scored: ScoredProject, rows: int, exported_at: datetime,
                     tr: Translator) -> list[tuple[str, str]]:
    """What the import checks: the format, the project's id (client and site name it in messages),
    the date default due dates counted from, and the language the rows are shown in."""
    project = scored.data
    info = project.info
    return [
        ("format", rr.REGISTER_FORMAT), ("version", str(rr.REGISTER_VERSION)),
        ("project", rr.project_tag(project)), ("client", info.client), ("site", info.site),
        ("register sheet", tr(REGISTER_SHEET)), ("rows", str(rows)), ("language", tr.language.value),
        ("due date base", scored.reference.isoformat()), ("exported", exported_at.isoformat()),
        ("app version", __version__), ("project id", project.project_id),
    ]
