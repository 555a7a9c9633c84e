"""Zones & conduits: a table of the scopes with add, edit and remove (with confirmation)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableView, QVBoxLayout, QWidget

from ot62443_desktop.domain.model import Zone
from ot62443_desktop.ui.commands import AddZoneCommand, EditZoneCommand, RemoveZoneCommand
from ot62443_desktop.ui.diagram_text import layer_names
from ot62443_desktop.ui.errors import ask
from ot62443_desktop.ui.i18n import fill
from ot62443_desktop.ui.labels import criticality_label, kind_label
from ot62443_desktop.ui.plain_text import elide, tooltip
from ot62443_desktop.ui.session import ProjectSession
from ot62443_desktop.ui.table_model import ListTableModel
from ot62443_desktop.ui.zone_dialog import ZoneDialog

Index = QModelIndex | QPersistentModelIndex


class ZonesModel(ListTableModel):
    """Thin adapter over the store's zones."""

    def __init__(self, session: ProjectSession, parent: QObject | None = None) -> None:
        super().__init__([self.tr("Id"), self.tr("Name"), self.tr("Kind"), self.tr("Criticality"), self.tr("SL-T"),
                          self.tr("2-1 here"), self.tr("Assets"), self.tr("Layer"), self.tr("Connects")], parent)
        self.session = session
        self._zones = self.rows = list(session.store.zones())
        session.zones_changed.connect(self._reload)
        session.info_changed.connect(self._reload)  # the layers' names

    def _reload(self) -> None:
        zones = list(self.session.store.zones())
        self.beginResetModel()  # once the rows are made (table_model.py)
        self._zones = self.rows = zones
        self.endResetModel()

    def zone(self, row: int) -> Zone:
        return self._zones[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        z = self._zones[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(z.description) or None
        layers = layer_names(self.session.store.info)
        values = [z.id, elide(z.name), kind_label(z.kind), criticality_label(z.criticality), " ".join(map(str, z.sl_t)),
                  self.tr("yes") if z.assess_program else "", elide(", ".join(a.name for a in z.assets)),
                  layers[z.level] if z.level is not None and z.level < len(layers) else "",
                  elide(", ".join(z.connects))]
        return values[index.column()]


class ZonesView(QWidget):
    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = ZonesModel(session, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _: self.edit_zone())
        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.clicked.connect(self.add_zone)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.clicked.connect(self.edit_zone)
        self.remove_button = QPushButton(self.tr("&Remove…"))
        self.remove_button.clicked.connect(self.remove_zone)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self._show_editable()
        session.read_only_changed.connect(self._show_editable)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

    def _show_editable(self) -> None:
        for button in (self.add_button, self.edit_button, self.remove_button):
            button.setEnabled(not self.session.read_only)

    def selected_zone(self) -> Zone | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.zone(rows[0].row()) if rows else None

    def zone_dialog(self, zone: Zone | None = None) -> ZoneDialog:
        zones = self.session.store.zones()
        return ZoneDialog({z.id for z in zones}, zone, self, zones=zones,
                          layers=layer_names(self.session.store.info))

    def add_zone(self) -> None:
        if not self.session.editable():
            return
        dialog = self.zone_dialog()
        if dialog.exec() and dialog.result_zone:
            self.session.undo_stack.push(AddZoneCommand(self.session, dialog.result_zone))

    def edit_zone(self) -> None:
        zone = self.selected_zone()
        if zone is None or not self.session.editable():
            return
        dialog = self.zone_dialog(zone)
        if dialog.exec() and dialog.result_zone and dialog.result_zone != zone:
            self.session.undo_stack.push(EditZoneCommand(self.session, zone, dialog.result_zone))

    def remove_zone(self) -> None:
        zone = self.selected_zone()
        if zone is None or not self.session.editable():
            return
        if confirm_removal(self, self.session, zone):
            self.session.undo_stack.push(RemoveZoneCommand(self.session, zone.id))


class ZoneRemoval(QObject):
    """The question asked before a zone or conduit goes, from the table or from the diagram."""

    def confirm(self, parent: QWidget, session: ProjectSession, zone: Zone) -> bool:
        answered = sum(1 for scope, _ in session.store.answers() if scope == zone.id)
        question = fill(self.tr("Remove %1 (%2) and its %n answer(s)? You can undo this.", "", answered),
                        zone.id, elide(zone.name))
        return ask(parent, self.tr("Remove zone"), question)  # plain text: the name is the client's


def confirm_removal(parent: QWidget, session: ProjectSession, zone: Zone) -> bool:
    return ZoneRemoval().confirm(parent, session, zone)
