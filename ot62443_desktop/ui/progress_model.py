"""The gaps corrected, new and persisting since the last assessment, per scope, as one thin tree model.

Scope rows carry the three counts; under each, one row per kind of change that has any, and
under those the gaps themselves with their status last time and now. The tree is rebuilt from
a `Progress` (computed once per refresh by the view), never from the store cell by cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import QApplication

from ot62443_desktop.domain.model import SITE_SCOPE, Answer, ProjectData, Status
from ot62443_desktop.domain.progress import GapChange, Progress, ScopeProgress
from ot62443_desktop.ui.i18n import fill
from ot62443_desktop.ui.labels import short_status_label
from ot62443_desktop.ui.plain_text import elide, tooltip
from ot62443_desktop.ui.progress_charts import change_colours
from ot62443_desktop.ui.tree_model import Index, NodeTreeModel

LABEL, CLOSED, NEW, PERSISTING, THEN_NOW = range(5)


class Change(Enum):
    CLOSED = CLOSED
    NEW = NEW
    PERSISTING = PERSISTING


@dataclass(eq=False)
class ChangeNode:
    label: str
    parent: ChangeNode | None = None
    children: list[ChangeNode] = field(default_factory=list)
    row: int = 0
    scope: ScopeProgress | None = None  # a scope row
    change: Change | None = None  # a kind-of-change row, and each gap row under it
    then_now: str = ""  # a gap row: its status last time -> now

    def add(self, child: ChangeNode) -> ChangeNode:
        child.parent, child.row = self, len(self.children)
        self.children.append(child)
        return child


class GapChangesModel(NodeTreeModel[ChangeNode]):
    COLUMNS = THEN_NOW + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = ChangeNode("")
        self._scopes: dict[str, ChangeNode] = {}

    def show_progress(self, progress: Progress) -> None:
        root, scopes = ChangeNode(""), {}
        for scope in (*progress.zones, progress.site):
            scopes[scope.scope_id] = root.add(self._scope_node(scope, progress))
        self.beginResetModel()  # once the tree is made (table_model.py)
        self.root, self._scopes = root, scopes
        self.endResetModel()

    def change_label(self, change: Change) -> str:
        return {Change.CLOSED: self.tr("Corrected"), Change.NEW: self.tr("New"),
                Change.PERSISTING: self.tr("Persisting")}[change]

    def _scope_node(self, scope: ScopeProgress, progress: Progress) -> ChangeNode:
        if scope.scope_id == SITE_SCOPE:
            label = self.tr("Site program")
        else:
            label = f"{scope.scope_id}  {elide(scope.name)}"
            if scope.scope_id in progress.added:
                label = fill(self.tr("%1 (added since)"), label)
            elif scope.scope_id in progress.removed:
                label = fill(self.tr("%1 (removed since)"), label)
        node = ChangeNode(label, scope=scope)
        for change, gaps in ((Change.CLOSED, scope.closed), (Change.NEW, scope.new),
                             (Change.PERSISTING, scope.persisting)):
            if gaps:
                group = node.add(ChangeNode(fill(self.tr("%1 (%2)"), self.change_label(change), len(gaps)),
                                            change=change))
                for gap in gaps:
                    group.add(self._gap_node(gap, change, progress, scope.scope_id in progress.added))
        return node

    def _gap_node(self, gap: GapChange, change: Change, progress: Progress, added: bool) -> ChangeNode:
        requirement = (gap.then or gap.now).requirement  # type: ignore[union-attr]
        then = "—" if added else self._answer_text(progress.then.data, gap)
        now = self._answer_text(progress.now.data, gap)
        return ChangeNode(f"{requirement.id}  {elide(requirement.title)}", change=change,
                          then_now=fill(self.tr("%1 → %2"), then, now))

    def _answer_text(self, data: ProjectData, gap: GapChange) -> str:
        answer: Answer | None = data.answer(gap.scope_id, gap.requirement_id)
        status = short_status_label(answer.status if answer else Status.NOT_ASSESSED)
        if answer is None or answer.ml is None:
            return status
        return fill(self.tr("%1, ML%2"), status, answer.ml)

    def scope_index(self, scope_id: str, change: Change | None = None) -> QModelIndex:
        """The row of a scope, or of one kind of change under it (invalid when it has none)."""
        node = self._scopes.get(scope_id)
        if node is not None and change is not None:
            node = next((child for child in node.children if child.change is change), None)
        return self.createIndex(node.row, 0, node) if node is not None else QModelIndex()

    def key(self, index: Index) -> tuple[str, Change | None]:
        """What a scope or kind-of-change row stands for, whatever its counts: kept across a refresh."""
        node = self.node(index)
        scope = node.scope or (node.parent.scope if node.parent is not None else None)
        return (scope.scope_id if scope is not None else "", None if node.scope is not None else node.change)

    # -- QAbstractItemModel ----------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Zone, change, requirement"), self.change_label(Change.CLOSED),
                    self.change_label(Change.NEW), self.change_label(Change.PERSISTING),
                    self.tr("Status last time → now"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node, column = self.node(index), index.column()
        counts = self._counts(node.scope) if node.scope is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == LABEL:
                return node.label
            if column == THEN_NOW:
                return node.then_now or None
            return counts[column - CLOSED] if counts is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and CLOSED <= column <= PERSISTING:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.DecorationRole and column == LABEL and node.change is not None and node.children:
            return self._colour(node.change)
        if role == Qt.ItemDataRole.ForegroundRole and counts is not None and column in (CLOSED, NEW):
            return self._colour(Change(column)) if counts[column - CLOSED] else None
        if role == Qt.ItemDataRole.ToolTipRole and column in (LABEL, THEN_NOW):
            return tooltip(node.label if column == LABEL else node.then_now)  # a long title, a zone's name
        return None

    @staticmethod
    def _counts(scope: ScopeProgress) -> tuple[int, int, int]:
        return len(scope.closed), len(scope.new), len(scope.persisting)

    @staticmethod
    def _colour(change: Change) -> Any:
        colours = change_colours(QApplication.palette())
        return {Change.CLOSED: colours.better, Change.NEW: colours.worse, Change.PERSISTING: colours.same}[change]
