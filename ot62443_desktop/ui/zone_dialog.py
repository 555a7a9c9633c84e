"""Add or edit one zone or conduit: what it is, where it sits, what it connects and what is in it.

Left, the scope as the assessment needs it (id, name, kind, criticality, layer, SL-T); right, what
the drawing and its checks need (the zones a conduit connects, a design note) and its assets.
Errors are shown inline and keep the dialog open with everything typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ot62443_desktop.domain.catalogue import FR_IDS
from ot62443_desktop.domain.model import Criticality, ModelError, ScopeKind, Zone
from ot62443_desktop.ui.assets_editor import AssetsEditor
from ot62443_desktop.ui.diagram_text import purdue_names
from ot62443_desktop.ui.form_dialog import FormDialog
from ot62443_desktop.ui.labels import criticality_label, kind_label
from ot62443_desktop.ui.model_messages import model_message
from ot62443_desktop.ui.plain_text import elide
from ot62443_desktop.ui.text_field import PlainTextEdit


class ZoneDialog(FormDialog):
    """`zones`: the project's zones, offered to a conduit to connect; `layers`: the names of its layers."""

    def __init__(self, existing_ids: set[str], zone: Zone | None = None, parent: QWidget | None = None, *,
                 zones: Sequence[Zone] = (), layers: Sequence[str] | None = None) -> None:
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
        self.level = self._level_combo(layers if layers is not None else purdue_names(), zone)
        self._sl_rows()
        self.description = PlainTextEdit(zone.description if zone else "")
        self.design_note = PlainTextEdit(zone.design_note if zone else "")
        self.design_note.setPlaceholderText(self.tr(
            "Why the design is acceptable where a check would flag it, e.g. a data diode across a step in SL-T"))
        for edit in (self.description, self.design_note):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(64)
        self.connects = self._connects_list(zones, zone)
        self.assets = AssetsEditor(zone.assets if zone else ())
        self.program = QCheckBox(self.tr("Also assess the IEC 62443-2-1 program for this zone"))
        self._arrange()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._load(zone)
        self.resize(1180, 580)

    # -- building -------------------------------------------------------------------------------

    def _level_combo(self, layers: Sequence[str], zone: Zone | None) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("Not placed in a layer"), None)
        for n, name in enumerate(layers):
            combo.addItem(elide(name, 80), n)
        if zone is not None and zone.level is not None and zone.level >= len(layers):
            combo.addItem(self.tr("Layer %1 (not one of this project's layers)").replace("%1", str(zone.level)),
                          zone.level)
        return combo

    def _sl_rows(self) -> None:
        self.uniform = QRadioButton(self.tr("One level for all FRs"))
        self.per_fr = QRadioButton(self.tr("Per FR"))
        self.uniform_level = QSpinBox(minimum=0, maximum=4, value=2)
        self.fr_levels = [QSpinBox(minimum=0, maximum=4, value=2) for _ in FR_IDS]
        self.sl_row = QHBoxLayout()
        for widget in (self.uniform, self.uniform_level, self.per_fr):
            self.sl_row.addWidget(widget)
        self.sl_row.addStretch(1)
        self.fr_row = QHBoxLayout()
        for fr, box in zip(FR_IDS, self.fr_levels, strict=True):
            self.fr_row.addWidget(QLabel(fr.replace("FR ", "FR")))
            self.fr_row.addWidget(box)
        self.fr_row.addStretch(1)
        self.uniform.toggled.connect(self._sl_mode)

    def _connects_list(self, zones: Sequence[Zone], zone: Zone | None) -> QListWidget:
        """The project's zones, checked where the conduit connects them; a zone it names that is gone is
        listed too, checked, so that saving the conduit does not drop it unseen."""
        connected = zone.connects if zone else ()
        listed = QListWidget()
        listed.setMaximumHeight(130)
        known = [z for z in zones if z.kind is ScopeKind.ZONE and (zone is None or z.id != zone.id)]
        entries = [(z.id, f"{z.id}  {elide(z.name, 80)}") for z in known]
        entries += [(zone_id, self.tr("%1 (not a zone of this project)").replace("%1", zone_id))
                    for zone_id in connected if zone_id not in {z.id for z in known}]
        for zone_id, text in entries:
            item = QListWidgetItem(text, listed)
            item.setData(Qt.ItemDataRole.UserRole, zone_id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if zone_id in connected else Qt.CheckState.Unchecked)
        return listed

    def _arrange(self) -> None:
        """The dialog's form on the left; connections, design note and assets on the right."""
        form = self.form
        form.addRow(self.tr("&Id"), self.id_edit)
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Criticality"), self.criticality)
        form.addRow(self.tr("&Layer"), self.level)
        form.addRow(self.tr("SL-T"), self.sl_row)
        form.addRow("", self.fr_row)
        form.addRow(self.tr("&Description"), self.description)
        form.addRow("", self.program)
        self.right = QFormLayout()
        self.right.addRow(self.tr("Connec&ts"), self.connects)
        self.right.addRow(self.tr("Design &note"), self.design_note)
        self.right.addRow(self.tr("&Assets"), self.assets)
        outer = self.layout()
        outer.removeItem(form)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)  # the fields keep their height; the assets table takes the room
        columns = QHBoxLayout()
        columns.addLayout(left, 4)
        columns.addSpacing(16)
        columns.addLayout(self.right, 5)
        outer.insertLayout(0, columns)  # type: ignore[attr-defined]

    def _load(self, zone: Zone | None) -> None:
        if zone:
            self.kind.setCurrentIndex(self.kind.findData(zone.kind))
            self.criticality.setCurrentIndex(self.criticality.findData(zone.criticality))
            self.level.setCurrentIndex(max(0, self.level.findData(zone.level)))
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
        self._kind_changed()

    # -- behaviour ------------------------------------------------------------------------------

    def _sl_mode(self) -> None:
        self.uniform_level.setEnabled(self.uniform.isChecked())
        for box in self.fr_levels:
            box.setEnabled(not self.uniform.isChecked())

    def _kind_changed(self) -> None:
        """Only a conduit connects zones; the list is shown for conduits alone."""
        self.right.setRowVisible(self.connects, ScopeKind(self.kind.currentData()) is ScopeKind.CONDUIT)

    def sl_t(self) -> tuple[int, ...]:
        if self.uniform.isChecked():
            return Zone.uniform(self.uniform_level.value())
        return tuple(box.value() for box in self.fr_levels)

    def connected(self) -> tuple[str, ...]:
        """The checked zones, those the conduit already connected first, in their order."""
        checked = [self.connects.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.connects.count())
                   if self.connects.item(n).checkState() == Qt.CheckState.Checked]
        kept = [z for z in (self.editing.connects if self.editing else ()) if z in checked]
        return (*kept, *(z for z in checked if z not in kept))

    def accept(self) -> None:
        zone_id = self.id_edit.text().strip()
        if self.editing is None and zone_id in self.existing_ids:
            return self.fail(self.tr("A zone with id %1 already exists.").replace("%1", zone_id))
        kind = ScopeKind(self.kind.currentData())
        try:
            edited = dict(
                name=self.name_edit.text().strip(), sl_t=self.sl_t(), kind=kind,
                criticality=Criticality(self.criticality.currentData()), description=self.description.value().strip(),
                assets=self.assets.model.assets(), assess_program=self.program.isChecked(),
                level=self.level.currentData(), connects=self.connected() if kind is ScopeKind.CONDUIT else (),
                design_note=self.design_note.value().strip())
            # an edit keeps what this dialog does not show (the box's place on the diagram)
            self.result_zone = replace(self.editing, **edited) if self.editing else Zone(zone_id, **edited)
        except ModelError as exc:
            return self.fail(model_message(exc))  # the domain's rule, in the GUI's words
        super().accept()

