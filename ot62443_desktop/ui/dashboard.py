"""Dashboard: SL-T vs SL-A per zone and FR (colour-coded), a drawn chart, 2-1 maturity."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from ot62443_desktop.domain.catalogue import FR_IDS, Scale
from ot62443_desktop.domain.language import decimal
from ot62443_desktop.domain.model import SITE_SCOPE
from ot62443_desktop.domain.rules import Result, achieved_ml, classify
from ot62443_desktop.domain.scoring import ZoneScore, score_program, score_zone
from ot62443_desktop.ui.i18n import fill, gui_language
from ot62443_desktop.ui.lazy_view import LazyView
from ot62443_desktop.ui.plain_text import elide
from ot62443_desktop.ui.session import ProjectSession
from ot62443_desktop.ui.table_model import ListTableModel
from ot62443_desktop.ui.theme import subheading_font, theme

Index = QModelIndex | QPersistentModelIndex


def gap_cell(gap: int, role: int) -> QColor:
    """A cell's background (BackgroundRole) or text (ForegroundRole) for a gap of `gap` levels, in the
    application palette's shades (ui/theme.py)."""
    pair = theme(QGuiApplication.palette()).gap_fill(gap)
    return pair.background if role == Qt.ItemDataRole.BackgroundRole else pair.text


class ZoneScoresModel(ListTableModel):
    """Rows: zones; columns: FR 1-7 as 'SL-T / SL-A', then counts."""

    def __init__(self, session: ProjectSession, parent: QObject | None = None) -> None:
        super().__init__([self.tr("Zone"), *FR_IDS, self.tr("Gaps"), self.tr("Not assessed"), self.tr("Answered")],
                         parent)
        self.session = session
        self.scores: list[ZoneScore] = []

    def reload(self) -> None:
        snapshot = self.session.snapshot()
        scores = [score_zone(snapshot, self.session.catalogues, z) for z in snapshot.zones]
        self.beginResetModel()  # once the rows are made (table_model.py)
        self.scores = self.rows = scores
        self.endResetModel()





    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        score, col = self.scores[index.row()], index.column()
        fr = col - 1 if 1 <= col <= len(FR_IDS) else None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return f"{score.zone.id}  {elide(score.zone.name)}"
            if fr is not None:
                return f"{score.zone.sl_t[fr]} / {score.sl_a[fr]}"
            answered = score.applicable - score.not_assessed
            extra = [score.gaps, score.not_assessed,
                     f"{answered}/{score.applicable}" if score.applicable else "—"]
            return extra[col - 1 - len(FR_IDS)]
        if fr is not None and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            return gap_cell(score.sl_gap[fr], role)
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        if fr is not None and role == Qt.ItemDataRole.ToolTipRole:
            return fill(self.tr("%1: SL-T %2, SL-A %3"), FR_IDS[fr], score.zone.sl_t[fr], score.sl_a[fr])
        return None


@dataclass(frozen=True)
class ElementRow:
    element: str
    title: str
    requirements: int
    assessed: int
    average_ml: float | None
    gaps: int


class ProgramModel(ListTableModel):
    """2-1 maturity of the site program per security program element."""

    def __init__(self, session: ProjectSession, parent: QObject | None = None) -> None:
        super().__init__([self.tr("Element"), self.tr("Requirements"), self.tr("Assessed"), self.tr("Average ML"),
                          self.tr("Target"), self.tr("Gaps")], parent)
        self.session = session
        self.rows: list[ElementRow] = []

    def reload(self) -> None:
        snapshot, target = self.session.snapshot(), self.session.store.info.target_ml
        rows = []
        for catalogue in self.session.catalogues.by_scale(Scale.MATURITY):
            for section in catalogue.sections:
                answers = [(r, snapshot.answer(SITE_SCOPE, r.id)) for r in catalogue if r.section == section.id]
                rated = [ml for _, answer in answers if (ml := achieved_ml(answer)) is not None]
                rows.append(ElementRow(section.id, section.title, len(answers), len(rated),
                                       sum(rated) / len(rated) if rated else None,
                                       sum(classify(a, r, None, target) is Result.GAP for r, a in answers)))
        self.beginResetModel()  # once the rows are made (table_model.py)
        self.rows = rows
        self.endResetModel()





    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col, target = self.rows[index.row()], index.column(), self.session.store.info.target_ml
        if role == Qt.ItemDataRole.DisplayRole:
            average = "—" if row.average_ml is None else decimal(row.average_ml, gui_language())
            return [f"{row.element}  {elide(row.title)}", row.requirements, row.assessed, average,
                    f"ML{target}", row.gaps][col]
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and col == 3 \
                and row.average_ml is not None:
            return gap_cell(round(target - row.average_ml), role)
        return None


class SLChart(QWidget):
    """Grouped bars per FR: SL-T as an outline, SL-A filled in its gap colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(200)
        self.score: ZoneScore | None = None

    def show_score(self, score: ZoneScore | None) -> None:
        self.score = score
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        margin_left, margin_bottom, top = 34.0, 28.0, 24.0
        area = QRectF(margin_left, top, self.width() - margin_left - 10, self.height() - top - margin_bottom)
        painter.setPen(QPen(text))
        title = (self.tr("SL-T (outline) vs SL-A (filled): %1").replace("%1", elide(self.score.zone.name))
                 if self.score else self.tr("Select a zone to see its chart"))
        painter.drawText(QRectF(0, 0, self.width(), top), Qt.AlignmentFlag.AlignCenter, title)
        grid = QColor(text)
        grid.setAlpha(60)
        for level in range(5):
            y = area.bottom() - area.height() * level / 4
            painter.setPen(QPen(grid))
            painter.drawLine(int(area.left()), int(y), int(area.right()), int(y))
            painter.setPen(QPen(text))
            painter.drawText(QRectF(0, y - 8, margin_left - 6, 16), Qt.AlignmentFlag.AlignRight, str(level))
        if self.score is None:
            return
        group = area.width() / len(FR_IDS)
        bar = group * 0.32
        for i, fr in enumerate(FR_IDS):
            x = area.left() + i * group + group * 0.15
            target, achieved = self.score.zone.sl_t[i], self.score.sl_a[i]
            h_t, h_a = area.height() * target / 4, area.height() * achieved / 4
            painter.setPen(QPen(text, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(x, area.bottom() - h_t, bar, h_t))
            bar_colour = theme(self.palette()).gap_bar(target - achieved)
            painter.setPen(QPen(bar_colour.darker(130)))
            painter.setBrush(QBrush(bar_colour))
            painter.drawRect(QRectF(x + bar + 2, area.bottom() - h_a, bar, h_a))
            painter.setPen(QPen(text))
            painter.drawText(QRectF(area.left() + i * group, area.bottom() + 4, group, margin_bottom - 4),
                             Qt.AlignmentFlag.AlignCenter, fr)


class Dashboard(LazyView):
    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.zones = ZoneScoresModel(session, self)
        self.program = ProgramModel(session, self)
        self.zone_table = QTableView()
        self.zone_table.setModel(self.zones)
        self.zone_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.zone_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.zone_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.zone_table.selectionModel().currentRowChanged.connect(lambda current, _: self._show_chart(current.row()))
        self.chart = SLChart()
        self.program_table = QTableView()
        self.program_table.setModel(self.program)
        self.program_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.zone_table)
        splitter.addWidget(self.chart)
        program_box = QWidget()
        program_layout = QVBoxLayout(program_box)
        program_layout.setContentsMargins(0, 0, 0, 0)
        self.program_label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.program_label.setFont(subheading_font(self.program_label.font()))
        program_layout.addWidget(self.program_label)
        program_layout.addWidget(self.program_table)
        splitter.addWidget(program_box)
        splitter.setSizes([320, 260, 220])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def reload(self) -> None:
        row = self.zone_table.currentIndex().row()
        self.zones.reload()
        self.program.reload()
        self._update_label()
        if 0 <= row < self.zones.rowCount():
            self.zone_table.selectRow(row)
        self._show_chart(row)

    def _update_label(self) -> None:
        score = score_program(self.session.snapshot(), self.session.catalogues)
        self.program_label.setText(fill(self.tr("Site program (IEC 62443-2-1), target ML%1: %n gap(s), %2 not "
                                                "assessed", "", score.gaps), score.target_ml, score.not_assessed))

    def _show_chart(self, row: int) -> None:
        self.chart.show_score(self.zones.scores[row] if 0 <= row < len(self.zones.scores) else None)
