"""The walkthrough navigator: scope > FR/SPE > SR/group > RE as one thin tree model.

Nodes are built from the catalogues and the zones (not copied from answers); answer
state is looked up from the store when a cell is painted, with per-scope progress cached
until an answer of that scope changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, auto
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QGuiApplication

from ot62443_desktop.domain.catalogue import Catalogue, Requirement, Scale
from ot62443_desktop.domain.model import SITE_SCOPE, Status
from ot62443_desktop.domain.rules import Result, classify, is_applicable
from ot62443_desktop.ui.i18n import fill
from ot62443_desktop.ui.icons import dot
from ot62443_desktop.ui.labels import short_status_label
from ot62443_desktop.ui.plain_text import elide, tooltip
from ot62443_desktop.ui.session import ProjectSession
from ot62443_desktop.ui.theme import Hue, theme
from ot62443_desktop.ui.tree_model import NodeTreeModel

Index = QModelIndex | QPersistentModelIndex
NODE_ROLE = Qt.ItemDataRole.UserRole + 1


class NodeKind(Enum):
    SCOPE = auto()
    SECTION = auto()
    GROUP = auto()
    REQUIREMENT = auto()


class AnswerState(Enum):
    UNANSWERED = auto()
    MET = auto()
    GAP = auto()
    NOT_APPLICABLE = auto()
    OUT_OF_SCOPE = auto()  # above the zone's SL-T: shown on request, never counted


_STATE_OF_RESULT = {
    Result.MET: AnswerState.MET, Result.GAP: AnswerState.GAP, Result.NOT_ASSESSED: AnswerState.UNANSWERED,
    Result.NOT_APPLICABLE: AnswerState.NOT_APPLICABLE, Result.OUT_OF_SCOPE: AnswerState.OUT_OF_SCOPE,
}

_RESULT_OF_STATE = {state: result for result, state in _STATE_OF_RESULT.items()}  # the colour of each: ui/theme.py


@dataclass(eq=False)
class Node:
    kind: NodeKind
    scope_id: str
    key: str
    label: str
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    row: int = 0
    requirement: Requirement | None = None

    def add(self, child: Node) -> Node:
        child.parent, child.row = self, len(self.children)
        self.children.append(child)
        return child


def _of(catalogue: Catalogue, n: int, label: str) -> str:
    """A section's label; past the first catalogue of its scale (the built-in one), with the catalogue's name,
    so a company's own FR 1 is not taken for the standard's."""
    return label if n == 0 else f"{catalogue.short_title} · {label}"


class NavigatorModel(NodeTreeModel[Node]):
    COLUMNS = 2

    def __init__(self, session: ProjectSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.show_all = False
        self.root, self._by_key = self._build()
        self._progress: dict[int, tuple[int, int, int]] = {}
        session.answer_changed.connect(self._on_answer_changed)
        session.zones_changed.connect(self.rebuild)
        session.info_changed.connect(self.rebuild)

    # -- structure ------------------------------------------------------------------------

    def set_show_all(self, show_all: bool) -> None:
        self.show_all = show_all
        self.rebuild()

    def rebuild(self) -> None:
        root, by_key = self._build()
        self.beginResetModel()  # once the tree is made (table_model.py)
        self.root, self._by_key = root, by_key
        self._progress.clear()
        self.endResetModel()

    def _build(self) -> tuple[Node, dict[tuple[str, str], Node]]:
        """The tree (its root) and its requirement nodes by (scope id, requirement id)."""
        root, by_key = Node(NodeKind.SCOPE, "", "", ""), {}
        catalogues = self.session.catalogues
        for zone in self.session.store.zones():
            scope = root.add(Node(NodeKind.SCOPE, zone.id, zone.id, f"{zone.id}  {elide(zone.name)}"))
            for n, catalogue in enumerate(catalogues.by_scale(Scale.SECURITY_LEVEL)):
                for section in catalogue.sections:
                    reqs = [r for r in catalogue if r.section == section.id
                            and (self.show_all or is_applicable(zone, r))]
                    if reqs:
                        node = scope.add(Node(NodeKind.SECTION, zone.id, section.id, _of(
                            catalogue, n, f"{section.id} {section.code}  {section.title}")))
                        self._add_requirements(node, reqs, by_key)
            if zone.assess_program:
                self._add_program(scope, by_key)
        self._add_program(root.add(Node(NodeKind.SCOPE, SITE_SCOPE, SITE_SCOPE, self.tr("Site program"))), by_key)
        return root, by_key

    def _add_program(self, scope: Node, by_key: dict[tuple[str, str], Node]) -> None:
        for n, catalogue in enumerate(self.session.catalogues.by_scale(Scale.MATURITY)):
            for section in catalogue.sections:
                s_node = scope.add(Node(NodeKind.SECTION, scope.scope_id, section.id,
                                        _of(catalogue, n, f"{section.id}  {section.title}")))
                for group in (g for g in catalogue.groups if g.section == section.id):
                    g_node = s_node.add(Node(NodeKind.GROUP, scope.scope_id, group.id, f"{group.id}  {group.title}"))
                    self._add_requirements(g_node, [r for r in catalogue if r.group == group.id], by_key)

    def _add_requirements(self, parent: Node, requirements: list[Requirement],
                          by_key: dict[tuple[str, str], Node]) -> None:
        parents: dict[str, Node] = {}
        for r in requirements:
            owner = parents.get(r.parent, parent) if r.parent else parent
            node = owner.add(Node(NodeKind.REQUIREMENT, parent.scope_id, r.id, f"{r.id}  {r.title}", requirement=r))
            by_key[(parent.scope_id, r.id)] = node
            if not r.parent:
                parents[r.id] = node

    # -- lookups ---------------------------------------------------------------------------

    def index_of(self, node: Node, column: int = 0) -> QModelIndex:
        if node is self.root:
            return QModelIndex()
        return self.createIndex(node.row, column, node)

    def requirement_index(self, scope_id: str, requirement_id: str) -> QModelIndex:
        node = self._by_key.get((scope_id, requirement_id))
        return self.index_of(node) if node else QModelIndex()

    def requirement_nodes(self) -> list[Node]:
        """Requirement nodes in navigator order."""
        return list(self._by_key.values())

    def state(self, scope_id: str, requirement: Requirement) -> AnswerState:
        """The domain's verdict (rules.classify), so the tree counts what the dashboard counts."""
        store = self.session.store
        answer = store.answer(scope_id, requirement.id)
        zone = None if scope_id == SITE_SCOPE else store.zone(scope_id)
        state = _STATE_OF_RESULT[classify(answer, requirement, zone, store.info.target_ml)]
        if state is AnswerState.MET and answer is not None and answer.status is Status.NOT_APPLICABLE:
            return AnswerState.NOT_APPLICABLE  # met for 3-3, but worth telling apart at a glance
        return state

    def progress(self, node: Node) -> tuple[int, int, int]:
        """(answered, total, gaps) over the requirements asked below `node` (itself included); those above
        SL-T, shown on request, count nowhere, as in the dashboard."""
        cached = self._progress.get(id(node))
        if cached is not None:
            return cached
        answered = total = gaps = 0
        if node.requirement is not None:
            state = self.state(node.scope_id, node.requirement)
            if state is not AnswerState.OUT_OF_SCOPE:
                answered, total, gaps = int(state is not AnswerState.UNANSWERED), 1, int(state is AnswerState.GAP)
        for child in node.children:
            a, t, g = self.progress(child)
            answered, total, gaps = answered + a, total + t, gaps + g
        self._progress[id(node)] = (answered, total, gaps)
        return answered, total, gaps

    def _on_answer_changed(self, scope_id: str, requirement_id: str) -> None:
        node: Node | None = self._by_key.get((scope_id, requirement_id))
        while node is not None and node is not self.root:
            self._progress.pop(id(node), None)
            self.dataChanged.emit(self.index_of(node, 0), self.index_of(node, 1))
            node = node.parent

    # -- QAbstractItemModel ----------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Requirement"), self.tr("Progress"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        if role == NODE_ROLE:
            return node
        if node.requirement is not None:
            return self._requirement_data(node, node.requirement, index.column(), role)
        answered, total, gaps = self.progress(node)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return node.label
            text = f"{answered}/{total}"
            return self.tr("%1 · %n gap(s)", "", gaps).replace("%1", text) if gaps else text
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1 and gaps:
            return theme(QGuiApplication.palette()).hue(Hue.BAD)
        if role == Qt.ItemDataRole.ToolTipRole:
            return fill(self.tr("%1 of %2 answered, %n gap(s)", "", gaps), answered, total)
        return None

    def _requirement_data(self, node: Node, requirement: Requirement, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return node.label
            answer = self.session.store.answer(node.scope_id, requirement.id)
            if answer is None:
                return ""
            text = "—" if answer.status is Status.NOT_ASSESSED else short_status_label(answer.status)
            return text + (f" · ML{answer.ml}" if answer.ml is not None else "")
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return dot(theme(QGuiApplication.palette()).mark(_RESULT_OF_STATE[self.state(node.scope_id, requirement)]))
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            level = f"SL {requirement.level}" if requirement.level else requirement.group
            return tooltip(f"{requirement.id} ({level}): {requirement.title}")
        return None


class FilterMode(Enum):
    ALL = auto()
    UNANSWERED = auto()
    GAPS = auto()


class NavigatorFilter(QSortFilterProxyModel):
    """Filters requirements by state and by a search over ids, titles and notes."""

    def __init__(self, source: NavigatorModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.navigator = source
        self.mode = FilterMode.ALL
        self.search = ""
        self.setSourceModel(source)
        self.setRecursiveFilteringEnabled(True)

    def set_mode(self, mode: FilterMode) -> None:
        self._refilter(mode, self.search)

    def set_search(self, text: str) -> None:
        self._refilter(self.mode, text.strip().lower())

    def _refilter(self, mode: FilterMode, search: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateFilter is deprecated there
            self.beginFilterChange()
            self.mode, self.search = mode, search
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.mode, self.search = mode, search
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 - Qt API
        node = self.navigator.node(self.navigator.index(source_row, 0, source_parent))
        requirement = node.requirement
        if requirement is None:
            return self.mode is FilterMode.ALL and not self.search
        if self.mode is not FilterMode.ALL:
            state = self.navigator.state(node.scope_id, requirement)
            wanted = AnswerState.UNANSWERED if self.mode is FilterMode.UNANSWERED else AnswerState.GAP
            if state is not wanted:
                return False
        if self.search:
            answer = self.navigator.session.store.answer(node.scope_id, requirement.id)
            haystack = f"{requirement.id} {requirement.title} {answer.notes if answer else ''}".lower()
            return self.search in haystack
        return True
