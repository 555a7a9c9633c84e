"""A dialog around a form: OK/Cancel, and an inline error line that keeps it open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ot62443_desktop.ui.plain_text import MESSAGE_CHARS, elide


def close_box_with(*actions: tuple[str, Callable[[], object]]) -> tuple[QDialogButtonBox, list[QPushButton]]:
    """A Close button box with action buttons beside it, each (label, slot): the row of the dialogs that
    import and remove something kept on this computer. The box's `rejected` is left to the caller."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    made = []
    for label, slot in actions:
        button = QPushButton(label)
        button.clicked.connect(slot)
        box.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        made.append(button)
    return box, made


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
