"""Remediation plan: every gap in one sortable, filterable table, edited in place."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ot62443_desktop.domain.model import Effort, ItemState, ModelError, Priority, Status
from ot62443_desktop.domain.report import reference_date
from ot62443_desktop.domain.scoring import Gap
from ot62443_desktop.ui.commands import SetRemediationCommand
from ot62443_desktop.ui.labels import priority_tip, state_label, status_label
from ot62443_desktop.ui.lazy_view import LazyView
from ot62443_desktop.ui.plain_text import elide, first_line, tooltip
from ot62443_desktop.ui.session import ProjectSession
from ot62443_desktop.ui.table_model import ListTableModel
from ot62443_desktop.ui.theme import theme

Index = QModelIndex | QPersistentModelIndex
SCOPE, STANDARD, REQ, TITLE, STATUS, PRIORITY, OWNER, DUE, EFFORT, STATE, ACTION = range(11)
EDITABLE = {PRIORITY, OWNER, DUE, EFFORT, STATE, ACTION}
# accepting a risk needs a justification: that is done on the requirement page
EDITABLE_STATES = [state for state in ItemState if state is not ItemState.RISK_ACCEPTED]


def choices(column: int) -> list[str]:
    """The drop-down values of a column with a fixed list."""
    if column == PRIORITY:
        return [p.value for p in Priority]
    if column == EFFORT:
        return ["", *(e.value for e in Effort)]
    return [state_label(state) for state in EDITABLE_STATES]


CHOICE_COLUMNS = {PRIORITY, EFFORT, STATE}


class GapsModel(ListTableModel):
    """Thin adapter over the session's gap list; edits become undoable remediation changes."""

    def __init__(self, session: ProjectSession, parent: QObject | None = None) -> None:
        super().__init__([self.tr("Scope"), self.tr("Standard"), self.tr("Id"), self.tr("Title"), self.tr("Status"),
                          self.tr("Priority"), self.tr("Owner"), self.tr("Due"), self.tr("Effort"), self.tr("State"),
                          self.tr("Action")], parent)
        self.session = session
        self.gaps: list[Gap] = []

    def reload(self) -> None:
        gaps = list(self.session.gaps())
        self.beginResetModel()  # once the rows are made (table_model.py)
        self.gaps = self.rows = gaps
        self.endResetModel()




    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in EDITABLE and not self.session.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _due(self, gap: Gap) -> date:
        return gap.due_date(reference_date(self.session.store.info, date.today()))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        gap, col = self.gaps[index.row()], index.column()
        item = gap.item
        if role == Qt.ItemDataRole.EditRole:
            due = self._due(gap)
            return {OWNER: item.owner, DUE: QDate(due.year, due.month, due.day), ACTION: gap.action}.get(
                col, self.data(index, Qt.ItemDataRole.DisplayRole))
        if role == Qt.ItemDataRole.DisplayRole:
            values = [
                gap.scope_id, gap.requirement.catalogue.removeprefix("iec"), gap.requirement.id,
                elide(gap.requirement.title), status_label(gap.answer.status), gap.priority.value, elide(item.owner),
                self._due(gap).isoformat(), item.effort.value if item.effort else "", state_label(item.state),
                first_line(gap.action),
            ]
            return values[col]
        if role == Qt.ItemDataRole.ToolTipRole and col in (ACTION, TITLE, SCOPE):
            return tooltip({ACTION: gap.action, TITLE: gap.requirement.title,
                            SCOPE: self.session.scope_name(gap.scope_id)}[col])
        if role == Qt.ItemDataRole.ToolTipRole and col == PRIORITY:
            return priority_tip(gap.priority)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and col == PRIORITY:
            pair = theme(QGuiApplication.palette()).priority_fill(gap.priority.value)
            return pair.background if role == Qt.ItemDataRole.BackgroundRole else pair.text
        if role == Qt.ItemDataRole.FontRole and (
                (col == PRIORITY and item.priority is None) or (col == DUE and item.due_date is None)
                or (col == ACTION and item.action is None)):
            font = QFont()
            font.setItalic(True)  # computed default, not set by anyone
            return font
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() not in EDITABLE:
            return False
        gap, col = self.gaps[index.row()], index.column()
        changes: dict[str, Any] = {}
        try:
            if col == PRIORITY:
                changes["priority"] = None if value == gap.computed_priority.value else Priority(value)
            elif col == OWNER:
                changes["owner"] = str(value).strip()
            elif col == DUE:
                changes["due_date"] = value.toPython() if isinstance(value, QDate) else date.fromisoformat(value)
            elif col == EFFORT:
                changes["effort"] = Effort(value) if value else None
            elif col == STATE:
                changes["state"] = next(s for s in ItemState if state_label(s) == value)
            elif col == ACTION:
                text = str(value)
                changes["action"] = None if text.strip() == gap.requirement.remediation.strip() else text
            after = dataclasses.replace(gap.item, **changes)
        except (ValueError, ModelError, StopIteration):
            return False
        if after == gap.item or not self.session.editable():
            return False
        before = self.session.store.remediation(gap.scope_id, gap.requirement.id)
        self.session.undo_stack.push(SetRemediationCommand(
            self.session, before, after, self.tr("%1: edit plan").replace("%1", gap.requirement.id)))
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down editor for columns with a fixed list of values."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        if index.column() in CHOICE_COLUMNS:
            combo = QComboBox(parent)
            combo.addItems(choices(index.column()))
            return combo
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt API
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole)))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802 - Qt API
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class RemediationView(LazyView):
    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = GapsModel(session, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PRIORITY, Qt.SortOrder.AscendingOrder)
        self.table.setItemDelegate(ChoiceDelegate(self.table))
        self.table.setEditTriggers(QTableView.EditTrigger.DoubleClicked | QTableView.EditTrigger.EditKeyPressed
                                   | QTableView.EditTrigger.AnyKeyPressed)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ACTION, QHeaderView.ResizeMode.Stretch)
        # a status or state is never cut short, in any language; a longer translated header widens its column
        metrics, padding = self.table.fontMetrics(), 2 * self.table.style().pixelMetric(
            QStyle.PixelMetric.PM_FocusFrameHMargin) + 8
        fits = {STATUS: max(metrics.horizontalAdvance(status_label(s)) for s in Status) + padding,
                STATE: max(metrics.horizontalAdvance(state_label(s)) for s in ItemState) + padding}
        for column, width in ((SCOPE, 90), (STANDARD, 80), (REQ, 100), (TITLE, 260), (STATUS, 150), (PRIORITY, 60),
                              (OWNER, 150), (DUE, 90), (EFFORT, 50), (STATE, 100)):
            header.resizeSection(column, max(width, header.sectionSizeHint(column), fits.get(column, 0)))
        self.filter = QLineEdit(placeholderText=self.tr("Filter by any column"), clearButtonEnabled=True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.count = QLabel(textFormat=Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)

    def reload(self) -> None:
        self.model.reload()
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(self.tr("%n gap(s)", "", self.model.rowCount()))
