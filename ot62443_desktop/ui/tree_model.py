"""The plumbing every thin tree model shares: rows are nodes that know their parent, children and row."""

from __future__ import annotations

from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex

Index = QModelIndex | QPersistentModelIndex


class TreeNode(Protocol):
    parent: Any
    children: list[Any]
    row: int


N = TypeVar("N", bound=TreeNode)


class NodeTreeModel(QAbstractItemModel, Generic[N]):
    """A tree model over nodes held in `root`; a subclass sets `root` and COLUMNS and answers `data`.
    Each index points at its node, which the model keeps alive until the next reset."""

    COLUMNS = 1
    root: N

    def node(self, index: Index) -> N:
        if not index.isValid():
            return self.root
        node: N = index.internalPointer()
        return node

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        node = self.node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < self.COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = self.node(index).parent
        return QModelIndex() if parent is None or parent is self.root else self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return self.COLUMNS
