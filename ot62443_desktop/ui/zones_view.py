"""Zones & conduits: a table of the scopes with add, edit and remove (with confirmation)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ot62443_desktop.domain.catalogue import FR_IDS
from ot62443_desktop.domain.model import Asset, Criticality, ModelError, ScopeKind, Zone
from ot62443_desktop.ui.commands import AddZoneCommand, EditZoneCommand, RemoveZoneCommand
from ot62443_desktop.ui.errors import ask
from ot62443_desktop.ui.form_dialog import FormDialog
from ot62443_desktop.ui.i18n import fill
from ot62443_desktop.ui.labels import criticality_label, kind_label
from ot62443_desktop.ui.plain_text import elide, tooltip
from ot62443_desktop.ui.session import ProjectSession
from ot62443_desktop.ui.table_model import ListTableModel
from ot62443_desktop.ui.text_field import PlainTextEdit

Index = QModelIndex | QPersistentModelIndex


class ZonesModel(ListTableModel):
    """Thin adapter over the store's zones."""

    def __init__(self, session: ProjectSession, parent: QObject | None = None) -> None:
        super().__init__([self.tr("Id"), self.tr("Name"), self.tr("Kind"), self.tr("Criticality"), self.tr("SL-T"),
                          self.tr("2-1 here"), self.tr("Assets")], parent)
        self.session = session
        self._zones = self.rows = list(session.store.zones())
        session.zones_changed.connect(self._reload)

    def _reload(self) -> None:
        self.beginResetModel()
        self._zones = self.rows = list(self.session.store.zones())
        self.endResetModel()

    def zone(self, row: int) -> Zone:
        return self._zones[row]





    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        z = self._zones[index.row()]
        values = [z.id, elide(z.name), kind_label(z.kind), criticality_label(z.criticality), " ".join(map(str, z.sl_t)),
                  self.tr("yes") if z.assess_program else "", elide(", ".join(a.name for a in z.assets))]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(z.description) or None
        return values[index.column()]


class ZoneDialog(FormDialog):
    """Add or edit one zone/conduit; errors are shown inline and keep the dialog open."""

    def __init__(self, existing_ids: set[str], zone: Zone | None = None, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("ZoneDialog", "Edit zone") if zone
                         else QCoreApplication.translate("ZoneDialog", "Add zone or conduit"), parent)
        self.existing_ids = existing_ids
        self.editing = zone
        self.result_zone: Zone | None = None
        self.id_edit = QLineEdit(zone.id if zone else "")
        self.id_edit.setEnabled(zone is None)
        self.name_edit = QLineEdit(zone.name if zone else "")
        self.kind = QComboBox()
        for kind in (ScopeKind.ZONE, ScopeKind.CONDUIT):
            self.kind.addItem(kind_label(kind), kind)
        self.criticality = QComboBox()
        for crit in (Criticality.HIGH, Criticality.MEDIUM, Criticality.LOW):
            self.criticality.addItem(criticality_label(crit), crit)
        self.uniform = QRadioButton(self.tr("One level for all FRs"))
        self.per_fr = QRadioButton(self.tr("Per FR"))
        self.uniform_level = QSpinBox(minimum=0, maximum=4, value=2)
        self.fr_levels = [QSpinBox(minimum=0, maximum=4, value=2) for _ in FR_IDS]
        sl_row = QHBoxLayout()
        sl_row.addWidget(self.uniform)
        sl_row.addWidget(self.uniform_level)
        sl_row.addWidget(self.per_fr)
        fr_row = QHBoxLayout()
        for fr, box in zip(FR_IDS, self.fr_levels, strict=True):
            fr_row.addWidget(QLabel(fr.replace("FR ", "FR")))
            fr_row.addWidget(box)
        self.uniform.toggled.connect(self._sl_mode)
        self.description = PlainTextEdit(zone.description if zone else "")
        self.assets = PlainTextEdit("\n".join(asset.line() for asset in zone.assets) if zone else "")
        self.assets.setPlaceholderText(self.tr("One asset per line: name; type; vendor/model; firmware; notes"))
        for edit in (self.description, self.assets):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(70)
        self.program = QCheckBox(self.tr("Also assess the IEC 62443-2-1 program for this zone"))
        form = self.form
        form.addRow(self.tr("&Id"), self.id_edit)
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Criticality"), self.criticality)
        form.addRow(self.tr("SL-T"), sl_row)
        form.addRow("", fr_row)
        form.addRow(self.tr("&Description"), self.description)
        form.addRow(self.tr("&Assets"), self.assets)
        form.addRow("", self.program)
        if zone:
            self.kind.setCurrentIndex(self.kind.findData(zone.kind))
            self.criticality.setCurrentIndex(self.criticality.findData(zone.criticality))
            for box, level in zip(self.fr_levels, zone.sl_t, strict=True):
                box.setValue(level)
            self.uniform_level.setValue(zone.sl_t[0])
            self.program.setChecked(zone.assess_program)
            (self.uniform if len(set(zone.sl_t)) == 1 else self.per_fr).setChecked(True)
            self.name_edit.setFocus()
        else:
            self.criticality.setCurrentIndex(1)
            self.uniform.setChecked(True)
        self._sl_mode()

    def _sl_mode(self) -> None:
        self.uniform_level.setEnabled(self.uniform.isChecked())
        for box in self.fr_levels:
            box.setEnabled(not self.uniform.isChecked())

    def sl_t(self) -> tuple[int, ...]:
        if self.uniform.isChecked():
            return Zone.uniform(self.uniform_level.value())
        return tuple(box.value() for box in self.fr_levels)

    def accept(self) -> None:
        zone_id = self.id_edit.text().strip()
        if self.editing is None and zone_id in self.existing_ids:
            return self.fail(self.tr("A zone with id %1 already exists.").replace("%1", zone_id))
        try:
            assets = tuple(Asset.from_line(line) for line in self.assets.value().splitlines() if line.strip())
            edited = dict(
                name=self.name_edit.text().strip(), sl_t=self.sl_t(), kind=ScopeKind(self.kind.currentData()),
                criticality=Criticality(self.criticality.currentData()), description=self.description.value().strip(),
                assets=assets, assess_program=self.program.isChecked())
            # an edit keeps what this dialog does not show (level, connections, diagram position)
            self.result_zone = replace(self.editing, **edited) if self.editing else Zone(zone_id, **edited)
        except ModelError as exc:
            return self.fail(str(exc))
        super().accept()


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
        return ZoneDialog({z.id for z in self.session.store.zones()}, zone, self)

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
        answered = sum(1 for scope, _ in self.session.store.answers() if scope == zone.id)
        question = fill(self.tr("Remove %1 (%2) and its %n answer(s)? You can undo this.", "", answered),
                        zone.id, elide(zone.name))
        if ask(self, self.tr("Remove zone"), question):  # plain text: the name is the client's
            self.session.undo_stack.push(RemoveZoneCommand(self.session, zone.id))
