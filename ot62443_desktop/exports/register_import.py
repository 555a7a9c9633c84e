"""Plan an edited register's import: what its rows would change in a project (SPEC 7 and 11).

The planner knows no file: it takes the rows the reader found (register_reader.py) and a
snapshot of the project, and proposes changes. A workbook that is not a register of this
project is refused as a whole; a bad row is refused with its reason while the good rows
stand. Only values that differ from what the register would show for the project today
count as edits, so an untouched row changes nothing, and answers the workbook does not name
are never touched. Applying the plan is api's business (Project.apply_register_plan): one
batch, all of its rows or none.

The report is written in the reader's language (English for the CLI and the api, the GUI's for the
GUI); the columns and choices it names are the register's own, as the person sees them in the workbook.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ot62443_desktop.domain.catalogue import CatalogueSet, Requirement
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import SITE_SCOPE, Answer, Effort, ItemState, Priority, ProjectData, RemediationItem
from ot62443_desktop.domain.priority import default_due_date
from ot62443_desktop.domain.report import score_project
from ot62443_desktop.domain.text import one_line
from ot62443_desktop.exports import register_rows as rr
from ot62443_desktop.exports.cell_text import clean_text, plain_text, too_long_for_a_cell
from ot62443_desktop.exports.labels import STATE_LABELS
from ot62443_desktop.exports.progress import ExportError
from ot62443_desktop.exports.register_reader import EMPTY, RegisterCell, RegisterRow, RegisterSheet, plain
from ot62443_desktop.exports.wording import Translator, translator

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
    language: Language = Language.EN  # the language `changes` is written in

    def __str__(self) -> str:
        tr = translator(self.language)
        return tr("row {row} {scope} {requirement}: {changes}", row=self.row, scope=self.scope_id,
                  requirement=self.requirement_id, changes=tr("; ").join(self.changes))


@dataclass(frozen=True)
class RowRefusal:
    """A row (or one cell of it) that was not applied, and why."""

    sheet: str
    row: int
    key: str
    reason: str
    language: Language = Language.EN  # the language `reason` is written in

    def __str__(self) -> str:
        tr = translator(self.language)
        if parsed := rr.parse_key(self.key):
            return tr("{sheet} row {row} {scope} {requirement}: refused: {reason}", sheet=repr(self.sheet),
                      row=self.row, scope=parsed[1], requirement=parsed[2], reason=self.reason)
        return tr("{sheet} row {row}: refused: {reason}", sheet=repr(self.sheet), row=self.row, reason=self.reason)


@dataclass
class ImportReport:
    """The plan of an import (the rows it changes, refuses or leaves) and, once applied, that it was."""

    source: Path
    dry_run: bool
    exported: str = ""
    rows: int = 0
    changed: list[RowChange] = field(default_factory=list)
    refused: list[RowRefusal] = field(default_factory=list)
    unchanged: int = 0
    notes: list[str] = field(default_factory=list)
    applied: bool = False
    language: Language = Language.EN  # the language the report is written in

    @property
    def ok(self) -> bool:
        """True when no row was refused."""
        return not self.refused

    def lines(self) -> list[str]:
        """The report as lines for the command line and the GUI's report dialog."""
        tr = translator(self.language)
        rows = tr.count(self.rows)
        out = [tr("{source}: gap register exported {exported}, {rows} row(s) read", source=self.source,
                  exported=self.exported, rows=rows) if self.exported
               else tr("{source}: gap register, {rows} row(s) read", source=self.source, rows=rows)]
        out += [str(change) for change in self.changed]
        out += [str(refusal) for refusal in self.refused]
        out += [tr("note: {note}", note=note) for note in self.notes]
        counts = tr("{changed} row(s) changed, {refused} refused, {unchanged} unchanged",
                    changed=tr.count(len(self.changed)), refused=tr.count(len(self.refused)),
                    unchanged=tr.count(self.unchanged))
        if self.dry_run:
            counts = tr("{counts} (dry run: nothing was changed)", counts=counts)
        elif not self.changed:
            counts = tr("{counts} (nothing to change)", counts=counts)
        out.append(counts)
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


def plan_import(sheet: RegisterSheet, project: ProjectData, catalogues: CatalogueSet, *,
                dry_run: bool = False, language: Language = Language.EN) -> ImportReport:
    """The changes `sheet`'s rows make to `project`, and the rows refused, with their reasons, told in
    `language`.

    Raises ExportError when the register belongs to another project.
    """
    tr = translator(language)
    _check_identity(sheet, project, tr)
    report = ImportReport(source=sheet.source, dry_run=dry_run, exported=sheet.exported, rows=len(sheet.rows),
                          language=language)
    # The rows are compared with the register as it was shown: in its language (its default
    # actions are the catalogue's text in that language); a register from before languages is English.
    # What is refused names its columns and choices as the register shows them (`sheet_tr`).
    sheet_tr = translator(_language(sheet, tr))
    present = {heading for heading in rr.EDITABLE_COLUMNS if rr.COLUMN_ID[heading] in sheet.columns}
    report.notes += [tr("the {column} column is missing, so its values were not imported", column=repr(sheet_tr(c)))
                     for c in rr.EDITABLE_COLUMNS if c not in present]
    every_language, catalogues = catalogues, catalogues.in_language(sheet_tr.language)
    scored = score_project(project, catalogues, today=_iso_date(sheet.meta.get("due date base", "")))
    current = {(g.scope_id, g.requirement_id): g for g in rr.gap_rows(scored, catalogues, sheet_tr)}
    tag = rr.project_tag(project)
    scopes = {SITE_SCOPE, *(z.id for z in project.zones)}

    by_key: dict[tuple[str, str], list[int]] = {}
    keyed: list[tuple[RegisterRow, tuple[str, str]]] = []
    for row in sheet.rows:
        key_text = row.text(rr.KEY_ID)
        try:
            key = _check_key(row, key_text, tag, scopes, catalogues, current, tr, sheet_tr)
        except _Refused as refusal:
            report.refused.append(RowRefusal(sheet.sheet, row.number, key_text, str(refusal), language))
            continue
        by_key.setdefault(key, []).append(row.number)
        keyed.append((row, key))

    for row, key in keyed:
        key_text = rr.row_key(tag, *key)
        numbers = by_key[key]
        if len(numbers) > 1:
            others = ", ".join(str(n) for n in numbers)
            report.refused.append(RowRefusal(sheet.sheet, row.number, key_text, tr(
                "the same key is in rows {rows}; none of them was applied", rows=others), language))
            continue
        reasons, change = _row_edits(row, current[key], present, project, scored.reference, tr, sheet_tr,
                                     _catalogue_actions(every_language.requirement(key[1])))
        if reasons:
            report.refused += [RowRefusal(sheet.sheet, row.number, key_text, reason, language) for reason in reasons]
        elif change is None:
            report.unchanged += 1
        else:
            report.changed.append(change)

    report.notes += _coverage_notes(sheet, set(by_key), current, tag, tr)
    return report


def _language(sheet: RegisterSheet, tr: Translator) -> Language:
    """The language the register was written in."""
    code = sheet.meta.get("language", Language.EN.value)
    try:
        return Language(code)
    except ValueError:
        raise ExportError(tr("{source}: its keys sheet names an unknown language {code}; Export the register "
                             "again and copy the edits into it.", source=sheet.source, code=_short(code))) from None


def _check_identity(sheet: RegisterSheet, project: ProjectData, tr: Translator) -> None:
    exported_id = sheet.meta.get("project id", "")
    if exported_id != project.project_id:
        theirs = _project_name(sheet.meta.get("client", ""), sheet.meta.get("site", ""))
        ours = _project_name(project.info.client, project.info.site)
        if exported_id in project.lineage:  # the same client and site: two ids alone would not tell them apart
            raise ExportError(tr(
                "{source}: this register is of an earlier assessment of this plant ({theirs}, id {their_id}), "
                "which this project was carried forward from; its rows are last time's gaps: export this "
                "assessment's register and edit that one; nothing was imported",
                source=sheet.source, theirs=theirs, their_id=_short_id(exported_id)))
        raise ExportError(tr(
            "{source}: this register belongs to project {theirs} (id {their_id}), not to {ours} (id {our_id}); "
            "nothing was imported", source=sheet.source, theirs=theirs, their_id=_short_id(exported_id), ours=ours,
            our_id=_short_id(project.project_id)))


def _project_name(client: str, site: str) -> str:
    return _short(f"{client.strip() or '?'} / {site.strip() or '?'}", 80)


def _short_id(project_id: str) -> str:
    return one_line(project_id, 9)


class _Refused(Exception):
    """One reason a row cannot be applied."""


def _check_key(row: RegisterRow, key_text: str, tag: str, scopes: set[str], catalogues: CatalogueSet,
               current: dict[tuple[str, str], rr.GapRow], tr: Translator, sheet_tr: Translator) -> tuple[str, str]:
    cell = row.cells.get(rr.KEY_ID)
    if cell is not None and cell.data_type == "f":
        raise _Refused(tr("{column}: a formula, not a register key", column=sheet_tr(rr.KEY)))
    if not key_text:
        raise _Refused(tr("no key: rows added by hand cannot be imported (record the gap in the project instead)"))
    parsed = rr.parse_key(key_text)
    if parsed is None:
        raise _Refused(tr("{key} is not a register key (was the hidden {column} column edited?)",
                          key=repr(key_text), column=sheet_tr(rr.KEY)))
    row_tag, scope_id, requirement_id = parsed
    if row_tag != tag:
        raise _Refused(tr("the row comes from another project's register (copied in?)"))
    if scope_id not in scopes:
        raise _Refused(tr("unknown scope {scope} (no such zone or conduit in the project)", scope=repr(scope_id)))
    if requirement_id not in catalogues:
        raise _Refused(tr("unknown requirement {requirement}", requirement=repr(requirement_id)))
    if (scope_id, requirement_id) not in current:
        raise _Refused(tr("no longer a gap in the project (its answer changed after the export)"))
    return scope_id, requirement_id


def _coverage_notes(sheet: RegisterSheet, seen: set[tuple[str, str]], current: dict[tuple[str, str], rr.GapRow],
                    tag: str, tr: Translator) -> list[str]:
    exported = {(p[1], p[2]) for k in sheet.exported_keys if (p := rr.parse_key(k)) and p[0] == tag}
    deleted = len((exported & set(current)) - seen)
    new = len(set(current) - exported - seen)
    notes = []
    if deleted:
        notes.append(tr("{n} gap(s) of the register are not in the workbook any more (rows deleted?); "
                        "they were left as they are", n=tr.count(deleted)))
    if new:
        notes.append(tr("{n} gap(s) were found after this register was exported; export it again to plan them",
                        n=tr.count(new)))
    return notes


def _catalogue_actions(requirement: Requirement) -> set[str]:
    """The catalogue's recommendation as a register cell shows it, in every language: a row pasted in from a
    register in the other language carries the catalogue's action, not one of the assessor's own."""
    return {_as_shown(plain_text(requirement.in_language(language).remediation)) for language in Language}


def _row_edits(row: RegisterRow, shown: rr.GapRow, present: set[str], project: ProjectData, base: date,
               tr: Translator, sheet_tr: Translator, catalogue_actions: set[str]) -> tuple[list[str], RowChange | None]:
    """Reasons to refuse the row, or the change it makes (None when it changes nothing)."""
    reasons: list[str] = []
    values: dict[str, Any] = {}
    for column, parse in _PARSERS.items():
        if column not in present:
            values[column] = _MISSING
            continue
        try:
            values[column] = parse(sheet_tr(column), row.cells.get(rr.COLUMN_ID[column], EMPTY), tr, sheet_tr)
        except _Refused as refusal:
            reasons.append(str(refusal))
    gap, item = shown.gap, shown.gap.item
    for column, text in ((rr.FINDING, shown.finding), (rr.ACTION, shown.action), (rr.OWNER, item.owner),
                         (rr.JUSTIFICATION, item.justification)):
        if column not in values or values[column] in (_MISSING, _as_shown(text)) or not too_long_for_a_cell(text):
            continue
        reasons.append(tr("{column}: the project's text ({n} characters) is longer than an Excel cell holds, so the "
                          "register shows it cut short; edit it in the program", column=sheet_tr(column),
                          n=tr.count(len(text))))
    if reasons:
        return reasons, None

    updates: dict[str, Any] = {}
    changes: list[str] = []

    def edited(column: str, current: Any) -> bool:
        return values[column] is not _MISSING and values[column] != current

    if edited(rr.OWNER, _as_shown(item.owner)):
        updates["owner"] = values[rr.OWNER]
        changes.append(tr("owner {before} -> {after}", before=_short(item.owner), after=_short(values[rr.OWNER])))
    if edited(rr.EFFORT, item.effort):
        updates["effort"] = values[rr.EFFORT]
        changes.append(tr("effort {before} -> {after}", before=_effort(item.effort, tr),
                          after=_effort(values[rr.EFFORT], tr)))
    if edited(rr.STATE, item.state):
        updates["state"] = values[rr.STATE]
        changes.append(tr("state {before} -> {after}", before=tr(STATE_LABELS[item.state]),
                          after=tr(STATE_LABELS[values[rr.STATE]])))
    if edited(rr.JUSTIFICATION, _as_shown(item.justification)):
        updates["justification"] = values[rr.JUSTIFICATION]
        changes.append(tr("justification {before} -> {after}", before=_short(item.justification),
                          after=_short(values[rr.JUSTIFICATION])))
    if edited(rr.ACTION, _as_shown(shown.action)):
        action = values[rr.ACTION]
        if not action or action in catalogue_actions:
            if item.action is not None:
                updates["action"] = None
                changes.append(tr("action reset to the catalogue's recommendation"))
        else:
            updates["action"] = action
            changes.append(tr("action -> {after}", after=_short(action)))
    # An emptied priority or due date goes back to the computed one (if the item had its own).
    overrides: tuple[tuple[str, str, Any, Callable[[Any], str], str], ...] = (
        (rr.PRIORITY, "priority", shown.priority,
         lambda p: tr("priority {before} -> {after}", before=shown.priority.value, after=p.value),
         tr("priority {before} -> {after} (computed)", before=item.priority.value if item.priority else "",
            after=gap.computed_priority.value)),
        (rr.DUE_DATE, "due_date", shown.due_date,
         lambda d: tr("due date {before} -> {after}", before=tr.short_date(shown.due_date), after=tr.short_date(d)),
         tr("due date reset to the default for its priority")),
    )
    for column, name, now, said, reset in overrides:
        if not edited(column, now):
            continue
        if values[column] is not None:
            updates[name] = values[column]
            changes.append(said(values[column]))
        elif getattr(item, name) is not None:
            updates[name] = None
            changes.append(reset)

    state = updates.get("state", item.state)
    if state is ItemState.RISK_ACCEPTED and not updates.get("justification", item.justification).strip():
        return [tr("{state_column}: {state} needs a justification; fill in the {justification_column} column",
                   state_column=sheet_tr(rr.STATE), state=repr(sheet_tr(STATE_LABELS[state])),
                   justification_column=sheet_tr(rr.JUSTIFICATION))], None
    new_item = dataclasses.replace(item, **updates) if updates else item
    if "due_date" not in updates and new_item.due_date is None:
        follows = default_due_date(new_item.priority or gap.computed_priority, base)
        if follows != shown.due_date:
            changes.append(tr("due date follows the priority: {before} -> {after}",
                              before=tr.short_date(shown.due_date), after=tr.short_date(follows)))

    new_answer: Answer | None = None
    if edited(rr.FINDING, _as_shown(shown.finding)):
        new_answer = dataclasses.replace(gap.answer, finding=values[rr.FINDING])
        changes.append(tr("finding {before} -> {after}", before=_short(shown.finding),
                          after=_short(values[rr.FINDING])))

    if not changes:
        return [], None
    return [], RowChange(
        row=row.number, scope_id=gap.scope_id, requirement_id=gap.requirement.id, changes=tuple(changes),
        item_before=project.remediation.get((gap.scope_id, gap.requirement.id)),
        item_after=new_item if new_item != item else None, answer_before=gap.answer, answer_after=new_answer,
        language=tr.language,
    )


class _Missing:
    """The column is absent from the workbook: keep the project's value."""


_MISSING: Any = _Missing()

#: How a cell is read: (the column's heading as the register shows it, the cell, the reader's words, the
#: register's words) -> its value, or _Refused with the reason in the reader's words.
_Parser = Callable[[str, RegisterCell, Translator, Translator], Any]


def _no_formula(column: str, cell: RegisterCell, tr: Translator) -> Any:
    if cell.data_type == "f":
        formula = str(cell.value)
        formula = formula if len(formula) <= 40 else formula[:37] + "..."
        raise _Refused(tr("{column}: a formula ({formula}) is not accepted; type the value itself (start text with "
                          "an apostrophe if it begins with =, + or -)", column=column, formula=formula))
    if cell.data_type == "e":
        raise _Refused(tr("{column}: the Excel error value {value} is not accepted", column=column, value=cell.value))
    return cell.value


def _text(column: str, cell: RegisterCell, tr: Translator, sheet_tr: Translator) -> str:
    return plain(_no_formula(column, cell, tr))


def _choice(column: str, cell: RegisterCell, tr: Translator, sheet_tr: Translator, allowed: dict[str, Any],
            shown: Sequence[str]) -> Any:
    text = _text(column, cell, tr, sheet_tr)
    if not text:
        return allowed.get("")
    try:
        return allowed[_folded(text)]
    except KeyError:
        raise _Refused(tr("{column}: {value} is not one of {choices}", column=column, value=_short(text),
                          choices=", ".join(sheet_tr(s) for s in shown))) from None


def _folded(text: str) -> str:
    """A choice as it is matched: without case, accents or doubled and non-breaking spaces, so a value
    typed on a keyboard without accents ("Termine") or pasted in decomposed form reads as the list's."""
    letters = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in letters if not unicodedata.combining(c)).casefold().split())


_PRIORITIES: dict[str, Any] = {"": None} | {_folded(p.value): p for p in Priority}
_EFFORTS: dict[str, Any] = {"": None} | {_folded(e.value): e for e in Effort}
# A state is read in any language the program writes, whatever the register's own: a manager
# may paste a row from another register, and the value means the same.
_STATES: dict[str, Any] = {"": ItemState.OPEN} | {
    _folded(name): state for state, label in STATE_LABELS.items() for language in Language
    for name in (translator(language)(label), state.value, state.value.replace("_", " "))
}


def _chooser(allowed: dict[str, Any], shown: Sequence[str]) -> _Parser:
    """A parser taking one of `shown` (any case or accents; empty gives allowed[""])."""
    return lambda column, cell, tr, sheet_tr: _choice(column, cell, tr, sheet_tr, allowed, shown)


def _due(column: str, cell: RegisterCell, tr: Translator, sheet_tr: Translator) -> date | None:
    value = _no_formula(column, cell, tr)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        result = value.date()
    elif isinstance(value, date):
        result = value
    elif isinstance(value, str):
        # ISO, or as the register shows dates: a spreadsheet of another locale keeps "20/02/2027" as text
        parsed = _iso_date(value) or sheet_tr.read_short_date(value)
        if parsed is None:
            raise _Refused(_not_a_date(column, value, tr, sheet_tr))
        result = parsed
    elif isinstance(value, bool | int | float):
        raise _Refused(tr("{column}: {value} is a number, not a date (format the cell as a date)", column=column,
                          value=value))
    else:
        raise _Refused(tr("{column}: {value} is not a date", column=column, value=_short(str(value))))
    if not EARLIEST_DUE <= result <= LATEST_DUE:
        raise _Refused(tr("{column}: {date} is outside {earliest}-{latest}", column=column, date=result.isoformat(),
                          earliest=EARLIEST_DUE.year, latest=LATEST_DUE.year))
    return result


def _not_a_date(column: str, value: str, tr: Translator, sheet_tr: Translator) -> str:
    """The refusal of a text that is no date, with the forms the register takes: ISO, and its own."""
    if sheet_tr.short_date_form == "YYYY-MM-DD":
        return tr("{column}: {value} is not a date (use a date cell or {form})", column=column, value=_short(value),
                  form="YYYY-MM-DD")
    return tr("{column}: {value} is not a date (use a date cell or {form} or {other})", column=column,
              value=_short(value), form=sheet_tr.short_date_form, other="YYYY-MM-DD")


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


_PARSERS: dict[str, _Parser] = {  # by heading (English), which refusals name as the register shows it
    rr.FINDING: _text, rr.ACTION: _text, rr.PRIORITY: _chooser(_PRIORITIES, rr.PRIORITY_VALUES), rr.OWNER: _text,
    rr.DUE_DATE: _due, rr.EFFORT: _chooser(_EFFORTS, rr.EFFORT_VALUES), rr.STATE: _chooser(_STATES, rr.STATE_VALUES),
    rr.JUSTIFICATION: _text,
}


def _as_shown(text: str) -> str:
    """Project text as the register cell shows it (and as `plain` reads it back), so text the
    export had to clean (control characters, Excel's length limit) is no edit."""
    return clean_text(text).strip()


def _short(text: str, limit: int = 40) -> str:
    return repr(one_line(text, limit))


def _effort(value: Effort | None, tr: Translator) -> str:
    return value.value if value is not None else tr("(none)")


