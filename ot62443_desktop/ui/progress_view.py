"""The Progress view: what changed since the assessment this project was carried forward from.

SL-A last time -> now per zone and FR (drawn), the gaps corrected, new and persisting per zone
and for the site program (counts, and a tree that lists them), the zones added or removed, and
the 2-1 mean maturity per program element then and now (bars). Everything comes from one
`progress_between(previous, now)` per refresh, made only while the view can be seen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ot62443_desktop.domain.catalogue import Scale
from ot62443_desktop.domain.language import long_date
from ot62443_desktop.domain.model import SITE_SCOPE, ProjectData
from ot62443_desktop.domain.progress import Progress, element_maturity, progress_between
from ot62443_desktop.ui.i18n import fill, gui_language
from ot62443_desktop.ui.lazy_view import LazyView
from ot62443_desktop.ui.plain_text import elide
from ot62443_desktop.ui.progress_charts import ElementLevels, MaturityBars, SLProgressGrid
from ot62443_desktop.ui.progress_model import CLOSED, LABEL, PERSISTING, THEN_NOW, Change, GapChangesModel
from ot62443_desktop.ui.session import ProjectSession

PLAIN = Qt.TextFormat.PlainText


def _titled(title: str, body: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 0)
    heading = QLabel(title, textFormat=PLAIN, wordWrap=True)
    font = heading.font()
    font.setBold(True)
    heading.setFont(font)
    layout.addWidget(heading)
    layout.addWidget(body, 1)
    return box


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea(widgetResizable=True)
    area.setWidget(widget)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


class ProgressView(LazyView):
    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.progress: Progress | None = None
        self.not_carried = QLabel(self.tr(
            "This project was not carried forward from a previous assessment.\n\nTo see here what changed since "
            "the last one, start the new assessment with File > New from previous assessment…"),
            textFormat=PLAIN, wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.heading = QLabel(textFormat=PLAIN, wordWrap=True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.counts = QLabel(textFormat=PLAIN, wordWrap=True)
        self.zones_label = QLabel(textFormat=PLAIN, wordWrap=True)

        self.grid = SLProgressGrid()
        self.model = GapChangesModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Stretch)
        for column in range(CLOSED, PERSISTING + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(THEN_NOW, QHeaderView.ResizeMode.ResizeToContents)  # the titles get the rest
        self.grid.zone_clicked.connect(self.show_scope)
        self.bars = MaturityBars()

        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(_titled(self.tr("Gaps per zone and for the site program (expand a zone to list them)"),
                                self.tree))
        lower.addWidget(_titled(self.tr("IEC 62443-2-1 mean maturity per element, site program: last time (grey) "
                                        "above now (green if higher, red if lower); the dashed line is the target"),
                                _scrolled(self.bars)))
        lower.setSizes([700, 460])
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.grid_area = _scrolled(self.grid)
        self.grid_box = _titled(self.tr("SL-A per zone and FR, last time → now (▲ higher, ▼ lower)"),
                                self.grid_area)
        splitter.addWidget(self.grid_box)
        splitter.addWidget(lower)
        splitter.setSizes([380, 360])
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 6, 6, 6)
        for label in (self.heading, self.counts, self.zones_label):
            layout.addWidget(label)
        layout.addWidget(splitter, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.not_carried)
        self.stack.addWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    def reload(self) -> None:
        data = self.session.snapshot()
        if data.previous is None:
            self.progress = None
            self.stack.setCurrentWidget(self.not_carried)
            return
        self.stack.setCurrentIndex(1)
        progress = self.progress = progress_between(data.previous, data, self.session.catalogues)
        self._show_summary(progress)
        self.grid.show_zones(progress.zones, progress.added, progress.removed)
        self._fit_grid()
        expanded = self._expanded()
        self.model.show_progress(progress)
        self._expand_again(expanded)
        self.bars.show_levels(self._element_levels(data.previous, data), data.info.target_ml)

    def _fit_grid(self) -> None:
        """No taller than its zones: with a few of them, the lists below get the room."""
        layout = self.grid_box.layout()
        heading = layout.itemAt(0).widget()
        height = self.grid.sizeHint().height() + self.grid_area.horizontalScrollBar().sizeHint().height()
        self.grid_area.setMaximumHeight(height)
        self.grid_box.setMaximumHeight(layout.contentsMargins().top() + heading.sizeHint().height()
                                       + layout.spacing() + height)

    def _show_summary(self, progress: Progress) -> None:
        when = progress.then_date
        self.heading.setText(fill(self.tr("Since the last assessment (%1)"), long_date(when, gui_language()))
                             if when else self.tr("Since the last assessment"))
        closed, new, persisting = progress.totals()
        self.counts.setText(fill(self.tr("Gaps corrected: %1 · new: %2 · persisting: %3 (all zones and the site "
                                         "program)"), closed, new, persisting))
        parts = []
        if progress.added:
            parts.append(fill(self.tr("Zones added: %1"), elide(", ".join(progress.added))))
        if progress.removed:
            parts.append(fill(self.tr("Zones removed: %1"), elide(", ".join(progress.removed))))
        self.zones_label.setText(" · ".join(parts) or self.tr("No zone added or removed."))

    def _element_levels(self, then: ProjectData, now: ProjectData) -> list[ElementLevels]:
        catalogues = self.session.catalogues
        before, after = element_maturity(then, catalogues, SITE_SCOPE), element_maturity(now, catalogues, SITE_SCOPE)
        return [ElementLevels(section.id, section.title, before.get(section.id), after.get(section.id))
                for catalogue in catalogues.by_scale(Scale.MATURITY) for section in catalogue.sections]

    def _expanded(self) -> list[tuple[str, Change | None]]:
        """The scopes and kinds of change open now, to open again after a refresh."""
        keys = []
        for row in range(self.model.rowCount()):
            scope = self.model.index(row, 0)
            if self.tree.isExpanded(scope):
                keys += [self.model.key(index) for index in
                         (scope, *(self.model.index(r, 0, scope) for r in range(self.model.rowCount(scope))))
                         if self.tree.isExpanded(index)]
        return keys

    def _expand_again(self, keys: list[tuple[str, Change | None]]) -> None:
        for scope_id, change in keys:
            index = self.model.scope_index(scope_id, change)
            if index.isValid():
                self.tree.expand(index)

    def show_scope(self, scope_id: str) -> None:
        """Open a zone's gaps in the list (clicking its row in the grid does this)."""
        index = self.model.scope_index(scope_id)
        if index.isValid():
            self.tree.expandRecursively(index)
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index, QTreeView.ScrollHint.PositionAtTop)
