"""File > Split work package: which zones (and whether the site program) a colleague takes, and where
the package is written."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ot62443_desktop.domain.model import Zone
from ot62443_desktop.ui.plain_text import elide


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
        self.target = QLineEdit(suggestion)
        self.target.textChanged.connect(self._update)
        choose = QPushButton(self.tr("&Choose…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.target)
        row.addWidget(choose)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("&Zones and conduits:"), buddy=self.zone_list))
        layout.addWidget(self.zone_list)
        layout.addWidget(self.site)
        layout.addWidget(QLabel(self.tr("&Work package file:"), buddy=self.target))
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self._update()

    def zones(self) -> list[str]:
        """The ids of the zones ticked, in the project's order."""
        items = (self.zone_list.item(n) for n in range(self.zone_list.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def path(self) -> str:
        name = self.target.text().strip()
        return name if not name or name.endswith(".ot62443") else name + ".ot62443"

    def _choose(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Work package file"), self.target.text(),
                                              self.tr("OT 62443 projects (*.ot62443)"))
        if name:
            self.target.setText(name)

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.zones()) and bool(self.path()))
