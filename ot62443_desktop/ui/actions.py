"""Menu actions declared once, as data: id, menu, text, standard shortcut."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QWidget


class Act(Enum):
    NEW = auto()
    NEW_FROM_PREVIOUS = auto()
    OPEN = auto()
    OPEN_DEMO = auto()
    CLOSE = auto()
    PROJECT_SETUP = auto()
    EXPORT_XLSX = auto()
    EXPORT_PDF = auto()
    IMPORT_REGISTER = auto()
    MERGE = auto()
    SPLIT = auto()
    QUIT = auto()
    UNDO = auto()
    REDO = auto()
    FIND = auto()
    PREFERENCES = auto()
    NEXT = auto()
    PREVIOUS = auto()
    NEXT_UNANSWERED = auto()
    VIEW_ZONES = auto()
    VIEW_WALKTHROUGH = auto()
    VIEW_DASHBOARD = auto()
    VIEW_PLAN = auto()
    VIEW_PROGRESS = auto()
    VIEW_DIAGRAM = auto()
    VIEW_CONFLICTS = auto()


Key = QKeySequence.StandardKey | str


@dataclass(frozen=True)
class ActionSpec:
    menu: str
    text: str
    keys: tuple[Key, ...] = ()
    needs_project: bool = True


translate = QCoreApplication.translate


def specs() -> dict[Act, ActionSpec]:
    """Every action; each text is a literal translate() call, so that pyside6-lupdate finds it."""
    file, edit = translate("Actions", "&File"), translate("Actions", "&Edit")
    go, view = translate("Actions", "&Go"), translate("Actions", "&View")
    return {
        Act.NEW: ActionSpec(file, translate("Actions", "&New project…"), (QKeySequence.StandardKey.New,), False),
        Act.NEW_FROM_PREVIOUS: ActionSpec(file, translate("Actions", "New &from previous assessment…"),
                                          ("Ctrl+Shift+N",), False),
        Act.OPEN: ActionSpec(file, translate("Actions", "&Open…"), (QKeySequence.StandardKey.Open,), False),
        Act.OPEN_DEMO: ActionSpec(file, translate("Actions", "Open the &demo project"), (), False),
        Act.PROJECT_SETUP: ActionSpec(file, translate("Actions", "Project &details…"), ("Ctrl+Shift+P",)),
        Act.EXPORT_XLSX: ActionSpec(file, translate("Actions", "Export Excel gap &register…"), ("Ctrl+Shift+E",)),
        Act.EXPORT_PDF: ActionSpec(file, translate("Actions", "Export PDF remediation &plan…"), ("Ctrl+Shift+R",)),
        Act.IMPORT_REGISTER: ActionSpec(file, translate("Actions", "&Import edited register…"), ("Ctrl+Shift+I",)),
        Act.MERGE: ActionSpec(file, translate("Actions", "&Merge another copy…"), ("Ctrl+Shift+M",)),
        Act.SPLIT: ActionSpec(file, translate("Actions", "&Split work package…"), ("Ctrl+Shift+K",)),
        Act.CLOSE: ActionSpec(file, translate("Actions", "&Close project"), (QKeySequence.StandardKey.Close,)),
        Act.QUIT: ActionSpec(file, translate("Actions", "&Quit"), (QKeySequence.StandardKey.Quit,), False),
        Act.UNDO: ActionSpec(edit, translate("Actions", "&Undo"), (QKeySequence.StandardKey.Undo,)),
        Act.REDO: ActionSpec(edit, translate("Actions", "&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y")),
        Act.FIND: ActionSpec(edit, translate("Actions", "&Find requirement…"), (QKeySequence.StandardKey.Find,)),
        Act.PREFERENCES: ActionSpec(edit, translate("Actions", "&Preferences…"),
                                    (QKeySequence.StandardKey.Preferences,), False),
        Act.NEXT: ActionSpec(go, translate("Actions", "&Next requirement"), ("Ctrl+Return", "Ctrl+Down")),
        Act.PREVIOUS: ActionSpec(go, translate("Actions", "&Previous requirement"), ("Ctrl+Up",)),
        Act.NEXT_UNANSWERED: ActionSpec(go, translate("Actions", "Next &unanswered"), ("Ctrl+Shift+Down", "F8")),
        Act.VIEW_ZONES: ActionSpec(view, translate("Actions", "&Zones and conduits"), ("Alt+Shift+1",)),
        Act.VIEW_WALKTHROUGH: ActionSpec(view, translate("Actions", "&Walkthrough"), ("Alt+Shift+2",)),
        Act.VIEW_DASHBOARD: ActionSpec(view, translate("Actions", "&Dashboard"), ("Alt+Shift+3",)),
        Act.VIEW_PLAN: ActionSpec(view, translate("Actions", "&Remediation plan"), ("Alt+Shift+4",)),
        Act.VIEW_PROGRESS: ActionSpec(view, translate("Actions", "&Progress since the last assessment"),
                                      ("Alt+Shift+5",)),
        Act.VIEW_DIAGRAM: ActionSpec(view, translate("Actions", "Zones and conduits dia&gram"), ("Alt+Shift+6",)),
        Act.VIEW_CONFLICTS: ActionSpec(view, translate("Actions", "Merge &conflicts"), ("Alt+Shift+7",)),
    }


def build_actions(owner: QWidget, menubar: QMenuBar) -> dict[Act, QAction]:
    """Create every action with its shortcuts and put it in its menu, in declaration order."""
    actions: dict[Act, QAction] = {}
    menus: dict[str, object] = {}
    for act, spec in specs().items():
        action = QAction(spec.text, owner)
        action.setShortcuts([QKeySequence(k) for k in spec.keys])
        action.setProperty("needs_project", spec.needs_project)
        if spec.menu not in menus:
            menus[spec.menu] = menubar.addMenu(spec.menu)
        menus[spec.menu].addAction(action)  # type: ignore[attr-defined]
        actions[act] = action
    return actions
