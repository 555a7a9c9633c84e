"""The drawn parts of the Progress view: SL-A then -> now per zone and FR, and 2-1 maturity per element.

Both are painted with QPainter from figures computed once per refresh; the grid paints only
the rows the scroll area shows, so a 100-zone project costs what a screenful does. Colours
come from the palette (text, window) or are picked to read on it, light theme or dark.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QToolTip, QWidget

from ot62443_desktop.domain.catalogue import FR_IDS
from ot62443_desktop.domain.language import decimal
from ot62443_desktop.domain.progress import ScopeProgress
from ot62443_desktop.ui.i18n import fill, gui_language
from ot62443_desktop.ui.plain_text import tooltip

MAX_LEVEL = 4  # SL 4 and ML 4 are the top of both scales


@dataclass(frozen=True)
class ChangeColours:
    better: QColor
    worse: QColor
    same: QColor  # the "then" bars and unchanged cells


def change_colours(palette: QPalette) -> ChangeColours:
    """Green for better, red for worse, in shades that read on the palette's window (light or dark)."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    same = QColor(palette.color(QPalette.ColorRole.WindowText))
    same.setAlpha(110)
    if dark:
        return ChangeColours(QColor("#81c784"), QColor("#ef9a9a"), same)
    return ChangeColours(QColor("#2e7d32"), QColor("#c62828"), same)


def _tint(colour: QColor, alpha: int = 46) -> QColor:
    tinted = QColor(colour)
    tinted.setAlpha(alpha)
    return tinted


def _arrow(painter: QPainter, centre: QPointF, size: float, up: bool, colour: QColor) -> None:
    half, sign = size / 2, -1 if up else 1
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPolygon(QPolygonF([QPointF(centre.x(), centre.y() + sign * half),
                                   QPointF(centre.x() - half, centre.y() - sign * half),
                                   QPointF(centre.x() + half, centre.y() - sign * half)]))


class SLProgressGrid(QWidget):
    """One row per zone, one cell per FR: 'SL-A then → now' with an arrow up (green) or down (red)."""

    zone_clicked = Signal(str)
    LABEL_WIDTH = 240
    CELL_WIDTH = 84

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ScopeProgress] = []
        self.added: set[str] = set()
        self.removed: set[str] = set()
        self.setSizePolicy(self.sizePolicy().horizontalPolicy(), self.sizePolicy().Policy.Fixed)

    def show_zones(self, zones: Sequence[ScopeProgress], added: Sequence[str], removed: Sequence[str]) -> None:
        self.rows, self.added, self.removed = list(zones), set(added), set(removed)
        self.updateGeometry()
        self.update()

    def row_height(self) -> int:
        return self.fontMetrics().height() + 12

    def header_height(self) -> int:
        return self.fontMetrics().height() + 10

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(self.LABEL_WIDTH + len(FR_IDS) * self.CELL_WIDTH + 2,
                     self.header_height() + max(1, len(self.rows)) * self.row_height() + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette, colours = self.palette(), change_colours(self.palette())
        text = palette.color(QPalette.ColorRole.WindowText)
        header, height = self.header_height(), self.row_height()
        painter.setPen(text)
        painter.drawText(QRect(6, 0, self.LABEL_WIDTH - 6, header), Qt.AlignmentFlag.AlignVCenter, self.tr("Zone"))
        for i, fr in enumerate(FR_IDS):
            painter.drawText(QRect(self.LABEL_WIDTH + i * self.CELL_WIDTH, 0, self.CELL_WIDTH - 2, header),
                             Qt.AlignmentFlag.AlignCenter, fr)
        painter.setPen(QPen(colours.same))
        painter.drawLine(0, header - 1, self.sizeHint().width(), header - 1)
        visible = event.rect()
        first = max(0, (visible.top() - header) // height)
        last = min(len(self.rows), (visible.bottom() - header) // height + 1)
        for row in range(first, last):
            self._paint_row(painter, row, text, colours)

    def _cell(self, fr: int, row: int) -> QRect:
        return QRect(self.LABEL_WIDTH + fr * self.CELL_WIDTH, self.header_height() + row * self.row_height(),
                     self.CELL_WIDTH - 2, self.row_height() - 2)

    def _paint_row(self, painter: QPainter, row: int, text: QColor, colours: ChangeColours) -> None:
        scope = self.rows[row]
        top = self.header_height() + row * self.row_height()
        if row % 2:
            painter.fillRect(QRect(0, top, self.sizeHint().width(), self.row_height()),
                             self.palette().color(QPalette.ColorRole.AlternateBase))
        tag = self._tag(scope.scope_id)
        metrics = self.fontMetrics()
        room = self.LABEL_WIDTH - 14 - (metrics.horizontalAdvance(tag) + 8 if tag else 0)
        name = metrics.elidedText(f"{scope.scope_id}  {scope.name}", Qt.TextElideMode.ElideRight, room)
        label_rect = QRect(6, top, self.LABEL_WIDTH - 12, self.row_height())
        painter.setPen(colours.same if scope.scope_id in self.removed else text)
        painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter, name)  # drawText never reads markup
        if tag:
            painter.setPen(colours.same)
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, tag)
        for fr in range(len(FR_IDS)):
            self._paint_cell(painter, self._cell(fr, row), self._level(scope.sl_a_then, fr),
                             self._level(scope.sl_a_now, fr), text, colours)

    @staticmethod
    def _level(levels: tuple[int, ...] | None, fr: int) -> int | None:
        return None if levels is None else levels[fr]

    def _tag(self, scope_id: str) -> str:
        if scope_id in self.added:
            return self.tr("added")
        return self.tr("removed") if scope_id in self.removed else ""

    def _paint_cell(self, painter: QPainter, rect: QRect, then: int | None, now: int | None, text: QColor,
                    colours: ChangeColours) -> None:
        better = then is not None and now is not None and now > then
        worse = then is not None and now is not None and now < then
        if better or worse:
            painter.fillRect(rect, _tint(colours.better if better else colours.worse))
        shown = f"{'—' if then is None else then} → {'—' if now is None else now}"
        arrow = self.fontMetrics().height() * 0.55
        text_rect = QRectF(rect).adjusted(0, 0, -arrow - 6, 0)
        painter.setPen(text if then is not None and now is not None else colours.same)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, shown)
        if better or worse:
            centre = QPointF(text_rect.right() + arrow / 2, rect.center().y() + 0.5)
            _arrow(painter, centre, arrow, better, colours.better if better else colours.worse)

    def cell_at(self, x: int, y: int) -> tuple[int, int | None] | None:
        """(row, FR index or None on the zone's name) under a point, or None."""
        row = (y - self.header_height()) // self.row_height()
        if y < self.header_height() or not 0 <= row < len(self.rows):
            return None
        fr = (x - self.LABEL_WIDTH) // self.CELL_WIDTH
        return row, fr if x >= self.LABEL_WIDTH and fr < len(FR_IDS) else None

    def describe(self, row: int, fr: int | None) -> str:
        """What a cell says in words (its tooltip)."""
        scope = self.rows[row]
        if fr is None:
            return f"{scope.scope_id}  {scope.name}"
        then, now = self._level(scope.sl_a_then, fr), self._level(scope.sl_a_now, fr)
        if then is None:
            return fill(self.tr("%1, %2: SL-A %3 now; the zone was not in the previous assessment"),
                        scope.scope_id, FR_IDS[fr], now)
        if now is None:
            return fill(self.tr("%1, %2: SL-A %3 last time; the zone is no longer assessed"),
                        scope.scope_id, FR_IDS[fr], then)
        return fill(self.tr("%1, %2: SL-A %3 last time, %4 now"), scope.scope_id, FR_IDS[fr], then, now)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.cell_at(event.pos().x(), event.pos().y())
            if found is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), tooltip(self.describe(*found)), self)
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        found = self.cell_at(int(event.position().x()), int(event.position().y()))
        if found is not None and event.button() == Qt.MouseButton.LeftButton:
            self.zone_clicked.emit(self.rows[found[0]].scope_id)
        super().mousePressEvent(event)


@dataclass(frozen=True)
class ElementLevels:
    """One 2-1 program element: its mean achieved maturity then and now (None: nothing rated)."""

    element: str
    title: str
    then: float | None
    now: float | None


class MaturityBars(QWidget):
    """Per element, last time's mean maturity as a grey bar and today's beneath it, coloured by the change."""

    LABEL_MIN, LABEL_SHARE = 160, 0.45  # the names take what they need, up to this share of the width
    VALUE_WIDTH = 96

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ElementLevels] = []
        self.target: int | None = None

    def show_levels(self, rows: Sequence[ElementLevels], target: int) -> None:
        self.rows, self.target = list(rows), target
        self.updateGeometry()
        self.update()

    def row_height(self) -> int:
        return max(30, self.fontMetrics().height() * 2 + 6)

    def header_height(self) -> int:
        return self.fontMetrics().height() + 8

    def label_width(self) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(self._name(row)) for row in self.rows), default=0) + 12
        return max(self.LABEL_MIN, min(widest, int(self.width() * self.LABEL_SHARE)))

    @staticmethod
    def _name(levels: ElementLevels) -> str:
        return f"{levels.element}  {levels.title}"

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(self.LABEL_MIN + self.VALUE_WIDTH + 320,
                     self.header_height() + max(1, len(self.rows)) * self.row_height() + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(self.LABEL_MIN + self.VALUE_WIDTH + 160, self.sizeHint().height())

    def _x(self, level: float) -> float:
        left, right = self.label_width() + 8, self.width() - self.VALUE_WIDTH - 8
        return left + (right - left) * level / MAX_LEVEL

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = change_colours(self.palette())
        text = self.palette().color(QPalette.ColorRole.WindowText)
        header, height = self.header_height(), self.row_height()
        bottom = header + len(self.rows) * height
        grid = QColor(text)
        grid.setAlpha(50)
        for level in range(MAX_LEVEL + 1):
            x = self._x(level)
            painter.setPen(QPen(grid))
            painter.drawLine(QPointF(x, header), QPointF(x, bottom))
            painter.setPen(text)
            painter.drawText(QRectF(x - 30, 0, 60, header), Qt.AlignmentFlag.AlignCenter, f"ML{level}")
        if self.target is not None:
            painter.setPen(QPen(colours.worse, 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(self._x(self.target), header - 2), QPointF(self._x(self.target), bottom))
        for row, levels in enumerate(self.rows):
            self._paint_row(painter, header + row * height, levels, text, colours)

    def _paint_row(self, painter: QPainter, top: int, levels: ElementLevels, text: QColor,
                   colours: ChangeColours) -> None:
        height, metrics = self.row_height(), self.fontMetrics()
        width = self.label_width()
        name = metrics.elidedText(self._name(levels), Qt.TextElideMode.ElideRight, width - 10)
        painter.setPen(text)
        painter.drawText(QRect(4, top, width - 6, height), Qt.AlignmentFlag.AlignVCenter, name)
        bar = (height - 10) / 2
        now_colour = colours.same
        if levels.then is not None and levels.now is not None and levels.now != levels.then:
            now_colour = colours.better if levels.now > levels.then else colours.worse
        for i, (value, colour) in enumerate(((levels.then, colours.same), (levels.now, now_colour))):
            if value is None:
                continue
            y = top + 4 + i * (bar + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_tint(colour, 90) if i == 0 else colour)
            painter.drawRect(QRectF(self._x(0), y, max(2.0, self._x(value) - self._x(0)), bar))
        language = gui_language()
        shown = [("—" if v is None else decimal(v, language)) for v in (levels.then, levels.now)]
        painter.setPen(text)
        painter.drawText(QRect(self.width() - self.VALUE_WIDTH, top, self.VALUE_WIDTH - 4, height),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, f"{shown[0]} → {shown[1]}")
