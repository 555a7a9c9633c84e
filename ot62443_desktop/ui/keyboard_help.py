"""Help > Keyboard reference (F1): the keys of the walkthrough and of every menu, on one page.

The menu part is read from the window's own actions (ui/actions.py), the walkthrough's keys
from the constants the requirement page binds, so the reference says what the keys do today.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ot62443_desktop.ui.actions import Act, plain_text, shortcut_text, specs
from ot62443_desktop.ui.theme import SECTION_GAP, subheading_font

Row = tuple[str, str]  # keys, what they do


def native(keys: str) -> str:
    """A key sequence as this system writes it (Ctrl on Windows and Linux, ⌘ on a Mac)."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


class KeyboardHelp(QDialog):
    """Not modal: it can stay open beside the walkthrough while the keys are learnt."""

    def __init__(self, actions: dict[Act, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard reference"))
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.tree.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._section(self.tr("Answering, in the walkthrough"), self.walkthrough_rows())
        for menu, rows in self.menu_rows(actions).items():
            self._section(menu, rows)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        note = QLabel(self.tr("The number keys set the status while you are not typing in a text field, for "
                              "example in the navigator."), wordWrap=True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()  # no row looks chosen
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addSpacing(SECTION_GAP // 2)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(660, 700)

    def walkthrough_rows(self) -> list[Row]:
        """Keys the requirement page binds itself (not menu entries): status, maturity, last time's answer."""
        from ot62443_desktop.ui.labels import maturity_label, status_label
        from ot62443_desktop.ui.last_time import USE_KEY
        from ot62443_desktop.ui.requirement_page import STATUS_ORDER

        rows = [(str(key), self.tr("Status: %1").replace("%1", status_label(status)))
                for key, status in enumerate(STATUS_ORDER, 1)]
        rows.append((native("Alt+0"), self.tr("Achieved maturity ML0 (2-1 requirements)")))
        rows += [(native(f"Alt+{level}"), self.tr("Achieved maturity %1").replace("%1", maturity_label(level)))
                 for level in range(1, 5)]
        rows.append((native(USE_KEY), self.tr("Use last time's answer (a carried-forward assessment)")))
        return rows

    @staticmethod
    def menu_rows(actions: dict[Act, QAction]) -> dict[str, list[Row]]:
        """Every action with a shortcut, under its menu's name, in menu order."""
        rows: dict[str, list[Row]] = {}
        for act, spec in specs().items():
            keys = shortcut_text(actions[act])
            if keys:
                rows.setdefault(spec.menu.replace("&", ""), []).append((keys, plain_text(actions[act])))
        return rows

    def _section(self, title: str, rows: list[Row]) -> None:
        head = QTreeWidgetItem(self.tree, [title])
        head.setFirstColumnSpanned(True)
        head.setFont(0, subheading_font(self.tree.font()))
        head.setFlags(Qt.ItemFlag.ItemIsEnabled)
        for keys, what in rows:
            QTreeWidgetItem(head, [keys, what]).setFlags(Qt.ItemFlag.ItemIsEnabled)

    def rows(self) -> list[Row]:
        """Every (keys, what) pair shown, in order (what a test or a screen reader goes through)."""
        return [(head.child(i).text(0), head.child(i).text(1))
                for head in (self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount()))
                for i in range(head.childCount())]
