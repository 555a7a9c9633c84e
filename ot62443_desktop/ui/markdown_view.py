"""Markdown shown inert: no image, style sheet or file is ever loaded, and no link is followed.

Notes come in project files written by others, and Qt's rich text loads whatever an image
names: a device file hangs the window, and on Windows a `//host/share/x.png` makes it connect to
that host with the user's login. So the Markdown is parsed by Qt's md4c importer with raw HTML
shown as text (linear in the text; Python-Markdown's link parser took 11 s for 10,000 `[`),
images become their alt text before anything is laid out, tooltips (a link title is user text)
only name the link target, escaped, and any resource Qt still asks for is an empty stand-in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QUrl
from PySide6.QtGui import QImage, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QTextBrowser, QWidget

from ot62443_desktop.ui.plain_text import elide, tooltip, wrap_mode

FEATURES = QTextDocument.MarkdownFeature.MarkdownNoHTML | QTextDocument.MarkdownFeature.MarkdownDialectGitHub
IMAGE = QTextDocument.ResourceType.ImageResource.value


def refuse(kind: int) -> object:
    """A stand-in for any resource. It must not be null: for a null image Qt reads the file itself."""
    if kind == IMAGE:
        image = QImage(1, 1, QImage.Format.Format_ARGB32)
        image.fill(0)
        return image
    return ""


class InertDocument(QTextDocument):
    """A document that loads nothing, whatever its text names."""

    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802 - Qt API
        return refuse(kind)


def markdown_document(text: str, parent: QObject | None = None) -> InertDocument:
    """`text` as a document with no image in it and no tooltip but the escaped link targets."""
    document = InertDocument(parent)
    document.setMarkdown(text, FEATURES)
    _neutralise(document)
    return document


def _image_text(image: QTextCharFormat) -> str:
    alt = image.property(QTextFormat.Property.ImageAltText) or image.toImageFormat().name()
    return QCoreApplication.translate("MarkdownView", "[image not shown: %1]").replace("%1", elide(str(alt)))


def _neutralise(document: QTextDocument) -> None:
    """Replace images by text and tooltips by the escaped link target, in one pass over the fragments."""
    images: list[tuple[int, int, str]] = []
    tips: list[tuple[int, int, str]] = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            char_format = fragment.charFormat()
            span = (fragment.position(), fragment.length())
            if char_format.isImageFormat():
                images.append((*span, _image_text(char_format)))
            elif char_format.isAnchor() or char_format.toolTip():
                tips.append((*span, tooltip(char_format.anchorHref())))
            fragments += 1
        block = block.next()
    cursor = QTextCursor(document)
    for position, length, tip in tips:
        _select(cursor, position, length)
        change = QTextCharFormat()
        change.setToolTip(tip)
        cursor.mergeCharFormat(change)
    for position, length, text in reversed(images):  # from the end: earlier positions stay valid
        _select(cursor, position, length)
        cursor.insertText(text, QTextCharFormat())


def _select(cursor: QTextCursor, position: int, length: int) -> None:
    cursor.setPosition(position)
    cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)


class MarkdownView(QTextBrowser):
    """A read-only view of Markdown from a project or catalogue; clicking a link does nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setDocument(InertDocument(self))
        self._markdown: str | None = None  # the text shown: rendering a long note again takes seconds

    def loadResource(self, kind: int, name: QUrl) -> object:  # noqa: N802 - Qt API
        return refuse(kind)

    def show_markdown(self, text: str) -> None:
        if text == self._markdown:
            return
        self._markdown = text
        document = markdown_document(text, self)
        document.setDefaultFont(self.font())
        old = self.document()
        old.clear()  # so that setting the wrap mode lays out nothing
        self.setWordWrapMode(wrap_mode(text))
        self.setDocument(document)
        if old.parent() is self:
            old.deleteLater()
