"""File > Hand off evidence: where the bundle is written, and whether it is encrypted."""

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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

SUFFIX = ".zip"


class HandOffDialog(QDialog):
    def __init__(self, suggestion: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hand off evidence"))
        intro = QLabel(self.tr("One zip for the auditor: the Excel gap register, the PDF remediation plan, every "
                               "evidence file the answers reference, and a manifest of their SHA-256 sums, so the "
                               "recipient can check that nothing changed on the way. Evidence that is missing, or "
                               "has changed since it was attached, is left out and listed."),
                       wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.target = QLineEdit(suggestion)
        self.target.textChanged.connect(self._update)
        choose = QPushButton(self.tr("&Choose…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.target)
        row.addWidget(choose)
        self.encrypt = QCheckBox(self.tr("&Encrypt the bundle (AES-256) with a passphrase"))
        self.note = QLabel(self.tr("Give the passphrase to the recipient by another way than the bundle. The "
                                   "names of the files inside stay readable: the zip format encrypts contents only."),
                           wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.note.setVisible(False)
        self.encrypt.toggled.connect(self.note.setVisible)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("&Bundle file:"), buddy=self.target))
        layout.addLayout(row)
        layout.addWidget(self.encrypt)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self._update()

    def path(self) -> str:
        name = self.target.text().strip()
        return name if not name or name.lower().endswith(SUFFIX) else name + SUFFIX

    def _choose(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Bundle file"), self.target.text(),
                                              self.tr("Zip archives (*.zip)"))
        if name:
            self.target.setText(name)

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.path()))
