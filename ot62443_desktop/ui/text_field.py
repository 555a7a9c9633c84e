"""Plain-text editors that give back what they were given, at a cost that follows the text."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QTextOption
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from ot62443_desktop.ui.plain_text import has_long_run, wrap_mode

TEXT_COMMIT_MS = 700


class PlainTextEdit(QPlainTextEdit):
    """A plain-text editor for text from a project.

    `value()` is the text given to `load()` until the person edits it: Qt shows no-break spaces
    and line separators as plain ones, and merely opening a field must not rewrite a note.
    Text with a long run without spaces wraps anywhere: word wrap is quadratic in such a run.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded = self._shown = ""  # the text given to load(), and Qt's rendering of it
        if text:
            self.load(text)

    def load(self, text: str) -> None:
        shown = self.toPlainText()
        if text == self._loaded and shown == self._shown:
            return
        if text != shown:
            mode = wrap_mode(text)
            if mode != self.wordWrapMode():
                self.clear()  # so that changing the wrap mode lays out nothing
                self.setWordWrapMode(mode)
            self.setPlainText(text)
        self._loaded, self._shown = text, self.toPlainText()

    def value(self) -> str:
        """The text as loaded, or as edited since."""
        shown = self.toPlainText()
        return self._loaded if shown == self._shown else shown

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt API
        """A pasted long run is wrapped anywhere before it is laid out."""
        if source.hasText() and has_long_run(source.text()):
            self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        super().insertFromMimeData(source)


class TextField(PlainTextEdit):
    """The requirement page's editor: reports its text once typing pauses or focus leaves."""

    committed = Signal(str)

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(54)
        self._timer = QTimer(self, singleShot=True, interval=TEXT_COMMIT_MS)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._timer.start)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    @property
    def typed(self) -> bool:
        """Whether the field shows text other than it was last given: typed, and not saved yet."""
        return self.toPlainText() != self._shown

    def show_stored(self, text: str, *, keep_typed: bool) -> None:
        """Show `text` from the project, unless (keep_typed) the field holds other text typed and not
        saved yet: text whose save failed stays on screen until it is saved."""
        if not (keep_typed and self.typed and self.value() != text):
            self.load(text)

    def load(self, text: str) -> None:
        super().load(text)
        self._timer.stop()

    def flush(self) -> None:
        self._timer.stop()
        text = self.value()
        self.setWordWrapMode(wrap_mode(text))  # changes nothing unless a long run came or went
        self.committed.emit(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        self.flush()
        super().focusOutEvent(event)


class LineField(QLineEdit):
    """A one-line editor with TextField's promise: text typed and not saved is not overwritten."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, placeholderText=placeholder)
        self._loaded = ""

    def load(self, text: str) -> None:
        self.setText(text)
        self._loaded = text

    def value(self) -> str:
        return self.text().strip()

    @property
    def typed(self) -> bool:
        return self.text() != self._loaded

    def show_stored(self, text: str, *, keep_typed: bool) -> None:
        if not (keep_typed and self.typed and self.value() != text):
            self.load(text)
