"""File > Split work package: which zones (and whether the site program) a colleague takes, and where
the package is written."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ot62443_desktop.domain.model import Zone
from ot62443_desktop.ui.plain_text import elide
from ot62443_desktop.ui.save_file_field import SaveFileField


class SplitDialog(QDialog):
    def __init__(self, zones: tuple[Zone, ...], suggestion: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split work package"))
        intro = QLabel(self.tr("A work package is a copy of this project holding the zones you tick, for a "
                               "colleague to assess on another laptop. Merge it back with File > Merge "
                               "another copy when it returns."), wordWrap=True)
        self.zone_list = QListWidget()
        for zone in zones:
            item = QListWidgetItem(f"{zone.id}  {elide(zone.name)}")
            item.setData(Qt.ItemDataRole.UserRole, zone.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.zone_list.addItem(item)
        self.zone_list.itemChanged.connect(self._update)
        self.site = QCheckBox(self.tr("&Include the site's security program (IEC 62443-2-1)"))
        self.file = SaveFileField(suggestion, self.tr("Work package file"), self.tr("OT 62443 projects (*.ot62443)"),
                                  ".ot62443")
        self.file.changed.connect(self._update)
        self.target = self.file.edit
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("&Zones and conduits:"), buddy=self.zone_list))
        layout.addWidget(self.zone_list)
        layout.addWidget(self.site)
        layout.addWidget(QLabel(self.tr("&Work package file:"), buddy=self.target))
        layout.addWidget(self.file)
        layout.addWidget(self.buttons)
        self._update()

    def zones(self) -> list[str]:
        """The ids of the zones ticked, in the project's order."""
        items = (self.zone_list.item(n) for n in range(self.zone_list.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def path(self) -> str:
        return self.file.path()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.zones()) and bool(self.path()))
