"""The main window: start page, or the open project's views, plus menus, toolbar and status.

What the first window does not show is built when first needed: a project's views when their
tab is first shown, the export machinery with the first export, the dialogs when opened.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ot62443_desktop.paths import data_dir
from ot62443_desktop.ui import local_files
from ot62443_desktop.ui.actions import Act, build_actions, fill_toolbar
from ot62443_desktop.ui.i18n import fill, gui_language
from ot62443_desktop.ui.icons import icon
from ot62443_desktop.ui.plain_text import elide
from ot62443_desktop.ui.recent import RecentMenu, RecentProjects
from ot62443_desktop.ui.start_page import StartPage
from ot62443_desktop.ui.theme import Hue, theme, tinted

if TYPE_CHECKING:  # the project layers, views and dialogs load when needed: the window shows first
    from PySide6.QtGui import QCloseEvent, QUndoStack
    from PySide6.QtWidgets import QMessageBox

    from ot62443_desktop.api import Project
    from ot62443_desktop.domain.catalogue import CatalogueSet
    from ot62443_desktop.ui.conflicts_view import ConflictsView
    from ot62443_desktop.ui.dashboard import Dashboard
    from ot62443_desktop.ui.diagram_view import DiagramView
    from ot62443_desktop.ui.handoff import HandOff
    from ot62443_desktop.ui.progress_view import ProgressView
    from ot62443_desktop.ui.protection import Protection
    from ot62443_desktop.ui.remediation_view import RemediationView
    from ot62443_desktop.ui.session import ProjectSession
    from ot62443_desktop.ui.team import TeamWork
    from ot62443_desktop.ui.transfer import Transfer
    from ot62443_desktop.ui.unlock import Unlock
    from ot62443_desktop.ui.walkthrough import Walkthrough
    from ot62443_desktop.ui.worker import Runner
    from ot62443_desktop.ui.zones_view import ZonesView

APP_NAME = "OT 62443 Workbook"
CONFLICTS_TAB = 6
TAB_ICONS = ("zones", "walkthrough", "dashboard", "plan", "progress", "diagram")  # resources/icons/, in tab order
TOOLBAR_ICON = 22  # px: the toolbar's icons (the SVGs are drawn on a 24 px grid with a margin)
log = logging.getLogger("ot62443")


def gui_catalogues() -> CatalogueSet:
    """The built-in catalogues in the language the GUI speaks (same ids, so answers are shared)."""
    from ot62443_desktop.catalogues import builtin_catalogues

    return builtin_catalogues(gui_language())


def app_settings() -> QSettings:
    """Settings live beside the backups, so tests and portable installs stay self-contained."""
    return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)


class AccentTabBar(QTabBar):
    """Tabs a little taller than the style makes them: Fusion draws an unselected tab lower than the selected
    one and clipped the accent of a capital ("Évaluation" read "Evaluation")."""

    def tabSizeHint(self, index: int) -> QSize:  # noqa: N802 - Qt API
        hint = super().tabSizeHint(index)
        return QSize(hint.width(), hint.height() + self.fontMetrics().height() // 4)


class ProjectView(QTabWidget):
    """The views of an open project; each is built (and its module imported) when first shown. The
    progress since the last assessment is offered only for a project carried forward from one."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabBar(AccentTabBar(self))
        self.session = session
        self._pages: dict[int, QWidget] = {}
        for title in (self.tr("Zones && conduits"), self.tr("Walkthrough"), self.tr("Dashboard"),
                      self.tr("Remediation plan"), self.tr("Progress"), self.tr("Diagram"), self.tr("Conflicts")):
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.addTab(holder, title)
        for index, name in enumerate(TAB_ICONS):
            self.setTabIcon(index, icon(name))
        self.setTabVisible(4, session.snapshot().previous is not None)
        self.setTabVisible(CONFLICTS_TAB, False)
        self.currentChanged.connect(self.page)
        session.conflicts_changed.connect(self._count_conflicts)
        self._count_conflicts()

    def _count_conflicts(self) -> None:
        """The Conflicts tab is there while merge conflicts remain, with their number."""
        count = self.session.conflict_count()
        self.setTabText(CONFLICTS_TAB, self.tr("Conflicts (%n)", "", count) if count else self.tr("Conflicts"))
        if count:
            self.setTabVisible(CONFLICTS_TAB, True)

    def page(self, index: int) -> QWidget:
        if index not in self._pages:
            if index == 0:
                from ot62443_desktop.ui.zones_view import ZonesView as view_class
            elif index == 1:
                from ot62443_desktop.ui.walkthrough import Walkthrough as view_class  # type: ignore[assignment]
            elif index == 2:
                from ot62443_desktop.ui.dashboard import Dashboard as view_class  # type: ignore[assignment]
            elif index == 3:
                from ot62443_desktop.ui.remediation_view import RemediationView as view_class  # type: ignore[assignment]
            elif index == 4:
                from ot62443_desktop.ui.progress_view import ProgressView as view_class  # type: ignore[assignment]
            elif index == 5:
                from ot62443_desktop.ui.diagram_view import DiagramView as view_class  # type: ignore[assignment]
            else:
                from ot62443_desktop.ui.conflicts_view import ConflictsView as view_class  # type: ignore[assignment]
            self._pages[index] = view_class(self.session)
            if index == 5:
                self._pages[index].zone_opened.connect(self.open_zone)  # type: ignore[attr-defined]
            if index == CONFLICTS_TAB:
                self._pages[index].edit_requested.connect(self.open_requirement)  # type: ignore[attr-defined]
            self.widget(index).layout().addWidget(self._pages[index])
        return self._pages[index]

    @property
    def zones(self) -> ZonesView:
        return self.page(0)  # type: ignore[return-value]

    @property
    def walkthrough(self) -> Walkthrough:
        return self.page(1)  # type: ignore[return-value]

    @property
    def dashboard(self) -> Dashboard:
        return self.page(2)  # type: ignore[return-value]

    @property
    def plan(self) -> RemediationView:
        return self.page(3)  # type: ignore[return-value]

    @property
    def progress(self) -> ProgressView:
        return self.page(4)  # type: ignore[return-value]

    @property
    def diagram(self) -> DiagramView:
        return self.page(5)  # type: ignore[return-value]

    @property
    def conflicts(self) -> ConflictsView:
        return self.page(CONFLICTS_TAB)  # type: ignore[return-value]

    def open_requirement(self, scope_id: str, requirement_id: str) -> None:
        """The walkthrough on one requirement of one scope, as the conflict view's Edit asks."""
        self.setCurrentIndex(1)
        if self.walkthrough.show_requirement(scope_id, requirement_id):
            self.walkthrough.tree.setFocus()

    def open_zone(self, zone_id: str) -> None:
        """The walkthrough on a zone, as a double-click on its box asks."""
        self.setCurrentIndex(1)
        self.walkthrough.open_scope(zone_id)
        self.walkthrough.tree.setFocus()

    def flush(self) -> None:
        """Commit text still being typed on the requirement page, if that page exists."""
        if 1 in self._pages:
            self.walkthrough.flush()


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.session: ProjectSession | None = None
        self.view: ProjectView | None = None
        self.save_error: str | None = None  # why the last change was not saved, until one is
        self._failure: tuple[str, str, str] | None = None  # a failed save not yet shown in a box
        self._unsaved: dict[tuple[str, str], str] = {}  # text typed in changes that failed since the last save
        self.failure_box: QMessageBox | None = None
        self._told_read_only = False  # the box saying the project became read-only was shown
        self._made_runner: Runner | None = None  # made with the first export or import (multiprocessing is not small)
        self._made_transfer: Transfer | None = None
        self._made_team: TeamWork | None = None
        self._made_handoff: HandOff | None = None
        self._made_protection: Protection | None = None
        self.keyboard_help: QWidget | None = None
        self.settings = app_settings()
        self.recent = RecentProjects(self.settings)
        self.start_page = StartPage()
        self.start_page.new_requested.connect(self.new_project)
        self.start_page.open_requested.connect(self.open_dialog)
        self.start_page.demo_requested.connect(self.open_demo)
        self.start_page.recent_requested.connect(self.open_recent)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_page)
        self.setCentralWidget(self.stack)
        self.actions_by_id, self.menus = build_actions(self, self.menuBar())
        self.recent_menu = RecentMenu(self.recent, self)
        self.recent_menu.chosen.connect(self.open_recent)
        self.recent_menu.cleared.connect(self.clear_recent)
        self.menus[Act.OPEN].insertMenu(self.action(Act.OPEN_DEMO), self.recent_menu)
        self.toolbar = self.addToolBar(self.tr("Main toolbar"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setIconSize(QSize(TOOLBAR_ICON, TOOLBAR_ICON))
        fill_toolbar(self.toolbar, self.actions_by_id)
        self._connect_actions()
        self.saved_label = QLabel()
        self.saved_label.setTextFormat(Qt.TextFormat.PlainText)
        self.saved_label.setContentsMargins(6, 1, 6, 1)
        self.conflicts_label = QLabel()
        self.conflicts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.conflicts_label.setContentsMargins(6, 1, 6, 1)
        self.conflicts_label.setAutoFillBackground(True)
        self.conflicts_label.hide()
        self.statusBar().addPermanentWidget(self.conflicts_label)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.start_page.set_recent(self.recent.entries())
        geometry = self.settings.value("window/geometry")  # a damaged settings file must not stop the start
        if not (isinstance(geometry, QByteArray | bytes) and self.restoreGeometry(geometry)):
            self.resize(1280, 800)
        self._update_state()

    # -- actions ---------------------------------------------------------------------------------

    def action(self, act: Act) -> QAction:
        return self.actions_by_id[act]

    @property
    def runner(self) -> Runner:
        """Runs exports and imports in a child process; made when first needed."""
        if self._made_runner is None:
            from ot62443_desktop.ui.worker import Runner

            self._made_runner = Runner()
        return self._made_runner

    @property
    def transfer(self) -> Transfer:
        if self._made_transfer is None:
            from ot62443_desktop.ui.transfer import Transfer

            self._made_transfer = Transfer(self, self.runner)
        return self._made_transfer

    @property
    def team(self) -> TeamWork:
        """Merge and split; made when first needed."""
        if self._made_team is None:
            from ot62443_desktop.ui.team import TeamWork

            self._made_team = TeamWork(self, self.runner, self._after_merge)
        return self._made_team

    @property
    def handoff(self) -> HandOff:
        """The evidence hand-off; made when first needed."""
        if self._made_handoff is None:
            from ot62443_desktop.ui.handoff import HandOff

            self._made_handoff = HandOff(self, self.runner)
        return self._made_handoff

    @property
    def protection(self) -> Protection:
        """The passphrase actions and the status bar's lock; made with the first encrypted project (or action)."""
        if self._made_protection is None:
            from ot62443_desktop.ui.protection import Protection

            self._made_protection = Protection(self, self.actions_by_id)
        return self._made_protection

    def _connect_actions(self) -> None:
        handlers = {
            Act.NEW: self.new_project, Act.NEW_FROM_PREVIOUS: self.new_from_previous, Act.OPEN: self.open_dialog,
            Act.OPEN_DEMO: self.open_demo,
            Act.CLOSE: self.close_requested, Act.QUIT: self.close, Act.PROJECT_SETUP: self.edit_project,
            Act.UNDO: lambda: self._undo_stack_do(lambda stack: stack.undo()),  # the store-aware undo
            Act.REDO: lambda: self._undo_stack_do(lambda stack: stack.redo()),
            Act.FIND: lambda: self._walkthrough_do(lambda w: w.focus_search()),
            Act.PREFERENCES: self.edit_preferences, Act.IMPORT_CATALOGUE: self.import_catalogue,
            Act.LICENSED_TEXT: self.licensed_text,
            Act.KEYBOARD_HELP: self.show_keyboard_help, Act.ABOUT: self.show_about,
            Act.NEXT: lambda: self._walkthrough_do(lambda w: w.go_next()),
            Act.PREVIOUS: lambda: self._walkthrough_do(lambda w: w.go_previous()),
            Act.NEXT_UNANSWERED: lambda: self._walkthrough_do(lambda w: w.go_next_unanswered()),
            Act.VIEW_ZONES: lambda: self.show_tab(0), Act.VIEW_WALKTHROUGH: lambda: self.show_tab(1),
            Act.VIEW_DASHBOARD: lambda: self.show_tab(2), Act.VIEW_PLAN: lambda: self.show_tab(3),
            Act.VIEW_PROGRESS: lambda: self.show_tab(4), Act.VIEW_DIAGRAM: lambda: self.show_tab(5),
            Act.VIEW_CONFLICTS: lambda: self.show_tab(CONFLICTS_TAB),
            Act.MERGE: lambda: self._team_do(lambda session: self.team.merge(session)),
            Act.SPLIT: lambda: self._team_do(lambda session: self.team.split(session)),
            Act.HAND_OFF: lambda: self._team_do(lambda session: self.handoff.hand_off(session)),
            Act.PROTECT: lambda: self._team_do(lambda session: self.protection.protect(session)),
            Act.CHANGE_PASSPHRASE: lambda: self._team_do(lambda session: self.protection.change(session)),
            Act.UNPROTECT: lambda: self._team_do(lambda session: self.protection.unprotect(session)),
        }
        for act, handler in handlers.items():
            self.action(act).triggered.connect(handler)
        self.action(Act.EXPORT_XLSX).triggered.connect(lambda: self._transfer("xlsx"))
        self.action(Act.EXPORT_PDF).triggered.connect(lambda: self._transfer("pdf"))
        self.action(Act.IMPORT_REGISTER).triggered.connect(lambda: self._transfer("import"))

    def _transfer(self, what: str) -> None:
        if self.session is None:
            return
        if self.view is not None:
            self.view.flush()
        if what == "import":
            self.transfer.import_register(self.session)
        else:
            self.transfer.export(self.session, what)

    def _team_do(self, fn: Callable[[ProjectSession], None]) -> None:
        if self.session is not None:
            if self.view is not None:
                self.view.flush()  # what is being typed is saved before the copy is read or written
            fn(self.session)

    def _after_merge(self) -> None:
        """Every view is built again on the merged project; the Conflicts tab comes first if there are any."""
        if self.session is None or self.view is None:
            return
        index = self.view.currentIndex()
        old, self.view = self.view, ProjectView(self.session)
        self.stack.addWidget(self.view)
        self.stack.setCurrentWidget(self.view)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.show_tab(CONFLICTS_TAB if self.session.conflict_count() else index)
        self._update_conflicts()

    def _update_conflicts(self) -> None:
        """The number of merge conflicts in the status bar, in the caution colours, while there are any."""
        count = 0 if self.session is None else self.session.conflict_count()
        self.conflicts_label.setText(self.tr("%n merge conflict(s)", "", count))
        self.conflicts_label.setPalette(tinted(self.statusBar().palette(), Hue.CAUTION))
        self.conflicts_label.setVisible(count > 0)

    def _undo_stack_do(self, fn: Callable[[QUndoStack], None]) -> None:
        if self.session is not None and not self.session.read_only:
            if self.view is not None:
                self.view.flush()  # typed text first becomes its own undo step
            fn(self.session.undo_stack)

    def _walkthrough_do(self, fn: object) -> None:
        if self.view is not None:
            self.show_tab(1)
            fn(self.view.walkthrough)  # type: ignore[operator]

    def show_tab(self, index: int) -> None:
        if self.view is not None:
            self.view.page(index)
            self.view.setTabVisible(index, True)  # asked for by name: it says why it is empty, if it is
            self.view.setCurrentIndex(index)

    def _update_state(self) -> None:
        has_project = self.session is not None
        editable = has_project and not self.session.read_only  # type: ignore[union-attr]
        encrypted = has_project and self.session.store.encrypted  # type: ignore[union-attr]
        for action in self.actions_by_id.values():
            action.setEnabled(not action.property("needs_project") or has_project)
        for act in (Act.PROJECT_SETUP, Act.IMPORT_REGISTER, Act.MERGE):
            self.action(act).setEnabled(editable)
        if self.session is not None:
            stack = self.session.undo_stack
            self.action(Act.UNDO).setEnabled(stack.canUndo() and editable)
            self.action(Act.REDO).setEnabled(stack.canRedo() and editable)
        if encrypted or self._made_protection is not None:
            self.protection.show_state(self.session)
        else:  # a plain project: only Protect; the lock badge (and its module) wait for an encrypted one
            self.action(Act.PROTECT).setEnabled(editable)
            self.action(Act.CHANGE_PASSPHRASE).setEnabled(False)
            self.action(Act.UNPROTECT).setEnabled(False)
        self._update_title()

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle(APP_NAME)
            self.saved_label.setText("")
            return
        name = self.session.store.path.name
        if self.save_error is not None:
            state = self.tr("NOT SAVED: the last change failed")
        elif self.session.read_only:
            state = self.tr("read-only: %1").replace("%1", self.session.store.read_only_reason)
        else:
            state = self.tr("all changes saved")
        title = f"{name} [{elide(state)}] — {APP_NAME}"
        self.setWindowTitle(title.replace("[*]", "[*][*]"))  # Qt hides a lone "[*]" (its "modified" mark)

    def _on_undo_index(self, _index: int) -> None:
        self._update_state()

    def _on_saved(self) -> None:
        self._unsaved.clear()  # the disk works again; typed text still unsaved is retried, and listed again if it fails
        if self.save_error is not None:
            self.save_error = None
            self._alarm(False)
            self.statusBar().clearMessage()
        self.saved_label.setText(self.tr("Saved %1").replace("%1", datetime.now().strftime("%H:%M:%S")))
        self._update_state()

    def _alarm(self, on: bool) -> None:
        """The status bar's saved indicator in the alarm colours while a change is not saved."""
        font = self.saved_label.font()
        font.setBold(on)
        self.saved_label.setFont(font)
        self.saved_label.setAutoFillBackground(on)
        palette = QPalette(self.statusBar().palette())
        if on:
            alarm = theme(palette).alarm()
            palette.setColor(QPalette.ColorRole.Window, alarm.background)
            palette.setColor(QPalette.ColorRole.WindowText, alarm.text)
        self.saved_label.setPalette(palette)

    # -- failures: told at once in the title and status bar, explained in a box -----------------

    def _on_save_failed(self, what: str, reason: str, unsaved: str) -> None:
        self.save_error = reason
        self.saved_label.setText(self.tr("NOT SAVED"))
        self._alarm(True)
        self.statusBar().showMessage(self.tr("Not saved: %1").replace("%1", reason))
        self._update_state()
        if unsaved:  # kept until a change is saved: a later failure (an undo, a retry) must not drop it
            self._unsaved[(what, unsaved.partition("\n")[0])] = f"{what}\n{unsaved}"
        if self._failure is None:  # the box opens once control is back in the event loop, not mid-write
            QTimer.singleShot(0, self, self._show_save_failure)
        self._failure = (what, reason, "\n\n".join(self._unsaved.values()))

    def _show_save_failure(self) -> None:
        from ot62443_desktop.ui.errors import Icon, show_message, showing

        failure, self._failure = self._failure, None
        if failure is None or self.session is None:
            return
        what, reason, unsaved = failure
        if self.session.read_only:
            todo = self.tr("This project can no longer be changed in this window. Copy any text you still "
                           "need, then close the project and open it again.")
        else:
            todo = self.tr("Free some disk space, or check that the project's folder can still be written "
                           "(a removed USB stick, a network share that went away), then make the change "
                           "again. If it keeps failing, close the project and open it again.")
        parts = [self.tr("Your change “%1” could not be saved.").replace("%1", what), reason, todo,
                 self.tr("Every change made before this one is saved.")]
        if unsaved:
            parts.append(self.tr("The text you typed is under Show Details, so you can copy it."))
        text = "\n\n".join(parts)
        if showing(self.failure_box):
            assert self.failure_box is not None
            self.failure_box.setText(text)
            self.failure_box.setDetailedText(unsaved)
            return
        self.failure_box = show_message(self, Icon.Critical, self.tr("Change not saved"), text, unsaved)

    def _on_store_warning(self, warning: str) -> None:
        from ot62443_desktop.ui.errors import Icon, show_message

        self.statusBar().showMessage(warning, 20000)
        if self.session is not None and self.session.read_only and not self._told_read_only:
            self._told_read_only = True
            show_message(self, Icon.Warning, self.tr("Project now read-only"), "\n\n".join([
                self.session.store.read_only_reason,
                self.tr("Every change so far is saved, but no more changes are possible in this window. "
                        "Close the project and open it again."),
            ]))
        self._update_state()

    # -- opening and closing ----------------------------------------------------------------------

    def ask_open_path(self) -> str:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), "",
                                              self.tr("OT 62443 projects (*.ot62443)"))
        return name

    def ask_new_path(self) -> str:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(self, self.tr("New project"), "",
                                              self.tr("OT 62443 projects (*.ot62443)"))
        if name and not name.endswith(".ot62443"):
            name += ".ot62443"
        return name

    def open_dialog(self) -> None:
        if not self.confirm_close():
            return
        path = self.ask_open_path()
        if path:
            self.open_path(path)

    def new_project(self) -> None:
        from ot62443_desktop.ui.project_dialog import ProjectDialog

        if not self.confirm_close():
            return
        dialog = ProjectDialog(parent=self)
        if not dialog.exec() or dialog.result_info is None:
            return
        path = self.ask_new_path()
        if not path:
            return
        from ot62443_desktop.api import Project
        from ot62443_desktop.storage import ProjectStore, StoreError
        from ot62443_desktop.ui.protection import ask_new_passphrase

        passphrase = None
        if dialog.encrypt.isChecked():
            passphrase = ask_new_passphrase(self, self.tr("Encrypt the new project"), Path(path).name)
            if passphrase is None:
                return
        try:
            store = ProjectStore.create(path, dialog.result_info, passphrase=passphrase)
        except (StoreError, OSError) as exc:
            self.show_error(self.tr("Cannot create the project"), str(exc))
            return
        self.set_project(Project(store, gui_catalogues()))
        self.show_tab(0)

    def new_from_previous(self) -> None:
        """Next year's assessment of the same plant, carried forward from last year's project file."""
        from ot62443_desktop.ui.new_from_previous import NewFromPrevious

        if not self.confirm_close():
            return
        project = NewFromPrevious(self).run(gui_catalogues())
        if project is not None:
            self.set_project(project)
            self.statusBar().showMessage(self.tr("New assessment carried forward: every answer starts not "
                                                 "assessed, with last time's beside it. Set its dates in Project "
                                                 "details."), 20000)

    def open_demo(self) -> None:
        from ot62443_desktop.demo import write_demo
        from ot62443_desktop.storage import StoreError
        from ot62443_desktop.ui.errors import describe

        if not self.confirm_close():
            return
        folder = data_dir() / "demo"
        path = folder / f"demo-{datetime.now():%Y%m%d-%H%M%S-%f}.ot62443"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_demo(path)
        except (StoreError, OSError) as exc:
            self.show_error(self.tr("Cannot write the demo project"), describe(exc))
            return
        self.open_path(str(path))

    def open_path(self, path: str, unlock: Unlock | None = None) -> bool:
        """Open the project at `path`, asking its passphrase if it is encrypted (`unlock`: the one already typed)."""
        from ot62443_desktop.api import Project
        from ot62443_desktop.domain.catalogue_loader import CatalogueError
        from ot62443_desktop.domain.model import ModelError
        from ot62443_desktop.storage import ProjectDamagedError, ProjectStore, StoreError, is_encrypted
        from ot62443_desktop.storage.recovery import needs_passphrase
        from ot62443_desktop.ui.errors import Icon, show_message
        from ot62443_desktop.ui.unlock import Cancelled, Unlock, open_store

        unlock = unlock or Unlock(self, path)
        try:
            store = unlock.run(lambda secret: open_store(path, secret), ask_first=is_encrypted(path))
        except Cancelled:
            self.statusBar().showMessage(fill(self.tr("%1 was not opened: no passphrase was given."), path), 10000)
            return False
        except ProjectDamagedError as exc:
            if exc.recoverable and self.ask_recover(str(exc)):
                try:
                    message = unlock.run(lambda secret: ProjectStore.recover(path, passphrase=secret),
                                         ask_first=needs_passphrase(path))
                except Cancelled:
                    return False
                except StoreError as again:
                    self.show_error(self.tr("Recovery failed"), str(again))
                    return False
                self.statusBar().showMessage(message, 10000)
                return self.open_path(path, unlock)
            self.show_error(self.tr("Cannot open the project"), str(exc))
            return False
        except (StoreError, CatalogueError, ModelError, OSError) as exc:
            self.show_error(self.tr("Cannot open the project"), str(exc))
            return False
        self.set_project(Project(store, gui_catalogues()))
        for warning in store.warnings:
            log.warning("%s: %s", store.path, warning)
            self.statusBar().showMessage(warning, 10000)
        if store.read_only:
            show_message(self, Icon.Information, self.tr("Opened read-only"), self.tr(
                "This project is %1. You can read it but not change it here.").replace("%1", store.read_only_reason))
        return True

    def ask_recover(self, message: str) -> bool:
        from ot62443_desktop.ui.errors import ask

        return ask(self, self.tr("Damaged project"), message + "\n\n" + self.tr(
            "Restore the last good backup? The damaged file is kept in the backup folder."))

    def show_error(self, title: str, message: str) -> None:
        from ot62443_desktop.ui.errors import Icon, show_message

        show_message(self, Icon.Critical, title, message)

    def set_project(self, project: Project) -> None:
        from ot62443_desktop.ui.session import ProjectSession

        self.close_project()
        self.session = ProjectSession(project, self)
        self.session.saved.connect(self._on_saved)
        self.session.save_failed.connect(self._on_save_failed)
        self.session.store_warning.connect(self._on_store_warning)
        self.session.refused.connect(lambda why: self.statusBar().showMessage(why, 10000))
        self._told_read_only = project.store.read_only
        self.session.undo_stack.indexChanged.connect(self._on_undo_index)
        self.session.conflicts_changed.connect(self._update_conflicts)
        self.view = ProjectView(self.session)
        self.stack.addWidget(self.view)
        self.stack.setCurrentWidget(self.view)
        self.recent.add(str(project.store.path))
        self.show_tab(1 if project.store.zones() else 0)
        self._update_conflicts()
        self._update_state()
        self._warn_missing_catalogues()

    def _warn_missing_catalogues(self) -> None:
        """A project naming a catalogue of the user's own that this computer has not imported opens without
        it; the person must know why its requirements are not there, and that nothing of it was lost."""
        from ot62443_desktop.ui.errors import Icon, tell

        missing = self.session.project.missing_catalogues if self.session else ()
        if missing:
            tell(self, Icon.Warning, self.tr("Catalogue missing"), fill(self.tr(
                "This project is also assessed against %1, which is not imported on this computer. Its requirements "
                "are left out of the walkthrough, the figures and the exports until you import it (File > Import "
                "catalogue); the answers recorded against it stay in the project file untouched."),
                elide(", ".join(missing), 600)))  # a hand-edited file may name thousands: a box taller than a screen

    def confirm_close(self) -> bool:
        """Commit text still being typed; if the last change could not be saved, ask before it is lost."""
        from ot62443_desktop.ui.errors import Icon, ask

        if self.session is None:
            return True
        if self.view is not None:
            self.view.flush()
        if self.save_error is None:
            return True
        self._failure = None  # this question says it all; no box after it
        return ask(self, self.tr("Close without saving?"), "\n\n".join([
            self.tr("The last change was not saved:"), self.save_error,
            self.tr("If you close the project now, that change is lost (every change before it is saved). "
                    "Choose No to stay and copy what you typed.")]), icon=Icon.Warning, default_yes=False)

    def close_requested(self) -> None:
        if self.confirm_close():
            self.close_project()

    def close_project(self) -> None:
        """Close the open project; what the store could not finish is shown, never raised."""
        from ot62443_desktop.ui.errors import Icon, tell

        if self.session is None:
            return
        if self.view is not None:
            self.view.flush()
            self.stack.removeWidget(self.view)
            self.view.deleteLater()
            self.view = None
        name = self.session.store.path.name
        messages = self.session.close()
        self.session.deleteLater()
        self.session = None
        self.save_error, self._failure = None, None
        self._unsaved.clear()
        self._alarm(False)
        self.saved_label.setText("")
        self._update_conflicts()
        self.stack.setCurrentWidget(self.start_page)
        self.start_page.set_recent(self.recent.entries())
        self._update_state()
        if messages:
            tell(self, Icon.Warning, self.tr("Closing %1").replace("%1", name), "\n\n".join(messages))

    def import_catalogue(self) -> None:
        from ot62443_desktop.ui.import_catalogue import CatalogueLibrary

        CatalogueLibrary(self).exec()
        if self.session is not None:  # a catalogue the project names may have come, or gone
            self.session.reload_catalogues()

    def licensed_text(self) -> None:
        """The user's own licensed text of the standard: import or remove it (SPEC 12.6)."""
        from ot62443_desktop.ui.licensed_text_dialog import LicensedTextDialog

        LicensedTextDialog(parent=self).exec()

    def show_keyboard_help(self) -> None:
        """F1: the keyboard reference, beside the window (not modal); F1 again brings it forward."""
        from ot62443_desktop.ui.keyboard_help import KeyboardHelp

        if self.keyboard_help is None:
            self.keyboard_help = KeyboardHelp(self.actions_by_id, self)
        if self.keyboard_help.isVisible():
            self.keyboard_help.raise_()
            self.keyboard_help.activateWindow()
        else:
            self.keyboard_help.show()

    def show_about(self) -> None:
        from ot62443_desktop.ui.about import AboutDialog

        AboutDialog(self).exec()

    def edit_preferences(self) -> None:
        from ot62443_desktop.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec() and dialog.language is not gui_language():
            self.statusBar().showMessage(fill(self.tr("Language set to %1; it applies the next time you start %2."),
                                              dialog.language.native_name, APP_NAME), 20000)

    def edit_project(self) -> None:
        if self.session is None or not self.session.editable():
            return
        from ot62443_desktop.ui.commands import SetInfoCommand
        from ot62443_desktop.ui.project_dialog import ProjectDialog

        dialog = ProjectDialog(self.session.store.info, self)
        if dialog.exec() and dialog.result_info and dialog.result_info != self.session.store.info:
            self.session.undo_stack.push(SetInfoCommand(self.session, self.session.store.info, dialog.result_info))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Closing never raises: what goes wrong is logged and shown, and the window still closes."""
        from ot62443_desktop.ui.errors import Icon, describe, tell

        try:
            if not self.confirm_close():
                event.ignore()
                return
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.close_project()
            self.settings.sync()
        except Exception as exc:  # noqa: BLE001 - the person is told; the program still ends cleanly
            log.exception("closing the window")
            tell(self, Icon.Critical, self.tr("Error while closing"), self.tr(
                "Something went wrong while closing: %1\n\nEvery change that was reported saved is in the "
                "project file or its journal and is there the next time you open it.").replace("%1", describe(exc)))
        event.accept()

    # -- recent files ---------------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        """The recent projects that are where they were (a share is listed unvisited)."""
        return [entry.path for entry in self.recent.entries() if not entry.missing]

    def open_recent(self, path: str) -> bool:
        """Open a recent project; one that is gone since the list was drawn is taken off it, and told."""
        from ot62443_desktop.ui.errors import Icon, show_message

        if local_files.present(path) is False:
            self.recent.remove(path)
            self.start_page.set_recent(self.recent.entries())
            show_message(self, Icon.Warning, self.tr("Project not found"), fill(self.tr(
                "%1 is not there any more: it was moved, renamed or deleted, or it is on a drive that is not "
                "connected. It was taken off the recent projects; use File > Open to find it."), path))
            return False
        if not self.confirm_close():
            return False
        return self.open_path(path)

    def clear_recent(self) -> None:
        self.recent.clear()
        self.start_page.set_recent(self.recent.entries())


