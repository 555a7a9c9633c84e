"""An answer's history (from the navigator's context menu): every version this copy knows, who made it,
when and on which copy, each after those it was made knowing; the last is the current one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ot62443_desktop.domain.model import Status
from ot62443_desktop.storage.versions import answer_key
from ot62443_desktop.ui.i18n import fill
from ot62443_desktop.ui.labels import status_label
from ot62443_desktop.ui.plain_text import first_line
from ot62443_desktop.ui.session import ProjectSession
from ot62443_desktop.ui.table_model import Index, ListTableModel

WHEN, WHO, COPY, STATUS, NOTES = range(5)


class HistoryModel(ListTableModel):
    def __init__(self, entries: list[dict[str, Any]], current_copy: str, parent: QObject | None = None) -> None:
        super().__init__([self.tr("When"), self.tr("Who"), self.tr("Copy"), self.tr("Status"), self.tr("Notes")],
                         parent)
        self.rows: list[dict[str, Any]] = entries
        self.current_copy = current_copy

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry, column = self.rows[index.row()], index.column()
        last = index.row() == len(self.rows) - 1
        if role == Qt.ItemDataRole.FontRole and last:
            font = QFont()
            font.setBold(True)
            return font
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        doc = entry["doc"]
        if column == WHEN:
            return entry["at"].replace("T", " ") or "?"
        if column == WHO:
            return entry["by"] or self.tr("unknown user")
        if column == COPY:
            return entry["copy"][:8] + (self.tr(" (this copy)") if entry["copy"] == self.current_copy else "")
        if doc is None:
            return self.tr("(removed)") if column == STATUS else ""
        if column == STATUS:
            label = status_label(Status(doc["status"]))
            return label + (f" · ML{doc['ml']}" if doc.get("ml") is not None else "")
        return first_line(doc.get("notes", ""))


class HistoryDialog(QDialog):
    def __init__(self, session: ProjectSession, scope_id: str, requirement_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(fill(self.tr("History of %1 in %2"), requirement_id, session.scope_name(scope_id)))
        entries = session.store.history(answer_key(scope_id, requirement_id))
        self.model = HistoryModel(entries, session.store.copy_id, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        note = QLabel(self.tr("Every version this copy knows, each after the versions it was made knowing; the "
                              "last, in bold, is the current one.") if entries else
                      self.tr("This requirement has not been answered in this scope."), wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(760, 320)
