"""The Conflicts tab: records two copies changed differently, each side by side, to take mine, take
theirs, or edit first (in the walkthrough) and then keep mine. Listed until none remain."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ot62443_desktop.domain.model import SITE_SCOPE, ItemState, Status
from ot62443_desktop.storage import StoreError
from ot62443_desktop.storage.conflicts import Conflicted, Side, conflicts
from ot62443_desktop.ui.i18n import fill
from ot62443_desktop.ui.labels import field_label, state_label, status_label
from ot62443_desktop.ui.plain_text import elide, wrap_mode
from ot62443_desktop.ui.session import ProjectSession
from ot62443_desktop.ui.table_model import Index, ListTableModel

WHERE, RECORD, FIELD, MINE, THEIRS = range(5)
translate = QCoreApplication.translate


class ConflictsModel(ListTableModel):
    def __init__(self, session: ProjectSession, parent: QObject | None = None) -> None:
        super().__init__([self.tr("Where"), self.tr("Record"), self.tr("Differs in"), self.tr("Mine"),
                          self.tr("Theirs")], parent)
        self.session = session
        self.rows: list[Conflicted] = []
        self.refresh()
        session.conflicts_changed.connect(self.refresh)

    def refresh(self) -> None:
        rows = conflicts(self.session.store)
        self.beginResetModel()  # once the rows are made (table_model.py)
        self.rows = rows
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        conflict = self.rows[index.row()]
        column = index.column()
        if column == WHERE:
            return where(conflict)
        if column == RECORD:
            return record_word(conflict.record)
        if column == FIELD:
            return field_name(conflict.field)
        return signature(conflict.mine if column == MINE else conflict.theirs)


def where(conflict: Conflicted) -> str:
    """The scope and requirement of a conflict, as the navigator names them."""
    if conflict.record == "details":
        return translate("Conflicts", "Project details")
    scope = translate("Conflicts", "Site program") if conflict.scope == SITE_SCOPE else conflict.scope
    return f"{scope} {conflict.requirement}".strip()


def record_word(record: str) -> str:
    return {"answer": translate("Conflicts", "Answer"), "item": translate("Conflicts", "Remediation item"),
            "zone": translate("Conflicts", "Zone"), "details": translate("Conflicts", "Details")}[record]


def signature(side: Side) -> str:
    """Who made a version, when, on which copy."""
    return fill(translate("Conflicts", "%1, %2, copy %3"), side.by or translate("Conflicts", "unknown user"),
                side.at.replace("T", " ") or "?", side.copy[:8])


def value_text(side: Side) -> str:
    """A side's value, one field a line, as plain text (user text is data)."""
    doc = side.doc
    if doc is None:
        return translate("Conflicts", "(removed on this copy)")
    lines = []
    for name, value in doc.items():
        if value in (None, "", []) or name in ("req", "id", "at", "answered_by"):
            continue
        if name == "status":
            value = status_label(Status(value))
        elif name == "state":
            value = state_label(ItemState(value))
        elif name == "evidence":
            value = "; ".join(entry["path"] for entry in value)
        elif isinstance(value, list):
            value = ", ".join(str(v) if not isinstance(v, dict) else v.get("name", "") for v in value)
        lines.append(fill(translate("Conflicts", "%1: %2"), field_name(name), value))
    return "\n".join(lines)


def field_name(name: str) -> str:
    """The name of a field of an answer, item, zone or the details, as a person reads it."""
    others = {
        "status": translate("Conflicts", "Status"), "ml": translate("Conflicts", "Achieved maturity"),
        "evidence": translate("Conflicts", "Evidence"), "priority": translate("Conflicts", "Priority"),
        "due_date": translate("Conflicts", "Due"), "effort": translate("Conflicts", "Effort"),
        "state": translate("Conflicts", "State"), "sl_t": translate("Conflicts", "SL-T"),
        "zone": translate("Conflicts", "Zone"), "details": translate("Conflicts", "Details"),
    }
    if name in others:
        return others[name]
    try:
        return field_label(name)
    except KeyError:  # a field shown as it is stored (level, position, ...)
        return name.replace("_", " ")


class ConflictsView(QWidget):
    edit_requested = Signal(str, str)  # scope id, requirement id: open it in the walkthrough

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = ConflictsModel(session, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.model.modelReset.connect(self._after_reset)

        self.summary = QLabel(wordWrap=True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.mine_title, self.theirs_title = QLabel(), QLabel()
        for title in (self.mine_title, self.theirs_title):
            title.setTextFormat(Qt.TextFormat.PlainText)
            title.setWordWrap(True)
        self.mine, self.theirs = QPlainTextEdit(readOnly=True), QPlainTextEdit(readOnly=True)
        self.take_mine = QPushButton(self.tr("Take &mine"))
        self.take_theirs = QPushButton(self.tr("Take &theirs"))
        self.edit = QPushButton(self.tr("&Edit in the walkthrough"))
        self.take_mine.setToolTip(self.tr("Keep the value the project shows (after editing it, if you did)"))
        self.take_theirs.setToolTip(self.tr("Take the other copy's value instead"))
        self.edit.setToolTip(self.tr("Change the value in the walkthrough, then come back and take mine"))
        self.take_mine.clicked.connect(lambda: self.resolve("mine"))
        self.take_theirs.clicked.connect(lambda: self.resolve("theirs"))
        self.edit.clicked.connect(self._edit)

        sides = QGridLayout()
        sides.addWidget(self.mine_title, 0, 0)
        sides.addWidget(self.theirs_title, 0, 1)
        sides.addWidget(self.mine, 1, 0)
        sides.addWidget(self.theirs, 1, 1)
        buttons = QHBoxLayout()
        for button in (self.take_mine, self.take_theirs, self.edit):
            buttons.addWidget(button)
        buttons.addStretch(1)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.addLayout(sides)
        detail_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setSizes([240, 360])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter)
        self._after_reset()

    def current(self) -> Conflicted | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def _after_reset(self) -> None:
        count = len(self.model.rows)
        self.summary.setText(self.tr("%n conflict(s) from merging other copies. The project shows its own "
                                     "value (mine) until you choose.", "", count) if count
                             else self.tr("No conflicts: every merge is settled."))
        if count:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._show_current()

    def _show_current(self) -> None:
        conflict = self.current()
        for button in (self.take_mine, self.take_theirs):
            button.setEnabled(conflict is not None and not self.session.read_only)
        self.edit.setEnabled(conflict is not None and conflict.record in ("answer", "item"))
        if conflict is None:
            for title, text in ((self.mine_title, self.mine), (self.theirs_title, self.theirs)):
                title.clear()
                text.clear()
            return
        for title, text, side, word in ((self.mine_title, self.mine, conflict.mine, self.tr("Mine")),
                                         (self.theirs_title, self.theirs, conflict.theirs, self.tr("Theirs"))):
            title.setText(f"{word} ({elide(signature(side))})")
            body = value_text(side)
            text.setWordWrapMode(wrap_mode(body))
            text.setPlainText(body)

    def resolve(self, take: str) -> None:
        conflict = self.current()
        if conflict is None or not self.session.editable():
            return
        try:
            self.session.resolve(conflict.key, take)
        except StoreError as exc:
            self.session.write_failed(fill(self.tr("resolve %1"), where(conflict)), exc, "")

    def _edit(self) -> None:
        conflict = self.current()
        if conflict is not None:
            self.edit_requested.emit(conflict.scope, conflict.requirement)

    def select_row(self, row: int) -> None:
        self.table.setCurrentIndex(self.model.index(row, 0, QModelIndex()))
