"""Menu actions declared once, as data: id, menu, text, standard shortcut, icon, toolbar place.

The keyboard reference (Help > Keyboard reference, F1) is written from these declarations,
so it cannot disagree with the menus.
"""

from __future__ import annotations

from enum import Enum, auto
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

from ot62443_desktop.ui.icons import icon


class Act(Enum):
    NEW = auto()
    NEW_FROM_PREVIOUS = auto()
    OPEN = auto()
    OPEN_DEMO = auto()
    IMPORT_CATALOGUE = auto()
    LICENSED_TEXT = auto()
    CLOSE = auto()
    PROJECT_SETUP = auto()
    EXPORT_XLSX = auto()
    EXPORT_PDF = auto()
    HAND_OFF = auto()
    IMPORT_REGISTER = auto()
    MERGE = auto()
    SPLIT = auto()
    PROTECT = auto()
    CHANGE_PASSPHRASE = auto()
    UNPROTECT = auto()
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
    KEYBOARD_HELP = auto()
    ABOUT = auto()


Key = QKeySequence.StandardKey | str


class ActionSpec(NamedTuple):
    menu: str
    text: str
    keys: tuple[Key, ...] = ()
    needs_project: bool = True


translate = QCoreApplication.translate


def specs() -> dict[Act, ActionSpec]:
    """Every action; each text is a literal translate() call, so that pyside6-lupdate finds it."""
    file, edit = translate("Actions", "&File"), translate("Actions", "&Edit")
    go, view = translate("Actions", "&Go"), translate("Actions", "&View")
    help_menu = translate("Actions", "&Help")
    return {
        Act.NEW: ActionSpec(file, translate("Actions", "&New project…"), (QKeySequence.StandardKey.New,), False),
        Act.NEW_FROM_PREVIOUS: ActionSpec(file, translate("Actions", "New &from previous assessment…"),
                                          ("Ctrl+Shift+N",), False),
        Act.OPEN: ActionSpec(file, translate("Actions", "&Open…"), (QKeySequence.StandardKey.Open,), False),
        Act.OPEN_DEMO: ActionSpec(file, translate("Actions", "Open the &demo project"), (), False),
        Act.PROJECT_SETUP: ActionSpec(file, translate("Actions", "Project &details…"), ("Ctrl+Shift+P",)),
        Act.EXPORT_XLSX: ActionSpec(file, translate("Actions", "Export Excel gap &register…"), ("Ctrl+Shift+E",)),
        Act.EXPORT_PDF: ActionSpec(file, translate("Actions", "Export PDF remediation &plan…"), ("Ctrl+Shift+R",)),
        Act.HAND_OFF: ActionSpec(file, translate("Actions", "&Hand off evidence…"), ()),
        Act.IMPORT_REGISTER: ActionSpec(file, translate("Actions", "&Import edited register…"), ("Ctrl+Shift+I",)),
        Act.IMPORT_CATALOGUE: ActionSpec(file, translate("Actions", "Import catalo&gue…"), (), False),
        Act.LICENSED_TEXT: ActionSpec(file, translate("Actions", "&Licensed standard text…"), (), False),
        Act.MERGE: ActionSpec(file, translate("Actions", "&Merge another copy…"), ("Ctrl+Shift+M",)),
        Act.SPLIT: ActionSpec(file, translate("Actions", "&Split work package…"), ("Ctrl+Shift+K",)),
        Act.PROTECT: ActionSpec(file, translate("Actions", "Prot&ect with a passphrase…"), ()),
        Act.CHANGE_PASSPHRASE: ActionSpec(file, translate("Actions", "Ch&ange passphrase…"), ()),
        Act.UNPROTECT: ActionSpec(file, translate("Actions", "Remo&ve protection…"), ()),
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
        Act.KEYBOARD_HELP: ActionSpec(help_menu, translate("Actions", "&Keyboard reference"),
                                      (QKeySequence.StandardKey.HelpContents,), False),
        Act.ABOUT: ActionSpec(help_menu, translate("Actions", "&About OT 62443 Workbook"), (), False),
    }


ICONS = {  # resources/icons/NAME.svg of an action, in its menu and on the toolbar
    Act.NEW: "new", Act.OPEN: "open", Act.IMPORT_CATALOGUE: "import", Act.CLOSE: "close",
    Act.EXPORT_XLSX: "export-excel", Act.EXPORT_PDF: "export-pdf", Act.IMPORT_REGISTER: "import",
    Act.UNDO: "undo", Act.REDO: "redo", Act.FIND: "find", Act.PREFERENCES: "preferences",
    Act.NEXT: "next", Act.PREVIOUS: "previous", Act.NEXT_UNANSWERED: "next-unanswered",
    Act.VIEW_ZONES: "zones", Act.VIEW_WALKTHROUGH: "walkthrough", Act.VIEW_DASHBOARD: "dashboard",
    Act.VIEW_PLAN: "plan", Act.VIEW_PROGRESS: "progress", Act.VIEW_DIAGRAM: "diagram", Act.KEYBOARD_HELP: "keyboard",
    Act.ABOUT: "about", Act.PROTECT: "lock",
}
# The toolbar: what is used most, in groups (None: a separator).
TOOLBAR = (Act.NEW, Act.OPEN, None, Act.EXPORT_XLSX, Act.EXPORT_PDF, None, Act.UNDO, Act.REDO, None, Act.FIND)
# A separator goes above each of these in its menu: the menus read in groups.
GROUP_STARTS = {Act.PROJECT_SETUP, Act.EXPORT_XLSX, Act.MERGE, Act.PROTECT, Act.CLOSE, Act.FIND, Act.PREFERENCES,
                Act.NEXT_UNANSWERED}


def plain_text(action: QAction) -> str:
    """An action's text without its mnemonic and ellipsis, as a tooltip says it."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…")


def shortcut_text(action: QAction) -> str:
    """The action's shortcuts as this system writes them ("Ctrl+Shift+Z, Ctrl+Y")."""
    return ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts())


def build_actions(owner: QWidget, menubar: QMenuBar) -> tuple[dict[Act, QAction], dict[Act, QMenu]]:
    """Create every action with its shortcuts and icon and put it in its menu, in declaration order;
    returns the actions and the menu of each."""
    actions: dict[Act, QAction] = {}
    menus: dict[str, QMenu] = {}
    menu_of: dict[Act, QMenu] = {}
    for act, spec in specs().items():
        action = QAction(spec.text, owner)
        action.setShortcuts([QKeySequence(k) for k in spec.keys])
        action.setProperty("needs_project", spec.needs_project)
        if act in ICONS:
            action.setIcon(icon(ICONS[act]))
        keys = shortcut_text(action)
        action.setToolTip(f"{plain_text(action)} ({keys})" if keys else plain_text(action))
        if spec.menu not in menus:
            menus[spec.menu] = menubar.addMenu(spec.menu)
        elif act in GROUP_STARTS:
            menus[spec.menu].addSeparator()
        menus[spec.menu].addAction(action)
        actions[act], menu_of[act] = action, menus[spec.menu]
    return actions, menu_of


def toolbar_texts() -> dict[Act, str]:
    """Toolbar buttons that also show words: the two documents a consultant hands over."""
    return {Act.EXPORT_XLSX: translate("Actions", "Excel register"), Act.EXPORT_PDF: translate("Actions", "PDF plan")}


def fill_toolbar(toolbar: QToolBar, actions: dict[Act, QAction]) -> None:
    """The toolbar's buttons, icons only but for the exports, which say which document they make."""
    texts = toolbar_texts()
    for act in TOOLBAR:
        if act is None:
            toolbar.addSeparator()
            continue
        toolbar.addAction(actions[act])
        if act in texts:
            actions[act].setIconText(texts[act])
            button = toolbar.widgetForAction(actions[act])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)  # type: ignore[attr-defined]
