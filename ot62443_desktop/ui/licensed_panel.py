"""The walkthrough's "Standard text (your licensed copy)" panel, and the texts it shows.

The user's store (ot62443_desktop.licensed_text) is read once, the first time a requirement is
shown, and again only after an import or a removal: moving to the next requirement is a lookup.
The text is the user's file, so it is data: plain text, never markup, and never passed to a
project, an export or a log.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ot62443_desktop import licensed_text
from ot62443_desktop.licensed_text import LicensedText, LicensedTextError
from ot62443_desktop.ui.i18n import fill
from ot62443_desktop.ui.plain_text import wrap_mode


class LicensedTexts(QObject):
    """The user's licensed text, read when first asked for; `changed` after an import or removal."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._store: LicensedText | None = None
        self._problem: LicensedTextError | None = None
        self._path = licensed_text.store_path()

    def store(self) -> LicensedText:
        """What the user imported (empty when nothing, or when it cannot be read: see `problem`)."""
        path = licensed_text.store_path()  # another data folder (tests, a portable install) is another store
        if self._store is None or path != self._path:
            try:
                self._store, self._problem = licensed_text.load(path), None
            except LicensedTextError as exc:
                self._store, self._problem = LicensedText(), exc
            self._path = path
        return self._store

    def problem(self) -> LicensedTextError | None:
        """Why the store could not be read, if it could not."""
        self.store()
        return self._problem

    def reload(self) -> None:
        """Forget what was read (the store was just written) and tell every panel."""
        self._store = self._problem = None
        self.changed.emit()


_shared: list[LicensedTexts] = []


def shared_texts() -> LicensedTexts:
    """The one LicensedTexts of the program (made when first needed)."""
    if not _shared:
        _shared.append(LicensedTexts())
    return _shared[0]


class LicensedTextPanel(QFrame):
    """The user's licensed text of one requirement; hidden when they have none for it."""

    def __init__(self, texts: LicensedTexts | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = texts or shared_texts()
        self.requirement_id = ""
        self.setObjectName("licensedText")
        self.setStyleSheet("QFrame#licensedText { background: palette(alternate-base); border: 1px solid "
                           "palette(mid); border-left: 4px solid palette(highlight); border-radius: 3px; }")
        self.title = QLabel(self.tr("Standard text (your licensed copy)"), textFormat=Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.source = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        for label in (self.title, self.source):
            label.setStyleSheet("background: transparent; border: none;")
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # keys 1-6 stay the walkthrough's
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 6, 4)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.source)
        self.texts.changed.connect(self.reshow)  # a method, not a lambda: Qt lets go of it with the panel
        self.hide()

    def reshow(self) -> None:
        """The store was imported or removed: show what it now holds for the same requirement."""
        self.show_for(self.requirement_id)

    def show_for(self, requirement_id: str) -> None:
        """Show the user's text of `requirement_id`; hide when there is none (or say why it cannot be read)."""
        self.requirement_id = requirement_id
        store = self.texts.store()
        text = store.get(requirement_id) if requirement_id else None
        problem = self.texts.problem()
        self.setVisible(text is not None or (problem is not None and bool(requirement_id)))
        if text is not None:
            self.text.setWordWrapMode(wrap_mode(text))
            self.text.setPlainText(text)
            self.text.show()
            self.source.setText(fill(self.tr("Imported by you from %1. Kept on this computer only: never written "
                                             "into the project, its exports or a bundle."), store.source))
        elif problem is not None:
            self.text.clear()
            self.text.hide()
            self.source.setText(self.tr("Your licensed text cannot be read. Import your file again, or remove it, "
                                        "with File > Licensed standard text."))
