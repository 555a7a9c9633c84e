"""The Excel gap register (SPEC 7): how the rows of register_rows.py are laid out in a workbook.

Written with openpyxl's write-only (streaming) mode so a 100-zone project stays within the
time budget and memory of the GUI. Styled cells share prebuilt style arrays instead of
resolving fonts and fills per cell. User text is always stored as a string cell; text that
Excel would read as a formula also gets the quote-prefix flag so re-editing keeps it text.
The file appears only when complete: it is streamed into a new file beside the target and
renamed over it (output.py), never written through a link planted at the target.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell import Cell as OpenpyxlCell  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference  # type: ignore[import-untyped]
from openpyxl.formatting.rule import CellIsRule, FormulaRule  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet._write_only import WriteOnlyWorksheet  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]
from openpyxl.worksheet.filters import AutoFilter  # type: ignore[import-untyped]
from openpyxl.worksheet.properties import PageSetupProperties  # type: ignore[import-untyped]
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo  # type: ignore[import-untyped]

from ot62443_desktop import __version__
from ot62443_desktop.domain.catalogue import FR_IDS, CatalogueSet
from ot62443_desktop.domain.model import ItemState, Priority, ProjectData, ProjectInfo
from ot62443_desktop.domain.rules import Result
from ot62443_desktop.exports import register_rows as rr
from ot62443_desktop.exports.output import check_target, replacing
from ot62443_desktop.exports.progress import Hooks

SUMMARY_SHEET = "Summary"
REGISTER_SHEET = "Gap register"
ANSWERS_SHEET = "All answers"
PROGRAM_SHEET = "2-1 Program"
KEYS_SHEET = "Register keys"
REGISTER_TABLE = "GapRegister"
STEP_ROWS = 250  # rows between progress reports (and cancel checks)

DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DARK_BLUE, WHITE = "1F3864", "FFFFFF"
RED_FILL, RED_TEXT = "FFC7CE", "9C0006"
AMBER_FILL, AMBER_TEXT = "FFEB9C", "9C5700"
GREEN_FILL, GREEN_TEXT = "C6EFCE", "006100"
BLUE_FILL, BLUE_TEXT = "DDEBF7", "1F3864"
GREY_FILL, GREY_TEXT = "EDEDED", "595959"
PRIORITY_COLOURS = {
    Priority.P1: (RED_FILL, RED_TEXT), Priority.P2: (AMBER_FILL, AMBER_TEXT),
    Priority.P3: (BLUE_FILL, BLUE_TEXT), Priority.P4: (GREEN_FILL, GREEN_TEXT),
}
PAPER_A4 = 9
LINE_HEIGHT = 14.5  # points per line of 11 pt text
CHARS_PER_WIDTH = 1.2  # prose characters per unit of column width (the width of a "0")
BOLD_WIDTH = 0.75  # bold headings: fewer characters per line
MAX_ROW_HEIGHT = 409  # Excel's limit
HEADER_FOOTER_LIMIT = 100  # Excel allows 255 characters for a whole header; keep the label short

StyleArray = Any  # openpyxl.styles.cell_style.StyleArray (untyped)
Cell = Any


def write_register(project: ProjectData, catalogues: CatalogueSet, path: Path, *, hooks: Hooks | None = None,
                   project_path: Path | None = None) -> None:
    """Write the gap register workbook to `path`; on cancel or error nothing is written.

    `project_path`, the project's file when known, is refused as a target like any project file.
    """
    hooks = hooks or Hooks()
    path = Path(path)
    check_target(path, project_path)
    exported_at = datetime.now().replace(microsecond=0)
    base = rr.due_base(project.info)
    gaps = rr.gap_rows(project, catalogues, base=base)
    zones = rr.zone_rows(project, catalogues)
    answers = rr.answer_rows(project, catalogues)
    program = rr.program_rows(project, catalogues)
    progress = _Progress(hooks, len(gaps) + len(answers) + len(program) + STEP_ROWS)

    wb = Workbook(write_only=True)
    try:
        summary = _sheet(wb, SUMMARY_SHEET)
        styles = _Styles(summary)
        _summary_sheet(summary, styles, project, catalogues, gaps, zones, exported_at)
        _register_sheet(_sheet(wb, REGISTER_SHEET), styles, project.info, gaps, progress)
        _answers_sheet(_sheet(wb, ANSWERS_SHEET), styles, project.info, answers, progress)
        _program_sheet(_sheet(wb, PROGRAM_SHEET), styles, project.info, program, progress)
        _keys_sheet(_sheet(wb, KEYS_SHEET), project, gaps, exported_at, base)
        wb.properties.title = rr.clean_text(f"Gap register: {project.info.client}, {project.info.site}")[:200]
        wb.properties.subject = "IEC 62443-3-3 / IEC 62443-2-1 assessment"
        wb.properties.creator = f"OT 62443 Workbook {__version__}"
        wb.properties.keywords = rr.clean_text(project.info.confidentiality)[:200]
        hooks.step(progress.total - STEP_ROWS, progress.total)
        with replacing(path, "the register") as out:
            wb.save(out)
    except BaseException:
        _discard_stream_files(wb)
        raise
    if hooks.progress is not None:  # report only: once the file is written a cancel comes too late
        hooks.progress(progress.total, progress.total)


class _StreamSheet(WriteOnlyWorksheet):  # type: ignore[misc]
    """A write-only sheet that takes ready-made cells as they are.

    openpyxl's own row conversion first tries every value as a plain value and, for a styled
    cell, raises and catches an error and then allocates a fresh cell: that doubled the cost
    of a styled register. Plain values are still converted the way openpyxl does it.
    """

    def _values_to_row(self, values: Sequence[Any], row_idx: int) -> Iterator[Any]:
        for column, value in enumerate(values, 1):
            if value is None:
                continue
            cell = value if isinstance(value, OpenpyxlCell) else WriteOnlyCell(self, value)
            cell.column = column
            cell.row = row_idx
            yield cell


def _sheet(wb: Any, title: str) -> Any:
    """A streaming sheet; falls back to openpyxl's own if its internals ever change shape."""
    if callable(getattr(WriteOnlyWorksheet, "_values_to_row", None)) and callable(getattr(wb, "_add_sheet", None)):
        ws = _StreamSheet(parent=wb, title=title)
        wb._add_sheet(ws)
        return ws
    return wb.create_sheet(title)


class _Progress:
    """Counts rows across sheets and reports every STEP_ROWS rows."""

    def __init__(self, hooks: Hooks, total: int) -> None:
        self.hooks, self.total, self.done = hooks, total, 0
        hooks.step(0, total)

    def row(self) -> None:
        self.done += 1
        if self.done % STEP_ROWS == 0:
            self.hooks.step(self.done, self.total)


def _discard_stream_files(wb: Any) -> None:
    """Remove the temporary files of write-only sheets that were never saved (cancel, error)."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None or getattr(ws, "closed", True):
            continue
        with contextlib.suppress(Exception):  # best effort: the export is failing already
            if ws._rows is not None:
                ws._rows.close()
            writer.close()
        with contextlib.suppress(OSError, ValueError):
            writer.cleanup()


# -- styles --------------------------------------------------------------------------------


class _Styles:
    """Style arrays built once; cells share them (they are never mutated after this).

    Cells are created against the first sheet but may be appended to any sheet of the
    workbook: writing them only uses workbook-level state (style table, date epoch).
    """

    def __init__(self, ws: Any) -> None:
        self._ws = ws
        thin = Side(style="thin", color="8EA9DB")
        top = Alignment(vertical="top")
        wrap = Alignment(vertical="top", wrap_text=True)
        self.header = self._make(font=Font(bold=True, color=WHITE), fill=_solid(DARK_BLUE),
                                 alignment=Alignment(vertical="center", wrap_text=True),
                                 border=Border(bottom=thin))
        self.title = self._make(font=Font(bold=True, size=16, color=DARK_BLUE))
        self.subtitle = self._make(font=Font(bold=True, size=12))
        self.label = self._make(font=Font(bold=True), alignment=top)
        self.section = self._make(font=Font(bold=True, size=12, color=DARK_BLUE), border=Border(bottom=thin))
        self.confidential = self._make(font=Font(bold=True, color=RED_TEXT))
        self.plain = WriteOnlyCell(ws)._style
        self.text = self._make(alignment=top)
        self.text_q = self._make(alignment=top, quotePrefix=True)
        self.wrap = self._make(alignment=wrap)
        self.wrap_q = self._make(alignment=wrap, quotePrefix=True)
        self.center = self._make(alignment=Alignment(vertical="top", horizontal="center"))
        self.number = self._make(alignment=Alignment(vertical="top", horizontal="left"))
        self.decimal = self._make(alignment=Alignment(vertical="top", horizontal="center"), number_format="0.0")
        self.date = self._make(alignment=Alignment(vertical="top", horizontal="left"), number_format=DATE_FORMAT)
        self.datetime = self._make(alignment=Alignment(vertical="top", horizontal="left"),
                                   number_format=DATETIME_FORMAT)

    def _make(self, **attributes: Any) -> StyleArray:
        cell = WriteOnlyCell(self._ws)
        for name, value in attributes.items():
            setattr(cell, name, value)
        return cell._style

    def cell(self, value: Any, style: StyleArray) -> Cell:
        """A styled cell; strings are always string cells, whatever they start with."""
        cell = WriteOnlyCell(self._ws, value)  # binds the value (and a date's format) on its own array
        if isinstance(value, str):
            cell.data_type = "s"
        cell._style = style
        return cell

    def text_cell(self, value: str, style: StyleArray) -> Cell | None:
        """User or catalogue text: None when empty, quote-prefixed when it looks like a formula
        (so editing it in Excel keeps it text)."""
        text = rr.clean_text(value)
        if not text:
            return None
        if rr.looks_like_formula(text):
            return self.cell(text, self.wrap_q if style is self.wrap else self.text_q)
        return self.cell(text, style)

    def headers(self, names: Sequence[str]) -> list[Cell]:
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


def _columns(ws: Any, columns: Sequence[_Column], *, hidden: Sequence[str] = ()) -> None:
    for index, column in enumerate(columns, 1):
        dimension = ws.column_dimensions[get_column_letter(index)]
        dimension.width = column.width
        if column.title in hidden:
            dimension.hidden = True


def _page_setup(ws: Any, info: ProjectInfo, *, title_rows: str | None = "1:1") -> None:
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
    label = _header_text(info.confidentiality)
    if label:
        ws.oddHeader.center.text = label
        ws.oddHeader.center.font = "Calibri,Bold"
    ws.oddFooter.left.text = _header_text(f"{info.client}, {info.site}")
    ws.oddFooter.right.text = "Page &P of &N"


def _header_text(text: str) -> str:
    """Header/footer text: '&' starts a code there, so it is doubled; short, one line."""
    text = " ".join(rr.clean_text(text).split())[:HEADER_FOOTER_LIMIT]
    return text.replace("&", "&&")


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


def _list_validation(ws: Any, values: Sequence[str], ref: str, what: str) -> None:
    dv = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True,
                        showErrorMessage=True, errorTitle=f"Invalid {what}",
                        error=f"Choose a {what} from the list: {', '.join(values)}.",
                        showInputMessage=True, promptTitle=what.capitalize(),
                        prompt=f"{', '.join(values)}")
    dv.add(ref)
    ws.data_validations.append(dv)


def _column_ref(columns: Sequence[_Column], title: str, rows: int) -> tuple[str, str]:
    """(letter, "X2:Xn") of a column by title."""
    letter = get_column_letter(next(i for i, c in enumerate(columns, 1) if c.title == title))
    return letter, f"{letter}2:{letter}{max(rows, 1) + 1}"


class _TableWriter:
    """Appends data rows to a streaming sheet, styled by column kind, each row as high as its
    wrapped text needs (neither LibreOffice nor every Excel fits row heights on open).

    One cell object per column is reused for every row: a row is written out in full
    before `append` returns, so the cells are free again for the next one.
    """

    def __init__(self, ws: Any, styles: _Styles, columns: Sequence[_Column], rows: int, progress: _Progress) -> None:
        self.ws, self.styles, self.columns, self.progress = ws, styles, columns, progress
        _declare_size(ws, rows + 1, len(columns))
        kinds: dict[str, StyleArray] = {
            "text": styles.text, "wrap": styles.wrap, "center": styles.center, "number": styles.number,
            "date": styles.date, "datetime": styles.datetime, "plain": styles.plain,
        }
        self.plan = [
            (WriteOnlyCell(ws), kinds[c.kind], styles.wrap_q if c.kind == "wrap" else styles.text_q,
             c.width if c.kind == "wrap" else 0.0)
            for c in columns
        ]
        self.next = 1

    def header(self) -> None:
        # Bold headings run wider than prose, hence the narrower effective width.
        lines = max(_wrapped_lines(c.title, c.width * BOLD_WIDTH) for c in self.columns)
        if lines > 1:
            self.ws.row_dimensions[self.next].height = lines * LINE_HEIGHT + 3
        self.ws.append(self.styles.headers([c.title for c in self.columns]))
        self.next += 1

    def row(self, values: Sequence[Any]) -> None:
        out: list[Any] = []
        lines = 1
        for (cell, style, quoted, width), value in zip(self.plan, values, strict=True):
            if value is None or value == "":
                out.append(None)
                continue
            if isinstance(value, str):
                text = rr.clean_text(value)
                if not text:
                    out.append(None)
                    continue
                cell._style = quoted if rr.looks_like_formula(text) else style
                cell.value = text
                cell.data_type = "s"  # never a formula, whatever the text starts with
                if width:
                    lines = max(lines, _wrapped_lines(text, width))
            else:
                # A date gets a date style before binding, so openpyxl never rewrites a shared style.
                if isinstance(value, datetime):
                    cell._style = self.styles.datetime
                elif isinstance(value, date):
                    cell._style = self.styles.date
                else:
                    cell._style = style
                cell.value = value
            out.append(cell)
        if lines > 1:
            self.ws.row_dimensions[self.next].height = min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 3)
        self.ws.append(out)
        self.next += 1
        self.progress.row()


def _declare_size(ws: Any, rows: int, columns: int) -> None:
    """Give a streamed sheet its <dimension> (call before the first row): without it, readers
    such as openpyxl's read-only mode parse the whole sheet just to learn its size."""
    ref = f"A1:{get_column_letter(columns)}{max(rows, 1)}"
    ws.calculate_dimension = lambda: ref


def _wrapped_lines(text: str, width: float) -> int:
    """Lines `text` takes in a wrapped column of `width` (an estimate: no font metrics here)."""
    per_line = max(1, int(width * CHARS_PER_WIDTH))
    if len(text) <= per_line and "\n" not in text:
        return 1
    return sum(max(1, -(-len(paragraph) // per_line)) for paragraph in text.split("\n"))


# -- the sheets -----------------------------------------------------------------------------

REGISTER_LAYOUT: tuple[_Column, ...] = (
    _Column(rr.SCOPE, 12, "text"), _Column(rr.SCOPE_NAME, 22, "wrap"), _Column(rr.STANDARD, 14, "text"),
    _Column(rr.REQUIREMENT, 13, "text"), _Column(rr.TITLE, 34, "wrap"), _Column(rr.LEVEL, 7, "center"),
    _Column(rr.TARGET, 9, "center"), _Column(rr.ACHIEVED, 10, "center"), _Column(rr.STATUS, 15, "wrap"),
    _Column(rr.FINDING, 40, "wrap"), _Column(rr.ACTION, 70, "wrap"), _Column(rr.PRIORITY, 9, "center"),
    _Column(rr.OWNER, 20, "wrap"), _Column(rr.DUE_DATE, 12, "date"), _Column(rr.EFFORT, 8, "center"),
    _Column(rr.STATE, 13, "text"), _Column(rr.JUSTIFICATION, 34, "wrap"), _Column(rr.KEY, 30, "plain"),
)


def _register_sheet(ws: Any, styles: _Styles, info: ProjectInfo, gaps: list[rr.GapRow], progress: _Progress) -> None:
    _columns(ws, REGISTER_LAYOUT, hidden=(rr.KEY,))
    ws.freeze_panes = "A2"
    _page_setup(ws, info)
    table = _TableWriter(ws, styles, REGISTER_LAYOUT, len(gaps), progress)
    table.header()
    for g in gaps:
        table.row((
            g.scope_id, g.scope_name, g.standard, g.requirement_id, g.title, g.level, g.target, g.achieved,
            g.status, g.finding, g.action, g.priority.value, g.owner, g.due_date,
            g.effort.value if g.effort else None, g.state_label, g.justification, g.key,
        ))
    rows = len(gaps)
    _table(ws, REGISTER_TABLE, rr.REGISTER_COLUMNS, rows)

    _, priority_ref = _column_ref(REGISTER_LAYOUT, rr.PRIORITY, rows)
    _, effort_ref = _column_ref(REGISTER_LAYOUT, rr.EFFORT, rows)
    state_col, state_ref = _column_ref(REGISTER_LAYOUT, rr.STATE, rows)
    due_col, due_ref = _column_ref(REGISTER_LAYOUT, rr.DUE_DATE, rows)
    _list_validation(ws, rr.PRIORITY_VALUES, priority_ref, "priority")
    _list_validation(ws, rr.EFFORT_VALUES, effort_ref, "effort")
    _list_validation(ws, rr.STATE_VALUES, state_ref, "state")
    dates = DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)", formula2="DATE(2100,12,31)",
                           allow_blank=True, showErrorMessage=True, errorTitle="Invalid due date",
                           error="Enter a date between 2000-01-01 and 2100-12-31 (empty: the default for the "
                                 "priority).")
    dates.add(due_ref)
    ws.data_validations.append(dates)

    cf = ws.conditional_formatting
    for priority, (fill, text) in PRIORITY_COLOURS.items():
        cf.add(priority_ref, CellIsRule(operator="equal", formula=[f'"{priority.value}"'],
                                        **_highlight(fill, text, bold=priority is Priority.P1)))
    done, accepted = rr.STATE_LABELS[ItemState.DONE], rr.STATE_LABELS[ItemState.RISK_ACCEPTED]
    cf.add(state_ref, CellIsRule(operator="equal", formula=[f'"{done}"'], **_highlight(GREEN_FILL, GREEN_TEXT)))
    cf.add(state_ref, CellIsRule(operator="equal", formula=[f'"{accepted}"'], **_highlight(GREY_FILL, GREY_TEXT)))
    overdue = f'AND(ISNUMBER({due_col}2),{due_col}2<TODAY(),{state_col}2<>"{done}",{state_col}2<>"{accepted}")'
    cf.add(due_ref, FormulaRule(formula=[overdue], font=Font(color=RED_TEXT, bold=True)))


ANSWERS_LAYOUT: tuple[_Column, ...] = (
    _Column("Scope", 12, "text"), _Column("Scope name", 22, "wrap"), _Column("Standard", 14, "text"),
    _Column("Requirement", 13, "text"), _Column("Title", 34, "wrap"), _Column("Level", 7, "center"),
    _Column("Status", 18, "wrap"), _Column("Achieved ML", 10, "center"), _Column("Notes", 48, "wrap"),
    _Column("Finding", 40, "wrap"), _Column("Countermeasure", 34, "wrap"), _Column("Evidence", 34, "wrap"),
    _Column("Answered by", 20, "wrap"), _Column("Answered at", 16, "datetime"),
)


def _answers_sheet(ws: Any, styles: _Styles, info: ProjectInfo, answers: list[rr.AnswerRow],
                   progress: _Progress) -> None:
    _columns(ws, ANSWERS_LAYOUT)
    ws.freeze_panes = "A2"
    _page_setup(ws, info)
    table = _TableWriter(ws, styles, ANSWERS_LAYOUT, len(answers), progress)
    table.header()
    for a in answers:
        table.row((
            a.scope_id, a.scope_name, a.standard, a.requirement_id, a.title, a.level, a.status, a.ml,
            a.notes, a.finding, a.countermeasure, a.evidence, a.answered_by, a.answered_at,
        ))
    _table(ws, "Answers", [c.title for c in ANSWERS_LAYOUT], len(answers))


PROGRAM_LAYOUT: tuple[_Column, ...] = (
    _Column("Scope", 12, "text"), _Column("Scope name", 24, "wrap"), _Column("Element", 30, "wrap"),
    _Column("Group", 28, "wrap"), _Column("Requirement", 13, "text"), _Column("Title", 40, "wrap"),
    _Column("Target ML", 9, "center"), _Column("Achieved ML", 10, "center"), _Column("Status", 20, "wrap"),
    _Column("Result", 14, "text"),
)


def _program_sheet(ws: Any, styles: _Styles, info: ProjectInfo, program: list[rr.ProgramRow],
                   progress: _Progress) -> None:
    _columns(ws, PROGRAM_LAYOUT)
    ws.freeze_panes = "A2"
    _page_setup(ws, info)
    table = _TableWriter(ws, styles, PROGRAM_LAYOUT, len(program), progress)
    table.header()
    for p in program:
        table.row((
            p.scope_id, p.scope_name, p.element, p.group, p.requirement_id, p.title, p.target_ml,
            p.achieved_ml, p.status, p.result,
        ))
    rows = len(program)
    _table(ws, "Program", [c.title for c in PROGRAM_LAYOUT], rows)
    _, result_ref = _column_ref(PROGRAM_LAYOUT, "Result", rows)
    achieved_col, achieved_ref = _column_ref(PROGRAM_LAYOUT, "Achieved ML", rows)
    target_col, _ = _column_ref(PROGRAM_LAYOUT, "Target ML", rows)
    cf = ws.conditional_formatting
    for result, (fill, text) in {Result.GAP: (RED_FILL, RED_TEXT), Result.MET: (GREEN_FILL, GREEN_TEXT),
                                 Result.NOT_ASSESSED: (AMBER_FILL, AMBER_TEXT)}.items():
        cf.add(result_ref, CellIsRule(operator="equal", formula=[f'"{result.label}"'], **_highlight(fill, text)))
    below = f"AND(ISNUMBER({achieved_col}2),{achieved_col}2<{target_col}2)"
    cf.add(achieved_ref, FormulaRule(formula=[below], **_highlight(RED_FILL, RED_TEXT)))


SUMMARY_WIDTHS = {"A": 30, "B": 44, "C": 11, "D": 11} | {get_column_letter(c): 6.5 for c in range(5, 19)} | {
    get_column_letter(c): 11 for c in range(19, 24)}
ZONE_HEADERS: tuple[str, ...] = (
    "Zone", "Name", "Kind", "Criticality", *(f"SL-T {fr}" for fr in FR_IDS), *(f"SL-A {fr}" for fr in FR_IDS),
    "Applicable", "Met", "Gaps", "Not assessed", "2-1 gaps",
)


def _summary_sheet(ws: Any, styles: _Styles, project: ProjectData, catalogues: CatalogueSet,
                   gaps: list[rr.GapRow], zones: list[rr.ZoneRow], exported_at: datetime) -> None:
    info = project.info
    for letter, width in SUMMARY_WIDTHS.items():
        ws.column_dimensions[letter].width = width
    _page_setup(ws, info, title_rows=None)
    row = _RowWriter(ws)
    row.add(styles.cell("IEC 62443 assessment: gap register", styles.title))
    row.add(styles.text_cell(f"{info.client}, {info.site}", styles.subtitle))
    row.add(styles.text_cell(info.confidentiality, styles.confidential))
    row.add()
    chart_anchor = row.next
    for label, value in rr.project_facts(info, exported_at):
        row.add(styles.cell(label, styles.label), styles.text_cell(value, styles.wrap),
                lines=_wrapped_lines(value, SUMMARY_WIDTHS["B"]))
    row.add()

    c = rr.counts(project, catalogues, gaps, zones)
    row.add(styles.cell("Counts", styles.section))
    lines: list[tuple[str, int]] = [("Gaps (register rows)", c.gaps)]
    lines += [(f"  priority {p.value}", n) for p, n in c.by_priority.items()]
    lines += [(f"  {rr.STATE_LABELS[s].lower()}", n) for s, n in c.by_state.items()]
    lines += [
        ("Not assessed (no answer yet)", c.not_assessed),
        (f"Site program (target ML{c.site_target_ml})", c.site_requirements),
        ("  met", c.site_met), ("  gaps", c.site_gaps), ("  not assessed", c.site_not_assessed),
    ]
    for label, count in lines:
        row.add(styles.cell(label, styles.label), styles.cell(count, styles.number))
    row.add()

    row.add(styles.cell(f"SL-T vs SL-A per foundational requirement (mean over {len(zones)} zones)",
                        styles.section))
    table_top = row.next
    row.add(*styles.headers(("FR", "Foundational requirement", "Mean SL-T", "Mean SL-A")))
    for fr, title, sl_t, sl_a in rr.fr_averages(zones, catalogues):
        row.add(styles.cell(fr, styles.text), styles.text_cell(title, styles.text),
                styles.cell(sl_t, styles.decimal), styles.cell(sl_a, styles.decimal))
    if zones:
        ws.add_chart(_sl_chart(ws, table_top), f"E{chart_anchor}")
    row.add()

    row.add(styles.cell("Zones and conduits: SL-T and SL-A per FR (red: SL-A below SL-T)", styles.section))
    head = row.next
    row.add(*styles.headers(ZONE_HEADERS), lines=2)
    for z in zones:
        row.add(
            styles.text_cell(z.zone_id, styles.text), styles.text_cell(z.name, styles.wrap),
            styles.cell(z.kind, styles.text), styles.cell(z.criticality, styles.text),
            *(styles.cell(v, styles.center) for v in (*z.sl_t, *z.sl_a)),
            *(styles.cell(v, styles.center) for v in (z.applicable, z.met, z.gaps, z.not_assessed)),
            styles.cell(z.program_gaps, styles.center) if z.program_gaps is not None else None,
            lines=_wrapped_lines(z.name, SUMMARY_WIDTHS["B"]),
        )
    if not zones:
        row.add(styles.cell("No zones or conduits yet.", styles.text))
        return
    first, last = head + 1, head + len(zones)
    sl_t0, sl_a0 = get_column_letter(5), get_column_letter(5 + len(FR_IDS))
    sl_a_ref = f"{sl_a0}{first}:{get_column_letter(4 + 2 * len(FR_IDS))}{last}"
    cf = ws.conditional_formatting
    cf.add(sl_a_ref, FormulaRule(formula=[f"{sl_a0}{first}<{sl_t0}{first}"], **_highlight(RED_FILL, RED_TEXT, True)))
    cf.add(sl_a_ref, FormulaRule(formula=[f"{sl_a0}{first}>={sl_t0}{first}"], **_highlight(GREEN_FILL, GREEN_TEXT)))
    gaps_col = get_column_letter(ZONE_HEADERS.index("Gaps") + 1)
    open_col = get_column_letter(ZONE_HEADERS.index("Not assessed") + 1)
    cf.add(f"{gaps_col}{first}:{gaps_col}{last}", CellIsRule(operator="greaterThan", formula=["0"],
                                                             **_highlight(RED_FILL, RED_TEXT)))
    cf.add(f"{open_col}{first}:{open_col}{last}", CellIsRule(operator="greaterThan", formula=["0"],
                                                             **_highlight(AMBER_FILL, AMBER_TEXT)))


class _RowWriter:
    """Appends rows to a write-only sheet and knows the number of the next one."""

    def __init__(self, ws: Any) -> None:
        self.ws, self.next = ws, 1

    def add(self, *cells: Any, lines: int = 1) -> None:
        if lines > 1:
            self.ws.row_dimensions[self.next].height = min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 3)
        self.ws.append(list(cells))
        self.next += 1


def _sl_chart(ws: Any, table_top: int) -> BarChart:
    """A clustered column chart of mean SL-T and SL-A per FR, native to Excel."""
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = "SL-T vs SL-A per foundational requirement"
    chart.y_axis.title = "Security level (mean over zones)"
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


def _keys_sheet(ws: Any, project: ProjectData, gaps: list[rr.GapRow], exported_at: datetime, base: date) -> None:
    """The hidden, protected sheet that says whose register this is, for the re-import."""
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
    values = key_sheet_values(project, len(gaps), exported_at, base)
    _declare_size(ws, len(values) + 2 + len(gaps), 2)
    for name, value in values:
        ws.append([_as_text(ws, name), _as_text(ws, value)])
    ws.append([])
    ws.append(["keys"])
    for g in gaps:
        ws.append([_as_text(ws, g.key)])


def key_sheet_values(project: ProjectData, rows: int, exported_at: datetime,
                     base: date) -> list[tuple[str, str]]:
    """What the import checks: the format, the project's id (client and site name it in messages)."""
    info = project.info
    return [
        ("format", rr.REGISTER_FORMAT), ("version", str(rr.REGISTER_VERSION)),
        ("project", rr.project_tag(project)), ("client", info.client), ("site", info.site),
        ("register sheet", REGISTER_SHEET), ("rows", str(rows)),
        ("due date base", base.isoformat()), ("exported", exported_at.isoformat()),
        ("app version", __version__), ("project id", project.project_id),
    ]


def _as_text(ws: Any, value: str) -> Any:
    """A string cell for a write-only sheet without styles (formula-proof)."""
    text = rr.clean_text(value)
    if not rr.looks_like_formula(text):
        return text
    cell = WriteOnlyCell(ws, text)
    cell.data_type = "s"
    return cell

