"""File > Protect with a passphrase, Change passphrase, Remove protection, and the lock in the status bar.

Each is one call of the store (a compaction with another key: the old form or the new one, whole,
whatever happens), so nothing here needs undoing: a failure (a full disk, the lock lost) says why
and that nothing was changed. The lock badge tells at a glance that the open project is encrypted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QWidget

from ot62443_desktop.ui.actions import Act
from ot62443_desktop.ui.badge import Badge
from ot62443_desktop.ui.errors import Icon, choose, show_message
from ot62443_desktop.ui.i18n import fill
from ot62443_desktop.ui.icons import icon
from ot62443_desktop.ui.theme import Hue

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from ot62443_desktop.ui.session import ProjectSession

LOCK_ICON = 16  # px: the badge's lock, the size of a menu's icons


def ask_new_passphrase(parent: QWidget, title: str, name: str) -> str | None:
    """A new passphrase for the project file `name`, typed twice with a strength hint; None if cancelled."""
    from ot62443_desktop.ui.passphrase_dialog import Mode, ask_passphrase

    prompt = fill(QCoreApplication.translate(
        "Protection", "%1, its journal and its backups are encrypted with this passphrase (AES-256); it is asked "
        "each time the project is opened. Nothing can recover a forgotten passphrase: keep it where you keep the "
        "client's other secrets."), name)
    return ask_passphrase(parent, Mode.NEW, title, prompt)


class LockBadge(QWidget):
    """A lock and "Encrypted" on a tint, in the status bar while the open project is encrypted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lock = QLabel()
        self.lock.setPixmap(icon("lock").pixmap(QSize(LOCK_ICON, LOCK_ICON)))
        self.badge = Badge(lambda theme: theme.fill(Hue.GOOD, over=theme.window))
        self.badge.setText(self.tr("Encrypted"))
        self.setToolTip(self.tr("This project is encrypted: its file, its journal and its backups open only with "
                                "its passphrase."))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self.lock, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)


class Protection(QObject):
    """The three passphrase actions of one main window, and its lock badge."""

    def __init__(self, window: QMainWindow, actions: dict[Act, QAction]) -> None:
        super().__init__(window)
        self.window = window
        self.actions = actions
        self.badge = LockBadge()
        window.statusBar().insertPermanentWidget(0, self.badge)
        self.badge.hide()

    def show_state(self, session: ProjectSession | None) -> None:
        """Offer what fits the open project (protect a plain one; change or remove an encrypted one's
        passphrase; nothing when it is read-only), and show the badge while it is encrypted."""
        encrypted = session is not None and session.store.encrypted
        editable = session is not None and not session.read_only
        self.actions[Act.PROTECT].setEnabled(editable and not encrypted)
        self.actions[Act.CHANGE_PASSPHRASE].setEnabled(editable and encrypted)
        self.actions[Act.UNPROTECT].setEnabled(editable and encrypted)
        self.badge.setVisible(encrypted)

    # overridable in tests: the confirmation
    def confirm_unprotect(self, name: str) -> bool:
        return bool(choose(self.window, Icon.Warning, self.tr("Remove protection"), fill(self.tr(
            "Store %1 without encryption? The project file and its backups become readable: anyone who gets "
            "this computer, the file or a backup of it can read every finding. Copies made before (a work "
            "package, a copy on a USB stick) keep their passphrase."), name),
            [(self.tr("&Remove protection"), True)], default=None))

    def protect(self, session: ProjectSession) -> None:
        name = session.store.path.name
        passphrase = ask_new_passphrase(self.window, self.tr("Protect with a passphrase"), name)
        if passphrase is not None:
            self._set(session, passphrase, self.tr("Protect with a passphrase"), fill(self.tr(
                "%1 and its backups are encrypted. A forgotten passphrase cannot be recovered."), name))

    def change(self, session: ProjectSession) -> None:
        name = session.store.path.name
        passphrase = ask_new_passphrase(self.window, self.tr("Change passphrase"), name)
        if passphrase is not None:
            self._set(session, passphrase, self.tr("Change passphrase"), fill(self.tr(
                "%1 and its backups now open with the new passphrase only. Copies made before keep the old "
                "one."), name))

    def unprotect(self, session: ProjectSession) -> None:
        name = session.store.path.name
        if self.confirm_unprotect(name):
            self._set(session, None, self.tr("Remove protection"), fill(self.tr(
                "%1 and its backups are no longer encrypted."), name))

    def _set(self, session: ProjectSession, passphrase: str | None, title: str, done: str) -> None:
        from ot62443_desktop.storage import StoreError

        try:
            session.set_protection(passphrase)
        except StoreError as exc:
            show_message(self.window, Icon.Critical, title, "\n\n".join([str(exc), self.tr(
                "Nothing was changed: the project keeps the protection it had. Free some disk space, or check that "
                "its folder can still be written, then try again. If it keeps failing, close the project and open "
                "it again.")]))
        else:
            self.window.statusBar().showMessage(done, 20000)
        self.show_state(session)
