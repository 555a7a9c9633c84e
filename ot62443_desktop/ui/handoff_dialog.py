"""File > Hand off evidence: where the bundle is written, and whether it is encrypted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ot62443_desktop.ui.save_file_field import SaveFileField


class HandOffDialog(QDialog):
    def __init__(self, suggestion: str, parent: QWidget | None = None, *, encrypt: bool = False) -> None:
        """`encrypt`: the box ticked at first (the project is encrypted: its evidence is as secret as it is)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hand off evidence"))
        intro = QLabel(self.tr("One zip for the auditor: the Excel gap register, the PDF remediation plan, every "
                               "evidence file the answers reference, and a manifest of their SHA-256 sums, so the "
                               "recipient can check that nothing changed on the way. Evidence that is missing, or "
                               "has changed since it was attached, is left out and listed."),
                       wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.file = SaveFileField(suggestion, self.tr("Bundle file"), self.tr("Zip archives (*.zip)"), ".zip")
        self.file.changed.connect(self._update)
        self.target = self.file.edit
        self.encrypt = QCheckBox(self.tr("&Encrypt the bundle (AES-256) with a passphrase"))
        self.note = QLabel(self.tr("Give the passphrase to the recipient by another way than the bundle. The "
                                   "names of the files inside stay readable: the zip format encrypts contents only."),
                           wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.encrypt.setChecked(encrypt)
        self.note.setVisible(encrypt)
        self.encrypt.toggled.connect(self.note.setVisible)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("&Bundle file:"), buddy=self.target))
        layout.addWidget(self.file)
        layout.addWidget(self.encrypt)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self._update()

    def path(self) -> str:
        return self.file.path()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.path()))
