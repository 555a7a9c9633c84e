"""Menu actions declared once, as data: id, menu, text, standard shortcut."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QWidget


class Act(Enum):
    NEW = auto()
    OPEN = auto()
    OPEN_DEMO = auto()
    CLOSE = auto()
    PROJECT_SETUP = auto()
    EXPORT_XLSX = auto()
    EXPORT_PDF = auto()
    IMPORT_REGISTER = auto()
    QUIT = auto()
    UNDO = auto()
    REDO = auto()
    FIND = auto()
    NEXT = auto()
    PREVIOUS = auto()
    NEXT_UNANSWERED = auto()
    VIEW_ZONES = auto()
    VIEW_WALKTHROUGH = auto()
    VIEW_DASHBOARD = auto()
    VIEW_PLAN = auto()


Key = QKeySequence.StandardKey | str


@dataclass(frozen=True)
class ActionSpec:
    menu: str
    text: str
    keys: tuple[Key, ...] = ()
    needs_project: bool = True


def _t(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def specs() -> dict[Act, ActionSpec]:
    return {
        Act.NEW: ActionSpec(_t("&File"), _t("&New project…"), (QKeySequence.StandardKey.New,), False),
        Act.OPEN: ActionSpec(_t("&File"), _t("&Open…"), (QKeySequence.StandardKey.Open,), False),
        Act.OPEN_DEMO: ActionSpec(_t("&File"), _t("Open the &demo project"), (), False),
        Act.PROJECT_SETUP: ActionSpec(_t("&File"), _t("Project &details…"), ("Ctrl+Shift+P",)),
        Act.EXPORT_XLSX: ActionSpec(_t("&File"), _t("Export Excel gap &register…"), ("Ctrl+Shift+E",)),
        Act.EXPORT_PDF: ActionSpec(_t("&File"), _t("Export PDF remediation &plan…"), ("Ctrl+Shift+R",)),
        Act.IMPORT_REGISTER: ActionSpec(_t("&File"), _t("&Import edited register…"), ("Ctrl+Shift+I",)),
        Act.CLOSE: ActionSpec(_t("&File"), _t("&Close project"), (QKeySequence.StandardKey.Close,)),
        Act.QUIT: ActionSpec(_t("&File"), _t("&Quit"), (QKeySequence.StandardKey.Quit,), False),
        Act.UNDO: ActionSpec(_t("&Edit"), _t("&Undo"), (QKeySequence.StandardKey.Undo,)),
        Act.REDO: ActionSpec(_t("&Edit"), _t("&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y")),
        Act.FIND: ActionSpec(_t("&Edit"), _t("&Find requirement…"), (QKeySequence.StandardKey.Find,)),
        Act.NEXT: ActionSpec(_t("&Go"), _t("&Next requirement"), ("Ctrl+Return", "Ctrl+Down")),
        Act.PREVIOUS: ActionSpec(_t("&Go"), _t("&Previous requirement"), ("Ctrl+Up",)),
        Act.NEXT_UNANSWERED: ActionSpec(_t("&Go"), _t("Next &unanswered"), ("Ctrl+Shift+Down", "F8")),
        Act.VIEW_ZONES: ActionSpec(_t("&View"), _t("&Zones and conduits"), ("Alt+Shift+1",)),
        Act.VIEW_WALKTHROUGH: ActionSpec(_t("&View"), _t("&Walkthrough"), ("Alt+Shift+2",)),
        Act.VIEW_DASHBOARD: ActionSpec(_t("&View"), _t("&Dashboard"), ("Alt+Shift+3",)),
        Act.VIEW_PLAN: ActionSpec(_t("&View"), _t("&Remediation plan"), ("Alt+Shift+4",)),
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
