"""Start page: new project, open, recent projects, the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from ot62443_desktop.ui.plain_text import elide, tooltip


class StartPage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("OT 62443 Workbook"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(self.tr("Zone-by-zone IEC 62443-3-3 and IEC 62443-2-1 assessments. "
                                  "Every answer is saved the moment you give it."), wordWrap=True)
        self.new_button = QPushButton(self.tr("&New project…"))
        self.open_button = QPushButton(self.tr("&Open project…"))
        self.demo_button = QPushButton(self.tr("Open the &demo project"))
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.recent = QListWidget()
        self.recent.itemActivated.connect(lambda item: self.recent_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 36)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(16)
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setMinimumHeight(34)
            layout.addWidget(button)
        layout.addSpacing(16)
        layout.addWidget(QLabel(self.tr("&Recent projects"), buddy=self.recent))
        layout.addWidget(self.recent, 1)

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{elide(Path(path).name)}    ({elide(str(Path(path).parent))})")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(tooltip(path))  # a file name is anyone's text, `<img src=...>` included
            self.recent.addItem(item)
