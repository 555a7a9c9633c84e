"""Start page: new project, open, recent projects, the demo."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from ot62443_desktop.ui.icons import app_icon, icon
from ot62443_desktop.ui.plain_text import tooltip
from ot62443_desktop.ui.recent import Entry
from ot62443_desktop.ui.theme import PAGE_MARGINS, SECTION_GAP, subheading_font, title_font

BUTTON_HEIGHT = 36
RECENT_SPACING = 3
LOGO = 64


class StartPage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(LOGO, LOGO))
        title = QLabel(self.tr("OT 62443 Workbook"))
        title.setFont(title_font(title.font()))
        subtitle = QLabel(self.tr("Zone-by-zone IEC 62443-3-3 and IEC 62443-2-1 assessments. "
                                  "Every answer is saved the moment you give it."), wordWrap=True)
        self.new_button = QPushButton(icon("new"), self.tr("&New project…"))
        self.open_button = QPushButton(icon("open"), self.tr("&Open project…"))
        self.demo_button = QPushButton(icon("walkthrough"), self.tr("Open the &demo project"))
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.recent = QListWidget()
        self.recent.setSpacing(RECENT_SPACING)  # a little air between rows: a list to pick from
        self.recent.itemActivated.connect(lambda item: self.recent_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        recent_label = QLabel(self.tr("&Recent projects"), buddy=self.recent)
        recent_label.setFont(subheading_font(recent_label.font()))

        heading = QHBoxLayout()
        heading.addWidget(logo)
        heading.addSpacing(SECTION_GAP)
        words = QVBoxLayout()
        words.addWidget(title)
        words.addWidget(subtitle)
        heading.addLayout(words, 1)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setMinimumHeight(BUTTON_HEIGHT)
            button.setIconSize(QSize(24, 24))
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addLayout(heading)
        layout.addSpacing(SECTION_GAP * 2)
        layout.addLayout(buttons)
        layout.addSpacing(SECTION_GAP * 2)
        layout.addWidget(recent_label)
        layout.addWidget(self.recent, 1)

    def set_recent(self, entries: list[Entry]) -> None:
        """Recent projects, the most recent first; one not found where it was is greyed (and says so)."""
        self.recent.clear()
        for entry in entries:
            text = entry.label() + ("  " + self.tr("(not found)") if entry.missing else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, entry.path)
            item.setToolTip(tooltip(entry.path))  # a file name is anyone's text, `<img src=...>` included
            if entry.missing:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)
