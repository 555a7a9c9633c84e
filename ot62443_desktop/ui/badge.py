"""A badge: a few words on a rounded tint, painted from the palette (no style sheet).

The requirement page shows the level (SL 2, or a 2-1 group) and what the answer counts as
(met, a gap...) this way. The colours come from ui/theme.py when the badge is painted, so a
change of the system's palette (dark mode) is followed without rebuilding anything.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

from ot62443_desktop.ui.theme import Pair, Theme, theme

Colours = Callable[[Theme], Pair]
PAD_X, PAD_Y, RADIUS = 9, 3, 6


class Badge(QLabel):
    def __init__(self, colours: Colours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # a custom catalogue's group name is anyone's text
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self._colours = colours

    def set_colours(self, colours: Colours) -> None:
        self._colours = colours
        self.update()

    def colours(self) -> Pair:
        """The background and text colours as painted now."""
        return self._colours(theme(self.palette()))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self.text()) + 2 * PAD_X, metrics.height() + 2 * PAD_Y)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        if not self.text():
            return
        pair = self.colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pair.background)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
        painter.setPen(pair.text)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.text())
