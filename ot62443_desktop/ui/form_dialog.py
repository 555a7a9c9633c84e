"""A dialog around a form: OK/Cancel, and an inline error line that keeps it open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ot62443_desktop.ui.plain_text import MESSAGE_CHARS, elide


class FormDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        # the message quotes what was typed (a zone id like `<img src=...>`): text, never markup
        self.error = QLabel(styleSheet="color:#c62828", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def fail(self, message: str) -> None:
        """Explain what is wrong; the dialog stays open with everything typed so far."""
        self.error.setText(elide(message[:1].upper() + message[1:], MESSAGE_CHARS))
        self.error.show()
