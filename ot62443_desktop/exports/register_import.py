"""Import an edited gap register back into the project (SPEC 7 and 11).

Plant management edits owner, due date, priority, effort, state (with justification),
action and finding in Excel. Everything is read and checked before anything is written:
a workbook that is not a register of this project is refused as a whole; a bad row is
refused with its reason while the good rows apply. Only values that differ from what the
register would show for the project today count as edits, so an untouched row changes
nothing, and answers the workbook does not name are never touched. The good rows are
written as one batch: a crash, a full disk or a cancel while applying leaves none of them.
"""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from defusedxml.common import DefusedXmlException  # type: ignore[import-untyped]
from openpyxl import load_workbook  # type: ignore[import-untyped]
from openpyxl.xml import functions as openpyxl_xml  # type: ignore[import-untyped]

from ot62443_desktop.domain.catalogue import CatalogueSet
from ot62443_desktop.domain.model import Answer, Effort, ItemState, Priority, RemediationItem
from ot62443_desktop.domain.priority import default_due_date
from ot62443_desktop.exports import register_rows as rr
from ot62443_desktop.exports.progress import ExportCancelled, ExportError, Hooks
from ot62443_desktop.exports.xlsx_guard import NOTHING, check_container, open_workbook
from ot62443_desktop.exports.xlsx_register import KEYS_SHEET, REGISTER_SHEET
from ot62443_desktop.storage import ProjectStore, StoreError
from ot62443_desktop.storage.errors import describe_os_error

MAX_ROWS = 200_000
HEADER_SEARCH_ROWS = 20
STEP_ROWS = 200
EARLIEST_DUE, LATEST_DUE = date(2000, 1, 1), date(2100, 12, 31)


@dataclass(frozen=True)
class RowChange:
    """The edits of one register row, with before/after values so the GUI can undo them."""

    row: int
    scope_id: str
    requirement_id: str
    changes: tuple[str, ...]
    item_before: RemediationItem | None  # None: the gap had no stored remediation item
    item_after: RemediationItem | None  # None: the remediation item is unchanged
    answer_before: Answer
    answer_after: Answer | None  # None: the finding is unchanged

    def __str__(self) -> str:
        return f"row {self.row} {self.scope_id} {self.requirement_id}: " + "; ".join(self.changes)


@dataclass(frozen=True)
class RowRefusal:
    """A row (or one cell of it) that was not applied, and why."""

    sheet: str
    row: int
    key: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.sheet!r} row {self.row}"
        if parsed := rr.parse_key(self.key):
            where += f" {parsed[1]} {parsed[2]}"
        return f"{where}: refused: {self.reason}"


@dataclass
class ImportReport:
    source: Path
    dry_run: bool
    exported: str = ""
    rows: int = 0
    changed: list[RowChange] = field(default_factory=list)
    refused: list[RowRefusal] = field(default_factory=list)
    unchanged: int = 0
    notes: list[str] = field(default_factory=list)
    applied: bool = False

    @property
    def ok(self) -> bool:
        """True when no row was refused."""
        return not self.refused

    def lines(self) -> list[str]:
        """The report as lines for the command line and the GUI's report dialog."""
        head = f"{self.source}: gap register"
        if self.exported:
            head += f" exported {self.exported}"
        out = [head + f", {self.rows} row(s) read"]
        out += [str(change) for change in self.changed]
        out += [str(refusal) for refusal in self.refused]
        out += [f"note: {note}" for note in self.notes]
        total = f"{len(self.changed)} row(s) changed, {len(self.refused)} refused, {self.unchanged} unchanged"
        if self.dry_run:
            total += " (dry run: nothing was changed)"
        elif not self.changed:
            total += " (nothing to change)"
        out.append(total)
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


def import_register(
    store: ProjectStore, catalogues: CatalogueSet, xlsx: Path, *, dry_run: bool = False, hooks: Hooks | None = None,
) -> ImportReport:
    """Check the edited register `xlsx` against the project and apply its valid row edits.

    Raises ExportError (and changes nothing) when the file is not a gap register of this
    project, is damaged, too large or hostile. With dry_run nothing is written either.
    """
    hooks = hooks or Hooks()
    xlsx = Path(xlsx)
    if not dry_run and store.read_only:
        raise ExportError(f"{store.path}: {store.read_only_reason}; {NOTHING}")
    report = ImportReport(source=xlsx, dry_run=dry_run)
    sheet = _read_register(xlsx, store, hooks)
    report.exported = sheet.meta.get("exported", "").replace("T", " ")
    report.notes += sheet.notes
    _plan(sheet, store, catalogues, report)
    if not dry_run and report.changed:
        _apply(store, report, hooks)
    return report


# -- reading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cell:
    value: Any
    data_type: str  # openpyxl's: s string, n number, d date, b bool, f formula, e error


@dataclass(frozen=True)
class _Row:
    number: int
    cells: dict[str, _Cell]  # by column heading


@dataclass
class _Sheet:
    name: str
    meta: dict[str, str]
    exported_keys: list[str]
    columns: list[str]
    rows: list[_Row]
    notes: list[str]


def _read_register(xlsx: Path, store: ProjectStore, hooks: Hooks) -> _Sheet:
    """Everything the import needs from the workbook, with the workbook checked to be ours."""
    with open_workbook(xlsx) as f:
        check_container(xlsx, f)
        return _parse(xlsx, f, store, hooks)


def _parse(xlsx: Path, f: BinaryIO, store: ProjectStore, hooks: Hooks) -> _Sheet:
    if not xml_is_defused():
        raise ExportError(f"{xlsx}: not read: openpyxl is not using defusedxml (is it installed, and "
                          f"OPENPYXL_DEFUSEDXML not set to False?), so a hostile workbook could not be "
                          f"refused safely; {NOTHING}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read
            f.seek(0)
            wb = load_workbook(f, read_only=True, data_only=False, keep_links=False)
            try:
                return _read_sheets(wb, xlsx, store, hooks)
            finally:
                wb.close()
    except (ExportError, ExportCancelled):
        raise
    except Exception as exc:  # the file is untrusted input: any parser failure is "unreadable"
        if _caused_by(exc, DefusedXmlException):
            raise ExportError(
                f"{xlsx}: refused: the workbook contains XML entity or DTD declarations, which Excel never "
                f"writes (a hostile 'XML bomb'?); {NOTHING}"
            ) from None
        raise ExportError(f"{xlsx}: cannot be read as an Excel workbook ({_describe(exc)}); {NOTHING}") from None


def xml_is_defused() -> bool:
    """True when openpyxl parses worksheets and shared strings with defusedxml, which refuses
    entity declarations (billion laughs, external entities) instead of expanding them."""
    return str(getattr(openpyxl_xml.iterparse, "__module__", "")).startswith("defusedxml")


def _read_sheets(wb: Any, xlsx: Path, store: ProjectStore, hooks: Hooks) -> _Sheet:
    if KEYS_SHEET not in wb.sheetnames:
        raise ExportError(f"{xlsx}: not a gap register exported by OT 62443 Workbook (its hidden sheet "
                          f"{KEYS_SHEET!r} is missing); {NOTHING}")
    meta, exported_keys = _read_keys(wb[KEYS_SHEET])
    _check_identity(xlsx, meta, store)
    name = meta.get("register sheet", REGISTER_SHEET)
    candidates = [name] if name in wb.sheetnames else [n for n in wb.sheetnames if n != KEYS_SHEET]
    for candidate in candidates:
        ws = wb[candidate]
        header = _find_header(ws, xlsx)
        if header is not None:
            return _read_rows(ws, candidate, header, meta, exported_keys, xlsx, hooks)
    raise ExportError(
        f"{xlsx}: the {name!r} sheet has no {rr.KEY!r} column (deleted?), so its rows cannot be matched to "
        f"the project; {NOTHING}. Export the register again and copy the edits into it."
    )


def _read_keys(ws: Any) -> tuple[dict[str, str], list[str]]:
    meta: dict[str, str] = {}
    keys: list[str] = []
    in_keys = False
    for count, row in enumerate(ws.iter_rows(max_col=2, values_only=True)):
        if count > MAX_ROWS:
            break
        first = _plain(row[0] if row else None)
        if in_keys:
            if first:
                keys.append(first)
        elif first == "keys":
            in_keys = True
        elif first:
            meta[first] = _plain(row[1] if len(row) > 1 else None)
    return meta, keys


def _check_identity(xlsx: Path, meta: dict[str, str], store: ProjectStore) -> None:
    if meta.get("format") != rr.REGISTER_FORMAT:
        raise ExportError(f"{xlsx}: not a gap register exported by OT 62443 Workbook; {NOTHING}")
    try:
        version = int(meta.get("version", ""))
    except ValueError:
        version = 0
    if version < 1:
        raise ExportError(f"{xlsx}: the register's format version is missing or damaged; {NOTHING}")
    if version > rr.REGISTER_VERSION:
        raise ExportError(f"{xlsx}: written by a newer OT 62443 Workbook (register format {version}, this "
                          f"program reads up to {rr.REGISTER_VERSION}); {NOTHING}")
    exported_id = meta.get("project id", "")
    if version < rr.REGISTER_VERSION or not exported_id:
        # Before registers carried the id, client and site were all there was to go on, and two
        # projects of one client and site could not be told apart: refuse rather than guess.
        raise ExportError(
            f"{xlsx}: this register does not say which project it belongs to (it was exported before registers "
            f"carried the project's id, or its hidden sheet was damaged), so it cannot be matched to the open "
            f"project for certain; {NOTHING}. Export the register again from this project and copy the edits "
            "into it."
        )
    if exported_id != store.project_id:
        theirs = _project_name(meta.get("client", ""), meta.get("site", ""))
        ours = _project_name(store.info.client, store.info.site)
        raise ExportError(
            f"{xlsx}: this register belongs to project {theirs} (id {_short_id(exported_id)}), not to {ours} "
            f"(id {_short_id(store.project_id)}); {NOTHING}"
        )


def _project_name(client: str, site: str) -> str:
    return _short(f"{client.strip() or '?'} / {site.strip() or '?'}", 80)


def _short_id(project_id: str) -> str:
    text = " ".join(project_id.split())
    return text if len(text) <= 8 else text[:8] + "\u2026"


def _find_header(ws: Any, xlsx: Path) -> tuple[int, dict[str, int]] | None:
    """(row number, column index by heading) of the row that holds the Key heading."""
    for number, row in enumerate(ws.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True), 1):
        titles = [_plain(value) for value in row]
        if rr.KEY not in titles:
            continue
        columns: dict[str, int] = {}
        known = {c.casefold(): c for c in rr.REGISTER_COLUMNS}
        for index, title in enumerate(titles):
            if (name := known.get(title.casefold())) is None:
                continue
            if name in columns:
                raise ExportError(f"{xlsx}: the register's column {name!r} appears twice in row {number}; "
                                  f"keep one of them; {NOTHING}")
            columns[name] = index
        return number, columns
    return None


def _read_rows(ws: Any, name: str, header: tuple[int, dict[str, int]], meta: dict[str, str],
               exported_keys: list[str], xlsx: Path, hooks: Hooks) -> _Sheet:
    header_row, columns = header
    wanted = [c for c in (rr.KEY, *rr.EDITABLE_COLUMNS) if c in columns]
    notes = [f"the {c!r} column is missing, so its values were not imported"
             for c in rr.EDITABLE_COLUMNS if c not in columns]
    total = ws.max_row if isinstance(ws.max_row, int) and ws.max_row > header_row else header_row + 1
    ws.reset_dimensions()  # a sheet that under-states its size must not hide rows from the import
    rows: list[_Row] = []
    for number, cells in enumerate(ws.iter_rows(min_row=header_row + 1), header_row + 1):
        if number - header_row > MAX_ROWS:
            raise ExportError(f"{xlsx}: the {name!r} sheet has more than {MAX_ROWS} rows, far more than a "
                              f"gap register; {NOTHING}")
        if number % STEP_ROWS == 0:
            hooks.step(min(number, total), total)
        picked: dict[str, _Cell] = {}
        blank = True
        for cell in cells:
            if cell.value is not None and cell.value != "":
                blank = False
                break
        for column in wanted:
            index = columns[column]
            cell = cells[index] if index < len(cells) else None
            if cell is not None and cell.value is not None:
                picked[column] = _Cell(cell.value, cell.data_type)
        if not blank:
            rows.append(_Row(number, picked))
    hooks.step(total, total)
    return _Sheet(name, meta, exported_keys, list(columns), rows, notes)


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return rr.clean_text(str(value)).strip()


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    """True when `exc` or an exception it wraps is a `kind` (openpyxl re-raises parse errors)."""
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return False
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _describe(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    if len(text) > 160:
        text = text[:157] + "..."
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# -- checking and planning -------------------------------------------------------------------


class _Refused(Exception):
    """One reason a row cannot be applied."""


def _plan(sheet: _Sheet, store: ProjectStore, catalogues: CatalogueSet, report: ImportReport) -> None:
    project = store.snapshot()
    fallback = _iso_date(sheet.meta.get("due date base", ""))
    base = rr.due_base(project.info, fallback)
    current = {(g.scope_id, g.requirement_id): g for g in rr.gap_rows(project, catalogues, base=base)}
    tag = rr.project_tag(project)
    scopes = set(store.scope_ids())
    report.rows = len(sheet.rows)

    by_key: dict[tuple[str, str], list[int]] = {}
    keyed: list[tuple[_Row, tuple[str, str]]] = []
    for row in sheet.rows:
        key_text = _plain(row.cells[rr.KEY].value) if rr.KEY in row.cells else ""
        try:
            key = _check_key(row, key_text, tag, scopes, catalogues, current)
        except _Refused as refusal:
            report.refused.append(RowRefusal(sheet.name, row.number, key_text, str(refusal)))
            continue
        by_key.setdefault(key, []).append(row.number)
        keyed.append((row, key))

    for row, key in keyed:
        key_text = rr.row_key(tag, *key)
        numbers = by_key[key]
        if len(numbers) > 1:
            others = ", ".join(str(n) for n in numbers)
            report.refused.append(RowRefusal(sheet.name, row.number, key_text,
                                             f"the same key is in rows {others}; none of them was applied"))
            continue
        reasons, change = _row_edits(row, current[key], set(sheet.columns), store, base)
        if reasons:
            report.refused += [RowRefusal(sheet.name, row.number, key_text, reason) for reason in reasons]
        elif change is None:
            report.unchanged += 1
        else:
            report.changed.append(change)

    report.notes += _coverage_notes(sheet, set(by_key), current, tag)


def _check_key(row: _Row, key_text: str, tag: str, scopes: set[str], catalogues: CatalogueSet,
               current: dict[tuple[str, str], rr.GapRow]) -> tuple[str, str]:
    cell = row.cells.get(rr.KEY)
    if cell is not None and cell.data_type == "f":
        raise _Refused(f"{rr.KEY}: a formula, not a register key")
    if not key_text:
        raise _Refused("no key: rows added by hand cannot be imported (record the gap in the project instead)")
    parsed = rr.parse_key(key_text)
    if parsed is None:
        raise _Refused(f"{key_text!r} is not a register key (was the hidden Key column edited?)")
    row_tag, scope_id, requirement_id = parsed
    if row_tag != tag:
        raise _Refused("the row comes from another project's register (copied in?)")
    if scope_id not in scopes:
        raise _Refused(f"unknown scope {scope_id!r} (no such zone or conduit in the project)")
    if requirement_id not in catalogues:
        raise _Refused(f"unknown requirement {requirement_id!r}")
    if (scope_id, requirement_id) not in current:
        raise _Refused("no longer a gap in the project (its answer changed after the export)")
    return scope_id, requirement_id


def _coverage_notes(sheet: _Sheet, seen: set[tuple[str, str]], current: dict[tuple[str, str], rr.GapRow],
                    tag: str) -> list[str]:
    exported = {(p[1], p[2]) for k in sheet.exported_keys if (p := rr.parse_key(k)) and p[0] == tag}
    deleted = len((exported & set(current)) - seen)
    new = len(set(current) - exported - seen)
    notes = []
    if deleted:
        notes.append(f"{deleted} gap(s) of the register are not in the workbook any more (rows deleted?); "
                     "they were left as they are")
    if new:
        notes.append(f"{new} gap(s) were found after this register was exported; export it again to plan them")
    return notes


def _row_edits(row: _Row, shown: rr.GapRow, present: set[str], store: ProjectStore,
               base: date) -> tuple[list[str], RowChange | None]:
    """Reasons to refuse the row, or the change it makes (None when it changes nothing)."""
    reasons: list[str] = []
    values: dict[str, Any] = {}
    for column, parse in _PARSERS.items():
        if column not in present:
            values[column] = _MISSING
            continue
        try:
            values[column] = parse(column, row.cells.get(column, _EMPTY))
        except _Refused as refusal:
            reasons.append(str(refusal))
    gap, item = shown.gap, shown.gap.item
    for column, text in ((rr.FINDING, shown.finding), (rr.ACTION, shown.action), (rr.OWNER, item.owner),
                         (rr.JUSTIFICATION, item.justification)):
        if column not in values or values[column] in (_MISSING, _as_shown(text)) or not rr.too_long_for_a_cell(text):
            continue
        reasons.append(f"{column}: the project's text ({len(text):,} characters) is longer than an Excel cell "
                       "holds, so the register shows it cut short; edit it in the program")
    if reasons:
        return reasons, None

    updates: dict[str, Any] = {}
    changes: list[str] = []

    def edited(column: str, current: Any) -> bool:
        return values[column] is not _MISSING and values[column] != current

    if edited(rr.OWNER, _as_shown(item.owner)):
        updates["owner"] = values[rr.OWNER]
        changes.append(f"owner {_short(item.owner)} -> {_short(values[rr.OWNER])}")
    if edited(rr.EFFORT, item.effort):
        updates["effort"] = values[rr.EFFORT]
        changes.append(f"effort {_enum(item.effort)} -> {_enum(values[rr.EFFORT])}")
    if edited(rr.STATE, item.state):
        updates["state"] = values[rr.STATE]
        changes.append(f"state {rr.STATE_LABELS[item.state]} -> {rr.STATE_LABELS[values[rr.STATE]]}")
    if edited(rr.JUSTIFICATION, _as_shown(item.justification)):
        updates["justification"] = values[rr.JUSTIFICATION]
        changes.append(f"justification {_short(item.justification)} -> {_short(values[rr.JUSTIFICATION])}")
    if edited(rr.ACTION, _as_shown(shown.action)):
        action = values[rr.ACTION]
        if not action or action == _as_shown(rr.plain_text(gap.requirement.remediation)):
            if item.action is not None:
                updates["action"] = None
                changes.append("action reset to the catalogue's recommendation")
        else:
            updates["action"] = action
            changes.append(f"action -> {_short(action)}")
    if edited(rr.PRIORITY, shown.priority):
        priority = values[rr.PRIORITY]
        if priority is not None:
            updates["priority"] = priority
            changes.append(f"priority {shown.priority.value} -> {priority.value}")
        elif item.priority is not None:
            updates["priority"] = None
            changes.append(f"priority {item.priority.value} -> {gap.computed_priority.value} (computed)")
    if edited(rr.DUE_DATE, shown.due_date):
        due = values[rr.DUE_DATE]
        if due is not None:
            updates["due_date"] = due
            changes.append(f"due date {shown.due_date.isoformat()} -> {due.isoformat()}")
        elif item.due_date is not None:
            updates["due_date"] = None
            changes.append("due date reset to the default for its priority")

    state = updates.get("state", item.state)
    if state is ItemState.RISK_ACCEPTED and not updates.get("justification", item.justification).strip():
        return [f"{rr.STATE}: {rr.STATE_LABELS[state]!r} needs a justification; fill in the "
                f"{rr.JUSTIFICATION} column"], None
    new_item = dataclasses.replace(item, **updates) if updates else item
    if "due_date" not in updates and new_item.due_date is None:
        follows = default_due_date(new_item.priority or gap.computed_priority, base)
        if follows != shown.due_date:
            changes.append(f"due date follows the priority: {shown.due_date.isoformat()} -> {follows.isoformat()}")

    new_answer: Answer | None = None
    if edited(rr.FINDING, _as_shown(shown.finding)):
        new_answer = dataclasses.replace(gap.answer, finding=values[rr.FINDING])
        changes.append(f"finding {_short(shown.finding)} -> {_short(values[rr.FINDING])}")

    if not changes:
        return [], None
    return [], RowChange(
        row=row.number, scope_id=gap.scope_id, requirement_id=gap.requirement.id, changes=tuple(changes),
        item_before=store.remediation(gap.scope_id, gap.requirement.id),
        item_after=new_item if new_item != item else None, answer_before=gap.answer, answer_after=new_answer,
    )


class _Missing:
    """The column is absent from the workbook: keep the project's value."""


_MISSING: Any = _Missing()
_EMPTY = _Cell(None, "n")


def _no_formula(column: str, cell: _Cell) -> Any:
    if cell.data_type == "f":
        formula = str(cell.value)
        formula = formula if len(formula) <= 40 else formula[:37] + "..."
        raise _Refused(f"{column}: a formula ({formula}) is not accepted; type the value itself "
                       "(start text with an apostrophe if it begins with =, + or -)")
    if cell.data_type == "e":
        raise _Refused(f"{column}: the Excel error value {cell.value} is not accepted")
    return cell.value


def _text(column: str, cell: _Cell) -> str:
    return _plain(_no_formula(column, cell))


def _choice(column: str, cell: _Cell, allowed: dict[str, Any], shown: Sequence[str]) -> Any:
    text = _text(column, cell)
    if not text:
        return allowed.get("")
    try:
        return allowed[text.casefold()]
    except KeyError:
        raise _Refused(f"{column}: {_short(text)} is not one of {', '.join(shown)}") from None


_PRIORITIES: dict[str, Any] = {"": None} | {p.value.casefold(): p for p in Priority}
_EFFORTS: dict[str, Any] = {"": None} | {e.value.casefold(): e for e in Effort}
_STATES: dict[str, Any] = {"": ItemState.OPEN} | {
    name: state for state, label in rr.STATE_LABELS.items()
    for name in (label.casefold(), state.value, state.value.replace("_", " "))
}


def _priority(column: str, cell: _Cell) -> Priority | None:
    result: Priority | None = _choice(column, cell, _PRIORITIES, rr.PRIORITY_VALUES)
    return result


def _effort(column: str, cell: _Cell) -> Effort | None:
    result: Effort | None = _choice(column, cell, _EFFORTS, rr.EFFORT_VALUES)
    return result


def _state(column: str, cell: _Cell) -> ItemState:
    result: ItemState = _choice(column, cell, _STATES, rr.STATE_VALUES)
    return result


def _due(column: str, cell: _Cell) -> date | None:
    value = _no_formula(column, cell)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        result = value.date()
    elif isinstance(value, date):
        result = value
    elif isinstance(value, str):
        parsed = _iso_date(value)
        if parsed is None:
            raise _Refused(f"{column}: {_short(value)} is not a date (use a date cell or YYYY-MM-DD)")
        result = parsed
    elif isinstance(value, bool | int | float):
        raise _Refused(f"{column}: {value} is a number, not a date (format the cell as a date)")
    else:
        raise _Refused(f"{column}: {_short(str(value))} is not a date")
    if not EARLIEST_DUE <= result <= LATEST_DUE:
        raise _Refused(f"{column}: {result.isoformat()} is outside {EARLIEST_DUE.year}-{LATEST_DUE.year}")
    return result


def _iso_date(text: str) -> date | None:
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None


_PARSERS: dict[str, Any] = {
    rr.FINDING: _text, rr.ACTION: _text, rr.PRIORITY: _priority, rr.OWNER: _text, rr.DUE_DATE: _due,
    rr.EFFORT: _effort, rr.STATE: _state, rr.JUSTIFICATION: _text,
}


def _as_shown(text: str) -> str:
    """Project text as the register cell shows it (and as `_plain` reads it back), so text the
    export had to clean (control characters, Excel's length limit) is no edit."""
    return rr.clean_text(text).strip()


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def _enum(value: Effort | None) -> str:
    return value.value if value is not None else "(none)"


# -- applying -------------------------------------------------------------------------------


def _apply(store: ProjectStore, report: ImportReport, hooks: Hooks) -> None:
    """Write the planned changes as one batch: one journal record and one sync, and all of them
    or none, whatever stops it (a crash, a full disk, a lost lock, a cancel)."""
    total = len(report.changed)
    try:
        with store.batch():
            for done, change in enumerate(report.changed, 1):
                if change.item_after is not None:
                    store.set_remediation(change.item_after)
                if change.answer_after is not None:
                    store.set_answer(change.answer_after)
                if done % STEP_ROWS == 0 or done == total:
                    hooks.step(done, total)
    except StoreError as exc:
        raise ExportError(f"{exc}; {NOTHING}") from None
    except OSError as exc:
        raise ExportError(f"{store.path}: the import could not be saved ({describe_os_error(exc)}); "
                          f"{NOTHING}") from None
    report.applied = True
