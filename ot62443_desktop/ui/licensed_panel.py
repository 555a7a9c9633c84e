"""The walkthrough's "Standard text (your licensed copy)" panel, and the texts it shows.

The user's store (ot62443_desktop.licensed_text) is read once, the first time a requirement is
shown, and again only after an import or a removal: moving to the next requirement is a lookup.
The text is the user's file, so it is data: plain text, never markup, and never passed to a
project, an export or a log.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QPalette, QResizeEvent, QTextOption
from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from ot62443_desktop import licensed_text
from ot62443_desktop.licensed_text import LicensedText, LicensedTextError
from ot62443_desktop.ui.i18n import fill
from ot62443_desktop.ui.plain_text import wrap_mode
from ot62443_desktop.ui.theme import scaled_font

MAX_LINES = 16  # of the text shown at once; a longer one scrolls inside the panel
MEASURED_CHARS = 8000  # more than MAX_LINES fill at any width the panel has
CAPTION_SCALE = 0.9


class LicensedTexts(QObject):
    """The user's licensed text, read when first asked for; `changed` after an import or removal."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._store: LicensedText | None = None
        self._problem: LicensedTextError | None = None
        self._read: tuple[object, ...] = ()  # the file read: its place, and its size and time then

    def store(self) -> LicensedText:
        """What the user imported (empty when nothing, or when it cannot be read: see `problem`). Read
        again only when the file changed (`ot62443 licensed-text import` while the window is open): a
        look at its size and time costs microseconds, a read milliseconds."""
        path = licensed_text.store_path()
        try:
            info = path.stat()
            now: tuple[object, ...] = (path, info.st_size, info.st_mtime_ns, info.st_ino)
        except OSError:
            now = (path,)
        if self._store is None or now != self._read:
            try:
                self._store, self._problem = licensed_text.load(path), None
            except LicensedTextError as exc:
                self._store, self._problem = LicensedText(), exc
            self._read = now
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
        self.source.setFont(scaled_font(self.source.font(), CAPTION_SCALE, bold=False))
        self.source.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # a caption, quieter than the text
        for label in (self.title, self.source):
            label.setStyleSheet("background: transparent; border: none;")
        self.text = FittedText()
        self.text.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # keys 1-6 stay the walkthrough's
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 6, 4)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
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
            self.text.show_text(text)
            self.text.show()
            self.source.setText(fill(self.tr("Imported by you from %1. Kept on this computer only: never written "
                                             "into the project, its exports or a bundle."), store.source))
        elif problem is not None:
            self.text.clear()
            self.text.hide()
            self.source.setText(self.tr("Your licensed text cannot be read. Import your file again, or remove it, "
                                        "with File > Licensed standard text."))



class FittedText(QPlainTextEdit):
    """Read-only plain text as tall as it needs at its width, up to MAX_LINES lines (a longer text
    scrolls): a short text leaves our summary its room, a long one does not push it off the page."""

    def __init__(self) -> None:
        super().__init__(readOnly=True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._fitted_width = -1

    def show_text(self, text: str) -> None:
        self.setWordWrapMode(wrap_mode(text))
        self.setPlainText(text)
        self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if event.size().width() != self._fitted_width:  # its own height change needs no new fit
            self.fit()

    def fit(self) -> None:
        text = self.toPlainText()[:MEASURED_CHARS]  # enough for MAX_LINES at any width; a cap on the cost
        metrics, margin = self.fontMetrics(), self.document().documentMargin()
        self._fitted_width = self.width()
        width = max(self.viewport().width() - int(2 * margin), 40)
        anywhere = self.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere
        wrap = Qt.TextFlag.TextWrapAnywhere if anywhere else Qt.TextFlag.TextWordWrap
        needed = metrics.boundingRect(QRect(0, 0, width, 1 << 24), wrap, text).height()
        lines = min(max(1, round(needed / metrics.lineSpacing())), MAX_LINES)
        slack = metrics.lineSpacing() // 3  # a laid-out line may be a fraction taller than lineSpacing
        self.setFixedHeight(int(lines * metrics.lineSpacing() + 2 * margin) + 2 * self.frameWidth() + slack)
