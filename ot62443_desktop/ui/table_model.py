"""Shared plumbing of the flat table models: fixed headers, rows from one list.

Every model of the GUI makes its new rows (or tree) first and only then resets: between
beginResetModel and endResetModel the views hold no rows, and an error raised there leaves them
so, which brings Qt down at the next paint (the Diagram tab's checks did, on a conduit none of
whose zones existed). Made first, a failure leaves the table as it was, and the error is reported.
"""

from __future__ import annotations

from collections.abc import Sized
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class ListTableModel(QAbstractTableModel):
    """A table whose rows are the items of `self.rows` and whose columns are `headers`."""

    def __init__(self, headers: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self.rows: Sized = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None
