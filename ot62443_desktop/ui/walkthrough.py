"""The walkthrough: navigator tree on the left, the requirement page on the right.

Keyboard: 1-6 status, Alt+0..4 maturity, Ctrl+Return or Ctrl+Down next, Ctrl+Up previous,
Ctrl+Shift+Down next unanswered, Ctrl+F search.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ot62443_desktop.domain.model import Status
from ot62443_desktop.ui.labels import short_status_label
from ot62443_desktop.ui.navigator_model import (
    NODE_ROLE,
    AnswerState,
    FilterMode,
    NavigatorFilter,
    NavigatorModel,
    Node,
    NodeKind,
)
from ot62443_desktop.ui.session import ProjectSession
from ot62443_desktop.ui.theme import Hue, tinted

if TYPE_CHECKING:  # the page and its module load when a requirement is first shown: the walkthrough opens without one
    from ot62443_desktop.ui.requirement_page import RequirementPage


class Walkthrough(QWidget):
    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = NavigatorModel(session, self)
        self.proxy = NavigatorFilter(self.model, self)
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, self.tree.header().ResizeMode.Fixed)
        widest = max(self.tree.fontMetrics().horizontalAdvance(f"{short_status_label(s)} · ML4") for s in Status)
        self.tree.header().resizeSection(1, widest + 12)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.history_dialog: QDialog | None = None
        self.conflicts_note = QLabel(wordWrap=True)
        self.conflicts_note.setTextFormat(Qt.TextFormat.PlainText)
        self.conflicts_note.setContentsMargins(4, 2, 4, 2)
        self.conflicts_note.setAutoFillBackground(True)
        self.conflicts_note.setPalette(tinted(self.conflicts_note.palette(), Hue.CAUTION))
        session.conflicts_changed.connect(self._count_conflicts)

        self.filter_combo = QComboBox()
        for text, mode in ((self.tr("All"), FilterMode.ALL), (self.tr("Unanswered"), FilterMode.UNANSWERED),
                           (self.tr("Gaps"), FilterMode.GAPS)):
            self.filter_combo.addItem(text, mode)
        self.filter_combo.currentIndexChanged.connect(lambda _: self.set_filter(self.filter_combo.currentData()))
        self.search = QLineEdit(placeholderText=self.tr("Search ids, titles, notes (Ctrl+F)"), clearButtonEnabled=True)
        self.search.textChanged.connect(self._on_search)
        self.show_all = QCheckBox(self.tr("Show requirements above SL-T"))
        self.show_all.toggled.connect(self._on_show_all)

        self._page: RequirementPage | None = None
        self.placeholder = QLabel(self.tr("Choose a requirement in the navigator, or press Ctrl+Return to start."),
                                  alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Show:")))
        row.addWidget(self.filter_combo)
        row.addWidget(self.search, 1)
        left_layout.addLayout(row)
        left_layout.addWidget(self.conflicts_note)
        left_layout.addWidget(self.show_all)
        left_layout.addWidget(self.tree, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        splitter.setSizes([460, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.model.modelReset.connect(self._after_reset)
        self._current: tuple[str, str] | None = None
        self._count_conflicts()

    @property
    def page(self) -> RequirementPage:
        """The requirement page, built when first needed; its keys (status, maturity, last time's answer) change
        nothing while no requirement is shown, so they come with it."""
        if self._page is None:
            from ot62443_desktop.ui.requirement_page import RequirementPage

            self._page = RequirementPage(self.session)
            self._page.install_shortcuts(self)
            self.stack.addWidget(self._page)
        return self._page

    def flush(self) -> None:
        """Commit text still being typed on the requirement page, if there is one."""
        if self._page is not None:
            self._page.flush()

    def _count_conflicts(self) -> None:
        count = self.session.conflict_count()
        self.conflicts_note.setText(self.tr("%n merge conflict(s) to settle: see the Conflicts tab", "", count))
        self.conflicts_note.setVisible(count > 0)

    def _context_menu(self, point: QPoint) -> None:
        menu = self.context_menu_at(point)
        if menu is not None:
            menu.popup(self.tree.viewport().mapToGlobal(point))

    def context_menu_at(self, point: QPoint) -> QMenu | None:
        """The navigator's context menu for the row at `point`: a requirement's answer history."""
        node = self.tree.indexAt(point).data(NODE_ROLE)
        if node is None or node.kind is not NodeKind.REQUIREMENT:
            return None
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("Answer &history…"), lambda: self.show_history(node.scope_id, node.key))
        return menu

    def show_history(self, scope_id: str, requirement_id: str) -> QDialog:
        """Every version of one answer: who changed it, when, on which copy."""
        from ot62443_desktop.ui.history_dialog import HistoryDialog

        self.history_dialog = HistoryDialog(self.session, scope_id, requirement_id, self)
        self.history_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.history_dialog.open()
        return self.history_dialog

    def show_requirement(self, scope_id: str, requirement_id: str) -> bool:
        """Select one requirement, clearing a filter or search that hides it."""
        if self.select(scope_id, requirement_id):
            return True
        self.filter_combo.setCurrentIndex(0)
        self.search.clear()
        return self.select(scope_id, requirement_id)

    # -- navigation ----------------------------------------------------------------------------

    def current_key(self) -> tuple[str, str] | None:
        """(scope id, requirement id) shown on the page, if any."""
        return self._current

    def select(self, scope_id: str, requirement_id: str) -> bool:
        source = self.model.requirement_index(scope_id, requirement_id)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return False
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.scrollTo(index, QTreeView.ScrollHint.PositionAtCenter)
        return True

    def open_scope(self, scope_id: str) -> bool:
        """Show a zone's first unanswered requirement (its first, if all are answered), as a diagram
        double-click asks; a filter or search that hides it is cleared."""
        nodes = [n for n in self.model.requirement_nodes() if n.scope_id == scope_id and n.requirement]
        if not nodes:
            return False
        node = next((n for n in nodes if self.model.state(scope_id, n.requirement)  # type: ignore[arg-type]
                     is AnswerState.UNANSWERED), nodes[0])
        self.show_requirement(scope_id, node.key)
        return True

    def go_next(self) -> bool:
        return self._step(self._after)

    def go_previous(self) -> bool:
        return self._step(self._before)

    def _step(self, move: Callable[[QModelIndex], QModelIndex]) -> bool:
        """Move to the next/previous visible requirement in tree order (first one if none)."""
        self.flush()
        index = move(self.tree.currentIndex().siblingAtColumn(0))
        while index.isValid() and index.data(NODE_ROLE).kind is not NodeKind.REQUIREMENT:
            index = move(index)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        return True

    def _after(self, index: QModelIndex) -> QModelIndex:
        """Pre-order successor in the filtered tree."""
        if self.proxy.rowCount(index):
            return self.proxy.index(0, 0, index)
        while index.isValid():
            sibling = index.siblingAtRow(index.row() + 1)
            if sibling.isValid():
                return sibling
            index = index.parent()
        return QModelIndex()

    def _before(self, index: QModelIndex) -> QModelIndex:
        """Pre-order predecessor in the filtered tree (from nothing: the very last node)."""
        if not index.isValid():
            parent, row = QModelIndex(), self.proxy.rowCount() - 1
        elif index.row() == 0:
            return index.parent()
        else:
            parent, row = index.parent(), index.row() - 1
        if row < 0:
            return QModelIndex()
        index = self.proxy.index(row, 0, parent)
        while self.proxy.rowCount(index):
            index = self.proxy.index(self.proxy.rowCount(index) - 1, 0, index)
        return index

    def go_next_unanswered(self) -> bool:
        """The next unanswered requirement after the current one, across all scopes (wrapping)."""
        self.flush()
        nodes = self.model.requirement_nodes()
        start = 0
        if self._current:
            keys = [(n.scope_id, n.key) for n in nodes]
            start = keys.index(self._current) + 1 if self._current in keys else 0
        for node in nodes[start:] + nodes[:start]:
            assert node.requirement is not None
            if self.model.state(node.scope_id, node.requirement) is AnswerState.UNANSWERED:
                self.show_requirement(node.scope_id, node.key)
                return True
        return False

    def set_filter(self, mode: FilterMode) -> None:
        self.filter_combo.setCurrentIndex(self.filter_combo.findData(mode))
        self.proxy.set_mode(mode)
        if mode is not FilterMode.ALL:
            self.tree.expandAll()
        self._reselect()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        if text:
            self.tree.expandAll()
        self._reselect()

    def _on_show_all(self, on: bool) -> None:
        self.model.set_show_all(on)

    def _after_reset(self) -> None:
        self._reselect()

    def _reselect(self) -> None:
        if self._current and not self.select(*self._current):
            self.tree.setCurrentIndex(QModelIndex())
            if (self._current[0] not in self.session.store.scope_ids()  # its zone was removed
                    or self._current[1] not in self.session.catalogues):  # or its catalogue is no longer used
                self._current = None
                self.page.clear()
                self.stack.setCurrentWidget(self.placeholder)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node: Node | None = current.data(NODE_ROLE) if current.isValid() else None
        if node is None or node.kind is not NodeKind.REQUIREMENT:
            if node is None:
                self.flush()
                self.stack.setCurrentWidget(self.placeholder)
            return
        self._current = (node.scope_id, node.key)
        self.page.show_requirement(node.scope_id, node.key)
        self.stack.setCurrentWidget(self.page)
