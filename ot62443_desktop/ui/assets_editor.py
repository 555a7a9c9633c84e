"""A zone's assets as an editable table in the zone dialog, with import from the owner's inventory CSV.

The table holds draft rows (a row being typed may have no name yet); the dialog turns them into
assets when it is accepted, naming the first row that is not one. An import that refuses a row
imports nothing and lists every refused row with its line number.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ot62443_desktop.domain.assets_csv import (
    COLUMNS,
    MAX_ASSETS,
    MAX_BYTES,
    AssetCsvError,
    Problem,
    RefusedRow,
    column_key,
    read_assets_csv,
)
from ot62443_desktop.domain.model import Asset, ModelError
from ot62443_desktop.ui.errors import Icon, describe, show_message
from ot62443_desktop.ui.i18n import fill
from ot62443_desktop.ui.table_model import ListTableModel

Index = QModelIndex | QPersistentModelIndex
REPORTED_ROWS = 40  # refused rows listed one by one; the rest are counted


class AssetsModel(ListTableModel):
    """Draft asset rows, five text cells each, edited in place."""

    def __init__(self, assets: tuple[Asset, ...] = (), parent: QObject | None = None) -> None:
        super().__init__([self.tr("Name"), self.tr("Type"), self.tr("Vendor / model"), self.tr("Firmware"),
                          self.tr("Notes")], parent)
        self.drafts: list[list[str]] = [self._cells(asset) for asset in assets]
        self.rows = self.drafts

    @staticmethod
    def _cells(asset: Asset) -> list[str]:
        return [asset.name, asset.type, asset.vendor_model, asset.firmware, asset.notes]

    def headings(self) -> dict[str, str]:
        """The column headings as an import reads them, so a CSV headed as this table is understood."""
        return {column_key(str(self.headerData(n, Qt.Orientation.Horizontal))): column
                for n, column in enumerate(COLUMNS)}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        return self.drafts[index.row()][index.column()]

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable if index.isValid() else Qt.ItemFlag.NoItemFlags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 - Qt API
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or not isinstance(value, str):
            return False
        self.drafts[index.row()][index.column()] = value
        self.dataChanged.emit(index, index)
        return True

    def append(self, assets: tuple[Asset, ...]) -> int:
        """Add rows at the end; returns the first new row."""
        first = len(self.drafts)
        if assets:
            self.beginInsertRows(QModelIndex(), first, first + len(assets) - 1)
            self.drafts += [self._cells(asset) for asset in assets]
            self.endInsertRows()
        return first

    def add_empty(self) -> int:
        self.beginInsertRows(QModelIndex(), len(self.drafts), len(self.drafts))
        self.drafts.append([""] * len(COLUMNS))
        self.endInsertRows()
        return len(self.drafts) - 1

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.drafts[row]
        self.endRemoveRows()

    def assets(self) -> tuple[Asset, ...]:
        """The rows as assets (empty rows left out); ModelError names the first row with no name."""
        found = []
        for n, cells in enumerate(self.drafts, start=1):
            cells = [" ".join(cell.split()) for cell in cells]
            if not any(cells):
                continue
            if not cells[0]:
                raise ModelError(self.tr("Asset row %1 has no name.").replace("%1", str(n)))
            found.append(Asset(*cells))
        return tuple(found)


class AssetsEditor(QWidget):
    """The assets table with Add, Remove and Import CSV…"""

    def __init__(self, assets: tuple[Asset, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AssetsModel(assets, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((110, 100, 150, 80)):
            header.resizeSection(column, width)
        self.table.setMinimumHeight(150)
        self.add_button = QPushButton(self.tr("Add a&sset"))
        self.add_button.clicked.connect(self.add_asset)
        self.remove_button = QPushButton(self.tr("Remo&ve asset"))
        self.remove_button.clicked.connect(self.remove_asset)
        self.import_button = QPushButton(self.tr("&Import CSV…"))
        self.import_button.setToolTip(self.tr(
            "A CSV file with a header row naming its columns: name, type, vendor_model, firmware, notes "
            "(only name is required). Comma or semicolon separated, as Excel saves it."))
        self.import_button.clicked.connect(self.import_csv)
        self.status = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.status.hide()

    def add_asset(self) -> None:
        index = self.model.index(self.model.add_empty(), 0)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def remove_asset(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.model.remove(rows[0].row())

    def ask_csv_path(self) -> str:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import assets"), "",
                                              self.tr("CSV files (*.csv *.txt);;All files (*)"))
        return name

    def import_csv(self) -> None:
        path = self.ask_csv_path()
        if not path:
            return
        title = self.tr("Import assets")
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
            found = read_assets_csv(data, self.model.headings())
        except OSError as exc:
            show_message(self, Icon.Warning, title, fill(self.tr("%1 cannot be read: %2"), path, describe(exc)))
            return
        except AssetCsvError as exc:
            show_message(self, Icon.Warning, title, "\n\n".join(
                [self._file_problem(exc), self.tr("Nothing was imported.")]))
            return
        if found.refused:
            show_message(self, Icon.Warning, title, self._report(found.refused), "\n".join(
                self._row_problem(row) for row in found.refused))
            return
        first = self.model.append(found.assets)
        if found.assets:
            self.table.scrollTo(self.model.index(first, 0))
        self.status.setText(self.tr("%n asset(s) imported from %1. They are saved with the zone when you press OK.",
                                    "", len(found.assets)).replace("%1", Path(path).name))
        self.status.show()

    def _report(self, refused: tuple[RefusedRow, ...]) -> str:
        lines = [self._row_problem(row) for row in refused[:REPORTED_ROWS]]
        if len(refused) > REPORTED_ROWS:
            lines.append(self.tr("… and %n more row(s)", "", len(refused) - REPORTED_ROWS))
        return "\n\n".join([
            self.tr("Nothing was imported: %n row(s) of the file cannot be assets. Correct them in the file "
                    "and import it again.", "", len(refused)), "\n".join(lines)])

    def _row_problem(self, row: RefusedRow) -> str:
        if row.problem is Problem.NO_NAME:
            return self.tr("Line %1: the name is empty.").replace("%1", str(row.line))
        if row.problem is Problem.EXTRA_FIELDS:
            return fill(self.tr("Line %1: %2 fields, more than the header row has columns."), row.line, row.detail)
        return self.tr("Line %1: a quotation mark is not closed.").replace("%1", str(row.line))

    def _file_problem(self, error: AssetCsvError) -> str:
        columns = ", ".join(COLUMNS)
        if error.problem is Problem.EMPTY:
            return fill(self.tr("The file is empty. Its first row must name the columns: %1."), columns)
        if error.problem is Problem.TOO_LARGE:
            return self.tr("The file is larger than %1 MB: it is not a zone's asset list.").replace(
                "%1", str(MAX_BYTES // 1_000_000))
        if error.problem is Problem.NOT_TEXT:
            return self.tr("This is not a CSV text file. In Excel, use File > Save As > CSV first.")
        if error.problem is Problem.TOO_MANY_ROWS:
            return self.tr("The file lists more than %1 assets.").replace("%1", str(MAX_ASSETS))
        if error.problem is Problem.DUPLICATE_COLUMN:
            return self.tr("The column “%1” appears twice in the header row.").replace("%1", error.detail)
        if error.problem is Problem.UNKNOWN_COLUMN:
            return fill(self.tr("The header row has a column “%1”; the columns can only be: %2."), error.detail,
                        columns)
        return fill(self.tr("The header row (%1) has no name column; the columns can be: %2."), error.detail,
                    columns)
