"""A file to write, typed or chosen in the system's save dialog: one widget for every dialog that asks."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget


class SaveFileField(QWidget):
    """The name typed (`edit`) with a Choose… button; `path()` adds `suffix` when it was left out."""

    changed = Signal()

    def __init__(self, suggestion: str, title: str, pattern: str, suffix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title, self.pattern, self.suffix = title, pattern, suffix
        self.edit = QLineEdit(suggestion)
        self.edit.textChanged.connect(self.changed)
        choose = QPushButton(self.tr("&Choose…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(choose)
        self.setFocusProxy(self.edit)

    def path(self) -> str:
        name = self.edit.text().strip()
        return name if not name or name.lower().endswith(self.suffix) else name + self.suffix

    def _choose(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.title, self.edit.text(), self.pattern)
        if name:
            self.edit.setText(name)
